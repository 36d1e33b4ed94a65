/**
 * Attribution tagger: a first-order linear BIO tagger (Viterbi decoding) over SOURCE / CUE / CONTENT,
 * whose weights average a structured perceptron and a linear-chain CRF trained on PolNeAR train
 * (train/train-tagger.ts, train/crf.ts). Features are hashed integers built from per-token values
 * in typed arrays; the weights (int16 file, gzip) load once per process, lazily, as int8. The quotes
 * component uses it to add attributions the rules miss.
 *
 * Two paths compute the same features: tagInput (a feature array, for training and as the reference)
 * and tagTokens (inference: memoized rows for small-key templates, cached template-group sums, rows
 * summed as bytes in 16-bit lanes, an unrolled Viterbi, reused buffers). Cue-rate buckets come from the tagger's own
 * lexicon (data/tagger-cues.ts, train/train-tagger-cues.ts), extended to unseen inflections through stems. tagger.test.ts checks they
 * give the same tags; keep them in step when a template changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import { fmix, hashLower } from '../entities/hash.js';
import { TAGGER_CUES } from './data/tagger-cues.js';

/** Tag ids: 0 O, then B/I per label. */
export const ATTR_TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export const NT = ATTR_TAGS.length;
/**
 * Hash table rows (features); weights are `ROWS * NT`. 2^15 rows keep the in-memory table at 256 KB,
 * inside a core's L2 cache next to the other components' tables: the emission sums are bound by the
 * latency of their ~30 random row reads. Retrained at each size (train sample held out from training,
 * content / source overlap F1): 2^17 76.8 / 74.5, 2^16 77.0 / 74.4, 2^15 76.8 / 74.6, 2^14 77.0 / 74.1;
 * the full pipeline went from 1.87 to 2.16 MB/s (min of 6 passes, 3 alternating A/B runs).
 */
export const ROW_BITS = 15;
export const ROWS = 1 << ROW_BITS;
/** Static features per token. */
export const NF = 43;

/** Closed-class word classes (a cheap part-of-speech stand-in): 1 pronoun, 2 determiner, 3 preposition, 4 modal, 5 auxiliary, 6 conjunction, 7 wh-word, 8 negation, 9 "that". */
const CLOSED: readonly [number, string][] = [
  [1, 'i me my we us our you your he him his she her it its they them their who whom whose this these those someone everyone anyone nobody'],
  [2, 'a an the some any every each no many most several both all another such'],
  [3, 'of in on at by for with from to into about over under after before during since through between against among without within according'],
  [4, 'will would can could may might shall should must'],
  [5, 'is are was were be been being am has have had having do does did'],
  [6, 'and or but nor so yet while although though because if'],
  [7, 'what which when where why how whether'],
  [8, 'not n\'t never'],
  [9, 'that'],
];
/** Cue-rate bucket from which a word is a strong cue (distance and cue-word features). */
const STRONG = 3;
let lexicon: Map<number, number> | null = null;
/**
 * Per lower-cased word hash: `cls * 8 + cue` in the low byte (closed class 0..9, learned cue-rate
 * bucket 1..5, 0 not a learned cue) and, for strong cues (bucket >= STRONG), a small cue id from bit 8.
 */
