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
import { findSpanAt, type Span } from '../../doc/span.js';
import { LEARNED_CUES } from './data/learned-cues.js';
import { FIELD_LABELS } from './data/field-labels.js';
import { NON_SPEECH_FRAMES } from './data/non-speech-frames.js';
import { MEDIUM_NOUN_ALT } from './data/media-of-speech.js';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import { DETERMINERS, PRONOUNS, ROLE_NOUNS } from './data/role-nouns.js';
import { isCommonOrGazetteerWord } from '../entities/gazetteer.js';
import { beforeTimeAdjunct, coordinatedSubject, isCuratedCue, speakerAfter, speakerBefore, SUBORDINATE_OPEN_RE, ZERO_THAT, type QuoteCandidate } from './find-quotes.js';

/** A word opens an attribution when PolNeAR annotators marked it as a cue at least this often (0.2: best content F1 on a train sample; 0.4 keeps source precision higher but loses 10 points of recall). */
const MIN_CUE_RATE = 0.2;

/** Cues marked this often take the sentence-opening noun phrase as subject when none is adjacent ("said", "told", "wrote"). */
const STRONG_CUE_RATE = 0.6;


/** Fold a char code for lexicon hashing: ASCII upper to lower, ’ to '. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** 32-bit hash of `text[s, e)` folded (lower-case, ’ as '); call-free per char. */
function hashFolded(text: string, s: number, e: number): number {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + fold(text.charCodeAt(i))) | 0;
  return h;
}

function hashWord(w: string): number {
  return hashFolded(w, 0, w.length);
}

/** True when `text[s, e)` folded equals `w` (already folded). */
function eqFolded(text: string, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (fold(text.charCodeAt(s + i)) !== w.charCodeAt(i)) return false;
  return true;
}

/** A word set keyed by folded hash, for token lookups without slicing. */
class WordSet {
  private readonly m = new Map<number, string>();
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const f = w.toLowerCase().replace(/’/g, "'");
      this.m.set(hashWord(f), f);
    }
  }
  has(text: string, s: number, e: number): boolean {
    const w = this.m.get(hashFolded(text, s, e));
    return w !== undefined && eqFolded(text, s, e, w);
  }
}

interface CueEntry {
  word: string;
  rate: number;
  /** Curated cue that takes a clause only ("announced that ..."), not a bare object. */
  needsClause: boolean;
  /** Next words that make this word no cue (data/non-speech-frames.ts), or null. */
  frames: WordSet | null;
}

/** Index into the cue signature bitset: word length (capped at 31), first and last letter folded. */
function signature(text: string, s: number, e: number): number {
  const len = e - s > 31 ? 31 : e - s;
  return (len << 10) | ((fold(text.charCodeAt(s)) & 31) << 5) | (fold(text.charCodeAt(e - 1)) & 31);
}

interface Lexicons {
  cues: Map<number, CueEntry>;
  /** Signatures of the cue words: most words are rejected here before hashing. */
  sigs: Uint8Array;
  minLen: number;
  maxLen: number;
  aux: WordSet;
  passive: WordSet;
  /** Last words that can end a subject without a capital: pronouns, who, quantified and role heads. */
  subjectHeads: WordSet;
  determiners: WordSet;
  notComplement: WordSet;
  clauseStart: WordSet;
  npLead: WordSet;
}

let lex: Lexicons | null = null;

/** The open pass's lexicons keyed by folded hash, built once per process. */
function lexicons(): Lexicons {
  if (lex) return lex;
  const cues = new Map<number, CueEntry>();
  const sigs = new Uint8Array(32 << 10);
  let minLen = Infinity;
  let maxLen = 0;
  for (const [w, [c, t]] of Object.entries(LEARNED_CUES)) {
    const rate = c / t;
    if (rate < MIN_CUE_RATE) continue;
    const f = w.toLowerCase().replace(/’/g, "'");
    // PolNeAR cue spans often open with an auxiliary ("has said"), so the lexicon learns "has";
    // on its own it is never a cue ("Russia has dismissed ...": the cue is "dismissed"); nor is an adverb ("also", "publicly").
    if (AUXILIARY_CUES.has(f) || AUX.has(f)) continue;
    const h = hashWord(f);
    const prev = cues.get(h);
    if (prev && prev.rate >= rate) continue;
    cues.set(h, { word: f, rate, needsClause: isCuratedCue(f) && !ZERO_THAT.has(f), frames: NON_SPEECH_FRAMES[f] ? new WordSet(NON_SPEECH_FRAMES[f]!) : null });
    sigs[signature(f, 0, f.length)] = 1;
    minLen = Math.min(minLen, f.length);
    maxLen = Math.max(maxLen, f.length);
  }
  lex = {
    cues,
    sigs,
    minLen,
    maxLen,
    aux: new WordSet(AUX),
    passive: new WordSet(PASSIVE),
    subjectHeads: new WordSet([...SUBJECT_PRONOUNS, ...QUANT_HEADS, ...ROLE_NOUNS, ...PRONOUNS]),
    determiners: new WordSet(DETERMINERS),
    notComplement: new WordSet(['by', 'off', 'out', 'up', 'itself', 'himself', 'herself', 'themselves']),
    clauseStart: new WordSet(['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'who', 'where', 'to']),
    npLead: new WordSet([...DETERMINERS, 'my', 'your', 'our', 'his', 'her', 'their', 'its', 'this', 'these', 'those', 'some', 'many', 'all', 'each', 'every', 'no']),
  };
  return lex;
}

/** Auxiliaries and copulas: never a cue on their own. */
export const AUXILIARY_CUES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", '’s', 'do', 'does', 'did', 'get', 'got', 'gets']);
/** Words allowed between a subject and its cue: "has also said", "did not deny", "would never agree". */
const AUX = new Set(['has', 'have', 'had', 'also', 'did', 'does', 'do', 'not', 'never', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'still', 'already', 'repeatedly', 'previously', 'recently', 'later', 'then', 'often', 'even', 'further', 'again', 'only', 'just', 'once', 'first', 'publicly', 'privately', 'openly', 'reportedly', 'apparently', 'clearly', 'quickly', 'immediately', 'long', 'always', 'seemingly', 'has', 'n’t', "n't"]);
/** Lower-case words in -ly that are nouns or adjectives, not adverbs ("the family said", "the elderly said"). */
const LY_NOT_ADVERB = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'reply', 'monopoly', 'anomaly', 'elderly', 'bully', 'belly', 'jelly', 'folly', 'homily', 'butterfly', 'panoply', 'tally', 'gully', 'lily', 'holly', 'friendly', 'weekly', 'daily', 'monthly', 'quarterly', 'yearly', 'biweekly', 'unlikely', 'likely']);

