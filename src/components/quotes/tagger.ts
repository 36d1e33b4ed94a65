/**
 * Attribution tagger: a structured averaged-perceptron BIO tagger (first-order, Viterbi decoding)
 * over SOURCE / CUE / CONTENT, trained
 * on PolNeAR train (train/train-tagger.ts). Features are hashed integers built from per-token values
 * in typed arrays; the weights (int16, gzip) load once per process, lazily. The quotes component uses
 * it to add attributions the rules miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import { fmix, hashLower } from '../entities/hash.js';
import { LEARNED_CUES } from './data/learned-cues.js';

/** Tag ids: 0 O, then B/I per label. */
export const ATTR_TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export const NT = ATTR_TAGS.length;
/** Hash table rows (features); weights are `ROWS * NT`. */
export const ROW_BITS = 17;
export const ROWS = 1 << ROW_BITS;
/** Static features per token. */
export const NF = 40;

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
let closedClass: Map<number, number> | null = null;
/** Closed-class id per lower-cased word hash (0: open class). */
function closedClasses(): Map<number, number> {
  if (!closedClass) {
    closedClass = new Map();
    for (const [c, words] of CLOSED) for (const w of words.split(' ')) closedClass.set(hashLower(w, 0, w.length), c);
  }
  return closedClass;
}

let cueRate: Map<number, number> | null = null;
/** Cue-rate bucket per lower-cased word hash (1..5; 0 not a learned cue). */
function cueRates(): Map<number, number> {
  if (!cueRate) {
    cueRate = new Map();
    for (const [w, [c, n]] of Object.entries(LEARNED_CUES)) {
      const r = c / n;
      cueRate.set(hashLower(w, 0, w.length), r >= 0.7 ? 5 : r >= 0.45 ? 4 : r >= 0.3 ? 3 : r >= 0.2 ? 2 : 1);
    }
  }
  return cueRate;
}

const mix = (a: number, b: number): number => fmix(Math.imul(a, 0x9e3779b1) ^ b);
/** Per-template salts of the word features (`hw ^ SALT[template]`). */
const SALT = Uint32Array.from({ length: 64 }, (_, k) => fmix(Math.imul(k + 1, 0x85ebca6b) ^ 0x2545f491));

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
 * Static features for every token of a doc: word, neighbours ±2, shape, cue-rate buckets, quote
 * state, distance to the nearest strong cue, position in sentence.
 * @example tagInput(doc.text, doc.tokens).n === doc.tokens.length
 */
