import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { claims, findClaims } from './index.js';

function docOf(text: string): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  return doc;
}

function seed(name: string): Doc {
  return docOf(readFileSync(new URL(`../../../examples/seeds/${name}`, import.meta.url), 'utf8'));
}

const valueText = (doc: Doc, c: { value: { start: number; end: number } }): string => doc.text.slice(c.value.start, c.value.end).replace(/\s+/g, ' ');

test('seed 002: claims and non-claims', () => {
  const doc = seed('002_77de7551dcb319c9.txt');
  const cs = findClaims(doc);
  const texts = cs.map((c) => valueText(doc, c));
  const provinces = cs.find((c) => c.outOf === 34)!;
  assert.ok(provinces, texts.join(' | '));
  assert.equal(provinces.low, 25);
  assert.equal(provinces.of, 'provinces');
  assert.equal(provinces.place, 'Afghanistan');
  const c30 = cs.find((c) => valueText(doc, c) === 'around 30,000')!;
  assert.equal(c30.qualifier, 'approx');
  assert.equal(c30.claimantFrom, 'source');
  assert.equal(doc.entities[c30.claimant!]!.name, 'Central Intelligence Agency');
  const c200 = cs.find((c) => valueText(doc, c) === 'around 200,000')!;
  assert.equal(c200.qualifier, 'approx');
  assert.match(doc.entities[c200.claimant!]!.name, /Iraqi authorities/);
  assert.ok(cs.some((c) => c.low === 80 && c.of === 'countries'));
  assert.ok(cs.some((c) => c.low === 40 && c.unit === 'percentage'));
  assert.ok(cs.some((c) => c.low === 50 && c.unit === 'percentage'));
  for (const not of ['24', '25M', '2013', '2014', '30']) {
    assert.ok(!cs.some((c) => valueText(doc, c) === not || valueText(doc, c).startsWith('Su-')), not);
  }
  assert.ok(!cs.some((c) => c.low === 2013 || c.low === 2014 || (c.low === 30 && c.unit === null && c.of === null) || c.low === 24));
  for (const c of cs) assert.equal(c.background, false);
});

test('seed 000: hedged figures, range and place', () => {
  const doc = seed('000_5b2ce79cc8b8b045.txt');
  const cs = findClaims(doc);
  const upTo = cs.find((c) => valueText(doc, c) === 'up to 50,000')!;
  assert.ok(upTo, JSON.stringify(cs.map((c) => valueText(doc, c))));
  assert.equal(upTo.qualifier, 'up_to');
  assert.equal(upTo.of, 'militants');
  const range = cs.find((c) => c.low === 2000 && c.high === 3000)!;
  assert.equal(range.qualifier, 'approx');
  assert.equal(range.place, 'Afghanistan');
  assert.equal(range.subject, 'ISIL militants');
  const over = cs.find((c) => valueText(doc, c) === 'over 4,000')!;
  assert.ok(over, JSON.stringify(cs.map((c) => valueText(doc, c))));
  assert.equal(over.qualifier, 'more_than');
});

test('claimant: quote speaker, then named source, then outlet; baseline attached', () => {
  const text = 'He said: "We now have nearly 30,000 fighters, up from 15,000 last year." Prices rose 5% in Iraq.';
  const doc = docOf(text);
  const speaker = doc.addEntity({ name: 'John Smith', type: 'person', aliases: [], roles: [] });
  const outlet = doc.addEntity({ name: 'Daily News', type: 'organization', aliases: [], roles: [] });
  doc.meta.outletEntity = outlet;
  const qs = text.indexOf('"');
  const qe = text.indexOf('"', qs + 1) + 1;
  doc.quotes.push({ start: qs, end: qe, kind: 'direct', speaker, source: null, cue: 'said', cueSpan: null, via: [] });
  claims.create().run(doc);
  assert.equal(doc.claims.length, 2);
  const [a, b] = doc.claims;
  assert.equal(a!.claimant, speaker);
  assert.equal(a!.claimantFrom, 'speaker');
  assert.equal(a!.quote, 0);
  assert.deepEqual(a!.baseline, { low: 15000, high: 15000, qualifier: 'exact', text: '15,000' });
  assert.equal(b!.claimant, outlet);
  assert.equal(b!.claimantFrom, 'outlet');
  assert.equal(b!.direction, 'up');
  assert.equal(b!.place, 'Iraq');
  assert.equal(b!.of, 'percent');
});

test('place from a location mention and from "the country"', () => {
  const doc = docOf('Fighting spread in Mali last month. Officials said 300 people fled the country.');
  const cs = findClaims(doc);
  assert.equal(cs[0]!.place, 'Mali');
  const doc2 = docOf('At least 12 people died in the town of Foo.');
  const loc = doc2.addEntity({ name: 'Foo', type: 'location', aliases: [], roles: [] });
  const at = doc2.text.indexOf('Foo');
  doc2.mentions.push({ start: at, end: at + 3, entity: loc });
  const c = findClaims(doc2)[0]!;
  assert.equal(c.place, 'Foo');
  assert.equal(c.qualifier, 'at_least');
});
