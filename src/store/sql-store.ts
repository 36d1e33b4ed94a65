/** A Store over SQL: the shared reader plus the writer transaction. Dialects supply connections and transactions. */
import type { DocBundle } from '../analysis/types.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { LinkResult } from '../corpus/link-result.js';
import { SqlCorpusIndex } from './corpus-index-sql.js';
import { SqlStoreReader, type FtsDialect } from './reader.js';
import type { SqlConn } from './sql.js';
import type { Store } from './types.js';
import type { Linker, WriteOutcome, WriteTx } from './write-types.js';
import { findByContentHash, writeDocumentSql } from './writer.js';

/** The connection-level pieces a dialect provides. */
export abstract class SqlStore extends SqlStoreReader implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(rconn: SqlConn, fts: FtsDialect) {
    super(rconn, fts);
  }

  abstract migrate(): Promise<void>;
  abstract close(): Promise<void>;
  /** Run fn inside one database transaction on the writer connection. */
  protected abstract transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;

  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const next = this.queue.then(() =>
      this.transaction(async (conn) => {
        const index: CorpusIndex = new SqlCorpusIndex(conn);
        const tx: WriteTx = {
          index,
          findByContentHash: (hash) => findByContentHash(conn, hash),
          writeDocument: (bundle: DocBundle, link: LinkResult | null) => writeDocumentSql(conn, bundle, link),
        };
        return fn(tx);
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  putDocument(bundle: DocBundle, linker?: Linker | null): Promise<WriteOutcome> {
    return this.write(async (tx) => {
      const same = await tx.findByContentHash(bundle.document.contentHash);
      if (same) return { status: 'unchanged', doc: same, replaced: null };
      const link = linker ? await linker(bundle, tx.index) : null;
      return tx.writeDocument(bundle, link);
    });
  }
}
