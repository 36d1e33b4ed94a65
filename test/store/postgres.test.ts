/** The store suite on PostgreSQL, in a fresh schema per run. Set CROSSCHECK_TEST_PG_URL (scripts/ci-postgres.sh prints it). */
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './store-suite.js';

const url = process.env.CROSSCHECK_TEST_PG_URL;

if (!url) {
  describe('store suite: postgres', () => {
    it('skipped: CROSSCHECK_TEST_PG_URL is not set (run `eval "$(scripts/ci-postgres.sh)"` to enable)', { skip: 'CROSSCHECK_TEST_PG_URL not set' }, () => {});
  });
} else {
  const schema = `cc_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  const withSchema = (s: string) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${s}`)}`;
  after(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
  storeSuite('postgres', async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    return openStore(withSchema(schema));
  });
}
