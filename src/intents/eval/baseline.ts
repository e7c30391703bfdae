/** Raw node-nlp, used as it comes (its own zh/en pipelines), as the yardstick in `npm run eval`. */
import nodeNlp from 'node-nlp';
import type { Sample } from '../corpus.js';

const localeOf = (text: string): 'zh' | 'en' => (/[\u3400-\u9fff]/.test(text) ? 'zh' : 'en');

/** A trained baseline: predicts an intent id for a text. */
export interface Baseline {
  predict(text: string): Promise<string>;
}

/** Trains node-nlp's NlpManager on the samples with its default settings. */
export async function trainBaseline(samples: Sample[]): Promise<Baseline> {
  const manager = new nodeNlp.NlpManager({ languages: ['zh', 'en'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const s of samples) manager.addDocument(localeOf(s.text), s.text, s.intent);
  await manager.train();
  return {
    async predict(text) {
      const r = await manager.process(localeOf(text), text);
      return r.intent === 'None' || !r.intent ? 'None' : r.intent;
    },
  };
}
