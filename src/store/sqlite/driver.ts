/** better-sqlite3 behind the SqlConn surface: cached prepared statements and a per-statement time limit. */
import Database from 'better-sqlite3';
import { CrosscheckError } from '../../errors.js';
import type { SqlConn, SqlValue } from '../sql.js';

type Db = Database.Database;
type Stmt = Database.Statement;

/**
 * Open a SQLite connection with WAL, foreign keys and a busy timeout.
 * @example const db = openSqlite('crosscheck.db')
 */
export function openSqlite(path: string, opts: { readonly?: boolean } = {}): Db {
  const db = new Database(path, { readonly: opts.readonly ?? false, timeout: 10_000 });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -32000');
  return db;
}

/**
 * SqlConn over one better-sqlite3 connection. When `timeoutMs` is set, every statement gets a deadline,
 * enforced by the `cc_deadline()` function that read queries include in their WHERE clause.
 */
export class SqliteConn implements SqlConn {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Stmt>();
  private deadline = 0;

  constructor(readonly db: Db, private readonly timeoutMs = 0) {
    db.function('cc_deadline', { deterministic: false, varargs: false }, () => {
      if (this.deadline && Date.now() > this.deadline) {
        throw new CrosscheckError('E_TIMEOUT', `query exceeded the read time limit of ${this.timeoutMs} ms (setting queryTimeoutMs); narrow the filters`);
      }
      return 1;
    });
  }

  private stmt(sql: string): Stmt {
    let s = this.cache.get(sql);
    if (!s) {
      try {
        s = this.db.prepare(sql);
      } catch (err) {
        throw new CrosscheckError('E_STORE', `SQLite could not prepare a statement: ${(err as Error).message}`, { sql }, { cause: err });
      }
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  private guard<T>(fn: () => T): T {
    this.deadline = this.timeoutMs ? Date.now() + this.timeoutMs : 0;
    try {
      return fn();
    } catch (err) {
      if (err instanceof CrosscheckError) throw err;
      const e = err as Error & { code?: string };
      if (/fts5: syntax error|malformed MATCH/i.test(e.message)) throw new CrosscheckError('E_USAGE', `search query could not be parsed: ${e.message}`);
      throw new CrosscheckError('E_STORE', `SQLite: ${e.message}`, { code: e.code }, { cause: err });
    } finally {
      this.deadline = 0;
    }
  }

  async all<T = Record<string, any>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.guard(() => this.stmt(sql).all(...params) as T[]);
  }
  async get<T = Record<string, any>>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.guard(() => this.stmt(sql).get(...params) as T | undefined);
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return this.guard(() => ({ changes: this.stmt(sql).run(...params).changes }));
  }
  exec(sql: string): void {
    this.guard(() => this.db.exec(sql));
  }
}
