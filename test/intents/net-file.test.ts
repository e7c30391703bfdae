import { describe, expect, test } from 'vitest';
import type { NetArrays } from '../../src/intents/classifier.js';
import { decodeNet, encodeNet } from '../../src/intents/net-file.js';

/** A small network whose names include Chinese, an emoji and half of a surrogate pair. */
function sample(vocab: string[] | null = null): NetArrays {
  const features = ['w:发货', 'b:包邮', 'm:🙏', 'x:\ud83d', 'w:a'];
  return {
    settings: { iterations: 20, deltaErrorThresh: 0 },
    intents: ['shipping', 'None'],
    names: features.join(''),
    nameLengths: Uint32Array.from(features, (f) => f.length),
    weights: Float32Array.from({ length: 10 }, (_, i) => (i - 4.5) / 3),
    biases: Float64Array.from([0.123456789012345, -1e-9]),
    vocab,
  };
}

const joined = (chunks: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
};

describe('network file', () => {
  test('arrays, names (code unit for code unit) and settings read back exactly as written', () => {
    const a = sample();
    expect(decodeNet(joined(encodeNet(a)))).toEqual(a);
    expect(decodeNet(joined(encodeNet(sample(['w:发货', 'w:extra'])))).vocab).toEqual(['w:发货', 'w:extra']);
  });

  test('the arrays are views on the bytes read, not copies', () => {
    const bytes = joined(encodeNet(sample()));
    const net = decodeNet(bytes);
    expect(net.weights.buffer).toBe(bytes.buffer);
    expect(net.biases.buffer).toBe(bytes.buffer);
  });

  test('bytes at an odd offset are copied once and still read back', () => {
    const bytes = joined(encodeNet(sample()));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeNet(shifted.subarray(3))).toEqual(sample());
  });

  test('a cut-off file is refused', () => {
    const bytes = joined(encodeNet(sample()));
    expect(() => decodeNet(bytes.subarray(0, bytes.length - 8))).toThrow();
  });
});
