/** The small part of node-nlp's untyped API that we use. Only src/intents/ imports these modules. */
declare module 'node-nlp/src/classifiers/index.js' {
  export interface NeuralSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean | ((status: unknown, ms: number) => void);
  }
  export interface NeuralSample {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralSettings);
    train(corpus: NeuralSample[]): { error: number; iterations: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
  const classifiers: { NeuralNetwork: typeof NeuralNetwork };
  export default classifiers;
}

declare module 'node-nlp' {
  export class NlpManager {
    constructor(settings: { languages: string[]; forceNER?: boolean; nlu?: Record<string, unknown>; autoSave?: boolean });
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  }
  const nodeNlp: { NlpManager: typeof NlpManager };
  export default nodeNlp;
}