/**
 * True when `text[s, e)` is a lower-case adverb in -ly of five letters or more, allowed between a
 * subject and its cue like AUX's closed list: "X wrongly claimed", "X frequently notes".
 * @example isLyAdverb('falsely', 0, 7) // true
 */
export function isLyAdverb(text: string, s: number, e: number): boolean {
  if (e - s < 5 || text.charCodeAt(e - 1) !== 121 || text.charCodeAt(e - 2) !== 108) return false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return !LY_NOT_ADVERB.has(text.slice(s, e));
}

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
export const CHARACTERIZATION_RE = /^(?:[\p{L}\p{N}’'-]+\s+){1,5}as\s+(?:an?|the)\s/u;

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

/**
 * Cheap token-level test before the subject search: the word before cue token `i` (after
 * auxiliaries) can end a subject only when it is capitalized, a pronoun or subject head, ")", or a
 * lower-case noun with a determiner at most three words before it ("the bank said").
 */
function mayEndSubject(text: string, tokens: TokenTable, i: number, lo: number, L: Lexicons): boolean {
  const { start, end, kind, flags } = tokens;
  let j = i - 1;
  for (let g = 0; g < 4 && j >= 0 && start[j]! >= lo && kind[j] === TokenKind.WORD && (L.aux.has(text, start[j]!, end[j]!) || isLyAdverb(text, start[j]!, end[j]!)); g++) j--;
  if (j < 0 || start[j]! < lo) return false;
  if (kind[j] === TokenKind.PUNCT) return text.charCodeAt(start[j]!) === 41;
  if (kind[j] !== TokenKind.WORD) return false;
  if (flags[j]! & TokenFlag.CAPITALIZED) return true;
  const s = start[j]!;
  let e = end[j]!;
  // Contractions: "he’d support", "’s said" (after a name split off as its own token).
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 39 || c === 0x2019) { if (k === s) return j > 0 && start[j - 1]! >= lo && kind[j - 1] === TokenKind.WORD; e = k; break; }
  }
  if (L.passive.has(text, s, e)) return false;
  if (L.subjectHeads.has(text, s, e)) return true;
  // A relative "which" after a comma or dash ("the study -- which notes that ...").
  if (eqFolded(text, s, e, 'which') && afterClauseBreak(text, lo, s)) return true;
  for (let k = j - 1; k >= 0 && k >= j - 3 && start[k]! >= lo; k--) {
    if (kind[k] !== TokenKind.WORD) return false;
    if (L.determiners.has(text, start[k]!, end[k]!)) return true;
  }
  return false;
}

/** A sentence opening with a participle ("Based on ...", "Speaking Sunday on ...") has no name there. */
const PARTICIPLE_OPENER_RE = /^\p{Lu}\p{Ll}{3,}(?:ing|ed)(?:\s|$)/u;