export function tagInput(text: string, tokens: TokenTable, minSentenceCue = 0, forced: Uint8Array = new Uint8Array(tokens.length)): TagInput {
  const n = tokens.length;
  const rates = cueRates();
  const lw = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const cue = new Uint8Array(n);
  const inQ = new Uint8Array(n);
  const pos = new Uint8Array(n);
  const cls = new Uint8Array(n);
  const classes = closedClasses();
  const { start, end, kind, flags, sentence } = tokens;
  let open = 0;
  let sentStart = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = end[i]!;
    lw[i] = hashLower(text, s, e);
    cue[i] = rates.get(lw[i]!) ?? 0;
    cls[i] = classes.get(lw[i]!) ?? 0;
    const k = kind[i]!;
    const f = flags[i]!;
    let sh = k;
    if (f & TokenFlag.CAPITALIZED) sh |= 8;
    if (f & TokenFlag.ALL_CAPS) sh |= 16;
    if (k === TokenKind.PUNCT || k === TokenKind.QUOTE || k === TokenKind.SYMBOL) sh = (sh << 8) ^ text.charCodeAt(s);
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
  // Signed distance to the nearest strong cue (rate bucket >= 3) in the sentence, bucketed.
  const dist = new Uint8Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) last = -1;
    if (cue[i]! >= 3) last = i;
    dist[i] = last < 0 ? 0 : Math.min(i - last, 6) + 1; // 1..7: cue before at distance
  }
  const distR = new Uint8Array(n);
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && sentence[i] !== sentence[i + 1]) last = -1;
    if (cue[i]! >= 3) last = i;
    distR[i] = last < 0 ? 0 : Math.min(last - i, 6) + 1;
  }
  // Word of the nearest strong cue to the right in the sentence (sources precede their cue), the
  // sentence's quote-mark count (0, 1, 2+) and a 3-letter suffix (inflection of unseen verbs).
  const cueR = new Uint32Array(n);
  const cueL = new Uint32Array(n);
  let lastW = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) lastW = 0;
    cueL[i] = lastW;
    if (cue[i]! >= 3) lastW = lw[i]!;
  }
  lastW = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && sentence[i] !== sentence[i + 1]) lastW = 0;
    cueR[i] = lastW;
    if (cue[i]! >= 3) lastW = lw[i]!;
  }
  const quotes = new Uint8Array(n);
  const suffix = new Uint32Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    let q = 0;
    while (j < n && sentence[j] === sentence[i]) {
      if (kind[j] === TokenKind.QUOTE) q++;
      const e = end[j]!;
      const b = e - 3 > start[j]! ? e - 3 : start[j]!;
      suffix[j] = hashLower(text, b, e);
      j++;
    }
    quotes.fill(q > 2 ? 2 : q, i, j);
    i = j;
  }
  // Sentences with no cue-like word cannot hold an attribution the tagger may add; inference skips them.
  const active = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    let best = 0;
    while (j < n && sentence[j] === sentence[i]) {
      if (cue[j]! > best) best = cue[j]!;
      j++;
    }
    if (best >= minSentenceCue) active.fill(1, i, j);
    i = j;
  }
  const feats = new Uint32Array(n * NF);
  // Word features: one mixed hash per token, salted per template (no hashing per feature).
  const hw = new Uint32Array(n);
  for (let i = 0; i < n; i++) hw[i] = fmix(lw[i]! ^ 0x9e3779b9);
  const pk = new Uint8Array(n);
  for (let i = 0; i < n; i++) pk[i] = cls[i]! * 8 + cue[i]!;
  const P = 0x1234567;
  for (let i = 0; i < n; i++) {
    if (!active[i] || forced[i]) continue;
    const o = i * NF;
    const w0 = lw[i]!;
    const wm1 = i > 0 ? lw[i - 1]! : P;
    const wm2 = i > 1 ? lw[i - 2]! : P;
    const wp1 = i + 1 < n ? lw[i + 1]! : P;
    const wp2 = i + 2 < n ? lw[i + 2]! : P;
    const sm1 = i > 0 ? shape[i - 1]! : 0;
    const sp1 = i + 1 < n ? shape[i + 1]! : 0;
    const cm1 = i > 0 ? cue[i - 1]! : 9;
    const cp1 = i + 1 < n ? cue[i + 1]! : 9;
    let f = 0;
    feats[o + f++] = mix(1, 0);
    feats[o + f++] = hw[i]! ^ SALT[2]!;
    feats[o + f++] = (i > 0 ? hw[i - 1]! : P) ^ SALT[3]!;
    feats[o + f++] = (i + 1 < n ? hw[i + 1]! : P) ^ SALT[4]!;
    feats[o + f++] = (i > 1 ? hw[i - 2]! : P) ^ SALT[5]!;
    feats[o + f++] = (i + 2 < n ? hw[i + 2]! : P) ^ SALT[6]!;
    feats[o + f++] = mix(7, mix(w0, wp1));
    feats[o + f++] = mix(8, mix(wm1, w0));
    feats[o + f++] = mix(9, shape[i]!);
    feats[o + f++] = mix(10, mix(sm1, shape[i]!));
    feats[o + f++] = mix(11, mix(shape[i]!, sp1));
    feats[o + f++] = mix(12, cue[i]!);
    feats[o + f++] = mix(13, cm1 * 16 + cp1);
    feats[o + f++] = mix(14, inQ[i]!);
    feats[o + f++] = mix(15, dist[i]! * 16 + distR[i]!);
    feats[o + f++] = mix(16, dist[i]! * 16 + cue[i]!);
    feats[o + f++] = mix(17, pos[i]!);
    feats[o + f++] = mix(18, pos[i]! * 16 + (shape[i]! & 0xff));
    feats[o + f++] = mix(19, mix(distR[i]!, shape[i]!));
    feats[o + f++] = mix(20, mix(inQ[i]!, dist[i]!));
    feats[o + f++] = mix(21, mix(wm1, cue[i]!));
    feats[o + f++] = mix(22, mix(cm1, sm1));
    feats[o + f++] = mix(23, mix(i > 0 ? inQ[i - 1]! : 3, inQ[i]!));
    feats[o + f++] = mix(24, mix(distR[i]!, wp1));
    const cp2 = i + 2 < n ? cue[i + 2]! : 9;
    feats[o + f++] = mix(25, suffix[i]!);
    feats[o + f++] = mix(26, mix(cueR[i]!, distR[i]!));
    feats[o + f++] = mix(27, mix(w0, cp1));
    feats[o + f++] = mix(28, cp1 * 16 + cp2 + ((shape[i]! & 24) << 8));
    feats[o + f++] = mix(29, mix(quotes[i]!, inQ[i]! * 16 + dist[i]!));
    feats[o + f++] = mix(30, mix(wm1, shape[i]!));
    feats[o + f++] = mix(31, mix(suffix[i]!, cm1));
    const km1 = i > 0 ? cls[i - 1]! : 15;
    const kp1 = i + 1 < n ? cls[i + 1]! : 15;
    const kp2 = i + 2 < n ? cls[i + 2]! : 15;
    feats[o + f++] = mix(32, km1 * 16 + cls[i]!);
    feats[o + f++] = mix(33, (cls[i]! * 16 + kp1) * 16 + kp2);
    feats[o + f++] = (i > 2 ? hw[i - 3]! : P) ^ SALT[34]!;
    feats[o + f++] = (i + 3 < n ? hw[i + 3]! : P) ^ SALT[35]!;
    feats[o + f++] = mix(36, mix(wp1, wp2));
    feats[o + f++] = mix(37, mix(wm2, wm1));
    feats[o + f++] = mix(38, mix(cueL[i]!, dist[i]!));
    feats[o + f++] = mix(39, mix(w0, kp1 * 16 + cp1));
  }
  return { n, feats, lw, pk, active, forced };
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

