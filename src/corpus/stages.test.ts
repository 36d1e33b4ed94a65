import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MeasurePoint } from '../analysis/types.js';
import type { Qualifier } from '../doc/types.js';
import { countedKey, countedState, explainPoints, finishMeasure, interval, isHedged, labelOf } from './measures.js';
import type { LinkedPoint } from './corpus-index.js';
import { acronymOf, entityKeys, resolveEntities } from './entities.js';
import { contentStems, lshBands, minhashOf, minhashSimilarity, numbersIn, stem } from './text.js';
import { quotesMatch } from './quote-groups.js';
import { hashedUnits } from './background.js';
import { MemoryCorpusIndex } from './corpus-index.js';

test('numbersIn normalises figures', () => {
  const rows: [string, string[]][] = [
    ['more than 100 countries, up to 40 percent', ['100', '40%']],
    ['10,000 troops and 2.5 million', ['10000', '2.5', '1000000']],
    ['share reaches 40%', ['40%']],
  ];
  for (const [text, want] of rows) assert.deepEqual(numbersIn(text), want, text);
});

test('stem folds inflections', () => {
  const rows: [string, string][] = [['countries', 'countri'], ['estimates', 'estimat'], ['estimated', 'estimat'], ['groups', 'group'], ['is', 'is']];
  for (const [w, want] of rows) assert.equal(stem(w), want, w);
});

test('minhash: near-duplicates share LSH bands, unrelated texts do not', () => {
  const a =
    'The storm flooded the northern districts of the city on Monday and thousands of residents were moved to shelters by rescue teams. ' +
    'Officials said the river rose faster than forecast, cutting power to hospitals, schools and the main railway station for most of the day. ' +
    'Volunteers brought food and blankets while engineers inspected bridges and dams along the valley for damage.';
  const b = a.replace('Monday', 'Tuesday');
  const c = 'Parliament approved the budget after a long debate over taxes and spending on schools and hospitals in rural regions.';
  assert.ok(minhashSimilarity(minhashOf(a), minhashOf(b)) > 0.5);
  assert.ok(minhashSimilarity(minhashOf(a), minhashOf(c)) < 0.1);
  const ba = new Set(lshBands(minhashOf(a)));
  assert.ok(lshBands(minhashOf(b)).some((k) => ba.has(k)));
  assert.ok(!lshBands(minhashOf(c)).some((k) => ba.has(k)));
});

test('entity keys: names, acronyms, surnames, roles', () => {
  assert.equal(acronymOf('Commonwealth of Independent States'), 'cis');
  assert.equal(acronymOf('Moscow'), null);
  assert.equal(acronymOf('RIA Novosti'), null, 'a word that is itself an acronym gives no initials');
  assert.equal(acronymOf('ITAR-TASS'), null);
  const rows: [Parameters<typeof entityKeys>[0], string[]][] = [
    [{ name: 'Jane Q. Doe', type: 'person', aliases: [], roles: [] }, ['n:p:jane q doe', 's:doe']],
    [{ name: 'Collective Security Treaty Organization', type: 'organization', aliases: ['CSTO'], roles: [] }, ['n:o:collective security treaty organization', 'x:csto', 'a:csto', 'n:o:csto']],
    [{ name: 'the city mayor', type: 'person', aliases: [], roles: [{ title: 'mayor', organization: 'City' }] }, ['r:mayor|city']],
  ];
  for (const [e, want] of rows) assert.deepEqual(entityKeys(e).sort(), want.sort(), e.name);
});

