/**
 * Averaged-perceptron sequence tagger (BIO over PER/ORG/LOC/MISC) with hashed features.
 * Per-token values live in typed arrays; feature keys are integers mixed from them, so the
 * hot loop allocates nothing. Tokens with no capital letter, no gazetteer hit and an O before
 * them are tagged O without scoring (the same gate in training and inference).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import { featureKey, hashExact, hashLower, isUpperCode, lowerCode, pair } from './hash.js';
import type { Gazetteer } from './gazetteer.js';
import { matchGazetteer } from './gazetteer.js';

/** Tag ids: 0 O, then B/I pairs per type. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NTAGS = TAGS.length;
/** Entity type of a tag id: 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC. @example tagType(3) // 2 */
export function tagType(t: number): number {
  return (t + 1) >> 1;
}
/** True for I- tags. */
export function isInside(t: number): boolean {
  return t > 0 && (t & 1) === 0;
}

/** Per-token values the feature templates read. */
export interface TokenInfo {
  n: number;
  lw: Uint32Array;
  ew: Uint32Array;
  shape: Uint32Array;
  pre: Uint32Array; // 2 per token: prefix 2, 3
  suf: Uint32Array; // 3 per token: suffix 2, 3, 4
  gaz: Uint8Array; // kind * 2 + (inside ? 1 : 0), 0 none
  cls: Uint8Array; // bits: 1 capitalized, 2 all caps, 4 sentence start, 8 digit, 16 has upper, 32 word, 64 lower seen in doc, 128 one char
  sent: Uint32Array;
  /** Gazetteer match entry id per token, -1 none. */
  gazEntry: Int32Array;
}

const PAD_L = 0x1234567;
const PAD_R = 0x7654321;

function shapeCode(c: number): number {
  if (c >= 48 && c <= 57) return 100; // d
  if (isUpperCode(c)) return 88; // X
  if (lowerCode(c) !== c || (c >= 97 && c <= 122) || c > 191) return 120; // x
  return c;
}

/**
 * Compute per-token values for a doc's tokens.
 * @example tokenInfo(doc.text, doc.tokens, loadGazetteer())
 */
export function tokenInfo(text: string, tokens: TokenTable, gaz: Gazetteer): TokenInfo {
  const n = tokens.length;
  const info: TokenInfo = {
    n,
    lw: new Uint32Array(n),
    ew: new Uint32Array(n),
    shape: new Uint32Array(n),
    pre: new Uint32Array(n * 2),
    suf: new Uint32Array(n * 3),
    gaz: new Uint8Array(n),
    cls: new Uint8Array(n),
    sent: tokens.sentence,
    gazEntry: new Int32Array(n).fill(-1),
  };
  const lowerSeen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const s = tokens.start[i]!;
    const e = tokens.end[i]!;
    let h = 0x811c9dc5;
    let sh = 0x811c9dc5;
    let lastShape = -1;
    let upper = 0;
    for (let j = s; j < e; j++) {
      const c = text.charCodeAt(j);
      h = Math.imul(h ^ lowerCode(c), 0x01000193);
      if (j - s === 1) info.pre[i * 2] = h >>> 0;
      if (j - s === 2) info.pre[i * 2 + 1] = h >>> 0;
      const sc = shapeCode(c);
      if (sc === 88) upper = 1;
      if (sc !== lastShape) {
        sh = Math.imul(sh ^ sc, 0x01000193);
        lastShape = sc;
      }
    }
    info.lw[i] = h >>> 0;
    info.ew[i] = hashExact(text, s, e);
    info.shape[i] = (sh >>> 0) ^ Math.min(e - s, 4);
    for (let k = 0; k < 3; k++) info.suf[i * 3 + k] = e - s > k + 2 ? hashLower(text, e - k - 2, e) : info.lw[i]!;
    const f = tokens.flags[i]!;
    let cls = 0;
    if (f & TokenFlag.CAPITALIZED) cls |= 1;
    if (f & TokenFlag.ALL_CAPS) cls |= 2;
    if (f & TokenFlag.SENTENCE_START) cls |= 4;
    if (f & TokenFlag.HAS_DIGIT) cls |= 8;
    if (upper) cls |= 16;
    if (tokens.kind[i] === TokenKind.WORD) {
      cls |= 32;
      if (!upper && !(f & TokenFlag.SENTENCE_START)) lowerSeen.add(info.lw[i]!);
    }
    if (e - s === 1) cls |= 128;
    info.cls[i] = cls;
  }
  for (let i = 0; i < n; i++) if (info.cls[i]! & 1 && lowerSeen.has(info.lw[i]!)) info.cls[i] = info.cls[i]! | 64;
  for (const m of matchGazetteer(text, tokens, gaz)) {
    const kind = gaz.entries[m.entry]!.kind;
    for (let j = m.first; j <= m.last; j++) {
      info.gaz[j] = kind * 2 + (j > m.first ? 1 : 0);
      info.gazEntry[j] = m.entry;
    }
  }
  // Word classes (org heads, titles, ranks) go in the upper gazetteer bits when no name matched.
  for (let i = 0; i < n; i++) {
    if (info.gaz[i]) continue;
    const w = gaz.words.get(info.lw[i]!);
    if (w) info.gaz[i] = 16 + (w & 15);
  }
  return info;
}

