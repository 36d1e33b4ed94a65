/**
 * Attributions from the learned tagger (tagger.ts) that the rules missed: a tagged CONTENT run that
 * overlaps no rule quote becomes an indirect quote, with the nearest tagged SOURCE and CUE runs in
 * its sentences as source and cue. Runs only when the weights file is present.
 */
import type { Span } from '../../doc/span.js';
import type { TokenTable } from '../../doc/tokens.js';
import type { QuoteCandidate } from './find-quotes.js';
import { AUXILIARY_CUES, CHARACTERIZATION_RE, isLyAdverb, subjectBefore } from './find-open.js';
import { isCuratedCue, ZERO_THAT } from './find-quotes.js';
import { LEARNED_CUES } from './data/learned-cues.js';
import { ACTION_VERBS } from './data/action-verbs.js';
import { ATTR_TAGS, loadTaggerWeights, runMargin, stemEnd, tagRuns, tagTokens, type TagRun } from './tagger.js';

/** Gates (tuned on the held-out train sample): minimum content tokens, max token gap to source/cue. */
export const TAGGED_MIN_TOKENS = 2;
const MAX_GAP = 25;
/** A tagged content run needs a tagged source or cue nearby ('any'), or both ('both'). */
const NEED = 'any' as 'any' | 'both' | 'src';
/** Rule quotes without a source take the nearest tagged source run. */
const FIX = true;
/** Tagged sources no attribution uses become attributions of their own (addLoneSources). */
const LONE_SOURCES = true;
const CUELESS = false;
/**
 * A tagged attribution with no source keeps its tagged cue only when the cue is a lexicon word
 * (isLexiconCue) or every cue token's emission favours CUE by at least this margin ("unknown are
 * fighting against: ..." is dropped). Train sample: content 75.8 -> 75.6 (precision +0.2), source
 * unchanged; requiring the lexicon everywhere cost 1.0 content F1.
 */
const SOURCELESS_CUE_MARGIN = 0;
/**
 * Sentences whose most cue-like word has a learned cue-rate bucket below this are not tagged
 * (buckets 1–5 from data/learned-cues.ts). Measured on PolNeAR dev: 1 gives 4.5 -> 5.5 MB/s but content
 * overlap F1 0.742 -> 0.731 (the tagger uses the previous sentence's tags); 2 costs 1.6 points. So 0: tag all.
 */
export const MIN_SENTENCE_CUE = 0;
/**
 * An indirect content is tagged (for nested speech) only when it holds a word of at least this cue-rate
 * bucket of the tagger's lexicon (5: inside a cue 70% of the time, "said", "told", "warned"). With
 * bucket 3 ("has", "also" are there) train held-out F1 was the same (source 74.3 vs 74.2, content 76.9
 * vs 77.0) but the component ran ~15% slower.
 */
const NESTED_CUE_MIN = 5;

const B_CON = ATTR_TAGS.indexOf('B-CON');
const I_CON = ATTR_TAGS.indexOf('I-CON');

/** Words a content clause cannot end on. */
const DANGLING_END = new Set(['a', 'an', 'the', 'as', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'and', 'or', 'that', 'than']);

/** True when `text[s, e)` ends on a word of DANGLING_END (scans back over ASCII letters only). */
function endsDangling(text: string, s: number, e: number): boolean {
  let k = e;
  while (k > s && k > e - 6) {
    const c = text.charCodeAt(k - 1) | 32;
    if (c < 97 || c > 122) break;
    k--;
  }
  if (k === e || k === e - 6) return false;
  if (k > s) {
    const c = text.charCodeAt(k - 1);
    // Part of a longer word (non-ASCII letter or apostrophe before): not one of these short words.
    if (c === 39 || c === 0x2019 || (c > 127 && /\p{L}/u.test(text[k - 1]!))) return false;
  }
  return DANGLING_END.has(text.slice(k, e).toLowerCase());
}

