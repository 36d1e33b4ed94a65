/**
 * Repairs Readability's choice of main content with block statistics of the unmutated page:
 * - sibling recovery: when the chosen block's parent adds mostly plain paragraphs (low link density, long lines),
 *   the parent is the article (sections Readability split off, an intro beside the body, a letter above its signatures);
 * - head recovery: the page's headline (the h1 matching the title) and standfirst paragraphs between it and the body.
 */
import { BlockFlag } from './blocks.js';
import type { PageBlocks } from './blocks.js';

/** A paragraph-like block: at least this many characters ... */
const GOOD_MIN_CHARS = 60;
/** ... and at most this share of its characters in links. */
const GOOD_MAX_LINK = 0.3;
/** Readability's lines must map onto page blocks for at least this share of their characters, or we keep its output as is. */
const MIN_MAPPED = 0.9;
/** The chosen block: the deepest element holding this share of the matched characters. */
const CORE_SHARE = 0.85;
/** A parent is accepted when the text it adds is at least this share paragraph-like ... */
const EXTRA_MIN_GOOD = 0.5;
/** ... and at most this share links. */
const EXTRA_MAX_LINK = 0.25;
/** Standfirst candidates: at least this many characters and words. */
const LEDE_MIN_CHARS = 50;
const LEDE_MIN_WORDS = 8;
/** Blocks (outside chrome) searched back from the body for the headline. */
const LEDE_WINDOW = 40;
/** Longest subheading recovered inside the body. */
const MAX_SUBHEADING_CHARS = 150;
/** A date line between headline and body ("Published 19 February 2020 Updated 19 February 2020 12:02"): a clock time or two years. */
const MAX_DATE_LINE_CHARS = 120;
const DATE_LINE = /\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b.*\b(?:19|20)\d{2}\b/;

/** ... and at least this share of the core's paragraph text (Readability's own sibling rule is relative to the top candidate too). */
const EXTRA_MIN_SHARE = 0.25;
/** A climb step that adds fewer than this many non-paragraph characters (a heading, a date line) doesn't end the climb. */
const SMALL_STEP = 200;

function isGood(pb: PageBlocks, i: number): boolean {
  const n = pb.text[i]!.length;
  return n >= GOOD_MIN_CHARS && pb.linkChars[i]! < n * GOOD_MAX_LINK;
}

function isDateLine(s: string): boolean {
  return s.length <= MAX_DATE_LINE_CHARS && DATE_LINE.test(s);
}

function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) === 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordSet(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(WORD)) out.add(m[0]);
  return out;
}

/** Two titles say the same: at least this share of the longer one's words are shared ("Turkey, Poland and three ..." ~ "Turkey, Poland, ... - Site"). */
const TITLE_OVERLAP = 0.6;

function sameWords(a: Set<string>, b: Set<string>): boolean {
  if (a.size < 2 || b.size < 2) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= TITLE_OVERLAP * Math.max(a.size, b.size);
}

/**
 * The main text lines: Readability's lines plus recovered siblings and head, in page order; null when Readability's
 * output can't be mapped onto the page (then use it as is).
 * @example mainLines(pageBlocks(body), ['Para one ...'], 'Title') // ['Title', 'Standfirst ...', 'Para one ...', ...]
 */
