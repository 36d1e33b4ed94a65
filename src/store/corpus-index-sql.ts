/**
 * CorpusIndex over SQL: one JSON record table (`cx_records`: kind, id, json) and one posting table
 * (`cx_postings`: kind, key, id, seq) indexed on (kind, key, seq desc). Same SQL for both dialects.
 */
import {
  DEFAULT_LIMIT_PER_KEY,
  type CorpusIndex,
  type DocRecord,
  type EntityRecord,
  type MeasureRecord,
  type ParagraphRecord,
  type QuoteGroupRecord,
  type QuoteRecord,
  type StoryRecord,
  type TermFrequencies,
  type TermFrequencyDelta,
} from '../corpus/corpus-index.js';
import { placeholders, type SqlConn } from './sql.js';

/** Ids per `IN (...)` lookup: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ID_BATCH = 200;
/** Keys per posting lookup statement (three parameters each). */
const KEY_BATCH = 32;
/** Rows per document-frequency upsert (two parameters each): under SQLite's oldest limit of 999 parameters. */
const DF_BATCH = 400;
/** The document-frequency row that counts documents ('' is never a term key). */
const DOCS_TERM = '';
/** Ids a cached posting list keeps (the newest): lookups ask for far fewer per key. */
const LIST_CAP = 128;
/** Postings per multi-row INSERT (three parameters each). */
const INSERT_BATCH = 100;

type Kind = 'entity' | 'document' | 'story' | 'quote' | 'quoteGroup' | 'measure' | 'paragraph';

/**
 * Kinds whose records linking never changes in place once put, nor once read back: the index keeps the object itself
 * rather than a serialised copy. Quote groups qualify (a grown group is a new object, see groupQuotes), entities
 * (resolveEntities changes a clone of the record it matched) and measures (addToMeasures and removeFromMeasures copy
 * the record they change: a measure's points grow with every report of a figure, and re-parsing it after each put
 * cost more than the linking). Quotes do not (a cached quote may be changed in place by a write that then fails),
 * nor documents and stories (changed by story clustering), nor paragraphs (background scanning changes them in place).
 */
const IMMUTABLE_KINDS: ReadonlySet<Kind> = new Set(['quoteGroup', 'entity', 'measure']);

/**
 * The SQL-backed CorpusIndex; writes go through whatever transaction `conn` is in.
 * @example const index = new SqlCorpusIndex(conn); await index.getEntity('e_x')
 */
export class SqlCorpusIndex implements CorpusIndex {
  /**
   * `cache`: parsed records shared across this store's write transactions (see RecordCache); null reads every record from SQL.
   * `pending`: record, posting and frequency writes held back until the transaction commits (see PendingWrites); null writes at once.
   */
  constructor(
    private readonly conn: SqlConn,
    private readonly cache: RecordCache | null = null,
    private readonly pending: PendingWrites | null = null,
  ) {}

  private async get<T>(kind: Kind, id: string): Promise<T | null> {
    const hit = this.cache?.get(kind, id);
    if (hit !== undefined) return hit as T;
    const json = this.pending?.record(kind, id);
    if (json !== undefined) {
      const rec = JSON.parse(json) as T;
      this.cache?.set(kind, id, rec);
      return rec;
    }
    if (this.cache?.absent(kind, id)) return null;
    const row = await this.conn.get<{ json: string }>('SELECT json FROM cx_records WHERE kind = ? AND id = ?', [kind, id]);
    if (!row) return null;
    const rec = JSON.parse(row.json) as T;
    this.cache?.set(kind, id, rec);
    return rec;
  }

  private async put(kind: Kind, id: string, record: unknown, keys: readonly string[] | null): Promise<void> {
    let oldKeys: readonly string[] = [];
    if (keys) oldKeys = this.cache?.keysOf(kind, id) ?? (await this.get<{ keys?: string[] }>(kind, id))?.keys ?? [];
    if (this.pending && IMMUTABLE_KINDS.has(kind)) {
      // A record never changed once put is kept as it is, and serialised once when its last version is written.
      this.pending.putRecord(kind, id, null, record);
      this.cache?.written(kind, id, null, keys, record);
    } else {
      const json = JSON.stringify(record);
      if (this.pending) this.pending.putRecord(kind, id, json);
      else {
        await this.conn.run(
          'INSERT INTO cx_records (kind, id, json) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
          [kind, id, json],
        );
      }
      // The cache keeps the written JSON (parsed when next read) and the keys now posted, never the caller's object.
      this.cache?.written(kind, id, json, keys);
    }
    if (!keys) return;
    const next = new Set(keys);
    const prev = new Set(oldKeys);
    const dropped = oldKeys.filter((k) => !next.has(k));
    // Postings still held back are dropped there; only older ones are deleted in SQL.
    const stored = this.pending ? dropped.filter((k) => !this.pending!.unpost(kind, k, id)) : dropped;
    for (let i = 0; i < stored.length; i += 100) {
      const part = stored.slice(i, i + 100);
      await this.conn.run(`DELETE FROM cx_postings WHERE kind = ? AND id = ? AND key IN (${placeholders(part.length)})`, [kind, id, ...part]);
    }
    const added = [...next].filter((k) => !prev.has(k));
    if (this.cache) {
      for (const k of dropped) this.cache.unpost(kind, k, id);
      for (const k of added) this.cache.post(kind, k, id);
    }
    if (this.pending) {
      for (const k of added) this.pending.post(kind, k, id);
      return;
    }
    // Multi-row inserts, in key order as before (seq orders postings newest-first per key).
    for (let i = 0; i < added.length; i += INSERT_BATCH) {
      const part = added.slice(i, i + INSERT_BATCH);
      const params: string[] = [];
      for (const k of part) params.push(kind, k, id);
      await this.conn.run(`INSERT INTO cx_postings (kind, key, id) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`, params);
    }
  }

