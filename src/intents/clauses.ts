/** Splits a message that asks several things into clauses (有黑色吗 什么时候发货 → two questions). */

const HAN = /[\u3400-\u9fff]/;

/**
 * Candidate clause boundaries: spaces (punctuation is already folded to spaces by normalise) and a question
 * particle 吗/呢 directly followed by more Chinese. Pieces are merged back by the caller when a piece alone means
 * nothing (170 / 60kg / 穿什么码).
 */
export function splitPieces(text: string): string[] {
  const marked = text.replace(/([吗呢])(?=[\u3400-\u9fff]{2,})/g, '$1 ');
  return marked.split(' ').filter((p) => p.length > 0);
}

/** True when a piece is long enough to be a question of its own. */
export function canStandAlone(piece: string): boolean {
  let han = 0;
  for (const ch of piece) if (HAN.test(ch)) han += 1;
  if (han >= 3) return true;
  return han === 0 && piece.split(/\s+/).length >= 3;
}
