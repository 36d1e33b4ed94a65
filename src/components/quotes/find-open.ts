/**
 * Open attribution pass: catches attributions the cue-verb grammar in `find-quotes.ts` does not
 * cover, with general rules over a learned cue lexicon (`data/learned-cues.ts`, trained on PolNeAR
 * train by `train/train-cues.ts`):
 * - subject + cue + complement: "Jeb Bush called Trump “unhinged.”", "73 percent said they ...",
 *   "voters want a switch to ...", "Barkley, who said he typically votes ..." (source = subject NP,
 *   or the antecedent of a relative "who");
 * - headline colon attributions: "Graham: Trump’s rhetoric is destroying the party."
 * Cues inside another attribution (its content, source or cue) are left alone, since an
 * attribution's words belong to one attribution only.
 */
import type { Span } from '../../doc/span.js';
import { LEARNED_CUES } from './data/learned-cues.js';
import { isCuratedCue, speakerAfter, speakerBefore, ZERO_THAT, type QuoteCandidate } from './find-quotes.js';

/** A word opens an attribution when PolNeAR annotators marked it as a cue at least this often (0.2: best content F1 on a train sample; 0.4 keeps source precision higher but loses 10 points of recall). */
const MIN_CUE_RATE = 0.2;

/** Cues marked this often take the sentence-opening noun phrase as subject when none is adjacent ("said", "told", "wrote"). */
const STRONG_CUE_RATE = 0.6;

function rateOf(w: string): number {
  const r = LEARNED_CUES[w.toLowerCase()];
  return r ? r[0] / r[1] : 0;
}

let cueRe: RegExp | null = null;