function lexiconInfo(): Map<number, number> {
  if (!lexicon) {
    lexicon = new Map();
    for (const [c, words] of CLOSED) for (const w of words.split(' ')) lexicon.set(hashLower(w, 0, w.length), c * 8);
    let id = 0;
    for (const [w, [c, n]] of Object.entries(TAGGER_CUES)) {
      const r = c / n;
      const bucket = r >= 0.7 ? 5 : r >= 0.45 ? 4 : r >= 0.3 ? 3 : r >= 0.2 ? 2 : 1;
      const h = hashLower(w, 0, w.length);
      lexicon.set(h, ((lexicon.get(h) ?? 0) & ~7) | bucket | (bucket >= STRONG ? ++id << 8 : 0));
    }
    // Stems of the cue words, counts summed over their inflections: a word not in the lexicon takes its
    // stem's bucket ("admires" from "admired", "admire"), with a cue id of its own.
    const sums = new Map<number, [number, number]>();
    for (const [w, [c, n]] of Object.entries(TAGGER_CUES)) {
      const e = stemEnd(w, 0, w.length);
      if (e < 3) continue;
      const h = hashLower(w, 0, e);
      const a = sums.get(h) ?? [0, 0];
      a[0] += c;
      a[1] += n;
      sums.set(h, a);
    }
    stemLexicon = new Map();
    for (const [h, [c, n]] of sums) {
      const r = c / n;
      const bucket = r >= 0.7 ? 5 : r >= 0.45 ? 4 : r >= 0.3 ? 3 : r >= 0.2 ? 2 : 1;
      stemLexicon.set(h, bucket | (bucket >= STRONG ? ++id << 8 : 0));
    }
  }
  return lexicon;
}
let stemLexicon: Map<number, number> = new Map();
/** Stem keys in the lexicon table are stem hashes xor this (a stem never matches a word key by accident of equal text). */
const STEM_SALT = 0x6d2b79f5;
/** The key of a strong cue's word in the cue-word features: one per cue id (a word, or a stem for words outside the lexicon). */
const cueKey = (id: number): number => (Math.imul(id, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
/** cueKey per cue id, filled with the lexicon table (no call per token). */
let cueKeys = new Uint32Array(0);

/**
 * End of the stem of the lower-case ASCII word `text[s, e)`: inflection endings -ing, -ies/-ied, -ed, -es, -s, -e
 * dropped ("believes", "believed", "believing", "believe" all give "believ"); `e` when none applies.
 * @example stemEnd('warned', 0, 6) // 4
 */
export function stemEnd(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 4) return e;
  const c1 = text.charCodeAt(e - 1) | 32;
  const c2 = text.charCodeAt(e - 2) | 32;
  if (len >= 6 && c1 === 103 && c2 === 110 && (text.charCodeAt(e - 3) | 32) === 105) return e - 3; // -ing
  if (len >= 5 && (c1 === 100 || c1 === 115) && c2 === 101) return (text.charCodeAt(e - 3) | 32) === 105 ? e - 3 : e - 2; // -ed -es -ied -ies
  if (c1 === 115 && c2 !== 115 && c2 !== 117 && c2 !== 105) return e - 1; // -s, not -ss -us -is
  if (len >= 5 && c1 === 101) return e - 1; // -e
  return e;
}

/**
 * lexiconInfo as an open-addressing table of (key as int32, value + 1) pairs, 0 empty: no Map lookup
 * per token, and a probe reads one cache line (key and value side by side).
 */
let lexTable: Int32Array | null = null;
const LEX_BITS = 13;
function lexiconTable(): Int32Array {
  if (!lexTable) {
    const m = lexiconInfo();
    const size = 1 << LEX_BITS;
    const t = new Int32Array(size * 2);
    const put = (k: number, v: number): void => {
      let h = fmix(k) & (size - 1);
      while (t[h * 2 + 1] !== 0) h = (h + 1) & (size - 1);
      t[h * 2] = k | 0;
      t[h * 2 + 1] = v + 1;
    };
    for (const [k, v] of m) put(k, v);
    for (const [k, v] of stemLexicon) put((k ^ STEM_SALT) >>> 0, v);
    const ids = 1 + (Math.max(0, ...m.values(), ...stemLexicon.values()) >> 8);
    cueKeys = Uint32Array.from({ length: ids }, (_, id) => cueKey(id));
    lexTable = t;
  }
  return lexTable;
}

const mix = (a: number, b: number): number => fmix(Math.imul(a, 0x9e3779b1) ^ b);
/** Per-template salts of the word features (`hw ^ SALT[template]`). */
const SALT = Uint32Array.from({ length: 64 }, (_, k) => fmix(Math.imul(k + 1, 0x85ebca6b) ^ 0x2545f491));

/** Shape ids of punctuation, quote and symbol shapes (from 32; words use their shape, below 32). */
const SHAPE_IDS = 256;
const shapeIds = new Uint16Array(1 << 16);
let shapeCount = 0;

/** Per-token values the features are built from (one pass over the tokens, typed arrays only). */
interface TokenValues {
  n: number;
  /** Lower-case word hash, its mixed form (word features) and 3-letter suffix hash. */
  lw: Uint32Array;
  hw: Uint32Array;
  suffix: Uint32Array;
  shape: Uint32Array;
  /** Learned cue-rate bucket (0..5), closed word class (0..9), in-quote state (0 out, 1 in, 2 mark). */
  cue: Uint8Array;
  cls: Uint8Array;
  inQ: Uint8Array;
  /** Position in sentence (capped at 7); sentence quote-mark count (0, 1, 2+). */
  pos: Uint8Array;
  quotes: Uint8Array;
  /** Bucketed distance to the nearest strong cue before / after in the sentence (0 none). */
  dist: Uint8Array;
  /** Nearest other learned cue of any bucket before / after in the sentence: bucket * 8 + distance bucket (0 none). */
  anyL: Uint8Array;
  anyR: Uint8Array;
  /** Punctuation between the token and the nearest strong cue after it: 1 a comma, 2 a quote mark, 3 both. */
  gapR: Uint8Array;
  distR: Uint8Array;
  /** Word of the nearest strong cue before / after in the sentence (0 none). */
  cueL: Uint32Array;
  cueR: Uint32Array;
  /** Small ids for the fast path: shape id (word shapes as is, punctuation from 32; SHAPE_IDS when out of ids), strong-cue ids left / right (0 none). */
  sid: Uint16Array;
  cidL: Uint16Array;
  cidR: Uint16Array;
  pk: Uint8Array;
  active: Uint8Array;
}

type Scratch = Uint8Array | Uint16Array | Uint32Array | Int32Array;
const pool = new Map<string, Scratch>();
/**
 * A process-wide buffer of at least `n` slots for `name` (grown by doubling), as a view of exactly
 * `n`: inference allocates no per-document arrays (~80 bytes a token before, much of the GC time).
 * Contents are stale: callers write every slot they read.
 */
function scratch<T extends Scratch>(name: string, ctor: { new (n: number): T }, n: number): T {
  let b = pool.get(name) as T | undefined;
  if (!b || b.length < n) {
    b = new ctor(Math.max(n, 2 * (b?.length ?? 512)));
    pool.set(name, b);
  }
  return b.subarray(0, n) as T;
}

/** Distance (0..15, capped) to a cue as a bucket 1..7: 0, 1, 2, 3–4, 5–7, 8–12, 13+ tokens (sources sit farther from their cue than 6 tokens). */
const DIST_BUCKET = Uint8Array.of(1, 2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7);

/** Per-token values of a token table; `active` marks sentences whose best cue bucket is at least `minSentenceCue`. */
function tokenValues(text: string, tokens: TokenTable, minSentenceCue: number, reuse = false): TokenValues {
  const n = tokens.length;
  // Inference reuses process-wide buffers (every slot is written below); training keeps its own arrays.
  const u32 = (name: string): Uint32Array => (reuse ? scratch(name, Uint32Array, n) : new Uint32Array(n));
  const u16 = (name: string): Uint16Array => (reuse ? scratch(name, Uint16Array, n) : new Uint16Array(n));
  const u8 = (name: string): Uint8Array => (reuse ? scratch(name, Uint8Array, n) : new Uint8Array(n));
  const lex = lexiconTable();
  const lexMask = (1 << LEX_BITS) - 1;
  const lw = u32('lw');
  const suffix = u32('suffix');
  const shape = u32('shape');
  const cue = u8('cue');
  const inQ = u8('inQ');
  const pos = u8('pos');
  const cls = u8('cls');
  const cid = u16('cid');
  const sid = u16('sid');
  const hw = u32('hw');
  const pk = u8('pk');
  const { start, end, kind, flags, sentence } = tokens;
  let open = 0;
  let sentStart = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = end[i]!;
    // hashLower of the word and of its last 3 letters in one ASCII pass (the same FNV-1a values).
    const b3 = e - 3 > s ? e - 3 : s;
    let h = 0x811c9dc5;
    let hs = 0x811c9dc5;
    // Prefix hashes of text[s, e - 3), [s, e - 2), [s, e - 1): the stem hashes (stemEnd drops at most 3 letters).
    let h3 = 0;
    let h2 = 0;
    let h1 = 0;
    let x = s;
    for (; x < e; x++) {
      let c = text.charCodeAt(x);
      if (c >= 128) break;
      if (c >= 65 && c <= 90) c += 32;
      if (x >= b3) {
        if (x === e - 3) h3 = h;
        else if (x === e - 2) h2 = h;
        else h1 = h;
        hs = Math.imul(hs ^ c, 0x01000193);
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (x < e) {
      // A non-ASCII letter: the shared hash (lower-cases any code unit).
      lw[i] = hashLower(text, s, e);
      suffix[i] = hashLower(text, b3, e);
    } else {
      lw[i] = h >>> 0;
      suffix[i] = hs >>> 0;
    }
    const key = lw[i]!;
    const ki = key | 0;
    let slot = fmix(key) & lexMask;
    let info = 0;
    let found = false;
    for (let x = lex[slot * 2 + 1]!; x !== 0; slot = (slot + 1) & lexMask, x = lex[slot * 2 + 1]!) if (lex[slot * 2] === ki) { info = x - 1; found = true; break; }
    if (!found && x === e && e - s >= 4) {
      // Not a lexicon word: its stem's cue bucket, when the stem is a cue stem (keyed apart from words, see lexiconTable).
      const se = stemEnd(text, s, e);
      if (se < e) {
        const sk = (se === e - 3 ? h3 : se === e - 2 ? h2 : h1) ^ STEM_SALT;
        slot = fmix(sk >>> 0) & lexMask;
        for (let y = lex[slot * 2 + 1]!; y !== 0; slot = (slot + 1) & lexMask, y = lex[slot * 2 + 1]!) if (lex[slot * 2] === sk) { info = y - 1; break; }
      }
    }
    cue[i] = info & 7;
    cls[i] = (info >> 3) & 31;
    cid[i] = info >> 8;
    // Word features: one mixed hash per token, salted per template (no hashing per feature); the
    // previous-tag key is class * 8 + cue bucket, the low byte of the lexicon value.
    hw[i] = fmix(key ^ 0x9e3779b9);
    pk[i] = info & 0xff;
    const k = kind[i]!;
    const f = flags[i]!;
    let sh = k;
    if (f & TokenFlag.CAPITALIZED) sh |= 8;
    if (f & TokenFlag.ALL_CAPS) sh |= 16;
    if (k === TokenKind.PUNCT || k === TokenKind.QUOTE || k === TokenKind.SYMBOL) {
      sh = (sh << 8) ^ text.charCodeAt(s);
      let id = shapeIds[sh]!;
      if (id === 0) shapeIds[sh] = id = shapeCount < SHAPE_IDS - 32 ? 32 + shapeCount++ : SHAPE_IDS;
      sid[i] = id;
    } else sid[i] = sh;
    shape[i] = sh;
    if (i === 0 || sentence[i] !== sentence[i - 1]) sentStart = i;
    const p = i - sentStart;
    pos[i] = p > 6 ? 7 : p;
    if (k === TokenKind.QUOTE) {
      if (f & TokenFlag.OPENING) open = 1;
      else if (f & TokenFlag.CLOSING) open = 0;
      else open ^= 1;
      inQ[i] = 2;
    } else inQ[i] = open;
  }
  // Per sentence, in one forward and one backward pass: bucketed distance to the nearest strong cue
  // (rate bucket >= STRONG) before / after, that cue's word and id (sources precede their cue), the
  // sentence's quote-mark count (0, 1, 2+) and whether it is active (best cue bucket >= minSentenceCue;
  // inference skips the rest).
  const dist = u8('dist');
  const distR = u8('distR');
  const cueR = u32('cueR');
  const cueL = u32('cueL');
  const keys = cueKeys;
  const cidR = u16('cidR');
  const cidL = u16('cidL');
  const quotes = u8('quotes');
  const active = u8('active');
  const anyL = u8('anyL');
  const anyR = u8('anyR');
  const gapR = u8('gapR');
  for (let i = 0; i < n; ) {
    let j = i;
    let q = 0;
    let best = 0;
    let last = -1;
    let lastW = 0;
    let lastC = 0;
    let anyAt = -1;
    const sent = sentence[i];
    for (; j < n && sentence[j] === sent; j++) {
      const c = cue[j]!;
      if (kind[j] === TokenKind.QUOTE) q++;
      if (c > best) best = c;
      anyL[j] = anyAt < 0 ? 0 : cue[anyAt]! * 8 + DIST_BUCKET[Math.min(j - anyAt, 15)]!;
      if (c > 0) anyAt = j;
      cueL[j] = lastW;
      cidL[j] = lastC;
      if (c >= STRONG) { last = j; lastC = cid[j]!; lastW = keys[lastC]!; }
      dist[j] = last < 0 ? 0 : DIST_BUCKET[Math.min(j - last, 15)]!; // 1..7: cue before at distance
    }
    last = -1;
    lastW = 0;
    lastC = 0;
    anyAt = -1;
    let gap = 0;
    for (let k = j - 1; k >= i; k--) {
      cueR[k] = lastW;
      cidR[k] = lastC;
      anyR[k] = anyAt < 0 ? 0 : cue[anyAt]! * 8 + DIST_BUCKET[Math.min(anyAt - k, 15)]!;
      if (cue[k]! > 0) anyAt = k;
      gapR[k] = last < 0 ? 0 : gap;
      if (cue[k]! >= STRONG) { last = k; lastC = cid[k]!; lastW = keys[lastC]!; gap = 0; }
      else if (kind[k] === TokenKind.QUOTE) gap |= 2;
      else if (text.charCodeAt(start[k]!) === 44) gap |= 1;
      distR[k] = last < 0 ? 0 : DIST_BUCKET[Math.min(last - k, 15)]!;
    }
    quotes.fill(q > 2 ? 2 : q, i, j);
    active.fill(best >= minSentenceCue ? 1 : 0, i, j);
    i = j;
  }
  return { n, lw, hw, suffix, shape, sid, cue, cls, inQ, pos, quotes, dist, distR, anyL, anyR, gapR, cueL, cueR, cidL, cidR, pk, active };
}

/** Padding word outside the document. */
const P = 0x1234567;
/**
 * Word templates: the word at `i + WORD_OFF[k]`, salted with `SALT[WORD_SALT[k]]` (`P` outside the
 * doc). They depend on one word only, so inference sums them once per word type (tagTokens).
 */
const WORD_OFF = [0, -1, 1, -2, 2, -3, 3] as const;
const WORD_SALT = [2, 3, 4, 5, 6, 34, 35] as const;
const NW = WORD_OFF.length;
/** The suffix template (also one word only). */
const SUFFIX_T = 25;
/** Context templates (all but the word and suffix ones). */
const NC = NF - NW - 1;

/** Keys of the context templates of token i (small per-token values, word pairs, word × value), written to `out[o ..o + NC)`. */
function contextFeats(v: TokenValues, i: number, out: Uint32Array, o: number): void {
  const { n, lw, shape, cue, inQ, pos, dist, distR, quotes, suffix, cueL, cueR, cls, anyL, anyR, gapR } = v;
  const w0 = lw[i]!;
  const wm1 = i > 0 ? lw[i - 1]! : P;
  const wm2 = i > 1 ? lw[i - 2]! : P;
  const wp1 = i + 1 < n ? lw[i + 1]! : P;
  const wp2 = i + 2 < n ? lw[i + 2]! : P;
  const sm1 = i > 0 ? shape[i - 1]! : 0;
  const sp1 = i + 1 < n ? shape[i + 1]! : 0;
  const cm1 = i > 0 ? cue[i - 1]! : 9;
  const cp1 = i + 1 < n ? cue[i + 1]! : 9;
  const cp2 = i + 2 < n ? cue[i + 2]! : 9;
  const km1 = i > 0 ? cls[i - 1]! : 15;
  const kp1 = i + 1 < n ? cls[i + 1]! : 15;
  const kp2 = i + 2 < n ? cls[i + 2]! : 15;
  const sh = shape[i]!;
  const qi = inQ[i]!;
  const di = dist[i]!;
  const dr = distR[i]!;
  const ci = cue[i]!;
  let f = o;
  out[f++] = mix(1, 0);
  out[f++] = mix(7, mix(w0, wp1));
  out[f++] = mix(8, mix(wm1, w0));
  out[f++] = mix(9, sh);
  out[f++] = mix(10, mix(sm1, sh));
  out[f++] = mix(11, mix(sh, sp1));
  out[f++] = mix(12, ci);
  out[f++] = mix(13, cm1 * 16 + cp1);
  out[f++] = mix(14, qi);
  out[f++] = mix(15, di * 16 + dr);
  out[f++] = mix(16, di * 16 + ci);
  out[f++] = mix(17, pos[i]!);
  out[f++] = mix(18, pos[i]! * 16 + (sh & 0xff));
  out[f++] = mix(19, mix(dr, sh));
  out[f++] = mix(20, mix(qi, di));
  out[f++] = mix(21, mix(wm1, ci));
  out[f++] = mix(22, mix(cm1, sm1));
  out[f++] = mix(23, mix(i > 0 ? inQ[i - 1]! : 3, qi));
  out[f++] = mix(24, mix(dr, wp1));
  out[f++] = mix(26, mix(cueR[i]!, dr));
  out[f++] = mix(27, mix(w0, cp1));
  out[f++] = mix(28, cp1 * 16 + cp2 + ((sh & 24) << 8));
  out[f++] = mix(29, mix(quotes[i]!, qi * 16 + di));
  out[f++] = mix(30, mix(wm1, sh));
  out[f++] = mix(31, mix(suffix[i]!, cm1));
  out[f++] = mix(32, km1 * 16 + cls[i]!);
  out[f++] = mix(33, (cls[i]! * 16 + kp1) * 16 + kp2);
  out[f++] = mix(36, mix(wp1, wp2));
  out[f++] = mix(37, mix(wm2, wm1));
  out[f++] = mix(38, mix(cueL[i]!, di));
  out[f++] = mix(39, mix(w0, kp1 * 16 + cp1));
  out[f++] = mix(40, anyL[i]! * 8 + (ci > 5 ? 5 : ci));
  out[f++] = mix(41, anyR[i]! * 8 + (ci > 5 ? 5 : ci));
  out[f++] = mix(42, (gapR[i]! * 8 + dr) * 16 + cls[i]!);
}

/** Per-token values and static features of a token table. */
export interface TagInput {
  n: number;
  /** `n * NF` feature keys (un-reduced hashes). */
  feats: Uint32Array;
  /** Lower-case word hash per token. */
  lw: Uint32Array;
  /** Closed class * 8 + cue-rate bucket per token (for previous-tag features in decoding). */
  pk: Uint8Array;
  /** 1 where the token's sentence has a cue-like word of at least the requested rate bucket. */
  active: Uint8Array;
  /** A tag index fixed in advance (0 = free): tokens of quotes the rules found are CONTENT, not scored. */
  forced: Uint8Array;
}

/**
 * Static features for every token of a doc (training; inference sums the same features in
 * tagTokens): word and neighbours ±3, word pairs, shape, cue-rate buckets, quote state, distance to
 * the nearest strong cue, position in sentence.
 * @example tagInput(doc.text, doc.tokens).n === doc.tokens.length
 */
export function tagInput(text: string, tokens: TokenTable, minSentenceCue = 0, forced: Uint8Array = new Uint8Array(tokens.length)): TagInput {
  const v = tokenValues(text, tokens, minSentenceCue);
  const { n, hw, suffix, active } = v;
  const feats = new Uint32Array(n * NF);
  for (let i = 0; i < n; i++) {
    if (!active[i] || forced[i]) continue;
    const o = i * NF;
    for (let k = 0; k < NW; k++) {
      const j = i + WORD_OFF[k]!;
      feats[o + k] = (j >= 0 && j < n ? hw[j]! : P) ^ SALT[WORD_SALT[k]!]!;
    }
    feats[o + NW] = mix(SUFFIX_T, suffix[i]!);
    contextFeats(v, i, feats, o + NW + 1);
  }
  return { n, feats, lw: v.lw, pk: v.pk, active, forced };
}

/** Previous-tag feature keys for token i (first order, so Viterbi decoding is exact): the transition and (previous tag, word class and cue bucket). Writes ND keys into `out`. */
export function dynFeats(inp: TagInput, i: number, prev: number, out: Uint32Array): void {
  out[0] = mix(100, prev);
  out[1] = mix(102, prev * 256 + inp.pk[i]!);
}
export const ND = 2;

/** Valid transitions: I-x only after B-x or I-x. */
export function allowed(prev: number, t: number): boolean {
  if (t === 0 || (t & 1) === 1) return true;
  return prev === t || prev === t - 1;
}

/** Row stride of the loaded weights: NT tags padded to 8, so each row sits in one cache line. */
export const W_STRIDE = 8;


/**
 * Emission scores `[n * W_STRIDE]` from precomputed feature keys (the training-side reference of
 * what tagTokens computes).
 */
function emissionsOf(inp: TagInput, w: TaggerWeights): Int32Array {
  const { n, feats, active, forced } = inp;
  const mask = ROWS - 1;
  const emit = new Int32Array(n * W_STRIDE);
  for (let i = 0; i < n; i++) {
    if (!active[i] || forced[i]) continue;
    const o = i * NF;
    const e = i * W_STRIDE;
    for (let f = 0; f < NF; f++) {
      const r = (feats[o + f]! & mask) << 3;
      for (let t = 0; t < NT; t++) emit[e + t] = emit[e + t]! + w[r + t]!;
    }
  }
  return emit;
}

/**
 * Viterbi decoding over BIO tags with weights `w` (`ROWS * W_STRIDE` rows, see loadTaggerWeights):
 * static feature rows give per-tag emission scores, previous-tag rows the transition scores; I-x only
 * after B-x or I-x. Forced tokens take their tag; inactive tokens are O. Scores are integer sums.
 * @example decodeTags(tagInput(text, tokens), loadTaggerWeights()!)
 */
export function decodeTags(inp: TagInput, w: TaggerWeights): Uint8Array {
  return viterbi(emissionsOf(inp, w), inp.n, inp.pk, inp.active, inp.forced, w);
}

/** Transition scores per previous-tag key: `[pk * 64 + p * 8 + t]` = transition row + (previous tag, word class) row; disallowed pairs very low. */
let transFor: Int32Array | null = null;
let transOf: TaggerWeights | null = null;
const NEG = -0x3fffffff;

function transitions(w: TaggerWeights): Int32Array {
  if (transFor && transOf === w) return transFor;
  const mask = ROWS - 1;
  const m = new Int32Array(256 * 64);
  for (let k = 0; k < 256; k++) {
    for (let p = 0; p < NT; p++) {
      const r0 = (mix(100, p) & mask) << 3;
      const r1 = (mix(102, p * 256 + k) & mask) << 3;
      for (let t = 0; t < 8; t++) m[k * 64 + p * 8 + t] = t < NT && allowed(p, t) ? w[r0 + t]! + w[r1 + t]! : NEG;
    }
  }
  transFor = m;
  transOf = w;
  return m;
}

/** Best tag sequence given emission scores `emit` (`n * W_STRIDE`), previous-tag keys `pk`, active and forced tokens. */
/** The argmax of `fromAny`, read right after the call (a module slot: no object per call in the hot loop). */
let bestArg = 0;

/**
 * Best score into the tag at `at` (= transition row + tag) over all seven previous tags, whose deltas are d0..d6;
 * the winning previous tag goes to `bestArg`. Ties keep the lower tag.
 */
function fromAny(tr: Int32Array, at: number, d0: number, d1: number, d2: number, d3: number, d4: number, d5: number, d6: number): number {
  let best = d0 + tr[at]!;
  let arg = 0;
  let sc = d1 + tr[at + 8]!;
  if (sc > best) { best = sc; arg = 1; }
  sc = d2 + tr[at + 16]!;
  if (sc > best) { best = sc; arg = 2; }
  sc = d3 + tr[at + 24]!;
  if (sc > best) { best = sc; arg = 3; }
  sc = d4 + tr[at + 32]!;
  if (sc > best) { best = sc; arg = 4; }
  sc = d5 + tr[at + 40]!;
  if (sc > best) { best = sc; arg = 5; }
  sc = d6 + tr[at + 48]!;
  if (sc > best) { best = sc; arg = 6; }
  bestArg = arg;
  return best;
}

function viterbi(emit: Int32Array, n: number, pk: Uint8Array, active: Uint8Array, forced: Uint8Array, w: TaggerWeights): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const back = scratch('back', Uint8Array, n * NT);
  const tr = transitions(w);
  // delta per previous tag in locals (unrolled over the 7 tags); a state no path reaches stays at or below NEG.
  let d0 = 0, d1 = NEG, d2 = NEG, d3 = NEG, d4 = NEG, d5 = NEG, d6 = NEG;
  let n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0;
  let best = 0;
  let arg = 0;
  let sc = 0;
  for (let i = 0; i < n; i++) {
    const fixed = !active[i] ? 0 : forced[i] ? forced[i]! : -1;
    const bo = i * NT;
    if (fixed >= 0) {
      // A fixed tag: the best predecessor, whatever the transition.
      arg = 0;
      best = d0;
      if (d1 > best) { best = d1; arg = 1; }
      if (d2 > best) { best = d2; arg = 2; }
      if (d3 > best) { best = d3; arg = 3; }
      if (d4 > best) { best = d4; arg = 4; }
      if (d5 > best) { best = d5; arg = 5; }
      if (d6 > best) { best = d6; arg = 6; }
      back[bo] = arg; back[bo + 1] = arg; back[bo + 2] = arg; back[bo + 3] = arg; back[bo + 4] = arg; back[bo + 5] = arg; back[bo + 6] = arg;
      n0 = n1 = n2 = n3 = n4 = n5 = n6 = NEG;
      if (fixed === 0) n0 = best;
      else if (fixed === 1) n1 = best;
      else if (fixed === 2) n2 = best;
      else if (fixed === 3) n3 = best;
      else if (fixed === 4) n4 = best;
      else if (fixed === 5) n5 = best;
      else n6 = best;
    } else {
      const base = pk[i]! * 64;
      const eo = i * W_STRIDE;
      // O: any predecessor.
      best = fromAny(tr, base + 0, d0, d1, d2, d3, d4, d5, d6);
      arg = bestArg;
      back[bo + 0] = arg;
      n0 = best <= NEG ? NEG : best + emit[eo + 0]!;
      // B-SRC: any predecessor.
      best = fromAny(tr, base + 1, d0, d1, d2, d3, d4, d5, d6);
      arg = bestArg;
      back[bo + 1] = arg;
      n1 = best <= NEG ? NEG : best + emit[eo + 1]!;
      // B-CUE: any predecessor.
      best = fromAny(tr, base + 3, d0, d1, d2, d3, d4, d5, d6);
      arg = bestArg;
      back[bo + 3] = arg;
      n3 = best <= NEG ? NEG : best + emit[eo + 3]!;
      // B-CON: any predecessor.
      best = fromAny(tr, base + 5, d0, d1, d2, d3, d4, d5, d6);
      arg = bestArg;
      back[bo + 5] = arg;
      n5 = best <= NEG ? NEG : best + emit[eo + 5]!;
      // I-SRC: only after B (t - 1) or I (t); when neither is reachable, the full scan (disallowed sums are below NEG).
      best = d1 + tr[base + 10]!;
      arg = 1;
      sc = d2 + tr[base + 18]!;
      if (sc > best) { best = sc; arg = 2; }
      if (best <= NEG) {
        best = fromAny(tr, base + 2, d0, d1, d2, d3, d4, d5, d6);
        arg = bestArg;
      }
      back[bo + 2] = arg;
      n2 = best <= NEG ? NEG : best + emit[eo + 2]!;
      // I-CUE: only after B (t - 1) or I (t); when neither is reachable, the full scan (disallowed sums are below NEG).
      best = d3 + tr[base + 28]!;
      arg = 3;
      sc = d4 + tr[base + 36]!;
      if (sc > best) { best = sc; arg = 4; }
      if (best <= NEG) {
        best = fromAny(tr, base + 4, d0, d1, d2, d3, d4, d5, d6);
        arg = bestArg;
      }
      back[bo + 4] = arg;
      n4 = best <= NEG ? NEG : best + emit[eo + 4]!;
      // I-CON: only after B (t - 1) or I (t); when neither is reachable, the full scan (disallowed sums are below NEG).
      best = d5 + tr[base + 46]!;
      arg = 5;
      sc = d6 + tr[base + 54]!;
      if (sc > best) { best = sc; arg = 6; }
      if (best <= NEG) {
        best = fromAny(tr, base + 6, d0, d1, d2, d3, d4, d5, d6);
        arg = bestArg;
      }
      back[bo + 6] = arg;
      n6 = best <= NEG ? NEG : best + emit[eo + 6]!;
    }
    // Keep the sums small over long documents (a token adds at most ~(NF + ND) * 127).
    if ((i & 127) === 127) {
      const m = Math.max(n0, n1, n2, n3, n4, n5, n6);
      if (n0 > NEG) n0 -= m;
      if (n1 > NEG) n1 -= m;
      if (n2 > NEG) n2 -= m;
      if (n3 > NEG) n3 -= m;
      if (n4 > NEG) n4 -= m;
      if (n5 > NEG) n5 -= m;
      if (n6 > NEG) n6 -= m;
    }
    d0 = n0; d1 = n1; d2 = n2; d3 = n3; d4 = n4; d5 = n5; d6 = n6;
  }
  const fin = [d0, d1, d2, d3, d4, d5, d6];
  let bt = 0;
  for (let t = 1; t < NT; t++) if (fin[t]! > fin[bt]!) bt = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = bt;
    bt = back[i * NT + bt]!;
  }
  return tags;
}