export function mainLines(pb: PageBlocks, readable: string[], title: string | null): string[] | null {
  const nb = pb.text.length;
  if (nb === 0 || readable.length === 0) return null;
  const want = new Set(readable);
  const matched = new Uint8Array(nb);
  const found = new Set<string>();
  for (let i = 0; i < nb; i++) {
    const t = pb.text[i]!;
    if (t && want.has(t)) {
      matched[i] = 1;
      found.add(t);
    }
  }
  let allChars = 0;
  let mappedChars = 0;
  for (const l of readable) {
    allChars += l.length;
    if (found.has(l)) mappedChars += l.length;
  }
  if (allChars === 0 || mappedChars < allChars * MIN_MAPPED) return null;

  // The core: the deepest element holding most of Readability's text.
  const pm = new Float64Array(nb + 1);
  for (let i = 0; i < nb; i++) pm[i + 1] = pm[i]! + (matched[i] ? pb.text[i]!.length : 0);
  const totalMatched = pm[nb]!;
  let core = 0;
  for (let e = 1; e < pb.parent.length; e++) {
    const a = pb.first[e]!;
    const b = pb.end[e]!;
    if (pm[b]! - pm[a]! < totalMatched * CORE_SHARE) continue;
    if (b - a <= pb.end[core]! - pb.first[core]!) core = e;
  }
  const coreA = pb.first[core]!;
  const coreB = pb.end[core]!;
  // Plain blocks: outside header elements and outside chrome elements, unless the chrome element holds the core
  // (a layout wrapper classed "ad-container" around the whole article is not an ad).
  const plain = new Uint8Array(nb);
  for (let i = 0; i < nb; i++) {
    if (!pb.text[i] || pb.flags[i]! & BlockFlag.Header) continue;
    const c = pb.chromeEl[i]!;
    if (c >= 0 && !(pb.first[c]! <= coreA && coreB <= pb.end[c]!)) continue;
    plain[i] = 1;
  }
  // Prefix sums over plain non-heading blocks: characters, paragraph-like characters, link characters.
  const pt = new Float64Array(nb + 1);
  const pg = new Float64Array(nb + 1);
  const pl = new Float64Array(nb + 1);
  for (let i = 0; i < nb; i++) {
    const n = pb.text[i]!.length;
    const body = plain[i] && !(pb.flags[i]! & (BlockFlag.Heading | BlockFlag.Figure));
    pt[i + 1] = pt[i]! + (body ? n : 0);
    pg[i + 1] = pg[i]! + (body && isGood(pb, i) ? n : 0);
    pl[i + 1] = pl[i]! + (body ? pb.linkChars[i]! : 0);
  }
  const coreT = pt[coreB]! - pt[coreA]!;
  const coreG = pg[coreB]! - pg[coreA]!;
  const coreL = pl[coreB]! - pl[coreA]!;
  // Sibling recovery: climb to the highest ancestor whose added text is mostly plain paragraphs.
  let top = core;
  let topExtra = 0;
  for (let p = pb.parent[core]!; p > 0; p = pb.parent[p]!) {
    const a = pb.first[p]!;
    const b = pb.end[p]!;
    const extra = pt[b]! - pt[a]! - coreT;
    const good = pg[b]! - pg[a]! - coreG;
    const link = pl[b]! - pl[a]! - coreL;
    if (extra === 0 || (good >= extra * EXTRA_MIN_GOOD && link <= extra * EXTRA_MAX_LINK && good >= coreG * EXTRA_MIN_SHARE)) {
      top = p;
      topExtra = extra;
    } else if (extra - topExtra >= SMALL_STEP) break;
  }
  const keep = new Uint8Array(nb);
  for (let i = 0; i < nb; i++) if (matched[i]) keep[i] = 1;
  if (top !== core) {
    const ca = pb.first[core]!;
    const cb = pb.end[core]!;
    for (let i = pb.first[top]!; i < pb.end[top]!; i++) {
      if (i >= ca && i < cb) continue;
      if (plain[i] && !(pb.flags[i]! & BlockFlag.Figure) && !isDateLine(pb.text[i]!)) keep[i] = 1;
    }
  }

  // Subheadings inside the body that Readability dropped: a plain heading followed by a kept line.
  for (let i = coreA; i < coreB; i++) {
    if (keep[i] || !plain[i] || !(pb.flags[i]! & BlockFlag.Heading) || pb.flags[i]! & BlockFlag.Figure) continue;
    let j = i + 1;
    while (j < coreB && !pb.text[j]) j++;
    if (j < coreB && keep[j] && pb.text[i]!.length <= MAX_SUBHEADING_CHARS) keep[i] = 1;
  }

  // Head recovery: the headline and standfirst paragraphs before the body.
  // (counted from the body's start: a short line Readability kept may also match a menu item far above)
  const topEnd = pb.end[top]!;
  let firstKept = pb.first[top]!;
  while (firstKept < topEnd && !keep[firstKept]) firstKept++;
  if (title && firstKept < topEnd) {
    const tw = wordSet(title);
    const outside = (i: number) => {
      const c = pb.chromeEl[i]!;
      return c >= 0 && !(pb.first[c]! <= coreA && coreB <= pb.end[c]!);
    };
    // The headline: the nearest h1 (else h2..h6) before the body that says what the title says.
    let head = -1;
    for (let pass = 0; pass < 2 && head < 0; pass++) {
      for (let h = firstKept - 1, seen = 0; h >= 0 && seen < LEDE_WINDOW; h--) {
        if (outside(h)) continue;
        seen++;
        if (!(pb.flags[h]! & (pass === 0 ? BlockFlag.H1 : BlockFlag.Heading))) continue;
        if (sameWords(wordSet(pb.text[h]!), tw)) {
          head = h;
          break;
        }
      }
    }
    if (head >= 0) {
      keep[head] = 1;
      for (let j = head + 1; j < firstKept; j++) {
        const t = pb.text[j]!;
        if (pb.flags[j]! & (BlockFlag.Heading | BlockFlag.Figure) || outside(j)) continue;
        if (t.length < LEDE_MIN_CHARS || pb.linkChars[j]! >= t.length * GOOD_MAX_LINK || words(t) < LEDE_MIN_WORDS || isDateLine(t)) continue;
        keep[j] = 1;
      }
    }
  }

  const out: string[] = [];
  for (let i = 0; i < nb; i++) if (keep[i] && pb.text[i]) out.push(pb.text[i]!);
  // Readability lines that map onto no block keep their place after the previous line.
  if (mappedChars < allChars) {
    const have = new Set(out);
    let at = 0;
    for (const l of readable) {
      const k = out.indexOf(l, at);
      if (k >= 0) at = k + 1;
      else if (!have.has(l)) out.splice(at++, 0, l);
    }
  }
  return out;
}
