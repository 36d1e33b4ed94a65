/**
 * The quantity grammar: finds figures in text with their bounds, hedges, units, denominators and
 * direction, and tells amounts apart from numbers that name things (years, dates, times, ordinals,
 * designations like "F-35A", phone numbers, page and section numbers).
 *
 * One left-to-right pass: a global regex finds where a number may start; sticky regexes read the
 * number and what follows it; the left context (at most LEFT_WINDOW characters) gives hedges,
 * currency symbols and direction. No per-character allocation.
 */
import type { Qualifier } from '../../doc/types.js';
import type { Span } from '../../doc/span.js';
import { lexicons, type UnitInfo } from './lexicons.js';
import { NUMBER_START_RE, numberAt, type NumberAtom } from './numbers.js';

/** What a number found in text is. Only 'quantity' figures are amounts a claim can carry. */
export type NumberKind = 'quantity' | 'age' | 'year' | 'date' | 'time' | 'ordinal' | 'designation' | 'phone' | 'reference' | 'tolerance';

export interface Quantity extends Span {
  kind: NumberKind;
  low: number;
  high: number;
  qualifier: Qualifier;
  /** The unit as written ("per cent", "$", "km"), or null. */
  unit: string | null;
  /** Normalized unit name ("percentage", "dollar", "kilometre"), or null for bare counts. */
  normalizedUnit: string | null;
  /** Unit family: 'currency', 'percent', 'length', 'time', ... or null. */
  unitKind: string | null;
  /** Denominator: 20 in "12 out of 20", 5 in "one in five". */
  outOf: number | null;
  direction: 'up' | 'down' | null;
  /** Head noun of what is counted ("militants", "provinces"), as written. */
  of: string | null;
  /** The counted noun phrase ("Houthi fighters"), or null. */
  ofSpan: Span | null;
  /** Range written high-to-low ("from 4.8 to 4.7 percent"). */
  descending: boolean;
  /** Vague plural ("hundreds of", "tens of thousands of"). */
  vague: boolean;
  /** Introduced as a point of comparison ("up from 15,000", "compared with 12"). */
  baselineCue: boolean;
  /** Unit (or counted noun) taken from a neighbouring figure ("435 homes ... and 187"; "eight or nine euros"). */
  unitInferred: boolean;
}

/** How far left of a number the grammar looks for hedges, currency and direction. */
const LEFT_WINDOW = 48;

