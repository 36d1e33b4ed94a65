/** Open the store a `db` setting names: a file path (SQLite) or a postgres:// URL (PostgreSQL). */
import { CrosscheckError } from '../errors.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** Read time limit per statement (settings.queryTimeoutMs). */
  queryTimeoutMs?: number;
}

/** Whether `db` names a PostgreSQL database. @example isPostgresUrl('postgres://u@h/db') // true */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Open (and migrate) the store.
 * @example const store = await openStore('crosscheck.db'); await store.counts(); await store.close();
 */
export async function openStore(db: string, opts: OpenStoreOptions = {}): Promise<Store> {
  if (!db) throw new CrosscheckError('E_CONFIG', "setting 'db': expected a SQLite path or a postgres:// URL, found an empty value");
  if (isPostgresUrl(db)) {
    const { PostgresStore } = await import('./postgres/store.js');
    return PostgresStore.open(db, opts);
  }
  const { SqliteStore } = await import('./sqlite/store.js');
  return SqliteStore.open(db, opts);
}