test('entities: surname-only names join only when unambiguous; acronyms join expansions', async () => {
  const index = new MemoryCorpusIndex();
  const e = (doc: string, i: number, name: string, type: 'person' | 'organization', aliases: string[] = []) => ({ id: `${doc}#e${i}`, name, type, aliases, roles: [] });
  await resolveEntities([e('a', 0, 'John Smith', 'person'), e('a', 1, 'Collective Security Treaty Organization', 'organization')], index);
  const b = await resolveEntities([e('b', 0, 'Smith', 'person'), e('b', 1, 'CSTO', 'organization')], index);
  assert.equal(b.ids.get('b#e0'), 'person:john-smith');
  assert.equal(b.ids.get('b#e1'), 'organization:collective-security-treaty-organization');
  await resolveEntities([e('c', 0, 'Mary Smith', 'person')], index);
  const d = await resolveEntities([e('d', 0, 'Smith', 'person')], index);
  assert.equal(d.ids.get('d#e0'), 'person:smith', 'two Smiths known: a bare surname starts its own entity');
  const f = await resolveEntities([e('f', 0, 'Mary Smith', 'person')], index);
  assert.equal(f.ids.get('f#e0'), 'person:mary-smith');
});

test('measure keys fold counted synonyms', () => {
  const rows: [string, string][] = [['militants', 'fighter'], ['loyal fighters', 'fighter'], ['countries', 'country'], ['foreign nationals', 'foreign citizen']];
  for (const [of, want] of rows) assert.equal(countedKey(of), want, of);
});

test('intervals by qualifier', () => {
  const rows: [Qualifier, number, number, [number, number]][] = [
    ['up_to', 50, 50, [0, 50]],
    ['more_than', 10, 10, [10, Infinity]],
    ['approx', 100, 100, [85, 115]],
    ['exact', 2000, 3000, [1960, 3060]],
  ];
  for (const [q, low, high, want] of rows) {
    const [a, b] = interval({ low, high, qualifier: q });
    assert.ok(Math.abs(a - want[0]) < 1e-9 && (b === want[1] || Math.abs(b - want[1]) < 1e-9), q);
  }
});

test('conflicts: disjoint figures for the same year conflict; other years are explained', () => {
  const p = (claim: string, low: number, high: number, qualifier: Qualifier, date: string | null, claimant = claim): MeasurePoint => ({ claim, claimant, date, low, high, qualifier });
  const rows: [MeasurePoint[], boolean, RegExp][] = [
    [[p('a', 2000, 3000, 'approx', '2015-10-16'), p('b', 10000, 10000, 'more_than', '2015-11-01')], true, /cannot both be true/],
    [[p('a', 2000, 3000, 'approx', '2015-10-16'), p('b', 10000, 10000, 'more_than', '2017-12-23')], false, /different years/],
    [[p('a', 100, 100, 'more_than', '2015-10-28'), p('b', 100, 100, 'more_than', '2015-10-28')], false, /agree/],
    [[p('a', 50000, 50000, 'up_to', '2015-10-16'), p('b', 40000, 40000, 'approx', '2015-10-20')], false, /agree/],
    [[p('a', 30000, 30000, 'approx', '2015-10-28'), p('b', 200000, 200000, 'approx', '2015-10-28')], true, /cannot/],
  ];
  for (const [points, conflict, re] of rows) {
    const r = explainPoints(points);
    assert.equal(r.conflict, conflict, r.explanation);
    assert.match(r.explanation, re);
  }
});

test('quotes match across translations with the same speaker and numbers', () => {
  const q = (doc: string, speaker: string | null, text: string) => ({ doc, speaker, stems: contentStems(text), numbers: numbersIn(text) });
  const a = q('x', 'p', 'According to our estimates, nationals from more than 100 countries have joined terrorist structures.');
  const rows: [ReturnType<typeof q>, boolean][] = [
    [q('y', 'p', 'According to our estimates, citizens from more than 100 countries are fighting in the ranks of terrorist structures.'), true],
    [q('y', 'other', 'According to our estimates, citizens from more than 100 countries are fighting in the ranks of terrorist structures.'), false],
    [q('y', 'p', 'According to our estimates, citizens from more than 80 countries are fighting in the ranks of terrorist structures.'), false],
    [q('y', 'p', 'The weather will improve on the weekend.'), false],
    [q('x', 'p', 'According to our estimates, nationals from more than 100 countries have joined terrorist structures.'), false],
  ];
  for (const [b, want] of rows) assert.equal(quotesMatch(a, b) > 0, want, JSON.stringify(b.stems));
});

