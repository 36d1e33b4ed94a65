/**
 * The source model: given an attribution's cue (and content), pick its source span among the word
 * spans of the cue's sentence, or none. A linear ranker (averaged perceptron, trained on PolNeAR train
 * by train/train-source.ts) scores every candidate span of 1–MAX_LEN word tokens in the sentence that
 * overlaps neither cue nor content, with hashed features of its words, the words around it, its side
 * of the cue and distance to it, and what lies between (comma, quote mark, the content); a NULL
 * candidate stands for "no source".
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Span } from '../../doc/span.js';
import { TokenKind, TokenFlag, type TokenTable } from '../../doc/tokens.js';

/** Hashed feature rows of the source model. */
export const SRC_BITS = 18;
export const SRC_ROWS = 1 << SRC_BITS;
const MASK = SRC_ROWS - 1;
/** Longest candidate span in tokens (longer gold sources are matched by their parts). */
export const MAX_LEN = 6;
/** Farthest a candidate may start or end from the cue, in tokens. */
export const MAX_DIST = 20;
/** Features per candidate (fixed, so a candidate is a row of a flat array). */
export const NSF = 24;

/** FNV-1a of a token's text, ASCII letters lower-cased, digits folded to 0. */
function wordHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c >= 48 && c <= 57) c = 48;
    else if (c === 0x2019) c = 39;
    h = Math.imul(h ^ c, 16777619);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}
function f2(t: number, a: number): number {
  return mix(Math.imul(t + 1, 0x27d4eb2d), a) & MASK;
}
/** One mix for two values: `a` (a word hash) is folded with the template and `b` (small, or a second hash) by multiplication. */
function f3(t: number, a: number, b: number): number {
  return mix((Math.imul(t + 1, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1)) >>> 0, a) & MASK;
}

/** Token shape: 1 lower word, 2 capitalized, 3 all caps, 4 number, 5 punct, 6 quote, 7 other. */
function shapeOf(tokens: TokenTable, i: number): number {
  const k = tokens.kind[i]!;
  if (k === TokenKind.WORD) {
    const f = tokens.flags[i]!;
    return f & TokenFlag.ALL_CAPS ? 3 : f & TokenFlag.CAPITALIZED ? 2 : 1;
  }
  return k === TokenKind.NUMBER ? 4 : k === TokenKind.PUNCT ? 5 : k === TokenKind.QUOTE ? 6 : 7;
}

function distBucket(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 13 ? 6 : 7;
}

/** Candidates of one attribution: token ranges and their feature rows (NSF per candidate); candidate 0 is NULL (from = to = -1). */
export interface SourceCandidates {
  n: number;
  from: Int32Array;
  to: Int32Array;
  feats: Uint32Array;
}

const COMMA = wordHash(',', 0, 1) || 1;
const hashOf = (w: string): number => wordHash(w, 0, w.length) || 1;
/** Function words no source starts with (first set) or ends with (second set): spans with them at an edge are not candidates. */
const NO_START = new Set(['of', 'to', 'and', 'or', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'said', 'says', 'but', 'than', 'not', "n't", '’s', "'s"].map(hashOf));
const NO_END = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'but', 'than', 'not', 'that'].map(hashOf));

/**
 * Candidate source spans for the cue at tokens [c0, c1) with content [k0, k1) (token ranges; k0 = k1
 * when unknown), with their features. `hash` caches each token's word hash (wordHashes).
 * @example sourceCandidates(text, doc.tokens, wordHashes(doc.tokens), 3, 4, 5, 12).n
 */
