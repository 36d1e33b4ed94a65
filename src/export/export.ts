/**
 * Export the whole corpus from a store: JSON Lines, CSV tables, ClaimReview JSON-LD or a STIX 2.1 bundle.
 * Documents are read a page at a time, so memory stays bounded by the page size (plus the claim->measure map).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasureOut } from '../analysis/types.js';
import { UsageError } from '../errors.js';
import type { DocumentDetail, Page, Store, StoreReader } from '../store/types.js';
import { claimReview } from './claimreview.js';
import { csvLine } from './csv.js';
import { StixBuilder } from './stix.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'claimreview', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Sink {
  write(s: string): unknown;
}

const PAGE = 200;

/** Every item of a paged list, a page at a time. */
export async function* pages<T>(list: (q: { limit: number; offset: number }) => Promise<Page<T>>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const p = await list({ limit: PAGE, offset });
    yield* p.items;
    if (p.items.length < PAGE) return;
  }
}

async function* documents(store: StoreReader): AsyncGenerator<DocumentDetail> {
  const ids: string[] = [];
  // Oldest first, so exports read like the record grew.
  for await (const d of pages((q) => store.listDocuments(q))) ids.push(d.id);
  for (let i = ids.length - 1; i >= 0; i--) {
    const d = await store.getDocument(ids[i]!);
    if (d) yield d;
  }
}

async function measureOfClaims(store: StoreReader): Promise<Map<string, MeasureOut>> {
  const map = new Map<string, MeasureOut>();
  for await (const m of pages((q) => store.listMeasures(q))) for (const c of m.claims) map.set(c, m);
  return map;
}

function fileSink(path: string): Sink & { close(): void } {
  const fd = openSync(path, 'w');
  return { write: (s: string) => writeSync(fd, s), close: () => closeSync(fd) };
}

const CSV_TABLES = {
  documents: [['id', 'url', 'outlet', 'title', 'published', 'published_inferred', 'dateline', 'language', 'story', 'content_hash', 'text']],
  entities: [['id', 'name', 'type', 'aliases', 'roles', 'mentions', 'quotes']],
  quotes: [['id', 'doc', 'start', 'end', 'kind', 'speaker', 'cue', 'via', 'text']],
  claims: [['id', 'doc', 'start', 'end', 'low', 'high', 'qualifier', 'of', 'unit', 'direction', 'subject', 'place', 'claimant', 'background', 'measure', 'text']],
  stories: [['id', 'label', 'published', 'documents']],
  measures: [['id', 'label', 'conflict', 'of', 'subject', 'place', 'claims', 'explanation']],
} as const;

/**
 * Export the corpus. `dir` null writes one stream to `stdout` (jsonl, claimreview, stix); csv needs a directory.
 * Returns the files written.
 * @example await exportCorpus(store, 'stix', { dir: 'out', stdout: process.stdout })
 */
