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

/** "According to CSTO data", "according to the US' Central Intelligence Agency". Group 1 is the source name. */
const ACCORDING_RE = /[Aa]ccording\s+to\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.]*['’]s?\s+)?((?:[\p{Lu}][\p{L}\p{N}&.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[\p{Lu}][\p{L}\p{N}&.'’-]*)*)/gu;
/** "Iraqi authorities claim", "The ministry estimates". Group 1 is the source. */
const SOURCE_VERB_RE = /((?:[\p{Lu}][\p{L}\p{N}&.'’-]*\s+){1,4}(?:authorities|officials|government|ministry|military|police|sources|forces|intelligence|data)?)\s*(?:claim|claims|claimed|say|says|said|estimate|estimates|estimated|report|reports|reported|believe|believes)\b/gu;
const SOURCE_GATE_RE = /(?:authorities|officials|government|ministry|military|police|sources|forces|intelligence)\s+(?:claim|say|said|estimate|report|believe)/i;
/** "the country" refers back to the last country named before it. */
const THE_COUNTRY_RE = /\bthe\s+country\b/i;
const IN_PLACE_RE = /(?:^|\s)(?:in|across|throughout|inside|within)\s+$/i;

/** What a figure in a sentence looks like as a claim (before attribution). */
function claimOf(doc: Doc, sentence: Span, q: Quantity, countries: CountryCache): Claim {
  const of = q.of ?? (q.unitKind === 'percent' ? 'percent' : null);
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
    subject: subjectOf(doc, sentence, q),
    place: placeOf(doc, sentence, q, countries),
    claimant: null,
    claimantFrom: null,
    quote: null,
    baseline: null,
    background: false,
  };
}

function mentionsIn(doc: Doc, span: Span): Mention[] {
  const out: Mention[] = [];
  for (const m of doc.mentions) if (m.start >= span.start && m.end <= span.end) out.push(m);
  return out;
}

/** The counted phrase when it says more than the head noun ("ISIL militants"), else the nearest group or organization named before the figure. */
function subjectOf(doc: Doc, sentence: Span, q: Quantity): string | null {
  if (q.ofSpan) {
    const phrase = doc.text.slice(q.ofSpan.start, q.ofSpan.end);
    if (/\s/.test(phrase)) return phrase;
  }
  let best: Mention | null = null;
  for (const m of mentionsIn(doc, sentence)) {
    const e = doc.entities[m.entity];
    if (!e || (e.type !== 'group' && e.type !== 'organization')) continue;
    if (m.end <= q.start && (!best || m.start > best.start)) best = m;
  }
  return best ? doc.entities[best.entity]!.name : null;
}

type CountryCache = Map<number, { name: string; at: number }[]>;

/** Location in scope: a place named in the sentence (nearest to the figure), a demonym on the counted noun, or "the country" resolved backwards. */
function placeOf(doc: Doc, sentence: Span, q: Quantity, countries: CountryCache): string | null {
  const text = doc.text;
  // A demonym right on the counted phrase: "Afghan provinces", "Syrian refugees".
  const lex = placeLexicon();
  if (q.ofSpan) {
    const from = Math.max(sentence.start, q.start);
    const phrase = text.slice(from, q.ofSpan.end);
    lex.re.lastIndex = 0;
    const m = lex.re.exec(phrase);
    if (m) return lex.byWord.get(m[0].toLowerCase()) ?? null;
  }
  let best: { name: string; dist: number } | null = null;
  for (const m of mentionsIn(doc, sentence)) {
    const e = doc.entities[m.entity];
    if (!e || e.type !== 'location') continue;
    const dist = m.start >= q.end ? m.start - q.end : q.start - m.end + (IN_PLACE_RE.test(text.slice(Math.max(0, m.start - 12), m.start)) ? 0 : 40);
    if (!best || dist < best.dist) best = { name: e.name, dist };
  }
  if (best) return best.name;
  // No location mentions: country names in the sentence (scanned once per sentence).
  let found = countries.get(sentence.start);
  if (!found) {
    found = [];
    const s = text.slice(sentence.start, sentence.end);
    lex.re.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = lex.re.exec(s)) !== null) {
      const name = lex.byWord.get(cm[0].toLowerCase());
      if (name) found.push({ name, at: sentence.start + cm.index });
    }
    countries.set(sentence.start, found);
  }
  let nearest: { name: string; dist: number } | null = null;
  for (const f of found) {
    const dist = Math.abs(f.at - q.start);
    if (!nearest || dist < nearest.dist) nearest = { name: f.name, dist };
  }
  if (nearest) return nearest.name;
  if (THE_COUNTRY_RE.test(text.slice(sentence.start, sentence.end))) {
    const before = text.slice(Math.max(0, sentence.start - 5000), sentence.start);
    lex.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last: string | null = null;
    while ((m = lex.re.exec(before)) !== null) last = lex.byWord.get(m[0].toLowerCase()) ?? last;
    return last;
  }
  return null;
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
function namedSources(doc: Doc, sentence: Span): { at: number; entity: number }[] {
  const s = doc.text.slice(sentence.start, sentence.end);
  const out: { at: number; entity: number }[] = [];
  const tryName = (raw: string, at: number): void => {
    const name = raw.replace(/\s+(?:data|figures|estimates|statistics|reports?|sources)$/i, '').replace(/['’]s?$/, '').trim();
    if (name.length < 2) return;
    const abs = sentence.start + at;
    for (const m of doc.mentions) {
      if (m.start >= abs && m.start < abs + raw.length + 2) {
        out.push({ at: abs, entity: m.entity });
        return;
      }
    }
    out.push({ at: abs, entity: doc.addEntity({ name, type: 'organization', aliases: [], roles: [] }) });
  };
  ACCORDING_RE.lastIndex = 0;
  let a: RegExpExecArray | null;
  if (s.includes('ccording')) while ((a = ACCORDING_RE.exec(s)) !== null) tryName(a[1]!, a.index + a[0].length - a[1]!.length);
  SOURCE_VERB_RE.lastIndex = 0;
  if (SOURCE_GATE_RE.test(s)) while ((a = SOURCE_VERB_RE.exec(s)) !== null) {
    if (!/(?:authorities|officials|government|ministry|military|police|sources|forces|intelligence)\s*$/i.test(a[1]!)) continue;
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
  const countries: CountryCache = new Map();
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
    let prev: Claim | null = null;
    for (const q of qs) {
      // "one of the ..." and bare 1s are not figures anyone claims.
      if (q.low === 1 && q.high === 1 && !q.normalizedUnit && q.outOf === null) continue;
      if (q.baselineCue && prev) {
        prev.baseline = { low: q.low, high: q.high, qualifier: q.qualifier, text: doc.text.slice(q.start, q.end) };
        continue;
      }
      const c = claimOf(doc, sentence, q, countries);
      const qi = quoteAt(doc, c.value);
      if (qi >= 0) {
        c.quote = qi;
        const speaker = doc.quotes[qi]!.speaker;
        if (speaker !== null) {
          c.claimant = speaker;
          c.claimantFrom = 'speaker';
        }
      }
      if (c.claimant === null) {
        sources ??= namedSources(doc, sentence);
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
