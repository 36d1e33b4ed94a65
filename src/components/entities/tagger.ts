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
import { IntTable, hashString, lowerCode } from './hash.js';
import type { Gazetteer } from './gazetteer.js';
import { matchGazetteer } from './gazetteer.js';
import { wordClusters } from './clusters.js';

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
  /**
   * Gazetteer hit per token: kind * 2 + (inside ? 1 : 0) for a name match (1..15); 16 + word-class bits (w & 15,
   * from the word table) for a token no name matched but the word table knows; 0 neither. recognize.ts reads both
   * ranges (isOrgHead): keep them in step.
   */
  gaz: Uint8Array;
  cls: Uint8Array; // bits: 1 capitalized, 2 all caps, 4 sentence start, 8 digit, 16 has upper, 32 word, 64 lower seen in doc, 128 one char
  sent: Uint32Array;
  /** Per token, its sentence's layout: 1 no lower-case word (tables, headlines in capitals), 2 has a number, 4 most words in capitals. */
  row: Uint8Array;
  /** Gazetteer match entry id per token, -1 none. */
  gazEntry: Int32Array;
}

/** Scratch for tokenInfo, reused across docs (cleared per doc): lower-case words seen, word-table bits per token. */
const LOWER_SEEN = new IntTable(64);
let bitsScratch = new Int32Array(1024);

const PAD_L = 0x1234567;
const PAD_R = 0x7654321;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Compute per-token values for a doc's tokens: one pass over each token's characters gives the
 * lower-case and exact hashes, prefixes, suffixes and the shape.
 * @example tokenInfo(doc.text, doc.tokens, loadGazetteer())
 */
export function tokenInfo(text: string, tokens: TokenTable, gaz: Gazetteer): TokenInfo {
  const n = tokens.length;
  // One buffer for all per-token arrays (one allocation per doc instead of nine).
  const buf = new ArrayBuffer(n * 40);
  const info: TokenInfo = {
    n,
    lw: new Uint32Array(buf, 0, n),
    ew: new Uint32Array(buf, n * 4, n),
    shape: new Uint32Array(buf, n * 8, n),
    pre: new Uint32Array(buf, n * 12, n * 2),
    suf: new Uint32Array(buf, n * 20, n * 3),
    gazEntry: new Int32Array(buf, n * 32, n).fill(-1),
    gaz: new Uint8Array(buf, n * 36, n),
    cls: new Uint8Array(buf, n * 37, n),
    row: new Uint8Array(buf, n * 38, n),
    sent: tokens.sentence,
  };
  const { lw, ew, shape, pre, suf, cls: clsOut } = info;
  const starts = tokens.start;
  const ends = tokens.end;
  const flags = tokens.flags;
  const kinds = tokens.kind;
  const lowerSeen = LOWER_SEEN;
  lowerSeen.reset(n);
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    let h = FNV_OFFSET;
    let he = FNV_OFFSET;
    let sh = FNV_OFFSET;
    let lastShape = -1;
    let upper = 0;
    // The last four lower-cased characters (l1 the last), for the suffix hashes: no second pass over the text.
    let l1 = 0;
    let l2 = 0;
    let l3 = 0;
    let l4 = 0;
    for (let j = s; j < e; j++) {
      const c = text.charCodeAt(j);
      const lc = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerCode(c);
      h = Math.imul(h ^ lc, FNV_PRIME);
      // The exact hash equals the lower-case one unless a character changed case (upper is set then).
      he = Math.imul(he ^ c, FNV_PRIME);
      if (j - s < 3) {
        if (j - s === 1) pre[i * 2] = h >>> 0;
        else if (j - s === 2) pre[i * 2 + 1] = h >>> 0;
      }
      // Shape classes: d digit, X upper, x lower (or other letters past Latin-1 symbols), else the char itself.
      let sc: number;
      if (c >= 48 && c <= 57) sc = 100;
      else if (lc !== c) {
        sc = 88;
        upper = 1;
      } else if ((c >= 97 && c <= 122) || c > 191) sc = 120;
      else sc = c;
      if (sc !== lastShape) {
        sh = Math.imul(sh ^ sc, FNV_PRIME);
        lastShape = sc;
      }
      l4 = l3;
      l3 = l2;
      l2 = l1;
      l1 = lc;
    }
    const w = h >>> 0;
    lw[i] = w;
    ew[i] = he >>> 0;
    const len = e - s;
    // Suffix hashes of the last 2, 3 and 4 characters (only when the word is longer).
    shape[i] = (sh >>> 0) ^ (len < 4 ? len : 4);
    suf[i * 3] = len > 2 ? Math.imul(Math.imul(FNV_OFFSET ^ l2, FNV_PRIME) ^ l1, FNV_PRIME) : w;
    suf[i * 3 + 1] = len > 3 ? Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ l3, FNV_PRIME) ^ l2, FNV_PRIME) ^ l1, FNV_PRIME) : w;
    suf[i * 3 + 2] = len > 4 ? Math.imul(Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ l4, FNV_PRIME) ^ l3, FNV_PRIME) ^ l2, FNV_PRIME) ^ l1, FNV_PRIME) : w;
    const f = flags[i]!;
    let cls = 0;
    if (f & TokenFlag.CAPITALIZED) cls |= 1;
    if (f & TokenFlag.ALL_CAPS) cls |= 2;
    if (f & TokenFlag.SENTENCE_START) cls |= 4;
    if (f & TokenFlag.HAS_DIGIT) cls |= 8;
    if (upper) cls |= 16;
    if (kinds[i] === TokenKind.WORD) {
      cls |= 32;
      if (!upper && !(f & TokenFlag.SENTENCE_START)) lowerSeen.set(w, 1);
    }
    if (len === 1) cls |= 128;
    clsOut[i] = cls;
  }
  for (let i = 0; i < n; i++) if (clsOut[i]! & 1 && lowerSeen.get(lw[i]!)) clsOut[i] = clsOut[i]! | 64;
  sentenceRows(info, tokens);
  // One probe of the word table per token serves the name tries and the word classes.
  if (bitsScratch.length < n) bitsScratch = new Int32Array(n + (n >> 1));
  const bits = bitsScratch;
  for (let i = 0; i < n; i++) bits[i] = gaz.words.get(lw[i]!);
  // An index loop: the match list is sometimes empty (another array map), and an iterator over it deoptimized.
  const matches = matchGazetteer(text, tokens, gaz, lw, ew, bits);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const kind = gaz.entries[m.entry]!.kind;
    for (let j = m.first; j <= m.last; j++) {
      info.gaz[j] = kind * 2 + (j > m.first ? 1 : 0);
      info.gazEntry[j] = m.entry;
    }
  }
  // Word classes (org heads, titles, ranks) go in the upper gazetteer bits when no name matched.
  for (let i = 0; i < n; i++) {
    if (info.gaz[i]) continue;
    const w = bits[i]! & 31; // WordClass bits only
    if (w) info.gaz[i] = 16 + (w & 15);
  }
  return info;
}