  private async del(kind: Kind, id: string): Promise<void> {
    if (this.cache) {
      const old = this.cache.keysOf(kind, id) ?? (await this.get<{ keys?: string[] }>(kind, id))?.keys ?? [];
      for (const k of old) this.cache.unpost(kind, k, id);
    }
    this.cache?.delete(kind, id);
    this.pending?.deleteRecord(kind, id);
    await this.conn.run('DELETE FROM cx_postings WHERE kind = ? AND id = ?', [kind, id]);
    await this.conn.run('DELETE FROM cx_records WHERE kind = ? AND id = ?', [kind, id]);
  }

  /**
   * Records posted under any of `keys`, newest first per key, each once. Two phases: ids from the posting index
   * (no record bodies read), then each distinct record fetched and parsed once, so a record shared by many keys
   * (a quote reprinted across a story) costs one read, not one per key.
   */
  private async byKeys<T>(kind: Kind, keys: string[], limitPerKey: number): Promise<T[]> {
    const distinct = [...new Set(keys)];
    const posted = new Map<string, string[]>();
    const unknown: string[] = [];
    for (const key of distinct) {
      const ids = this.cache?.postings(kind, key, limitPerKey);
      if (ids) posted.set(key, ids);
      else unknown.push(key);
    }
    for (let i = 0; i < unknown.length; i += KEY_BATCH) {
      const part = unknown.slice(i, i + KEY_BATCH);
      // One statement for many keys, each still limited and newest-first through its own index range scan.
      const sql = part
        .map((_, k) => `SELECT id, seq, ${k} AS k FROM (SELECT id, seq FROM cx_postings WHERE kind = ? AND key = ? ORDER BY seq DESC LIMIT ?) AS p${k}`)
        .join(' UNION ALL ');
      const params: (string | number)[] = [];
      for (const key of part) params.push(kind, key, limitPerKey);
      const rows = await this.conn.all<{ id: string; seq: number | string; k: number | string }>(sql, params);
      rows.sort((a, b) => Number(a.k) - Number(b.k) || Number(b.seq) - Number(a.seq));
      const lists: string[][] = part.map(() => []);
      for (const r of rows) lists[Number(r.k)]!.push(r.id);
      part.forEach((key, k) => {
        // Postings held back are newer than every stored one: they come first.
        const held = this.pending?.postedIds(kind, key);
        const list = held?.length ? [...held, ...lists[k]!].slice(0, limitPerKey) : lists[k]!;
        posted.set(key, list);
        this.cache?.setPostings(kind, key, list, limitPerKey);
      });
    }
    // Records in first-posted order, each once; the ids neither cache nor held writes know are read in one pass after.
    const seen = new Set<string>();
    const found: (T | undefined)[] = [];
    const order: string[] = [];
    const missing: string[] = [];
    for (const key of distinct) {
      for (const id of posted.get(key)!) {
        if (seen.has(id)) continue;
        seen.add(id);
        order.push(id);
        let rec = this.cache?.get(kind, id) as T | undefined;
        if (rec === undefined) {
          const json = this.pending?.record(kind, id);
          if (json !== undefined) {
            rec = JSON.parse(json) as T;
            this.cache?.set(kind, id, rec);
          } else missing.push(id);
        }
        found.push(rec);
      }
    }
    if (!missing.length) return found as T[];
    const byId = new Map<string, T>();
    for (let i = 0; i < missing.length; i += ID_BATCH) {
      const part = missing.slice(i, i + ID_BATCH);
      const rows = await this.conn.all<{ id: string; json: string }>(`SELECT id, json FROM cx_records WHERE kind = ? AND id IN (${placeholders(part.length)})`, [kind, ...part]);
      for (const r of rows) {
        const rec = JSON.parse(r.json) as T;
        byId.set(r.id, rec);
        this.cache?.set(kind, r.id, rec);
      }
    }
    const out: T[] = [];
    for (let i = 0; i < order.length; i++) {
      const rec = found[i] ?? byId.get(order[i]!);
      if (rec !== undefined) out.push(rec);
    }
    return out;
  }

  entitiesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<EntityRecord[]> {
    return this.byKeys('entity', keys, limitPerKey);
  }
  getEntity(id: string): Promise<EntityRecord | null> {
    return this.get('entity', id);
  }
  putEntity(e: EntityRecord): Promise<void> {
    return this.put('entity', e.id, e, e.keys);
  }

  documentsByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<DocRecord[]> {
    return this.byKeys('document', keys, limitPerKey);
  }
  getDocument(id: string): Promise<DocRecord | null> {
    return this.get('document', id);
  }
  putDocument(d: DocRecord): Promise<void> {
    return this.put('document', d.id, d, d.keys);
  }

  /** Document frequencies from `cx_term_df` (term, n), read in batches of term lists. */
  async termFrequencies(terms: string[]): Promise<TermFrequencies> {
    const stored = new Map<string, number>();
    const wanted = [DOCS_TERM, ...new Set(terms)];
    // Stored counts the cache knows (see RecordCache.storedDf) need no query.
    const ask: string[] = [];
    for (const t of wanted) {
      const n = this.cache?.storedDf(t);
      if (n === undefined) ask.push(t);
      else stored.set(t, n);
    }
    for (let i = 0; i < ask.length; i += ID_BATCH) {
      const part = ask.slice(i, i + ID_BATCH);
      const rows = await this.conn.all<{ term: string; n: number | string }>(`SELECT term, n FROM cx_term_df WHERE term IN (${placeholders(part.length)})`, part);
      for (const r of rows) stored.set(r.term, Number(r.n));
      for (const t of part) this.cache?.setStoredDf(t, stored.get(t) ?? 0);
    }
    const df = new Map<string, number>();
    let documents = 0;
    // Counts held back (see PendingWrites) add to the stored ones.
    for (const t of wanted) {
      const n = (stored.get(t) ?? 0) + (this.pending?.dfDelta(t) ?? 0);
      if (t === DOCS_TERM) documents = n;
      else if (n > 0) df.set(t, n);
    }
    return { documents, df };
  }

  /**
   * One document fewer, holding `terms`, in the corpus document frequencies ('' counts documents); counts stay >= 0.
   * @example await index.uncountTerms(['t:w:storm'])
   */
  async uncountTerms(terms: string[]): Promise<void> {
    const all = [DOCS_TERM, ...new Set(terms)];
    if (this.pending) {
      const { documents, df } = await this.termFrequencies(all);
      for (const t of all) if ((t === DOCS_TERM ? documents : (df.get(t) ?? 0)) > 0) this.pending.addDf(t, -1);
      return;
    }
    for (let i = 0; i < all.length; i += DF_BATCH) {
      const part = all.slice(i, i + DF_BATCH);
      await this.conn.run(`UPDATE cx_term_df SET n = n - 1 WHERE n > 0 AND term IN (${placeholders(part.length)})`, part);
    }
  }

  /**
   * Forget a superseded document's record: its terms stop counting in document frequencies, its postings and record go.
   * @example await index.forgetDocument('doc-1')
   */
  async forgetDocument(id: string): Promise<void> {
    const rec = await this.get<{ keys?: string[]; weighted?: { keys: string[] } }>('document', id);
    if (rec) await this.uncountTerms(rec.weighted?.keys ?? (rec.keys ?? []).filter((k) => k.startsWith('t:')));
    await this.del('document', id);
  }

  /** One multi-row upsert per batch (terms sorted, so concurrent writers lock rows in the same order). */
  async addTermFrequencies(delta: TermFrequencyDelta): Promise<void> {
    const change = new Map<string, number>();
    if (delta.documents) change.set(DOCS_TERM, delta.documents);
    for (const t of delta.added) if (t !== DOCS_TERM) change.set(t, 1);
    for (const t of delta.removed) if (t !== DOCS_TERM && !change.has(t)) change.set(t, -1);
    if (this.pending) {
      for (const [t, n] of change) this.pending.addDf(t, n);
      return;
    }
    const rows = [...change.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < rows.length; i += DF_BATCH) {
      const part = rows.slice(i, i + DF_BATCH);
      const params: (string | number)[] = [];
      for (const [t, n] of part) params.push(t, n);
      await this.conn.run(
        `INSERT INTO cx_term_df (term, n) VALUES ${part.map(() => '(?, ?)').join(', ')} ON CONFLICT (term) DO UPDATE SET n = cx_term_df.n + excluded.n`,
        params,
      );
    }
  }