/** An appositive opened by an article, between two commas, closing the words before a cue: ", a senior adviser to X,". */
const ARTICLE_APPOSITIVE_RE = /,\s*(?:a|an|the)\s[^,;:“”"()]{2,100},\s*$/i;

/**
 * The capitalized name before an appositive that closes the words before a cue ("Jane Doe, a senior adviser to the
 * campaign, | called ..."), or null.
 * @example nameBeforeAppositive('Jane Doe, an adviser, called', 0, 22) // { start: 0, end: 8 }
 */
function nameBeforeAppositive(text: string, lo: number, cs: number): Span | null {
  const m = ARTICLE_APPOSITIVE_RE.exec(text.slice(Math.max(lo, cs - 140), cs));
  if (!m) return null;
  const at = cs - m[0].length;
  const name = speakerBefore(text, lo, at);
  return name && /^\p{Lu}/u.test(text.slice(name.start, name.end)) && !/\s\p{Ll}/u.test(text.slice(name.start, name.end)) ? name : null;
}

/** Pronouns that are only ever subjects. */
const NOMINATIVE = new Set(['he', 'she', 'they', 'we', 'i']);
/** A comma or dash right before a relative pronoun: ", which", "-- which". */
const RELATIVE_OPEN_BEFORE_RE = /(?:,|--|[—–])\s*$/;

/**
 * Whether a comma or a dash (and spaces) ends right before `at`, not before `lo`: where a relative clause opens
 * ("the study, | which notes ...", "the study -- | which ...").
 * @example afterClauseBreak('the study, which', 0, 11) // true
 */
export function afterClauseBreak(text: string, lo: number, at: number): boolean {
  return RELATIVE_OPEN_BEFORE_RE.test(text.slice(Math.max(lo, at - 3), at));
}

/** A possessive ending right before a word: "CNN’s ", "the senators' ". */
const POSSESSIVE_BEFORE_RE = /\p{L}(?:[’']s|s[’'])\s$/u;

/**
 * Whether a possessive ends right before `pos` ("CNN’s show", "Trump’s reported net worth"): the word at `pos`
 * is then a noun or an adjective, not a cue.
 * @example afterPossessive('CNN’s show', 6) // true
 */
export function afterPossessive(text: string, pos: number): boolean {
  return POSSESSIVE_BEFORE_RE.test(text.slice(Math.max(0, pos - 4), pos));
}
const FRAME_NEXT_RE = /^\s+([\p{L}’'-]+)(?:\s+([\p{L}\d’'-]+))?/u;
const NP_LEAD_RE = /^(?:the|a|an|his|her|their|its|our|my|your|this|these|those|\p{Lu}.*|\d.*)$/u;

/**
 * Whether a one-word cue and the word after it read as motion, appearance, finding or a reporter's
 * posting, not speech (data/non-speech-frames.ts: "went to the meeting", "reported from Kyiv"); "to" counts
 * only before a noun phrase.
 * @example inNonSpeechFrame('She reported from Kyiv.', { start: 4, end: 12 }) // true
 */
export function inNonSpeechFrame(text: string, cue: Span): boolean {
  const frame = NON_SPEECH_FRAMES[text.slice(cue.start, cue.end).toLowerCase()];
  if (!frame) return false;
  const m = FRAME_NEXT_RE.exec(text.slice(cue.end, cue.end + 40));
  if (!m) return false;
  const next = m[1]!.toLowerCase();
  if (!frame.includes(next)) return false;
  return next !== 'to' || (m[2] !== undefined && NP_LEAD_RE.test(m[2]));
}

/** A coordinating conjunction opening a clause. */
const COORDINATOR_START_RE = /^(?:but|and|or|nor|yet)\s/i;

