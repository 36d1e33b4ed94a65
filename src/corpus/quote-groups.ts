/**
 * Quote groups: the same utterance reported by several outlets, in different translations or
 * paraphrases. Candidates come from the speaker and rare content-word keys; a pair matches on
 * content-word overlap (light stems), number agreement and speaker agreement.
 */
import type { ProvenanceStep, QuoteGroupOut } from '../analysis/types.js';
import type { CorpusIndex, QuoteGroupRecord, QuoteRecord } from './corpus-index.js';
import { contentStems, numbersIn } from './text.js';

/** Thresholds, with the reason. */
export const QUOTE_MATCH = {
  /** Same speaker: share at least this fraction of the shorter quote's content stems (translations share ~1/3). */
  sameSpeakerOverlap: 0.3,
  sameSpeakerMinShared: 3,
  /** Speaker unknown on one side: a much closer wording is needed. */
  unknownSpeakerOverlap: 0.6,
  unknownSpeakerMinShared: 6,
  /** Content-word keys per quote used to find candidates (longest stems are the rarest). */
  wordKeys: 10,
  /** Candidate quotes read per key. */
  perKey: 20,
} as const;

/** Other documents of a group reported to story clustering, most recent first. */
const SHARING_DOCS = 8;

/** Overlap of two stem lists relative to the shorter one, and the shared count. */
export function stemOverlap(a: readonly string[], b: readonly string[]): { shared: number; overlap: number } {
  const sb = new Set(b);
  let shared = 0;
  for (const x of a) if (sb.has(x)) shared++;
  const m = Math.min(a.length, b.length);
  return { shared, overlap: m ? shared / m : 0 };
}

/**
 * Whether two quotes report the same utterance.
 * @example quotesMatch(a, b) // true when same speaker and most content words agree
 */
export function quotesMatch(a: Pick<QuoteRecord, 'speaker' | 'stems' | 'numbers' | 'doc'>, b: Pick<QuoteRecord, 'speaker' | 'stems' | 'numbers' | 'doc'>): number {
  if (a.doc === b.doc) return 0;
  if (a.speaker && b.speaker && a.speaker !== b.speaker) return 0;
  // Figures must agree: a quote with "12 countries" is not one with "15 countries".
  if (a.numbers.length && b.numbers.length) {
    const nb = new Set(b.numbers.map(bare));
    if (!a.numbers.some((n) => nb.has(bare(n)))) return 0;
  }
  const { shared, overlap } = stemOverlap(a.stems, b.stems);
  const known = a.speaker !== null && b.speaker !== null;
  if (known && shared >= QUOTE_MATCH.sameSpeakerMinShared && overlap >= QUOTE_MATCH.sameSpeakerOverlap) return overlap;
  if (!known && shared >= QUOTE_MATCH.unknownSpeakerMinShared && overlap >= QUOTE_MATCH.unknownSpeakerOverlap) return overlap;
  return 0;
}

/**
 * `quotesMatch(a, b)` with `a` fixed: its stems and numbers go into sets once, not once per candidate (stem lists are
 * deduplicated, so counting b's stems in a's set counts the same shared stems).
 * @example const match = matcherFor(rec); cands.map(match)
 */
export function matcherFor(a: Pick<QuoteRecord, 'speaker' | 'stems' | 'numbers' | 'doc'>): (b: Pick<QuoteRecord, 'speaker' | 'stems' | 'numbers' | 'doc'>) => number {
  const stems = new Set(a.stems);
  const numbers = a.numbers.length ? new Set(a.numbers.map(bare)) : null;
  return (b) => {
    if (a.doc === b.doc) return 0;
    if (a.speaker && b.speaker && a.speaker !== b.speaker) return 0;
    if (numbers && b.numbers.length) {
      let agree = false;
      for (const n of b.numbers) if (numbers.has(bare(n))) (agree = true);
      if (!agree) return 0;
    }
    let shared = 0;
    for (const x of b.stems) if (stems.has(x)) shared++;
    const m = Math.min(a.stems.length, b.stems.length);
    const overlap = m ? shared / m : 0;
    const known = a.speaker !== null && b.speaker !== null;
    if (known && shared >= QUOTE_MATCH.sameSpeakerMinShared && overlap >= QUOTE_MATCH.sameSpeakerOverlap) return overlap;
    if (!known && shared >= QUOTE_MATCH.unknownSpeakerMinShared && overlap >= QUOTE_MATCH.unknownSpeakerOverlap) return overlap;
    return 0;
  };
}

/** "40%" and "40" agree ("40 percent" vs "40% of"). */
function bare(n: string): string {
  return n.endsWith('%') ? n.slice(0, -1) : n;
}