/** Row offsets of context templates with small keys, filled on first use (process-wide: rows depend on the key only). */
const memo = (size: number): Int32Array => new Int32Array(size).fill(-1);
const M40 = memo(512), M41 = memo(512), M42 = memo(512);
const M18 = memo(512), M19 = memo(8 * SHAPE_IDS), M28 = memo(8192), M32 = memo(256), M33 = memo(4096);
let M26 = memo(0), M38 = memo(0);
const MASK = ROWS - 1;
/** Row offset of `key` under template `t`. */
const rowOf = (t: number, key: number): number => (mix(t, key) & MASK) << 3;

/**
 * Cached sums of template groups that read only small per-token values (direct-mapped by a packed
 * key of those values, exact: the full key is compared). A group vector replaces ~10 row reads.
 */
const GROUP_BITS = 13;
/** Slots of 8 int32: the key (-1 empty), then the four lane sums (a hit reads one cache line). */
const GS = 8;
const gb = new Int32Array((1 << GROUP_BITS) * GS);
const gs = new Int32Array((1 << GROUP_BITS) * GS);
/** Empties a group table (every key -1). */
function clearGroups(g: Int32Array): void {
  for (let o = 0; o < g.length; o += GS) g[o] = -1;
}
clearGroups(gb);
clearGroups(gs);
let groupsOf: TaggerWeights | null = null;