test('background units: short lines are ignored, long sentences hashed independent of case and punctuation', () => {
  const u1 = hashedUnits('He said so.\nThe group is an extremist organization banned in several countries of the region.');
  const u2 = hashedUnits('THE GROUP IS AN EXTREMIST ORGANIZATION, BANNED IN SEVERAL COUNTRIES OF THE REGION!');
  assert.equal(u1.length, 1);
  assert.equal(u1[0]!.hash, u2[0]!.hash);
});

type Ent = { name: string; type: 'person' | 'organization' | 'group' | 'location'; aliases?: string[] };

/** Resolve two entities from two documents; true when the second joined the first. */
async function merged(a: Ent, b: Ent): Promise<boolean> {
  const index = new MemoryCorpusIndex();
  const x = await resolveEntities([{ id: 'a#e0', name: a.name, type: a.type, aliases: a.aliases ?? [], roles: [] }], index);
  const y = await resolveEntities([{ id: 'b#e0', name: b.name, type: b.type, aliases: b.aliases ?? [], roles: [] }], index);
  return x.ids.get('a#e0') === y.ids.get('b#e0');
}

test('entities: must-merge and must-not-merge pairs across documents', async () => {
  const rows: [Ent, Ent, boolean][] = [
    // Alias, acronym and surname of the same thing.
    [{ name: 'Islamic State', type: 'group', aliases: ['IS', 'ISIL'] }, { name: 'ISIL', type: 'organization' }, true],
    [{ name: 'Islamic State', type: 'group' }, { name: 'IS', type: 'group' }, true],
    [{ name: 'Islamic State of Iraq and the Levant', type: 'group' }, { name: 'ISIL', type: 'group' }, true],
    [{ name: 'Alexander Bortnikov', type: 'person' }, { name: 'Bortnikov', type: 'person' }, true],
    [{ name: 'Bortnikov', type: 'person' }, { name: 'Alexander Bortnikov', type: 'person' }, true],
    [{ name: 'FSB', type: 'organization' }, { name: 'Russian Federal Security Service (FSB)', type: 'organization' }, true],
    [{ name: 'Russian Federal Security Service (FSB)', type: 'organization' }, { name: 'FSB', type: 'organization' }, true],
    [{ name: 'Federal Security Service', type: 'organization' }, { name: 'FSS', type: 'organization' }, true],
    // Different proper names.
    [{ name: 'TASS', type: 'organization', aliases: ['ITAR-TASS', 'TASS Russian News Agency'] }, { name: 'International Business Times', type: 'organization', aliases: ['IBTimes', 'IB Times'] }, false],
    [{ name: 'International Business Times', type: 'organization', aliases: ['IBTimes', 'IB Times'] }, { name: 'TASS', type: 'organization', aliases: ['ITAR-TASS'] }, false],
    [{ name: 'Russian Navy', type: 'organization' }, { name: 'RIA Novosti', type: 'organization' }, false],
    [{ name: 'Regional News', type: 'organization' }, { name: 'Russian Navy', type: 'organization' }, false],
    [{ name: 'Sergei Lavrov', type: 'person' }, { name: 'Sergei Shoigu', type: 'person' }, false],
    [{ name: 'Sergei Lavrov', type: 'person' }, { name: 'Sergei', type: 'person' }, false],
    [{ name: 'Maria Zakharova', type: 'person' }, { name: 'Anna Zakharova', type: 'person' }, false],
    // Type must agree.
    [{ name: 'Georgia', type: 'location' }, { name: 'Georgia', type: 'person' }, false],
  ];
  for (const [a, b, want] of rows) assert.equal(await merged(a, b), want, `${a.name} / ${b.name}`);
});

