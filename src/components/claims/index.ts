/**
 * The `claims` component: every numeric figure in the article becomes a Claim with what it counts,
 * who or what it is about, where, and who claims it (quote speaker, named source, or the outlet).
 */
import type { Doc } from '../../doc/doc.js';
import type { Span } from '../../doc/span.js';
import type { Claim, Mention } from '../../doc/types.js';
import { defineComponent } from '../../pipeline/component.js';
import { findQuantities, type Quantity } from './quantities.js';
import { placeLexicon } from './places.js';

export { findQuantities, scanNumbers } from './quantities.js';
export type { Quantity, NumberKind } from './quantities.js';

/** "According to UN data", "according to the country's health ministry". Group 1 is the source name. */
const ACCORDING_RE = /[Aa]ccording\s+to\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.]*['’]s?\s+)?((?:[\p{Lu}][\p{L}\p{N}&.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[\p{Lu}][\p{L}\p{N}&.'’-]*)*)/gu;
/** "Iraqi authorities claim", "The ministry estimates". Group 1 is the source. */
const SOURCE_VERB_RE = /((?:[\p{Lu}][\p{L}\p{N}&.'’-]*\s+){1,4}(?:authorities|officials|government|ministry|military|police|sources|forces|intelligence|data)?)\s*(?:claim|claims|claimed|say|says|said|estimate|estimates|estimated|report|reports|reported|believe|believes)\b/gu;
const SOURCE_GATE_RE = /(?:[Aa]uthorities|[Oo]fficials|[Gg]overnment|[Mm]inistry|[Mm]ilitary|[Pp]olice|[Ss]ources|[Ff]orces|[Ii]ntelligence)\s+(?:claim|say|said|estimate|report|believe)/;
/** "the country" refers back to the last country named before it. */
const THE_COUNTRY_RE = /\bthe\s+country\b/i;
/** "half of the country", "in the country": the figure is scoped by the country named last before the sentence. */
const THE_COUNTRY_AFTER_RE = /^\s*(?:[\p{Ll}-]+\s+)?(?:of|in|across|throughout)\s+the\s+country\b/u;
const APPOSITION_RE = /^\s*[[(,]\s*(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})\s*[\]),]/u;
const IN_PLACE_RE = /(?:^|\s)(?:in|across|throughout|inside|within)\s+$/i;

/** Where a clause starts inside a sentence: "..., while Iraqi authorities claim there are 200,000". */
const CLAUSE_BOUNDARY_RE = /[,;:]\s+(?:while|whereas|but|and|although|though|as)\s+|;\s+|\b(?:said|says|say|added|noted|stated|claimed|claims|claim|believe|believes|estimated|estimates)\s+(?:that\s+)?|\bthat\s+/g;
/** An "According to X," opener is the source, not the clause. */
const ACCORDING_OPENER_RE = /^\s*[Aa]ccording\s+to\s+[^,]{1,80},\s*/u;
/** Example lists name instances, not the scope of a figure: "visitors from 40 countries, including Spain, ...". */
const SOURCE_NOUN_END_RE = /(?:authorities|officials|government|ministry|military|police|sources|forces|intelligence)\s*$/i;

/** Cheap gate before EXAMPLE_LIST_RE. */
function mayListExamples(s: string): boolean {
  return s.includes('ncluding') || s.includes('such') || s.includes('like') || s.includes('e.g.') || s.includes('example') || s.includes('among them');
}
const EXAMPLE_LIST_RE = /\b(?:including|such\s+as|among\s+them|e\.g\.|for\s+example|like)\s+[^.;]*/giu;
/** A definite noun phrase naming a group, resolved to the last group named before it: "the extremist group" -> Islamic State. */
const GROUP_NP_GATE_RE = /group|organi[sz]ation|movement|militia|network|faction|jihadists|militants|insurgents|rebels/g;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The word right before `at` (lower-case), or "". */
function wordBefore(text: string, at: number): string {
  let e = at;
  while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
  let b = e;
  while (b > 0 && b > e - 12 && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  return text.slice(b, e).toLowerCase();
}

/** Spans in start order: the array itself when already sorted (the usual case), else a sorted copy. */
function byStart<T extends Span>(xs: T[]): T[] {
  for (let i = 1; i < xs.length; i++) if (xs[i]!.start < xs[i - 1]!.start) return [...xs].sort(compareStart);
  return xs;
}

function compareStart(a: Span, b: Span): number {
  return a.start - b.start;
}

function quoteSourcesOf(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const q of doc.quotes) if (q.source) out.push(q.source);
  return out;
}

/** Largest count of people a speaker phrase gives of itself ("two officials", "a dozen witnesses"). */
const SOURCE_COUNT_MAX = 20;

/** True when the figure lies inside a quote's source span. */
function insideSource(doc: Doc, q: Span): boolean {
  for (const x of doc.quotes) if (x.source && x.source.start <= q.start && q.end <= x.source.end) return true;
  return false;
}

/** True when some offset lies in [from, to). */
function anyIn(offsets: number[], from: number, to: number): boolean {
  for (const x of offsets) if (x >= from && x < to) return true;
  return false;
}

/** Absolute offsets where a global regex matches inside a sentence. */
function matchStarts(text: string, sentence: Span, re: RegExp): number[] {
  const out: number[] = [];
  const s = text.slice(sentence.start, sentence.end);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push(sentence.start + m.index);
  return out;
}
const GROUP_NP_RE = /\b(?:the|this|that)\s+(?:(?:extremist|terrorist|militant|jihadist|islamist|armed|rebel|insurgent|radical|outlawed|banned)\s+){0,2}(?:group|organi[sz]ation|movement|militia|network|faction|jihadists|militants|insurgents|rebels)\b/giu;
/** Verbs of having that make the clause subject the figure's possessor. */
const HAS_VERBS = new Set(['has', 'have', 'had', 'include', 'includes', 'included', 'control', 'controls', 'controlled', 'number', 'numbers', 'numbered', 'command', 'commands', 'field', 'fields', 'fielded', 'deploy', 'deploys', 'deployed']);
/** "ISIS has", "The Taliban control": a capitalized name opening the clause, then a verb of having, then (hedged) the figure. */
const NAME_HAS_RE = /^\s*(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){0,3}\p{Lu}[\p{L}\p{N}&'’.-]*)\s+(?:now\s+|still\s+|already\s+)?(?:has|have|had|includes?|included|controls?|controlled|numbers?|numbered|commands?|fields?|fielded|deploys?|deployed)\s+$/u;
/** "there are 5,000 in the group", "3,000 fighters of the militia": the group after the figure. */
const AFTER_GROUP_RE = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:in|of|within|among|from|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&'’-]*)(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,4})/u;

/** Character ranges of a sentence that name a source or list examples: no place or subject comes from them. */
interface Zones {
  spans: Span[];
  /** The sentence's mentions (found once per sentence). */
  mentions: Mention[];
  /** Where clauses start after a boundary ("..., while "), absolute offsets, ascending; found on first use. */
  clauses: number[] | null;
  /** Example lists ("including France, ..."); found on first use. */
  examples: Span[] | null;
  /** Where verbs of having and group nouns occur (absolute offsets); found on first use. */
  groupAt: number[] | null;
  sentence: Span;
  text: string;
  /** "According to X" matches (sentence-relative). */
  according: RegExpExecArray[];
  /** "X authorities claim" matches (sentence-relative). */
  sourceVerbs: RegExpExecArray[];
  /** Starts (absolute) of place names coordinated with another ("Russia, Georgia and Ukraine"); found on first use. */
  listed: Set<number> | null;
}

/** Only a comma, "and", "or" or "&" between two place names (group 1: a comma). */
const PLACE_LIST_GAP_RE = /^\s*(?:(,)\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)(?:the\s+)?$/;

/**
 * Starts of places listed together in a sentence. A figure scoped over "Russia, Georgia and Ukraine" or "Syria and
 * Iraq" has no single place, and picking one would invent a scope, so listed places are never the place. Two names
 * joined by a comma are not a list ("Lima, Peru"; "... in Chile, and Lima believes ..."): a list
 * is two names joined by "and"/"or", or three or more.
 */
function listedPlaces(text: string, places: { at: number; end: number }[]): Set<number> {
  const out = new Set<number>();
  const sorted = [...places].sort((a, b) => a.at - b.at);
  let chain: number[] = [];
  let bare = false; // a link of the chain without a comma
  const close = (): void => {
    if (chain.length >= 3 || (chain.length === 2 && bare)) for (const at of chain) out.add(at);
  };
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    const a = i > 0 ? sorted[i - 1]! : null;
    const gap = a && b.at > a.end && b.at - a.end <= 12 ? PLACE_LIST_GAP_RE.exec(text.slice(a.end, b.at)) : null;
    if (gap) {
      chain.push(b.at);
      if (!gap[1]) bare = true;
    } else {
      close();
      chain = [b.at];
      bare = false;
    }
  }
  close();
  return out;
}

function inZones(z: Zones, s: number, e: number): boolean {
  for (const x of z.spans) if (s >= x.start && e <= x.end) return true;
  if (z.examples === null) {
    z.examples = [];
    const t = z.text.slice(z.sentence.start, z.sentence.end);
    EXAMPLE_LIST_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    if (mayListExamples(t)) while ((m = EXAMPLE_LIST_RE.exec(t)) !== null) z.examples.push({ start: z.sentence.start + m.index, end: z.sentence.start + m.index + m[0].length });
  }
  for (const x of z.examples) if (s >= x.start && e <= x.end) return true;
  return false;
}

/** Source names ("according to US' CIA", "Iraqi authorities claim", a quote's speaker words) and example lists in a sentence. */
function zonesOf(doc: Doc, sentence: Span, sorted: Mention[], quoteSources: Span[]): Zones {
  const s = doc.text.slice(sentence.start, sentence.end);
  const spans: Span[] = [];
  const according: RegExpExecArray[] = [];
  const sourceVerbs: RegExpExecArray[] = [];
  ACCORDING_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  if (s.includes('ccording')) while ((m = ACCORDING_RE.exec(s)) !== null) {
    according.push(m);
    spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  SOURCE_VERB_RE.lastIndex = 0;
  if (SOURCE_GATE_RE.test(s)) while ((m = SOURCE_VERB_RE.exec(s)) !== null) {
    if (!SOURCE_NOUN_END_RE.test(m[1]!)) continue;
    sourceVerbs.push(m);
    spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  for (const src of mentionsIn(quoteSources, sentence, true)) spans.push(src);
  return { spans, mentions: mentionsIn(sorted, sentence, true), clauses: null, examples: null, groupAt: null, sentence, text: doc.text, according, sourceVerbs, listed: null };
}

/** What a figure in a sentence looks like as a claim (before attribution). */
function claimOf(doc: Doc, sentence: Span, q: Quantity, countries: CountryCache, zones: Zones): Claim {
  const of = q.of ?? (q.unitKind === 'percent' ? 'percent' : countedBefore(doc.text, sentence.start, q.start));
  return {
    start: sentence.start,
    end: sentence.end,
    value: { start: q.start, end: q.end },
    low: q.low,
    high: q.high,
    qualifier: q.qualifier,
    outOf: q.outOf,
    of,
    unit: q.normalizedUnit,
    direction: q.direction,
    subject: subjectOf(doc, sentence, q, zones),
    place: placeOf(doc, sentence, q, countries, zones),
    claimant: null,
    claimantFrom: null,
    quote: null,
    baseline: null,
    background: false,
  };
}

/**
 * What a figure counts when the count noun comes before it: "put the death toll at 200" (death toll), "the number of
 * displaced people rose to 1.2 million" (displaced people), "the tally stood at 40" (tally), "The death toll from
 * Tuesday's earthquake has risen to 120", "Death toll rises to 120".
 */
const COUNTED_BEFORE_RE = /(?:\b(?:the|its|their|his|her|a|an)\s+|^|\b(?=[\p{L}-]+\s+toll\b))((?:[\p{L}-]+\s+)?(?:toll|number|count|tally|total|figure))(?:\s+of\s+((?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+))?(?:\s+(?:from|in|after|since)\s+[^,.;:]{1,80}?)?\s+(?:at|to|of|was|is|were|are|stood\s+at|(?:has|had|have)\s+(?:risen|climbed|grown|reached|hit|topped|exceeded)(?:\s+to)?|(?:rose|rises|climbed|climbs|fell|falls|dropped|jumped|jumps)\s+to|reached|reaches|hit|hits|topped|tops|exceeded|exceeds)\s+(?:(?:about|around|roughly|nearly|almost|more\s+than|over|at\s+least|some|up\s+to|between|an\s+estimated)\s+)?$/iu;

/**
 * The counted noun of a figure named before it (COUNTED_BEFORE_RE), or null.
 * @example countedBefore('Officials put the death toll at 200.', 0, 32) // 'death toll'
 */
export function countedBefore(text: string, from: number, at: number): string | null {
  const m = COUNTED_BEFORE_RE.exec(text.slice(Math.max(from, at - 120), at));
  if (!m) return null;
  if (m[2]) return m[2];
  const noun = m[1]!.toLowerCase();
  return /^(?:number|count|total|figure)$/.test(noun) ? null : noun;
}

/** Mentions inside `span`; `sortedByStart` lets it start at a binary-searched index and stop early. */
function mentionsIn<T extends Span>(mentions: T[], span: Span, sortedByStart = false): T[] {
  const out: T[] = [];
  let i = 0;
  if (sortedByStart) {
    let hi = mentions.length;
    while (i < hi) {
      const mid = (i + hi) >> 1;
      if (mentions[mid]!.start < span.start) i = mid + 1;
      else hi = mid;
    }
  }
  for (; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (sortedByStart && m.start >= span.end) break;
    if (m.start >= span.start && m.end <= span.end) out.push(m);
  }
  return out;
}

function isActor(doc: Doc, m: Mention): boolean {
  const t = doc.entities[m.entity]?.type;
  return t === 'group' || t === 'organization';
}

/** Start of the clause holding `at`: after the last clause boundary, past an "According to X," opener. */
function clauseStart(text: string, sentence: Span, at: number, zones: Zones): number {
  let start = sentence.start;
  if (zones.clauses === null) {
    zones.clauses = [];
    const s = text.slice(sentence.start, sentence.end);
    CLAUSE_BOUNDARY_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_BOUNDARY_RE.exec(s)) !== null) zones.clauses.push(sentence.start + m.index + m[0].length);
  }
  for (const c of zones.clauses) if (c <= at) start = c;
  const op = ACCORDING_OPENER_RE.exec(text.slice(start, at));
  if (op) start += op[0].length;
  return start;
}

const actorSurfaces = new WeakMap<Doc, Map<string, string>>();

/** The group or organization a surface names, from the doc's own mentions and aliases ("IS" -> Islamic State); built once per doc. */
function actorNamed(doc: Doc, surface: string): string | null {
  let map = actorSurfaces.get(doc);
  if (!map) {
    map = new Map();
    for (const e of doc.entities) {
      if (e.type !== 'group' && e.type !== 'organization') continue;
      map.set(e.name, e.name);
      for (const a of e.aliases) if (!map.has(a)) map.set(a, e.name);
    }
    for (const m of doc.mentions) {
      if (!isActor(doc, m)) continue;
      const s = doc.text.slice(m.start, m.end);
      if (!map.has(s)) map.set(s, doc.entities[m.entity]!.name);
    }
    actorSurfaces.set(doc, map);
  }
  return map.get(surface) ?? null;
}

/** The last group named before `at` in the doc (antecedent of "the group"). */
function lastGroupBefore(doc: Doc, at: number): string | null {
  let best: Mention | null = null;
  for (const m of doc.mentions) {
    if (m.end > at) continue;
    if (doc.entities[m.entity]?.type !== 'group') continue;
    if (!best || m.start > best.start) best = m;
  }
  return best ? doc.entities[best.entity]!.name : null;
}

/**
 * Who or what the figure is about: the counted phrase when a name qualifies it ("Houthi fighters"), else the
 * clause subject (a group or organization named in the clause before the figure, outside source names),
 * a group named right after it ("5,000 in the group"), or a definite group phrase ("the extremist group") resolved
 * to the last group named before it.
 */
function subjectOf(doc: Doc, sentence: Span, q: Quantity, zones: Zones): string | null {
  const text = doc.text;
  if (q.ofSpan) {
    const phrase = text.slice(q.ofSpan.start, q.ofSpan.end);
    for (const m of mentionsIn(zones.mentions, q.ofSpan)) if (isActor(doc, m)) return phrase;
    const lex = placeLexicon();
    // A capitalized modifier that is no demonym: "NATO troops" (not "Kenyan provinces", nor a headline's "Troops").
    const words = phrase.split(/\s+/);
    for (let i = 0; i < words.length - 1; i++) if (/^\p{Lu}/u.test(words[i]!) && !lex.byWord.has(words[i]!.toLowerCase())) return phrase;
  }
  let actorBefore = false;
  for (const m of zones.mentions) if (m.end <= q.start && isActor(doc, m)) actorBefore = true;
  const from = actorBefore ? clauseStart(text, sentence, q.start, zones) : sentence.start;
  if (actorBefore) {
    for (const m of mentionsIn(zones.mentions, { start: from, end: q.start })) {
      if (isActor(doc, m) && !inZones(zones, m.start, m.end)) return doc.entities[m.entity]!.name;
    }
  }
  const tailEnd = q.ofSpan && !q.unitInferred ? q.ofSpan.end : q.end;
  const after = AFTER_GROUP_RE.exec(text.slice(tailEnd, Math.min(sentence.end, tailEnd + 80)));
  if (after) {
    const name = actorNamed(doc, after[1]!);
    if (name) return name;
  }
  zones.groupAt ??= matchStarts(text, sentence, GROUP_NP_GATE_RE);
  const gate = anyIn(zones.groupAt, from, q.start);
  const possessive = HAS_VERBS.has(wordBefore(text, q.start));
  if (!gate && !possessive) return null;
  const from2 = actorBefore ? from : clauseStart(text, sentence, q.start, zones);
  const clause = text.slice(from2, q.start);
  if (gate) {
    GROUP_NP_RE.lastIndex = 0;
    const np = GROUP_NP_RE.exec(clause);
    if (np) return lastGroupBefore(doc, from2 + np.index) ?? np[0];
  }
  // "Hezbollah has over 5,000 fighters": a name right before a verb of having, even when no entity was found for it.
  const has = possessive ? NAME_HAS_RE.exec(clause) : null;
  if (has && !inZones(zones, from2 + has.index, from2 + has.index + has[1]!.length)) return actorNamed(doc, has[1]!) ?? has[1]!;
  return null;
}

/** Per document: country matches per sentence start, and "the country" antecedents per sentence start. */
type CountryCache = Map<number, { name: string; at: number; end: number }[]> & { before: Map<number, string | null> };

/** Location in scope: a demonym on the counted noun, a place named in the sentence (nearest to the figure, outside source names and example lists), or "the country" resolved backwards. */
function placeOf(doc: Doc, sentence: Span, q: Quantity, countries: CountryCache, zones: Zones): string | null {
  const text = doc.text;
  // A demonym right on the counted phrase: "Kenyan provinces", "Syrian refugees".
  const lex = placeLexicon();
  if (q.ofSpan) {
    const from = Math.max(sentence.start, q.start);
    const phrase = text.slice(from, q.ofSpan.end);
    lex.re.lastIndex = 0;
    const m = lex.re.exec(phrase);
    if (m) return lex.byWord.get(m[0].toLowerCase()) ?? null;
  }
  const near = text.slice(q.end, Math.min(sentence.end, q.end + 40));
  const tc = near.includes('country') ? THE_COUNTRY_AFTER_RE.exec(near) : null;
  if (tc) {
    // "in the country [Mali]", "in the country (Mali)": the apposition names it.
    const named = APPOSITION_RE.exec(text.slice(q.end + tc[0].length, Math.min(sentence.end, q.end + tc[0].length + 60)));
    const country = named ? lex.byWord.get(named[1]!.toLowerCase()) : undefined;
    if (country) return country;
    const prior = countryBefore(text, sentence.start, countries);
    if (prior) return prior;
  }
  let best: { name: string; dist: number } | null = null;
  if (zones.listed === null) {
    const locs: { at: number; end: number }[] = [];
    for (const m of zones.mentions) if (doc.entities[m.entity]?.type === 'location') locs.push({ at: m.start, end: m.end });
    zones.listed = listedPlaces(text, locs);
  }
  for (const m of zones.mentions) {
    const e = doc.entities[m.entity];
    if (!e || e.type !== 'location' || inZones(zones, m.start, m.end) || zones.listed.has(m.start)) continue;
    const dist = m.start >= q.end ? m.start - q.end : q.start - m.end + (IN_PLACE_RE.test(text.slice(Math.max(0, m.start - 12), m.start)) ? 0 : 40);
    if (!best || dist < best.dist) best = { name: e.name, dist };
  }
  if (best) return best.name;
  // No location mentions: country names in the sentence (scanned once per sentence), outside source names and example lists.
  let all = countries.get(sentence.start);
  if (!all) {
    all = [];
    const s = text.slice(sentence.start, sentence.end);
    lex.re.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = lex.re.exec(s)) !== null) {
      const name = lex.byWord.get(cm[0].toLowerCase());
      if (name) all.push({ name, at: sentence.start + cm.index, end: sentence.start + cm.index + cm[0].length });
    }
    countries.set(sentence.start, all);
  }
  let nearest: { name: string; dist: number } | null = null;
  const listed = all.length > 1 ? listedPlaces(text, all) : null;
  for (const f of all) {
    if (inZones(zones, f.at, f.end) || listed?.has(f.at)) continue;
    const dist = Math.abs(f.at - q.start);
    if (!nearest || dist < nearest.dist) nearest = { name: f.name, dist };
  }
  if (nearest) return nearest.name;
  if (THE_COUNTRY_RE.test(text.slice(sentence.start, sentence.end))) return countryBefore(text, sentence.start, countries);
  return null;
}

/**
 * The antecedent of "the country": the country named most often in the 5,000 characters before `at`
 * (ties go to the one named last), since a passing "America criticizes ..." should not outweigh the story's country.
 */
function countryBefore(text: string, at: number, cache: CountryCache): string | null {
  const memo = cache.before.get(at);
  if (memo !== undefined) return memo;
  const lex = placeLexicon();
  const before = text.slice(Math.max(0, at - 5000), at);
  lex.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  const counts = new Map<string, number>();
  let best: string | null = null;
  while ((m = lex.re.exec(before)) !== null) {
    const name = lex.byWord.get(m[0].toLowerCase());
    if (!name) continue;
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (best === null || n >= counts.get(best)!) best = name;
  }
  cache.before.set(at, best);
  return best;
}

/** True when an "according to" or "X authorities claim" match starts in [from, to) (absolute offsets). */
function sourceNamedIn(zones: Zones, sentenceStart: number, from: number, to: number): boolean {
  for (const a of zones.according) if (sentenceStart + a.index >= from && sentenceStart + a.index < to) return true;
  for (const a of zones.sourceVerbs) if (sentenceStart + a.index >= from && sentenceStart + a.index < to) return true;
  return false;
}

/** Index of the quote holding `span`, or -1. */
function quoteAt(doc: Doc, span: Span): number {
  for (let i = 0; i < doc.quotes.length; i++) {
    const q = doc.quotes[i]!;
    if (q.start <= span.start && span.end <= q.end) return i;
  }
  return -1;
}

/** Named sources in the sentence ("according to X", "X authorities claim"), each with where it starts; existing entities when mentioned there, else new organizations. */
function namedSources(doc: Doc, sentence: Span, zones: Zones): { at: number; entity: number }[] {
  const out: { at: number; entity: number }[] = [];
  const tryName = (raw: string, at: number): void => {
    const name = raw.replace(/\s+(?:data|figures|estimates|statistics|reports?|sources)$/i, '').replace(/['’]s?$/, '').trim();
    if (name.length < 2) return;
    const abs = sentence.start + at;
    for (const m of zones.mentions) {
      if (m.start >= abs && m.start < abs + raw.length + 2) {
        out.push({ at: abs, entity: m.entity });
        return;
      }
    }
    out.push({ at: abs, entity: doc.addEntity({ name, type: 'organization', aliases: [], roles: [] }) });
  };
  for (const a of zones.according) tryName(a[1]!, a.index + a[0].length - a[1]!.length);
  for (const a of zones.sourceVerbs) {
    const name = a[1]!.trim().replace(/^(?:The|the)\s+/, '');
    tryName(name, a.index + a[0].indexOf(name));
  }
  return out.sort((x, y) => x.at - y.at);
}

/**
 * Numeric claims of one Doc (pure: reads text, sentences, mentions, quotes, meta; may add source entities).
 * @example findClaims(doc).map((c) => doc.text.slice(c.value.start, c.value.end)) // ['up to 50,000', ...]
 */
export function findClaims(doc: Doc): Claim[] {
  const claims: Claim[] = [];
  const countries = Object.assign(new Map(), { before: new Map<number, string | null>() }) as CountryCache;
  let sorted: Mention[] | undefined;
  let quoteSources: Span[] | undefined;
  // One pass over the whole text, then group figures by sentence.
  const all = findQuantities(doc.text);
  let k = 0;
  while (k < all.length) {
    const si = doc.sentenceAt(all[k]!.start);
    if (si < 0) {
      k++;
      continue;
    }
    const sentence = doc.sentences[si]!;
    const qs: Quantity[] = [];
    while (k < all.length && all[k]!.start < sentence.end) qs.push(all[k++]!);
    let sources: { at: number; entity: number }[] | undefined;
    let zones: Zones | undefined;
    let prev: Claim | null = null;
    for (const q of qs) {
      // "one of the ..." and bare 1s are not figures anyone claims.
      if (q.low === 1 && q.high === 1 && !q.normalizedUnit && q.outOf === null) continue;
      // A small count inside a speaker phrase describes the source, not a claim: "two officials said", "citing three people".
      if (!q.normalizedUnit && q.high <= SOURCE_COUNT_MAX && q.outOf === null && insideSource(doc, q)) continue;
      if (q.baselineCue && prev) {
        prev.baseline = { low: q.low, high: q.high, qualifier: q.qualifier, text: doc.text.slice(q.start, q.end) };
        continue;
      }
      sorted ??= byStart(doc.mentions);
      quoteSources ??= byStart(quoteSourcesOf(doc));
      zones ??= zonesOf(doc, sentence, sorted, quoteSources);
      const c = claimOf(doc, sentence, q, countries, zones);
      const qi = quoteAt(doc, c.value);
      if (qi >= 0) {
        c.quote = qi;
        const quote = doc.quotes[qi]!;
        if (quote.speaker !== null) {
          c.claimant = quote.speaker;
          c.claimantFrom = 'speaker';
          // A source named inside the quoted span, before the figure, is nearer: "X says A, while Y claim B".
          if (sourceNamedIn(zones, sentence.start, quote.start, q.start)) sources ??= namedSources(doc, sentence, zones);
          let inner: number | null = null;
          for (const x of sources ?? []) if (x.at >= quote.start && x.at < q.start) inner = x.entity;
          if (inner !== null && inner !== quote.speaker) {
            c.claimant = inner;
            c.claimantFrom = 'source';
          }
        }
      }
      if (c.claimant === null) {
        sources ??= namedSources(doc, sentence, zones);
        // The source named last before the figure, else the first one after it ("..., according to X").
        let source: number | null = null;
        for (const x of sources) if (x.at < q.start) source = x.entity;
        if (source === null && sources.length > 0) source = sources[0]!.entity;
        if (source !== null) {
          c.claimant = source;
          c.claimantFrom = 'source';
        } else if (doc.meta.outletEntity !== null) {
          c.claimant = doc.meta.outletEntity;
          c.claimantFrom = 'outlet';
        }
      }
      claims.push(c);
      prev = c;
    }
  }
  return claims;
}

/** Numeric claims: value spans with bounds, hedges, units, what is counted, place and claimant. */
export const claims = defineComponent({
  name: 'claims',
  requires: ['text', 'sentences', 'tokens', 'entities', 'quotes', 'meta'],
  assigns: ['claims'],
  summary: 'Find numeric claims: figures with bounds, hedges, units, denominators, place and claimant.',
  create: () => (doc) => {
    doc.claims = findClaims(doc);
  },
});
