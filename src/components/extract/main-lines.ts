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
/** Blocks searched between the headline and the body for a standfirst. */
const LEDE_WINDOW = 40;

/** ... and at least this share of the core's paragraph text (Readability's own sibling rule is relative to the top candidate too). */
const EXTRA_MIN_SHARE = 0.25;
/** A climb step that adds fewer than this many non-paragraph characters (a heading, a date line) doesn't end the climb. */
const SMALL_STEP = 200;

function isGood(pb: PageBlocks, i: number): boolean {
  const n = pb.text[i]!.length;
  return n >= GOOD_MIN_CHARS && pb.linkChars[i]! < n * GOOD_MAX_LINK;
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

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();
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
      if (plain[i] && !(pb.flags[i]! & BlockFlag.Figure)) keep[i] = 1;
    }
  }

  // Head recovery: the headline and standfirst paragraphs before the body.
  let firstKept = 0;
  while (firstKept < nb && !keep[firstKept]) firstKept++;
  if (title && firstKept < nb) {
    const nt = norm(title);
    for (let h = firstKept - 1; h >= 0 && h >= firstKept - LEDE_WINDOW; h--) {
      const f = pb.flags[h]!;
      if (!(f & BlockFlag.H1) || f & BlockFlag.Chrome) continue;
      const ht = norm(pb.text[h]!);
      if (ht.length < 10 || !(nt.includes(ht) || ht.includes(nt))) continue;
      keep[h] = 1;
      for (let j = h + 1; j < firstKept; j++) {
        const fj = pb.flags[j]!;
        const t = pb.text[j]!;
        if (fj & (BlockFlag.Chrome | BlockFlag.Heading | BlockFlag.Figure)) continue;
        if (t.length >= LEDE_MIN_CHARS && pb.linkChars[j]! < t.length * GOOD_MAX_LINK && words(t) >= LEDE_MIN_WORDS) keep[j] = 1;
      }
      break;
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
