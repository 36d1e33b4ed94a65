/**
 * Quote detection over a Doc's text: direct quotes (quote-mark pairs), partial quotes (quoted
 * fragments inside reported speech) and indirect speech ("X said that ...", "..., X said.",
 * "According to X, ..."). Produces candidates with the speaker phrase as a span; resolving the
 * phrase to an entity is done in `resolve-speaker.ts`.
 */
import type { Span } from '../../doc/span.js';
import type { QuoteKind } from '../../doc/types.js';
import { CUE_VERBS, PARTICIPLE_CUES } from './data/cue-verbs.js';
import { MEDIUM_NOUN_ALT } from './data/media-of-speech.js';
import { DETERMINERS, GENERIC_SOURCES, MODIFIERS, PRONOUNS, ROLE_NOUNS } from './data/role-nouns.js';

/** A quote before speaker resolution. */
export interface QuoteCandidate extends Span {
  kind: QuoteKind;
  source: Span | null;
  cue: string | null;
  cueSpan: Span | null;
  /** Spans naming relays (outlets) to resolve into `via`. */
  relays: Span[];
  /** Index of another candidate whose speaker this one shares (participle cues, split quotes). */
  sameAs: number | null;
  /** Quote-mark length in words, for scare-quote filtering. */
  words: number;
  paragraph: number;
}

interface CueInfo {
  form: string;
  inverts: boolean;
  belief: boolean;
}

let cueTable: Map<string, CueInfo> | null = null;
let cueRe: RegExp | null = null;

/** The cue lexicon as a lookup table and one precompiled regex, built once per process. */
function cues(): { table: Map<string, CueInfo>; re: RegExp } {
  if (!cueTable || !cueRe) {
    cueTable = new Map();
    for (const v of CUE_VERBS) for (const f of v.forms) cueTable.set(f, { form: f, inverts: !!v.inverts, belief: !!v.belief });
    const forms = [...cueTable.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+'));
    // No lookbehind or unicode classes: they make the scan several times slower. The char before a
    // match is checked by hand in `findQuoteCandidates`.
    cueRe = new RegExp(`\\b(?:${forms.join('|')})\\b(?!-)`, 'gi');
  }
  return { table: cueTable, re: cueRe };
}

/**
 * True when a word or phrase is in the curated cue lexicon (`data/cue-verbs.ts`).
 * @example isCuratedCue('announced') // true
 */
export function isCuratedCue(word: string): boolean {
  return cues().table.has(word.toLowerCase());
}

function cueInfo(word: string): CueInfo {
  return cues().table.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? { form: word, inverts: false, belief: false };
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}.’'\-]*|[(),;:“”"«»—–]/gu;
const CONNECTORS = new Set(['of', 'for', 'and', 'at', 'in', 'on']);
/** Words that end a clause when walking back from a cue: "... as militants said". */
const CAP_STOP = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'As', 'If', 'When', 'While', 'Although', 'According', 'Yet', 'So', 'Also', 'However', 'Meanwhile', 'That', 'This', 'It', 'There']);
/** Words that never sit inside a speaker phrase. */
const FUNCTION_WORDS = new Set(['and', 'but', 'or', 'that', 'which', 'who', 'whom', 'what', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'be', 'been', 'not', 'also', 'then', 'than', 'to', 'as', 'by', 'with', 'from', 'into', 'about', 'after', 'before', 'when', 'while', 'because', 'said', 'says', 'told', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'if', 'so', 'there', 'here', 'why', 'how', 'where']);
const ADJECTIVE_RE = /^[a-z][a-z-]*(?:al|an|ian|ese|ic|ive|ary|ior|ern|ish|ed)$/;
/**
 * Words of a clause after the cue from which it is the reported clause, and the phrase before the speaker's comma an
 * adjunct ("In an interview last week, X said troops would stay"), not the content. 4 took "troops would stay" for a
 * tail; 3: train sample unchanged, dev content 80.2 -> 80.3 (two such adjuncts, both read wrong before).
 */
