/**
 * Sources introduced by a colon, which the cue grammar misses:
 * - transcript speaker labels: a paragraph that opens with an all-caps name and a colon
 *   ("SMITH: Well, I think ...") in a dialogue; the label is the source, the colon the cue and the
 *   turn the content (PolNeAR annotates the label as the source of the turn);
 * - a quote-mark quote after an introducing clause that ends in a colon, in its paragraph or closing
 *   the paragraph before ("The senator continued:¶¶“...”"): the clause's subject is the source.
 */
import { findSpanAt, type Span } from '../../doc/span.js';
import type { QuoteCandidate } from './find-quotes.js';
import { subjectBefore } from './find-open.js';
import { mainClauseSubject } from './find-quotes.js';

/** An all-caps speaker label of one to three words opening a paragraph, after an optional quote mark. */
const LABEL_RE = /^["“]?((?:[A-Z][A-Z.’'-]+\s){0,2}[A-Z][A-Z.’'-]+):\s+(?=\S)/;
/** Labels that head an editorial note or a section, not a turn of a dialogue. */
const NOT_SPEAKER = new Set(['CORRECTION', 'CLARIFICATION', 'UPDATE', 'UPDATED', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'NOTE', 'BYLINE', 'PREVIOUSLY', 'LOOK', 'WATCH', 'VIDEO', 'PHOTOS', 'PHOTO', 'READ MORE', 'RELATED', 'SOURCE', 'SOURCES', 'DISCLOSURE', 'ADVERTISEMENT', 'SHORT READS', 'QUESTION', 'ANSWER']);

/** A transcript turn: the label span and the turn (content) span. */
export interface SpeakerTurn {
  label: Span;
  content: Span;
}

/**
 * Transcript turns of a text: paragraphs opening with an all-caps speaker label and a colon, when
 * the text holds at least two such paragraphs with two different labels (a dialogue; a lone
 * "UPDATE:" or one heading is no transcript).
 * @example speakerTurns('A:\n\nSMITH: Hi there.\n\nJONES: Yes, hi.', paras).map((t) => t.label)
 */
export function speakerTurns(text: string, paragraphs: readonly Span[]): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  const labels = new Set<string>();
  for (const p of paragraphs) {
    // Cheap test first: two capitals (after an optional quote mark).
    let i = p.start;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c) i++;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a < 65 || a > 90 || b < 65 || b > 90) continue;
    const m = LABEL_RE.exec(text.slice(p.start, Math.min(p.end, p.start + 48)));
    if (!m || NOT_SPEAKER.has(m[1]!)) continue;
    let e = p.end;
    while (e > p.start && /[\s"”]/.test(text[e - 1]!)) e--;
    const ls = p.start + m[0].indexOf(m[1]!);
    const cs = p.start + m[0].length;
    if (e - cs < 8) continue;
    turns.push({ label: { start: ls, end: ls + m[1]!.length }, content: { start: cs, end: e } });
    labels.add(m[1]!);
  }
  return labels.size >= 2 ? turns : [];
}

/**
 * Give transcript turns their speaker label as source: a candidate covering the turn takes the label
 * as source (and ":" as cue) when it has none; a turn no candidate covers becomes an indirect
 * candidate. Candidates nested inside a turn ("I think ..." within the turn) are dropped: the turn is
 * the attribution (PolNeAR annotates no nested attributions). Returns the candidates to keep.
 * Train sample: source F1 74.6 -> 74.8 (P 76.9 -> 77.3; one transcript in 150 articles); dev
 * 74.4 -> 74.8 (P 75.9 -> 76.2, R 73.0 -> 73.5; one transcript).
 * @example applySpeakerTurns(doc.text, doc.paragraphs, cands)
 */
export function applySpeakerTurns(text: string, paragraphs: readonly Span[], cands: QuoteCandidate[]): QuoteCandidate[] {
  const turns = speakerTurns(text, paragraphs);
  if (turns.length === 0) return cands;
  const drop = new Set<QuoteCandidate>();
  const add: QuoteCandidate[] = [];
  for (const t of turns) {
    const { label, content } = t;
    let host: QuoteCandidate | null = null;
    for (const c of cands) {
      if (c.end <= content.start || c.start >= content.end) continue;
      // The quote of the whole turn (quote marks around label and turn) or one starting it.
      if (!host && c.start <= content.start + 2 && (c.kind !== 'indirect' || c.source === null)) host = c;
      else if (c.start >= label.start && c.end <= content.end + 2) drop.add(c);
    }
    if (host) {
      drop.delete(host);
      if (!host.source) {
        host.source = label;
        host.cue = ':';
        host.cueSpan = { start: label.end, end: label.end + 1 };
        host.sameAs = null;
        if (host.start < content.start) host.start = content.start;
      }
    } else {
      const para = paragraphs.findIndex((p) => p.start <= label.start && label.start < p.end);
      add.push({ start: content.start, end: content.end, kind: 'indirect', source: label, cue: ':', cueSpan: { start: label.end, end: label.end + 1 }, relays: [], sameAs: null, words: 0, paragraph: para });
    }
  }
  return [...cands.filter((c) => !drop.has(c)), ...add];
}