/**
 * Sentence layout per token: sports results and market tables ("Genoa 1 Lecce 0") have no lower-case
 * word and carry numbers; there a place name is usually a club (ORG), and capitals say nothing.
 */
function sentenceRows(info: TokenInfo, tokens: TokenTable): void {
  const { cls, row, sent, n } = info;
  const kinds = tokens.kind;
  let a = 0;
  while (a < n) {
    const s = sent[a]!;
    let b = a;
    let lower = 0;
    let digit = 0;
    let words = 0;
    let caps = 0;
    for (; b < n && sent[b] === s; b++) {
      const c = cls[b]!;
      if (c & 8) digit = 1;
      if (kinds[b] !== TokenKind.WORD) continue;
      words++;
      if (c & 2) caps++;
      else if (!(c & 16)) lower = 1;
    }
    const r = (lower ? 0 : 1) | (digit ? 2 : 0) | (caps * 2 > words ? 4 : 0);
    row.fill(r, a, b);
    a = b;
  }
}

/** Lower-case, non-word tokens other than "&", "-", "'", "." that the model never puts inside a name. */
function skipAfterName(info: TokenInfo, i: number): boolean {
  const c = info.cls[i]!;
  return (c & (32 | 16 | 8)) === 0 && info.gaz[i] === 0 && info.lw[i] !== AMP && info.lw[i] !== DASH && info.lw[i] !== APOS && info.lw[i] !== DOT;
}
const AMP = hashString('&');
const DASH = hashString('-');
const APOS = hashString("'");
const DOT = hashString('.');

/** Whether token i is scored (has a capital, a gazetteer value, or follows an entity tag). */
export function isScored(info: TokenInfo, i: number, prevTag: number): boolean {
  return prevTag !== 0 || (info.cls[i]! & 16) !== 0 || (info.gaz[i]! > 0 && info.gaz[i]! < 16);
}

/**
 * Per-doc memory of the last entity type given to a lower-case word hash: an open-addressing
 * table over typed arrays (a Map keyed by uint32 hashes boxes half of them as heap numbers).
 */
export class WordMemory {
  private keys: Int32Array;
  private vals: Int8Array;
  private mask: number;
  private count = 0;
  constructor(capacity = 256) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.vals = new Int8Array(size).fill(-1);
    this.mask = size - 1;
  }
  /** Entity type remembered for word hash `w`, or -1. */
  get(w: number): number {
    const k = w | 0 || 1;
    let slot = (k ^ (k >>> 15)) & this.mask;
    for (;;) {
      const v = this.vals[slot]!;
      if (v < 0) return -1;
      if (this.keys[slot] === k) return v;
      slot = (slot + 1) & this.mask;
    }
  }
  set(w: number, type: number): void {
    const k = w | 0 || 1;
    let slot = (k ^ (k >>> 15)) & this.mask;
    for (;;) {
      const v = this.vals[slot]!;
      if (v < 0) break;
      if (this.keys[slot] === k) {
        this.vals[slot] = type;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = k;
    this.vals[slot] = type;
    if (++this.count * 2 > this.mask) this.grow();
  }
  /** Forget every word (for reuse on the next doc); a table grown past 1024 slots shrinks back. */
  reset(): this {
    if (this.keys.length > 1024) {
      this.keys = new Int32Array(512);
      this.vals = new Int8Array(512);
      this.mask = 511;
    }
    this.vals.fill(-1);
    this.count = 0;
    return this;
  }
  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int8Array(keys.length * 2).fill(-1);
    this.mask = keys.length * 2 - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (vals[i]! >= 0) this.set(keys[i]!, vals[i]!);
  }
}

