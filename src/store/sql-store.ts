/** A Store over SQL: the shared reader plus the writer transaction. Dialects supply connections and transactions. */
import type { DocBundle } from '../analysis/types.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { LinkResult } from '../corpus/link-result.js';
import { PendingWrites, RecordCache, refreshCache, SqlCorpusIndex } from './corpus-index-sql.js';
import { SqlStoreReader, type FtsDialect } from './reader.js';
import type { SqlConn } from './sql.js';
import type { Store } from './types.js';
import type { Linker, WriteOutcome, WriteTx } from './write-types.js';
import { dropStale, findByContentHash, MemberLists, writeDocumentSql, writeMeasuresSql, writeStoriesSql } from './writer.js';

/**
 * Writes per batch transaction, and the longest a batch stays open, in batch mode. Ingest's content-hash checks are
 * reads (findByContentHash), not writes: 50 writes is the 50 documents a batch held when each check was a write too.
 */
const BATCH_WRITES = 50;
const BATCH_MS = 1000;

/** A transaction held open across writes in batch mode. */
export interface LongTransaction {
  conn: SqlConn;
  end(commit: boolean): Promise<void>;
}

/** The connection-level pieces a dialect provides. */
export abstract class SqlStore extends SqlStoreReader implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  private queue: Promise<unknown> = Promise.resolve();
  /** Index records shared across write transactions; null when the dialect cannot tell that another writer changed them. */
  private readonly records: RecordCache | null = this.cachesRecords() ? new RecordCache() : null;
  /** Group and measure member lists last written, kept with the record cache (same lifetime). */
  private readonly lists: MemberLists | null = this.records ? new MemberLists() : null;
  /** Index writes of the open transaction, written just before it commits. */
  private readonly pending = new PendingWrites();

  constructor(rconn: SqlConn, fts: FtsDialect) {
    super(rconn, fts);
  }

  abstract migrate(): Promise<void>;
  abstract close(): Promise<void>;
  /** Begin a transaction on the writer connection that stays open until `end`. */
  protected abstract beginLong(): Promise<LongTransaction>;

  /** Run fn inside one database transaction on the writer connection: commit when it resolves, roll back when it throws. */
  protected async transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    const t = await this.beginLong();
    try {
      const out = await fn(t.conn);
      await t.end(true);
      return out;
    } catch (err) {
      // fn failed, or the commit did: nothing of it stays.
      await t.end(false).catch(() => undefined);
      throw err;
    }
  }
  /** Whether write transactions may reuse parsed index records between them (see `othersWrote`). */
  protected cachesRecords(): boolean {
    return false;
  }
  /** True when another connection has changed the database since the last call (then cached records are dropped). */
  protected othersWrote(_conn: SqlConn): boolean {
    return true;
  }

  /** Whether the cache has read the keys of the tables once (later refreshes only notice an empty store). */
  private scanned = false;

  private async refreshRecords(conn: SqlConn): Promise<void> {
    const scan = !this.scanned;
    this.scanned = true;
    this.lists?.clear();
    await refreshCache(conn, this.records!, { scan });
  }

  private batchDepth = 0;
  private batch: (LongTransaction & { writes: number; started: number; timer: NodeJS.Timeout | null }) | null = null;

  private txFor(conn: SqlConn): WriteTx {
    const sqlIndex = new SqlCorpusIndex(conn, this.records, this.pending);
    const index: CorpusIndex = sqlIndex;
    return {
      index,
      findByContentHash: (hash, analyzer) => findByContentHash(conn, hash, analyzer),
      dropStale: async (bundle: DocBundle) => {
        const id = await dropStale(conn, bundle, sqlIndex, this.lists);
        // Dropping deletes index rows in SQL directly: cached copies of them must go too.
        if (id) this.records?.clear();
        return id;
      },
      writeDocument: async (bundle: DocBundle, link: LinkResult | null) => {
        const out = await writeDocumentSql(conn, bundle, link, sqlIndex, this.lists);
        // Superseding a version deletes index rows in SQL directly: cached copies of them must go too.
        if (out.replaced) this.records?.clear();
        return out;
      },
      writeStories: (stories, removed) => writeStoriesSql(conn, stories, removed),
      writeMeasures: (measures) => writeMeasuresSql(conn, measures, this.lists),
    };
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job);
    // Writes repair the cache themselves (see RecordCache.rollback); the queue only goes on.
    this.queue = next.catch(() => undefined);
    return next;
  }

  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (this.batchDepth > 0) return this.enqueue(() => this.writeInBatch(fn));
    return this.enqueue(async () => {
      let flushed: [string, number][] = [];
      try {
        const out = await this.transaction(async (conn) => {
          if (this.records && this.othersWrote(conn)) await this.refreshRecords(conn);
          this.records?.begin();
          const res = await fn(this.txFor(conn));
          flushed = await this.pending.flush(conn);
          return res;
        });
        this.records?.commit();
        this.records?.committedDf(flushed);
        return out;
      } catch (err) {
        // A rolled-back transaction may have left changed records in the cache.
        this.records?.rollback();
        this.lists?.clear();
        this.pending.clear();
        throw err;
      }
    });
  }

  private async writeInBatch<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (!this.batch) {
      const long = await this.beginLong();
      if (this.records && this.othersWrote(long.conn)) await this.refreshRecords(long.conn);
      this.batch = { ...long, writes: 0, started: Date.now(), timer: null };
      // A stalled input (a slow feed) must not hold the write lock: commit what is there after BATCH_MS.
      this.batch.timer = setTimeout(() => void this.enqueue(() => this.commitBatch()).catch(() => undefined), BATCH_MS);
      this.batch.timer.unref?.();
    }
    const b = this.batch;
    await b.conn.run('SAVEPOINT cc_write');
    let out: T;
    try {
      this.records?.begin();
      this.pending.begin();
      out = await fn(this.txFor(b.conn));
    } catch (err) {
      // The savepoint's writes are undone: so are the cache entries it read or changed, and the index writes it held back.
      this.records?.rollback();
      this.lists?.clear();
      this.pending.rollback();
      try {
        await b.conn.run('ROLLBACK TO SAVEPOINT cc_write');
        await b.conn.run('RELEASE SAVEPOINT cc_write');
      } catch {
        // The connection cannot roll back to the savepoint: drop the whole batch rather than commit a half write.
        this.records?.clear();
        this.lists?.clear();
        this.pending.clear();
        this.batch = null;
        if (b.timer) clearTimeout(b.timer);
        await b.end(false).catch(() => undefined);
      }
      throw err;
    }
    this.records?.commit();
    this.pending.commit();
    try {
      await b.conn.run('RELEASE SAVEPOINT cc_write');
    } catch (err) {
      this.records?.clear();
      this.lists?.clear();
      throw err;
    }
    if (++b.writes >= BATCH_WRITES || Date.now() - b.started >= BATCH_MS) await this.commitBatch();
    return out;
  }

  private async commitBatch(): Promise<void> {
    const b = this.batch;
    if (!b) return;
    this.batch = null;
    if (b.timer) clearTimeout(b.timer);
    let flushed: [string, number][];
    try {
      // The index writes held back go in last, in one pass, before the commit.
      flushed = await this.pending.flush(b.conn);
    } catch (err) {
      this.records?.clear();
      this.lists?.clear();
      this.pending.clear();
      await b.end(false).catch(() => undefined);
      throw err;
    }
    try {
      await b.end(true);
    } catch (err) {
      this.records?.clear();
      this.lists?.clear();
      throw err;
    }
    this.records?.committedDf(flushed);
  }

  beginBatch(): void {
    this.batchDepth++;
  }

  async endBatch(): Promise<void> {
    if (this.batchDepth > 0) this.batchDepth--;
    if (this.batchDepth === 0) await this.enqueue(() => this.commitBatch());
  }

  /** Leave batch mode and commit whatever is open (before closing the connection). */
  protected async finishBatches(): Promise<void> {
    this.batchDepth = 0;
    await this.enqueue(() => this.commitBatch());
  }

  findByContentHash(hash: string, analyzer?: string): Promise<string | null> {
    if (this.batchDepth > 0) {
      return this.enqueue(async () => (this.batch ? findByContentHash(this.batch.conn, hash, analyzer) : this.transaction((conn) => findByContentHash(conn, hash, analyzer))));
    }
    return this.write((tx) => tx.findByContentHash(hash, analyzer));
  }

  putDocument(bundle: DocBundle, linker?: Linker | null): Promise<WriteOutcome> {
    return this.write(async (tx) => {
      const same = await tx.findByContentHash(bundle.document.contentHash, bundle.analyzer);
      if (same) return { status: 'unchanged', doc: same, replaced: null };
      // Known content an older analyzer wrote goes before linking: the new analysis links as if new, not to itself.
      const stale = await tx.dropStale(bundle);
      const link = linker ? await linker(bundle, tx.index) : null;
      const out = await tx.writeDocument(bundle, link);
      return stale && out.status === 'added' ? { status: 'reanalyzed', doc: out.doc, replaced: stale } : out;
    });
  }
}