/** Adds row offset `r` (of `w`) to the four lane sums `vec[o .. o + 4)` (see packedWeights). */
function addRow(vec: Int32Array, o: number, w: TaggerWeights, r: number): void {
  const pw = packedWeights(w);
  const x = pw[r >> 2]!;
  const y = pw[(r >> 2) + 1]!;
  vec[o] = vec[o]! + (x & LANES);
  vec[o + 1] = vec[o + 1]! + ((x >>> 8) & LANES);
  vec[o + 2] = vec[o + 2]! + (y & LANES);
  vec[o + 3] = vec[o + 3]! + ((y >>> 8) & LANES);
}

/** Fills cue-group slot `gi`: bias, the constant last feature (key 0), templates 12–17, 20, 23, 29. */
function fillCueGroup(w: TaggerWeights, gi: number, ci: number, cm1: number, cp1: number, qi: number, qm: number, di: number, dr: number, pos: number, quotes: number): void {
  const o = gi * GS + 1;
  gb.fill(0, o, o + 4);
  addRow(gb, o, w, rowOf(1, 0));
  addRow(gb, o, w, 0);
  addRow(gb, o, w, rowOf(12, ci));
  addRow(gb, o, w, rowOf(13, cm1 * 16 + cp1));
  addRow(gb, o, w, rowOf(14, qi));
  addRow(gb, o, w, rowOf(15, di * 16 + dr));
  addRow(gb, o, w, rowOf(16, di * 16 + ci));
  addRow(gb, o, w, rowOf(17, pos));
  addRow(gb, o, w, rowOf(20, mix(qi, di)));
  addRow(gb, o, w, rowOf(23, mix(qm, qi)));
  addRow(gb, o, w, rowOf(29, mix(quotes, qi * 16 + di)));
  gb[o - 1] = ci | (cm1 << 3) | (cp1 << 7) | (qi << 11) | (qm << 13) | (di << 15) | (dr << 18) | (pos << 21) | (quotes << 24);
}