  getStory(id: string): Promise<StoryRecord | null> {
    return this.get('story', id);
  }
  putStory(s: StoryRecord): Promise<void> {
    return this.put('story', s.id, s, null);
  }
  deleteStory(id: string): Promise<void> {
    return this.del('story', id);
  }

  quotesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<QuoteRecord[]> {
    return this.byKeys('quote', keys, limitPerKey);
  }
  getQuote(id: string): Promise<QuoteRecord | null> {
    return this.get('quote', id);
  }
  putQuote(q: QuoteRecord): Promise<void> {
    return this.put('quote', q.id, q, q.keys);
  }

  getQuoteGroup(id: string): Promise<QuoteGroupRecord | null> {
    return this.get('quoteGroup', id);
  }
  putQuoteGroup(g: QuoteGroupRecord): Promise<void> {
    return this.put('quoteGroup', g.id, g, null);
  }
  deleteQuoteGroup(id: string): Promise<void> {
    return this.del('quoteGroup', id);
  }

  measuresByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<MeasureRecord[]> {
    return this.byKeys('measure', keys, limitPerKey);
  }
  getMeasure(id: string): Promise<MeasureRecord | null> {
    return this.get('measure', id);
  }
  putMeasure(m: MeasureRecord): Promise<void> {
    return this.put('measure', m.id, m, m.keys);
  }
  deleteMeasure(id: string): Promise<void> {
    return this.del('measure', id);
  }

  async paragraphs(outlet: string, hashes: string[]): Promise<ParagraphRecord[]> {
    const out: ParagraphRecord[] = [];
    for (let i = 0; i < hashes.length; i += 100) {
      const ids = hashes.slice(i, i + 100).map((h) => `${outlet}|${h}`);
      // Records held back are newer than the stored ones.
      const held = this.pending ? ids.filter((id) => this.pending!.record('paragraph', id) !== undefined) : [];
      const ask = held.length ? ids.filter((id) => this.pending!.record('paragraph', id) === undefined) : ids;
      if (ask.length) {
        const rows = await this.conn.all<{ json: string }>(
          `SELECT json FROM cx_records WHERE kind = 'paragraph' AND id IN (${placeholders(ask.length)})`,
          ask,
        );
        for (const r of rows) out.push(JSON.parse(r.json) as ParagraphRecord);
      }
      for (const id of held) out.push(JSON.parse(this.pending!.record('paragraph', id)!) as ParagraphRecord);
    }
    return out;
  }
  putParagraph(p: ParagraphRecord): Promise<void> {
    return this.put('paragraph', p.id, p, null);
  }
}

/** A posting held back: `live` is false once its record dropped the key (or a rolled-back write had added it). */
interface PendingPosting {
  kind: string;
  key: string;
  id: string;
  live: boolean;
}

/** Rows per multi-row statement when pending writes are flushed (three parameters each). */
const FLUSH_ROWS = 100;

/**
 * Corpus-index writes of one transaction held in memory and written when it commits: each record once (its last
 * version), postings sorted by key (neighbouring index entries, so far fewer index pages touched than when they come
 * interleaved per document) and document-frequency changes summed per term. The index reads through it, so linking
 * sees its own writes. In batch mode each document's writes are journaled (`begin`), so a document that fails is
 * taken out alone (`rollback`); `flush` must run outside any savepoint, right before COMMIT.
 * @example const pending = new PendingWrites(); new SqlCorpusIndex(conn, cache, pending); await pending.flush(conn)
 */
export class PendingWrites {
  /** Records held, by kind, then id. */
  private readonly records = new Map<string, Map<string, { kind: string; id: string; json: string | null; rec?: unknown }>>();
  private recordCount = 0;
  private readonly postings: PendingPosting[] = [];
  /** Postings by record (kind, then id) and by key (kind, then key), in the order posted. */
  private readonly ofRecord = new Map<string, Map<string, PendingPosting[]>>();
  private readonly ofKey = new Map<string, Map<string, PendingPosting[]>>();
  private readonly df = new Map<string, number>();
  /** Undo steps of the open write, or null outside one. */
  private journal: (() => void)[] | null = null;

  /** A write (one document's savepoint) starts. */
  begin(): void {
    this.journal = [];
  }

  /** The write succeeded: its changes stay until flushed. */
  commit(): void {
    this.journal = null;
  }

  /** The write rolled back: undo just its changes (outside a write: drop everything). */
  rollback(): void {
    const j = this.journal;
    this.journal = null;
    if (!j) return this.clear();
    for (let i = j.length - 1; i >= 0; i--) j[i]!();
  }

