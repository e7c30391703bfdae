/** Trains the model once before any test file runs, so parallel test files load it from the cache instead. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrTrainModel } from '../src/intents/index.js';

/** The model cache every test file shares. */
export const TEST_MODEL_CACHE = join(tmpdir(), 'kefu-bot-test-nlu');

export default function setup(): void {
  loadOrTrainModel({ trainingDir: 'training', cacheDir: TEST_MODEL_CACHE });
}