/** Fills shape-group slot `gi` (key `sk`): templates 9, 10, 11, 22 from the shapes around the token. */
function fillShapeGroup(w: TaggerWeights, gi: number, sk: number, shm: number, sh: number, shp: number, cm1: number): void {
  const o = gi * GS + 1;
  gs.fill(0, o, o + 4);
  addRow(gs, o, w, rowOf(9, sh));
  addRow(gs, o, w, rowOf(10, mix(shm, sh)));
  addRow(gs, o, w, rowOf(11, mix(sh, shp)));
  addRow(gs, o, w, rowOf(22, mix(cm1, shm)));
  gs[o - 1] = sk;
}

/**
 * Emission scores `[n * W_STRIDE]` of the active, unforced tokens, the same sums as emissionsOf over
 * tagInput's features: small-key templates read memoized row offsets, word pairs are mixed once per
 * position, and no feature array is built.
 */
/**
 * The weights as biased bytes (`w + 128`), a row in two int32 (tags 0–3, 4–6): masking even and odd
 * bytes gives two 16-bit lanes per int32 (SWAR), and 43 rows sum to at most 10965 per lane, so lanes
 * never carry. A row costs 2 loads and 4 adds, and the table stays 256 KB (ROW_BITS).
 */
const LANES = 0x00ff00ff;
let packed: Int32Array | null = null;
let packedOf: TaggerWeights | null = null;
function packedWeights(w: TaggerWeights): Int32Array {
  if (packed && packedOf === w) return packed;
  const rows = w.length >> 3;
  const pw = new Int32Array(rows * 2);
  const b = (o: number): number => (o % 8 < NT ? w[o]! + 128 : 0);
  for (let r = 0; r < rows; r++) {
    const o = r * 8;
    pw[r * 2] = b(o) | (b(o + 1) << 8) | (b(o + 2) << 16) | (b(o + 3) << 24);
    pw[r * 2 + 1] = b(o + 4) | (b(o + 5) << 8) | (b(o + 6) << 16) | (b(o + 7) << 24);
  }
  packed = pw;
  packedOf = w;
  return pw;
}

