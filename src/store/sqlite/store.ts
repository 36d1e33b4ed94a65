/** The SQLite store: one writer connection, one read connection (WAL lets reads run beside the writer). */
import { CrosscheckError } from '../../errors.js';
import { SqlStore, type LongTransaction } from '../sql-store.js';
import { openSqlite, SqliteConn } from './driver.js';
import { MIGRATIONS } from './migrations.js';
import { sqliteFts } from './search.js';

/**
 * A Store in one SQLite file (or ':memory:').
 * @example const store = await SqliteStore.open('crosscheck.db', { queryTimeoutMs: 5000 })
 */
export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;

  private constructor(private readonly wconn: SqliteConn, rconn: SqliteConn) {
    super(rconn, sqliteFts);
  }

  static async open(path: string, opts: { queryTimeoutMs?: number } = {}): Promise<SqliteStore> {
    let wdb;
    try {
      wdb = openSqlite(path);
    } catch (err) {
      throw new CrosscheckError('E_STORE', `cannot open SQLite database ${path}: ${(err as Error).message}`, { path }, { cause: err });
    }
    const wconn = new SqliteConn(wdb);
    const memory = path === ':memory:' || path === '';
    const store = new SqliteStore(wconn, memory ? new SqliteConn(wdb, opts.queryTimeoutMs ?? 0) : wconn);
    await store.migrate();
    if (!memory) store.rconn = new SqliteConn(openSqlite(path), opts.queryTimeoutMs ?? 0);
    return store;
  }

  /** The raw writer connection, for integrity checks and tests. */
  get db(): SqliteConn {
    return this.wconn;
  }

  async migrate(): Promise<void> {
    this.wconn.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await this.wconn.all<{ version: number }>('SELECT version FROM migrations')).map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.wconn.db.transaction(() => {
        this.wconn.db.exec(m.sql);
        this.wconn.db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  private dataVersion = -1;

  protected override cachesRecords(): boolean {
    return true;
  }

  /** SQLite's data_version changes on this connection only when another connection commits. */
  protected override othersWrote(): boolean {
    const v = this.wconn.db.pragma('data_version', { simple: true }) as number;
    const changed = v !== this.dataVersion;
    this.dataVersion = v;
    return changed;
  }

  protected async beginLong(): Promise<LongTransaction> {
    this.wconn.exec('BEGIN IMMEDIATE');
    return {
      conn: this.wconn,
      end: async (commit) => {
        if (commit) this.wconn.exec('COMMIT');
        else if (this.wconn.db.inTransaction) this.wconn.exec('ROLLBACK');
      },
    };
  }

  async close(): Promise<void> {
    await this.finishBatches();
    const r = this.rconn as SqliteConn;
    if (r !== this.wconn) r.db.close();
    if (this.wconn.db.open) {
      try {
        this.wconn.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        /* a busy checkpoint is fine; the WAL is replayed on next open */
      }
      this.wconn.db.close();
    }
  }
}