/** One precompiled regex over the learned cue words (faster than a per-word map lookup), built once per process. */
function cueRegex(): RegExp {
  if (!cueRe) {
    const words = Object.entries(LEARNED_CUES).filter(([, [c, t]]) => c / t >= MIN_CUE_RATE).map(([w]) => w.replace(/[’']/g, '[’\']').replace(/-/g, '\\-'));
    words.sort((a, b) => b.length - a.length);
    cueRe = new RegExp(`\\b(?:${words.join('|')})\\b(?![’'-])`, 'gi');
  }
  return cueRe;
}
/** Words allowed between a subject and its cue: "has also said", "did not deny", "would never agree". */
const AUX = new Set(['has', 'have', 'had', 'also', 'did', 'does', 'do', 'not', 'never', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'still', 'already', 'repeatedly', 'previously', 'recently', 'later', 'then', 'often', 'even', 'further', 'again', 'only', 'just', 'once', 'first', 'publicly', 'privately', 'openly', 'reportedly', 'apparently', 'clearly', 'quickly', 'immediately', 'long', 'always', 'seemingly', 'has', 'n’t', "n't"]);
/** Subject words the speaker-phrase grammar does not cover. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'who', 'it']);
/** Passive or copular auxiliaries before a participle: "was asked", "is called" are not active cues. */
const PASSIVE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'get', 'got']);
/** Heads of quantified or plural-noun subjects: "73 percent said", "most voters want", "Democrats say", "the report found". */
const QUANT_HEADS = new Set(['percent', 'most', 'many', 'some', 'few', 'half', 'majority', 'all', 'both', 'none', 'others', 'voters', 'people', 'critics', 'supporters', 'opponents', 'officials', 'experts', 'analysts', 'democrats', 'republicans', 'respondents', 'americans', 'observers', 'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'report', 'data', 'results', 'documents', 'records', 'statement', 'letter', 'campaign', 'lawsuit', 'complaint', 'analysis', 'memo', 'conservatives', 'liberals', 'leaders', 'members', 'lawmakers', 'candidates', 'residents', 'workers', 'groups', 'advocates', 'activists', 'economists', 'scientists', 'researchers', 'aides', 'allies', 'donors']);
/** Words that may open a quantified subject before its head: "about 4 in 10 Republican voters". */
const QUANT_LEAD_RE = /^(?:\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?|in|of|about|around|nearly|almost|only|just|over|under|more|than|less|the|a|an|their|his|her|its|these|those|many|most|some|[a-z]+(?:an|can|ic|al))$/;

/** Words that may directly follow a cue and show it is not one here: "said by", "called off", "calls itself" (naming). */
const NOT_COMPLEMENT_RE = /^\s*(?:by\b|off\b|out\b|up\b|it\s+quits\b|(?:itself|himself|herself|themselves)\b|[.;!?]|$)/;

/** Complements that are clauses: "that ...", wh-clauses, infinitives. */
const CLAUSE_START_RE = /^\s*,?\s*(?:that|whether|if|how|why|what|when|who|where|to)\b/i;

/** A complement "<short NP> as <NP>" after a cue: a characterization. */
const CHARACTERIZATION_RE = /^(?:[\p{L}\p{N}’'-]+\s+){1,5}as\s+(?:an?|the)\s/u;

/** True when `pos` lies inside one of the sorted, possibly overlapping spans (binary search on start). */
function covered(spans: Span[], pos: number): boolean {
  // Spans are few per document; scan from the last span starting at or before pos.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && lo - i <= 8; i--) if (pos < spans[i]!.end) return true;
  return false;
}

function nextStart(spans: Span[], pos: number, limit: number): number {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.start > pos) return Math.min(limit, s.start);
  }
  return limit;
}

/** The subject NP that ends right before `end` (after auxiliaries), or null. */
function subjectBefore(text: string, lo: number, end: number): Span | null {
  let e = end;
  // Walk back over auxiliaries and adverbs.
  for (let guard = 0; guard < 4; guard++) {
    let j = e - 1;
    while (j >= lo && text.charCodeAt(j) === 32) j--;
    let k = j;
    while (k >= lo && /[A-Za-z’']/.test(text[k]!)) k--;
    const w = text.slice(k + 1, j + 1).toLowerCase();
    if (w && AUX.has(w)) { e = k + 1; continue; }
    if (w && PASSIVE.has(w)) return null;
    break;
  }
  let j = e - 1;
  while (j >= lo && text.charCodeAt(j) === 32) j--;
  if (j < lo) return null;
  let k = j;
  while (k >= lo && /[A-Za-z’']/.test(text[k]!)) k--;
  const last = text.slice(k + 1, j + 1);
  const lw = last.toLowerCase();
  if (SUBJECT_PRONOUNS.has(lw)) {
    if (lw === 'who') {
      // "Barkley, who said ...": the antecedent before the comma.
      let c = k;
      while (c >= lo && text.charCodeAt(c) === 32) c--;
      if (c >= lo && text[c] === ',') {
        const ante = speakerBefore(text, lo, c);
        if (ante) return ante;
      }
    }
    return { start: k + 1, end: j + 1 };
  }
  if (!QUANT_HEADS.has(lw)) return speakerBefore(text, lo, j + 1);
  let st = k + 1;
  for (let n = 0; n < 5; n++) {
    let b = st - 1;
    while (b >= lo && text.charCodeAt(b) === 32) b--;
    let a = b;
    while (a >= lo && /[\w,.’'-]/.test(text[a]!)) a--;
    if (a === b || !QUANT_LEAD_RE.test(text.slice(a + 1, b + 1).toLowerCase()) && !/^[A-Z][a-z]+$/.test(text.slice(a + 1, b + 1))) break;
    st = a + 1;
  }
  if (st === k + 1) return speakerBefore(text, lo, j + 1) ?? { start: st, end: j + 1 };
  return { start: st, end: j + 1 };
}

/**
 * Attributions by the open rules (see the file comment), skipping cue positions inside `taken`
 * (spans of attributions found already, sorted by start).
 * @example findOpenAttributions(text, paras, sents, []).map((q) => text.slice(q.start, q.end))
 */
export function findOpenAttributions(text: string, paragraphs: readonly Span[], sentences: readonly Span[], taken: Span[], skipBefore = 0): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const WORD_RE = cueRegex();
  const spans = [...taken].sort((a, b) => a.start - b.start);
  let pi = 0;
  let si = 0;
  // Headline colon attributions: a short capitalized name, a colon, and a claim ("Graham: Trump ...").
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.end - para.start > 400) continue;
    const m = /^((?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}.’'-]*):\s+(\S.*?)[.\s]*$/u.exec(text.slice(para.start, para.end));
    // "The Latest: ..." and "The Daily: ..." are section labels, not speakers.
    if (!m || /\d/.test(m[1]!) || /^(?:The|A|An)\s/.test(m[1]!) || covered(spans, para.start)) continue;
    const cs = para.start + m[1]!.length;
    const st = para.end - (m[0].length - m[0].indexOf(m[2]!, m[1]!.length));
    const en = st + m[2]!.length;
    if (en - st < 12) continue;
    out.push({ start: st, end: en, kind: 'indirect', source: { start: para.start, end: cs }, cue: ':', cueSpan: { start: cs, end: cs + 1 }, relays: [], sameAs: null, words: 0, paragraph: p });
    spans.push({ start: para.start, end: en });
  }
  spans.sort((a, b) => a.start - b.start);
  WORD_RE.lastIndex = skipBefore;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const w = m[0];
    const cs = m.index;
    const before = cs > 0 ? text.charCodeAt(cs - 1) : 32;
    if (before === 45 || before === 39 || before === 0x2019) continue;
    const ce = cs + w.length;
    if (covered(spans, cs)) continue;
    while (si < sentences.length && sentences[si]!.end <= cs) si++;
    const sent = sentences[si];
    if (!sent || sent.start > cs) continue;
    while (pi < paragraphs.length && paragraphs[pi]!.end <= cs) pi++;
    const rest = text.slice(ce, Math.min(sent.end, ce + 40));
    if (NOT_COMPLEMENT_RE.test(rest)) continue;
    // A curated cue that needs a clause ("announced that ...") does not take a bare object here:
    // "The group announced the caliphate" reports an event, not speech.
    if (isCuratedCue(w) && !ZERO_THAT.has(w.toLowerCase()) && !CLAUSE_START_RE.test(rest)) continue;
    // Subject and cue within the sentence, and no attribution between them.
    let src = subjectBefore(text, Math.max(sent.start, skipBefore), cs);
    if (!src && rateOf(w) >= STRONG_CUE_RATE) {
      // "Clinton celebrated in Florida and said ...", "Marley Anderson, 21, a junior, said ...":
      // a strong cue whose subject is not adjacent takes the noun phrase opening the sentence.
      const lo = Math.max(sent.start, skipBefore);
      const open = speakerAfter(text, lo, cs);
      if (open && open.end < cs && text.slice(lo, open.start).trim() === '') src = open;
    }
    if (!src || covered(spans, src.start)) continue;
    // Content: the complement after the cue, up to the next attribution or the sentence end.
    let st = ce;
    const lead = /^[\s,:]*(?:that\s+)?/.exec(text.slice(st, st + 12))![0];
    st += lead.length;
    let en = nextStart(spans, st, sent.end);
    // "Barkley, who said he votes for Democrats, left early": the relative clause ends at its comma.
    if (src.end <= cs && /,\s*who\s+(?:\S+\s+){0,2}$/.test(text.slice(src.end, cs))) {
      const comma = text.indexOf(',', st);
      if (comma > st && comma < en) en = comma;
    }
    while (en > st && /[\s.!?,;:]/.test(text[en - 1]!)) en--;
    const inner = text.slice(st, en);
    if (!/\s/.test(inner.trim()) || inner.length < 6) continue;
    // "described the plan as a “terrorist ram”": the outlet's gloss of a characterization, not
    // reported speech; a quoted label in it is handled as a scare quote.
    if (CHARACTERIZATION_RE.test(inner)) continue;
    const cand: QuoteCandidate = { start: st, end: en, kind: 'indirect', source: src, cue: w, cueSpan: { start: cs, end: ce }, relays: [], sameAs: null, words: 0, paragraph: pi };
    out.push(cand);
    // Keep the new attribution's words out of later matches.
    const span = { start: Math.min(src.start, cs), end: en };
    let i = spans.length;
    spans.push(span);
    while (i > 0 && spans[i - 1]!.start > span.start) { spans[i] = spans[i - 1]!; i--; }
    spans[i] = span;
    WORD_RE.lastIndex = Math.max(WORD_RE.lastIndex, en);
  }
  return out;
}