export async function exportCorpus(store: Store, format: ExportFormat, opts: { dir: string | null; stdout: Sink; now?: string }): Promise<string[]> {
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, found '${format}'`);
  if (format === 'csv' && !opts.dir) throw new UsageError('--format csv writes several tables: give --out DIR');
  if (opts.dir) mkdirSync(opts.dir, { recursive: true });
  const files: string[] = [];
  const open = (name: string): Sink & { close(): void } => {
    if (!opts.dir) return { write: (s: string) => opts.stdout.write(s), close: () => undefined };
    const p = join(opts.dir, name);
    files.push(p);
    return fileSink(p);
  };
  const measures = await measureOfClaims(store);

  if (format === 'jsonl') {
    const out = open('crosscheck.jsonl');
    const line = (record: string, obj: object) => out.write(JSON.stringify({ record, ...obj }) + '\n');
    for await (const d of documents(store)) {
      line('document', d.document);
      for (const m of d.mentions) line('mention', m);
      for (const q of d.quotes) line('quote', q);
      for (const c of d.claims) line('claim', c);
    }
    for await (const e of pages((q) => store.listEntities(q))) line('entity', e);
    for await (const s of pages((q) => store.listStories(q))) line('story', s);
    for await (const g of pages((q) => store.listQuoteGroups(q))) line('quoteGroup', g);
    for await (const m of pages((q) => store.listMeasures(q))) line('measure', m);
    out.close();
  } else if (format === 'csv') {
    const sinks = Object.fromEntries(Object.entries(CSV_TABLES).map(([name, [header]]) => {
      const s = open(`${name}.csv`);
      s.write(csvLine(header));
      return [name, s];
    })) as Record<keyof typeof CSV_TABLES, Sink & { close(): void }>;
    for await (const d of documents(store)) {
      const x = d.document;
      sinks.documents.write(csvLine([x.id, x.url, x.outlet, x.title, x.published, x.publishedInferred, x.dateline, x.language, x.story, x.contentHash, x.text]));
      for (const q of d.quotes) sinks.quotes.write(csvLine([q.id, q.doc, q.start, q.end, q.kind, q.speaker, q.cue, q.via.join('; '), q.text]));
      for (const c of d.claims)
        sinks.claims.write(csvLine([c.id, c.doc, c.start, c.end, c.low, c.high, c.qualifier, c.of, c.unit, c.direction, c.subject, c.place, c.claimant, c.background, measures.get(c.id)?.id ?? null, c.text]));
    }
    for await (const e of pages((q) => store.listEntities(q)))
      sinks.entities.write(csvLine([e.id, e.name, e.type, e.aliases.join('; '), e.roles.map((r) => r.title + (r.organization ? ` (${r.organization})` : '')).join('; '), e.mentionCount, e.quoteCount]));
    for await (const s of pages((q) => store.listStories(q))) sinks.stories.write(csvLine([s.id, s.label ?? null, s.published, s.documents.join('; ')]));
    for await (const m of pages((q) => store.listMeasures(q)))
      sinks.measures.write(csvLine([m.id, m.label, m.conflict, m.of ?? null, m.subject ?? null, m.place ?? null, m.claims.join('; '), m.explanation]));
    for (const s of Object.values(sinks)) s.close();
  } else if (format === 'claimreview') {
    const out = open('claimreview.jsonld');
    out.write('[');
    let first = true;
    const names = new Map<string, { name: string; type: string }>();
    for await (const d of documents(store)) {
      for (const e of d.entities) names.set(e.id, { name: e.name, type: e.type });
      for (const c of d.claims) {
        if (c.background) continue;
        const who = c.claimant ? names.get(c.claimant) : undefined;
        const m = measures.get(c.id);
        const obj = claimReview({
          claim: c, url: d.document.url, title: d.document.title, outlet: d.document.outlet, published: d.document.published,
          claimantName: who?.name ?? null, claimantType: who?.type ?? null,
          measure: m ? { id: m.id, label: m.label, conflict: m.conflict, explanation: m.explanation } : null,
        });
        out.write((first ? '\n' : ',\n') + JSON.stringify(obj));
        first = false;
      }
    }
    out.write(first ? ']\n' : '\n]\n');
    out.close();
  } else {
    const builder = new StixBuilder(opts.now);
    const claimDocs = new Map<string, string>();
    const countries = new Map((await store.places()).map((p) => [p.entity, p.country]));
    for await (const d of documents(store)) {
      const { text: _t, removed: _r, ...doc } = d.document;
      builder.addDocument({
        document: { ...doc, quoteCount: d.quotes.length, claimCount: d.claims.length },
        entities: d.entities.map((e) => ({ ...e, country: countries.get(e.id) ?? null })),
        quotes: d.quotes,
        claims: d.claims,
      });
      for (const c of d.claims) claimDocs.set(c.id, c.doc);
    }
    for (const m of new Set(measures.values())) builder.addMeasure(m, claimDocs);
    const out = open('crosscheck.stix.json');
    out.write(JSON.stringify(builder.bundle(), null, 1) + '\n');
    out.close();
  }
  return files;
}
