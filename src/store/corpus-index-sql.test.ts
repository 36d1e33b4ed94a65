import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from './open.js';
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
