import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyTermCounts, storyTerms, termCosine } from './stories.js';

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

test('termCosine: a term said often by both weighs more than one said once', () => {
  // Every name here has df 0, so each weighs the same rarity r; the new document holds A at count weight 2 and B at 1.
  const df = new Map<string, number>();
  const r = 2 * Math.log(1 + 30);
  const mine = new Map([
    ['t:n:a', 2 * r],
    ['t:n:b', 1 * r],
  ]);
  const norm = 5 * r * r;
  const rows: [[string, number][], number][] = [
    [[['t:n:a', 2], ['t:n:b', 1]], 1],
    [[['t:n:a', 1]], 2 / Math.sqrt(5)],
    [[['t:n:b', 1]], 1 / Math.sqrt(5)],
    [[['t:n:c', 1]], 0],
    // A story profile's mean count weights: A in every member, B in half.
    [[['t:n:a', 2], ['t:n:b', 0.5]], 4.5 / Math.sqrt(5 * 4.25)],
  ];
  for (const [other, expected] of rows) {
    const got = termCosine(mine, norm, other, df);
    assert.ok(Math.abs(got - expected) < 1e-9, `${JSON.stringify(other)}: ${got} vs ${expected}`);
  }
});