export function sourceCandidates(text: string, tokens: TokenTable, hash: Uint32Array, c0: number, c1: number, k0: number, k1: number, out?: SourceCandidates): SourceCandidates {
  const { sentence, kind, flags } = tokens;
  const sent = sentence[c0]!;
  let lo = c0;
  while (lo > 0 && sentence[lo - 1] === sent && c0 - lo < MAX_DIST) lo--;
  let hi = c1;
  while (hi < tokens.length && sentence[hi] === sent && hi - c1 < MAX_DIST) hi++;
  // Hash the window and one token either side of it (the words before and after a span).
  for (let t = Math.max(0, lo - 1), e = Math.min(tokens.length, hi + 1); t < e; t++) if (hash[t] === 0) hash[t] = wordHash(text, tokens.start[t]!, tokens.end[t]!) || 1;
  const cap = 1 + (c0 - lo) * MAX_LEN + (hi - c1) * MAX_LEN;
  const res = out && out.from.length >= cap ? out : { n: 0, from: new Int32Array(cap), to: new Int32Array(cap), feats: new Uint32Array(cap * NSF) };
  res.n = 0;
  const cueFirst = hash[c0]!;
  const cueLast = hash[c1 - 1]!;
  const conSide = k1 <= k0 ? 0 : k1 <= c0 ? 1 : 2;
  const atStart = c0 === lo || sentence[c0 - 1] !== sent ? 1 : 0;
  // NULL
  {
    const o = 0;
    const F = res.feats;
    F[o] = f2(0, 1);
    F[o + 1] = f2(1, cueFirst);
    F[o + 2] = f2(2, cueLast);
    F[o + 3] = f2(3, conSide * 2 + atStart);
    F[o + 4] = f3(4, cueFirst, conSide);
    F[o + 5] = f2(5, c1 - c0 > 3 ? 4 : c1 - c0);
    F[o + 6] = f2(6, c0 > 0 ? hash[c0 - 1]! : 0);
    for (let f = 7; f < NSF; f++) F[o + f] = f2(7, 0);
    res.from[0] = -1;
    res.to[0] = -1;
    res.n = 1;
  }
  const add = (i: number, j: number, side: number, comma: number, quote: number, content: number, capWords: number, inCaps: number): void => {
    const o = res.n * NSF;
    const F = res.feats;
    const d = side === 0 ? c0 - j : i - c1;
    const db = distBucket(d);
    const len = j - i;
    const first = hash[i]!;
    const last = hash[j - 1]!;
    const before = i > 0 && sentence[i - 1] === sent ? hash[i - 1]! : 1;
    const after = j < tokens.length && sentence[j] === sent ? hash[j]! : 1;
    const shF = shapeOf(tokens, i);
    const shL = shapeOf(tokens, j - 1);
    const shB = i > 0 && sentence[i - 1] === sent ? shapeOf(tokens, i - 1) : 0;
    const shA = j < tokens.length && sentence[j] === sent ? shapeOf(tokens, j) : 0;
    const sd = side * 8 + db;
    F[o] = f2(10, sd);
    F[o + 1] = f3(11, first, side);
    F[o + 2] = f3(12, last, side);
    F[o + 3] = f3(13, before, side);
    F[o + 4] = f3(14, after, side);
    F[o + 5] = f2(15, side * 8 + Math.min(len, 7));
    F[o + 6] = f2(16, side * 64 + shF * 8 + shL);
    F[o + 7] = f2(17, side * 64 + shB * 8 + shA);
    F[o + 8] = f2(18, side * 64 + Math.min(comma, 3) * 16 + quote * 8 + content * 4 + Math.min(capWords, 3));
    F[o + 9] = f3(19, cueFirst, sd);
    F[o + 10] = f3(20, last, after);
    F[o + 11] = f3(21, before, first);
    F[o + 12] = f2(22, side * 16 + (i === lo || sentence[i - 1] !== sent ? 8 : 0) + conSide * 2 + atStart);
    F[o + 13] = f2(23, side * 64 + Math.min(inCaps, 7) * 8 + Math.min(len, 7));
    F[o + 14] = f3(24, last, db);
    F[o + 15] = f3(25, first, len > 1 ? 1 : 0);
    F[o + 16] = f3(26, cueLast, side * 8 + db);
    F[o + 17] = f3(27, before, sd);
    F[o + 18] = f3(28, after, sd);
    F[o + 19] = f3(29, last, cueFirst);
    F[o + 20] = f2(30, side * 64 + shL * 8 + shA);
    F[o + 21] = f2(31, side * 64 + shB * 8 + shF);
    F[o + 22] = f3(32, first, last);
    F[o + 23] = f2(33, side * 256 + conSide * 64 + Math.min(comma, 3) * 16 + db);
    res.from[res.n] = i;
    res.to[res.n] = j;
    res.n++;
  };
  const okTok = (t: number): boolean => {
    const k = kind[t]!;
    return (k === TokenKind.WORD || k === TokenKind.NUMBER) && !(t >= k0 && t < k1);
  };
  // Spans before the cue, then after it; none crosses the cue or the content. What lies between
  // a span and the cue (commas, a quote mark, the content, capitalized words) is counted as the
  // span moves away from the cue.
  let comma = 0;
  let quote = 0;
  let content = 0;
  let capWords = 0;
  const between = (t: number): void => {
    if (hash[t] === COMMA) comma++;
    else if (kind[t] === TokenKind.QUOTE) quote = 1;
    if (t >= k0 && t < k1) content = 1;
    if (flags[t]! & TokenFlag.CAPITALIZED) capWords++;
  };
  for (let j = c0; j > lo; j--) {
    if (j < c0) between(j);
    if (!okTok(j - 1) || NO_END.has(hash[j - 1]!)) continue;
    let inCaps = 0;
    for (let i = j - 1; i >= lo && j - i <= MAX_LEN && okTok(i); i--) {
      if (flags[i]! & TokenFlag.CAPITALIZED) inCaps++;
      if (!NO_START.has(hash[i]!)) add(i, j, 0, comma, quote, content, capWords, inCaps);
    }
  }
  comma = quote = content = capWords = 0;
  for (let i = c1; i < hi; i++) {
    if (i > c1) between(i - 1);
    if (!okTok(i) || NO_START.has(hash[i]!)) continue;
    let inCaps = 0;
    for (let j = i + 1; j <= hi && j - i <= MAX_LEN && okTok(j - 1); j++) {
      if (flags[j - 1]! & TokenFlag.CAPITALIZED) inCaps++;
      if (!NO_END.has(hash[j - 1]!)) add(i, j, 1, comma, quote, content, capWords, inCaps);
    }
  }
  return res;
}

