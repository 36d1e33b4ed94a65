import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from './open.js';
import type { Store } from './types.js';
import { MemoryCorpusIndex, type CorpusIndex, type TermFrequencyDelta } from '../corpus/corpus-index.js';

/** The same deltas through the SQL index (SQLite in memory) and the memory index give the same frequencies. */
test('SqlCorpusIndex document frequencies: one upsert per document, batched reads, same as memory', async () => {
  const deltas: TermFrequencyDelta[] = [
    { documents: 1, added: ['t:n:a', 't:w:b'], removed: [] },
    { documents: 1, added: ['t:n:a', 't:x:12'], removed: [] },
    // The second document relinked: it now holds b instead of a.
    { documents: 0, added: ['t:w:b'], removed: ['t:n:a'] },
    // More terms than one statement's batch.
    { documents: 1, added: Array.from({ length: 900 }, (_, i) => `t:w:w${i}`), removed: [] },
  ];
  const ask = ['t:n:a', 't:w:b', 't:x:12', 't:n:none', 't:w:w0', 't:w:w899', ''];
  const memory = new MemoryCorpusIndex();
  for (const d of deltas) await memory.addTermFrequencies(d);
  const store = await openStore(':memory:');
  try {
    const got = await store.write(async (tx) => {
      const index: CorpusIndex = tx.index;
      for (const d of deltas) await index.addTermFrequencies(d);
      return index.termFrequencies(ask);
    });
    const want = await memory.termFrequencies(ask);
    assert.equal(got.documents, 3);
    assert.equal(got.documents, want.documents);
    assert.deepEqual([...got.df].sort(), [...want.df].sort());
    assert.deepEqual([...got.df].sort(), [['t:n:a', 1], ['t:w:b', 2], ['t:w:w0', 1], ['t:w:w899', 1], ['t:x:12', 1]]);
  } finally {
    await store.close();
  }
});