/** Lookup keys of a quote. */
export function quoteKeys(speaker: string | null, stems: readonly string[]): string[] {
  const keys: string[] = [];
  if (speaker) keys.push(`s:${speaker}`);
  const rare = [...stems].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).slice(0, QUOTE_MATCH.wordKeys);
  for (const w of rare) keys.push(`w:${w}`);
  return keys;
}

/** Order of members: earliest published first, then by outlet-less last, then document id and position. */
export function compareQuoteRecords(a: QuoteRecord, b: QuoteRecord): number {
  const da = a.published ?? '9999';
  const db = b.published ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  // A quote reported directly comes before one that cites a relay.
  if (a.via.length !== b.via.length) return a.via.length - b.via.length;
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Provenance chain of a group: speaker -> first outlet -> outlets citing it (relays in between), with dates.
 * @example provenanceOf(members, 'person:x', 'X')[0].role // 'speaker'
 */
export function provenanceOf(members: QuoteRecord[], speaker: string | null, speakerName: string | null): ProvenanceStep[] {
  const steps: ProvenanceStep[] = [];
  const first = members[0];
  if (speaker || speakerName) steps.push({ entity: speaker, name: speakerName ?? speaker ?? '', role: 'speaker', doc: null, date: first?.published ?? null });
  const seen = new Set<string>();
  for (const m of members) {
    // Relays are listed outermost first ("Daily Post, citing Reuters"): the innermost is nearest the speaker.
    for (const relay of [...m.via].reverse()) {
      if (seen.has(`relay:${relay}`) || seen.has(`outlet:${relay}`)) continue;
      seen.add(`relay:${relay}`);
      steps.push({ entity: null, name: relay, role: 'relay', doc: null, date: null });
    }
    const outlet = m.outlet ?? m.doc;
    if (seen.has(`outlet:${outlet}|${m.doc}`)) continue;
    seen.add(`outlet:${outlet}|${m.doc}`);
    steps.push({ entity: null, name: outlet, role: 'outlet', doc: m.doc, date: m.published });
  }
  return steps;
}

/** Input for grouping one quote. */
export interface QuoteInput {
  id: string;
  doc: string;
  text: string;
  speaker: string | null;
  speakerName: string | null;
  outlet: string | null;
  published: string | null;
  via: string[];
  /** Inside a paragraph the outlet published before (a backgrounder): grouped, but not evidence of a shared story. */
  background?: boolean;
}

/** What grouping a document's quotes changed. */
export interface GroupingResult {
  groupOf: Map<string, string>;
  groups: Map<string, QuoteGroupOut>;
  merges: { from: string; into: string }[];
  /** Old group id -> new id, for groups merged or renamed. */
  renamed: Map<string, string>;
  /** Other documents holding a quote in one of this document's groups, with how many groups they share. */
  docsSharing: Map<string, number>;
}

/**
 * A group with the new quote appended, when the quote sorts after every member (the usual case: articles arrive
 * in date order); null when the group must be rebuilt. Costs one member read, whatever the group's size.
 */
async function appendedGroup(gid: string, rec: QuoteRecord, index: CorpusIndex): Promise<QuoteGroupRecord | null> {
  const g = await index.getQuoteGroup(gid);
  if (!g || !g.quotes.length) return null;
  const last = await index.getQuote(g.quotes[g.quotes.length - 1]!);
  if (!last || compareQuoteRecords(last, rec) > 0) return null;
  const provenance = [...g.provenance];
  const seen = new Set<string>();
  for (const p of provenance) {
    if (p.role === 'relay') seen.add(`relay:${p.name}`);
    if (p.role === 'outlet') seen.add(`outlet:${p.name}|${p.doc}`);
  }
  const speaker = g.speaker ?? rec.speaker;
  if (!g.speaker && rec.speaker && !provenance.some((p) => p.role === 'speaker')) {
    const date = provenance.find((p) => p.role === 'outlet')?.date ?? rec.published;
    provenance.unshift({ entity: rec.speaker, name: rec.speakerName ?? rec.speaker, role: 'speaker', doc: null, date });
  }
  for (const relay of [...rec.via].reverse()) {
    if (seen.has(`relay:${relay}`) || seen.has(`outlet:${relay}`)) continue;
    seen.add(`relay:${relay}`);
    provenance.push({ entity: null, name: relay, role: 'relay', doc: null, date: null });
  }
  const outlet = rec.outlet ?? rec.doc;
  if (!seen.has(`outlet:${outlet}|${rec.doc}`)) provenance.push({ entity: null, name: outlet, role: 'outlet', doc: rec.doc, date: rec.published });
  return { id: g.id, quotes: [...g.quotes, rec.id], speaker, provenance };
}

/**
 * Put a document's quotes into groups, updating the index.
 * @example const { groupOf } = await groupQuotes(inputs, index);
 */
export async function groupQuotes(inputs: QuoteInput[], index: CorpusIndex): Promise<GroupingResult> {
  const groupOf = new Map<string, string>();
  const groups = new Map<string, QuoteGroupOut>();
  const merges: { from: string; into: string }[] = [];
  const renamed = new Map<string, string>();
  for (const q of inputs) {
    const own = `${q.doc}.q`;
    const stems = contentStems(q.text);
    const rec: QuoteRecord = {
      id: q.id,
      doc: q.doc,
      speaker: q.speaker,
      speakerName: q.speakerName,
      outlet: q.outlet,
      published: q.published,
      stems,
      numbers: numbersIn(q.text),
      via: q.via,
      group: `qg:${q.id}`,
      keys: quoteKeys(q.speaker, stems),
    };
    if (stems.length < 3) {
      await index.putQuote(rec);
      await index.putQuoteGroup({ id: rec.group, quotes: [rec.id], speaker: rec.speaker, provenance: provenanceOf([rec], rec.speaker, rec.speakerName) });
      groupOf.set(q.id, rec.group);
      continue;
    }
    const cands = await index.quotesByKeys(rec.keys, QUOTE_MATCH.perKey);
    // Join the best-matching group only. Joining every group a quote matches chained different statements by one
    // speaker (a long multi-sentence quote overlaps several shorter ones) into one group.
    let bestGroup: string | null = null;
    let bestScore = 0;
    const match = matcherFor(rec);
    for (const c of cands) {
      const score = match(c);
      if (score === 0 || score < bestScore) continue;
      const gid = renamed.get(c.group) ?? c.group;
      if (score > bestScore || (score === bestScore && score > 0 && bestGroup !== null && gid < bestGroup)) {
        bestScore = score;
        bestGroup = gid;
      }
    }
    const oldIds = bestGroup ? [bestGroup] : [];
    let group: QuoteGroupRecord | null = null;
    if (oldIds.length === 1) group = await appendedGroup(oldIds[0]!, rec, index);
    if (group) {
      rec.group = group.id;
      await index.putQuote(rec);
      for (const qid of group.quotes) if (qid.startsWith(own)) groupOf.set(qid, group.id);
    } else {
      // Merging groups, or a quote earlier than a group's first: rebuild from all members (rare when articles arrive in date order).
      const members: QuoteRecord[] = [rec];
      const memberIds = new Set([rec.id]);
      for (const gid of oldIds) {
        const g = await index.getQuoteGroup(gid);
        if (!g) continue;
        for (const qid of g.quotes) {
          const m = await index.getQuote(qid);
          if (m && !memberIds.has(m.id)) (memberIds.add(m.id), members.push(m));
        }
      }
      members.sort(compareQuoteRecords);
      const id = `qg:${members[0]!.id}`;
      const speakerRec = members.find((m) => m.speaker) ?? null;
      group = {
        id,
        quotes: members.map((m) => m.id),
        speaker: speakerRec?.speaker ?? null,
        provenance: provenanceOf(members, speakerRec?.speaker ?? null, speakerRec?.speakerName ?? null),
      };
      for (const old of oldIds) {
        if (old === id) continue;
        await index.deleteQuoteGroup(old);
        groups.delete(old);
        merges.push({ from: old, into: id });
        renamed.set(old, id);
      }
      for (const m of members) {
        if (m.group !== id || m.id === rec.id) {
          m.group = id;
          await index.putQuote(m);
        }
        if (m.doc === q.doc) groupOf.set(m.id, id);
      }
    }
    const id = group.id;
    // Never changed in place once put (a grown group is a new object): the SQL index keeps the object as it is.
    await index.putQuoteGroup(group);
    groups.set(id, { id, quotes: group.quotes, speaker: group.speaker, provenance: group.provenance });
  }
  const docsSharing = new Map<string, number>();
  const doc = inputs[0]?.doc;
  const ownPrefix = `${doc}.q`;
  const background = new Set(inputs.filter((q) => q.background).map((q) => q.id));
  for (const g of groups.values()) {
    const own = g.quotes.filter((qid) => groupOf.get(qid) === g.id && qid.startsWith(ownPrefix));
    if (own.length && own.every((qid) => background.has(qid))) continue;
    // The most recent few documents of a group are enough to find its story (a wire story may be in hundreds).
    const docs = new Set<string>();
    for (let i = g.quotes.length - 1; i >= 0 && docs.size < SHARING_DOCS; i--) {
      const qid = g.quotes[i]!;
      const d = qid.slice(0, qid.lastIndexOf('.q'));
      if (d !== doc) docs.add(d);
    }
    for (const d of docs) docsSharing.set(d, (docsSharing.get(d) ?? 0) + 1);
  }
  return { groupOf, groups, merges, renamed, docsSharing };
}