/**
 * A word-hash cache for a doc's tokens (0 = not yet hashed; sourceCandidates fills what it reads).
 * Reuse it for all attributions of a doc.
 * @example sourceCandidates(text, doc.tokens, wordHashes(doc.tokens), 3, 4, 5, 12)
 */
export function wordHashes(tokens: TokenTable): Uint32Array {
  return new Uint32Array(tokens.length);
}

/** Score of candidate `c`. */
export function candidateScore(w: Float32Array | Int16Array, cands: SourceCandidates, c: number): number {
  let s = 0;
  const o = c * NSF;
  for (let f = 0; f < NSF; f++) s += w[cands.feats[o + f]!]!;
  return s;
}

const WEIGHTS_URL = new URL('./data/source-weights.bin.gz', import.meta.url);
let weights: Int16Array | null | undefined;

/**
 * The trained source-model weights (int16, SRC_ROWS), loaded once per process; null when the file is missing.
 * @example loadSourceWeights()?.length // SRC_ROWS
 */
export function loadSourceWeights(): Int16Array | null {
  if (weights === undefined) {
    weights = null;
    if (existsSync(WEIGHTS_URL)) {
      const buf = gunzipSync(readFileSync(WEIGHTS_URL));
      const raw = new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      if (raw.length === SRC_ROWS) weights = raw;
    }
  }
  return weights;
}

/** The model's pick for one attribution: a token range (null: no source) and its lead over the runner-up. */
export interface SourcePick {
  from: number;
  to: number;
  /** Score lead of the pick over the best candidate not overlapping it (int16 weight units). */
  margin: number;
  /** Score lead of the pick over NULL. */
  overNull: number;
}

let scratch: SourceCandidates | undefined;
let scores = new Float64Array(512);

/**
 * The best source span (token range) for the cue at tokens [c0, c1) with content tokens [k0, k1);
 * from = to = -1 when NULL wins.
 * @example pickSource(text, doc.tokens, wordHashes(doc.tokens), w, 3, 4, 5, 12)
 */
export function pickSource(text: string, tokens: TokenTable, hash: Uint32Array, w: Int16Array, c0: number, c1: number, k0: number, k1: number): SourcePick {
  const cands = sourceCandidates(text, tokens, hash, c0, c1, k0, k1, scratch);
  scratch = cands;
  let best = 0;
  let bs = -Infinity;
  if (scores.length < cands.n) scores = new Float64Array(cands.n * 2);
  for (let c = 0; c < cands.n; c++) {
    const s = candidateScore(w, cands, c);
    scores[c] = s;
    if (s > bs) { bs = s; best = c; }
  }
  const bf = cands.from[best]!;
  const bt = cands.to[best]!;
  let second = -Infinity;
  for (let c = 0; c < cands.n; c++) {
    if (c === best) continue;
    if (best !== 0 && c !== 0 && cands.from[c]! < bt && bf < cands.to[c]!) continue;
    if (scores[c]! > second) second = scores[c]!;
  }
  return { from: bf, to: bt, margin: bs - second, overNull: bs - scores[0]! };
}

/**
 * Token range [from, to) of the tokens overlapping the char span [s, e).
 * @example tokenRange(doc.tokens, 0, 5) // [0, 1]
 */
export function tokenRange(tokens: TokenTable, s: number, e: number): [number, number] {
  const from = tokens.indexAt(s);
  let to = from;
  while (to < tokens.length && tokens.start[to]! < e) to++;
  return [from, to];
}

/**
 * Character span of a token range.
 * @example tokenSpan(doc.tokens, 0, 2) // { start: 0, end: 11 }
 */
export function tokenSpan(tokens: TokenTable, from: number, to: number): Span {
  return { start: tokens.start[from]!, end: tokens.end[to - 1]! };
}
