import assert from 'node:assert/strict';
import { it } from 'node:test';
import { openSqlite, SqliteConn } from './driver.js';
import { fts5Query } from './search.js';

it('stops a read that runs past queryTimeoutMs with E_TIMEOUT', async () => {
  const conn = new SqliteConn(openSqlite(':memory:'), 5);
  // 100 million rows cannot be counted in 5 ms; the deadline function interrupts the scan.
  const sql = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) AS n FROM c WHERE cc_deadline()';
  await assert.rejects(conn.get(sql), (e: any) => e.code === 'E_TIMEOUT' && /queryTimeoutMs/.test(e.message));
  // The connection stays usable and short reads pass.
  assert.deepEqual(await conn.get('SELECT count(*) AS n FROM (SELECT 1 UNION ALL SELECT 2) WHERE cc_deadline()'), { n: 2 });
});

it('turns typed text into safe FTS5 queries', () => {
  const table: [string, string | null][] = [
    ['troops border', '"troops" "border"'],
    ['"border crossing" OR army*', '"border crossing" OR "army"*'],
    ['AND OR NOT (', '"AND" OR "NOT"'],
    ['"***"', null],
    ['  ', null],
    ["l'armée Ukraine's", '"l armée" "Ukraine s"'],
    ['OR troops OR', '"OR" "troops"'],
  ];
  for (const [input, expected] of table) assert.equal(fts5Query(input), expected, input);
});