const LONG_CLAUSE_WORDS = 3;
/** Adjectives and participles that take a prepositional complement after a noun ("officials familiar with the matter"). */
const POSTMODIFIER_ADJECTIVES = new Set(['familiar', 'close', 'involved', 'briefed', 'knowledgeable', 'aware', 'opposed', 'loyal', 'critical', 'sympathetic', 'allied', 'linked', 'connected', 'affiliated', 'associated', 'responsible', 'based', 'working', 'speaking', 'present']);
/** Prepositions that open an adjunct between a subject and its cue ("at the time", "during the meeting", "in a statement"). */
const ADJUNCT_PREPOSITIONS = new Set(['at', 'in', 'on', 'during', 'over', 'after', 'before', 'since', 'until', 'with', 'from', 'under', 'through', 'amid', 'among', 'throughout', 'within', 'despite', 'following', 'by', 'via', 'upon']);
/** A lower-case noun with a possessive ending: "company’s", "officials'". */
const LOWER_POSSESSIVE_RE = /^\p{Ll}[\p{L}-]*(?:[’']s|s[’'])$/u;
/** A name, then an appositive opened by an article, filling the slot before a cue: "Jane Doe, a writer for X,". */
const SLOT_APPOSITIVE_RE = /^([^,;:“”"()]{2,60}?),\s*(?:a|an|the)\s[^;:“”"]{2,120},\s*$/i;
/** Quantifiers that open a speaker phrase like a determiner: "one questioner said", "several economists argue". */
const QUANTIFIERS = new Set(['one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'most', 'few', 'both', 'each', 'another', 'other']);
/** A capitalized name with a possessive ending: "Trump’s", "Reuters'". */
const POSSESSIVE_NAME_RE = /^\p{Lu}[\p{L}.-]*(?:[’']s|s[’'])$/u;
const WEEKDAY_RE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
}

/** A time adjunct closing the words before a cue: "on Tuesday", "last week", "earlier this month", "yesterday". */
const TIME_ADJUNCT_END_RE = /\s+(?:(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|next)\s+(?:week|month|year|weekend|night)|earlier\s+(?:this|that)\s+(?:week|month|year)|yesterday|today|tonight)\s*$/;

/**
 * Where the words before a cue end once a closing time adjunct is set aside ("The minister last week | said").
 * @example beforeTimeAdjunct('Doe on Tuesday said', 0, 15) // 3
 */
export function beforeTimeAdjunct(text: string, lo: number, end: number): number {
  const m = TIME_ADJUNCT_END_RE.exec(text.slice(Math.max(lo, end - 40), end));
  return m && end - m[0].length > lo ? end - m[0].length : end;
}

/**
 * The speaker phrase that ends right before `end` ("the Russian Foreign Ministry’s spokesperson",
 * "Doe", "he"), not starting before `lo`; null when the words before are not a speaker phrase.
 * @example speakerBefore('Ana Silva said', 0, 10) // { start: 0, end: 9 }
 */
export function speakerBefore(text: string, lo: number, end: number): Span | null {
  end = beforeTimeAdjunct(text, lo, end);
  // Most phrases are short: try a short window first and widen only when the walk reaches its start.
  let r: Span | null = WIDEN;
  if (end - lo > 48) r = speakerBeforeIn(text, lo, end, 48);
  if (r === WIDEN) r = speakerBeforeIn(text, lo, end, 160);
  return r && r !== WIDEN ? withoutMediumAdjunct(text, r) : null;
}

/** "in a statement", "during an interview", "on Twitter" closing a phrase: how it was said, not who. */
const MEDIUM_TAIL_RE = new RegExp(`\\s+(?:in|on|during|at|via|through|over)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?(?:${MEDIUM_NOUN_ALT})$`, 'iu');

/** A speaker phrase without a medium adjunct at its end ("The senator in a statement" gives "The senator"). */
function withoutMediumAdjunct(text: string, span: Span): Span {
  const m = MEDIUM_TAIL_RE.exec(text.slice(span.start, span.end));
  return m && m.index > 0 ? { start: span.start, end: span.start + m.index } : span;
}

/** Marker: the phrase may extend before the window. */
const WIDEN = { start: -1, end: -1 };

function speakerBeforeIn(text: string, lo: number, end: number, win: number): Span | null {
  const from = Math.max(lo, end - win);
  const cut = from > lo;
  const s = text.slice(from, end);
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(s)) !== null) {
    let w = m[0];
    let e = m.index + w.length;
    if (w.length > 1 && w.endsWith('.') && !/^(?:[A-Z][a-z]?|Gen|Col|Maj|Lt|Sgt|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Jr|Sr|St|Capt|Adm|Prof)\.$/.test(w) && !/^(?:\p{L}\.)+$/u.test(w)) {
      w = w.slice(0, -1);
      e--;
    }
    words.push(w);
    starts.push(from + m.index);
    ends.push(from + e);
  }
  const n = words.length;
  // The first word of a cut window may be partial: any decision that reads it needs the wider window.
  if (cut && n <= 2) return WIDEN;
  if (n === 0) return null;
  let minIdx = n;
  const last = words[n - 1]!;
  if (PRONOUNS.has(last.toLowerCase()) && last !== 'It' && last.toLowerCase() !== 'it') {
    return { start: starts[n - 1]!, end: ends[n - 1]! };
  }
  let first = -1;
  let hasHead = false;
  let paren = false;
  for (let i = n - 1; i >= 0 && n - i <= 14; i--) {
    minIdx = i - 2;
    const w = words[i]!;
    const lw = w.toLowerCase();
    if (w === ')') { paren = true; continue; }
    if (w === '(') { if (!paren) break; paren = false; continue; }
    if (paren) continue;
    const bare = lw.replace(/[’']s$/, '');
    if (isCap(w)) {
      if (CAP_STOP.has(w) && i < n - 1) { if (DETERMINERS.has(lw)) first = i; break; }
      if (CAP_STOP.has(w)) break;
      if (WEEKDAY_RE.test(w)) break;
      first = i;
      hasHead = true;
      continue;
    }
    if (ROLE_NOUNS.has(bare)) { first = i; hasHead = true; continue; }
    if (first >= 0 && (DETERMINERS.has(lw) && lw !== 'that' && lw !== 'this')) {
      first = i;
      // "Director of the Federal Security Service": the determiner sits inside the phrase.
      const w1 = i >= 2 ? words[i - 1]!.toLowerCase() : '';
      const w2 = i >= 2 ? words[i - 2]! : '';
      if ((w1 === 'of' || w1 === 'for' || w1 === 'at' || w1 === 'in') && (isCap(w2) || ROLE_NOUNS.has(w2.toLowerCase()))) continue;
      // The object of an adjunct ("The company on its website said"): the phrase before the adjunct, when there is one.
      if (ADJUNCT_PREPOSITIONS.has(w1) && w1 !== 'at' && w1 !== 'in') {
        const head = speakerBefore(text, lo, starts[i - 1]!);
        if (head) return withoutMediumAdjunct(text, head);
      }
      break;
    }
    if (first >= 0 && (MODIFIERS.has(lw) || ADJECTIVE_RE.test(lw))) { first = i; continue; }
    // A possessive noun before the head ("the company’s lawyer"): part of the phrase.
    if (first === i + 1 && LOWER_POSSESSIVE_RE.test(w)) { first = i; continue; }
    if (first === i + 1 && ROLE_NOUNS.has(words[i + 1]!.toLowerCase()) && lw.length > 2 && /^[a-z-]+$/.test(lw) && !FUNCTION_WORDS.has(lw)) { first = i; continue; }
    if (first >= 0 && CONNECTORS.has(lw) && i > 0 && (isCap(words[i - 1]!) || ROLE_NOUNS.has(words[i - 1]!.toLowerCase()))) continue;
    // "Analysts based in London": the name is the complement of an adjective modifying the phrase before it.
    if (first === i + 1 && i > 0 && (CONNECTORS.has(lw) || ADJUNCT_PREPOSITIONS.has(lw)) && POSTMODIFIER_ADJECTIVES.has(words[i - 1]!.toLowerCase())) {
      const head = speakerBefore(text, lo, starts[i - 1]!);
      if (head) return { start: head.start, end: ends[n - 1]! };
    }
    break;
  }
  if (first < 0 && /^[a-z][a-z-]+$/.test(last) && !FUNCTION_WORDS.has(last)) {
    // "The bank said", "the new report said": determiner + (adjectives) + common noun.
    for (let i = n - 2; i >= 0 && i >= n - 4; i--) {
      if (i <= 1) minIdx = Math.min(minIdx, i);
      const w = words[i]!;
      const lw = w.toLowerCase();
      // A possessive name opens the phrase as a determiner does ("Jane Doe’s brief said"): from the name's first word.
      if (POSSESSIVE_NAME_RE.test(w)) {
        let k = i;
        while (k > 0 && isCap(words[k - 1]!) && !CAP_STOP.has(words[k - 1]!) && !WEEKDAY_RE.test(words[k - 1]!)) k--;
        if (cut && k <= 1) return WIDEN;
        return { start: starts[k]!, end: ends[n - 1]! };
      }
      if ((DETERMINERS.has(lw) && lw !== 'that' && lw !== 'this') || QUANTIFIERS.has(lw)) {
        if (cut && minIdx <= 1) return WIDEN;
        const np = { start: starts[i]!, end: ends[n - 1]! };
        // "Two officials familiar with the matter", "a source close to the talks": an adjective and its
        // complement modify the phrase before them, which the whole speaker phrase opens with.
        if (i > 1 && POSTMODIFIER_ADJECTIVES.has(words[i - 2]!.toLowerCase())) {
          const head = speakerBefore(text, lo, starts[i - 2]!);
          if (head) return { start: head.start, end: np.end };
        }
        // The object of a preposition is no subject: "Trump at the time said", "The mayor during the meeting
        // said" give the phrase before the adjunct; "A member of the public said" keeps the phrase whole.
        const prep = i > 0 ? words[i - 1]!.toLowerCase() : '';
        if (ADJUNCT_PREPOSITIONS.has(prep)) return speakerBefore(text, lo, starts[i - 1]!);
        if (prep === 'of' || prep === 'for') {
          const head = speakerBefore(text, lo, starts[i - 1]!);
          return head ? { start: head.start, end: np.end } : np;
        }
        return np;
      }
      // A name may modify the noun ("the Petrova supporter", "a Pentagon spokesman").
      if (!(/^[a-z][a-z-]+$/.test(w) || (isCap(w) && !CAP_STOP.has(w) && !WEEKDAY_RE.test(w) && /^\p{Lu}[\p{L}-]*$/u.test(w))) || FUNCTION_WORDS.has(w)) break;
    }
  }
  if (cut && minIdx <= 1) return WIDEN;
  if (first < 0 || !hasHead) return null;
  // A phrase cannot end in a connector or start with one.
  while (first < n && CONNECTORS.has(words[first]!.toLowerCase())) first++;
  if (first >= n) return null;
  return { start: starts[first]!, end: ends[n - 1]! };
}

/** Words that open a clause, never a speaker phrase: "that the campaign ...", "whether ...". */
const CLAUSE_OPENER_RE = /^(?:that|whether|if|how|what|why|when|where|to)\s/i;
/** A name of two to four capitalized words between two commas, closing what precedes a cue: ", Jane Doe,". */
const APPOSITIVE_NAME_END_RE = /,\s*(?:\p{Lu}[\p{Ll}.’'-]+\s+){1,3}\p{Lu}[\p{Ll}.’'-]+\s*,$/u;

/** Words that make an appositive a clause ("Jane Doe, who was there, said"), kept out of a speaker phrase. */
const APPOSITIVE_CLAUSE_RE = /\b(?:who|whom|whose|which|that|when|where|while|is|was|has|had|according|citing|quoting)\b|[()“”"]/i;

const FORWARD_STOP_RE = /[,.;:"“”«»!?()]|\s(?:on|in|at|who|which|that|after|before|during|last|this|earlier|according|to|as|when|while|and\s+(?:said|added))\s/;

/**
 * The speaker phrase starting at `pos` ("the police chief" after an inverted cue, the NP after
 * "according to" or "citing"), with an appositive name folded in ("the head of X, Alexander Y").
 * @example speakerAfter('said the police chief.', 5, 22) // { start: 5, end: 21 }
 */
export function speakerAfter(text: string, pos: number, limit: number): Span | null {
  let p = pos;
  while (p < limit && text.charCodeAt(p) === 32) p++;
  const s = text.slice(p, Math.min(limit, p + 120));
  const m = FORWARD_STOP_RE.exec(s);
  let e = m ? m.index : s.length;
  // Keep abbreviation periods ("U.S.", "Gen.") inside the phrase.
  while (m && s[e] === '.' && /(?:\b[A-Z]|\b(?:Gen|Col|Maj|Lt|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|St))$/.test(s.slice(0, e)) && e + 1 < s.length) {
    const rest = FORWARD_STOP_RE.exec(s.slice(e + 1));
    e = rest ? e + 1 + rest.index : s.length;
  }
  let phrase = s.slice(0, e).trimEnd();
  if (!phrase) return null;
  const words = phrase.split(/\s+/);
  if (words.length > 12) return null;
  // A name, a role noun, a pronoun, or a short determiner phrase that ends the clause ("said the 46-year-old.").
  const hasHead = words.some((w) => isCap(w) || ROLE_NOUNS.has(w.toLowerCase().replace(/[’']s$/, '')) || PRONOUNS.has(w.toLowerCase())) || (words.length <= 4 && DETERMINERS.has(words[0]!.toLowerCase()) && /^(?:[,.;!?]|\s*$)/.test(s.slice(e)));
  if (!hasHead) return null;
  let end = p + phrase.length;
  // Appositive name: "the head of the service, Jane Doe."
  const app = /^,\s+((?:[A-Z][\p{L}.’'\-]*\s?){1,4})(?=[.,;]|$)/u.exec(text.slice(end, Math.min(limit, end + 60)));
  // Folded after a role phrase, also one opened by a capitalized determiner or a possessive ("The firm’s CEO, Jane Doe").
  if (app && (!isCap(words[0]!) || DETERMINERS.has(words[0]!.toLowerCase()) || (words.length > 1 && /[’']s$/.test(words[0]!)))) end = end + app[0].trimEnd().length;
  return { start: p, end };
}

/**
 * Auxiliaries and modals: a phrase holding one is a clause, not a noun phrase ("says Cruz will ..." is no
 * inverted speaker; a source span "he didn't know" ran into a clause).
 */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'do', 'won’t', "won't", 'didn’t', "didn't", 'doesn’t', "doesn't", 'isn’t', "isn't", 'wasn’t', "wasn't"]);
/**
 * What may follow an inverted speaker: the clause end, punctuation, or a time, place or relative
 * phrase ("..., said the chief on Monday", "..., said Jane Doe, who ..."). "that", a quote mark or a
 * verb after the phrase make it the subject of a reported clause ("..., warned Saturday that ...").
 */
const INVERTED_END_RE = /^\s*(?:$|[,.;:!?()—–-]|(?:on|in|at|during|after|before|last|this|earlier|later|according|while|when|who|which|as|to|of|from|told|adding|citing)\b)/i;
/** A sentence-opening conjunction or adverb before a clause's subject ("But Jane Doe, the ..., said"). */
const OPENING_CONJ_RE = /^\s*(?:but|and|yet|so|still|meanwhile|however|now|instead|also)\s*,?\s*$/i;
/** Time words: never a speaker ("..., warned Saturday that ..."). */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Lower-case words a capitalized speaker name may hold ("Secretary of State", "the head of"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'de', 'del', 'da', 'van', 'von', 'der', 'al', 'bin', 'la', 'le']);

/** invertedSpeaker for the phrase at `span`, and only what INVERTED_END_RE allows after it (up to `limit`). */
function invertedSpeakerAt(text: string, span: Span, limit: number): boolean {
  const phrase = text.slice(span.start, span.end);
  if (!invertedSpeaker(phrase) || !INVERTED_END_RE.test(text.slice(span.end, Math.min(limit, span.end + 12)))) return false;
  // A noun and a past tense closing the sentence are a clause ("..., said the talks failed."), not a
  // speaker; a participle going on is a noun phrase ("says a source involved in ...", "the accused").
  return !(PAST_CLAUSE_END_RE.test(phrase) && /^\s*[.!?]/.test(text.slice(span.end, span.end + 3)));
}

/** A noun (not a determiner) then a lower-case past tense ending a phrase. */
const PAST_CLAUSE_END_RE = /\b(?!(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)\s)[\p{L}’'-]+\s+[a-z]+ed$/u;

/**
 * True when the phrase `speakerAfter` read after an inverted cue ("..., said the police chief") is a
 * speaker and not the subject of the reported clause: "..., says Cruz will win" and "..., said she
 * turned out" are subject + cue + clause. A pronoun speaker stands alone; no auxiliary or modal; a
 * phrase opening with a capitalized name goes on with names (and joiners) only.
 * @example invertedSpeaker('the police chief') // true
 * @example invertedSpeaker('Cruz will') // false
 */
export function invertedSpeaker(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const first = words[0]!;
  const lf = first.toLowerCase();
  if (PRONOUNS.has(lf) && words.length > 1) return false;
  // A speaker opens with a name, a pronoun, a determiner, a number or a role word ("despite being ..." opens no noun phrase).
  if (!isCap(first) && !PRONOUNS.has(lf) && !DETERMINERS.has(lf) && !ROLE_NOUNS.has(lf) && !MODIFIERS.has(lf) && !GENERIC_SOURCES.has(lf) && !/^\d/.test(first)) return false;
  for (const w of words) if (CLAUSE_VERBS.has(w.toLowerCase())) return false;
  if (TIME_WORDS.has(lf.replace(/\.$/, ''))) return false;
  // A noun phrase does not end in a conjunction ("..., writes a weekly column and ...").
  if (/^(?:and|or|but)$/i.test(words[words.length - 1]!)) return false;
  if (isCap(first) && !DETERMINERS.has(first.toLowerCase())) {
    for (const w of words) if (!isCap(w) && !NAME_JOINERS.has(w.toLowerCase()) && !/^[\d.,’'-]+$/.test(w)) return false;
  }
  return true;
}

/**
 * Any short noun phrase after "according to", up to a comma or the clause end: "according to a new
 * poll by the Harvard Institute", "according to early results of the exit poll", "according to federal
 * statistics". PolNeAR counts documents, polls and results as sources.
 */
/** "according to plan", "according to schedule": idioms, no source. */
const ACCORDING_IDIOM_RE = /^(?:plan|schedule|script|tradition|custom|form|expectations?)$/i;

/**
 * Whether a cue and its source are an idiom ("according to plan"), no attribution.
 * @example isAccordingIdiom('according to', 'plan') // true
 */
export function isAccordingIdiom(cue: string, source: string): boolean {
  return /^according\s+to$/i.test(cue.trim()) && ACCORDING_IDIOM_RE.test(source.trim());
}

function nounPhraseAfter(text: string, pos: number, limit: number): Span | null {
  const slice = text.slice(pos, Math.min(limit, pos + 140));
  // A bare noun phrase of one to four words ("according to federal statistics", "according to show insiders").
  const m = /^\s+((?:the|a|an|its|his|her|their|early|new|recent|preliminary)\s+[^,;:"“”()]{2,120}?)(?=\s*(?:[,;:]|$))/.exec(slice)
    ?? (/^\s+([\p{Ll}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*){0,3})(?=\s*(?:[,;:.]|$))/u.exec(slice));
  if (!m) return null;
  const st = pos + m[0].length - m[1]!.length;
  return { start: st, end: st + m[1]!.trimEnd().length };
}

interface Pair {
  open: number;
  close: number;
  start: number;
  end: number;
}

const QUOTE_MARK_RE = /["“”«»„]|''/g;
const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

/** Quote-mark pairs in one paragraph; a quote left open runs to the paragraph end (multi-paragraph quotes). */
export function quotePairs(text: string, para: Span): Pair[] {
  const out: Pair[] = [];
  let open = -1;
  let outer = -1;
  const ptxt = text.slice(para.start, para.end);
  QUOTE_MARK_RE.lastIndex = 0;
  let qm: RegExpExecArray | null;
  while ((qm = QUOTE_MARK_RE.exec(ptxt)) !== null) {
    let i = para.start + qm.index;
    let ch = text[i]!;
    const mark = i;
    // Some archives write a double quote as two apostrophes: ''This isn't reform,'' said X.
    if (ch === "'" && text[i + 1] === "'") { ch = '"'; i++; }
    else if (ch === "'") continue;
    let opening: boolean;
    if (OPENERS.has(ch)) opening = true;
    // A closing mark that starts the paragraph before a letter is a mistyped opener: `”Fear. I am ...”`.
    else if (CLOSERS.has(ch)) opening = open < 0 && mark === para.start && /\p{L}/u.test(text[mark + 1] ?? '');
    else if (ch === '"') {
      const prev = mark === para.start ? ' ' : text[mark - 1]!;
      if (open >= 0 && text[open] === '"') opening = false;
      else opening = /[\s([{—–\-]/.test(prev) || open < 0;
    } else continue;
    if (opening) {
      // A curly quote opened inside a straight one (or the reverse) is nested: the outer stays open.
      if (open >= 0 && outer < 0 && (text[open] === '"') !== (ch === '"')) outer = open;
      open = mark;
    } else if (open >= 0) {
      out.push(trimPair(text, open, mark));
      open = outer;
      outer = -1;
    }
  }
  if (open >= 0 && para.end - open > 1) out.push(trimPair(text, open, para.end));
  // A nested pair closes before its outer one: keep the pairs in text order.
  return out.sort((a, b) => a.open - b.open);
}

function trimPair(text: string, open: number, close: number): Pair {
  let s = open + (text[open] === "'" ? 2 : 1);
  let e = close;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s,]/.test(text[e - 1]!)) e--;
  return { open, close, start: s, end: e };
}

function wordCount(text: string, s: number, e: number): number {
  let n = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const sp = c === 32 || c === 10 || c === 9;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** True when only spaces or tabs stand between `i` and the start of its line (or `lo`). */
function opensLine(text: string, lo: number, i: number): boolean {
  let j = i - 1;
  while (j >= lo && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 0xa0)) j--;
  return j < lo || text.charCodeAt(j) === 10;
}

function lastNonSpace(text: string, lo: number, i: number): number {
  let j = i - 1;
  while (j >= lo && /\s/.test(text[j]!)) j--;
  return j;
}

/**
 * Adjuncts between a cue and its clause: "warned Wednesday that", "said on Thursday that", "said in a video posted on
 * YouTube that", "said on its Telegram channel".
 */
const ADJUNCT_RE = new RegExp(`^(?:\\s+(?:on\\s+|last\\s+|this\\s+|early\\s+|late\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|earlier|recently|week|month|year|also|again|repeatedly|publicly|privately|later|previously|in\\s+(?:a|an|his|her|their|the)\\s+[\\w-]+(?:\\s+[\\w-]+)?|to\\s+reporters|at\\s+(?:a|the)\\s+[\\w-]+(?:\\s+[\\w-]+)?|on\\s+(?:(?:a|an|his|her|their|its|the)\\s+)?(?:[\\w-]+\\s+)?(?:${MEDIUM_NOUN_ALT})))*`, 'i');

/** Cues that take a clause without "that" ("she said prices will rise"); others need "that". */
export const ZERO_THAT = new Set(['said', 'says', 'say', 'saying', 'added', 'adds', 'adding', 'believes', 'believed', 'believe', 'thinks', 'think', 'thought', 'warned', 'warns', 'noted', 'notes', 'stressed', 'stresses', 'claimed', 'claims', 'argued', 'argues', 'insisted', 'insists', 'explained', 'wrote', 'writes', 'estimates', 'estimated', 'expects', 'expected', 'fears', 'hopes', 'acknowledged', 'admitted', 'suggested', 'suggests', 'predicted', 'predicts', 'confirmed', 'reported', 'reports', 'found', 'finds', 'shows', 'show', 'showed', 'stated', 'asserted', 'declared', 'complained', 'recalled', 'pointed out', 'knows', 'has learned', 'learned', 'understands', 'reiterated', 'emphasized', 'emphasised', 'alleged', 'alleges', 'concluded', 'continued', 'tweeted', 'writing', 'remarked', 'observed', 'commented', 'replied', 'responded', 'answered']);

interface SentenceCtx {
  text: string;
  s: number;
  e: number;
  /** Sentence end without final punctuation. */
  ce: number;
}

/** A speaker and a verb in the slot after a closing quote mark (`,” the judge exclaimed.`), the clause ending there. */
const SPEECH_SLOT_RE = /^\s*(?<src>(?:the|a|an|his|her|their|one|another)\s+[\p{Ll}\d][\p{L}\d’'-]*(?:\s+[\p{Ll}][\p{L}’'-]*){0,2}|(?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}.’'-]*|he|she|they|we|I)\s+(?<verb>[a-z]+(?:ed|s))(?=\s*[.,;]|\s+(?:on|in|at|to|during|after|before|as|while|with|from|and|but)\b)/du;
/** The inverted slot: `,” exclaimed the judge.`, `!” beamed Jane Doe of Riga, who ...` */
const SPEECH_SLOT_INV_RE = /^\s*(?<verb>[a-z]+ed)\s+(?<src>(?:(?:the|a|an)\s+[\p{Ll}\d][\p{L}\d’'-]*(?:\s+[\p{Ll}][\p{L}’'-]*){0,2}|(?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}.’'-]*)(?:\s+of\s+(?:[A-Z][\p{L}.’'-]*\s+){0,2}[A-Z][\p{L}.’'-]*)?)(?=\s*[.,;])/du;
/** Words of the speech slot that are not verbs of saying ("…,” she was, "…,” he has). */
const NOT_SPEECH_SLOT = new Set(['was', 'has', 'is', 'does', 'as', 'his', 'this', 'us', 'yes', 'its', 'less', 'unless', 'bus', 'gas', 'plus', 'thus', 'news', 'times', 'days', 'years', 'weeks', 'months', 'hours', 'minutes', 'seconds', 'needed', 'indeed', 'speed', 'seed', 'feed', 'red', 'bed', 'shed', 'led', 'fled', 'bred', 'wed']);

/** After "told": an object of one to eight words, then a subject pronoun and a finite verb (the pronoun opens the clause). */
/** A dash byline ending the paragraph after a quote: a capitalized name, then at most a short comma or bracket tail (title, handle, date). */
const DASH_BYLINE_RE = /^[\t\p{Zs}]*(?<dash>[―—–]|--)[\t\p{Zs}]*(?<src>\p{Lu}[\p{L}.’'-]*(?:[\t\p{Zs}]+(?:\p{Lu}[\p{L}.’'-]*|de|del|da|di|van|von|bin|al|la|le))*)[\t\p{Zs}]*(?:[,(][^“”"\n]{0,80})?[ \t.]*(?=\n|$)/du;
/** A bracketed aside ending right before a cue: "Jane Doe (D-Ohio), said". */
const PAREN_ASIDE_END_RE = /\s*\([^()]{1,30}\),?\s*$/;
/**
 * The subject opening a sentence and its verb (past or present tense): "The senator rallied ...", "Jane
 * Doe returned ...", "He then ...". A capitalized name of up to four words, a name's possessive and up to
 * three lower-case words ("Jane Doe’s campaign manager"), a determiner and up to three lower-case words, or
 * a subject pronoun; after an optional opening conjunction and an optional adjunct closed by a comma ("Hours
 * later, ...", "Responding to the plan, ..."). A subordinator is no name ("If elected, she ...").
 */
const CLAUSE_SUBJECT_RE = /^(?:(?:But|And|Yet|Then)\s+)?(?:[^,“”"\n]{2,90}?,\s+)?(?<src>(?:[A-Z][\p{L}.'-]*\s+){0,2}[A-Z][\p{L}.'-]*[’']s\s+[\p{Ll}][\p{L}’'-]*(?:\s+[\p{Ll}][\p{L}’'-]*){0,2}?|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[\p{Ll}\d][\p{L}\d’'-]*(?:\s+[\p{Ll}][\p{L}’'-]*){0,2}?|(?!(?:If|When|While|After|Before|Although|Though|Because|As|Since|Unless|Once|Until|Whether|Despite)\s)(?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}.'-]*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+(?:then\s+|later\s+|also\s+)?[a-z]+(?:ed|s)\b/du;

/**
 * The subject of the main clause of the sentence `[lo, end)` (CLAUSE_SUBJECT_RE), for a cue that has
 * none of its own: a participle after a comma ("X rallied supporters, saying: ...") or a verb coordinated
 * with the main one ("X leaned in and boomed: ...").
 * @example mainClauseSubject('Hours later, Jane Doe returned the favour, telling', 0, 42) // { start: 13, end: 21 }
 */
/** A subject, its verb and "and" right before a cue: "I laughed and | said", "Jane Doe beamed and | asked". */
const COORDINATED_SUBJECT_RE = /(?<src>\b(?:I|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}))\s+(?:then\s+)?[a-z]+(?:ed|s)\s+and\s+$/du;

/**
 * The subject of the verb a cue is coordinated with ("... and I laughed and said, “...”"), or null.
 * @example coordinatedSubject('Jane Doe beamed and asked', 0, 20) // { start: 0, end: 8 }
 */
export function coordinatedSubject(text: string, lo: number, end: number): Span | null {
  const m = COORDINATED_SUBJECT_RE.exec(text.slice(Math.max(lo, end - 80), end));
  if (!m) return null;
  const base = Math.max(lo, end - 80);
  const [s, e] = m.indices!.groups!.src!;
  const w = text.slice(base + s, base + e);
  // "The ..." or "But ..." opens a phrase this pattern cannot read whole; "It" is no speaker.
  return CAP_STOP.has(w.split(/\s+/)[0]!) ? null : { start: base + s, end: base + e };
}

export function mainClauseSubject(text: string, lo: number, end: number): Span | null {
  const m = CLAUSE_SUBJECT_RE.exec(text.slice(lo, end));
  if (!m) return null;
  const [s, e] = m.indices!.groups!.src!;
  return { start: lo + s, end: lo + e };
}
/** The byline of an embedded post closing its line: dash, display name, (@handle), then at most a date. */
const POST_BYLINE_RE = /[\t\p{Zs}]*(?<dash>[—―–]|--)[\t\p{Zs}]*(?<src>\p{Lu}[^()\n—―<>]{0,60}?)[\t\p{Zs}]*\(@\w{1,15}\)[^\n()<>@]{0,40}(?:<\/\w+>)?\.?$/du;
/** Links and media references that end a post's text ("pic.twitter.com/x", "https://t.co/x"), with what follows them. */
const POST_TAIL_RE = /[\t\p{Zs}]*(?:pic\.twitter\.com\/|https?:\/\/)\S*[\s\S]*$/gu;
/**
 * "told a gathering in X she will ...", "told Reuters the deal was near": the addressee, then a clause opened by a
 * subject pronoun and a verb, or by a determiner's noun phrase and an auxiliary.
 */
const TOLD_ZERO_THAT_RE = /^\s+(?:[^\s,.;:"“”]+\s+){1,8}?(?=(?:he|she|they|we|I)\s+(?:will|would|was|were|is|are|had|has|have|did|does|could|can|should|may|might|must|[a-z]+ed|[a-z]+s)\b|(?:the|a|an|his|her|its|their|this|these)\s+(?:[\p{L}\d’'-]+\s+){1,3}?(?:will|would|was|were|is|are|had|has|have|could|can|should|may|might|must)\s)/u;

/** Where the reported clause after a cue begins (skips adjuncts, the addressee of "told", and "that"); -1 if none. */
function clauseAfterCue(ctx: SentenceCtx, cueEnd: number, form: string, limitEnd: number): number {
  const { text } = ctx;
  let p = cueEnd;
  const adj = ADJUNCT_RE.exec(text.slice(p, Math.min(limitEnd, p + 120)));
  if (adj) p += adj[0].length;
  const rest = text.slice(p, Math.min(limitEnd, p + 120));
  if (form === 'told' || form === 'tells' || form === 'telling' || form === 'reminded' || form === 'urged' || form === 'urges' || form === 'asked') {
    const t = /^\s+(?:[^,.;:"“”]{1,70}?\s+)?that\s+/.exec(rest);
    if (t) return p + t[0].length;
    // "told a gathering in X she will ...": the object, then a clause opened by a subject pronoun and a verb.
    const z = form !== 'asked' && form !== 'urged' && form !== 'urges' && form !== 'reminded' ? TOLD_ZERO_THAT_RE.exec(rest) : null;
    return z ? p + z[0].length : -1;
  }
  const that = /^\s*,?\s*that\s+/.exec(rest);
  if (that) return p + that[0].length;
  if (!ZERO_THAT.has(form)) return -1;
  // "said it" is an object ("said it again") unless a verb follows ("said it was satisfied").
  if (/^\s*[,.;:!?]/.test(rest) || /^\s+(?:by|with|to|about|of|for|from|so|this|in|on|at)\b/i.test(rest) || /^\s+it\b(?!\s+(?:was|is|would|will|has|had|could|can|may|might|must|should|does|did|remains|wants|needs|expects|plans|hopes)\b)/i.test(rest)) return -1;
  const ws = /^\s+/.exec(rest);
  if (!ws) return -1;
  return p + ws[0].length;
}

/**
 * Find quote candidates in a doc's text. `paragraphs` and `sentences` are the Doc's layers.
 * @example findQuoteCandidates(text, paras, sents).map((q) => q.kind)
 */
export function findQuoteCandidates(text: string, paragraphs: readonly Span[], sentences: readonly Span[], skipBefore = 0): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const { re } = cues();
  // Every cue in the text in one pass (a per-paragraph scan would rescan to the next match).
  const allCueStarts: number[] = [];
  const allCueEnds: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 32;
    // "-said", "’s said", "ünsaid": not a cue word on its own.
    if (before === 45 || before === 0x2019 || before === 39 || before > 127) continue;
    allCueStarts.push(m.index);
    allCueEnds.push(m.index + m[0].length);
  }
  let ci = 0;
  let si = 0;
  let handleAt = text.indexOf('(@');
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi]!;
    const pairs = quotePairs(text, para);
    const consumed = new Set<number>();
    const pairCands: (number | null)[] = [];
    // Cue occurrences in this paragraph, outside quote marks.
    const cueStarts: number[] = [];
    const cueEnds: number[] = [];
    while (ci < allCueStarts.length && allCueStarts[ci]! < para.start) ci++;
    for (; ci < allCueStarts.length && allCueStarts[ci]! < para.end; ci++) {
      const at = allCueStarts[ci]!;
      if (!inPair(pairs, at)) { cueStarts.push(at); cueEnds.push(allCueEnds[ci]!); }
    }
    // Sentences of this paragraph.
    while (si < sentences.length && sentences[si]!.end <= para.start) si++;
    const sents: Span[] = [];
    for (let k = si; k < sentences.length && sentences[k]!.start < para.end; k++) sents.push(sentences[k]!);

    // 1. Direct and partial quotes from quote-mark pairs.
    for (const q of pairs) {
      const words = wordCount(text, q.start, q.end);
      if (words === 0 || q.end <= q.start) { pairCands.push(null); continue; }
      const pj = lastNonSpace(text, para.start, q.open);
      const prevCh = pj < para.start ? '' : text[pj]!;
      const terminal = /[.!?…]$/.test(text.slice(q.start, q.end).replace(/["”’']+$/, ''));
      const cand: QuoteCandidate = { start: q.start, end: q.end, kind: 'direct', source: null, cue: null, cueSpan: null, relays: [], sameAs: null, words, paragraph: pi };
      // (a) attribution after the closing mark: `," he said.` / `," said the police chief.`
      const afterStart = q.close + (text[q.close] === "'" ? 2 : 1);
      const sentAfter = sentenceOf(sents, para, Math.min(afterStart, para.end - 1));
      const afterLimit = Math.min(para.end, Math.max(sentAfter.end, afterStart));
      let found = false;
      const firstNext = text.slice(afterStart, Math.min(afterLimit, afterStart + 140));
      const lead = /^\s*[,—–\-]?\s*/.exec(firstNext)![0].length;
      const k = cueAt(cueStarts, afterStart, afterStart + 140);
      if (k >= 0 && cueStarts[k]! < afterLimit && !/[“"«]/.test(text.slice(afterStart + lead, cueStarts[k]!))) {
        const cs = cueStarts[k]!;
        const ce = cueEnds[k]!;
        const between = text.slice(afterStart + lead, cs).trim();
        let src: Span | null = null;
        if (!between) {
          const info = cueInfo(text.slice(cs, ce));
          if (info.inverts) {
            src = speakerAfter(text, ce, afterLimit);
            if (src && !invertedSpeakerAt(text, src, afterLimit)) src = null;
          }
        } else {
          const slotStart = afterStart + lead + (text.slice(afterStart + lead, cs).length - text.slice(afterStart + lead, cs).trimStart().length);
          let sp = speakerBefore(text, afterStart + lead, cs);
          // `,” Jane Doe, a writer for the magazine, said`: the name before an appositive opened by an article.
          const app = sp ? null : SLOT_APPOSITIVE_RE.exec(text.slice(slotStart, cs));
          if (app) sp = speakerBefore(text, slotStart, slotStart + app[1]!.length);
          if (sp && sp.start === slotStart) src = sp;
        }
        if (src || (!between && /^[,\s]*$/.test(text.slice(afterStart, afterStart + lead)))) {
          if (src) {
            cand.source = src;
            cand.cue = text.slice(cs, ce);
            cand.cueSpan = { start: cs, end: ce };
            consumed.add(cs);
            addRelays(text, cand, ce, afterLimit, cueStarts, consumed);
            found = true;
          }
        }
      }
      // (a2) any verb in the speech slot after a quote that closes on a comma, "?" or "!": `,” the judge
      // exclaimed.` / `?” interrupted the judge.` The construction itself marks speech; the verb need
      // not be in the cue lexicon.
      if (!found && /[,!?]\s*$/.test(text.slice(Math.max(q.start, q.end - 1), q.close))) {
        const after = text.slice(afterStart, Math.min(afterLimit, afterStart + 100));
        const m = SPEECH_SLOT_RE.exec(after) ?? SPEECH_SLOT_INV_RE.exec(after);
        if (m && !NOT_SPEECH_SLOT.has(m.groups!.verb!.toLowerCase())) {
          attachMatch(cand, m, afterStart, 'verb');
          found = true;
        }
      }
      // (a3) a byline after a quote that fills its line: `“...” ― Jane Doe` / `“...” — Jane Doe, a nurse.`
      // (testimonials, epigraphs, reader letters): the dash stands for the cue.
      if (!found && opensLine(text, para.start, q.open)) {
        const m = DASH_BYLINE_RE.exec(text.slice(afterStart, para.end));
        if (m && wordCount(m.groups!.src!, 0, m.groups!.src!.length) <= 6) {
          attachMatch(cand, m, afterStart, 'dash');
          found = true;
        }
      }
      // (b) attribution before the opening mark: `He said: “...` / `he told reporters, “...`
      if (!found && (prevCh === ':' || prevCh === ',')) {
        const sent = sentenceOf(sents, para, Math.max(para.start, pj));
        const kb = lastCueIn(cueStarts, Math.max(sent.start, pj - 100), pj);
        if (kb >= 0) {
          const cs = cueStarts[kb]!;
          const ce = cueEnds[kb]!;
          const form = text.slice(cs, ce).toLowerCase();
          let sp = speakerBefore(text, sent.start, cs);
          // "Jane Doe (D-Ohio), said, “...": the speaker before the bracketed aside.
          if (!sp) {
            const pm = PAREN_ASIDE_END_RE.exec(text.slice(Math.max(sent.start, cs - 40), cs));
            if (pm) sp = speakerBefore(text, sent.start, cs - pm[0].length);
          }
          // "..., saying: “..." / "..., telling Reuters, “...": the subject of the main clause.
          if (!sp && PARTICIPLE_CUES.has(form) && text[lastNonSpace(text, sent.start, cs)] === ',') {
            sp = mainClauseSubject(text, sent.start, cs);
          }
          // "I laughed and said, “...”": the subject of the verb the cue is coordinated with.
          if (!sp) sp = coordinatedSubject(text, sent.start, cs);
          // "Stated Jane Doe: “...": an inverted cue opening the sentence.
          if (!sp && !text.slice(sent.start, cs).trim() && cueInfo(form).inverts) {
            sp = speakerAfter(text, ce, pj);
            if (sp && (!invertedSpeakerAt(text, sp, pj + 1) || sp.end < lastNonSpace(text, ce, pj))) sp = null;
          }
          if (sp) {
            cand.source = sp;
            cand.cue = text.slice(cs, cueEnds[kb]!);
            cand.cueSpan = { start: cs, end: cueEnds[kb]! };
            consumed.add(cs);
            addRelays(text, cand, cueEnds[kb]!, pj, cueStarts, consumed);
            found = true;
          }
        }
      }
      const directPos = prevCh === '' || /[:.!?”"»]/.test(prevCh) || (prevCh === ',' && found);
      if (!directPos) cand.kind = 'partial';
      else if (words <= 3 && !terminal && !found) cand.kind = 'partial'; // scare quote unless speech is found around it
      pairCands.push(out.length);
      out.push(cand);
    }

    // 2. Indirect speech per sentence.
    for (const sent of sents) {
      let ce = sent.end;
      while (ce > sent.start && /[.!?…\s]/.test(text[ce - 1]!)) ce--;
      let cs0 = sent.start;
      if (skipBefore > cs0 && skipBefore < sent.end) cs0 = skipBefore;
      const ctx: SentenceCtx = { text, s: cs0, e: sent.end, ce };
      const tails: number[] = [];
      const found: QuoteCandidate[] = [];
      const forward: { cand: QuoteCandidate; cueStart: number }[] = [];
      // "As X put it, ...", "As reported by X, ...": the source and cue open the sentence, the content follows the comma.
      // Cheap test first: the sentence opens with "As", "And as" or "But as" (A or B).
      const as = text.charCodeAt(ctx.s) === 65 || text.charCodeAt(ctx.s) === 66 ? asAttribution(text, ctx.s, ce) : null;
      if (as) {
        // The cue reads "As ... put it" (a construction, as "put ... at"): no tagger confirmation needed for its source.
        found.push(mk('indirect', as.content.start, as.content.end, as.source, `As ... ${text.slice(as.cue.start, as.cue.end)}`, as.cue.start, as.cue.end, pi));
        for (let k = firstCueAtOrAfter(cueStarts, ctx.s); k < cueStarts.length && cueStarts[k]! < as.content.start; k++) consumed.add(cueStarts[k]!);
      }
      // Cues are in text order: start at the first one in the sentence (a scan from the paragraph's first cue was quadratic).
      for (let k = firstCueAtOrAfter(cueStarts, ctx.s); k < cueStarts.length && cueStarts[k]! < sent.end; k++) {
        const cs = cueStarts[k]!;
        if (consumed.has(cs)) continue;
        const cEnd = cueEnds[k]!;
        const cueText = text.slice(cs, cEnd);
        const form = cueText.toLowerCase().replace(/\s+/g, ' ');
        const info = cueInfo(form);
        if (form === 'according to') {
          const src = speakerAfter(text, cEnd, ce) ?? nounPhraseAfter(text, cEnd, ce);
          if (!src || ACCORDING_IDIOM_RE.test(text.slice(src.start, src.end))) continue;
          const before = text.slice(ctx.s, cs).trim();
          let cand: QuoteCandidate | null = null;
          if (!before || SENTENCE_CONNECTOR_RE.test(before)) {
            const comma = text.indexOf(',', src.end);
            if (comma < 0 || comma >= ce || comma - src.end > 3) continue;
            let st = comma + 1;
            while (st < ce && text.charCodeAt(st) === 32) st++;
            if (wordCount(text, st, ce) >= 3) cand = mk('indirect', st, ce, src, cueText, cs, cEnd, pi);
          } else if (before.endsWith(',')) {
            const end = lastNonSpace(text, ctx.s, cs);
            if (wordCount(text, ctx.s, end) >= 3) { cand = mk('indirect', ctx.s, end, src, cueText, cs, cEnd, pi); tails.push(end); }
          } else {
            // "That’s according to the report.": the pronoun stands for the content of the sentence before.
            const pr = /^(that|this|it)(?:[’']s|\s+is|\s+was)$/i.exec(before);
            const at = pr ? ctx.s + text.slice(ctx.s, cs).indexOf(pr[1]!) : -1;
            if (pr) cand = mk('indirect', at, at + pr[1]!.length, src, cueText, cs, cEnd, pi);
          }
          if (cand) { found.push(cand); consumed.add(cs); }
          continue;
        }
        const pc = lastNonSpace(text, ctx.s, cs);
        const prevComma = pc >= ctx.s && text[pc] === ',';
        if (PARTICIPLE_CUES.has(form) && prevComma) {
          const st = clauseAfterCue(ctx, cEnd, form, ce);
          if (st >= 0 && wordCount(text, st, ce) >= 3) {
            const cand = mk('indirect', st, ce, null, cueText, cs, cEnd, pi);
            cand.sameAs = -1; // the main clause's speaker, filled below
            forward.push({ cand, cueStart: cs });
          }
          continue;
        }
        let src = speakerBefore(text, ctx.s, cs);
        let nameStart = src ? src.start : -1;
        if (!src && prevComma) {
          // Inverted: "..., said the police chief."
          // "One of the lawyers, Jane Doe, said the videos show ...": an appositive name closes the subject, no inversion.
          const appositiveName = APPOSITIVE_NAME_END_RE.exec(text.slice(Math.max(ctx.s, pc - 60), pc + 1));
          if (info.inverts && !appositiveName) {
            const fw = speakerAfter(text, cEnd, ce);
            const endC = lastNonSpace(text, ctx.s, pc);
            // A clause after the cue is no speaker ("..., noted that the campaign faced ...").
            if (fw && !CLAUSE_OPENER_RE.test(text.slice(fw.start, fw.end)) && invertedSpeakerAt(text, fw, ce) && wordCount(text, ctx.s, endC + 1) >= 3) {
              const cand = mk('indirect', ctx.s, endC + 1, fw, cueText, cs, cEnd, pi);
              addRelays(text, cand, fw.end, ce, cueStarts, consumed);
              found.push(cand);
              tails.push(endC + 1);
              continue;
            }
          }
          // Apposition: "Omar Hale, the head of the department, said."
          // The appositive may hold commas of its own ("a developer and spokeswoman for X, which ..."):
          // try up to three earlier commas for a capitalized name that opens the clause.
          let prevC = pc;
          for (let tries = 0; tries < 3 && !src; tries++) {
            prevC = text.lastIndexOf(',', prevC - 1);
            if (prevC <= ctx.s || pc - prevC > 200) break;
            const name = speakerBefore(text, ctx.s, lastNonSpace(text, ctx.s, prevC) + 1);
            if (!name || !isCap(text.slice(name.start, name.end))) continue;
            const nb = lastNonSpace(text, ctx.s, name.start);
            if (nb < ctx.s || text[nb] === ',' || /[;:—–]/.test(text[nb]!) || OPENING_CONJ_RE.test(text.slice(ctx.s, name.start))) {
              src = name;
              nameStart = name.start;
              // After a role phrase, a short appositive name without a clause is part of the speaker phrase
              // ("The firm's CEO, Jane Doe, said"): the resolver then reads the name in it, not only the role.
              const appEnd = lastNonSpace(text, ctx.s, pc) + 1;
              if (tries === 0 && /\s\p{Ll}|[’']s\s/u.test(text.slice(name.start, name.end)) && appEnd > prevC + 1 && wordCount(text, prevC + 1, appEnd) <= 4 && /\s\p{Lu}|^\s*\p{Lu}/u.test(text.slice(prevC + 1, appEnd)) && !APPOSITIVE_CLAUSE_RE.test(text.slice(prevC + 1, appEnd))) src = { start: name.start, end: appEnd };
            }
          }
          // The lower-case phrase before the name is no name the loop takes ("one of the lawyers, Jane Doe,"): the name speaks.
          if (!src && appositiveName) {
            const nm = /\p{Lu}[^,]*?(?=\s*,$)/u.exec(appositiveName[0])!;
            const at = pc + 1 - appositiveName[0].length + nm.index;
            src = { start: at, end: at + nm[0].length };
            nameStart = at;
          }
        }
        if (!src) continue;
        const bj = lastNonSpace(text, ctx.s, nameStart);
        const beforeWords = wordCount(text, ctx.s, nameStart);
        const clause = clauseAfterCue(ctx, cEnd, form, ce);
        const thatNext = clause >= 0 && /that\s+$/.test(text.slice(cEnd, clause));
        const longClause = clause >= 0 && wordCount(text, clause, ce) >= LONG_CLAUSE_WORDS;
        if (bj >= ctx.s && text[bj] === ',' && beforeWords >= 3 && !thatNext && !longClause && !info.belief && !ASKED_CLAUSE_RE.test(text.slice(ctx.s, bj))) {
          // "..., X said (on Thursday)." The reported clause is before the speaker.
          const cand = mk('indirect', ctx.s, bj, src, cueText, cs, cEnd, pi);
          citing(text, cand, cEnd, ce);
          addRelays(text, cand, cEnd, ce, cueStarts, consumed);
          found.push(cand);
          tails.push(bj);
          consumed.add(cs);
          continue;
        }
        if (bj >= ctx.s && text[bj] === ',' && beforeWords >= 1 && /^\s*,/.test(text.slice(cEnd, cEnd + 3)) && form !== 'told') {
          // Parenthetical: "Washington, he said, is focused on ..." — the clause is the whole sentence.
          const cand = mk('indirect', ctx.s, ce, src, cueText, cs, cEnd, pi);
          found.push(cand);
          consumed.add(cs);
          continue;
        }
        const atStart = bj < ctx.s || thatNext || /[,;:—–]/.test(text[bj]!) || /\b(?:and|but|while|as|because|since|although|though|so|yet)$/i.test(text.slice(Math.max(ctx.s, bj - 10), bj + 1));
        if (!atStart || clause < 0) continue;
        if (wordCount(text, clause, ce) < 3) continue;
        let end = ce;
        // "While Moscow says it is targeting X, reports say ...": a subordinate clause's content ends at its comma.
        if (SUBORDINATE_OPEN_RE.test(text.slice(ctx.s, nameStart))) {
          const comma = text.indexOf(', ', clause);
          if (comma > clause && comma < ce) end = comma;
        }
        const cand = mk('indirect', clause, end, src, cueText, cs, cEnd, pi);
        addRelays(text, cand, cEnd, clause, cueStarts, consumed);
        forward.push({ cand, cueStart: cs });
        consumed.add(cs);
      }
      // A forward clause stops where a later sentence-final attribution begins.
      for (const f of forward) {
        for (const t of tails) if (t > f.cand.start && t < f.cand.end) f.cand.end = t;
        found.push(f.cand);
      }
      found.sort((a, b) => (a.cueSpan?.start ?? a.start) - (b.cueSpan?.start ?? b.start));
      for (const c of found) {
        if (c.sameAs === -1) {
          // Participle: the nearest earlier attribution in the sentence (indirect or a direct quote's).
          const cueS = c.cueSpan!.start;
          let best = -1;
          for (let i = out.length - 1; i >= 0; i--) {
            const o = out[i]!;
            if (o.cueSpan && o.cueSpan.start < cueS && o.cueSpan.start >= sent.start && o.paragraph === pi) { best = i; break; }
          }
          if (best < 0) for (const o of found) if (o !== c && o.cueSpan && o.cueSpan.start < cueS && o.sameAs !== -1) best = out.length; // placeholder
          c.sameAs = best >= 0 && best < out.length ? best : null;
        }
        c.end = Math.max(c.start, c.end);
        while (c.end > c.start && /[\s,;]/.test(text[c.end - 1]!)) c.end--;
        if (c.end > c.start) out.push(c);
      }
    }
    // 3. Embedded posts: a line closed by "— Jane Doe (@janedoe) June 28, 2016" is that account's words.
    // The next "(@" in the text, found once per document pass (a per-paragraph search to the end would be quadratic).
    if (handleAt >= 0 && handleAt < para.start) handleAt = text.indexOf('(@', para.start);
    for (let ls = para.start; handleAt >= 0 && handleAt < para.end && ls < para.end; ) {
      let le = text.indexOf('\n', ls);
      if (le < 0 || le > para.end) le = para.end;
      const m = le - ls > 20 && text.lastIndexOf('(@', le) >= ls ? POST_BYLINE_RE.exec(text.slice(ls, le)) : null;
      // The post may be the paragraph before (a byline paragraph of its own).
      const lo = pi > 0 ? paragraphs[pi - 1]!.start : para.start;
      const post = m ? postText(text, lo, ls, ls + m.index) : null;
      if (m && post && !out.some((c) => c.start < post.end && post.start < c.end)) {
        const cand = mk('direct', post.start, post.end, null, '', 0, 0, post.start < para.start ? pi - 1 : pi);
        attachMatch(cand, m, ls, 'dash');
        out.push(cand);
      }
      ls = le + 1;
    }
    void pairCands;
  }
  return out;
}

/**
 * The text of an embedded post whose byline starts at `bylineAt` on the line starting at `ls`: the line before
 * the byline, or the line above when the byline stands alone (as extractors lay embeds out); a markup tag
 * opening it and trailing links are cut. Null when under three words.
 */
function postText(text: string, lo: number, ls: number, bylineAt: number): Span | null {
  let s = ls;
  let e = bylineAt;
  if (!text.slice(ls, bylineAt).trim()) {
    e = ls;
    while (e > lo && /\s/.test(text[e - 1]!)) e--;
    if (e <= lo || ls - e > 3) return null;
    s = Math.max(lo, text.lastIndexOf('\n', e - 1) + 1);
  }
  if (text[s] === '<') {
    const gt = text.indexOf('>', s);
    if (gt < 0 || gt >= e) return null;
    s = gt + 1;
  }
  POST_TAIL_RE.lastIndex = 0;
  const tail = POST_TAIL_RE.exec(text.slice(s, e));
  if (tail) e = s + tail.index;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return wordCount(text, s, e) >= 3 ? { start: s, end: e } : null;
}

/** Sets a candidate's source from a match's `src` group and its cue from `cueGroup`; match offsets are relative to `base`. */
function attachMatch(cand: QuoteCandidate, m: RegExpExecArray, base: number, cueGroup: 'verb' | 'dash'): void {
  const [ss, se] = m.indices!.groups!.src!;
  const [cs, ce] = m.indices!.groups![cueGroup]!;
  cand.source = { start: base + ss, end: base + se };
  cand.cue = m.groups![cueGroup]!;
  cand.cueSpan = { start: base + cs, end: base + ce };
}

function inPair(pairs: Pair[], pos: number): boolean {
  for (let i = 0; i < pairs.length; i++) if (pos > pairs[i]!.open && pos < pairs[i]!.close) return true;
  return false;
}

/** Index of the first cue start at or after `pos` (binary search over the sorted starts); `length` when none. */
function firstCueAtOrAfter(cueStarts: number[], pos: number): number {
  let lo = 0;
  let hi = cueStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cueStarts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cueAt(cueStarts: number[], from: number, to: number): number {
  const k = firstCueAtOrAfter(cueStarts, from);
  return k < cueStarts.length && cueStarts[k]! < to ? k : -1;
}

function sentenceOf(sents: Span[], para: Span, pos: number): Span {
  for (let i = 0; i < sents.length; i++) if (pos >= sents[i]!.start && pos < sents[i]!.end) return sents[i]!;
  return para;
}

/** "As stated in the report, ...", "As first reported by X, ...": a passive cue and its agent opening the sentence. */
const AS_PASSIVE_RE = /^(?:(?:But|And)\s+[Aa]s|As)\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:first\s+|earlier\s+|previously\s+)?(?<cue>(?:stated|reported|noted|described|written|explained|announced|detailed|outlined)\s+(?:in|by))\s+(?<src>[^,;:“”"()]{2,90}?),\s+(?<content>\S[^]*)$/du;
/** "As X put it, ...", "As the senator, a lawyer, noted on Monday, ...": a speaker and a cue opening the sentence. */
const AS_ACTIVE_RE = /^(?:(?:But|And)\s+[Aa]s|As)\s+(?!(?:a|an|it|if|well|long|soon|much|many|far|expected|usual|always|of|for|to|such|part|soon|though|with|in|on|at)\b)(?<src>[^,;:“”"()]{2,60}?)(?:,\s*(?:a|an|the)\s[^,;:“”"()]{2,100},)?\s+(?:(?:\w+ly|also|once|later|then)\s+)?(?<cue>put\s+it|noted|notes|said|says|wrote|writes|reported|reports|explained|explains|argued|argues|observed|observes|pointed\s+out|points\s+out|recalled|recalls|has\s+(?:said|noted|argued|written|pointed\s+out|observed))\b[^,;:“”"]{0,40},\s+(?<content>\S[^]*)$/du;

/**
 * An attribution opening its sentence with "As": "As Jane Doe put it, the plan is a gamble", "As reported by
 * the Associated Press, the deal collapsed". Source, cue and the content after the comma, or null.
 * @example asAttribution('As Jane Doe put it, the plan is a gamble', 0, 40)?.content // { start: 20, end: 40 }
 */
export function asAttribution(text: string, start: number, end: number): { source: Span; cue: Span; content: Span } | null {
  const slice = text.slice(start, end);
  const m = AS_PASSIVE_RE.exec(slice) ?? AS_ACTIVE_RE.exec(slice);
  if (!m) return null;
  const g = m.indices!.groups!;
  const [ss, se] = g.src!;
  const [cs, ce] = g.cue!;
  const [ts] = g.content!;
  let te = slice.length;
  while (te > ts && /[\s.,;!?]/.test(slice[te - 1]!)) te--;
  if (wordCount(slice, ts, te) < 3) return null;
  return { source: { start: start + ss, end: start + se }, cue: { start: start + cs, end: start + ce }, content: { start: start + ts, end: start + te } };
}

function mk(kind: QuoteKind, start: number, end: number, source: Span | null, cue: string, cs: number, ce: number, paragraph: number): QuoteCandidate {
  return { start, end, kind, source, cue, cueSpan: { start: cs, end: ce }, relays: [], sameAs: null, words: 0, paragraph };
}

function lastCueIn(cueStarts: number[], from: number, to: number): number {
  const k = firstCueAtOrAfter(cueStarts, to) - 1;
  return k >= 0 && cueStarts[k]! >= from ? k : -1;
}

/** A subordinator opening the sentence right before the subject ("While X said ...", "Even though X argued ..."): its content ends at the clause's comma. */
export const SUBORDINATE_OPEN_RE = /^\s*(?:While|Although|Though|Whereas|Because|Since|If|As|When|Whenever|After|Before|Once|Until|Unless|Even\s+(?:though|if|as|when))\s+$/;

/** A participle clause opening the sentence says what the speaker was asked, not what was said: "Asked about the plan, X said it would pass". */
const ASKED_CLAUSE_RE = /^(?:(?:When|After|Once|If|While)\s+)?(?:asked|pressed|questioned|reached|contacted|interviewed|speaking|responding|replying)\b/i;

/** A connective opening the sentence before "according to X, ...": "But according to a new poll, ...". */
const SENTENCE_CONNECTOR_RE = /^(?:but|and|yet|so|now|still|also|however|meanwhile|indeed|moreover|instead|then|in fact|at least)[,]?$/i;

const RELAY_ACCORDING_RE = /^[^.;]{0,80}?,?\s*according\s+to\s+/i;

/** Relays after a cue: "told RIA Novosti", ", according to Sputnik News". */
function addRelays(text: string, cand: QuoteCandidate, from: number, limit: number, cueStarts: number[], consumed: Set<number>): void {
  if (limit <= from) return;
  const form = (cand.cue ?? '').toLowerCase();
  if (form === 'told' || form === 'tells') {
    const sp = /^\s+((?:the\s+)?(?:[A-Z][\p{L}\p{N}’'\-]*(?:\s|(?=[.,;:!?])|$)){1,5})/u.exec(text.slice(from, Math.min(limit, from + 80)) + ' ');
    if (sp) {
      const st = from + sp[0].length - sp[1]!.length;
      const name = sp[1]!.trimEnd();
      cand.relays.push({ start: st, end: st + name.length });
    }
  }
  const rest = text.slice(from, Math.min(limit, from + 160));
  const acc = RELAY_ACCORDING_RE.exec(rest);
  if (acc) {
    const at = from + acc[0].length;
    const sp = speakerAfter(text, at, limit);
    if (sp) {
      cand.relays.push(sp);
      const accStart = from + acc[0].search(/according/i);
      for (const c of cueStarts) if (c === accStart) consumed.add(c);
    }
  }
}

/** "Sputnik News reported, citing (quoting) the head of ...": the cited person is the speaker, the outlet a relay. */
function citing(text: string, cand: QuoteCandidate, from: number, limit: number): void {
  const m = /^\s*,?\s*(?:citing|quoting)\s+/.exec(text.slice(from, Math.min(limit, from + 20)));
  if (!m || !cand.source) return;
  const sp = speakerAfter(text, from + m[0].length, limit);
  if (!sp) return;
  cand.relays.push(cand.source);
  cand.source = sp;
}
