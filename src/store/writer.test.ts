import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from './open.js';
import { SqliteStore } from './sqlite/store.js';
import { MemberLists, setMembers } from './writer.js';

/**
 * Members after each write: rows before the first difference are kept, the rest rewritten, in seq order; the same
 * with the member lists remembered between writes (MemberLists) instead of read back.
 */
for (const remembered of [false, true]) test(`setMembers leaves a group holding exactly the members given, in order${remembered ? ' (lists remembered)' : ''}`, async () => {
  const lists = remembered ? new MemberLists() : null;
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
      await setMembers(conn, 'quote_group_members', 'group_id', 'quote_id', 'g', values, lists);
      const got = await conn.all<{ quote_id: string; seq: number }>(`SELECT quote_id, seq FROM quote_group_members WHERE group_id = 'g' ORDER BY seq`);
      assert.deepEqual(got.map((r) => r.quote_id), want, `after ${values.join(',')}`);
      assert.deepEqual(got.map((r) => r.seq), want.map((_, i) => i));
      if (lists) assert.deepEqual(lists.get('quote_group_members', 'g'), want);
    }
  } finally {
    await store.close();
  }
});

/** The writer's content-hash check sees the open batch (a document written but not yet committed), and takes no write of its own. */
test('findByContentHash on the store: outside a batch, and inside one before it commits', async () => {
  const { analyzeRecord } = await import('../analysis/analyze.js');
  const store = await openStore(':memory:');
  try {
    const a = analyzeRecord({ id: 'a', text: 'The council approved the new bridge on Monday, the mayor said.' });
    const b = analyzeRecord({ id: 'b', text: 'The harbor reopened on Tuesday after repairs, officials said.' });
    assert.equal(await store.findByContentHash(a.document.contentHash), null);
    await store.putDocument(a, null);
    assert.equal(await store.findByContentHash(a.document.contentHash), 'a');
    store.beginBatch();
    try {
      assert.equal(await store.findByContentHash(b.document.contentHash), null);
      await store.putDocument(b, null);
      assert.equal(await store.findByContentHash(b.document.contentHash), 'b');
      assert.equal(await store.findByContentHash('no-such-hash'), null);
    } finally {
      await store.endBatch();
    }
    assert.equal(await store.findByContentHash(b.document.contentHash), 'b');
  } finally {
    await store.close();
  }
});