/** Words that close an introducing clause after its verb: "reads in part:", "released the following statement:", "said as follows:". */
const INTRO_TAIL = new Set(['part', 'follows', 'as', 'following', 'statement', 'remarks', 'words', 'this', 'in', 'the', 'a', 'then', 'simply', 'only', 'also', 'again']);
const INTRO_WORD_RE = /[\p{L}’'-]+$/u;
/** What ends the text before a verb coordinated with the main clause's: "and", "then", or a comma. */
const COORD_BEFORE_RE = /(?:\b(?:and|then)|,)\s+$/;

/**
 * The source and cue of a clause that ends in a colon at `colon` and introduces a quote
 * ("Reporter Jane Doe says:", "the senator released the following statement:"): the cue is the last
 * lower-case word before the colon (over INTRO_TAIL words), the source the subject before it
 * (subjectBefore); null when there is none. `lo` is the clause's sentence start.
 * @example introSource('Mr. Smith continued:', 0, 19) // { source: { start: 0, end: 9 }, cue: { start: 10, end: 19 } }
 */
export function introSource(text: string, lo: number, colon: number): { source: Span; cue: Span } | null {
  let e = colon;
  for (let n = 0; n < 5; n++) {
    while (e > lo && text.charCodeAt(e - 1) === 32) e--;
    const m = INTRO_WORD_RE.exec(text.slice(Math.max(lo, e - 30), e));
    if (!m) return null;
    const w = m[0];
    const s = e - w.length;
    if (INTRO_TAIL.has(w.toLowerCase())) { e = s; continue; }
    // A verb: lower case ("Stated Smith:" and "Pollster Jane Doe:" have none).
    if (!/^\p{Ll}/u.test(w)) return null;
    let source = subjectBefore(text, lo, s);
    // "X leaned in and boomed:", "X rallied supporters, saying:": the main clause's subject.
    if (!source && COORD_BEFORE_RE.test(text.slice(Math.max(lo, s - 8), s))) source = mainClauseSubject(text, lo, s);
    if (!source || source.end - source.start > 90) return null;
    return { source, cue: { start: s, end: e } };
  }
  return null;
}

/**
 * Quote-mark quotes with no source, cue or shared speaker, right after a clause ending in a colon
 * (in their paragraph, or closing the paragraph before when the quote opens its own), take that
 * clause's subject as source and its verb as cue (introSource). The cue grammar reads only curated
 * cues before a colon in the quote's own paragraph ("continued:", "echoed:", "released the
 * following statement:" were missed). Train sample: source F1 74.5 -> 74.6 (R 72.2 -> 72.5, P 77.0
 * -> 76.9); dev 74.4 -> 74.4 (R 72.9 -> 73.0).
 * @example addColonIntroSources(doc.text, doc.sentences, cands)
 */
export function addColonIntroSources(text: string, sentences: readonly Span[], cands: readonly QuoteCandidate[]): void {
  for (const c of cands) {
    if (c.kind === 'indirect' || c.source || c.cueSpan || c.sameAs !== null) continue;
    let j = c.start - 1;
    while (j >= 0 && text.charCodeAt(j) === 32) j--;
    const q = text.charCodeAt(j);
    if (q === 34 || q === 0x201c || q === 39 || q === 0x2018) j--;
    let breaks = 0;
    while (j >= 0 && /\s/.test(text[j]!)) { if (text[j] === '\n') breaks++; j--; }
    if (j < 0 || text[j] !== ':' || breaks > 2) continue;
    const si = findSpanAt(sentences, j);
    if (si < 0) continue;
    const found = introSource(text, sentences[si]!.start, j);
    if (!found) continue;
    c.source = found.source;
    c.cueSpan = found.cue;
    c.cue = text.slice(found.cue.start, found.cue.end);
  }
}
