/**
 * A network's flat arrays (NetArrays) as one binary file: the training process writes it, the chat process reads it
 * with async I/O and gets typed arrays that are views on the bytes read. Sent over the IPC channel instead, the same
 * ~3.5 MB were concatenated and deserialised on the chat thread in one go (~9 ms of blocking in bench/retrain.ts).
 *
 * Layout: u32 header length (little-endian), the header as UTF-8 JSON, zero padding to a multiple of 8, then in the
 * machine's byte order (both processes run on it) biases (f64 × intents), weights (f32 × intents × features) and name
 * lengths (u32 × features), and last the names as UTF-16LE code units (code units, not text: a name holding half a
 * surrogate pair comes back as it was).
 */
import type { NetArrays } from './classifier.js';

interface Header {
  settings: unknown;
  intents: string[];
  features: number;
  nameUnits: number;
  vocab: string[] | null;
}

const pad8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The file's bytes, as chunks for writeFileSync (nothing is copied into one buffer). */
export function encodeNet(a: NetArrays): Uint8Array[] {
  const header: Header = { settings: a.settings, intents: a.intents, features: a.nameLengths.length, nameUnits: a.names.length, vocab: a.vocab };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(pad8(4 + json.length));
  new DataView(head.buffer).setUint32(0, json.length, true);
  head.set(json, 4);
  const bytes = (v: ArrayBufferView): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return [head, bytes(a.biases), bytes(a.weights), bytes(a.nameLengths), Buffer.from(a.names, 'utf16le')];
}

/** Reads NetArrays back from the file's bytes; the arrays are views on `bytes` (copied once if it is misaligned). */
export function decodeNet(bytes: Uint8Array): NetArrays {
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + length))) as Header;
  const n = header.features;
  const intents = header.intents.length;
  let at = data.byteOffset + pad8(4 + length);
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, count: number) => T, count: number, size: number): T => {
    const out = make(data.buffer, at, count);
    at += count * size;
    return out;
  };
  const biases = take((b, o, c) => new Float64Array(b, o, c), intents, 8);
  const weights = take((b, o, c) => new Float32Array(b, o, c), intents * n, 4);
  const nameLengths = take((b, o, c) => new Uint32Array(b, o, c), n, 4);
  const units = take((b, o, c) => new Uint16Array(b, o, c), header.nameUnits, 2);
  if (at !== data.byteOffset + data.byteLength) throw new Error('network file is not the size its header says');
  // Node's utf16le decoding copies code units as they are (TextDecoder would replace half a surrogate pair): ~0.6 ms
  // for 300k units, where String.fromCharCode in chunks took ~20 ms.
  const names = Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  return { settings: header.settings, intents: header.intents, names, nameLengths, weights, biases, vocab: header.vocab };
}
