/** Where the command-line tools find the corpus and the model cache (env overrides for tests and deployments). */
import { join } from 'node:path';

/** Training folder and model cache folder, from TRAINING_DIR, MODEL_DIR and DATA_DIR (defaults: training/, data/models/). */
export function cliPaths(): { trainingDir: string; cacheDir: string } {
  const dataDir = process.env.DATA_DIR ?? 'data';
  return { trainingDir: process.env.TRAINING_DIR ?? 'training', cacheDir: process.env.MODEL_DIR ?? join(dataDir, 'models') };
}
