/** The PostgreSQL store: a read pool with statement_timeout, and one writer client per transaction. */
import pg from 'pg';
import { CrosscheckError } from '../../errors.js';
import { SqlStore, type LongTransaction } from '../sql-store.js';
import { PgConn } from './driver.js';
import { MIGRATIONS } from './migrations.js';
import { postgresFts } from './search.js';

// A fixed key for pg_advisory_xact_lock: one migrator at a time.
const MIGRATION_LOCK = 7_341_022;

/**
 * A Store in a PostgreSQL database.
 * @example const store = await PostgresStore.open('postgres://user@localhost/crosscheck')
 */
export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool, private readonly wpool: pg.Pool) {
    super(new PgConn(pool), postgresFts);
  }

  static async open(url: string, opts: { queryTimeoutMs?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, statement_timeout: opts.queryTimeoutMs || undefined });
    const wpool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => undefined);
    wpool.on('error', () => undefined);
    const store = new PostgresStore(pool, wpool);
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      if (err instanceof CrosscheckError) throw err;
      throw new CrosscheckError('E_STORE', `cannot open PostgreSQL database: ${(err as Error).message}`, {}, { cause: err });
    }
    return store;
  }

  async migrate(): Promise<void> {
    await this.transaction(async (conn) => {
      await conn.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await conn.run('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const done = new Set((await conn.all<{ version: number }>('SELECT version FROM migrations')).map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await conn.run(m.sql);
        await conn.run('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      }
    });
  }

  protected async beginLong(): Promise<LongTransaction> {
    let client: pg.PoolClient;
    try {
      client = await this.wpool.connect();
    } catch (err) {
      throw new CrosscheckError('E_STORE', `cannot connect to PostgreSQL: ${(err as Error).message}`, {}, { cause: err });
    }
    try {
      await client.query('BEGIN');
    } catch (err) {
      client.release();
      throw new CrosscheckError('E_STORE', `PostgreSQL could not begin a transaction: ${(err as Error).message}`, {}, { cause: err });
    }
    return {
      conn: new PgConn(client),
      end: async (commit) => {
        try {
          await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        } catch (err) {
          // A failed COMMIT leaves the transaction aborted: roll it back before the client returns to the pool.
          if (commit) await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.finishBatches().catch(() => undefined);
    await Promise.allSettled([this.pool.end(), this.wpool.end()]);
  }
}