/** Context row offsets of one token (reused across calls). */
const ctxRows = new Uint32Array(NC);
/** The multiplier of `mix`; hashed-template keys of one token before fmix, and their templates' `Math.imul(t, GOLD)` (fastEmissions). */
const GOLD = 0x9e3779b1;
const hk = new Int32Array(10);
const HK_T = Int32Array.from([21, 24, 27, 30, 31, 39, 7, 8, 36, 37], (t) => Math.imul(t, GOLD));

function fastEmissions(v: TokenValues, w: TaggerWeights, forced: Uint8Array): Int32Array {
  const { n, lw, hw, suffix, shape, sid, cue, cls, inQ, pos, quotes, dist, distR, cidL, cidR, cueL, cueR, anyL, anyR, gapR, active } = v;
  const emit = scratch('emit', Int32Array, n * W_STRIDE);
  const pw = packedWeights(w);
  if (M26.length === 0) {
    const ids = 1 + (Math.max(0, ...lexiconInfo().values(), ...stemLexicon.values()) >> 8);
    M26 = memo(ids * 8);
    M38 = memo(ids * 8);
  }
  // Pair hashes: pair[j] = mix(lw[j], lw[j + 1]) for j in -2 .. n (padding outside), at pair[j + 2].
  const pair = scratch('pair', Int32Array, n + 3);
  for (let j = -2; j <= n; j++) pair[j + 2] = mix(j >= 0 && j < n ? lw[j]! : P, j + 1 >= 0 && j + 1 < n ? lw[j + 1]! : P);
  const ctx = ctxRows;
  const S0 = SALT[WORD_SALT[0]]!, S1 = SALT[WORD_SALT[1]]!, S2 = SALT[WORD_SALT[2]]!, S3 = SALT[WORD_SALT[3]]!;
  const S4 = SALT[WORD_SALT[4]]!, S5 = SALT[WORD_SALT[5]]!, S6 = SALT[WORD_SALT[6]]!;
  if (groupsOf !== w) {
    clearGroups(gb);
    clearGroups(gs);
    groupsOf = w;
  }
  for (let i = 0; i < n; i++) {
    if (!active[i] || forced[i]) continue;
    // Packed row sums (two biased tags per int32 lane, see packedWeights) and how many rows they hold.
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    let q = 0;
    let x = 0;
    let y = 0;
    let r = 0;
    // Word templates (word at -3 .. +3, suffix); row index `q` straight from the salted hash (row r = q * 2).
    q = ((hw[i]! ^ S0) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i >= 1 ? hw[i - 1]! : P) ^ S1) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i + 1 < n ? hw[i + 1]! : P) ^ S2) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i >= 2 ? hw[i - 2]! : P) ^ S3) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i + 2 < n ? hw[i + 2]! : P) ^ S4) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i >= 3 ? hw[i - 3]! : P) ^ S5) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    q = (((i + 3 < n ? hw[i + 3]! : P) ^ S6) & MASK) << 1; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    r = rowOf(SUFFIX_T, suffix[i]!);
    q = r >> 2; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
    const first = i === 0;
    const last = i + 1 >= n;
    const si = sid[i]!;
    const sm = first ? 0 : sid[i - 1]!;
    const sp = last ? 0 : sid[i + 1]!;
    if (si >= SHAPE_IDS || sm >= SHAPE_IDS || sp >= SHAPE_IDS) {
      // Out of shape ids (many distinct punctuation marks): the reference keys.
      contextFeats(v, i, ctx, 0);
      for (let f = 0; f < NC; f++) {
        r = (ctx[f]! & MASK) << 3;
        q = r >> 2; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
      }
    } else {
      const sh = shape[i]!;
      const ci = cue[i]!;
      const qi = inQ[i]!;
      const di = dist[i]!;
      const dr = distR[i]!;
      const ki = cls[i]!;
      const cm1 = first ? 9 : cue[i - 1]!;
      const cp1 = last ? 9 : cue[i + 1]!;
      const cp2 = i + 2 < n ? cue[i + 2]! : 9;
      const km1 = first ? 15 : cls[i - 1]!;
      const kp1 = last ? 15 : cls[i + 1]!;
      const kp2 = i + 2 < n ? cls[i + 2]! : 15;
      const w0 = lw[i]!;
      const wm1 = first ? P : lw[i - 1]!;
      const wp1 = last ? P : lw[i + 1]!;
      let k = 0;
      // Group of cue, quote, distance and position templates (and the constant ones): one cached vector.
      const qm = first ? 3 : inQ[i - 1]!;
      const gk = ci | (cm1 << 3) | (cp1 << 7) | (qi << 11) | (qm << 13) | (di << 15) | (dr << 18) | (pos[i]! << 21) | (quotes[i]! << 24);
      let gi = Math.imul(gk, 0x9e3779b1) >>> (32 - GROUP_BITS);
      if (gb[gi * GS] !== gk) fillCueGroup(w, gi, ci, cm1, cp1, qi, qm, di, dr, pos[i]!, quotes[i]!);
      gi = gi * GS + 1;
      p0 += gb[gi]!; p1 += gb[gi + 1]!; p2 += gb[gi + 2]!; p3 += gb[gi + 3]!;
      // Group of shape templates.
      const sk = sm | (si << 8) | (sp << 16) | (cm1 << 24);
      gi = Math.imul(sk, 0x9e3779b1) >>> (32 - GROUP_BITS);
      if (gs[gi * GS] !== sk) fillShapeGroup(w, gi, sk, first ? 0 : shape[i - 1]!, sh, last ? 0 : shape[i + 1]!, cm1);
      gi = gi * GS + 1;
      p0 += gs[gi]!; p1 += gs[gi + 1]!; p2 += gs[gi + 2]!; p3 += gs[gi + 3]!;
      const rows = ctx;
      let f = 0;
      // Hashed templates, fmix written out in two short loops (the calls were not all inlined): word x
      // value keys `rowOf(t, mix(a, b))` (hk 0-5), then word pairs `mix(t, pair)` (hk 6-9).
      hk[0] = Math.imul(wm1, GOLD) ^ ci;
      hk[1] = Math.imul(dr, GOLD) ^ wp1;
      hk[2] = Math.imul(w0, GOLD) ^ cp1;
      hk[3] = Math.imul(wm1, GOLD) ^ sh;
      hk[4] = Math.imul(suffix[i]!, GOLD) ^ cm1;
      hk[5] = Math.imul(w0, GOLD) ^ (kp1 * 16 + cp1);
      for (let j = 0; j < 6; j++) {
        let h = hk[j]!;
        h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
        h ^= HK_T[j]!;
        h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
        rows[f++] = (h & MASK) << 3;
      }
      hk[6] = pair[i + 2]!;
      hk[7] = pair[i + 1]!;
      hk[8] = pair[i + 3]!;
      hk[9] = pair[i]!;
      for (let j = 6; j < 10; j++) {
        let h = hk[j]! ^ HK_T[j]!;
        h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
        rows[f++] = (h & MASK) << 3;
      }
      k = pos[i]! * 16 + (sh & 0xff);
      rows[f++] = (r = M18[k]!) >= 0 ? r : (M18[k] = rowOf(18, k));
      k = dr * SHAPE_IDS + si;
      rows[f++] = (r = M19[k]!) >= 0 ? r : (M19[k] = rowOf(19, mix(dr, sh)));
      k = cidR[i]! * 8 + dr;
      rows[f++] = (r = M26[k]!) >= 0 ? r : (M26[k] = rowOf(26, mix(cueR[i]!, dr)));
      k = cp1 * 16 + cp2 + ((sh & 24) << 8);
      rows[f++] = (r = M28[k]!) >= 0 ? r : (M28[k] = rowOf(28, k));
      k = km1 * 16 + ki;
      rows[f++] = (r = M32[k]!) >= 0 ? r : (M32[k] = rowOf(32, k));
      k = (ki * 16 + kp1) * 16 + kp2;
      rows[f++] = (r = M33[k]!) >= 0 ? r : (M33[k] = rowOf(33, k));
      k = cidL[i]! * 8 + di;
      rows[f++] = (r = M38[k]!) >= 0 ? r : (M38[k] = rowOf(38, mix(cueL[i]!, di)));
      k = anyL[i]! * 8 + ci;
      rows[f++] = (r = M40[k]!) >= 0 ? r : (M40[k] = rowOf(40, k));
      k = anyR[i]! * 8 + ci;
      rows[f++] = (r = M41[k]!) >= 0 ? r : (M41[k] = rowOf(41, k));
      k = (gapR[i]! * 8 + dr) * 16 + ki;
      rows[f++] = (r = M42[k]!) >= 0 ? r : (M42[k] = rowOf(42, k));
      for (let g = 0; g < f; g++) {
        r = rows[g]!;
        q = r >> 2; x = pw[q]!; y = pw[q + 1]!; p0 += x & LANES; p1 += (x >>> 8) & LANES; p2 += y & LANES; p3 += (y >>> 8) & LANES;
      }
    }
    const e = i * W_STRIDE;
    // Every token sums NF rows, each biased by 128 per tag.
    emit[e] = (p0 & 0xffff) - NF * 128; emit[e + 2] = (p0 >>> 16) - NF * 128;
    emit[e + 1] = (p1 & 0xffff) - NF * 128; emit[e + 3] = (p1 >>> 16) - NF * 128;
    emit[e + 4] = (p2 & 0xffff) - NF * 128; emit[e + 6] = (p2 >>> 16) - NF * 128;
    emit[e + 5] = (p3 & 0xffff) - NF * 128;
  }
  return emit;
}