test('entities: a wrong alias is never picked up from an acronym collision (no chaining)', async () => {
  const index = new MemoryCorpusIndex();
  const e = (doc: string, name: string, aliases: string[]) => ({ id: `${doc}#e0`, name, type: 'organization' as const, aliases, roles: [] });
  await resolveEntities([e('a', 'TASS', ['ITAR-TASS', 'TASS Russian News Agency'])], index);
  await resolveEntities([e('b', 'International Business Times', ['IBTimes', 'IB Times'])], index);
  await resolveEntities([e('c', 'IT', [])], index);
  const tass = await index.getEntity('organization:tass');
  assert.deepEqual(tass!.aliases, ['ITAR-TASS', 'TASS Russian News Agency']);
});

test('conflicts: one claimant restating in one document or quote group; hedged figures get tolerance', () => {
  const p = (claim: string, claimant: string | null, low: number, qualifier: Qualifier, extra: Partial<LinkedPoint> = {}): LinkedPoint => ({ claim, claimant, date: '2017-12-23', low, high: low, qualifier, ...extra });
  const rows: [string, LinkedPoint[], boolean, RegExp][] = [
    ['same claimant, same document', [p('d1.c10', 'k', 10000, 'more_than'), p('d1.c90', 'k', 10000, 'up_to')], false, /restating/],
    ['same claimant, same document, far apart', [p('d1.c10', 'k', 10000, 'more_than'), p('d1.c90', 'k', 2000, 'exact')], false, /restating/],
    ['same claimant, same quote group', [p('d1.c10', 'k', 500, 'exact', { group: 'g1' }), p('d2.c10', 'k', 900, 'exact', { group: 'g1' })], false, /restating/],
    ['same claimant, other document', [p('d1.c10', 'k', 500, 'exact'), p('d2.c10', 'k', 900, 'exact')], true, /cannot/],
    ['different claimants, same document', [p('d1.c10', 'k', 500, 'exact'), p('d1.c90', 'm', 900, 'exact')], true, /cannot/],
    ['as many as N vs more than N', [p('d1.c10', 'k', 10000, 'more_than'), p('d2.c10', 'm', 10000, 'up_to', { hedged: true })], false, /agree/],
    ['around N vs more than N*1.1', [p('d1.c10', 'k', 11000, 'more_than'), p('d2.c10', 'm', 10000, 'exact', { hedged: true })], false, /agree/],
    ['up to N vs more than N, unhedged', [p('d1.c10', 'k', 10000, 'more_than'), p('d2.c10', 'm', 10000, 'up_to')], true, /cannot/],
  ];
  for (const [name, points, conflict, re] of rows) {
    const r = explainPoints(points);
    assert.equal(r.conflict, conflict, `${name}: ${r.explanation}`);
    assert.match(r.explanation, re, name);
  }
});

test('conflicts: one report giving two figures, and an unscoped count across reports, are not compared', () => {
  const p = (claim: string, claimant: string | null, low: number, doc: string): LinkedPoint => ({ claim, claimant, date: '2013-03-08', low, high: low, qualifier: 'exact', doc });
  const rows: [string, LinkedPoint[], boolean, boolean, RegExp][] = [
    ['unattributed, one report', [p('d1.c10', null, 11, 'd1'), p('d1.c90', null, 2, 'd1')], true, false, /one report/],
    ['one named claimant and the report, one report', [p('d1.c10', 'k', 11, 'd1'), p('d1.c90', null, 2, 'd1')], true, false, /one report/],
    ['two named claimants, one report', [p('d1.c10', 'k', 11, 'd1'), p('d1.c90', 'm', 2, 'd1')], true, true, /cannot/],
    ['two reports, scoped measure', [p('d1.c10', null, 11, 'd1'), p('d2.c10', null, 2, 'd2')], true, true, /cannot/],
    ['two reports, unscoped measure', [p('d1.c10', null, 11, 'd1'), p('d2.c10', null, 2, 'd2')], false, false, /no subject or place/],
  ];
  for (const [name, points, scoped, conflict, re] of rows) {
    const r = explainPoints(points, new Map(), scoped);
    assert.equal(r.conflict, conflict, `${name}: ${r.explanation}`);
    assert.match(r.explanation, re, name);
  }
});