// Template salts: featureKey(t, v) === fmix(v ^ T<t>).
const T0 = Math.imul(0 + 1, 0x9e3779b1);
const T1 = Math.imul(1 + 1, 0x9e3779b1);
const T2 = Math.imul(2 + 1, 0x9e3779b1);
const T3 = Math.imul(3 + 1, 0x9e3779b1);
const T4 = Math.imul(4 + 1, 0x9e3779b1);
const T5 = Math.imul(5 + 1, 0x9e3779b1);
const T6 = Math.imul(6 + 1, 0x9e3779b1);
const T7 = Math.imul(7 + 1, 0x9e3779b1);
const T8 = Math.imul(8 + 1, 0x9e3779b1);
const T9 = Math.imul(9 + 1, 0x9e3779b1);
const T10 = Math.imul(10 + 1, 0x9e3779b1);
const T11 = Math.imul(11 + 1, 0x9e3779b1);
const T12 = Math.imul(12 + 1, 0x9e3779b1);
const T13 = Math.imul(13 + 1, 0x9e3779b1);
const T14 = Math.imul(14 + 1, 0x9e3779b1);
const T15 = Math.imul(15 + 1, 0x9e3779b1);
const T16 = Math.imul(16 + 1, 0x9e3779b1);
const T17 = Math.imul(17 + 1, 0x9e3779b1);
const T18 = Math.imul(18 + 1, 0x9e3779b1);
const T19 = Math.imul(19 + 1, 0x9e3779b1);
const T20 = Math.imul(20 + 1, 0x9e3779b1);
const T21 = Math.imul(21 + 1, 0x9e3779b1);
const T22 = Math.imul(22 + 1, 0x9e3779b1);
const T23 = Math.imul(23 + 1, 0x9e3779b1);
const T24 = Math.imul(24 + 1, 0x9e3779b1);
const T25 = Math.imul(25 + 1, 0x9e3779b1);
const T26 = Math.imul(26 + 1, 0x9e3779b1);
const T27 = Math.imul(27 + 1, 0x9e3779b1);
const T28 = Math.imul(28 + 1, 0x9e3779b1);
const T29 = Math.imul(29 + 1, 0x9e3779b1);
const T30 = Math.imul(30 + 1, 0x9e3779b1);
const T31 = Math.imul(31 + 1, 0x9e3779b1);
const T32 = Math.imul(32 + 1, 0x9e3779b1);
const T33 = Math.imul(33 + 1, 0x9e3779b1);
const T34 = Math.imul(34 + 1, 0x9e3779b1);
const T35 = Math.imul(35 + 1, 0x9e3779b1);
const T36 = Math.imul(36 + 1, 0x9e3779b1);
const T37 = Math.imul(37 + 1, 0x9e3779b1);
const T38 = Math.imul(38 + 1, 0x9e3779b1);
const T39 = Math.imul(39 + 1, 0x9e3779b1);
const T40 = Math.imul(40 + 1, 0x9e3779b1);
const T41 = Math.imul(41 + 1, 0x9e3779b1);
const T42 = Math.imul(42 + 1, 0x9e3779b1);
/** Cluster value of a neighbour outside the sentence (clusters are at most 16 bits). */
const PAD_CLUSTER = 0xfffff;


