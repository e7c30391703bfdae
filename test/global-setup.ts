/** Trains the model once before any test file runs, so parallel test files load it from the cache instead. */
import { fileURLToPath } from 'node:url';
import { loadOrTrainModel } from '../src/intents/index.js';

/**
 * The model cache every test file shares. It lives inside this checkout (data/models/ is ignored by git), never in
 * the machine's temp dir: another checkout with other feature code would otherwise hand its model to these tests.
 */
export const TEST_MODEL_CACHE = fileURLToPath(new URL('../data/models/test-cache/', import.meta.url));

export default function setup(): void {
  loadOrTrainModel({ trainingDir: 'training', cacheDir: TEST_MODEL_CACHE });
}
