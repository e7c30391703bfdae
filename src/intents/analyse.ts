/** The text layer in one call: normalise → segment → extract entities → features. */
import { extractEntities } from './entities.js';
import { featuresOf } from './features.js';
import { normalise } from './normalise.js';
import { segment } from './segment.js';
import type { Entity, Normalised } from './types.js';

/** Everything the classifier and the bot need from one piece of text. */
export interface Analysis {
  norm: Normalised;
  tokens: string[];
  entities: Entity[];
  features: Record<string, number>;
}

/** Analyses already-normalised text (clauses of a message reuse the message's normalisation). */
export function analyseNormalised(norm: Normalised): Analysis {
  const tokens = segment(norm.text);
  const entities = extractEntities(norm.text);
  return { norm, tokens, entities, features: featuresOf(norm, tokens, entities) };
}

/** Analyses raw buyer text. */
export const analyse = (raw: string): Analysis => analyseNormalised(normalise(raw));