/** The key of a raw feature value (template salt already mixed in): murmur3's finalizer, never 0. */
function keyOf(v: number): number {
  let h = v | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** Combine two feature values (the key finalizer mixes the result). */
function mix(a: number, b: number): number {
  return Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ b;
}

/** Max features per token. */
export const MAX_FEATURES = 48;

/**
 * Write the feature keys of token i into `out`; returns how many.
 * `memory` maps a lower-case word hash to the last entity type given to it in this doc.
 */
export function tokenFeatures(info: TokenInfo, i: number, prev: number, prev2: number, memory: WordMemory, out: Uint32Array): number {
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
  out[k++] = T0 ^ 0;
  out[k++] = T1 ^ w;
  out[k++] = T2 ^ ew[i]!;
  out[k++] = T3 ^ sh;
  out[k++] = T4 ^ pre[i * 2]!;
  out[k++] = T5 ^ pre[i * 2 + 1]!;
  out[k++] = T6 ^ suf[i * 3]!;
  out[k++] = T7 ^ suf[i * 3 + 1]!;
  out[k++] = T8 ^ suf[i * 3 + 2]!;
  out[k++] = T9 ^ wl1;
  out[k++] = T10 ^ wr1;
  out[k++] = T11 ^ wl2;
  out[k++] = T12 ^ wr2;
  out[k++] = T13 ^ shl;
  out[k++] = T14 ^ shr;
  out[k++] = T15 ^ mix(mix(shl, sh), shr);
  out[k++] = T16 ^ prev;
  out[k++] = T17 ^ prev * 16 + prev2;
  out[k++] = T18 ^ mix(prev, w);
  out[k++] = T19 ^ mix(prev, sh);
  out[k++] = T20 ^ mix(wl1, w);
  out[k++] = T21 ^ mix(w, wr1);
  out[k++] = T22 ^ g;
  out[k++] = T23 ^ gl;
  out[k++] = T24 ^ gr;
  out[k++] = T25 ^ c;
  out[k++] = T26 ^ mix(g, sh);
  out[k++] = T27 ^ mix(sh, wr1);
  out[k++] = T28 ^ mix(wl1, sh);
  out[k++] = T29 ^ mix(g, prev);
  out[k++] = T30 ^ mix(gl * 256 + gr, g);
  out[k++] = T31 ^ (hasL ? suf[(i - 1) * 3 + 1]! : PAD_L);
  out[k++] = T32 ^ (hasR ? suf[(i + 1) * 3 + 1]! : PAD_R);
  out[k++] = T33 ^ (hasL ? info.ew[i - 1]! : PAD_L);
  const got = memory.get(w);
  const mem = got < 0 ? 9 : got;
  out[k++] = T34 ^ mem;
  out[k++] = T35 ^ mix(mem, sh);
  const rw = info.row[i]!;
  out[k++] = T36 ^ mix(rw, w);
  out[k++] = T37 ^ mix(rw, g);
  out[k++] = T38 ^ mix(rw, sh);
  // Word clusters: the token's fine and coarse cluster, and its neighbours' fine ones.
  const cw = wordClusters(w);
  out[k++] = T39 ^ (cw & 0xffff);
  out[k++] = T40 ^ (cw >>> 16);
  out[k++] = T41 ^ (hasL ? wordClusters(wl1) & 0xffff : PAD_CLUSTER);
  out[k++] = T42 ^ (hasR ? wordClusters(wr1) & 0xffff : PAD_CLUSTER);
  // The murmur finalizer over all keys in one call-free loop (same keys as featureKey(t, v)); a
  // cheaper one-multiply mix clusters the linear probes and costs more than it saves.
  for (let f = 0; f < k; f++) {
    let h = out[f]! | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[f] = h === 0 ? 1 : h;
  }
  return k;
}

/** The keys of tokenFeatures that FastTables does not cover (inference only; same keys). */
function contextKeys(info: TokenInfo, i: number, prev: number, out: Uint32Array): number {
  const { lw, shape, sent } = info;
  const s = sent[i]!;
  const hasL = i > 0 && sent[i - 1] === s;
  const hasR = i + 1 < info.n && sent[i + 1] === s;
  const w = lw[i]!;
  const wl1 = hasL ? lw[i - 1]! : PAD_L;
  const wr1 = hasR ? lw[i + 1]! : PAD_R;
  const sh = shape[i]!;
  let k = 0;
  // From FastTables instead: T11, T12 (farRow); T19, T26, T30, T35, T38 (shapeRow); T15 (triRow).
  out[k++] = T18 ^ mix(prev, w);
  out[k++] = T20 ^ mix(wl1, w);
  out[k++] = T21 ^ mix(w, wr1);
  out[k++] = T27 ^ mix(sh, wr1);
  out[k++] = T28 ^ mix(wl1, sh);
  out[k++] = T36 ^ mix(info.row[i]!, w);
  // The murmur finalizer over all keys in one call-free loop (same keys as featureKey(t, v)); a
  // cheaper one-multiply mix clusters the linear probes and costs more than it saves.
  for (let f = 0; f < k; f++) {
    let h = out[f]! | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[f] = h === 0 ? 1 : h;
  }
  return k;
}

/**
 * Trained weights: an open-addressing table of 4-byte slots (1 MB for the shipped 2^18 slots, where
 * 8-byte slots of key and row took 2 MB), each the feature key's high bits over its row number + 1
 * (0 marks an empty slot), and the rows, ROW_STRIDE int16 apiece: NTAGS weights, then the full key
 * (low, high half). A probe compares the high bits in the slot and, when they agree, the full key in the
 * row it reads anyway: lookups are exact. A miss (most features of unseen words) reads only the key table,
 * usually one cache line; a hit reads one row.
 */
export class Weights {
  /** Number of features. */
  readonly count: number;
  /** Multiply summed int16 weights by this to get scores. */
  readonly scale: number;
  /** One word per slot: the key's bits above `rowBits`, then row + 1 in the low `rowBits` bits; 0 empty. */
  readonly slotKeys: Int32Array;
  /** ROW_STRIDE int16 per row: NTAGS weights, the key's low and high 16 bits. Row r's weights start at r * ROW_STRIDE. */
  readonly rows: Int16Array;
  readonly mask: number;
  /** Low bits of a slot holding row + 1; the bits above are the key's. */
  readonly rowBits: number;
  /** Dense and cached parts for scoreToken, built on first use. */
  fast: FastTables | undefined;
  constructor(keys: Uint32Array, w: Int16Array, scale: number) {
    const n = keys.length;
    let size = 1;
    // Load up to 1/2: a miss probes until an empty slot, and at 3/4 load linear probing walks ~8 slots for it.
    while (size < n * 2) size <<= 1;
    this.count = n;
    this.scale = scale;
    this.mask = size - 1;
    const rb = (this.rowBits = 32 - Math.clz32(n));
    this.slotKeys = new Int32Array(size);
    this.rows = new Int16Array(n * ROW_STRIDE);
    for (let r = 0; r < n; r++) {
      const key = keys[r]! | 0;
      for (let t = 0; t < NTAGS; t++) this.rows[r * ROW_STRIDE + t] = w[r * NTAGS + t]!;
      this.rows[r * ROW_STRIDE + NTAGS] = key;
      this.rows[r * ROW_STRIDE + NTAGS + 1] = key >> 16;
      let slot = key & this.mask;
      while (this.slotKeys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slotKeys[slot] = ((key >>> rb) << rb) | (r + 1);
    }
  }
  /** Offset in `rows` of a key's weights, or -1. */
  rowOf(key: number): number {
    const slots = this.slotKeys;
    const rows = this.rows;
    const rb = this.rowBits;
    const k = key | 0;
    let slot = k & this.mask;
    for (;;) {
      const e = slots[slot]!;
      if (e === 0) return -1;
      if ((e ^ k) >>> rb === 0) {
        const b = ((e & ((1 << rb) - 1)) - 1) * ROW_STRIDE;
        if (((rows[b + NTAGS]! & 0xffff) | (rows[b + NTAGS + 1]! << 16)) === k) return b;
      }
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
    const w = new Int16Array(n * NTAGS);
    for (let i = 0; i < n * NTAGS; i++) w[i] = dv.getInt16(off + i * 2, true);
    return new Weights(keys, w, scale);
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
  /** Same scores as score(tokenFeatures(...)), computed without building every key (inference). */
  scoreToken?(info: TokenInfo, i: number, prev: number, prev2: number, memory: WordMemory, out: Float64Array): void;
}

/** int16 per weight row: NTAGS weights and the feature key's two halves. */
const ROW_STRIDE = NTAGS + 2;

/** Domain of gazetteer feature values (kind * 2 + inside, or 16 + word class) and of the row classes. */
const GAZ_VALUES = 32;
const ROW_VALUES = 8;
/**
 * Cache slots (powers of two; each cache starts over when half full). Real news brings new words all
 * the time: at 2^14 word slots the word cache started over several times per MB, and a refill costs
 * 3-8 weight-table reads per word, where a hit on a larger table costs one read. About 5 MB in all.
 */
const WORD_CACHE = 1 << 16;
const FAR_CACHE = 1 << 15;
const CTX_CACHE = 1 << 14;
/** Int32 per cache slot: the key fields, then NTAGS sums (a hit reads one slot, mostly one cache line). */
const WORD_STRIDE = 12;
const FAR_STRIDE = 11;
const CTX_STRIDE = 13;

/**
 * A cache of NTAGS sums keyed exactly by three int32s (open addressing, linear probing; it starts over when half
 * full). Slots are [a, b, c, used, NTAGS sums], CTX_STRIDE int32 each, so a hit mostly reads one cache line.
 */
class TripleKeyedSums {
  readonly data = new Int32Array(CTX_CACHE * CTX_STRIDE);
  private count = 0;
  /**
   * Offset of the sums for key (a, b, c) hashed to h: the offset when cached, else `-1 - offset` of a slot just
   * claimed for the key with its sums zeroed (the caller fills them).
   * @example const r = cache.probe(1, 2, 3, h); const row = r >= 0 ? r : -1 - r;
   */
  probe(a: number, b: number, c: number, h: number): number {
    const mask = CTX_CACHE - 1;
    const d = this.data;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const at = slot * CTX_STRIDE;
      if (d[at + 3] === 0) break;
      if (d[at] === a && d[at + 1] === b && d[at + 2] === c) return at + 4;
      slot = (slot + 1) & mask;
    }
    if (this.count * 2 > CTX_CACHE) {
      for (let at = 3; at < d.length; at += CTX_STRIDE) d[at] = 0;
      this.count = 0;
      slot = (h ^ (h >>> 15)) & mask;
    }
    const at = slot * CTX_STRIDE;
    d[at] = a;
    d[at + 1] = b;
    d[at + 2] = c;
    d[at + 3] = 1;
    this.count++;
    d.fill(0, at + 4, at + 4 + NTAGS);
    return -1 - (at + 4);
  }
}

/**
 * Dense tables for templates over small domains, summed per context, and a cache of the summed
 * weights of the eight templates that read only the token's own characters (T1-T8), keyed by its
 * exact hash (also the neighbour templates, per neighbour word). Scoring a token then probes the
 * hashed table 14 times instead of 39.
 */
class FastTables {
  /** (prev * 16 + prev2): bias + T16 + T17. */
  readonly pp = new Int32Array(144 * NTAGS);
  /** (g * 9 + prev): T22 + T29. */
  readonly gp = new Int32Array(GAZ_VALUES * 9 * NTAGS);
  /** gl, gr (0-255): T23, T24. */
  readonly gl = new Int32Array(256 * NTAGS);
  readonly gr = new Int32Array(256 * NTAGS);
  /** cls (0-255): T25. */
  readonly cls = new Int32Array(256 * NTAGS);
  /** memory value 0-9: T34. */
  readonly mem = new Int32Array(10 * NTAGS);
  /** (row * GAZ_VALUES + g): T37. */
  readonly rg = new Int32Array(ROW_VALUES * GAZ_VALUES * NTAGS);
  /**
   * Word sums per (exact hash, lower-case hash, side): [ew, lw, side + 1 (0 empty), NTAGS sums]. Both hashes
   * are compared, so two words alike in one 32-bit hash do not share sums.
   */
  readonly words = new Int32Array(WORD_CACHE * WORD_STRIDE);
  cacheCount = 0;
  /** Second-neighbour word sums (T11 as i - 2, T12 as i + 2): [lower-case hash, side (1, 2; 0 empty), NTAGS sums]. */
  readonly far = new Int32Array(FAR_CACHE * FAR_STRIDE);
  farCount = 0;
  /** Sums of T11 and T12 for the sentence-edge padding. */
  readonly padL2 = new Int32Array(NTAGS);
  readonly padR2 = new Int32Array(NTAGS);
  /**
   * Sums of T19, T26, T30, T35, T38: templates over the token's shape and small-domain values, keyed
   * exactly by the shape hash and the packed (prev, g, mem, row, gl, gr), plus prev2 | cls << 4 for the
   * dense tables folded into the same sums: [shape, packed, extra, used, NTAGS sums].
   */
  readonly ctx = new TripleKeyedSums();
  /** Sums of T15 keyed exactly by the shape triple: [left, own, right, used, NTAGS sums]. */
  readonly tri = new TripleKeyedSums();
  constructor(private readonly weights: Weights) {
    const add = (dst: Int32Array, at: number, raw: number): void => {
      const b = weights.rowOf(keyOf(raw));
      if (b < 0) return;
      for (let t = 0; t < NTAGS; t++) dst[at * NTAGS + t]! += weights.rows[b + t]!;
    };
    for (let p = 0; p < 9; p++) {
      for (let p2 = 0; p2 < 9; p2++) {
        const at = p * 16 + p2;
        add(this.pp, at, T0 ^ 0);
        add(this.pp, at, T16 ^ p);
        add(this.pp, at, T17 ^ (p * 16 + p2));
      }
    }
    for (let g = 0; g < GAZ_VALUES; g++) {
      for (let p = 0; p < 9; p++) {
        add(this.gp, g * 9 + p, T22 ^ g);
        add(this.gp, g * 9 + p, T29 ^ mix(g, p));
      }
      for (let r = 0; r < ROW_VALUES; r++) add(this.rg, r * GAZ_VALUES + g, T37 ^ mix(r, g));
    }
    for (let v = 0; v < 256; v++) {
      add(this.gl, v, T23 ^ v);
      add(this.gr, v, T24 ^ v);
      add(this.cls, v, T25 ^ v);
    }
    for (let m = 0; m < 10; m++) add(this.mem, m, T34 ^ m);
    add(this.padL2, 0, T11 ^ PAD_L);
    add(this.padR2, 0, T12 ^ PAD_R);
  }
  /** Add the weights of raw feature value v (salt mixed in) to sums[row, row + NTAGS). */
  private addTo(sums: Int32Array, row: number, v: number): void {
    const wt = this.weights;
    const b = wt.rowOf(keyOf(v));
    if (b < 0) return;
    for (let t = 0; t < NTAGS; t++) sums[row + t]! += wt.rows[b + t]!;
  }
  /** Offset in `far` of the sums of T11 (side 1, word w two to the left) or T12 (side 2, two to the right); filled on first sight. */
  farRow(w: number, side: number): number {
    const key = w | 0;
    const mask = FAR_CACHE - 1;
    const far = this.far;
    let slot = (key ^ (key >>> 15) ^ side) & mask;
    for (;;) {
      const at = slot * FAR_STRIDE;
      const sd = far[at + 1]!;
      if (sd === 0) break;
      if (sd === side && far[at] === key) return at + 2;
      slot = (slot + 1) & mask;
    }
    if (this.farCount * 2 > FAR_CACHE) {
      for (let at = 1; at < far.length; at += FAR_STRIDE) far[at] = 0;
      this.farCount = 0;
      slot = (key ^ (key >>> 15) ^ side) & mask;
    }
    const at = slot * FAR_STRIDE;
    far[at] = key;
    far[at + 1] = side;
    this.farCount++;
    far.fill(0, at + 2, at + 2 + NTAGS);
    this.addTo(far, at + 2, side === 1 ? T11 ^ w : T12 ^ w);
    return at + 2;
  }
  /** Offset in `tri` of the sums of T15 for the shapes shl, sh, shr; filled on first sight. */
  triRow(shl: number, sh: number, shr: number): number {
    const a = shl | 0;
    const b = sh | 0;
    const c = shr | 0;
    const r = this.tri.probe(a, b, c, Math.imul(Math.imul(a, 0x01000193) ^ b, 0x9e3779b1) ^ c);
    if (r >= 0) return r;
    const row = -1 - r;
    this.addTo(this.tri.data, row, T15 ^ mix(mix(shl, sh), shr));
    return row;
  }
  /**
   * Offset in `ctx` of the sums of T19, T26, T30, T35, T38 for shape sh and the small values, plus the dense tables
   * over those values (pp, gp, gl, gr, cls, mem, rg); filled on first sight.
   */
  shapeRow(sh: number, prev: number, prev2: number, g: number, mem: number, rw: number, gl: number, gr: number, c: number): number {
    const key = sh | 0;
    // prev < 16, g < 32, mem < 16, rw < 8, gl and gr < 256: 32 bits exactly.
    const packed = prev | (g << 4) | (mem << 9) | (rw << 13) | (gl << 16) | (gr << 24);
    const extra = prev2 | (c << 4);
    const r = this.ctx.probe(key, packed, extra, Math.imul(key ^ packed ^ Math.imul(extra, 0x01000193), 0x9e3779b1));
    if (r >= 0) return r;
    const row = -1 - r;
    const sums = this.ctx.data;
    this.addTo(sums, row, T19 ^ mix(prev, sh));
    this.addTo(sums, row, T26 ^ mix(g, sh));
    this.addTo(sums, row, T30 ^ mix(gl * 256 + gr, g));
    this.addTo(sums, row, T35 ^ mix(mem, sh));
    this.addTo(sums, row, T38 ^ mix(rw, sh));
    const aPP = (prev * 16 + prev2) * NTAGS;
    const aGP = (g * 9 + prev) * NTAGS;
    const aGL = gl * NTAGS;
    const aGR = gr * NTAGS;
    const aC = c * NTAGS;
    const aM = mem * NTAGS;
    const aRG = (rw * GAZ_VALUES + g) * NTAGS;
    for (let t = 0; t < NTAGS; t++) {
      sums[row + t]! += this.pp[aPP + t]! + this.gp[aGP + t]! + this.gl[aGL + t]! + this.gr[aGR + t]! + this.cls[aC + t]! + this.mem[aM + t]! + this.rg[aRG + t]!;
    }
    return row;
  }
  /**
   * Offset in `words` of the sums of the templates that read only token j's characters, as the token itself
   * (side 0: T1-T8, T39, T40), as the left neighbour (side 1: T9, T13, T31, T33, T41) or the right one (side 2:
   * T10, T14, T32, T42); filled on first sight. j = -1 is the sentence edge padding.
   */
  wordRow(info: TokenInfo, j: number, side: number): number {
    const base = j < 0 ? 0x2545f491 : info.ew[j]!;
    const lower = j < 0 ? 0x2545f491 : info.lw[j]! | 0;
    const key = Math.imul(base ^ side, 0x9e3779b1) ^ side;
    const tag = side + 1;
    const mask = WORD_CACHE - 1;
    const sums = this.words;
    let slot = (key ^ (key >>> 15)) & mask;
    for (;;) {
      const at = slot * WORD_STRIDE;
      const sd = sums[at + 2]!;
      if (sd === 0) break;
      if (sums[at] === (base | 0) && sd === tag && sums[at + 1] === lower) return at + 3;
      slot = (slot + 1) & mask;
    }
    if (this.cacheCount * 2 > WORD_CACHE) {
      // Full: start over (words of the current docs come back at once).
      for (let at = 2; at < sums.length; at += WORD_STRIDE) sums[at] = 0;
      this.cacheCount = 0;
      slot = (key ^ (key >>> 15)) & mask;
    }
    const at = slot * WORD_STRIDE;
    sums[at] = base;
    sums[at + 1] = lower;
    sums[at + 2] = tag;
    this.cacheCount++;
    const row = at + 3;
    sums.fill(0, row, row + NTAGS);
    // (No array of values: a miss adds each template's row straight in.)
    if (side === 0) {
      this.addTo(sums, row, T1 ^ info.lw[j]!);
      this.addTo(sums, row, T2 ^ info.ew[j]!);
      this.addTo(sums, row, T3 ^ info.shape[j]!);
      this.addTo(sums, row, T4 ^ info.pre[j * 2]!);
      this.addTo(sums, row, T5 ^ info.pre[j * 2 + 1]!);
      this.addTo(sums, row, T6 ^ info.suf[j * 3]!);
      this.addTo(sums, row, T7 ^ info.suf[j * 3 + 1]!);
      this.addTo(sums, row, T8 ^ info.suf[j * 3 + 2]!);
      const cw = wordClusters(info.lw[j]!);
      this.addTo(sums, row, T39 ^ (cw & 0xffff));
      this.addTo(sums, row, T40 ^ (cw >>> 16));
    } else if (side === 1) {
      this.addTo(sums, row, T9 ^ (j < 0 ? PAD_L : info.lw[j]!));
      this.addTo(sums, row, T13 ^ (j < 0 ? PAD_L : info.shape[j]!));
      this.addTo(sums, row, T31 ^ (j < 0 ? PAD_L : info.suf[j * 3 + 1]!));
      this.addTo(sums, row, T33 ^ (j < 0 ? PAD_L : info.ew[j]!));
      this.addTo(sums, row, T41 ^ (j < 0 ? PAD_CLUSTER : wordClusters(info.lw[j]!) & 0xffff));
    } else {
      this.addTo(sums, row, T10 ^ (j < 0 ? PAD_R : info.lw[j]!));
      this.addTo(sums, row, T14 ^ (j < 0 ? PAD_R : info.shape[j]!));
      this.addTo(sums, row, T32 ^ (j < 0 ? PAD_R : info.suf[j * 3 + 1]!));
      this.addTo(sums, row, T42 ^ (j < 0 ? PAD_CLUSTER : wordClusters(info.lw[j]!) & 0xffff));
    }
    return row;
  }
}

const scorers = new WeakMap<Weights, Scorer>();

/** Scorer over shipped weights: integer sums per tag in locals, scaled once (one per Weights, reused). */
export function weightScorer(weights: Weights): Scorer {
  let scorer = scorers.get(weights);
  if (!scorer) {
    scorer = newWeightScorer(weights);
    scorers.set(weights, scorer);
  }
  return scorer;
}

function newWeightScorer(weights: Weights): Scorer {
  const keys = weights.slotKeys;
  const w = weights.rows;
  const mask = weights.mask;
  const rb = weights.rowBits;
  const rowMask = (1 << rb) - 1;
  const scale = weights.scale;
  const feats = new Uint32Array(MAX_FEATURES);
  const acc = new Int32Array(NTAGS);
  return {
    score(feats, nf, out) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      for (let f = 0; f < nf; f++) {
        const key = feats[f]! | 0;
        let slot = key & mask;
        for (;;) {
          const e = keys[slot]!;
          if (e === 0) break;
          if ((e ^ key) >>> rb === 0) {
            const b = ((e & rowMask) - 1) * ROW_STRIDE;
            if (((w[b + NTAGS]! & 0xffff) | (w[b + NTAGS + 1]! << 16)) === key) {
              s0 += w[b]!; s1 += w[b + 1]!; s2 += w[b + 2]!; s3 += w[b + 3]!; s4 += w[b + 4]!;
              s5 += w[b + 5]!; s6 += w[b + 6]!; s7 += w[b + 7]!; s8 += w[b + 8]!;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
      }
      out[0] = s0 * scale; out[1] = s1 * scale; out[2] = s2 * scale; out[3] = s3 * scale; out[4] = s4 * scale;
      out[5] = s5 * scale; out[6] = s6 * scale; out[7] = s7 * scale; out[8] = s8 * scale;
    },
    scoreToken(info, i, prev, prev2, memory, out) {
      const fast = (weights.fast ??= new FastTables(weights));
      const got = memory.get(info.lw[i]!);
      const nf = contextKeys(info, i, prev, feats);
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      for (let f = 0; f < nf; f++) {
        const key = feats[f]! | 0;
        let slot = key & mask;
        for (;;) {
          const e = keys[slot]!;
          if (e === 0) break;
          if ((e ^ key) >>> rb === 0) {
            const b = ((e & rowMask) - 1) * ROW_STRIDE;
            if (((w[b + NTAGS]! & 0xffff) | (w[b + NTAGS + 1]! << 16)) === key) {
              s0 += w[b]!; s1 += w[b + 1]!; s2 += w[b + 2]!; s3 += w[b + 3]!; s4 += w[b + 4]!;
              s5 += w[b + 5]!; s6 += w[b + 6]!; s7 += w[b + 7]!; s8 += w[b + 8]!;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
      }
      // Cached sums: dense small tables and shape context, own characters, neighbours.
      const g = info.gaz[i]!;
      const s = info.sent[i]!;
      const gl = i > 0 && info.sent[i - 1] === s ? info.gaz[i - 1]! : 255;
      const gr = i + 1 < info.n && info.sent[i + 1] === s ? info.gaz[i + 1]! : 255;
      const aW = fast.wordRow(info, i, 0);
      const aL = fast.wordRow(info, i > 0 && info.sent[i - 1] === s ? i - 1 : -1, 1);
      const aR = fast.wordRow(info, gr === 255 ? -1 : i + 1, 2);
      const hasL2 = gl !== 255 && i > 1 && info.sent[i - 2] === s;
      const hasR2 = gr !== 255 && i + 2 < info.n && info.sent[i + 2] === s;
      const far = fast.far;
      const fL = hasL2 ? far : fast.padL2;
      const aFL = hasL2 ? fast.farRow(info.lw[i - 2]!, 1) : 0;
      const fR = hasR2 ? far : fast.padR2;
      const aFR = hasR2 ? fast.farRow(info.lw[i + 2]!, 2) : 0;
      const sh = info.shape[i]!;
      const aX = fast.shapeRow(sh, prev, prev2, g, got < 0 ? 9 : got, info.row[i]!, gl, gr, info.cls[i]!);
      const aT = fast.triRow(gl === 255 ? PAD_L : info.shape[i - 1]!, sh, gr === 255 ? PAD_R : info.shape[i + 1]!);
      const cacheSums = fast.words;
      const ctxSums = fast.ctx.data;
      const triSums = fast.tri.data;
      acc[0] = s0; acc[1] = s1; acc[2] = s2; acc[3] = s3; acc[4] = s4; acc[5] = s5; acc[6] = s6; acc[7] = s7; acc[8] = s8;
      for (let t = 0; t < NTAGS; t++) {
        out[t] = (acc[t]! + cacheSums[aW + t]! + cacheSums[aL + t]! + cacheSums[aR + t]! + fL[aFL + t]! + fR[aFR + t]! + ctxSums[aX + t]! + triSums[aT + t]!) * scale;
      }
    },
  };
}

const FEATS_SCRATCH = new Uint32Array(MAX_FEATURES);
const SCORES_SCRATCH = new Float64Array(NTAGS);
const MEMORY_SCRATCH = new WordMemory(256);

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
 * and may return the tag to carry forward. `margin`, when given, gets score(tag) - score(O) per entity token.
 * @example const tags = tagTokens(info, weightScorer(shippedWeights()!))
 */
export function tagTokens(
  info: TokenInfo,
  scorer: Scorer,
  onToken?: (i: number, feats: Uint32Array, nf: number, predicted: number) => number,
  margin?: Float32Array,
): Uint8Array {
  const tags = new Uint8Array(info.n);
  // Inference reuses scratch across docs (scores are overwritten per token; the memory is cleared).
  const feats = onToken ? new Uint32Array(MAX_FEATURES) : FEATS_SCRATCH;
  const scores = onToken ? new Float64Array(NTAGS) : SCORES_SCRATCH;
  const memory = onToken ? new WordMemory(256) : MEMORY_SCRATCH.reset();
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < info.n; i++) {
    if (i > 0 && info.sent[i] !== info.sent[i - 1]) {
      prev = 0;
      prev2 = 0;
    }
    let tag = 0;
    // At inference, punctuation after a name (", said", ". The") is O without scoring; "&" and "-" may join names.
    if (isScored(info, i, prev) && (onToken || !skipAfterName(info, i))) {
      let nf = 0;
      if (!onToken && scorer.scoreToken) scorer.scoreToken(info, i, prev, prev2, memory, scores);
      else {
        nf = tokenFeatures(info, i, prev, prev2, memory, feats);
        scorer.score(feats, nf, scores);
      }
      tag = bestTag(scores, prev);
      // How far the chosen entity tag beats O (confidence for the rules downstream).
      if (margin && tag !== 0) margin[i] = scores[tag]! - scores[0]!;
      if (onToken) tag = onToken(i, feats, nf, tag);
      if (tag !== 0 && info.cls[i]! & 1) memory.set(info.lw[i]!, tagType(tag));
    }
    tags[i] = tag;
    prev2 = prev;
    prev = tag;
  }
  return tags;
}
