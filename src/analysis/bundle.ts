/**
 * Turn an analyzed Doc into a DocBundle: output records with stable string ids.
 * Entity ids are local to the document (`<docId>#e<index>`) until corpus linking maps them.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../doc/doc.js';
import type { SourceRecord } from '../doc/types.js';
import type { ClaimOut, DocBundle, EntityOut, MentionOut, QuoteOut } from './types.js';

/** sha256 hex of the source content (HTML when given, else text). */
export function contentHash(record: SourceRecord): string {
  return createHash('sha256').update(record.html ?? record.text ?? '').digest('hex');
}

/** Local entity id. @example localEntityId('d1', 3) // 'd1#e3' */
export function localEntityId(docId: string, index: number): string {
  return `${docId}#e${index}`;
}

/** Stable quote id from its position. @example quoteId('d1', 120) // 'd1.q120' */
export function quoteId(docId: string, start: number): string {
  return `${docId}.q${start}`;
}

/** Stable claim id from the position of its value. @example claimId('d1', 57) // 'd1.c57' */
export function claimId(docId: string, valueStart: number): string {
  return `${docId}.c${valueStart}`;
}

/**
 * Ids from positions, unique within the document: the first item at a position keeps the plain id,
 * a later one at the same position (nested attributions can share a start) gets its end appended,
 * then a counter. Ids must be unique: the store keys quotes and claims by them.
 * @example uniqueIds(['d1.q5', 'd1.q5'], [9, 20]) // ['d1.q5', 'd1.q5-20']
 */
export function uniqueIds(ids: string[], ends: number[]): string[] {
  const seen = new Set<string>();
  return ids.map((id, i) => {
    let out = id;
    if (seen.has(out)) out = `${id}-${ends[i]}`;
    for (let n = 2; seen.has(out); n++) out = `${id}-${ends[i]}-${n}`;
    seen.add(out);
    return out;
  });
}

/**
 * The per-document output records of an analyzed Doc.
 * @example const bundle = bundleFromDoc(pipeline.run(new Doc('d1', { text })))
 */
export function bundleFromDoc(doc: Doc): DocBundle {
  const id = doc.id;
  const ent = (i: number | null): string | null => (i === null || i === undefined || i < 0 || i >= doc.entities.length ? null : localEntityId(id, i));
  const entities: EntityOut[] = doc.entities.map((e, i) => ({
    id: localEntityId(id, i),
    name: e.name,
    type: e.type,
    aliases: [...e.aliases],
    roles: e.roles.map((r) => ({ ...r })),
  }));
  const mentions: MentionOut[] = doc.mentions.map((m) => ({ entity: localEntityId(id, m.entity), doc: id, start: m.start, end: m.end }));
  const quoteIds = uniqueIds(doc.quotes.map((q) => quoteId(id, q.start)), doc.quotes.map((q) => q.end));
  const claimIds = uniqueIds(doc.claims.map((c) => claimId(id, c.value.start)), doc.claims.map((c) => c.value.end));
  const quotes: QuoteOut[] = doc.quotes.map((q, i) => ({
    id: quoteIds[i]!,
    doc: id,
    start: q.start,
    end: q.end,
    text: doc.text.slice(q.start, q.end),
    kind: q.kind,
    speaker: ent(q.speaker),
    source: q.source ? { start: q.source.start, end: q.source.end } : null,
    cue: q.cue,
    via: q.via.map((v) => ent(v)).filter((v): v is string => v !== null),
  }));
  const claims: ClaimOut[] = doc.claims.map((c, i) => ({
    id: claimIds[i]!,
    doc: id,
    start: c.start,
    end: c.end,
    text: doc.text.slice(c.start, c.end),
    low: c.low,
    high: c.high,
    qualifier: c.qualifier,
    of: c.of,
    unit: c.unit,
    direction: c.direction,
    subject: c.subject,
    place: c.place,
    claimant: ent(c.claimant),
    quote: c.quote === null ? null : (quoteIds[c.quote] ?? null),
    baseline: c.baseline ? { ...c.baseline } : null,
    background: c.background,
    value: { start: c.value.start, end: c.value.end },
    outOf: c.outOf,
    claimantFrom: c.claimantFrom,
  }));
  const m = doc.meta;
  return {
    document: {
      id,
      path: doc.source.path ?? null,
      url: m.url ?? doc.source.url ?? null,
      outlet: m.outlet,
      title: m.title,
      published: m.published,
      publishedInferred: m.publishedInferred,
      dateline: m.dateline,
      language: m.language,
      text: doc.text,
      removed: doc.removed.map((r) => ({ text: r.text, reason: r.reason })),
      contentHash: contentHash(doc.source),
    },
    entities,
    mentions,
    quotes,
    claims,
  };
}
