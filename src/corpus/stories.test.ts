import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignStory, compareVectors, eraOf, ledByOtherSpeakers, queryVector, speakerAdjusted, weekdaysIn, quoteJoinAgrees, STORY, storyTermCounts, storyTerms, storyTextFeatures, termWeight } from './stories.js';
import type { StoryFeatures } from './stories.js';
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

test('compareVectors: the share of the other side\'s name weight the new document holds', () => {
  const stats = { documents: 0, df: new Map<string, number>() };
  const q = queryVector([['t:n:a', 1], ['t:n:b', 1], ['t:w:fire', 1]], stats);
  const r = termWeight('t:n:a', 0, 0);
  const vec = (keys: string[]) => ({ keys, weights: keys.map((k) => termWeight(k, 0, 0)), norm: keys.length * r * r });
  const rows: [string[], number | null, number | null][] = [
    // The other names a and three more: the new document holds half of its own names there, a quarter of the other's.
    [['t:n:a', 't:n:c', 't:n:d', 't:n:e'], 1 / 2, 1 / 4],
    [['t:n:a', 't:n:b'], 1, 1],
    [['t:n:c'], 0, 0],
    // No names on the other side: both shares unknown.
    [['t:w:fire'], null, null],
  ];
  for (const [keys, names, otherNames] of rows) {
    const got = compareVectors(q, vec(keys));
    const close = (x: number | null, y: number | null) => (y === null ? x === null : x !== null && Math.abs(x - y) < 1e-9);
    assert.ok(close(got.names, names), `${keys}: names ${got.names} vs ${names}`);
    assert.ok(close(got.otherNames, otherNames), `${keys}: otherNames ${got.otherNames} vs ${otherNames}`);
  }
});

test('quoteJoinAgrees: a shared quote joins outright unless both sides name people and places the other does not', () => {
  const rows: [number | null, number | null, boolean][] = [
    [0.8, 0.6, true],
    // One side holds most of the other's names (a short report inside a long one).
    [0.9, 0.1, true],
    [0.1, STORY.quoteNames, true],
    // Neither holds a third of the other's names: different people, different places.
    [0.2, 0.3, false],
    [0, 0, false],
    // Unknown is not a conflict.
    [null, null, true],
  ];
  for (const [names, otherNames, expected] of rows) assert.equal(quoteJoinAgrees({ cosine: 0.2, names, otherNames }), expected, `${names}/${otherNames}`);
});

test('eraOf: the published year, else the year the lead names most (years further down are background)', () => {
  const filler = ' The team said more. '.repeat(Math.ceil(STORY.leadChars / 20));
  const rows: [string, string | null, string | null][] = [
    ['The 2013 quake hit in 2013, after the 2008 one.', null, '2013'],
    ['A quake hit on Monday.', '2011-03-11', '2011'],
    // Undated: a career or an earlier event recalled below the lead does not date the report.
    [`A coach was fired on Monday.${filler} He was hired in 2005 and won in 2005.`, null, null],
    [`Elections held in 2008.${filler} The last ones were in 2004 and 2004.`, null, '2008'],
    ['No year at all.', null, null],
  ];
  for (const [text, published, expected] of rows) assert.equal(eraOf(text, published), expected, text.slice(0, 40));
});

test('assignStory: a shared quote group joins two reports unless their names conflict', async () => {
  const feats = (id: string, text: string, docsSharing: [string, number][] = []): StoryFeatures => ({
    id, outlet: null, published: null, title: null, text, entities: [], speakers: [], ledBy: null, quoteGroups: [], docsSharing: new Map(docsSharing),
  });
  const quote = ' A spokesman said the matter was under review and declined further comment.';
  const rows: [string, string, boolean][] = [
    // Same people and places, different wording: the shared quote joins them.
    ['Firefighters in Alden Marsh fought a blaze at the Harwick Mill owned by Tobias Crane.', 'The Harwick Mill of Tobias Crane in Alden Marsh burned overnight, officials said.', true],
    // A stock phrase quoted in reports naming different people and places: not one story on the quote alone.
    ['Firefighters in Alden Marsh fought a blaze at the Harwick Mill owned by Tobias Crane.', 'Police in Brenford Vale arrested Nadia Oruel after a robbery at the Lomax Bank branch.', false],
  ];
  for (const [a, b, same] of rows) {
    const index = new MemoryCorpusIndex();
    const first = await assignStory(feats('d1', a + quote), index);
    const second = await assignStory(feats('d2', b + quote, [['d1', 1]]), index);
    assert.equal(second.story === first.story, same, b);
  }
});

test('ledByOtherSpeakers: each report is led by a quote of someone the other never quotes', () => {
  // [speakers, ledBy] of each report.
  const rows: [[string[], string | null], [string[], string | null], boolean][] = [
    [[['person:a'], 'person:a'], [['person:b'], 'person:b'], true],
    [[['person:a', 'person:c'], 'person:a'], [['person:b', 'person:d'], 'person:b'], true],
    // One quotes the other's lead speaker: the same statement may be reported.
    [[['person:a', 'person:b'], 'person:a'], [['person:b'], 'person:b'], false],
    [[['person:a'], 'person:a'], [['person:b', 'person:a'], 'person:b'], false],
    // Witnesses quoted further down (no lead speaker) say nothing about which statement it is.
    [[['person:a'], null], [['person:b'], 'person:b'], false],
    [[['person:a'], 'person:a'], [['person:b'], null], false],
    [[[], null], [[], null], false],
  ];
  for (const [[sa, la], [sb, lb], expected] of rows) {
    assert.equal(ledByOtherSpeakers({ speakers: sa, ledBy: la }, { speakers: sb, ledBy: lb }), expected, `${sa} ${la} / ${sb} ${lb}`);
    assert.equal(speakerAdjusted(0.5, { speakers: sa, ledBy: la }, { speakers: sb, ledBy: lb }), expected ? 0.5 * STORY.otherSpeaker : 0.5);
  }
});

test('weekdaysIn: the weekdays a text names, as bits from Monday', () => {
  const rows: [string, number][] = [
    ['The fire broke out on Saturday night.', 1 << 5],
    ['On Monday police said the fire of Saturday was arson.', 1 | (1 << 5)],
    ['Sunday, Sundays and sunday: only the day name counts.', 1 << 6],
    ['No day at all, only May 3.', 0],
  ];
  for (const [text, expected] of rows) assert.equal(weekdaysIn(text), expected, text);
});

test('assignStory: features prepared off the linking thread (storyTextFeatures) give the same stories and records', async () => {
  const texts = [
    'Firefighters in Alden Marsh fought a blaze at the Harwick Mill owned by Tobias Crane on Monday. 12 people were hurt in 2019.',
    'The Harwick Mill of Tobias Crane in Alden Marsh burned on Monday, officials said; 12 people were hurt.',
    'Police in Brenford Vale arrested Nadia Oruel after a robbery at the Lomax Bank branch on Friday.',
  ];
  const run = async (prepare: boolean) => {
    const index = new MemoryCorpusIndex();
    const out: unknown[] = [];
    for (const [i, text] of texts.entries()) {
      const f: StoryFeatures = { id: `d${i}`, outlet: null, published: null, title: null, text, entities: [], speakers: [], ledBy: null, quoteGroups: [], docsSharing: new Map() };
      if (prepare) f.prepared = storyTextFeatures(text);
      out.push((await assignStory(f, index)).story, await index.getDocument(`d${i}`));
    }
    return out;
  };
  const plain = await run(false);
  assert.deepEqual(await run(true), plain);
  assert.equal(plain[0] === plain[2], true);
  assert.equal(plain[0] === plain[4], false);
});