/** A subject pronoun and its clitic auxiliary: "he’s", "they’d", "we’ve" (has / had / would / have / will / are / am). */
const PRONOUN_CLITIC_RE = /^(he|she|it|they|we|i|you|who)[’'](?:s|d|ve|ll|re|m)$/;

/** The subject NP that ends right before `end` (after auxiliaries and a pronoun's clitic auxiliary), or null. */
export function subjectBefore(text: string, lo: number, end: number): Span | null {
  let e = end;
  // A time adjunct between subject and cue ("Sanders on Tuesday said", "The minister last week said").
  e = beforeTimeAdjunct(text, lo, e);
  // Walk back over auxiliaries and adverbs.
  for (let guard = 0; guard < 4; guard++) {
    let j = e - 1;
    while (j >= lo && text.charCodeAt(j) === 32) j--;
    let k = j;
    while (k >= lo && /[A-Za-z’']/.test(text[k]!)) k--;
    const w = text.slice(k + 1, j + 1).toLowerCase();
    if (w && (AUX.has(w) || isLyAdverb(text, k + 1, j + 1))) { e = k + 1; continue; }
    // A pronoun with a clitic auxiliary ("he’s predicted", "they’d said"): the pronoun.
    const clitic = PRONOUN_CLITIC_RE.exec(w);
    if (clitic) { e = k + 1 + clitic[1]!.length; break; }
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
  if (SUBJECT_PRONOUNS.has(lw) || (lw === 'which' && afterClauseBreak(text, lo, k + 1))) {
    // "Barkley, who said ...": the source is the relative pronoun itself (PolNeAR guidelines: no
    // coreference in source spans); the speaker resolver reads the antecedent before the comma.
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

/** What opens a complement before its clause: punctuation, time and medium adjuncts before "that" ("said this week that ...", "said on Twitter that ..."), "that". */
const LEAD_RE = new RegExp(`^[\\s,:]*(?:(?:(?:(?:on\\s+|last\\s+|this\\s+|next\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|morning|evening|night)|yesterday|today|earlier|recently|later|again|(?:in|on|at|during|via|through)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?(?:${MEDIUM_NOUN_ALT}))\\s+){1,2}(?=that\\s))?(?:that\\s+)?`, 'iu');

/**
 * The name opening a sentence-initial phrase (`speakerAfter` reads up to a stop word, so a phrase may
 * run on into the predicate: "McConnell was quick to embrace the mogul" gives "McConnell"); the phrase
 * itself when it does not open with a capitalized word, or holds no lower-case word.
 * @example leadingName('Kim was quick to act', { start: 0, end: 20 }) // { start: 0, end: 3 }
 */
export function leadingName(text: string, span: Span): Span {
  const m = /^(?:[A-Z][\p{L}.’'-]*)(?:\s+(?:(?:of|for|and|the|de|van|von|al|bin)\s+)*[A-Z][\p{L}.’'-]*)*/u.exec(text.slice(span.start, span.end));
  if (!m || m[0].length === 0) return span;
  // "The senator" opens with a capitalized determiner: not a name.
  if (/^(?:The|A|An|This|That|These|Those|His|Her|Their|Its)$/.test(m[0])) return span;
  // "Trump’s first wife, Ivana": a possessive name opens a role phrase, not the speaker's name.
  if (/[’']s$/.test(m[0]) && m[0].length < span.end - span.start) return span;
  return { start: span.start, end: span.start + m[0].length };
}

const ERROR_LABEL_RE = /(?:Error|Exception|Warning)$/;

/**
 * True when a paragraph's colon label is a field or section label, not a speaker (FIELD_LABELS).
 * @example isFieldLabel('Definition') // true
 * @example isFieldLabel('Graham') // false
 */
export function isFieldLabel(label: string): boolean {
  return FIELD_LABELS.has(label.toLowerCase()) || ERROR_LABEL_RE.test(label);
}

const LOWER_WORD_RE = /(?:^|\s)\p{Ll}{2,}/u;

/**
 * The colon-labelled paragraphs ("Graham: Trump ...") that are speakers' claims. One or two in a doc
 * are headlines or a lone turn; three or more are a list (ingredients, glossary entries, product
 * specs, titles: "Peanut Butter: ...", "Sweetener: ...") unless they are a dialogue: then only turns
 * whose label recurs (an interviewee answering several times), is no run of common words (the
 * recurring fields "Accuracy: ...", "Advantages: ..." of a review) and that hold a lower-case word
 * (not a title: "Harry Potter: Puzzles & Spells") stay. All-caps labels are left to speakerTurns.
 * @example speakerLabelled(text, cands)
 */
export function speakerLabelled(text: string, cands: QuoteCandidate[]): QuoteCandidate[] {
  const labelOf = (c: QuoteCandidate): string => text.slice(c.source!.start, c.source!.end);
  // All-caps labels are transcript speakers ("JAKE TAPPER: ..."), never list entries: they neither count nor go.
  const mixed = cands.filter((c) => /\p{Ll}/u.test(labelOf(c)));
  if (mixed.length < 3) return cands;
  const count = new Map<string, number>();
  for (const c of mixed) count.set(labelOf(c), (count.get(labelOf(c)) ?? 0) + 1);
  const common = new Map<string, boolean>();
  for (const l of count.keys()) common.set(l, commonWordsOnly(l) || usedInLowerCase(text, l));
  return cands.filter((c) => !count.has(labelOf(c)) || (count.get(labelOf(c))! >= 2 && !common.get(labelOf(c)) && LOWER_WORD_RE.test(text.slice(c.start, c.end))));
}

/** True when a one-word label also stands in lower case in the text ("Disadvantages:" and "... and disadvantages"): a common noun, not a name. */
function usedInLowerCase(text: string, label: string): boolean {
  if (/\s/.test(label) || label.length < 4) return false;
  const w = label.toLowerCase();
  if (w === label) return false;
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
    if (!/\p{L}/u.test(text[i - 1] ?? ' ') && !/\p{L}/u.test(text[i + w.length] ?? ' ')) return true;
  }
  return false;
}

/** True when every word of a label is a common word ("Accuracy", "Step One"), so it names a field, not a person. */
function commonWordsOnly(label: string): boolean {
  for (const w of label.split(/\s+/)) if (w && !isCommonOrGazetteerWord(w) && !(w.length > 4 && w.endsWith('s') && isCommonOrGazetteerWord(w.slice(0, -1)))) return false;
  return true;
}

/**
 * Attributions by the open rules (see the file comment), skipping cue positions inside `taken`
 * (spans of attributions found already, sorted by start).
 * @example findOpenAttributions(doc.text, doc.paragraphs, doc.sentences, doc.tokens, []).map((q) => text.slice(q.start, q.end))
 */
export function findOpenAttributions(text: string, paragraphs: readonly Span[], sentences: readonly Span[], tokens: TokenTable, taken: Span[], skipBefore = 0): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const spans = [...taken].sort((a, b) => a.start - b.start);
  let pi = 0;
  let si = 0;
  // Headline colon attributions: a short capitalized name, a colon, and a claim ("Graham: Trump ...").
  const labelled: QuoteCandidate[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.end - para.start > 400) continue;
    // Cheap test before the regex: a colon within the first four words, after a capital.
    const colon = text.indexOf(':', para.start);
    if (colon < 0 || colon >= para.end || colon - para.start > 80) continue;
    const c0 = text.charCodeAt(para.start);
    if (c0 < 65 || c0 > 90) continue;
    const m = /^((?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}.’'-]*):\s+(\S.*?)[.\s]*$/u.exec(text.slice(para.start, para.end));
    // "The Latest: ..." and "The Daily: ..." are section labels, not speakers.
    if (!m || /\d/.test(m[1]!) || /^(?:The|A|An)\s/.test(m[1]!) || isFieldLabel(m[1]!) || covered(spans, para.start)) continue;
    const cs = para.start + m[1]!.length;
    const st = para.end - (m[0].length - m[0].indexOf(m[2]!, m[1]!.length));
    const en = st + m[2]!.length;
    if (en - st < 12) continue;
    labelled.push({ start: st, end: en, kind: 'indirect', source: { start: para.start, end: cs }, cue: ':', cueSpan: { start: cs, end: cs + 1 }, relays: [], sameAs: null, words: 0, paragraph: p });
  }
  for (const c of speakerLabelled(text, labelled)) {
    out.push(c);
    spans.push({ start: c.source!.start, end: c.end });
  }
  spans.sort((a, b) => a.start - b.start);
  const L = lexicons();
  const { start: tStart, end: tEnd, kind: tKind, flags: tFlags } = tokens;
  const n = tokens.length;
  for (let i = tokens.indexAt(skipBefore); i < n; i++) {
    if (tKind[i] !== TokenKind.WORD) continue;
    const cs = tStart[i]!;
    const ce = tEnd[i]!;
    const len = ce - cs;
    if (len < L.minLen || len > L.maxLen || cs < skipBefore || L.sigs[signature(text, cs, ce)] === 0) continue;
    const entry = L.cues.get(hashFolded(text, cs, ce));
    if (!entry || !eqFolded(text, cs, ce, entry.word)) continue;
    const before = cs > 0 ? text.charCodeAt(cs - 1) : 32;
    if (before === 45 || before === 39 || before === 0x2019) continue;
    const after = ce < text.length ? text.charCodeAt(ce) : 32;
    if (after === 45 || after === 39 || after === 0x2019) continue;
    if (covered(spans, cs)) continue;
    while (si < sentences.length && sentences[si]!.end <= cs) si++;
    const sent = sentences[si];
    if (!sent || sent.start > cs) continue;
    while (pi < paragraphs.length && paragraphs[pi]!.end <= cs) pi++;
    // Not a speech cue when nothing follows in the sentence, or a particle/reflexive/"by" does:
    // "said by", "called off", "calls itself", "called it quits".
    const nx = i + 1;
    if (nx >= n || tStart[nx]! >= sent.end) continue;
    if (tKind[nx] === TokenKind.PUNCT) {
      const c = text.charCodeAt(tStart[nx]!);
      if (c === 46 || c === 59 || c === 33 || c === 63) continue;
    } else if (tKind[nx] === TokenKind.WORD) {
      if (L.notComplement.has(text, tStart[nx]!, tEnd[nx]!)) continue;
      if (nx + 1 < n && eqFolded(text, tStart[nx]!, tEnd[nx]!, 'it') && eqFolded(text, tStart[nx + 1]!, tEnd[nx + 1]!, 'quits')) continue;
    }
    // A cue word in a non-speech frame: "went to the meeting", "appeared on a podcast", "found in
    // the soil" (data/non-speech-frames.ts); "to" counts only before a noun phrase ("went on to say" stays).
    if (entry.frames && tKind[nx] === TokenKind.WORD && entry.frames.has(text, tStart[nx]!, tEnd[nx]!)) {
      if (!eqFolded(text, tStart[nx]!, tEnd[nx]!, 'to') || (nx + 1 < n && (tKind[nx + 1] === TokenKind.NUMBER || (tKind[nx + 1] === TokenKind.WORD && (L.npLead.has(text, tStart[nx + 1]!, tEnd[nx + 1]!) || (tFlags[nx + 1]! & TokenFlag.CAPITALIZED) !== 0))))) continue;
    }
    // A curated cue that needs a clause ("announced that ...") does not take a bare object here:
    // "The group announced the caliphate" reports an event, not speech.
    if (entry.needsClause) {
      let k = nx;
      if (k < n && tKind[k] === TokenKind.PUNCT && text.charCodeAt(tStart[k]!) === 44) k++;
      // "announced it will ...": a subject pronoun and an auxiliary open a clause without "that".
      // A nominative pronoun (he, she, they, we, I) is always a subject: "show he took ...".
      const pronoun = k + 1 < n && tKind[k] === TokenKind.WORD ? text.slice(tStart[k]!, tEnd[k]!).toLowerCase() : '';
      const pronounClause = pronoun !== '' && SUBJECT_PRONOUNS.has(pronoun) && tKind[k + 1] === TokenKind.WORD && (NOMINATIVE.has(pronoun) || L.aux.has(text, tStart[k + 1]!, tEnd[k + 1]!) || L.passive.has(text, tStart[k + 1]!, tEnd[k + 1]!));
      if (k >= n || tKind[k] !== TokenKind.WORD || (!L.clauseStart.has(text, tStart[k]!, tEnd[k]!) && !pronounClause)) continue;
    }
    const lo = Math.max(sent.start, skipBefore);
    // After a possessive the word is a noun or an adjective, not a cue ("CNN’s show", "Trump’s reported net worth").
    if (afterPossessive(text, cs)) continue;
    const w = text.slice(cs, ce);
    // Subject and cue within the sentence, and no attribution between them.
    let src = mayEndSubject(text, tokens, i, lo, L) ? subjectBefore(text, lo, cs) : null;
    // "X, a senior adviser to the campaign, called ...": the name before an appositive opened by an article.
    if (!src) src = nameBeforeAppositive(text, lo, cs);
    // "X beamed and asked the crowd ...": the subject of the verb the cue is coordinated with.
    if (!src) src = coordinatedSubject(text, lo, cs);
    if (!src && entry.rate >= STRONG_CUE_RATE) {
      // "Clinton celebrated in Florida and said ...", "Marley Anderson, 21, a junior, said ...":
      // a strong cue whose subject is not adjacent takes the noun phrase opening the sentence.
      const open = speakerAfter(text, lo, cs);
      if (open && open.end < cs && text.slice(lo, open.start).trim() === '' && !PARTICIPLE_OPENER_RE.test(text.slice(open.start, open.end))) src = leadingName(text, open);
    }
    if (!src || covered(spans, src.start)) continue;
    // Content: the complement after the cue, up to the next attribution or the sentence end.
    let st = ce;
    const lead = LEAD_RE.exec(text.slice(st, st + 40))![0];
    st += lead.length;
    // "a star on the hit TV show, but he ...": reported speech never opens with a coordinating conjunction.
    if (COORDINATOR_START_RE.test(text.slice(st, st + 5))) continue;
    let en = nextStart(spans, st, sent.end);
    // "Barkley, who said he votes for Democrats, left early": the relative clause ends at its comma.
    if (src.end <= cs && /,\s*who\s+(?:\S+\s+){0,2}$/.test(text.slice(Math.max(0, src.start - 3), cs))) {
      const comma = text.indexOf(',', st);
      if (comma > st && comma < en) en = comma;
    } else if (src.end <= cs && /(?:--|[—–])\s*(?:who|which)\s+(?:\S+\s+){0,2}$/.test(text.slice(Math.max(0, src.start - 4), cs))) {
      // "the study -- which notes that A -- is ...": the relative clause ends at its closing dash.
      const dash = text.slice(st, en).search(/\s(?:--|[—–])\s/);
      if (dash > 0) en = st + dash;
    } else if (SUBORDINATE_OPEN_RE.test(text.slice(lo, src.start))) {
      // "While X claimed that A, experts say B": a subordinate clause's content ends at its comma.
      const comma = text.indexOf(', ', st);
      if (comma > st && comma < en) en = comma;
    }
    while (en > st && /[\s.!?,;:]/.test(text[en - 1]!)) en--;
    const inner = text.slice(st, en);
    if (!/\s/.test(inner.trim()) || inner.length < 6) continue;
    // "described the plan as a “political stunt”": the outlet's gloss of a characterization, not
    // reported speech; a quoted label in it is handled as a scare quote.
    if (CHARACTERIZATION_RE.test(inner)) continue;
    // "who declined to be named": the speaker's anonymity, not something said.
    if (isAnonymityFormula(inner)) continue;
    const cand: QuoteCandidate = { start: st, end: en, kind: 'indirect', source: src, cue: w, cueSpan: { start: cs, end: ce }, relays: [], sameAs: null, words: 0, paragraph: pi };
    quotedAsSaying(text, cand);
    out.push(cand);
    // Keep the new attribution's words out of later matches.
    const span = { start: Math.min(src.start, cs), end: en };
    let q = spans.length;
    spans.push(span);
    while (q > 0 && spans[q - 1]!.start > span.start) { spans[q] = spans[q - 1]!; q--; }
    spans[q] = span;
    while (i + 1 < n && tStart[i + 1]! < en) i++;
  }
  addPassiveAgents(text, paragraphs, sentences, spans, out, skipBefore);
  return out;
}

/** "put the death toll at", "placed the number of displaced at", "pegged the cost at": a figure someone gives. */
const FIGURE_AT_RE = /\b(?:put|puts|putting|placed|places|pegged|pegs|set|sets)\s+((?:the|its|their|his|her|an?)\s+(?:[\p{L}-]+\s+){0,2}?(?:figure|number|toll|tally|total|count|estimate|cost|bill|size|value|losses|damage)(?:\s+of\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)?\s+at\s+(?:about|around|roughly|nearly|almost|more than|over|at least|some|up to|between|\$|€|£)?\s*[\d$€£])/giu;

/**
 * Attributions of a figure by "X put the toll at N" (the verbs of FIGURE_AT_RE): X the source, "put ... at" the cue
 * (its span the verb), "the toll at N ..." to the clause end the content; none where an attribution is found already
 * (`taken`).
 * @example findFigureAttributions('Officials put the death toll at 40.', sentences, paragraphs, [])[0].cue // 'put ... at'
 */
export function findFigureAttributions(text: string, sentences: readonly Span[], paragraphs: readonly Span[], taken: readonly Span[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  if (!/\s(?:put|puts|putting|placed|places|pegged|pegs|set|sets)\s/.test(text)) return out;
  FIGURE_AT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_AT_RE.exec(text)) !== null) {
    const cs = m.index;
    const ce = cs + m[0].indexOf(' ');
    const si = findSpanAt(sentences, cs);
    if (si < 0 || taken.some((t) => t.start <= cs && cs < t.end)) continue;
    const sent = sentences[si]!;
    const source = subjectBefore(text, sent.start, cs);
    if (!source) continue;
    const st = cs + m[0].length - m[1]!.length;
    // The figure's clause ends at a contrast or a semicolon: "..., while the army placed it at 85".
    const stop = /,\s+(?:while|whereas|but|although|though)\b|;/.exec(text.slice(st, sent.end));
    let en = stop ? st + stop.index : sent.end;
    while (en > st && /[\s.!?,;:]/.test(text[en - 1]!)) en--;
    const paragraph = paragraphs.findIndex((p) => p.start <= st && st < p.end);
    out.push({ start: st, end: en, kind: 'indirect', source, cue: `${text.slice(cs, ce)} ... at`, cueSpan: { start: cs, end: ce }, relays: [], sameAs: null, words: 0, paragraph: Math.max(0, paragraph) });
  }
  return out;
}

/** The anonymity formula after "declined", "asked" or "requested": "to be named", "not to be identified". */
const ANONYMITY_RE = /^(?:not\s+)?to\s+be\s+(?:named|identified|quoted|quoted\s+by\s+name)\b/i;

/**
 * True when a content is the anonymity formula ("who declined to be named", "asked not to be identified").
 * @example isAnonymityFormula('not to be identified') // true
 */
export function isAnonymityFormula(content: string): boolean {
  return ANONYMITY_RE.test(content);
}

/** The one quoted and "as saying" after "quoted" or "cited": "the minister as saying". */
const QUOTED_AS = String.raw`^((?:[\p{L}\d.’'-]+,?\s+){0,9}?[\p{L}\d.’'-]+)\s+as\s+(saying|telling|stating|writing|warning|adding)`;
/** "quoted the minister as saying (that) ...": the person quoted, "as saying", the content. */
const QUOTED_AS_RE = new RegExp(`${QUOTED_AS}\\b[\\s,:]*(?:that\\s+)?`, 'u');
const QUOTING_CUES = new Set(['quoted', 'quotes', 'quoting', 'cited', 'cites', 'citing']);

/**
 * "The agency quoted the minister as saying that prices would fall": the one quoted is the source and the
 * subject (the outlet) relays it; the cue reads "quoted as saying" (its span stays on the verb), the content is
 * what follows. Unchanged otherwise.
 * @example quotedAsSaying(text, cand) // cand.source: "the minister", cand.relays: ["The agency"]
 */
export function quotedAsSaying(text: string, cand: QuoteCandidate): void {
  if (!cand.source || !cand.cueSpan || !QUOTING_CUES.has((cand.cue ?? '').toLowerCase())) return;
  const m = QUOTED_AS_RE.exec(text.slice(cand.start, cand.end));
  if (!m || cand.start + m[0].length >= cand.end) return;
  const quoted = { start: cand.start, end: cand.start + m[1]!.length };
  cand.relays.push(cand.source);
  cand.source = quoted;
  cand.cue = `${cand.cue} as ${m[2]!}`;
  cand.start += m[0].length;
}

/** ", citing X," or ", quoting X," as a parenthesis: X, then what follows it (the content) or nothing (before the cue). */
const CITED_PAREN_RE = /^\s*,?\s*(?:citing|quoting)\s+((?:[\p{L}\d.’'-]+\s+){0,9}?[\p{L}\d.’'-]+)\s*,\s*(?:that\s+)?/u;

/**
 * "TASS reported, quoting the head of the ministry, that ..." and "The newspaper, citing officials, said ...": the one
 * cited is the source and the subject (the outlet) relays it. Unchanged otherwise.
 * @example citedInParenthesis(text, cand) // cand.source: "officials", cand.relays: ["The newspaper"]
 */
export function citedInParenthesis(text: string, cand: QuoteCandidate): void {
  if (!cand.source || !cand.cueSpan || cand.relays.length) return;
  const after = cand.kind === 'indirect' && cand.start >= cand.cueSpan.end ? CITED_PAREN_RE.exec(text.slice(cand.start, cand.end)) : null;
  if (after && cand.start + after[0].length < cand.end) {
    const st = cand.start + after[0].indexOf(after[1]!);
    cand.relays.push(cand.source);
    cand.source = { start: st, end: st + after[1]!.length };
    cand.start += after[0].length;
    return;
  }
  if (cand.source.end > cand.cueSpan.start) return;
  const between = text.slice(cand.source.end, cand.cueSpan.start);
  const m = CITED_PAREN_RE.exec(between);
  if (!m || m[0].length !== between.length) return;
  const st = cand.source.end + m[0].indexOf(m[1]!);
  cand.relays.push(cand.source);
  cand.source = { start: st, end: st + m[1]!.length };
}

/** What may follow "as saying" when the quote came before: nothing but the sentence's end. */
const QUOTED_AS_TAIL_RE = new RegExp(`${QUOTED_AS}[\\s.!?]*$`, 'u');

/**
 * '"Prices will fall," the agency quoted the minister as saying.': the quote-mark quote right before the subject (after
 * its comma) takes the one quoted as source, the subject as relay and the cue; the open attribution, whose content
 * would be "the minister as saying", is removed from `cands` (in place).
 * @example attachQuotedAsSaying(text, cands)
 */
export function attachQuotedAsSaying(text: string, cands: QuoteCandidate[]): void {
  let drop: Set<QuoteCandidate> | null = null;
  for (const c of cands) {
    if (c.kind !== 'indirect' || !c.source || !c.cueSpan || !QUOTING_CUES.has((c.cue ?? '').toLowerCase()) || c.source.end > c.cueSpan.start) continue;
    const m = QUOTED_AS_TAIL_RE.exec(text.slice(c.start, c.end + 3));
    if (!m) continue;
    const before = text.slice(Math.max(0, c.source.start - 4), c.source.start);
    if (!/[”"»’'],?\s*$|,\s*[”"»’']\s*$/.test(before)) continue;
    const q = cands.find((x) => x !== c && x.kind !== 'indirect' && !x.source && x.end <= c.source!.start && c.source!.start - x.end <= 4);
    if (!q) continue;
    q.kind = 'direct';
    q.relays.push(c.source);
    q.source = { start: c.start, end: c.start + m[1]!.length };
    q.cue = `${c.cue} as ${m[2]!}`;
    q.cueSpan = c.cueSpan;
    (drop ??= new Set()).add(c);
  }
  if (!drop) return;
  let k = 0;
  for (const c of cands) if (!drop.has(c)) cands[k++] = c;
  cands.length = k;
}

/** A passive cue with its agent: "was echoed by", "have been applauded by", "was asked by". */
const PASSIVE_AGENT_RE = /\b(?:is|are|was|were|(?:has|have|had)\s+been|been)\s+(?:(?:also|widely|quickly|repeatedly|sharply|strongly|publicly)\s+)?([a-z]+ed)\s+by$/;
/** Participles of saying and judging words beyond the curated cues; stances ("opposed by", "backed by") are not speech. */
const SPOKEN_PARTICIPLES = new Set(['echoed', 'applauded', 'praised', 'criticized', 'criticised', 'questioned', 'described', 'called', 'quoted', 'cited', 'challenged', 'disputed', 'rejected', 'welcomed', 'condemned', 'denounced', 'dismissed', 'ridiculed', 'mocked', 'blamed', 'accused', 'interviewed']);
/** The agent noun phrase: up to eight words, ending at punctuation or before a clause, relative or adjunct word. */
const AGENT_NP_RE = /^((?:[\p{L}\d.’'-]+\s+){0,7}?[\p{L}\d’'-]+\.?)(?=\s*(?:[,;:!?]|\.(?:\s|$)|$)|\s+(?:whether|if|to|that|who|which|about|how|why|what|in|on|at|during|after|before|for|as|when|while)\b)/u;
/** A clause after the agent: the content of "was asked by X whether ...". */
const AGENT_CLAUSE_RE = /^\s*,?\s*(?:whether|if|to|that|about|how|why|what)\b/i;

/**
 * Passive attributions with an agent (PolNeAR's source is the agent): "X's stridency was echoed by Jane
 * Doe" (content the subject), "Kim was asked by the moderator whether ..." (content the clause). The
 * participle must be a curated cue or a word of saying or judging (SPOKEN_PARTICIPLES).
 */
function addPassiveAgents(text: string, paragraphs: readonly Span[], sentences: readonly Span[], spans: Span[], out: QuoteCandidate[], skipBefore: number): void {
  // Each " by " of the text, and the passive read backwards from it (a scan for the auxiliaries at every word was slow).
  for (let by = text.indexOf(' by ', skipBefore); by >= 0; by = text.indexOf(' by ', by + 4)) {
    const from = Math.max(skipBefore, by - 60);
    const m = PASSIVE_AGENT_RE.exec(text.slice(from, by + 3));
    if (!m) continue;
    const verb = m[1]!;
    if (!isCuratedCue(verb) && !SPOKEN_PARTICIPLES.has(verb)) continue;
    const auxStart = from + m.index;
    let agentStart = by + 4;
    while (agentStart < text.length && text.charCodeAt(agentStart) === 32) agentStart++;
    const sent = sentences[findSpanAt(sentences, auxStart)];
    if (!sent || agentStart >= sent.end || covered(spans, auxStart) || covered(spans, agentStart)) continue;
    const am = AGENT_NP_RE.exec(text.slice(agentStart, Math.min(sent.end, agentStart + 120)));
    if (!am) continue;
    const agent = { start: agentStart, end: agentStart + am[1]!.length };
    let st: number;
    let en: number;
    if (AGENT_CLAUSE_RE.test(text.slice(agent.end, agent.end + 12))) {
      st = agent.end;
      while (st < sent.end && /[\s,]/.test(text[st]!)) st++;
      en = nextStart(spans, st, sent.end);
    } else {
      const subj = subjectBefore(text, Math.max(sent.start, skipBefore), auxStart);
      if (!subj) continue;
      st = subj.start;
      en = subj.end;
    }
    while (en > st && /[\s.!?,;:]/.test(text[en - 1]!)) en--;
    if (en - st < 3 || covered(spans, st)) continue;
    const pi = findSpanAt(paragraphs, st);
    out.push({ start: st, end: en, kind: 'indirect', source: agent, cue: m[0], cueSpan: { start: auxStart, end: by + 3 }, relays: [], sameAs: null, words: 0, paragraph: pi < 0 ? 0 : pi });
    spans.push({ start: Math.min(st, auxStart), end: Math.max(en, agent.end) });
    spans.sort((x, y) => x.start - y.start);
  }
}
