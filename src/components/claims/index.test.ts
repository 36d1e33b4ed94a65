import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { claims, findClaims, countedBefore } from './index.js';

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

/**
 * A hand-made Doc from marked text: `[Name|type]` marks an entity mention; `<<...>>` marks an indirect
 * quote whose speaker is the first person/organization marked after it with `@` (`[CIA|organization@]`).
 */
function markedDoc(marked: string): Doc {
  let text = '';
  const ments: { start: number; end: number; name: string; type: string; speaker: boolean }[] = [];
  const quotes: { start: number; end: number }[] = [];
  let qs = -1;
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith('<<', i)) { qs = text.length; i += 2; continue; }
    if (marked.startsWith('>>', i)) { quotes.push({ start: qs, end: text.length }); i += 2; continue; }
    const close = marked[i] === '[' ? marked.indexOf(']', i) : -1;
    if (close > 0 && marked.slice(i, close).includes('|')) {
      const [name, typeRaw] = marked.slice(i + 1, close).split('|') as [string, string];
      const speaker = typeRaw.endsWith('@');
      ments.push({ start: text.length, end: text.length + name.length, name, type: speaker ? typeRaw.slice(0, -1) : typeRaw, speaker });
      text += name;
      i = close + 1;
      continue;
    }
    text += marked[i++];
  }
  const doc = docOf(text);
  let speaker: number | null = null;
  for (const m of ments) {
    const e = doc.addEntity({ name: m.name, type: m.type as 'group', aliases: [], roles: [] });
    doc.mentions.push({ start: m.start, end: m.end, entity: e });
    if (m.speaker) speaker = e;
  }
  for (const q of quotes) doc.quotes.push({ start: q.start, end: q.end, kind: 'indirect', speaker, source: null, cue: 'said', cueSpan: null, via: [] });
  return doc;
}

const claimAt = (doc: Doc, figure: string) => {
  const cs = findClaims(doc);
  const c = cs.find((x) => valueText(doc, x) === figure);
  assert.ok(c, `no claim "${figure}" in ${JSON.stringify(cs.map((x) => valueText(doc, x)))}`);
  return c;
};

test('subject: clause subject, possessor, group after the figure, resolved group phrase; never a source', () => {
  const rows: [string, string, string | null][] = [
    // The clause subject, not the demonym-qualified counted noun.
    ['The [Islamic State|group] terrorist group has settled in 25 out of 34 Afghan provinces.', '25 out of 34', 'Islamic State'],
    // "X has N fighters"
    ['[Hezbollah|group] has about 20,000 fighters in the south.', 'about 20,000', 'Hezbollah'],
    // A name in the counted phrase wins: "N ISIL militants".
    ['About 2,000 [ISIL|group] militants are active there.', 'About 2,000', 'ISIL militants'],
    // A demonym is no subject; a headline's capitalized head noun is no subject either.
    ['Officials counted 300 Syrian refugees.', '300', null],
    // "According to X," is the source, not the subject; "the extremist group" resolves to the last group named.
    ['The [Islamic State|group] grew. According to the [CIA|organization], the extremist group includes around 30,000 people.', 'around 30,000', 'Islamic State'],
    // A group named right after the figure: "there are 200,000 in IS", "40% of Islamic State".
    ['Officials believe there are around 200,000 in [IS|group].', 'around 200,000', 'IS'],
    ['Foreign mercenaries make up 40% of [Islamic State|group].', '40%', 'Islamic State'],
    // A name before a verb of having is the possessor even when no entity was found for it.
    ['ISIS has over 10,000 fighters in the east.', 'over 10,000', 'ISIS'],
    ['Officials said the Foo Brigade now controls about 3,000 men.', 'about 3,000', 'Foo Brigade'],
    // A lower-case clause opener is no name.
    ['Prices have risen by 5% this year.', '5%', null],
    // An ordinary "the air group" does not resolve to an armed group.
    ['The [Taliban|group] struck. The air group in Syria includes more than 50 warplanes.', 'more than 50', null],
  ];
  for (const [marked, figure, subject] of rows) assert.equal(claimAt(markedDoc(marked), figure).subject, subject, marked);
});

