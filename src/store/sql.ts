/**
 * The small SQL surface both dialects implement, so the reader, the writer and the corpus index
 * are written once. Placeholders are `?`; the PostgreSQL driver rewrites them to `$n`.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlConn {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, any>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, any>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

/** `?, ?, ?` for n values (n >= 1). @example placeholders(3) // '?, ?, ?' */
export function placeholders(n: number): string {
  return n <= 0 ? 'NULL' : new Array(n).fill('?').join(', ');
}

/**
 * Rewrite `?` placeholders to PostgreSQL's `$1, $2, …` (our SQL never has `?` inside literals).
 * @example toPgPlaceholders('a = ? AND b = ?') // 'a = $1 AND b = $2'
 */
export function toPgPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => '$' + ++i);
}

/** First 10 characters of an ISO date or datetime, or null. @example pubDate('2024-03-05T10:00Z') // '2024-03-05' */
export function pubDate(published: string | null | undefined): string | null {
  if (!published) return null;
  const m = /^\d{4}-\d{2}-\d{2}/.exec(published);
  return m ? m[0] : null;
}

/** Numbers from drivers (pg returns bigint counts as strings). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(v);
}

/** Lower-case, accent-free, single-spaced form used for alias lookups. @example normName(' Ré  Smith ') // 're smith' */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