/**
 * Copies into `forced` the tag runs of `soft` (a B tag, then its I tags) that hold no token of cue
 * bucket `cueMin` or more: content the tagger could only confirm, not split into nested speech.
 */
function forceCueless(cue: Uint8Array, soft: Uint8Array, forced: Uint8Array, cueMin: number): void {
  const n = soft.length;
  for (let i = 0; i < n; ) {
    const b = soft[i]!;
    if (b === 0 || (b & 1) === 0) { i++; continue; }
    let j = i + 1;
    while (j < n && soft[j] === b + 1) j++;
    let strong = false;
    for (let k = i; k < j && !strong; k++) strong = cue[k]! >= cueMin;
    if (!strong) for (let k = i; k < j; k++) if (!forced[k]) forced[k] = soft[k]!;
    i = j;
  }
}

/**
 * Tags of a doc's tokens, the same as `decodeTags(tagInput(...))` but faster (see fastEmissions):
 * no feature array is built and most feature rows come from small memo tables. Runs of `soft`
 * (optional, tags like `forced`) are forced too when they hold no word of cue bucket `softCueMin` or
 * more; `forced` is updated in place. `emit` holds the emission scores (`n * W_STRIDE`) of the scored
 * tokens; it is a reused buffer, valid until the next call.
 * @example tagTokens(doc.text, doc.tokens, loadTaggerWeights()!, new Uint8Array(doc.tokens.length)).tags
 */