/** Whether token i is scored (has a capital, a gazetteer value, or follows an entity tag). */
export function isScored(info: TokenInfo, i: number, prevTag: number): boolean {
  return prevTag !== 0 || (info.cls[i]! & 16) !== 0 || (info.gaz[i]! > 0 && info.gaz[i]! < 16);
}

/** Max features per token. */
export const MAX_FEATURES = 40;

/**
 * Write the feature keys of token i into `out`; returns how many.
 * `memory` maps a lower-case word hash to the last entity type given to it in this doc.
 */
export function tokenFeatures(info: TokenInfo, i: number, prev: number, prev2: number, memory: Map<number, number>, out: Uint32Array): number {
  const { lw, ew, shape, pre, suf, gaz, cls, sent } = info;
  const s = sent[i]!;
  const hasL = i > 0 && sent[i - 1] === s;
  const hasL2 = hasL && i > 1 && sent[i - 2] === s;
  const hasR = i + 1 < info.n && sent[i + 1] === s;
  const hasR2 = hasR && i + 2 < info.n && sent[i + 2] === s;
  const w = lw[i]!;
  const wl1 = hasL ? lw[i - 1]! : PAD_L;
  const wl2 = hasL2 ? lw[i - 2]! : PAD_L;
  const wr1 = hasR ? lw[i + 1]! : PAD_R;
  const wr2 = hasR2 ? lw[i + 2]! : PAD_R;
  const sh = shape[i]!;
  const shl = hasL ? shape[i - 1]! : PAD_L;
  const shr = hasR ? shape[i + 1]! : PAD_R;
  const g = gaz[i]!;
  const gl = hasL ? gaz[i - 1]! : 255;
  const gr = hasR ? gaz[i + 1]! : 255;
  const c = cls[i]!;
  let k = 0;
  out[k++] = featureKey(0, 0);
  out[k++] = featureKey(1, w);
  out[k++] = featureKey(2, ew[i]!);
  out[k++] = featureKey(3, sh);
  out[k++] = featureKey(4, pre[i * 2]!);
  out[k++] = featureKey(5, pre[i * 2 + 1]!);
  out[k++] = featureKey(6, suf[i * 3]!);
  out[k++] = featureKey(7, suf[i * 3 + 1]!);
  out[k++] = featureKey(8, suf[i * 3 + 2]!);
  out[k++] = featureKey(9, wl1);
  out[k++] = featureKey(10, wr1);
  out[k++] = featureKey(11, wl2);
  out[k++] = featureKey(12, wr2);
  out[k++] = featureKey(13, shl);
  out[k++] = featureKey(14, shr);
  out[k++] = featureKey(15, pair(pair(shl, sh), shr));
  out[k++] = featureKey(16, prev);
  out[k++] = featureKey(17, prev * 16 + prev2);
  out[k++] = featureKey(18, pair(prev, w));
  out[k++] = featureKey(19, pair(prev, sh));
  out[k++] = featureKey(20, pair(wl1, w));
  out[k++] = featureKey(21, pair(w, wr1));
  out[k++] = featureKey(22, g);
  out[k++] = featureKey(23, gl);
  out[k++] = featureKey(24, gr);
  out[k++] = featureKey(25, c);
  out[k++] = featureKey(26, pair(g, sh));
  out[k++] = featureKey(27, pair(sh, wr1));
  out[k++] = featureKey(28, pair(wl1, sh));
  out[k++] = featureKey(29, pair(g, prev));
  out[k++] = featureKey(30, pair(gl * 256 + gr, g));
  out[k++] = featureKey(31, hasL ? suf[(i - 1) * 3 + 1]! : PAD_L);
  out[k++] = featureKey(32, hasR ? suf[(i + 1) * 3 + 1]! : PAD_R);
  out[k++] = featureKey(33, hasL ? ew[i - 1]! : PAD_L);
  const mem = memory.get(w);
  out[k++] = featureKey(34, mem === undefined ? 9 : mem);
  out[k++] = featureKey(35, pair(mem === undefined ? 9 : mem, sh));
  return k;
}

