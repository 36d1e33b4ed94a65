import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryCorpusIndex, type DocRecord } from './corpus-index.js';
import { averageLink, REVISE, reviseStories } from './story-revise.js';

test('averageLink: merges while the average over all member pairs reaches the threshold', () => {
  const rows: [number, [number, number, number][], number, number[]][] = [
    [3, [[0, 1, 0.9]], 0.4, [0, 0, 2]],
    // A chain: {0,1} to 2 averages 0.9 / 2 (the absent pair counts 0).
    [3, [[0, 1, 0.9], [1, 2, 0.9]], 0.4, [0, 0, 0]],
    [3, [[0, 1, 0.9], [1, 2, 0.9]], 0.5, [0, 0, 2]],
    // Two tight pairs and one weak bridge stay two clusters.
    [4, [[0, 1, 0.9], [2, 3, 0.8], [1, 2, 0.5]], 0.3, [0, 0, 2, 2]],
    [2, [], 0.3, [0, 1]],
  ];
  for (const [n, edges, join, expected] of rows) {
    assert.deepEqual(averageLink(n, edges.map(([i, j, p]) => ({ i, j, p })), join), expected, JSON.stringify(edges));
  }
});

/** A stored record with a weighted vector over the given name terms. */
function record(id: string, story: string, names: string[], extra: Partial<DocRecord> = {}): DocRecord {
  const keys = names.map((n) => `t:n:${n}`);
  return {
    id, outlet: null, published: null, title: `title ${id}`, story, minhash: [], entities: [], speakers: [], quoteGroups: [], numbers: [],
    weighted: { keys, weights: keys.map(() => 3), norm: keys.length * 9 }, keys, ...extra,
  };
}

async function indexOf(recs: DocRecord[]): Promise<MemoryCorpusIndex> {
  const index = new MemoryCorpusIndex();
  const stories = new Map<string, string[]>();
  for (const r of recs) {
    await index.putDocument(r);
    stories.set(r.story, [...(stories.get(r.story) ?? []), r.id]);
  }
  for (const [id, documents] of stories) {
    const first = documents.slice().sort()[0]!;
    await index.putStory({ id, documents: documents.sort(), label: `title ${first}`, first: { doc: first, published: null } });
  }
  return index;
}

test('reviseStories: a report left apart by the one pass joins its story; an unrelated story is untouched', async () => {
  const names = ['harwick', 'alden', 'crane', 'marsh', 'mill'];
  const index = await indexOf([
    record('a', 'story:a', names),
    record('b', 'story:b', names.slice(0, 4)),
    record('c', 'story:c', ['lomax', 'brenford', 'oruel']),
  ]);
  const rev = await reviseStories(['b'], index);
  // Only the touched story's members are clustered again: c is not in the region.
  assert.equal(rev.documents, 1);
  assert.equal(rev.moved, 0);
  const all = await reviseStories(['a', 'b', 'c'], index);
  assert.deepEqual([all.documents, all.moved, all.removed], [3, 1, ['story:b']]);
  assert.deepEqual(all.stories.map((s) => [s.id, s.documents, s.label]), [['story:a', ['a', 'b'], 'title a']]);
  assert.equal((await index.getDocument('b'))!.story, 'story:a');
  assert.equal(await index.getStory('story:b'), null);
  assert.deepEqual((await index.getStory('story:c'))!.documents, ['c']);
  // Revising again changes nothing.
  const again = await reviseStories(['a', 'b', 'c'], index);
  assert.deepEqual([again.moved, again.stories.length, again.removed.length], [0, 0, 0]);
});

test('reviseStories: an outright join made when linking holds however different the wording', async () => {
  const index = await indexOf([record('a', 'story:a', ['harwick', 'alden']), record('b', 'story:a', ['lomax', 'brenford'], { outright: ['a'] })]);
  const rev = await reviseStories(['a', 'b'], index);
  assert.deepEqual([rev.moved, rev.stories.length], [0, 0]);
  const split = await indexOf([record('a', 'story:a', ['harwick', 'alden']), record('b', 'story:a', ['lomax', 'brenford'])]);
  const rev2 = await reviseStories(['a', 'b'], split);
  assert.equal(rev2.moved, 1);
  assert.equal((await split.getDocument('b'))!.story, 'story:b');
});

test('reviseStories: a region over the limit keeps its stories and says why', async () => {
  const index = await indexOf([record('a', 'story:a', ['x1']), record('b', 'story:a', ['x2']), record('c', 'story:a', ['x3'])]);
  const max = REVISE.maxDocuments;
  REVISE.maxDocuments = 2;
  try {
    const rev = await reviseStories(['a'], index);
    assert.match(rev.skipped ?? '', /3 documents/);
    assert.deepEqual((await index.getStory('story:a'))!.documents, ['a', 'b', 'c']);
  } finally {
    REVISE.maxDocuments = max;
  }
});