/** Row offsets of the (previous tag, word class) keys, `prev * 256 + pk`. */
let pwRowCache: Int32Array | null = null;

/**
 * Viterbi decoding over BIO tags with weights `w` (`ROWS * W_STRIDE` rows, see loadTaggerWeights):
 * static feature rows give per-tag emission scores, previous-tag rows the transition scores; I-x only
 * after B-x or I-x. Forced tokens take their tag; inactive tokens are O. Scores are integer sums.
 * @example decodeTags(tagInput(text, tokens), loadTaggerWeights()!)
 */
export function decodeTags(inp: TagInput, w: Int16Array): Uint8Array {
  const n = inp.n;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const mask = ROWS - 1;
  const { feats, active, forced, pk } = inp;
  const back = new Uint8Array(n * NT);
  let delta = new Int32Array(NT);
  let next = new Int32Array(NT);
  const emit = new Int32Array(NT);
  const NEG = -0x3fffffff;
  // Transition rows are the same at every token: read them once.
  const trans = new Int32Array(NT * NT);
  for (let p = 0; p < NT; p++) {
    const r = (mix(100, p) & mask) << 3;
    for (let t = 0; t < NT; t++) trans[p * NT + t] = w[r + t]!;
  }
  const pwRow = new Int32Array(NT);
  if (!pwRowCache) {
    pwRowCache = new Int32Array(NT * 256);
    for (let k = 0; k < NT * 256; k++) pwRowCache[k] = (mix(102, k) & mask) << 3;
  }
  const pwRows = pwRowCache;
  delta.fill(NEG);
  delta[0] = 0;
  for (let i = 0; i < n; i++) {
    const fixed = !active[i] ? 0 : forced[i] ? forced[i]! : -1;
    if (fixed < 0) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
      const o = i * NF;
      for (let f = 0; f < NF; f++) {
        const r = (feats[o + f]! & mask) << 3;
        s0 += w[r]!; s1 += w[r + 1]!; s2 += w[r + 2]!; s3 += w[r + 3]!; s4 += w[r + 4]!; s5 += w[r + 5]!; s6 += w[r + 6]!;
      }
      emit[0] = s0; emit[1] = s1; emit[2] = s2; emit[3] = s3; emit[4] = s4; emit[5] = s5; emit[6] = s6;
    }
    if (fixed >= 0) {
      // A fixed tag: the best predecessor, whatever the transition.
      let arg = 0;
      for (let p = 1; p < NT; p++) if (delta[p]! > delta[arg]!) arg = p;
      next.fill(NEG);
      next[fixed] = delta[arg]!;
      for (let t = 0; t < NT; t++) back[i * NT + t] = arg;
    } else {
      // (previous tag, word class) rows: few distinct keys, so they stay in cache.
      const pki = pk[i]!;
      for (let p = 0; p < NT; p++) pwRow[p] = delta[p]! <= NEG ? -1 : pwRows[p * 256 + pki]!;
      for (let t = 0; t < NT; t++) {
        let best = NEG;
        let arg = 0;
        if (t !== 0 && (t & 1) === 0) {
          // I-x only after B-x (t - 1) or I-x (t).
          for (let p = t - 1; p <= t; p++) {
            const r = pwRow[p]!;
            if (r < 0) continue;
            const sc = delta[p]! + trans[p * NT + t]! + w[r + t]!;
            if (sc > best) { best = sc; arg = p; }
          }
        } else {
          for (let p = 0; p < NT; p++) {
            const r = pwRow[p]!;
            if (r < 0) continue;
            const sc = delta[p]! + trans[p * NT + t]! + w[r + t]!;
            if (sc > best) { best = sc; arg = p; }
          }
        }
        back[i * NT + t] = arg;
        next[t] = best <= NEG ? NEG : best + emit[t]!;
      }
    }
    // Keep the integer sums small over long documents (a token adds at most ~(NF + ND) * 32767).
    if ((i & 127) === 127) {
      let m = NEG;
      for (let t = 0; t < NT; t++) if (next[t]! > m) m = next[t]!;
      for (let t = 0; t < NT; t++) if (next[t]! > NEG) next[t] = next[t]! - m;
    }
    const tmp = delta;
    delta = next;
    next = tmp;
  }
  let bt = 0;
  for (let t = 1; t < NT; t++) if (delta[t]! > delta[bt]!) bt = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = bt;
    bt = back[i * NT + bt]!;
  }
  return tags;
}

const WEIGHTS_URL = new URL('./data/attr-weights.bin.gz', import.meta.url);
let weights: Int16Array | null | undefined;

/**
 * The trained weights (file: int16 `ROWS * NT`), loaded once per process and padded to rows of
 * `W_STRIDE`; null when the file is missing.
 * @example loadTaggerWeights()?.length // ROWS * W_STRIDE
 */
export function loadTaggerWeights(): Int16Array | null {
  if (weights === undefined) {
    weights = null;
    if (existsSync(WEIGHTS_URL)) {
      const buf = gunzipSync(readFileSync(WEIGHTS_URL));
      const raw = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
      if (raw.length === ROWS * NT) {
        weights = new Int16Array(ROWS * W_STRIDE);
        for (let r = 0; r < ROWS; r++) for (let t = 0; t < NT; t++) weights[r * W_STRIDE + t] = raw[r * NT + t]!;
      }
    }
  }
  return weights;
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