/** Trained weights: an open-addressing table from feature key to a row of NTAGS floats. */
export class Weights {
  readonly keys: Uint32Array;
  readonly rows: Int32Array;
  readonly w: Float32Array;
  private readonly mask: number;
  constructor(keys: Uint32Array, w: Float32Array) {
    const n = keys.length;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size);
    this.w = w;
    for (let r = 0; r < n; r++) {
      const key = keys[r]!;
      let slot = key & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rows[slot] = r;
    }
  }
  /** Row index of a key, or -1. */
  row(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.rows[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
  /** Serialized, gzipped: magic, count, scale, keys, int16 weights. */
  static fromBuffer(buf: Buffer): Weights {
    const raw = gunzipSync(buf);
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (dv.getUint32(0, true) !== 0x4e455231) throw new Error('expected NER weights (magic NER1), found another file');
    const n = dv.getUint32(4, true);
    const scale = dv.getFloat32(8, true);
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = dv.getUint32(12 + i * 4, true);
    const off = 12 + n * 4;
    const w = new Float32Array(n * NTAGS);
    for (let i = 0; i < n * NTAGS; i++) w[i] = dv.getInt16(off + i * 2, true) * scale;
    return new Weights(keys, w);
  }
}

let loaded: Weights | null | undefined;

/** The shipped weights (data/ner-weights.bin.gz), loaded once; null when the file is missing. */
export function shippedWeights(): Weights | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = Weights.fromBuffer(readFileSync(new URL('./data/ner-weights.bin.gz', import.meta.url)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    loaded = null;
  }
  return loaded;
}

/** Anything that scores a feature list into NTAGS slots. */
export interface Scorer {
  score(feats: Uint32Array, nf: number, out: Float64Array): void;
}

/** Scorer over shipped weights. */
export function weightScorer(weights: Weights): Scorer {
  const w = weights.w;
  return {
    score(feats, nf, out) {
      out.fill(0);
      for (let f = 0; f < nf; f++) {
        const r = weights.row(feats[f]!);
        if (r < 0) continue;
        const base = r * NTAGS;
        for (let t = 0; t < NTAGS; t++) out[t]! += w[base + t]!;
      }
    },
  };
}

/** Best allowed tag: I-X only after B-X or I-X. */
export function bestTag(scores: Float64Array, prev: number): number {
  let best = 0;
  let bestScore = scores[0]!;
  for (let t = 1; t < NTAGS; t++) {
    if (isInside(t) && tagType(prev) !== tagType(t)) continue;
    if (scores[t]! > bestScore) {
      best = t;
      bestScore = scores[t]!;
    }
  }
  return best;
}

/**
 * Greedy left-to-right tagging; `onToken` (training) sees each scored token's features and prediction
 * and may return the tag to carry forward.
 * @example const tags = tagTokens(info, weightScorer(shippedWeights()!))
 */
export function tagTokens(
  info: TokenInfo,
  scorer: Scorer,
  onToken?: (i: number, feats: Uint32Array, nf: number, predicted: number) => number,
): Uint8Array {
  const tags = new Uint8Array(info.n);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(NTAGS);
  const memory = new Map<number, number>();
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < info.n; i++) {
    if (i > 0 && info.sent[i] !== info.sent[i - 1]) {
      prev = 0;
      prev2 = 0;
    }
    let tag = 0;
    if (isScored(info, i, prev)) {
      const nf = tokenFeatures(info, i, prev, prev2, memory, feats);
      scorer.score(feats, nf, scores);
      tag = bestTag(scores, prev);
      if (onToken) tag = onToken(i, feats, nf, tag);
      if (tag !== 0 && info.cls[i]! & 1) memory.set(info.lw[i]!, tagType(tag));
    }
    tags[i] = tag;
    prev2 = prev;
    prev = tag;
  }
  return tags;
}