  /** Drop everything held (the whole transaction rolled back). */
  clear(): void {
    this.records.clear();
    this.recordCount = 0;
    this.postings.length = 0;
    this.ofRecord.clear();
    this.ofKey.clear();
    this.df.clear();
    this.journal = null;
  }

  get size(): number {
    return this.recordCount + this.postings.length + this.df.size;
  }

  /** The JSON held for a record, or undefined. */
  record(kind: string, id: string): string | undefined {
    const r = this.records.get(kind)?.get(id);
    if (!r) return undefined;
    if (r.json === null) r.json = JSON.stringify(r.rec);
    return r.json;
  }

  /** Hold a record's JSON, or (json null) the record itself, serialised when first needed: it must never change. */
  putRecord(kind: string, id: string, json: string | null, rec?: unknown): void {
    let m = this.records.get(kind);
    if (!m) this.records.set(kind, (m = new Map()));
    const held = m;
    const prev = held.get(id);
    held.set(id, { kind, id, json, rec });
    if (!prev) this.recordCount++;
    this.journal?.push(() => (prev ? held.set(id, prev) : (held.delete(id), this.recordCount--)));
  }

  /** The record is deleted: its held record and postings go (the caller deletes the stored rows). */
  deleteRecord(kind: string, id: string): void {
    const held = this.records.get(kind);
    const prev = held?.get(id);
    if (held && prev) {
      held.delete(id);
      this.recordCount--;
      this.journal?.push(() => (held.set(id, prev), this.recordCount++));
    }
    for (const p of this.ofRecord.get(kind)?.get(id) ?? []) if (p.live) this.kill(p);
  }

  /** `id` is posted under `key` (newest). */
  post(kind: string, key: string, id: string): void {
    const p: PendingPosting = { kind, key, id, live: true };
    this.postings.push(p);
    push(this.ofRecord, kind, id, p);
    push(this.ofKey, kind, key, p);
    this.journal?.push(() => (p.live = false));
  }

  /** Take back a held posting of `id` under `key`; false when none is held (it is stored, if anywhere). */
  unpost(kind: string, key: string, id: string): boolean {
    for (const p of this.ofRecord.get(kind)?.get(id) ?? []) {
      if (p.live && p.key === key) {
        this.kill(p);
        return true;
      }
    }
    return false;
  }

  /** Ids held under `key`, newest first. */
  postedIds(kind: string, key: string): string[] {
    const list = this.ofKey.get(kind)?.get(key);
    const out: string[] = [];
    if (list) for (let i = list.length - 1; i >= 0; i--) if (list[i]!.live) out.push(list[i]!.id);
    return out;
  }

  get hasDf(): boolean {
    return this.df.size > 0;
  }

  /** Change held for a term's document frequency. */
  dfDelta(term: string): number {
    return this.df.get(term) ?? 0;
  }

  addDf(term: string, n: number): void {
    const prev = this.df.get(term);
    this.df.set(term, (prev ?? 0) + n);
    this.journal?.push(() => (prev === undefined ? this.df.delete(term) : this.df.set(term, prev)));
  }

  private kill(p: PendingPosting): void {
    p.live = false;
    this.journal?.push(() => (p.live = true));
  }

  /** Write everything held, then hold nothing; returns the document-frequency changes written. Call outside any savepoint, before COMMIT. */
  async flush(conn: SqlConn): Promise<[string, number][]> {
    if (this.journal) throw new Error('PendingWrites.flush inside an open write');
    const records = [...this.records.values()].flatMap((m) => [...m.values()]).sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id));
    // Stable sort: postings under one key keep the order they were posted in (seq orders them newest-first).
    const postings = this.postings.filter((p) => p.live).sort((a, b) => cmp(a.kind, b.kind) || cmp(a.key, b.key));
    const df = [...this.df].filter(([, n]) => n !== 0).sort((a, b) => cmp(a[0], b[0]));
    this.clear();
    for (let i = 0; i < records.length; i += FLUSH_ROWS) {
      const part = records.slice(i, i + FLUSH_ROWS);
      const params: string[] = [];
      for (const r of part) params.push(r.kind, r.id, r.json ?? JSON.stringify(r.rec));
      await conn.run(
        `INSERT INTO cx_records (kind, id, json) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json`,
        params,
      );
    }
    for (let i = 0; i < postings.length; i += FLUSH_ROWS) {
      const part = postings.slice(i, i + FLUSH_ROWS);
      const params: string[] = [];
      for (const p of part) params.push(p.kind, p.key, p.id);
      await conn.run(`INSERT INTO cx_postings (kind, key, id) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`, params);
    }
    for (let i = 0; i < df.length; i += DF_BATCH) {
      const part = df.slice(i, i + DF_BATCH);
      const params: (string | number)[] = [];
      for (const [t, n] of part) params.push(t, n);
      await conn.run(
        `INSERT INTO cx_term_df (term, n) VALUES ${part.map(() => '(?, ?)').join(', ')} ON CONFLICT (term) DO UPDATE SET n = cx_term_df.n + excluded.n`,
        params,
      );
    }
    return df;
  }
}

