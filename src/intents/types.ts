/** Shared types of the language layer. Everything in src/intents speaks these; nothing here knows about chats. */

/** The intent ids the model is trained on. Everything built on top may rely on exactly these. */
export const INTENT_IDS = [
  'greeting', 'farewell', 'size', 'color', 'shipping', 'tracking', 'invoice', 'damage', 'quality',
  'wrong_item', 'return_exchange', 'refund', 'cancel_order', 'address_change', 'discount',
  'product_info', 'stock', 'payment', 'complaint', 'human', 'membership', 'warranty',
  'recommendation', 'None',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

/** Which script the buyer wrote in; replies are given back in the same one. */
export type Script = 'hans' | 'hant' | 'en';

/** Output of the normalise stage. */
export interface Normalised {
  /** The text exactly as the buyer sent it. */
  raw: string;
  /** Simplified Chinese, half-width, lower-case, punctuation folded to spaces, emoji removed. */
  text: string;
  /** Script the buyer used (drives the reply's script). */
  script: Script;
  /** Emoji found in the raw text (they carry mood). */
  emoji: string[];
}

export type EntityKind =
  | 'orderId' | 'height' | 'weight' | 'footLength' | 'size' | 'shoeSize' | 'color'
  | 'phone' | 'money' | 'courier' | 'quantity';

/** An entity found in the normalised text. Numeric values are converted to canonical units (cm, kg, CNY). */
export interface Entity {
  kind: EntityKind;
  /** Canonical value: cm for height/footLength, kg for weight, EU size for shoeSize, 'M'/'XL' for size, 'black' style ids for color. */
  value: string | number;
  /** The matched text as it appears in Normalised.text. */
  text: string;
  start: number;
  end: number;
}

export interface IntentScore { intent: IntentId; score: number }

/** Output of the classify stage. */
export interface Classification {
  intent: IntentId;
  score: number;
  /** Best first; at most five entries. */
  ranking: IntentScore[];
  /** True when the top two intents are within the ambiguity margin. */
  ambiguous: boolean;
  /** Why the classifier answered None, when it did (for the trainer's inbox). */
  noneReason?: 'no-known-words' | 'low-score' | 'model';
}

/** The language layer as the rest of the app sees it. Implemented in src/intents/index.ts around node-nlp. */
export interface Nlu {
  /** Model version (hash of the corpus it was trained on, plus the train date). */
  readonly version: string;
  normalise(raw: string): Normalised;
  classify(norm: Normalised): Classification;
  /** Splits a message that asks several things into clauses and classifies each (有黑色吗 什么时候发货). */
  classifyClauses(norm: Normalised): Classification[];
  extract(norm: Normalised): Entity[];
}