const pgUrl = process.env.CROSSCHECK_TEST_PG_URL;
const pgSchemas: string[] = [];
/** A fresh PostgreSQL store in its own schema (dropped after the run), when CROSSCHECK_TEST_PG_URL is set. */
async function openPg(): Promise<Store> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const schema = `cc_cxtest_${process.pid}_${pgSchemas.length}`;
  pgSchemas.push(schema);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return openStore(`${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
}
after(async () => {
  if (!pgSchemas.length) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  for (const s of pgSchemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

/**
 * The cached SQL index (records and posting lists kept between write transactions) answers key lookups exactly
 * as the memory index does, through a seeded random run of puts that add and drop keys, deletes, lookups
 * with varied limits, and writes that fail (after a put, or after changing a record read from the cache), each in
 * its own transaction; in batch mode the writes share one transaction through savepoints, and the index writes are
 * held back (PendingWrites) until the batch commits. PostgreSQL (no record cache) runs it too when
 * CROSSCHECK_TEST_PG_URL is set.
 */
for (const [dialect, batch] of [['sqlite', false], ['sqlite', true], ['postgres', false], ['postgres', true]] as const) {
  test(`SqlCorpusIndex (${dialect}) agrees with the memory index${batch ? ' (batch mode)' : ''}`, { skip: dialect === 'postgres' && !pgUrl ? 'CROSSCHECK_TEST_PG_URL not set' : false }, async () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const keyPool = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const memory = new MemoryCorpusIndex();
    const store = dialect === 'postgres' ? await openPg() : await openStore(':memory:');
    if (batch) store.beginBatch();
    try {
      for (let step = 0; step < 500; step++) {
        const op = rand(12);
        const id = `q${rand(40)}`;
        const keys = keyPool.filter(() => rand(4) === 0);
        const rec = { id, doc: 'd', speaker: null, speakerName: null, outlet: null, published: null, stems: [], numbers: [], via: [], group: `g${step}`, keys };
        if (op < 5) {
          await memory.putQuote(rec);
          await store.write((tx) => tx.index.putQuote(rec));
          // The same record again: nothing to write.
          if (op === 0) await store.write((tx) => tx.index.putQuote(structuredClone(rec)));
        } else if (op < 6) {
          // A measure deleted: its postings go too.
          const m = { id: `m${rand(5)}`, label: 'l', of: null, subject: null, place: null, claims: [], points: [], conflict: false, explanation: '', keys };
          if (rand(2)) {
            await memory.putMeasure(m);
            await store.write((tx) => tx.index.putMeasure(m));
          } else {
            await memory.deleteMeasure(m.id);
            await store.write((tx) => tx.index.deleteMeasure(m.id));
          }
        } else if (op < 7) {
          // A write that fails after a put, or after changing a cached record in place: neither is seen afterwards.
          await assert.rejects(
            store.write(async (tx) => {
              const old = await tx.index.getQuote(id);
              if (old && rand(2)) (old.group = 'changed'), old.keys.push('k0');
              else await tx.index.putQuote(rec);
              throw new Error('fail');
            }),
            /fail/,
          );
        } else {
          const ask = keyPool.filter(() => rand(3) === 0);
          const limit = 1 + rand(6);
          const want = (await memory.quotesByKeys(ask, limit)).map((q) => [q.id, q.group]);
          const got = await store.write(async (tx) => (await tx.index.quotesByKeys(ask, limit)).map((q) => [q.id, q.group]));
          assert.deepEqual(got, want, `step ${step}: quotes under ${ask.join(',')} limit ${limit}`);
          const mWant = (await memory.measuresByKeys(ask, limit)).map((m) => m.id);
          const mGot = await store.write(async (tx) => (await tx.index.measuresByKeys(ask, limit)).map((m) => m.id));
          assert.deepEqual(mGot, mWant, `step ${step}: measures under ${ask.join(',')} limit ${limit}`);
          const one = await store.write(async (tx) => (await tx.index.getQuote(id))?.group ?? null);
          assert.equal(one, (await memory.getQuote(id))?.group ?? null, `step ${step}: quote ${id}`);
        }
      }
    } finally {
      if (batch) await store.endBatch();
      await store.close();
    }
  });
}

/** Quote groups are kept as put (never changed in place): in a batch, a failing write's version is taken back, the last good one stays and is stored. */
test('quote group records in a batch: a failed write leaves the version before it, which is what gets stored', async () => {
  const store = await openStore(':memory:');
  const group = (quotes: string[]) => ({ id: 'qg:a', quotes, speaker: null, provenance: [] });
  try {
    store.beginBatch();
    try {
      await store.write((tx) => tx.index.putQuoteGroup(group(['a'])));
      await store.write((tx) => tx.index.putQuoteGroup(group(['a', 'b'])));
      await assert.rejects(
        store.write(async (tx) => {
          await tx.index.putQuoteGroup(group(['a', 'b', 'c']));
          assert.deepEqual((await tx.index.getQuoteGroup('qg:a'))?.quotes, ['a', 'b', 'c']);
          throw new Error('fail');
        }),
        /fail/,
      );
      assert.deepEqual(await store.write(async (tx) => (await tx.index.getQuoteGroup('qg:a'))?.quotes), ['a', 'b']);
    } finally {
      await store.endBatch();
    }
    const conn = (store as unknown as { db: { get: (sql: string) => Promise<{ json: string }> } }).db;
    assert.deepEqual(JSON.parse((await conn.get(`SELECT json FROM cx_records WHERE kind = 'quoteGroup'`)).json).quotes, ['a', 'b']);
  } finally {
    await store.close();
  }
});

/** A changed version of a URL replaces the old document: the corpus counts one document, and lookups never return the old one. */
test('a superseded version leaves the document frequencies and the cached index', async () => {
  const { analyzeRecord } = await import('../analysis/analyze.js');
  const { linkDocument } = await import('../corpus/link.js');
  const store = await openStore(':memory:');
  try {
    const text = 'Floods displaced 1,200 people in the northern province of Valdoria on Friday, the interior ministry said.';
    const v1 = analyzeRecord({ id: 'v1', url: 'https://news.example/floods', text });
    const v2 = analyzeRecord({ id: 'v2', url: 'https://news.example/floods', text: text + ' Rescue teams reached the villages.' });
    store.beginBatch();
    try {
      assert.equal((await store.putDocument(v1, linkDocument)).status, 'added');
      assert.equal((await store.putDocument(v2, linkDocument)).status, 'replaced');
    } finally {
      await store.endBatch();
    }
    await store.write(async (tx) => {
      const tf = await tx.index.termFrequencies(['t:w:flood']);
      assert.equal(tf.documents, 1);
      const docs = await tx.index.documentsByKeys((await tx.index.getDocument('v2'))!.keys);
      assert.deepEqual(docs.map((d) => d.id), ['v2']);
      assert.equal(await tx.index.getDocument('v1'), null);
    });
  } finally {
    await store.close();
  }
});

/** A store reopened on a file reads which keys and records exist (a small table): lookups find what the first session wrote. */
test('SqlCorpusIndex after reopening finds the postings and records written before', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'cx-reopen-'));
  const quote = (id: string, keys: string[]) => ({ id, doc: 'd', speaker: null, speakerName: null, outlet: null, published: null, stems: [], numbers: [], via: [], group: `g-${id}`, keys });
  try {
    const first = await openStore(join(dir, 'a.db'));
    await first.write(async (tx) => {
      await tx.index.putQuote(quote('q1', ['k1', 'k2']));
      await tx.index.putQuote(quote('q2', ['k2']));
    });
    await first.close();
    const second = await openStore(join(dir, 'a.db'));
    try {
      const got = await second.write(async (tx) => ({
        one: (await tx.index.getQuote('q1'))?.group ?? null,
        none: await tx.index.getQuote('q3'),
        byKey: (await tx.index.quotesByKeys(['k2', 'k1', 'k3'])).map((q) => q.id),
      }));
      assert.deepEqual(got, { one: 'g-q1', none: null, byKey: ['q2', 'q1'] });
      await second.write((tx) => tx.index.putQuote(quote('q3', ['k3'])));
      assert.deepEqual(await second.write(async (tx) => (await tx.index.quotesByKeys(['k3'])).map((q) => q.id)), ['q3']);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A key posted by more records than a cached list keeps: lookups beyond what the cache knows read the posting table. */
test('SqlCorpusIndex lookups on a long posting list agree with the memory index at every limit', async () => {
  const memory = new MemoryCorpusIndex();
  const store = await openStore(':memory:');
  try {
    for (let i = 0; i < 300; i++) {
      const rec = { id: `q${i % 200}`, doc: 'd', speaker: null, speakerName: null, outlet: null, published: null, stems: [], numbers: [], via: [], group: `g${i}`, keys: i % 7 === 3 ? ['other'] : ['hot'] };
      await memory.putQuote(rec);
      await store.write((tx) => tx.index.putQuote(rec));
    }
    for (const limit of [1, 50, 127, 128, 129, 250]) {
      const want = (await memory.quotesByKeys(['hot'], limit)).map((q) => q.group);
      const got = await store.write(async (tx) => (await tx.index.quotesByKeys(['hot'], limit)).map((q) => q.group));
      assert.deepEqual(got, want, `limit ${limit}`);
    }
  } finally {
    await store.close();
  }
});

/** A full cache drops its oldest records (from the kinds holding most), never answers wrongly, and forgets a rolled-back write. */
test('RecordCache: bounded, evicts the oldest of the largest kind, rollback drops what the write touched', async () => {
  const { RecordCache } = await import('./corpus-index-sql.js');
  const cache = new RecordCache(16);
  for (let i = 0; i < 12; i++) cache.set('quote', `q${i}`, { id: `q${i}`, keys: [`k${i}`] });
  for (let i = 0; i < 4; i++) cache.written('entity', `e${i}`, JSON.stringify({ id: `e${i}`, n: i }), [`n${i}`]);
  assert.equal(cache.size, 16);
  cache.set('quote', 'q12', { id: 'q12', keys: [] });
  // 16 >> 3 = 2 dropped, the two oldest quotes.
  assert.equal(cache.size, 15);
  assert.equal(cache.get('quote', 'q0'), undefined);
  assert.equal(cache.get('quote', 'q1'), undefined);
  assert.deepEqual(cache.get('quote', 'q2'), { id: 'q2', keys: ['k2'] });
  assert.deepEqual(cache.get('entity', 'e3'), { id: 'e3', n: 3 });
  assert.deepEqual(cache.keysOf('entity', 'e3'), ['n3']);
  cache.begin();
  cache.written('entity', 'e3', JSON.stringify({ id: 'e3', n: 99 }), []);
  cache.get('quote', 'q5');
  cache.rollback();
  assert.equal(cache.get('entity', 'e3'), undefined);
  assert.equal(cache.get('quote', 'q5'), undefined);
  assert.deepEqual(cache.get('quote', 'q6'), { id: 'q6', keys: ['k6'] });
  assert.equal(cache.size, 13);
  // Posting lists: bounded the same way; a dropped list is unknown (undefined), never wrong.
  for (let i = 0; i < 20; i++) cache.setPostings('quote', `k${i}`, [`q${i}`], 5);
  assert.equal(cache.postings('quote', 'k0', 5), undefined);
  assert.deepEqual(cache.postings('quote', 'k19', 5), ['q19']);
  cache.post('quote', 'k19', 'q99');
  assert.deepEqual(cache.postings('quote', 'k19', 5), ['q99', 'q19']);
  cache.unpost('quote', 'k19', 'q19');
  assert.deepEqual(cache.postings('quote', 'k19', 5), ['q99']);
});

/** Stored frequencies are cached between writes and known absent in a fresh store; a store reopened with only frequency rows still reads them. */
test('SqlCorpusIndex document frequencies across writes, batches and a reopened file', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'cx-df-'));
  try {
    const first = await openStore(join(dir, 'a.db'));
    await first.write((tx) => tx.index.addTermFrequencies({ documents: 1, added: ['t:a', 't:b'], removed: [] }));
    first.beginBatch();
    await first.write((tx) => tx.index.addTermFrequencies({ documents: 1, added: ['t:a'], removed: [] }));
    await assert.rejects(first.write(async (tx) => {
      await tx.index.addTermFrequencies({ documents: 1, added: ['t:a', 't:c'], removed: [] });
      throw new Error('fail');
    }), /fail/);
    assert.deepEqual(await first.write(async (tx) => [...(await tx.index.termFrequencies(['t:a', 't:b', 't:c'])).df]), [['t:a', 2], ['t:b', 1]]);
    await first.endBatch();
    assert.equal(await first.write(async (tx) => (await tx.index.termFrequencies([])).documents), 2);
    await first.close();
    const second = await openStore(join(dir, 'a.db'));
    try {
      const got = await second.write(async (tx) => tx.index.termFrequencies(['t:a', 't:b', 't:c']));
      assert.equal(got.documents, 2);
      assert.deepEqual([...got.df], [['t:a', 2], ['t:b', 1]]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Entities are kept as put (never changed in place): their keys are posted like any record's, in batch mode and after a failed write. */
test('entity records kept as put: key lookups agree with the memory index, across a failed write and the batch commit', async () => {
  const memory = new MemoryCorpusIndex();
  const store = await openStore(':memory:');
  const entity = (id: string, keys: string[], docCount: number) => ({ id, name: id, type: 'person' as const, aliases: [], roles: [], keys, docCount });
  const steps: [string, string[], number][] = [
    ['e1', ['a', 'b'], 1],
    ['e2', ['b'], 1],
    ['e1', ['b', 'c'], 2],
    ['e3', ['c', 'd'], 1],
    ['e2', [], 2],
  ];
  const look = async () => {
    const want: string[][] = [];
    const got: string[][] = [];
    for (const k of ['a', 'b', 'c', 'd']) {
      want.push((await memory.entitiesByKeys([k])).map((e) => `${e.id}/${e.docCount}`));
      got.push(await store.write(async (tx) => (await tx.index.entitiesByKeys([k])).map((e) => `${e.id}/${e.docCount}`)));
    }
    return { want, got };
  };
  try {
    store.beginBatch();
    try {
      for (const [id, keys, n] of steps) {
        await memory.putEntity(entity(id, keys, n));
        await store.write((tx) => tx.index.putEntity(entity(id, keys, n)));
        const { want, got } = await look();
        assert.deepEqual(got, want, `after ${id} ${keys.join(',')}`);
      }
      await assert.rejects(store.write(async (tx) => {
        await tx.index.putEntity(entity('e1', ['d'], 9));
        throw new Error('fail');
      }), /fail/);
      const { want, got } = await look();
      assert.deepEqual(got, want, 'after the failed write');
    } finally {
      await store.endBatch();
    }
    const { want, got } = await look();
    assert.deepEqual(got, want, 'after the batch committed');
    assert.deepEqual(got, [[], ['e1/2'], ['e3/1', 'e1/2'], ['e3/1']]);
  } finally {
    await store.close();
  }
});

/** Measures are kept as put (never changed in place): adding a claim in a write that then fails leaves the stored measure as it was. */
test('measure records kept as put: a failed write that added claims is not seen, in batch mode and after the commit', async () => {
  const { addToMeasures, measureKey } = await import('../corpus/measures.js');
  const input = (claim: string, low: number) => ({
    claim, of: 'people', unit: null, subject: null, place: null, subjectName: null, placeName: null,
    point: { claim, claimant: null, date: null, low, high: low, qualifier: 'exact' as const, doc: claim },
  });
  const store = await openStore(':memory:');
  const claimsOf = async () => store.write(async (tx) => {
    const [m] = await tx.index.measuresByKeys([measureKey(input('c0', 0))!], 5);
    return m ? m.claims.slice() : [];
  });
  try {
    store.beginBatch();
    try {
      const rows: [string, number, boolean, string[]][] = [
        ['c1', 10, false, ['c1']],
        ['c2', 12, false, ['c1', 'c2']],
        ['c3', 99, true, ['c1', 'c2']],
        ['c4', 10, false, ['c1', 'c2', 'c4']],
      ];
      for (const [claim, low, fails, want] of rows) {
        const run = store.write(async (tx) => {
          const { changed } = await addToMeasures([input(claim, low)], tx.index, new Map());
          assert.equal(changed.size, 1);
          if (fails) throw new Error('fail');
        });
        if (fails) await assert.rejects(run, /fail/);
        else await run;
        assert.deepEqual(await claimsOf(), want, `after ${claim}`);
      }
    } finally {
      await store.endBatch();
    }
    assert.deepEqual(await claimsOf(), ['c1', 'c2', 'c4']);
  } finally {
    await store.close();
  }
});