const TIME_COLON_RE = /\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:[ \u00a0]?(?:[ap]\.m\.|[ap]m(?![\p{L}])|[AP]M(?![\p{L}])))?/uy;
const TIME_SUFFIX_RE = /[ \u00a0]?(?:[ap]\.[ \u00a0]?m\.?|[ap]m(?![\p{L}])|[AP]\.?M\.?(?![\p{L}])|GMT(?![\p{L}])|UTC(?![\p{L}])|o'clock)/uy;
const NUMERIC_DATE_RE = /\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d.])/y;
const PHONE_RE = /\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)|\d{1,4}(?:[ .-]\d{2,4}){3,5}(?![\d,])/y;
const ORDINAL_RE = /(?:st|nd|rd|th)(?![\p{L}])/uy;
const DECADE_RE = /'?s(?![\p{L}])/uy;
/** Range separators; "8- to 16-meter" and "200,000 to-260,000" hang a hyphen beside "to". */
const RANGE_SEP_RE = /[ \u00a0]*(?:-[ \u00a0]*to(?![\p{L}])|to-(?=\d)|-|–|—|‐|‑|to|and|through)[ \u00a0]*/iuy;
const PER_RE = /[ \u00a0]*(?:(?:per|an?|each|every)(?![\p{L}])[ \u00a0]*|\/)/iuy;
const DENOM_RE = /[ \u00a0]+(?:out[ \u00a0]+of|of|in)[ \u00a0]+(?:(?:the|its|their|every)[ \u00a0]+)?(?:[\p{L}]+['’]s?[ \u00a0]+)?/iuy;
const ATTACHED_WORD_RE = /[\p{L}\p{N}]*(?:[-.+][\p{L}\p{N}]+)*/uy;
const NOUN_WORD_RE = /(?:[ \u00a0]+|[ \u00a0]*-[ \u00a0]*)([\p{L}][\p{L}'’&]*(?:-[\p{L}]+)*)/uy;
const OF_RE = /[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+|their[ \u00a0]+|its[ \u00a0]+|his[ \u00a0]+|her[ \u00a0]+|our[ \u00a0]+|my[ \u00a0]+|your[ \u00a0]+|them[ \u00a0]+)?/iy;
const TOLERANCE_LEFT_RE = /[\d\p{L}%)][ \u00a0]*(?:\+\/-|\+-|±)[ \u00a0]*$/u;
const LOWER_WORD_RE = /^\p{Ll}+$/u;
const THE_RE = /[ \u00a0]+the[ \u00a0]+/iy;
/** "1/16 of a US pint": a fraction of a unit. */
const OF_A_RE = /[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+(?:\p{Lu}{1,3}[ \u00a0]+)?/uy;
/** "a year earlier", "a month ago": "a" + time unit is no rate here. */
const NOT_RATE_AFTER_RE = /[ \u00a0]+(?:earlier|ago|later|before|after|prior|previously|since|back)(?![\p{L}])/iuy;
const FROM_LEFT_RE = /(?<![\p{L}])from[ \u00a0]+$/iuy;
const BETWEEN_LEFT_RE = /(?<![\p{L}])between[ \u00a0]+$/iuy;
const BASELINE_LEFT_RE = /(?<![\p{L}])(?:(?:up|down|rising|falling|rose|fell|climbing|dropping|increasing|decreasing|compared)[ \u00a0]+from|compared[ \u00a0]+(?:with|to)|versus|vs\.?|against)[ \u00a0]+$/iuy;
const MINUS_LEFT_RE = /(?<![\p{L}])minus[ \u00a0]+$/iuy;
const AGE_LEFT_RE = /\p{Lu}[\p{L}.'’-]*,[ \u00a0]$/uy;
const AGE_RIGHT_RE = /[ \u00a0]*(?:[,)]|\.(?:\s|$))/y;
/** A number and "." or ")" ending a line or followed by a space, at a line start. */
const LIST_MARKER_RE = /\d{1,3}[.)](?=[ \u00a0\t\n]|$)/y;
/** A bracketed citation number after a word: "(11)" then the end of the clause. */
const CITATION_MARK_RE = /\d{1,3}\)(?=[.,;:]|\s|$)/y;
/** Volume, issue or pages after ";" or "):" in a reference: "20(7)", "556–62". */
const JOURNAL_NUMBER_RE = /\d+(?:\(\d+\))?(?:[–-]\d+)?/y;
const ZERO_DAY_RE = /zero[ \u00a0\u2010\u2011-]days?\b/iy;
/** A capitalized word, a bare number and a conjunction right before the number: a list of designations. */
const DESIGNATION_LIST_RE = /\p{Lu}[\p{L}&.'’-]*[ \u00a0]+\d{1,4}[ \u00a0]*(?:,|and|or|&)[ \u00a0]*$/uy;
const PREV_WORD_RE = /([\p{L}&][\p{L}&.'’-]*)[ \u00a0]+$/uy;

/** Words that end the counted-noun phrase after a figure ("200 people *here*", "34 provinces *in*"). */
const STOP_WORDS = new Set(
  `a an the and or but nor of in on at by for from to with without into onto over under above below about around after before since until during
   per than as is are was were be been being am has have had do does did will would shall should can could may might must
   that which who whom whose this these those it its their his her our your my they them he she we you i there here
   not no yes so too very more most less least also only just even still yet already again ever never
   each every any some all both either neither other another such same own
   up down out off away back
   said says say told tells according reported reports added adding
   percent cent per-cent times while when where why how what if because though although whereas
   ago later earlier today yesterday tomorrow now then last next this year years month months week weeks day days
   against among between through across within toward towards via including plus minus like unlike`.split(/\s+/),
);

const NUMBER_WORD_RE = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)$/i;
/** Words between a figure and its noun that do not change what is counted ("eight more picks"). */
const SKIP_BEFORE_NOUN = new Set(['more', 'other', 'additional', 'extra', 'further']);
/** Plural heads that do not end in -s. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'troops', 'militia', 'aircraft', 'livestock', 'cattle', 'sheep', 'fish', 'deer', 'feet', 'teeth', 'mice', 'geese', 'crew', 'civilians', 'data']);

interface UnitMatch {
  end: number;
  surface: string;
  info: UnitInfo;
}

/** Read a unit starting at `pos` (optional space or hyphen first), with a "per X" tail. */
function unitAt(text: string, pos: number): UnitMatch | null {
  const lx = lexicons();
  lx.unitRe.lastIndex = pos;
  const m = lx.unitRe.exec(text);
  if (!m) return null;
  let info: UnitInfo | undefined;
  let surface: string;
  if (m.groups!.w !== undefined) {
    surface = m.groups!.w;
    info = lx.unitWords.get(surface.toLowerCase().replace(/\s+/g, ' '));
  } else {
    surface = m.groups!.a!;
    info = lx.unitAbbr.get(surface);
  }
  if (!info) return null;
  // An all-caps short time word is an acronym, not a unit: "203 HR" (home runs), "MIN", "SEC".
  if (info.kind === 'time' && surface.length <= 3 && m.groups!.w !== undefined && surface === surface.toUpperCase()) return null;
  // A spaced one-letter abbreviation is too ambiguous ("5 m" is fine, "5 s", "5 t", "5 h" read as letters of a list).
  if (surface.length === 1 && /[\p{L}]/u.test(surface) && /\s/.test(m[0][0]!) && !/[mgWVLCF]/.test(surface)) return null;
  let end = lx.unitRe.lastIndex;
  PER_RE.lastIndex = end;
  const per = PER_RE.exec(text);
  if (per && (per[0].includes('/') || info.kind === 'currency' || info.kind === 'count' || info.kind === 'length' || info.kind === 'weight' || info.kind === 'volume')) {
    lx.unitRe.lastIndex = PER_RE.lastIndex;
    const d = lx.unitRe.exec(text);
    if (d) {
      const ds = d.groups!.w ?? d.groups!.a!;
      const dinfo = d.groups!.w !== undefined ? lx.unitWords.get(ds.toLowerCase().replace(/\s+/g, ' ')) : lx.unitAbbr.get(ds);
      const e2 = lx.unitRe.lastIndex;
      NOT_RATE_AFTER_RE.lastIndex = e2;
      if (dinfo && (dinfo.kind === 'time' || dinfo.kind === 'area' || dinfo.kind === 'weight' || dinfo.kind === 'volume' || dinfo.kind === 'length') && !NOT_RATE_AFTER_RE.test(text)) {
        return { end: e2, surface: text.slice(pos, e2).trim(), info: { normalized: `${info.normalized} per ${dinfo.normalized}`, kind: info.kind } };
      }
    }
  }
  return { end, surface, info };
}

interface CountedNoun {
  span: Span;
  head: string;
  end: number;
}

function isPluralNoun(w: string): boolean {
  const l = w.toLowerCase();
  if (IRREGULAR_PLURALS.has(l)) return true;
  if (w.length < 4 || w === w.toUpperCase()) return false;
  // "fishermen", "gunmen", "women" (not "specimen").
  if (l.length >= 5 && /[^i]men$/.test(l)) return true;
  return /[^s'’]s$/.test(l) || /(?:ies|ches|shes|xes|sses)$/.test(l);
}

/** The counted noun phrase after a figure: up to four words, ending before a stop word or verb form. */
function countedNounAt(text: string, pos: number, singularOk: boolean, phraseOk = false): CountedNoun | null {
  let p = pos;
  OF_RE.lastIndex = p;
  const of = OF_RE.exec(text);
  let viaOf = false;
  if (of) {
    p = OF_RE.lastIndex - 1;
    viaOf = true;
  } else if (phraseOk) {
    // "half the condos"
    THE_RE.lastIndex = p;
    if (THE_RE.exec(text)) {
      p = THE_RE.lastIndex - 1;
      viaOf = true;
    }
  }
  let hyphenFirst = false;
  const words: { s: number; e: number; w: string }[] = [];
  for (let i = 0; i < 6 && words.length < 4; i++) {
    NOUN_WORD_RE.lastIndex = p;
    const m = NOUN_WORD_RE.exec(text);
    if (!m) break;
    const w = m[1]!;
    const l = w.toLowerCase();
    if (words.length === 0 && i === 0 && (SKIP_BEFORE_NOUN.has(l) || (viaOf && (l === 'most' || l === 'least')))) {
      p = NOUN_WORD_RE.lastIndex;
      continue;
    }
    // "one of the most gifted and unpredictable attackers": "and" between modifiers.
    if (l === 'and' && viaOf && words.length > 0 && !isPluralNoun(words[words.length - 1]!.w)) {
      p = NOUN_WORD_RE.lastIndex;
      continue;
    }
    if (STOP_WORDS.has(l) || NUMBER_WORD_RE.test(l)) break;
    if (words.length > 0 && /(?:ed|ing|ly)$/.test(l) && !IRREGULAR_PLURALS.has(l)) break;
    if (words.length === 0 && /ly$/.test(l)) break;
    const e = NOUN_WORD_RE.lastIndex;
    if (words.length === 0) hyphenFirst = m[0].includes('-') && !/^[ \u00a0]/.test(m[0]);
    words.push({ s: e - w.length, e, w });
    p = e;
    if (isPluralNoun(w)) break;
  }
  if (words.length === 0) return null;
  // A compound modifier names what is counted: "six-cylinder engine options" -> cylinder, "a two-month contract" -> month.
  if (hyphenFirst && !isPluralNoun(words[0]!.w) && words.length > 1) {
    const w0 = words[0]!;
    return { span: { start: w0.s, end: w0.e }, head: w0.w, end: w0.e };
  }
  // End the phrase at its last plural noun ("Houthi fighters", "European countries").
  let last = -1;
  for (let i = words.length - 1; i >= 0; i--) if (isPluralNoun(words[i]!.w)) { last = i; break; }
  if (last < 0 && phraseOk && viaOf) last = words.length - 1;
  // A singular compound after a figure: "a three course meal", "the 11 member trade agreement".
  if (last < 0 && !viaOf && words.length >= 2 && words.every((x) => LOWER_WORD_RE.test(x.w))) last = words.length - 1;
  if (last < 0) {
    if (!singularOk || viaOf) return null;
    last = words.length === 1 ? 0 : -1;
    if (last < 0) return null;
  }
  const first = words[0]!;
  const head = words[last]!;
  if (/^(?:ed|ing)$/.test(head.w)) return null;
  return { span: { start: first.s, end: head.e }, head: head.w, end: head.e };
}

function qualifierOfChange(q: Qualifier, extra: Qualifier | null): Qualifier {
  return extra ?? q;
}

/** One compiled copy of the start regex for the scanner (scanNumbers is synchronous and not re-entered). */
const START_RE = new RegExp(NUMBER_START_RE.source, NUMBER_START_RE.flags);

/**
 * Every number in `text` with its kind (amount, year, date, designation, ...). Spans are shifted by `offset`.
 * @example scanNumbers('About 2,000 militants in 2015').map((q) => q.kind) // ['quantity', 'year']
 */
export function scanNumbers(text: string, offset = 0): Quantity[] {
  const lx = lexicons();
  const out: Quantity[] = [];
  const re = START_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const p = m.index;
    // Inside a word or number already passed ("A2", "1.5" read from the 5): skip.
    const prev = p > 0 ? text.charCodeAt(p - 1) : 32;
    const isDigit = prev >= 48 && prev <= 57;
    if (isDigit) continue;
    const q = quantityAt(text, p, lx);
    if (!q) continue;
    re.lastIndex = Math.max(q.end, p + 1);
    q.start += offset;
    q.end += offset;
    if (q.ofSpan) {
      q.ofSpan.start += offset;
      q.ofSpan.end += offset;
    }
    out.push(q);
  }
  inheritUnits(text, out, offset);
  return out;
}

const SHARED_UNIT_GAP_RE = /^[ \u00a0]*-?[ \u00a0]*,?[ \u00a0]*(?:or|and|to|of(?:[ \u00a0]+the)?)?[ \u00a0]*$/i;
const CONVERSION_GAP_RE = /^[ \u00a0]*[(/][ \u00a0]*$/;
/** The same change restated or its resulting level: "up 0.25 points, or 0.01%", "ended down 1% at 1,463.78 points", "lost 1.1% to end at 1,334.20". */
const RESTATEMENT_GAP_RE = /^[ \u00a0]*(?:,[ \u00a0]*or|at|to[ \u00a0]+(?:end|close|finish|settle)[ \u00a0]+at)[ \u00a0]*$/;
const SENTENCE_END_RE = /[.!?;][ \u00a0\n]|\n/;

function copyUnit(to: Quantity, from: Quantity): void {
  to.unit = from.unit;
  to.normalizedUnit = from.normalizedUnit;
  to.unitKind = from.unitKind;
  to.of = from.of;
  to.ofSpan = from.ofSpan ? { ...from.ofSpan } : null;
  to.unitInferred = true;
}

/**
 * Bare figures take the unit of a neighbour: the next one when only "or"/"and"/"of the" stands between
 * ("eight or nine euros", "280 million of the 1.5 billion shekels"), else the last non-percent one
 * earlier in the sentence ("435 homes by open sale and 187 by tender").
 */
function inheritUnits(text: string, qs: Quantity[], offset: number): void {
  const bare = (q: Quantity): boolean => q.kind === 'quantity' && !q.normalizedUnit && !q.of && q.outOf === null && q.unitKind !== 'fraction' && !q.vague;
  // From the right first, so a list shares the unit written once at its end: "four-, five- and six-cylinder".
  for (let i = qs.length - 2; i >= 0; i--) {
    const q = qs[i]!;
    const next = qs[i + 1]!;
    if (bare(q) && next.kind === 'quantity' && (next.normalizedUnit || next.of) && SHARED_UNIT_GAP_RE.test(text.slice(q.end - offset, next.start - offset))) copyUnit(q, next);
  }
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const prev = i > 0 ? qs[i - 1]! : null;
    if (prev && prev.kind === 'quantity' && q.kind === 'quantity') {
      const gap = text.slice(prev.end - offset, q.start - offset);
      // A conversion in parentheses keeps the hedge: "just under 296 hp (224 kW / 300 PS)".
      if (q.qualifier === 'exact' && prev.qualifier !== 'exact' && CONVERSION_GAP_RE.test(gap)) q.qualifier = prev.qualifier;
      // A restatement keeps the change: "up 0.25 points, or 0.01%".
      if (q.direction === null && prev.direction !== null && RESTATEMENT_GAP_RE.test(gap)) q.direction = prev.direction;
    }
    if (!bare(q)) continue;
    // "1.356 billion ($1.762bn)": a bare figure converted in parentheses is in another currency, not the earlier figure's.
    const next = qs[i + 1];
    if (next && next.kind === 'quantity' && next.unitKind === 'currency' && /^[ \u00a0]*\($/.test(text.slice(q.end - offset, next.start - offset))) continue;
    for (let j = i - 1; j >= 0; j--) {
      const r = qs[j]!;
      if (SENTENCE_END_RE.test(text.slice(r.end - offset, q.start - offset))) break;
      if (r.kind !== 'quantity' || r.unitInferred) continue;
      if (r.unitKind === 'percent' || r.unitKind === 'fraction' || r.unitKind === 'age') continue;
      if (r.normalizedUnit || r.of) copyUnit(q, r);
      break;
    }
  }
}

/**
 * Figures that are amounts: counts, money, percentages, measures (not years, dates, times,
 * ordinals, designations, phone, page or section numbers, nor appositive ages).
 * @example findQuantities('up to 8,000 workers')[0] // { low: 8000, high: 8000, qualifier: 'up_to', of: 'workers', ... }
 */
export function findQuantities(text: string, offset = 0): Quantity[] {
  return scanNumbers(text, offset).filter((q) => q.kind === 'quantity');
}

function blank(start: number, end: number, kind: NumberKind, value: number): Quantity {
  return {
    start, end, kind, low: value, high: value, qualifier: 'exact', unit: null, normalizedUnit: null, unitKind: null,
    outOf: null, direction: null, of: null, ofSpan: null, descending: false, vague: false, baselineCue: false, unitInferred: false,
  };
}

const PRONOUN_ONE_LEFT_RE = /(?<![\p{L}])(?:the|this|that|same|any|no|every|each|which|on|a|an|another|such|little|last|only|right|wrong|big|new|old|first|second|next|favourite|favorite)[ \u00a0]+$/iuy;
const HALF_LEFT_RE = /(?<![\p{L}])(?:the|this|that|first|second|last|next|other|a|each|one)[ \u00a0]+$/iuy;
const HALF_RIGHT_RE = /[ \u00a0]+(?:of|the|a|an|its|their|his|her|our|all|as|that)(?![\p{L}])/iuy;
const CAP_WORD_LEFT_RE = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*[ \u00a0-]$/uy;

/**
 * False when number words name something rather than count it: "the same one", "keep half",
 * "BBC One", "Kick Six", "production-four-door".
 */
function notAmountWord(text: string, p: number, n: NumberAtom, left: string, lx: ReturnType<typeof lexicons>): boolean {
  const word = text.slice(p, n.end);
  if (/^\p{Lu}/u.test(word) && !atSentenceStart(left)) {
    const pw = tailExec(PREV_WORD_RE, left, 1);
    if (!pw || !lx.nameWordsNotDesignations.has(pw[1]!)) return false;
  }
  if (p > 1 && text[p - 1] === '-' && isLetter(text.charCodeAt(p - 2))) return false;
  const lower = word.toLowerCase();
  if (lower === 'one') {
    if (tailExec(PRONOUN_ONE_LEFT_RE, left, 1) !== null) return false;
    if (/^[ \u00a0]+(?:another|day|time|way|thing|point|reason)(?![\p{L}])/iu.test(text.slice(n.end, n.end + 10))) return false;
  }
  if (lower === 'half') {
    if (tailExec(HALF_LEFT_RE, left, 1) !== null) return false;
    HALF_RIGHT_RE.lastIndex = n.end;
    if (!HALF_RIGHT_RE.test(text)) return false;
  }
  return tailExec(CAP_WORD_LEFT_RE, left, 1) !== null || left.length === 0 || !/\p{L}$/u.test(left);
}

const LETTER_RE = /\p{L}/u;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/**
 * Match an end-anchored sticky regex against the tail of `s`, trying only word starts among the
 * last `maxWords` words (farthest first, so longer phrases win). Much cheaper than letting the
 * engine try every position of the left context.
 */
function tailExec(re: RegExp, s: string, maxWords: number, gate?: Set<string>): RegExpExecArray | null {
  if (gate && !gate.has(lastToken(s))) return null;
  const starts: number[] = [];
  let i = s.length - 1;
  while (i >= 0 && starts.length < maxWords) {
    while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
    if (i < 0) break;
    while (i >= 0 && !isSpaceCode(s.charCodeAt(i))) i--;
    starts.push(i + 1);
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    // A word may hold several candidate starts ("(US$", "~"): try each non-letter boundary inside it too.
    let st = starts[k]!;
    re.lastIndex = st;
    const m = re.exec(s);
    if (m) return m;
    while (st < s.length && !isLetter(s.charCodeAt(st)) && !isSpaceCode(s.charCodeAt(st))) st++;
    if (st !== starts[k]) {
      re.lastIndex = st;
      const m2 = re.exec(s);
      if (m2) return m2;
    }
  }
  // Symbols glued to the number ("$", "~", "sub-") start inside the last word.
  const last = starts[0];
  if (last !== undefined) {
    for (let j = last + 1; j < s.length; j++) {
      if (isLetter(s.charCodeAt(j)) && isLetter(s.charCodeAt(j - 1))) continue;
      re.lastIndex = j;
      const m = re.exec(s);
      if (m) return m;
    }
  }
  return null;
}

/** The last whitespace-delimited token of `s`, lower-cased ("" when none). */
function lastToken(s: string): string {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && !isSpaceCode(s.charCodeAt(b - 1))) b--;
  // Leading punctuation belongs to no word: "(December", ",minus", "“about".
  while (b < e && !isLetter(s.charCodeAt(b)) && !/[#§~$€£¥]/.test(s[b]!)) b++;
  return s.slice(b, e).toLowerCase();
}

const FROM_GATE = new Set(['from']);
const BETWEEN_GATE = new Set(['between']);
const MINUS_GATE = new Set(['minus']);
const BASELINE_GATE = new Set(['from', 'with', 'to', 'versus', 'vs', 'vs.', 'against']);

/** True when the left context ends a sentence or opens a quote/paren (or is empty). */
function atSentenceStart(left: string): boolean {
  let i = left.length - 1;
  while (i >= 0 && isSpaceCode(left.charCodeAt(i))) i--;
  return i < 0 || '.!?:;"“”(\n'.includes(left[i]!);
}

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !Number.isNaN(c) && LETTER_RE.test(String.fromCharCode(c));
}

/** Cheap gate for TOLERANCE_LEFT_RE: the left context ends in "-" or "±" (spaces aside). */
function endsWithTolerance(left: string): boolean {
  let i = left.length - 1;
  while (i >= 0 && isSpaceCode(left.charCodeAt(i))) i--;
  const c = left.charCodeAt(i);
  return c === 45 || c === 0xb1;
}

function quantityAt(text: string, p: number, lx: ReturnType<typeof lexicons>): Quantity | null {
  const c0 = text.charCodeAt(p);
  const digitStart = c0 >= 48 && c0 <= 57;
  const leftFrom = Math.max(0, p - LEFT_WINDOW);
  const left = text.slice(leftFrom, p);

  if (digitStart) {
    // A list marker opening a line ("24. What kind of ...", "54." before a reference), a citation marker
    // ("shown in trials (11)."), a journal's volume, issue and pages ("2010;20(7):556–62"): no amounts.
    if (p === 0 || text.charCodeAt(p - 1) === 10) {
      LIST_MARKER_RE.lastIndex = p;
      if (LIST_MARKER_RE.exec(text)) return blank(p, LIST_MARKER_RE.lastIndex - 1, 'ordinal', 0);
    }
    if (p > 0 && text.charCodeAt(p - 1) === 40) {
      CITATION_MARK_RE.lastIndex = p;
      if (CITATION_MARK_RE.exec(text)) return blank(p, CITATION_MARK_RE.lastIndex - 1, 'reference', 0);
    }
    if (p > 1 && (text.charCodeAt(p - 1) === 59 || (text.charCodeAt(p - 1) === 58 && text.charCodeAt(p - 2) === 41))) {
      JOURNAL_NUMBER_RE.lastIndex = p;
      if (JOURNAL_NUMBER_RE.exec(text)) return blank(p, JOURNAL_NUMBER_RE.lastIndex, 'reference', 0);
    }
    TIME_COLON_RE.lastIndex = p;
    if (TIME_COLON_RE.exec(text)) return blank(p, TIME_COLON_RE.lastIndex, 'time', 0);
    NUMERIC_DATE_RE.lastIndex = p;
    if (NUMERIC_DATE_RE.exec(text)) return blank(p, NUMERIC_DATE_RE.lastIndex, 'date', 0);
    PHONE_RE.lastIndex = p;
    if (PHONE_RE.exec(text) && (text[p - 1] === '+' || text[p - 1] === '(' || /\d{3}[ .-]\d{3}[ .-]\d{4}/.test(text.slice(p, PHONE_RE.lastIndex)))) {
      return blank(p - (text[p - 1] === '+' || text[p - 1] === '(' ? 1 : 0), PHONE_RE.lastIndex, 'phone', 0);
    }
  }

  const n1 = numberAt(text, p);
  if (!n1) return null;
  // "9.83e-3 +/- 1e-5": the uncertainty of the figure before, not a figure of its own.
  if (endsWithTolerance(left) && TOLERANCE_LEFT_RE.test(left.slice(-8))) return blank(p, n1.end, 'tolerance', n1.value);
  // "24/7", "9/11", "1/0": a slash pair that is no fraction names something.
  if (digitStart && !n1.fraction && text.charCodeAt(n1.end) === 47 && /\d/.test(text[n1.end + 1] ?? '')) {
    const n2 = numberAt(text, n1.end + 1);
    return blank(p, n2 ? n2.end : n1.end + 2, 'designation', n1.value);
  }
  if (!digitStart && !notAmountWord(text, p, n1, left, lx)) return blank(p, n1.end, 'designation', n1.value);
  // "a zero-day flaw", "IE zero-days": a security term, not a duration.
  if (!digitStart) {
    ZERO_DAY_RE.lastIndex = p;
    if (ZERO_DAY_RE.exec(text)) return blank(p, ZERO_DAY_RE.lastIndex, 'designation', 0);
  }
  let end = n1.end;

  // Glued to a word on the left: "F-35A", "MiG-29", "F-16", "A2", "COVID-19".
  if (digitStart && p > 0) {
    const pc = text.charCodeAt(p - 1);
    const glued = isLetter(pc) || pc === 94 /* ^ exponent */ || ((pc === 45 || pc === 0x2010 || pc === 0x2011 || pc === 0x2212) && p > 1 && (isLetter(text.charCodeAt(p - 2)) || (text[p - 2] === ' ' && p > 2 && /\p{Lu}/u.test(text[p - 3]!))));
    if (glued) {
      const cur = tailExec(lx.currencyLeftRe, left, 2);
      const subMatch = left.toLowerCase().endsWith('sub-');
      if (!cur && !subMatch) {
        ATTACHED_WORD_RE.lastIndex = p;
        ATTACHED_WORD_RE.exec(text);
        return blank(p, Math.max(ATTACHED_WORD_RE.lastIndex, n1.end), 'designation', n1.value);
      }
    }
  }

  // Ordinals ("9th", "21st") and decades ("the 1990s").
  if (digitStart && n1.plainInt) {
    ORDINAL_RE.lastIndex = n1.end;
    if (ORDINAL_RE.exec(text)) return blank(p, ORDINAL_RE.lastIndex, 'ordinal', n1.value);
    DECADE_RE.lastIndex = n1.end;
    if (n1.value >= 1000 && n1.value < 2200 && n1.value % 10 === 0 && DECADE_RE.exec(text)) return blank(p, DECADE_RE.lastIndex, 'year', n1.value);
    TIME_SUFFIX_RE.lastIndex = n1.end;
    if (n1.value <= 24 && TIME_SUFFIX_RE.exec(text)) return blank(p, TIME_SUFFIX_RE.lastIndex, 'time', n1.value);
  } else if (digitStart) {
    TIME_SUFFIX_RE.lastIndex = n1.end;
    if (n1.value <= 24 && /^\d{1,2}\.\d{2}$/.test(text.slice(p, n1.end)) && TIME_SUFFIX_RE.exec(text)) return blank(p, TIME_SUFFIX_RE.lastIndex, 'time', 0);
  }

  // Dates: "Sept. 30", "October 16-17", "30 September", "16-17 October".
  if (n1.plainInt && n1.value >= 1 && n1.value <= 31 && tailExec(lx.monthLeftRe, left, 2, lx.monthLast) !== null) {
    let e = n1.end;
    const rng = /^[ \u00a0]*[-–—][ \u00a0]*\d{1,2}(?!\d)/.exec(text.slice(e, e + 8));
    if (rng) e += rng[0].length;
    const yr = /^,?[ \u00a0]+\d{4}(?!\d)/.exec(text.slice(e, e + 8));
    if (yr) e += yr[0].length;
    return blank(p, e, 'date', n1.value);
  }
  if (n1.plainInt && n1.value >= 1 && n1.value <= 31) {
    let e = n1.end;
    const rng = /^[ \u00a0]*[-–—][ \u00a0]*\d{1,2}(?!\d)/.exec(text.slice(e, e + 8));
    if (rng) e += rng[0].length;
    lx.monthRightRe.lastIndex = e;
    if (lx.monthRightRe.exec(text)) return blank(p, lx.monthRightRe.lastIndex, 'date', n1.value);
  }

  // Page, section, article, flight numbers.
  if (n1.digits && !n1.scaled && tailExec(lx.referenceLeftRe, left, 2, lx.referenceLast) !== null) {
    ATTACHED_WORD_RE.lastIndex = n1.end;
    ATTACHED_WORD_RE.exec(text);
    return blank(p, ATTACHED_WORD_RE.lastIndex, 'reference', n1.value);
  }

  // Left context: currency, sign, hedge, direction, range and baseline cues.
  let start = p;
  let currency: string | null = null;
  let currencySurface: string | null = null;
  let rest = left;
  // "$-99.99": a minus between the currency symbol and the digits.
  let sign = 0;
  const lastL = left.charCodeAt(left.length - 1);
  if (digitStart && (lastL === 45 || lastL === 0x2212) && '$€£¥'.includes(left[left.length - 2] ?? ' ')) {
    sign = -1;
    start -= 1;
    rest = rest.slice(0, -1);
  }
  const cm = tailExec(lx.currencyLeftRe, rest, 2);
  if (cm && digitStart) {
    currencySurface = cm[1]!;
    currency = lx.currencyPrefix.get(currencySurface) ?? null;
    start -= cm[0].length;
    rest = rest.slice(0, rest.length - cm[0].length);
  }
  const sc = rest.charCodeAt(rest.length - 1);
  if (sign !== 0) {
    // read above
  } else if ((sc === 43 || sc === 45 || sc === 0x2212) && (rest.length === 1 || /[\s(\[]/.test(rest[rest.length - 2]!))) {
    sign = sc === 43 ? 1 : -1;
    start -= 1;
    rest = rest.slice(0, -1);
  } else if (tailExec(MINUS_LEFT_RE, rest, 1, MINUS_GATE)) {
    const mm = tailExec(MINUS_LEFT_RE, rest, 1, MINUS_GATE)!;
    sign = -2;
    start -= mm[0].length;
    rest = rest.slice(0, mm.index);
  }
  let qualifier: Qualifier = 'exact';
  const hm = rest.endsWith('~') || rest.toLowerCase().endsWith('sub-') ? tailExec(lx.hedgeLeftRe, rest, 1) : tailExec(lx.hedgeLeftRe, rest, 4, lx.hedgeLast);
  if (hm) {
    const phrase = hm[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    const q = lx.hedgeBefore.get(phrase);
    if (q) {
      qualifier = q;
      start -= hm[0].length;
      rest = rest.slice(0, hm.index);
    }
  }
  let direction: 'up' | 'down' | null = null;
  const dm = tailExec(lx.directionLeftRe, rest, 4, lx.directionLast);
  if (dm) direction = lx.directionUp.has(dm[1]!.toLowerCase()) ? 'up' : 'down';
  const fromCue = tailExec(FROM_LEFT_RE, rest, 1, FROM_GATE) !== null;
  const betweenCue = tailExec(BETWEEN_LEFT_RE, rest, 1, BETWEEN_GATE) !== null;
  const baselineCue = tailExec(BASELINE_LEFT_RE, rest, 2, BASELINE_GATE) !== null;

  // Unit right after the first number ("5% to 10%", "$800,000 to $1.3 million").
  let low = n1.value;
  let high = n1.high;
  let vague = n1.vague;
  let unit: UnitMatch | null = null;
  let currencyRate = false;
  // A one-letter scale ("5m") without a currency is a metre, mile or thousand only when a noun or unit follows.
  if (n1.letterScale && !currency && /m$/i.test(text.slice(p, n1.end))) {
    const u = unitAt(text, n1.end);
    const noun = u ? null : countedNounAt(text, n1.end, false);
    if (!(u && u.info.kind !== 'count') && !noun) {
      const raw = numberAt(text.slice(0, n1.end - 1), p);
      if (raw) {
        low = high = raw.value;
        end = raw.end;
      }
    }
  }
  unit = unitAt(text, end);
  if (unit && unit.info.kind === 'count' && !/times|fold/i.test(unit.surface)) unit = null;
  if (currency && !unit) {
    // "$3500 a month", "$10 per gram": the currency leads, the unit divides.
    PER_RE.lastIndex = end;
    if (PER_RE.exec(text)) {
      const d = unitAt(text, PER_RE.lastIndex);
      NOT_RATE_AFTER_RE.lastIndex = d ? d.end : 0;
      if (d && !NOT_RATE_AFTER_RE.test(text) && (d.info.kind === 'time' || d.info.kind === 'weight' || d.info.kind === 'area' || d.info.kind === 'volume' || d.info.kind === 'length')) {
        unit = { end: d.end, surface: text.slice(end, d.end).trim(), info: { normalized: `${currency} per ${d.info.normalized}`, kind: 'currency' } };
        currency = unit.info.normalized;
        currencyRate = true;
      }
    }
  }
  // A minus read before the figure applies before a range is read: "from -18 °C to -34 °C", "-78-0 degrees".
  let negated = false;
  if (sign === -2 || (sign === -1 && !(unit && unit.info.kind === 'percent'))) {
    const l = -high;
    high = -low;
    low = l;
    negated = true;
  }
  let rangeEnd = -1;
  let descending = false;
  let n2: NumberAtom | null = null;
  const afterFirst = unit ? unit.end : end;
  RANGE_SEP_RE.lastIndex = afterFirst;
  const sep = RANGE_SEP_RE.exec(text);
  if (sep) {
    // "8- to 16-meter", "200,000 to-260,000": a hanging hyphen beside "to" is still "to".
    const rawWord = sep[0].trim().toLowerCase();
    const word = rawWord.length > 2 && rawWord.includes('to') ? 'to' : rawWord;
    let q = RANGE_SEP_RE.lastIndex;
    let cur2: string | null = null;
    const curRight = /^(US ?\$|HK ?\$|[A-Z]{0,2}\$|€|£|¥|₹|₽|Y=)[ \u00a0]?/.exec(text.slice(q, q + 6));
    if (curRight) {
      cur2 = curRight[1]!;
      q += curRight[0].length;
    }
    let neg2 = false;
    if (digitStart && (text[q] === '-' || text[q] === '−') && /\d/.test(text[q + 1] ?? '')) {
      neg2 = true;
      q++;
    }
    const c2 = text.charCodeAt(q);
    const n2read = (c2 >= 48 && c2 <= 57) === digitStart || word !== '-' ? numberAt(text, q) : null;
    const n2try = n2read && neg2 ? { ...n2read, value: -n2read.value, high: -n2read.high } : n2read;
    if (n2try && !(n2try.digits && q > 0 && isLetter(text.charCodeAt(q - 1)))) {
      const dashy = word === '-' || word === '–' || word === '—' || word === '‐' || word === '‑';
      let v2 = n2try.value;
      let v1 = low;
      // "1.2 to 1.5 million": the scale written once applies to both ends.
      if (!n1.scaled && n2try.scaled && !unit && !n1.vague && Math.abs(low) < Math.abs(n2try.value / n2try.factor) * 10) v1 = low * n2try.factor;
      const yearPair = n1.plainInt && low >= 1000 && low < 2200 && n2try.plainInt && ((v2 >= 1000 && v2 < 2200) || (v2 < 100 && /^\d{2}$/.test(text.slice(q, n2try.end))));
      let ok = false;
      if (yearPair && !currency && !unit) ok = false;
      else if (dashy) ok = v2 > v1 && !n2try.vague;
      else if (word === 'to') ok = fromCue || (direction === null && v2 > v1);
      else if (word === 'and') ok = betweenCue;
      else if (word === 'through') ok = v2 > v1;
      // "2013-14", "1990-1995": a period, not a year or an amount.
      if (yearPair && !currency && !unit) return blank(p, n2try.end, 'date', n1.value);
      // "between 12 and 8 p.m.", "9 to 5 pm": a span of clock times.
      if (!currency && !unit && n1.value <= 24 && n2try.value <= 24) {
        TIME_SUFFIX_RE.lastIndex = n2try.end;
        if (TIME_SUFFIX_RE.exec(text)) return blank(p, TIME_SUFFIX_RE.lastIndex, 'time', n1.value);
      }
      if (ok && unit) {
        const u2 = unitAt(text, n2try.end);
        if (u2 && u2.info.normalized !== unit.info.normalized) ok = false;
      }
      if (ok && (cur2 === null || currency !== null || unit === null)) {
        n2 = n2try;
        if (cur2 && !currency) {
          currency = lx.currencyPrefix.get(cur2.replace(/\s/g, '')) ?? lx.currencyPrefix.get(cur2) ?? null;
          currencySurface = cur2;
        }
        descending = v2 < v1;
        low = Math.min(v1, v2);
        high = Math.max(v1, v2, n2try.high);
        if (n2try.vague) vague = true;
        rangeEnd = n2try.end;
        end = rangeEnd;
        const u2 = unitAt(text, end);
        if (u2 && (u2.info.kind !== 'count' || /times|fold/i.test(u2.surface))) unit = u2;
        else if (currencyRate) {
          // "from $350 per kg to $680 per kg": the rate written again after the second figure.
          PER_RE.lastIndex = end;
          const d = PER_RE.exec(text) ? unitAt(text, PER_RE.lastIndex) : null;
          if (d && unit && unit.info.normalized.endsWith(` per ${d.info.normalized}`)) unit = { ...unit, end: d.end };
        }
      }
    }
  }
  if (!n2 && unit) end = unit.end;
  else if (n2 && unit && unit.end > end) end = unit.end;

  // Hedges written after: "30,000-plus", "1,000 or more".
  lx.hedgeAfterRe.lastIndex = end;
  const ha = lx.hedgeAfterRe.exec(text);
  if (ha && qualifier === 'exact') {
    const q = lx.hedgeAfter.get(ha[1]!.toLowerCase().replace(/\s+/g, ' '));
    if (q && !(ha[1] === '+' && /\d/.test(text[lx.hedgeAfterRe.lastIndex] ?? ''))) {
      qualifier = q;
      end = lx.hedgeAfterRe.lastIndex;
    }
  }

  // Denominator: "12 out of 20", "one in five", "3 of 10".
  let outOf: number | null = null;
  if (!unit && !n2 && !n1.fraction) {
    DENOM_RE.lastIndex = end;
    const dn = DENOM_RE.exec(text);
    if (dn) {
      const q = DENOM_RE.lastIndex;
      const d = numberAt(text, q);
      const isIn = /in/i.test(dn[0]) && !/of/i.test(dn[0]);
      if (d && !d.vague && !d.fraction && d.value > low && (!isIn || (d.value <= 1000 && low <= 10))) {
        const dUnit = unitAt(text, d.end);
        const yearLike = d.plainInt && d.value >= 1000 && d.value < 2200;
        if (!dUnit && !yearLike) {
          outOf = d.value;
          end = d.end;
        }
      }
    }
  }

  // What is counted.
  let of: CountedNoun | null = null;
  if (!unit && n1.fraction && !n2 && !currency) {
    OF_A_RE.lastIndex = end;
    if (OF_A_RE.exec(text)) {
      const u = unitAt(text, OF_A_RE.lastIndex - 1);
      if (u && u.info.kind !== 'count' && u.info.kind !== 'percent') {
        unit = u;
        end = u.end;
      }
    }
  }
  if (!unit || unit.info.kind === 'count') {
    of = countedNounAt(text, end, low === 1 && high === 1, n1.fraction && !n2);
  } else if (unit.info.kind === 'percent') {
    // "40% of the Iraqi territory": what the share is of.
    OF_RE.lastIndex = end;
    if (OF_RE.test(text)) of = countedNounAt(text, end, false, true);
    // "40% of Islamic State": a name is no counted noun.
    if (of && !LOWER_WORD_RE.test(of.head)) of = null;
  }

  // Kinds that are not amounts.
  const noUnit = !unit && !currency;
  if (n1.plainInt && !n2 && noUnit && !sign && low >= 1000 && low < 2200 && qualifier === 'exact' && !outOf) {
    // Modern years stay years even before a plural noun ("2018 sales"); "2,000 people" is written with a comma.
    if (low >= 1900 || !of || !/^\p{Ll}/u.test(text.slice(of.span.start, of.span.start + 1))) {
      return blank(p, n1.end, 'year', n1.value);
    }
  }
  if (n1.plainInt && noUnit && !n2 && !of && qualifier === 'exact' && !outOf && low <= 120 && low >= 1 && tailExec(AGE_LEFT_RE, left, 1) !== null) {
    AGE_RIGHT_RE.lastIndex = n1.end;
    if (AGE_RIGHT_RE.exec(text)) {
      const a = blank(p, n1.end, 'age', n1.value);
      a.unit = null;
      a.normalizedUnit = 'year of age';
      a.unitKind = 'age';
      return a;
    }
  }
  // A bare number after a designation and a conjunction is one too: "Internet Explorer 8 and 9", "iPhone 12, 13".
  if (digitStart && n1.plainInt && noUnit && !n2 && !of && qualifier === 'exact' && !sign && !outOf && !direction && tailExec(DESIGNATION_LIST_RE, left, 3) !== null) {
    return blank(p, n1.end, 'designation', n1.value);
  }
  // A capitalized name right before a bare number (or a version, "Web 2.0") names a model or edition ("S&P 500", "iPhone 12", "Euro 2020").
  if (digitStart && (n1.plainInt || (!n1.scaled && !n1.fraction && /^\d{1,2}\.\d{1,2}$/.test(text.slice(n1.start, n1.end)))) && noUnit && !n2 && qualifier === 'exact' && !sign && !outOf && !direction) {
    const pw = tailExec(PREV_WORD_RE, left, 1);
    if (pw && /\p{Lu}/u.test(pw[1]!) && !lx.nameWordsNotDesignations.has(pw[1]!.replace(/[.,]$/, '')) && !lx.months.has(pw[1]!.replace(/\.$/, ''))) {
      const before = left.slice(0, pw.index);
      if (!atSentenceStart(before) && (!of || !/^\p{Ll}/u.test(text.slice(of.span.start, of.span.start + 1)))) {
        ATTACHED_WORD_RE.lastIndex = n1.end;
        ATTACHED_WORD_RE.exec(text);
        return blank(p, ATTACHED_WORD_RE.lastIndex, 'designation', n1.value);
      }
    }
  }
  // A bare number before a capitalized name is part of it ("787 Dreamliner", "Windows 10 Pro").
  if (digitStart && n1.plainInt && noUnit && !n2 && !of && qualifier === 'exact' && !outOf && !direction && /^[ \u00a0]\p{Lu}\p{Ll}/u.test(text.slice(n1.end, n1.end + 3))) {
    return blank(p, n1.end, 'designation', n1.value);
  }
  // Glued letters on the right that are no unit: "5G", "4x4", "737MAX".
  if (digitStart && !unit && !n2 && !n1.scaled && isLetter(text.charCodeAt(n1.end))) {
    ATTACHED_WORD_RE.lastIndex = n1.end;
    ATTACHED_WORD_RE.exec(text);
    return blank(p, ATTACHED_WORD_RE.lastIndex, 'designation', n1.value);
  }

  if (negated) {
    // applied before the range was read
  } else if (sign !== 0 && direction === null && unit && unit.info.kind === 'percent') {
    direction = sign > 0 ? 'up' : 'down';
  }

  const q = blank(start, end, 'quantity', low);
  q.low = low;
  q.high = high;
  q.qualifier = qualifierOfChange(qualifier, vague && qualifier === 'exact' ? 'approx' : null);
  q.unit = unit ? unit.surface : currencySurface;
  q.normalizedUnit = currency ?? (unit ? unit.info.normalized : null);
  q.unitKind = currency ? 'currency' : unit ? unit.info.kind : n1.fraction && !n2 ? 'fraction' : null;
  if (currency && unit && unit.info.kind !== 'currency') {
    // "$10 per gram": the currency leads, the unit divides.
    if (unit.info.kind === 'weight' || unit.info.kind === 'time' || unit.info.kind === 'area' || unit.info.kind === 'volume') {
      q.normalizedUnit = `${currency} per ${unit.info.normalized}`;
      q.unit = `${currencySurface} ${unit.surface}`;
    }
  }
  q.outOf = outOf;
  // A point of comparison is no change itself: "78 per cent, up from 50 per cent".
  q.direction = baselineCue && !n2 ? null : direction;
  q.of = of ? of.head : null;
  q.ofSpan = of ? of.span : null;
  q.descending = descending;
  q.vague = vague;
  q.baselineCue = baselineCue && !n2;
  return q;
}
