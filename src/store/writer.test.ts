import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from './open.js';
import { SqliteStore } from './sqlite/store.js';
import { setMembers } from './writer.js';

/** Members after each write: rows before the first difference are kept, the rest rewritten, in seq order. */
test('setMembers leaves a group holding exactly the members given, in order', async () => {
  const store = await openStore(':memory:');
  try {
    assert.ok(store instanceof SqliteStore);
    const conn = store.db;
    await conn.run(`INSERT INTO quote_groups (id) VALUES ('g')`);
    const rows: [string[], string[]][] = [
      [[], []],
      [['a'], ['a']],
      [['a', 'b', 'c'], ['a', 'b', 'c']],
      [['a', 'b', 'c'], ['a', 'b', 'c']],
      [['a', 'x', 'c'], ['a', 'x', 'c']],
      [['z', 'a', 'x', 'c'], ['z', 'a', 'x', 'c']],
      [['z', 'a'], ['z', 'a']],
      [[], []],
      [['q'], ['q']],
    ];
    for (const [values, want] of rows) {
      await setMembers(conn, 'quote_group_members', 'group_id', 'quote_id', 'g', values);
      const got = await conn.all<{ quote_id: string; seq: number }>(`SELECT quote_id, seq FROM quote_group_members WHERE group_id = 'g' ORDER BY seq`);
      assert.deepEqual(got.map((r) => r.quote_id), want, `after ${values.join(',')}`);
      assert.deepEqual(got.map((r) => r.seq), want.map((_, i) => i));
    }
  } finally {
    await store.close();
  }
});
