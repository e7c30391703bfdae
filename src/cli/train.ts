/** `npm run train`: trains a model from training/ and stores it in the model cache, printing its figures. */
import { loadOrTrainModel } from '../intents/index.js';
import { cliPaths } from './paths.js';

const { model, trained } = loadOrTrainModel({ ...cliPaths(), log: (m) => console.error(m) });
const f = model.file;
console.log(
  `${trained ? 'trained' : 'up to date'}: model ${f.version}, ${f.corpusSize} examples, ${f.intents.length} intents, trained in ${f.trainMs} ms`,
);
