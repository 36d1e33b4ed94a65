import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAIR_FEATURES, pairFeatures, pairModel, pairQuery, samePairProbability, type PairSide } from './story-pairs.js';

function side(terms: Record<string, number>, extra: Partial<PairSide> = {}): PairSide {
  const keys = Object.keys(terms);
  const weights = keys.map((k) => terms[k]!);
  return { vector: { keys, weights, norm: weights.reduce((s, w) => s + w * w, 0) }, lead: null, entities: [], era: null, minhash: [], weekdays: 0, ...extra };
}

const at = (name: (typeof PAIR_FEATURES)[number]) => PAIR_FEATURES.indexOf(name);

test('pairFeatures: cosines over all terms and over each kind group apart', () => {
  const a = side({ 't:n:paris': 2, 't:w:fire': 1, 't:x:12': 1 });
  const rows: [Record<string, number>, string, number][] = [
    [{ 't:n:paris': 2, 't:w:fire': 1, 't:x:12': 1 }, 'cosine', 1],
    [{ 't:n:paris': 1 }, 'names cosine', 1],
    [{ 't:n:paris': 1 }, 'words cosine', 0],
    [{ 't:w:fire': 3, 't:n:lyon': 1 }, 'words cosine', 1],
    [{ 't:w:fire': 3, 't:n:lyon': 1 }, 'names cosine', 0],
    [{ 't:x:12': 1, 't:x:40': 1 }, 'figures cosine', 1 / Math.sqrt(2)],
    [{ 't:w:flood': 1 }, 'cosine', 0],
  ];
  const q = pairQuery(a);
  for (const [terms, name, expected] of rows) {
    const got = pairFeatures(q, side(terms))[at(name as (typeof PAIR_FEATURES)[number])]!;
    assert.ok(Math.abs(got - expected) < 1e-9, `${JSON.stringify(terms)} ${name}: ${got}`);
  }
  assert.equal(pairFeatures(q, side({}))[at('bias')], 1);
});

test('pairFeatures: main person differs only when each never mentions the other\'s', () => {
  const rows: [string[], string[], number][] = [
    [['person:a', 'location:x'], ['person:b', 'location:x'], 1],
    [['person:a', 'person:b'], ['person:b'], 0],
    [['person:a'], ['location:x'], 0],
    [['location:x', 'person:a'], ['person:a'], 0],
  ];
  for (const [ea, eb, expected] of rows) {
    const got = pairFeatures(pairQuery(side({ 't:w:fire': 1 }, { entities: ea })), side({ 't:w:fire': 1 }, { entities: eb }))[at('main person differs')];
    assert.equal(got, expected, `${ea} / ${eb}`);
  }
});

test('pairFeatures: era differs only when both know their year; lead cosine 0 when a lead is missing', () => {
  const lead = { keys: ['t:n:paris'], weights: [1], norm: 1 };
  const q = pairQuery(side({ 't:w:fire': 1 }, { era: '2013', lead }));
  const f = (extra: Partial<PairSide>) => pairFeatures(q, side({ 't:w:fire': 1 }, extra));
  assert.equal(f({ era: '2008' })[at('era differs')], 1);
  assert.equal(f({ era: '2013' })[at('era differs')], 0);
  assert.equal(f({ era: null })[at('era differs')], 0);
  assert.equal(f({ lead })[at('lead cosine')], 1);
  assert.equal(f({ lead: null })[at('lead cosine')], 0);
});

test('pairFeatures: lead weekday agrees 1 on a shared day, -1 on different days, 0 when either names none', () => {
  const rows: [number, number, number][] = [
    [0b100000, 0b100000, 1],
    [0b100001, 0b000001, 1],
    [0b100000, 0b000010, -1],
    [0, 0b000010, 0],
    [0b000010, 0, 0],
  ];
  for (const [a, b, expected] of rows) {
    assert.equal(pairFeatures(pairQuery(side({ 't:w:fire': 1 }, { weekdays: a })), side({ 't:w:fire': 1 }, { weekdays: b }))[at('lead weekday agrees')], expected, `${a} / ${b}`);
  }
});

test('samePairProbability: the shipped model rises with similarity and falls when the main people differ', () => {
  const model = pairModel();
  assert.deepEqual(model.features, [...PAIR_FEATURES]);
  const a = side({ 't:n:paris': 2, 't:w:fire': 1, 't:w:shop': 1 }, { entities: ['person:a'] });
  const q = pairQuery(a);
  const same = samePairProbability(pairFeatures(q, side({ 't:n:paris': 2, 't:w:fire': 1, 't:w:shop': 1 }, { entities: ['person:a'] })));
  const some = samePairProbability(pairFeatures(q, side({ 't:n:paris': 1, 't:w:flood': 2 }, { entities: ['person:a'] })));
  const none = samePairProbability(pairFeatures(q, side({ 't:n:rome': 1, 't:w:vote': 1 })));
  const otherPerson = samePairProbability(pairFeatures(q, side({ 't:n:paris': 1, 't:w:flood': 2 }, { entities: ['person:b'] })));
  assert.ok(same > 0.9 && same > some && some > none && none < 0.1, `${same} ${some} ${none}`);
  assert.ok(otherPerson < some, `${otherPerson} < ${some}`);
});