test('counted state: what happened to the people a figure counts', () => {
  const rows: [string, string, string | null, string | null][] = [
    ['The earthquake killed at least 612 people and injured 1,200 others.', 'at least 612', 'people', 'people killed'],
    ['The earthquake killed at least 612 people and injured 1,200 others.', '1,200', 'others', 'people injured'],
    ['More than 40 people were injured when the building collapsed.', 'More than 40', 'people', 'people injured'],
    ['Police said 12 people remain missing.', '12', 'people', 'people missing'],
    ['The death toll rose to 80.', '80', 'death toll', 'people killed'],
    ['Rescuers found 15 dead in the rubble.', '15', null, 'people killed'],
    ['The storm left 3,000 people homeless.', '3,000', 'people', 'people homeless'],
    ['Ten soldiers were wounded and two died.', 'Ten', 'soldiers', 'soldiers injured'],
    ['Ten soldiers were wounded and two died.', 'two', 'soldiers', 'soldiers killed'],
    ['Authorities arrested 25 protesters.', '25', 'protesters', 'protesters arrested'],
    // The state of another clause, or none.
    ['12 people said they were injured.', '12', 'people', null],
    ['The town has 5,000 residents.', '5,000', 'residents', null],
    ['He scored 30 points and was injured.', '30', 'points', null],
  ];
  for (const [text, value, of, want] of rows) {
    const s = text.indexOf(value);
    assert.equal(countedState(text, { start: s, end: s + value.length }, of), want, `${text} / ${value}`);
  }
  // Different states are different measures.
  assert.notEqual(countedKey('people killed'), countedKey('people injured'));
});

test('measure labels name the counted thing once', () => {
  const rows: [Parameters<typeof labelOf>[0], string][] = [
    [{ of: 'militants', unit: null, subjectName: 'ISIL militants', placeName: 'Afghanistan' }, 'ISIL militants in Afghanistan'],
    [{ of: 'militants killed', unit: null, subjectName: 'ISIL militants', placeName: null }, 'ISIL militants killed'],
    [{ of: 'fighters', unit: null, subjectName: 'Islamic State', placeName: 'Afghanistan' }, 'Islamic State fighters in Afghanistan'],
    [{ of: 'people killed', unit: null, subjectName: null, placeName: 'Iran' }, 'people killed in Iran'],
    [{ of: 'members', unit: 'percentage', subjectName: 'Hezbollah members', placeName: null }, 'Hezbollah members (percentage)'],
    [{ of: 'forces', unit: 'percentage', subjectName: 'Hezbollah', placeName: 'Lebanon' }, 'Hezbollah forces (percentage) in Lebanon'],
  ];
  for (const [input, want] of rows) assert.equal(labelOf(input), want);
});

test('hedge words before a figure', () => {
  const rows: [string, boolean][] = [['has as many as ', true], ['around ', true], ['over ', false], ['more than ', false], ['an estimated ', true], ['in ', false]];
  for (const [text, want] of rows) assert.equal(isHedged(text), want, text);
});

test('measure explanations name claimants known only from earlier documents', async () => {
  const index = new MemoryCorpusIndex();
  await resolveEntities([{ id: 'a#e0', name: 'Jane Roe', type: 'person', aliases: [], roles: [] }], index);
  const rec = {
    id: 'm:x', label: 'x', of: 'x', subject: null, place: null, claims: ['a.c1', 'b.c1'], conflict: false, explanation: '', keys: [],
    points: [
      { claim: 'a.c1', claimant: 'person:jane-roe', date: '2020-01-01', low: 5, high: 5, qualifier: 'exact' as const },
      { claim: 'b.c1', claimant: null, date: '2020-01-02', low: 50, high: 50, qualifier: 'exact' as const },
    ],
  };
  await finishMeasure(rec, index, new Map());
  assert.match(rec.explanation, /Jane Roe says 5/);
  assert.doesNotMatch(rec.explanation, /person:/);
});