export function tagTokens(text: string, tokens: TokenTable, w: TaggerWeights, forced: Uint8Array, minSentenceCue = 0, soft?: Uint8Array, softCueMin = 3): { tags: Uint8Array; emit: Int32Array } {
  const v = tokenValues(text, tokens, minSentenceCue, true);
  if (soft) forceCueless(v.cue, soft, forced, softCueMin);
  const emit = fastEmissions(v, w, forced);
  return { tags: viterbi(emit, v.n, v.pk, v.active, forced, w), emit };
}

const WEIGHTS_URL = new URL('./data/attr-weights.bin.gz', import.meta.url);
let weights: TaggerWeights | null | undefined;

/**
 * Weights in memory: int8, 8 bytes a row, so the 2^15-row table is 256 KB (fewer cache misses than
 * int16). The file keeps int16; dividing by W_DIVISOR and rounding moved train-sample F1 by at most
 * 0.1 (content 75.9 -> 75.8, source 72.7 -> 72.7).
 */
export type TaggerWeights = Int8Array;
const W_DIVISOR = 256;

/**
 * The trained weights (file: int16 `ROWS * NT`), loaded once per process, quantized to int8 and
 * padded to rows of `W_STRIDE`; null when the file is missing.
 * @example loadTaggerWeights()?.length // ROWS * W_STRIDE
 */
export function loadTaggerWeights(): TaggerWeights | null {
  if (weights === undefined) {
    weights = null;
    if (existsSync(WEIGHTS_URL)) {
      const buf = gunzipSync(readFileSync(WEIGHTS_URL));
      const raw = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
      if (raw.length === ROWS * NT) {
        weights = new Int8Array(ROWS * W_STRIDE);
        for (let r = 0; r < ROWS; r++) {
          for (let t = 0; t < NT; t++) weights[r * W_STRIDE + t] = Math.max(-127, Math.min(127, Math.round(raw[r * NT + t]! / W_DIVISOR)));
        }
      }
    }
  }
  return weights;
}

/**
 * How far the emission score of tag `t` at token i leads the best other tag, minimum over tokens
 * [from, to) (B- or I- of the same label both count as the tag): the tagger's own confidence in a run.
 * @example runMargin(emit, 3, 5, 2) // > 0 when both tokens favour CUE
 */
export function runMargin(emit: Int32Array, from: number, to: number, label: number): number {
  let min = Infinity;
  const b = label * 2 - 1;
  for (let i = from; i < to; i++) {
    const o = i * W_STRIDE;
    const own = Math.max(emit[o + b]!, emit[o + b + 1]!);
    let other = -Infinity;
    for (let t = 0; t < NT; t++) if (t !== b && t !== b + 1 && emit[o + t]! > other) other = emit[o + t]!;
    if (own - other < min) min = own - other;
  }
  return min;
}

/** A labelled token run: tag label 1 SRC, 2 CUE, 3 CON; token range [from, to). */
export interface TagRun {
  label: number;
  from: number;
  to: number;
}

/**
 * Token runs of a tag sequence (B starts a run, I continues it).
 * @example tagRuns(Uint8Array.of(0, 1, 2, 0, 5)) // [{label:1,from:1,to:3},{label:3,from:4,to:5}]
 */
export function tagRuns(tags: Uint8Array): TagRun[] {
  const out: TagRun[] = [];
  let cur: TagRun | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) { cur = null; continue; }
    const label = (t + 1) >> 1;
    if ((t & 1) === 1 || !cur || cur.label !== label) {
      cur = { label, from: i, to: i + 1 };
      out.push(cur);
    } else cur.to = i + 1;
  }
  return out;
}