test('place: scope of the figure, not a source name or an example list', () => {
  const rows: [string, string, string | null][] = [
    ['The group has settled in 25 out of 34 Afghan provinces.', '25 out of 34', 'Afghanistan'],
    // A possessive on the source is not the place.
    ["According to [US|location]' [Central Intelligence Agency|organization], the group includes around 30,000 people.", 'around 30,000', null],
    // A demonym on a claiming body ("Iraqi authorities claim") is not the place.
    ['Iraqi authorities claim there are around 200,000 in the group.', 'around 200,000', null],
    // Examples after "including" are not the scope.
    ['Among members are citizens of 80 countries, including [France|location], [Germany|location] and [Morocco|location].', '80', null],
    // "in X" scopes.
    ['Some 3,000 fighters are now in [Mali|location].', 'Some 3,000', 'Mali'],
    // Places listed together: the figure spans them all, so no single place is picked.
    ['Around 10 groups include citizens of [Chile|location], [Peru|location], [Bolivia|location] and other countries.', 'Around 10', null],
    ['Nearly 30,000 foreigners are fighting in [Chile|location] and [Peru|location], up from 15,000.', 'Nearly 30,000', null],
    ['Nearly 30,000 foreigners are fighting in Chile and Peru, up from 15,000.', 'Nearly 30,000', null],
    // Two names joined by a comma are a place and its country, or two clauses: not a list.
    ['Nearly 3,000 people fled to [Lima|location], [Peru|location] last year.', 'Nearly 3,000', 'Lima'],
    ['The group has over 5,000 fighters in [Chile|location], and [Peru|location] believes the number is growing.', 'over 5,000', 'Chile'],
    // One place in the scope, another named apart from it.
    ['Nearly 3,000 people left [Chile|location] last year, [Peru|location] officials said.', 'Nearly 3,000', 'Chile'],
    // "half of the country" resolves to the country the story is about, not the one named last in passing.
    ['Fighting in Afghanistan went on. Afghanistan is poor. America criticizes it. The Taliban controls half of the country, officials say.', 'half', 'Afghanistan'],
  ];
  for (const [marked, figure, place] of rows) assert.equal(claimAt(markedDoc(marked), figure).place, place, marked);
});

test('claimant: the named source nearest before the figure inside a quoted span', () => {
  const doc = markedDoc('According to the [CIA|organization@], <<the group includes around 30,000 people, while Iraqi authorities claim there are around 200,000 in it>>.');
  const a = claimAt(doc, 'around 30,000');
  const b = claimAt(doc, 'around 200,000');
  assert.equal(doc.entities[a.claimant!]!.name, 'CIA');
  assert.equal(a.claimantFrom, 'speaker');
  assert.match(doc.entities[b.claimant!]!.name, /Iraqi authorities/);
  assert.equal(b.claimantFrom, 'source');
});

test('place: "the country" with an apposition names it', () => {
  const rows: [string, string, string | null][] = [
    ['Russia said so. Russia is worried. Russia acts. There are up to 50,000 militants in the country [Afghanistan], officials said.', 'up to 50,000', 'Afghanistan'],
    ['Mali is hot. Mali is big. Niger is near. Some 300 people fled across the country (Niger) last year.', 'Some 300', 'Niger'],
  ];
  for (const [marked, figure, place] of rows) assert.equal(claimAt(markedDoc(marked), figure).place, place, marked);
});

test('countedBefore: a count noun named before the figure', () => {
  const rows: [string, string | null][] = [
    ['Local officials put the death toll at ', 'death toll'],
    ['The ministry put the number of displaced people at ', 'displaced people'],
    ['By Friday the tally stood at ', 'tally'],
    ["The death toll from Tuesday's earthquake in the province has risen to ", 'death toll'],
    ['Earthquake death toll rises to ', 'death toll'],
    ['The total was ', null],
    ['The company said profits rose to ', null],
  ];
  for (const [text, expected] of rows) assert.equal(countedBefore(text, 0, text.length), expected, text);
});

test('a small count inside a speaker phrase is no claim; a figure in the content is', () => {
  const text = 'Two officials said 40 people were killed.';
  const doc = docOf(text);
  doc.quotes.push({ start: text.indexOf('40'), end: text.length - 1, kind: 'indirect', speaker: null, source: { start: 0, end: 13 }, cue: 'said', cueSpan: { start: 14, end: 18 }, via: [] });
  claims.create().run(doc);
  assert.deepEqual(doc.claims.map((c) => valueText(doc, c)), ['40']);
});