/** A content cut off before the quoted label it introduces: "has been supporting the so-called". */
const SO_CALLED_END_RE = /\bso-called$/i;
const SO_CALLED_START_RE = /^(?:the\s+)?so-called\b/i;
const REFLEXIVE_RE = /\b(?:itself|himself|herself|themselves)\b/i;
/** Clause openers after a cue: "announced that ...", "asked whether ...", "plans to ...". */
const CLAUSE_RE = /^(?:that|whether|if|how|why|what|when|who|where|to)\b/i;

const TRIM_RE = /[\s"“”«»‘’',.;:!?]/;

/** Auxiliaries, modals and adverbs a cue may open with; a cue of these words only is no cue ("Russia has: ..."). */
const CUE_FILLER = new Set([...AUXILIARY_CUES, 'not', "n't", 'n’t', 'never', 'also', 'still', 'already', 'just', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'shall',
  // Function words: "were not used to hit ..." tags "to" as a cue; a preposition or conjunction alone says nothing.
  'to', 'for', 'of', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'and', 'or', 'but', 'that', 'the', 'a', 'an',
  // Negated auxiliaries and modals as one word ("don’t lack for material" tagged "don’t" as the cue).
  ...['don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'won', 'wouldn', 'can', 'couldn', 'shouldn', 'mustn', 'mightn'].flatMap((w) => [`${w}'t`, `${w}’t`]), 'cannot']);
const WORD_RE = /[\p{L}’'-]+/gu;

/**
 * True when a tagged cue span holds a word other than an auxiliary, modal or adverb: "has said"
 * yes, "has", "is", "has been" no.
 * @example isContentfulCue('has been supporting') // true
 */
export function isContentfulCue(cue: string): boolean {
  for (const m of cue.toLowerCase().matchAll(WORD_RE)) if (!CUE_FILLER.has(m[0])) return true;
  return false;
}

/**
 * True when a tagged cue span holds a speech or cognition word from the cue lexicons (curated
 * data/cue-verbs.ts or learned data/learned-cues.ts) that is not an auxiliary, modal or adverb. The
 * tagger alone also tags actions next to a clause ("forces are fighting against ..."); such a cue
 * attributes nothing.
 * @example isLexiconCue('has said') // true
 */
export function isLexiconCue(cue: string): boolean {
  for (const m of cue.toLowerCase().matchAll(WORD_RE)) {
    const w = m[0];
    if (!CUE_FILLER.has(w) && (isCuratedCue(w) || Object.hasOwn(LEARNED_CUES, w))) return true;
  }
  return false;
}

let actionStems: Set<string> | null = null;
const stemOf = (w: string): string => w.slice(0, stemEnd(w, 0, w.length));

/**
 * True when a tagged cue is an action, not speech or cognition: a word of data/action-verbs.ts (any
 * inflection) and no curated cue word ("are fighting against", "has been targeting"; not "said after fighting").
 * @example isActionCue('are fighting against') // true
 */
export function isActionCue(cue: string): boolean {
  actionStems ??= new Set(ACTION_VERBS.map(stemOf));
  let action = false;
  for (const m of cue.toLowerCase().matchAll(WORD_RE)) {
    if (isCuratedCue(m[0])) return false;
    if (actionStems.has(stemOf(m[0]))) action = true;
  }
  return action;
}

/** A content that opens with "by" is a passive agent ("is opposed by the U.S."), not what was said; one that opens with "among", "against" ... is a place or target. */
const NOT_CONTENT_START_RE = /^(?:by|among|against|amid|between|within|toward|towards|across|behind|beside|near)\b/i;
/** A cue ending in "by" ("is opposed by"): a passive agent follows. */
const PASSIVE_CUE_RE = /\sby$/i;
/**
 * A cue never holds a conjunction ("reform and pushing for") nor ends on an article: the tagger ran a cue
 * across two phrases.
 */
const DANGLING_CUE_RE = /\s(?:and|or|but|nor)\s|\s(?:and|or|but|nor|the|a|an)$/i;
/**
 * A tagged cue run that reports no speech: an action ("are fighting against") or a run across two
 * phrases (DANGLING_CUE_RE). Every way a tagged cue enters an attribution checks this.
 * @example notSpeechCue('reform and pushing for') // true
 */
export function notSpeechCue(cue: string): boolean {
  return isActionCue(cue) || DANGLING_CUE_RE.test(cue);
}
/** "by" right after a cue: a passive agent follows. */
const PASSIVE_BY_RE = /^\s+by\b/i;

/**
 * Characters covered by a growing set of spans: an overlap test costs the length of the tested span,
 * not a scan of every span so far (which was quadratic in the attributions of long documents).
 */
class SpanMask {
  private readonly on: Uint8Array;
  constructor(length: number) {
    this.on = new Uint8Array(length);
  }
  /** Marks `a` with the flag bits `bits` (two sets can share one mask). */
  add(a: Span, bits = 1): void {
    for (let i = a.start; i < a.end; i++) this.on[i] = this.on[i]! | bits;
  }
  /** True when a span added so far with a flag of `bits` overlaps [s, e). */
  hits(s: number, e: number, bits = 1): boolean {
    for (let i = s; i < e; i++) if (this.on[i]! & bits) return true;
    return false;
  }
  hitsSpan(a: Span, bits = 1): boolean {
    return this.hits(a.start, a.end, bits);
  }
}

/** Index of the paragraph holding offset `s` (binary search; 0 before the first). */
function paragraphAt(paragraphs: readonly Span[], s: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo < 0 ? 0 : lo;
}

/** A tagged source or cue span trimmed of quote marks and punctuation; null when no letter is left ("“" tagged as a source). */
const ACCORDING_BEFORE_RE = /\b(according\s+to)\s*$/i;

/** "according to" opening a tagged cue that goes on (over the source). */
const ACCORDING_RUN_ON_RE = /^(according\s+to)\s+(?=\S)/i;
/** The span of "according to" ending right before `at` (spaces between), or null. */
export function accordingBefore(text: string, at: number): Span | null {
  const m = ACCORDING_BEFORE_RE.exec(text.slice(Math.max(0, at - 24), at));
  if (!m) return null;
  const st = at - m[0].length;
  return { start: st, end: st + m[1]!.length };
}

function trimmed(text: string, from: number, to: number): Span | null {
  let s = from;
  let e = to;
  while (s < e && TRIM_RE.test(text[s]!)) s++;
  while (e > s && TRIM_RE.test(text[e - 1]!)) e--;
  for (let i = s; i < e; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) return { start: s, end: e };
  return null;
}

/**
 * Quote candidates the tagger finds outside `taken` (rule quote contents). Rule candidates in `fix`
 * with no source (and no shared speaker) take a tagged source run next to them.
 * @example findTaggedAttributions(doc.text, doc.paragraphs, doc.tokens, [], [])
 */
export function findTaggedAttributions(text: string, paragraphs: readonly Span[], tokens: TokenTable, taken: readonly Span[], fix: readonly QuoteCandidate[] = [], skipBefore = 0): QuoteCandidate[] {
  const w = loadTaggerWeights();
  if (!w || tokens.length === 0) return [];
  // Tokens of quotes the rules already found are CONTENT: the tagger adds nothing there, so they are not scored.
  const forced = new Uint8Array(tokens.length);
  // Quote-mark contents are forced (fast, and rarely hold nested speech); indirect contents are
  // tagged when they hold a strong cue word, so a source and cue nested in reported speech can be
  // found ("... said that X claimed ..."), and forced otherwise (train sample: same F1, 18% fewer
  // tokens scored).
  // Indirect contents by start offset (their ends), so no string key is built per span.
  const indirect = new Map<number, number[]>();
  for (const c of fix) {
    if (c.kind !== 'indirect') continue;
    const ends = indirect.get(c.start);
    if (ends) ends.push(c.end);
    else indirect.set(c.start, [c.end]);
  }
  const nested = new Uint8Array(tokens.length);
  for (const t of taken) {
    const into = indirect.get(t.start)?.includes(t.end) ? nested : forced;
    for (let i = tokens.indexAt(t.start), first = true; i < tokens.length && tokens.start[i]! < t.end; i++, first = false) {
      into[i] = first ? B_CON : I_CON;
    }
  }
  const { tags, emit } = tagTokens(text, tokens, w, forced, MIN_SENTENCE_CUE, nested, NESTED_CUE_MIN);
  const runs = tagRuns(tags);
  const out: QuoteCandidate[] = [];
  const { start, end, sentence } = tokens;
  // Runs are in token order and do not overlap: search only those within MAX_GAP tokens.
  const near = (con: TagRun, label: number): TagRun | null => {
    let best: TagRun | null = null;
    let bd = Infinity;
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]!.to < con.from - MAX_GAP) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < runs.length; k++) {
      const r = runs[k]!;
      if (r.from > con.to + MAX_GAP) break;
      if (r.label !== label) continue;
      // A lone adverb is no source ("X has raised questions about ..., falsely suggesting ..."): the next run may be.
      if (label === 1 && r.to - r.from === 1 && isLyAdverb(text, start[r.from]!, end[r.from]!)) continue;
      const d = r.to <= con.from ? con.from - r.to : r.from >= con.to ? r.from - con.to : 0;
      if (d > MAX_GAP || d >= bd) continue;
      const s0 = sentence[Math.min(r.from, con.from)]!;
      const s1 = sentence[Math.max(r.to, con.to) - 1]!;
      if (s1 - s0 > (sentence[con.to - 1]! - sentence[con.from]!)) continue; // same sentence(s) as the content
      best = r;
      bd = d;
    }
    return best;
  };
  // Rule contents, sources and cues: a tagged attribution may reuse none of them.
  const used = new SpanMask(text.length);
  for (const t of taken) used.add(t);
  for (const c of fix) {
    if (c.source) used.add(c.source);
    if (c.cueSpan) used.add(c.cueSpan);
    for (const r of c.relays) used.add(r);
  }
  // A source the open rules found through a learned (not curated) cue is kept only when the tagger
  // marks a source token in it: on the train sample such unconfirmed sources were wrong two times in
  // three ("Pate hasn’t donated ...", "Democratic candidates went further"). The content stays. A source
  // relayed by the subject ("X quoted Y as saying ...") or found by a construction ("X put the toll at ...", a cue
  // written "put ... at") needs no confirmation.
  for (const c of fix) {
    if (c.kind !== 'indirect' || !c.source || !c.cue || c.cue === ':' || isCuratedCue(c.cue) || c.relays.length > 0 || c.cue.includes(' ... ')) continue;
    let conf = false;
    for (let k = tokens.indexAt(c.source.start); k < tokens.length && start[k]! < c.source.end && !conf; k++) conf = tags[k] === 1 || tags[k] === 2;
    if (!conf) c.source = null;
  }
  if (FIX) {
    for (const c of fix) {
      // Scare quotes (short partial quotes with no speech around them) stay unattributed.
      if (c.source || c.sameAs !== null || (c.kind === 'partial' && c.words <= 3)) continue;
      const from = tokens.indexAt(c.start);
      let to = tokens.indexAt(c.end - 1) + 1;
      if (from >= tokens.length) continue;
      if (to > tokens.length) to = tokens.length;
      const src = near({ label: 3, from, to }, 1);
      if (!src) continue;
      const source = trimmed(text, start[src.from]!, end[src.to - 1]!);
      if (!source || (source.start < c.end && c.start < source.end)) continue;
      if (c.kind !== 'indirect') {
        // A quote-mark quote the cue grammar left without a speaker: "“...,” one person tweeted."
        // Needs a tagged cue too, and neither may belong to another attribution.
        const cue = near({ label: 3, from, to }, 2);
        if (!cue) continue;
        const cueSpan = { start: start[cue.from]!, end: end[cue.to - 1]! };
        if (used.hitsSpan(source) || used.hitsSpan(cueSpan)) continue;
        c.cue = text.slice(cueSpan.start, cueSpan.end);
        c.cueSpan = cueSpan;
        used.add(source);
        used.add(cueSpan);
      }
      c.source = source;
    }
  }
  for (const r of runs) {
    // Forced runs are the rules' own contents.
    if (r.label !== 3 || r.to - r.from < TAGGED_MIN_TOKENS || forced[r.from]) continue;
    let s = start[r.from]!;
    let e = end[r.to - 1]!;
    while (s < e && TRIM_RE.test(text[s]!)) s++;
    while (e > s && TRIM_RE.test(text[e - 1]!)) e--;
    if (e - s < 8) continue;
    // A reported clause never ends on an article or preposition: such a run is a cut-off fragment
    // ("He described the plan as a \"political stunt\"" gives "the plan as a").
    if (endsDangling(text, s, e) || SO_CALLED_END_RE.test(text.slice(Math.max(s, e - 12), e))) continue;
    // A content that is only the quoted label ("supporting the so-called \"moderate opposition\"") names, it reports nothing.
    if (SO_CALLED_START_RE.test(text.slice(s, s + 16))) continue;
    if (used.hits(s, e)) continue;
    let src = near(r, 1);
    const cue = near(r, 2);
    // Source, cue, content: a source run after the content belongs to the next clause ("X made no mention of Y,
    // who announced ..."); the run nearest the cue, when it is before the content, is the source.
    if (src && cue && cue.to <= r.from && src.from >= r.to) {
      const alt = near(cue, 1);
      if (alt && alt.to <= r.from) src = alt;
    }
    if (NEED === 'src' && !src) continue;
    if (NEED === 'both' && (!src || !cue)) continue;
    if (NEED === 'any' && !src && !cue) continue;
    const cueText = cue ? text.slice(start[cue.from]!, end[cue.to - 1]!) : null;
    let source = src ? trimmed(text, start[src.from]!, end[src.to - 1]!) : null;
    if (!source && cue && cue.to <= r.from) {
      // A tagged cue with no tagged source: the subject noun phrase right before the cue ("Critics have long argued ...").
      let k = cue.from;
      while (k > 0 && sentence[k - 1] === sentence[cue.from]) k--;
      source = subjectBefore(text, start[k]!, start[cue.from]!);
    }
    // Nobody said it: the cue must be speech or cognition ("forces are fighting against ..." is not).
    if (!source && cue && !isLexiconCue(cueText!) && runMargin(emit, cue.from, cue.to, 2) < SOURCELESS_CUE_MARGIN) continue;
    // An action is not an attribution ("forces are fighting against ..."); nor is a passive's agent ("is opposed by the U.S.").
    if (cueText !== null && (notSpeechCue(cueText) || PASSIVE_CUE_RE.test(cueText))) continue;
    if (source && used.hitsSpan(source)) continue;
    if (NOT_CONTENT_START_RE.test(text.slice(s, s + 12))) continue;
    // A passive with its agent after the cue ("The plan is opposed by the U.S."): the content is the subject, an action's object, not speech.
    if (cue && cue.from >= r.to && cue.to < tokens.length && PASSIVE_BY_RE.test(text.slice(end[cue.to - 1]!, end[cue.to - 1]! + 4))) continue;
    let cueSpan = cue ? { start: start[cue.from]!, end: end[cue.to - 1]! } : null;
    if (cueSpan && !isContentfulCue(text.slice(cueSpan.start, cueSpan.end))) {
      if (!src) continue;
      cueSpan = null;
    }
    // The cue run on over its source ("According to the official"): what follows "according to" is the source.
    if (cueSpan && !source) {
      const m = ACCORDING_RUN_ON_RE.exec(text.slice(cueSpan.start, cueSpan.end));
      if (m) {
        source = { start: cueSpan.start + m[0].length, end: cueSpan.end };
        cueSpan = { start: cueSpan.start, end: cueSpan.start + m[1]!.length };
      }
    }
    // "According to the official around 40% ...": the phrase right before the source is the cue.
    const according = source ? accordingBefore(text, source.start) : null;
    if (according) {
      // A word the tagger took for the cue between the source and the content belongs to the content.
      if (cue && source && start[cue.from]! >= source.end && start[cue.from]! < s) s = start[cue.from]!;
      cueSpan = according;
    }
    if (cueSpan && used.hitsSpan(cueSpan)) continue;
    // Naming, not speech: "calls itself", "describes himself as".
    if (cueSpan && REFLEXIVE_RE.test(text.slice(cueSpan.start, Math.min(text.length, cueSpan.end + 12)))) continue;
    const paragraph = paragraphAt(paragraphs, s);
    out.push({
      start: s,
      end: e,
      kind: 'indirect',
      source,
      cue: cueSpan ? text.slice(cueSpan.start, cueSpan.end) : null,
      cueSpan,
      relays: [],
      sameAs: null,
      words: r.to - r.from,
      paragraph,
    });
  }
  // A tagged source right before a tagged cue with no content run of its own ("frontman X recently
  // revealed ...", "Reporter Y says: ..."): the content is the rest of the sentence after the cue.
  const taken2 = used; // the tagged runs' own spans join the rule spans from here on
  for (const c of out) {
    taken2.add(c);
    if (c.source) taken2.add(c.source);
    if (c.cueSpan) taken2.add(c.cueSpan);
  }
  for (let k = 0; k + 1 < runs.length; k++) {
    const r = runs[k]!;
    const cue = runs[k + 1]!;
    if (r.label !== 1 || cue.label !== 2 || cue.from - r.to > 1 || sentence[r.from] !== sentence[cue.to - 1]) continue;
    const source = trimmed(text, start[r.from]!, end[r.to - 1]!);
    const cueSpan = { start: start[cue.from]!, end: end[cue.to - 1]! };
    // Most such pairs belong to a rule attribution already: the cheap overlap test first.
    if (!source || taken2.hitsSpan(source) || taken2.hitsSpan(cueSpan)) continue;
    if (!isContentfulCue(text.slice(cueSpan.start, cueSpan.end))) continue;
    if (notSpeechCue(text.slice(cueSpan.start, cueSpan.end))) continue;
    let last = cue.to;
    while (last + 1 < tokens.length && sentence[last + 1] === sentence[cue.to - 1]) last++;
    if (last - cue.to < 2) continue;
    let s = start[cue.to]!;
    let e = end[last]!;
    while (s < e && TRIM_RE.test(text[s]!)) s++;
    while (e > s && TRIM_RE.test(text[e - 1]!)) e--;
    if (e - s < 8) continue;
    const cueWord = text.slice(cueSpan.start, cueSpan.end).toLowerCase();
    // A curated cue that needs a clause takes no bare object here ("The group announced the caliphate").
    if (isCuratedCue(cueWord) && !ZERO_THAT.has(cueWord) && !CLAUSE_RE.test(text.slice(s, s + 9))) continue;
    if (/^that\s/i.test(text.slice(s, s + 5))) s += 5;
    if (NOT_CONTENT_START_RE.test(text.slice(s, s + 12)) || SO_CALLED_START_RE.test(text.slice(s, s + 16))) continue;
    // "described the plan as a ...": a characterization, not reported speech.
    if (CHARACTERIZATION_RE.test(text.slice(s, e))) continue;
    if (REFLEXIVE_RE.test(text.slice(cueSpan.start, Math.min(text.length, cueSpan.end + 12)))) continue;
    const paragraph = paragraphAt(paragraphs, s);
    const c: QuoteCandidate = { start: s, end: e, kind: 'indirect', source, cue: text.slice(cueSpan.start, cueSpan.end), cueSpan, relays: [], sameAs: null, words: last + 1 - cue.to, paragraph };
    out.push(c);
    taken2.add(c);
    taken2.add(source);
    taken2.add(cueSpan);
  }
  if (LONE_SOURCES) addLoneSources(text, paragraphs, tokens, runs, fix, out, skipBefore);
  return out;
}

/**
 * Tagged sources that no attribution uses yet (beliefs and actions the rules have no cue for:
 * "He congratulated her", "27 percent would vote for Trump", or a source inside another quote) become
 * attributions with the nearest tagged cue in their sentence; the content is the rest of the
 * sentence after the cue, or the sentence before the source when the cue closes it ("..., X said").
 * On the train sample such sources are right about half the time, above the break-even of the source F1.
 */
function addLoneSources(text: string, paragraphs: readonly Span[], tokens: TokenTable, runs: readonly TagRun[], fix: readonly QuoteCandidate[], out: QuoteCandidate[], skipBefore: number): void {
  const { start, end, sentence } = tokens;
  // One mask, two sets: SOURCES (bit 1) and MARKS (bit 2, sources and cues of other attributions;
  // a lone source's cue may sit inside another quote's content, nested speech).
  const SOURCES = 1;
  const MARKS = 2;
  const mask = new SpanMask(text.length);
  for (const c of fix) if (c.source) mask.add(c.source, SOURCES | MARKS);
  for (const c of out) if (c.source) mask.add(c.source, SOURCES | MARKS);
  // Relays are not speakers ("she said, according to Sputnik News").
  for (const c of [...fix, ...out]) for (const r of c.relays) mask.add(r, SOURCES | MARKS);
  for (const c of [...fix, ...out]) if (c.cueSpan) mask.add(c.cueSpan, MARKS);
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    if (r.label !== 1) continue;
    const source = trimmed(text, start[r.from]!, end[r.to - 1]!);
    if (!source || source.start < skipBefore || mask.hitsSpan(source, SOURCES)) continue;
    const sent = sentence[r.from]!;
    // The nearest contentful cue run in the sentence, after the source first.
    let cue: TagRun | null = null;
    for (let j = k + 1; j < runs.length && sentence[runs[j]!.from] === sent && !cue; j++) if (runs[j]!.label === 2) cue = runs[j]!;
    for (let j = k - 1; j >= 0 && sentence[runs[j]!.to - 1] === sent && !cue; j--) if (runs[j]!.label === 2) cue = runs[j]!;
    if (!cue && !CUELESS) continue;
    const cueSpan = cue ? { start: start[cue.from]!, end: end[cue.to - 1]! } : null;
    const cueText = cueSpan ? text.slice(cueSpan.start, cueSpan.end) : null;
    if (cueSpan && (!isContentfulCue(cueText!) || mask.hitsSpan(cueSpan, MARKS))) continue;
    if (cueText && notSpeechCue(cueText)) continue;
    // The cue before the source ("according to the poll ..."): the content follows the source.
    const cueFirst = cue !== null && cue.to <= r.from;
    let a = cue && !cueFirst ? cue.to : r.to;
    let b = a;
    while (b < tokens.length && sentence[b] === sent) b++;
    if (b - a < 2) {
      // The cue closes the sentence: the content is what precedes the source.
      b = cue ? Math.min(r.from, cue.from) : r.from;
      a = b;
      while (a > 0 && sentence[a - 1] === sent) a--;
    }
    if (b - a < 2) continue;
    let s = start[a]!;
    let e = end[b - 1]!;
    while (s < e && TRIM_RE.test(text[s]!)) s++;
    while (e > s && TRIM_RE.test(text[e - 1]!)) e--;
    if (/^that\s/i.test(text.slice(s, s + 5))) s += 5;
    if (e - s < 8 || NOT_CONTENT_START_RE.test(text.slice(s, s + 12)) || SO_CALLED_START_RE.test(text.slice(s, s + 16))) continue;
    // A curated cue that needs a clause takes no bare object ("The group announced the caliphate").
    const cueWord = cueText?.toLowerCase() ?? '';
    if (cue && !cueFirst && cue.to <= a && isCuratedCue(cueWord) && !ZERO_THAT.has(cueWord) && !CLAUSE_RE.test(text.slice(start[a]!, start[a]! + 9))) continue;
    if (cueSpan && REFLEXIVE_RE.test(text.slice(cueSpan.start, Math.min(text.length, cueSpan.end + 12)))) continue;
    if (CHARACTERIZATION_RE.test(text.slice(s, e))) continue;
    const paragraph = paragraphAt(paragraphs, s);
    out.push({ start: s, end: e, kind: 'indirect', source, cue: cueText, cueSpan, relays: [], sameAs: null, words: b - a, paragraph });
    mask.add(source, SOURCES | MARKS);
    if (cueSpan) mask.add(cueSpan, MARKS);
  }
}
