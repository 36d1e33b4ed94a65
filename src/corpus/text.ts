/**
 * Text normalisation shared by the corpus stages: keys, light stemming, content words,
 * numbers, hashing and MinHash/LSH. Pure functions, regexes compiled once.
 */

/** Function words ignored when comparing quotes and documents (English). */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if ' +
    'in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same ' +
    'she should so some such than that the their theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say told ' +
    'according added stressed noted one two may might must shall us its been being upon within without via per mr ms mrs dr s t'
  ).split(' '),
);

/** True for function words. @example isStopword('the') // true */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const APOS_TAIL_RE = /['’]s?$/u;

/** Lower-cased word tokens (letters/digits), possessive tails dropped. @example words("Russia's FSB") // ['russia', 'fsb'] */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push(m[0].toLowerCase().replace(APOS_TAIL_RE, ''));
  return out;
}

/**
 * Light suffix-stripping stemmer (enough to match "estimates"/"estimated", "invading"/"invasion" stays apart).
 * @example stem('countries') // 'countri'
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'i';
  if (w.endsWith('sses')) return w.slice(0, -2);
  for (const suf of ['ational', 'ation', 'ments', 'ment', 'ness', 'ings', 'ing', 'edly', 'ed', 'ly', 'es', 's']) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      if (suf === 's' && (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is'))) continue;
      w = w.slice(0, -suf.length);
      break;
    }
  }
  if (w.endsWith('y') && w.length > 3) w = w.slice(0, -1) + 'i';
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Distinct stems of the content words of a text, in order of first appearance. @example contentStems('The countries joined') // ['countri', 'join'] */
export function contentStems(text: string): string[] {
  const seen = new Set<string>();
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || /^\d/.test(w)) continue;
    seen.add(stem(w));
  }
  return [...seen];
}

const NUMBER_RE = /\d[\d,.]*(?:\s*(?:%|percent|per cent))?/gi;
const WORD_NUMBERS: Record<string, string> = {
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
};
const NUM_WORDS_RE = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten)?\s*(hundred|thousand|million|billion)s?\b/gi;

/**
 * Normalised numbers in a text: '40%' for percentages, plain digits otherwise (separators removed).
 * @example numbersIn('more than 100 countries, up to 40 percent') // ['100', '40%']
 */
export function numbersIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    const pct = /%|percent|per cent/i.test(raw);
    let digits = raw.replace(/\s*(?:%|percent|per cent)$/i, '').replace(/[.,]+$/, '');
    // "10,000" and "10.000" thousands separators; keep a decimal point with 1-2 decimals.
    if (/^\d{1,3}(?:[,]\d{3})+$/.test(digits)) digits = digits.replace(/,/g, '');
    else digits = digits.replace(/,/g, '');
    const n = Number(digits);
    if (!Number.isFinite(n)) continue;
    out.add(pct ? `${n}%` : String(n));
  }
  for (const m of text.matchAll(NUM_WORDS_RE)) {
    const v = WORD_NUMBERS[m[1]!.toLowerCase()];
    if (v) out.add(v);
  }
  return [...out];
}

/** Names and other short strings normalised so far (linking normalises the same names in every document). */
const NORM_MEMO = new Map<string, string>();
const NORM_MEMO_MAX = 50_000;
/** Longest string remembered (names, titles; not texts). */
const NORM_MEMO_CHARS = 64;

/** Lower-case, accents off, punctuation to single spaces. @example normKey('U.S.  Dept.') // 'u s dept' */
export function normKey(text: string): string {
  if (text.length > NORM_MEMO_CHARS) return normKeyOf(text);
  let k = NORM_MEMO.get(text);
  if (k === undefined) {
    if (NORM_MEMO.size >= NORM_MEMO_MAX) NORM_MEMO.clear();
    NORM_MEMO.set(text, (k = normKeyOf(text)));
  }
  return k;
}

function normKeyOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** URL-safe slug of a name. @example slug('Jane Doe') // 'jane-doe' */
export function slug(text: string): string {
  return normKey(text).replace(/ /g, '-').slice(0, 80) || 'x';
}

/** FNV-1a 32-bit hash of a string. @example fnv1a('abc') // 440920331 */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 64-bit hex hash (two FNV passes with different seeds). @example hash64('abc').length // 16 */
export function hash64(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0') + fnv1a(text, 0x9747b28c).toString(16).padStart(8, '0');
}

/** Number of MinHash permutations and LSH bands (16 bands of 4 rows: ~50% Jaccard is the knee). */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
const ROWS = MINHASH_SIZE / LSH_BANDS;

const PERM_A = new Uint32Array(MINHASH_SIZE);
const PERM_B = new Uint32Array(MINHASH_SIZE);
{
  let x = 0x2545f491;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    PERM_A[i] = (x >>> 0) | 1;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    PERM_B[i] = x >>> 0;
  }
}

/** Final avalanche (murmur3 fmix32) so that multiplied hashes stay uniform. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature over word 3-shingles of the text's content words.
 * @example minhashOf('a b c d').length // 64
 */
export function minhashOf(text: string): number[] {
  const toks = words(text).filter((w) => !STOPWORDS.has(w));
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const n = toks.length;
  if (n === 0) return Array.from(sig);
  const count = Math.max(1, n - 2);
  for (let i = 0; i < count; i++) {
    const sh = fnv1a(i + 2 < n ? `${toks[i]} ${toks[i + 1]} ${toks[i + 2]}` : toks.slice(i).join(' '));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix((Math.imul(sh, PERM_A[k]!) + PERM_B[k]!) >>> 0);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return Array.from(sig);
}

/** Estimated Jaccard similarity of two MinHash signatures. @example minhashSimilarity(s, s) // 1 */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / a.length;
}

/** LSH band keys of a signature ('b:<band>:<hash>'). @example lshBands(minhashOf(text)).length // 16 */
export function lshBands(sig: readonly number[]): string[] {
  if (sig.length !== MINHASH_SIZE || sig[0] === 0xffffffff) return [];
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix((h ^ sig[b * ROWS + r]!) >>> 0);
    out.push(`b:${b}:${h.toString(36)}`);
  }
  return out;
}

/** Days between two YYYY-MM-DD dates, or null when either is unknown. @example daysBetween('2015-10-22', '2015-10-28') // 6 */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.abs(ta - tb) / 86_400_000;
}

const SENTENCE_END_RE = /[.!?]["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\d])|\n+/gu;

/**
 * Sentence-like units of a text with offsets (split at sentence ends and line breaks).
 * @example textUnits('One two. Three four.') // [{start:0,end:8}, {start:9,end:20}]
 */
export function textUnits(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (const m of text.matchAll(SENTENCE_END_RE)) {
    const cut = m.index! + m[0].length;
    const endOfSentence = m[0].startsWith('\n') ? m.index! : m.index! + m[0].trimEnd().length;
    push(start, endOfSentence);
    start = cut;
  }
  push(start, text.length);
  return out;
}