/** Append `v` to the list under kind, then key (two lookups: no key string built per posting). */
function push<V>(map: Map<string, Map<string, V[]>>, kind: string, k: string, v: V): void {
  let m = map.get(kind);
  if (!m) map.set(kind, (m = new Map()));
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Prefix of record ids in the posted-keys filter (posting keys have none). */
const RECORD = '\u0001';
/** Prefix of terms in the posted-keys filter that have a document-frequency row. */
const DF = '\u0002';

/** Largest posting table (and record table) whose keys are read to prime a cache's filter (larger ones: unknown keys are looked up). */
const PRIME_MAX_ROWS = 200_000;

/**
 * Start `cache` over whatever another connection wrote: drop it, then learn which keys are posted and which records
 * exist, so lookups of keys never posted and records never written skip the query: at once for a new store, and when
 * `scan` is set by reading the keys of small tables (the owner scans once, not whenever another connection writes).
 * @example await refreshCache(conn, cache, { scan: true })
 */
export async function refreshCache(conn: SqlConn, cache: RecordCache, opts: { scan?: boolean } = {}): Promise<void> {
  cache.forget();
  const top = await conn.get<{ n: number | string | null }>('SELECT max(seq) AS n FROM cx_postings');
  const postings = top?.n === null || top?.n === undefined ? 0 : Number(top.n);
  const anyRecord = await conn.get('SELECT 1 AS one FROM cx_records LIMIT 1');
  const anyDf = await conn.get('SELECT 1 AS one FROM cx_term_df LIMIT 1');
  if (postings === 0 && !anyRecord && !anyDf) return cache.trustPostings();
  if (!opts.scan || postings > PRIME_MAX_ROWS) return;
  const records = await conn.all<{ kind: string; id: string }>(`SELECT kind, id FROM cx_records LIMIT ${PRIME_MAX_ROWS + 1}`);
  if (records.length > PRIME_MAX_ROWS) return;
  const terms = await conn.all<{ term: string }>(`SELECT term FROM cx_term_df LIMIT ${PRIME_MAX_ROWS + 1}`);
  if (terms.length > PRIME_MAX_ROWS) return;
  const keys: string[] = [];
  for (const r of records) keys.push(RECORD + r.kind + '\u0000' + r.id);
  for (const r of terms) keys.push(DF + r.term);
  if (postings > 0) for (const r of await conn.all<{ kind: string; key: string }>('SELECT kind, key FROM cx_postings')) keys.push(r.kind + '\u0000' + r.key);
  cache.trustPostings(keys);
}

/** A cached record: parsed, or the JSON just written for it (parsed when first read); the keys it is posted under (a private copy). */
interface CacheEntry {
  kind: string;
  id: string;
  json: string | null;
  rec: unknown;
  keys: readonly string[] | null;
}

const NO_IDS: string[] = [];

/** A cached posting list (see RecordCache.postings). */
interface ListEntry {
  kind: string;
  key: string;
  ids: string[];
  limit: number;
}

/**
 * Parsed index records kept between write transactions, so linking a document does not re-read and re-parse
 * the records of the documents before it (a story's quotes are looked up by every later report of it).
 * Records are shared objects, as MemoryCorpusIndex's are: callers that change one write it back with put,
 * which replaces the entry with the written JSON (parsed again on the next read). The owner clears the cache when
 * a transaction rolls back, and calls `forget` when another connection has written the database. Bounded: the
 * oldest entries go first. Optionally it also knows which keys can have postings at all (`trustPostings`):
 * then a key never posted is answered without a query.
 * @example const cache = new RecordCache(50_000); new SqlCorpusIndex(conn, cache)
 */
export class RecordCache {
  /**
   * Stored (committed) document frequencies read or written by this store, per term; the fresh store's terms
   * not yet stored are known absent through the posted-keys filter (prefix \u0002).
   */
  private readonly df = new Map<string, number>();
  /** Records by kind, then id (two lookups: no key string built per read), each map oldest first; `count` in all. */
  private readonly records = new Map<string, Map<string, CacheEntry>>();
  private count = 0;
  /** Posting lists by kind, then key, newest first: the first `limit` ids posted under a key (all of them when fewer). */
  private readonly lists = new Map<string, Map<string, ListEntry>>();
  private listCount = 0;
  /** Every key posted since the posting table was known in full (a superset: no false negatives), or null. */
  private posted: KeyFilter | null = null;
  /** Records and posting lists (by key) the open write touched or handed out, or null. */
  private journal: Set<CacheEntry | ListEntry> | null = null;

  constructor(private readonly max = 50_000) {}

  /**
   * From now on every posting and record written goes through `post` and `written` (frequencies: `committedDf`), and
   * `keys` (kind + NUL + key; records: \u0001 + kind + NUL + id; frequency rows: \u0002 + term) are all the keys
   * already posted, records stored and terms counted: others do not exist.
   */
  trustPostings(keys: Iterable<string> = []): void {
    this.posted = new KeyFilter();
    for (const k of keys) this.posted.add(k);
  }

  /** A write starts: note what it touches, so `rollback` can drop just that. */
  begin(): void {
    this.journal = new Set();
  }

  /** The write committed (or was released into a batch that commits later). */
  commit(): void {
    this.journal = null;
  }

  /** The write rolled back: drop every record it read or wrote (callers may have changed them) and every list it changed. */
  rollback(): void {
    const j = this.journal;
    this.journal = null;
    if (!j) return this.clear();
    for (const e of j) {
      if ('ids' in e) this.dropList(e.kind, e.key);
      else this.drop(e.kind, e.id);
    }
  }

  /** Whether keys never posted are known (see trustPostings). */
  get knowsPostings(): boolean {
    return this.posted !== null;
  }

  /** Cached ids posted under `key`, newest first, when the cache knows at least the first `limit`; else undefined. */
  postings(kind: string, key: string, limit: number): string[] | undefined {
    const e = this.lists.get(kind)?.get(key);
    if (!e) return this.posted && !this.posted.has3(kind, '\u0000', key) ? NO_IDS : undefined;
    if (e.ids.length >= e.limit && e.limit < limit) return undefined;
    return e.ids.length > limit ? e.ids.slice(0, limit) : e.ids;
  }

  /** Remember the newest ids posted under `key`, read with LIMIT `limit`. */
  setPostings(kind: string, key: string, ids: string[], limit: number): void {
    this.setList({ kind, key, ids: [...ids], limit });
  }

  private setList(e: ListEntry): void {
    let m = this.lists.get(e.kind);
    if (!m) this.lists.set(e.kind, (m = new Map()));
    if (this.listCount >= this.max && !m.has(e.key)) this.listCount -= evictLargest(this.lists, this.max >> 3);
    if (!m.has(e.key)) this.listCount++;
    m.set(e.key, e);
    this.journal?.add(e);
  }

  private dropList(kind: string, key: string): void {
    if (this.lists.get(kind)?.delete(key)) this.listCount--;
  }

  /** `id` was just posted under `key`: it is the newest. */
  post(kind: string, key: string, id: string): void {
    const e = this.lists.get(kind)?.get(key);
    if (!e) {
      // The first posting ever under this key: the cache knows the whole list.
      if (this.posted && !this.posted.has3(kind, '\u0000', key)) this.setList({ kind, key, ids: [id], limit: Infinity });
      this.posted?.add3(kind, '\u0000', key);
      return;
    }
    this.journal?.add(e);
    const at = e.ids.indexOf(id);
    if (at >= 0) e.ids.splice(at, 1);
    else if (e.ids.length >= e.limit) e.limit++;
    e.ids.unshift(id);
    // Long lists keep their newest ids: the list then knows the first LIST_CAP.
    if (e.ids.length > LIST_CAP) (e.ids.length = LIST_CAP), (e.limit = LIST_CAP);
  }

  /** `id` is no longer posted under `key`. */
  unpost(kind: string, key: string, id: string): void {
    const e = this.lists.get(kind)?.get(key);
    if (!e) return;
    const at = e.ids.indexOf(id);
    if (at < 0) return;
    this.journal?.add(e);
    // A cut-off list loses one known id: it now knows one fewer of the newest.
    if (e.ids.length >= e.limit) e.limit--;
    e.ids.splice(at, 1);
  }

  /** True when the record is known not to exist (see trustPostings). */
  absent(kind: string, id: string): boolean {
    return this.posted !== null && !this.posted.has3(RECORD + kind, '\u0000', id);
  }

  /** The cached record (parsed on first read), or undefined. */
  get(kind: string, id: string): unknown {
    const e = this.records.get(kind)?.get(id);
    if (!e) return undefined;
    this.journal?.add(e);
    if (e.rec === undefined) (e.rec = JSON.parse(e.json!)), (e.json = null);
    return e.rec;
  }

  /** A record just read (parsed from the stored JSON). */
  set(kind: string, id: string, record: unknown): void {
    const keys = (record as { keys?: unknown }).keys;
    this.store({ kind, id, json: null, rec: record, keys: Array.isArray(keys) ? (keys as string[]).slice() : null });
  }

  /** A record just written as `json` (or kept as the object `rec`, never changed: see IMMUTABLE_KINDS), posted under `keys`. */
  written(kind: string, id: string, json: string | null, keys: readonly string[] | null, rec?: unknown): void {
    this.posted?.add3(RECORD + kind, '\u0000', id);
    this.store({ kind, id, json, rec, keys: keys ? keys.slice() : null });
  }

  /** The keys the cached record is posted under, or undefined when it is not cached. */
  keysOf(kind: string, id: string): readonly string[] | undefined {
    const e = this.records.get(kind)?.get(id);
    return e ? (e.keys ?? []) : undefined;
  }

  private store(e: CacheEntry): void {
    this.journal?.add(e);
    let m = this.records.get(e.kind);
    if (!m) this.records.set(e.kind, (m = new Map()));
    if (this.count >= this.max && !m.has(e.id)) this.evict(this.max >> 3);
    if (m.delete(e.id)) this.count--;
    m.set(e.id, e);
    this.count++;
  }

  private drop(kind: string, id: string): void {
    if (this.records.get(kind)?.delete(id)) this.count--;
  }

  /** Drop about `n` of the oldest records, from the kinds holding most. */
  private evict(n: number): void {
    for (const m of [...this.records.values()].sort((a, b) => b.size - a.size)) {
      for (const id of m.keys()) {
        if (n <= 0) return;
        m.delete(id);
        this.count--;
        n--;
      }
    }
  }

  delete(kind: string, id: string): void {
    this.drop(kind, id);
  }

  /** The stored document frequency of `term` when known (0: no row), else undefined. */
  storedDf(term: string): number | undefined {
    const n = this.df.get(term);
    if (n !== undefined) return n;
    return this.posted && !this.posted.has(DF + term) ? 0 : undefined;
  }

  /** A stored document frequency just read. */
  setStoredDf(term: string, n: number): void {
    if (this.df.size >= this.max * 4) this.df.clear();
    this.df.set(term, n);
  }

  /** Changes to stored document frequencies, now committed. */
  committedDf(changes: readonly [string, number][]): void {
    for (const [t, n] of changes) {
      this.posted?.add(DF + t);
      const old = this.df.get(t);
      if (old !== undefined) this.df.set(t, old + n);
    }
  }

  /** Drop records, posting lists and stored frequencies (after a rollback: the keys filter stays a superset, so it is kept). */
  clear(): void {
    this.records.clear();
    this.count = 0;
    this.lists.clear();
    this.listCount = 0;
    this.df.clear();
  }

  /** Drop everything, including which keys are posted (another connection has written). */
  forget(): void {
    this.clear();
    this.posted = null;
  }

  get size(): number {
    return this.count;
  }
}

/** Drop about `count` of the oldest entries, from the kinds holding most; returns how many went. */
function evictLargest(maps: Map<string, Map<string, unknown>>, count: number): number {
  let n = 0;
  for (const m of [...maps.values()].sort((a, b) => b.size - a.size)) {
    for (const k of m.keys()) {
      if (n >= count) return n;
      m.delete(k);
      n++;
    }
  }
  return n;
}

/** Bits in the posted-keys filter (4 MB): about 1% false positives at a million keys, more beyond (each costs a lookup). */
const FILTER_BITS = 1 << 25;

/** A Bloom filter of strings (three probes from two 32-bit hashes); a key may be given in parts (hashed as if joined). */
class KeyFilter {
  private readonly bits = new Int32Array(FILTER_BITS >>> 5);
  private h1 = 0;
  private h2 = 0;

  add(s: string): void {
    this.hash(s, '', '');
    this.set();
  }

  has(s: string): boolean {
    this.hash(s, '', '');
    return this.test();
  }

  /** add(a + b + c), without building the string. */
  add3(a: string, b: string, c: string): void {
    this.hash(a, b, c);
    this.set();
  }

  /** has(a + b + c), without building the string. */
  has3(a: string, b: string, c: string): boolean {
    this.hash(a, b, c);
    return this.test();
  }

  private hash(a: string, b: string, c: string): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x9747b28c;
    this.mix(a);
    this.mix(b);
    this.mix(c);
    this.h2 |= 1;
  }

  private mix(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  private set(): void {
    for (let i = 0; i < 3; i++) {
      const b = (this.h1 + Math.imul(i, this.h2)) & (FILTER_BITS - 1);
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  private test(): boolean {
    for (let i = 0; i < 3; i++) {
      const b = (this.h1 + Math.imul(i, this.h2)) & (FILTER_BITS - 1);
      if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return false;
    }
    return true;
  }
}
