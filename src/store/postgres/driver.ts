/** node-postgres behind the SqlConn surface. */
import pg from 'pg';
import { CrosscheckError } from '../../errors.js';
import { toPgPlaceholders, type SqlConn, type SqlValue } from '../sql.js';

type Queryable = { query: (q: { text: string; values: unknown[] }) => Promise<pg.QueryResult> };

const converted = new Map<string, string>();
function pgSql(sql: string): string {
  let s = converted.get(sql);
  if (s === undefined) {
    s = toPgPlaceholders(sql);
    if (converted.size > 2000) converted.clear();
    converted.set(sql, s);
  }
  return s;
}

// PostgreSQL text cannot hold NUL; documents rarely do, but one must not abort a batch.
function clean(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'string' && p.includes('\u0000') ? p.replace(/\u0000/g, '') : p));
}

/**
 * SqlConn over a pg Pool or a checked-out client (inside a transaction).
 * @example new PgConn(pool).all('SELECT 1 AS x')
 */
export class PgConn implements SqlConn {
  readonly dialect = 'postgres' as const;
  constructor(private readonly q: Queryable) {}

  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await this.q.query({ text: pgSql(sql), values: clean(params) });
    } catch (err) {
      const e = err as Error & { code?: string };
      if (e.code === '57014') throw new CrosscheckError('E_TIMEOUT', `query exceeded the read time limit (setting queryTimeoutMs): ${e.message}`);
      throw new CrosscheckError('E_STORE', `PostgreSQL: ${e.message}`, { code: e.code }, { cause: err });
    }
  }
  async all<T = Record<string, any>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }
  async get<T = Record<string, any>>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
}
