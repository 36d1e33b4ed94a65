import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVectors, queryVector, STORY, storyTermCounts, storyTerms, termWeight } from './stories.js';
import { MemoryCorpusIndex } from './corpus-index.js';

test('storyTermCounts: how often each salient term occurs', () => {
  const rows: [string, string, number | undefined][] = [
    ['A fire hit Paris on Monday and officials in Paris said Paris is calm.', 'n:paris', 3],
    ['A champion stopped Thompson on Saturday and won again.', 'n:thompson', 1],
    // Figures count once per text (a repeated figure is one figure).
    ['The quake killed 12 people; 12 more were hurt.', 'x:12', 1],
    // Sentence-initial single capitalised words are ordinary words, not names.
    ['Police said it. Police came.', 'n:police', undefined],
  ];
  for (const [text, key, n] of rows) assert.equal(storyTermCounts(text).get(key), n, `${key} in ${text}`);
});

test('storyTerms: the keys of storyTermCounts, capped', () => {
  const text = 'Ann Lee met Bob Ray in Oslo. Ann Lee left Oslo for Rome.';
  assert.deepEqual(storyTerms(text), [...storyTermCounts(text).keys()].slice(0, 40));
  assert.equal(storyTerms(text, 2).length, 2);
});

test('compareVectors: a term said often by both weighs more than one said once', () => {
  // No document frequencies yet: every name weighs the same rarity r; the new document holds A at count weight 2 and B at 1.
  const stats = { documents: 0, df: new Map<string, number>() };
  const r = termWeight('t:n:a', 0, 0);
  const q = queryVector([['t:n:a', 2], ['t:n:b', 1]], stats);
  assert.ok(Math.abs(q.norm - 5 * r * r) < 1e-9);
  const vec = (terms: [string, number][]) => {
    const weights = terms.map(([k, n]) => termWeight(k, 0, 0) * n);
    return { keys: terms.map(([k]) => k), weights, norm: weights.reduce((s, w) => s + w * w, 0) };
  };
  const rows: [[string, number][], number, number | null][] = [
    [[['t:n:a', 2], ['t:n:b', 1]], 1, 1],
    [[['t:n:a', 1]], 2 / Math.sqrt(5), 4 / 5],
    [[['t:n:b', 1]], 1 / Math.sqrt(5), 1 / 5],
    [[['t:n:c', 1]], 0, 0],
    // Words only on the other side: no names to share, so the name share is unknown.
    [[['t:w:fire', 1]], 0, null],
    // A story profile's summed weights: A in every member, B in half.
    [[['t:n:a', 2], ['t:n:b', 0.5]], 4.5 / Math.sqrt(5 * 4.25), 1],
  ];
  for (const [other, cosine, names] of rows) {
    const got = compareVectors(q, vec(other));
    assert.ok(Math.abs(got.cosine - cosine) < 1e-9, `${JSON.stringify(other)}: ${got.cosine} vs ${cosine}`);
    assert.ok(names === null ? got.names === null : Math.abs(got.names! - names) < 1e-9, `${JSON.stringify(other)}: names ${got.names} vs ${names}`);
  }
});

test('termWeight: kind times corpus rarity, the corpus taken as at least STORY.idfDocuments documents', () => {
  const n = STORY.idfDocuments;
  const rows: [string, number, number, number][] = [
    // A name no document holds yet, in a young corpus: the rarest a term can be.
    ['t:n:paris', 0, 10, 2 * Math.log(1 + n)],
    // A word in every one of ten documents is still only seen in ten of the assumed corpus.
    ['t:w:fire', 10, 10, Math.log(1 + n / 11)],
    // In a large corpus the real size counts: a word in half the documents weighs little.
    ['t:w:report', 5000, 10000, Math.log(1 + 10000 / 5001)],
    ['t:x:12', 0, 0, 1.5 * Math.log(1 + n)],
  ];
  for (const [key, df, docs, expected] of rows) assert.ok(Math.abs(termWeight(key, df, docs) - expected) < 1e-9, key);
});

test('MemoryCorpusIndex document frequencies: counted once per document, relinked versions replace their terms', async () => {
  const index = new MemoryCorpusIndex();
  await index.addTermFrequencies({ documents: 1, added: ['t:n:a', 't:w:b'], removed: [] });
  await index.addTermFrequencies({ documents: 1, added: ['t:n:a'], removed: [] });
  // The second document again, now holding b instead of a.
  await index.addTermFrequencies({ documents: 0, added: ['t:w:b'], removed: ['t:n:a'] });
  const got = await index.termFrequencies(['t:n:a', 't:w:b', 't:n:z']);
  assert.equal(got.documents, 2);
  assert.deepEqual([...got.df].sort(), [['t:n:a', 1], ['t:w:b', 2]]);
});
