import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Doc } from '../../doc/doc.js';
import { extract } from '../extract/index.js';
import { clean } from '../clean/index.js';
import { metadata, guessLanguage } from './index.js';
import { dateLineOf, inferDate, isoDateOf, yearForWeekday } from './dates.js';
import { allOutlets, findOutlet, hostOf } from './outlets.js';

const seed = (name: string) => readFileSync(new URL(`../../../examples/seeds/${name}`, import.meta.url), 'utf8');
const steps = [extract.create(), clean.create(), metadata.create()];
function analyze(source: ConstructorParameters<typeof Doc>[1]): Doc {
  const doc = new Doc('t', source);
  for (const s of steps) s.run(doc);
  return doc;
}

test('isoDateOf', () => {
  const rows: [string | null, string | null][] = [
    ['2015-10-22T10:00:00+03:00', '2015-10-22'],
    ['2015-10-22', '2015-10-22'],
    ['20151022', '2015-10-22'],
    ['Oct 22, 2015', '2015-10-22'],
    ['22 October 2015', '2015-10-22'],
    ['2015-02-30', null],
    ['yesterday', null],
    [null, null],
  ];
  for (const [input, expected] of rows) assert.equal(isoDateOf(input), expected, String(input));
});

test('date inference from dateline + weekday', () => {
  const rows: [number, number, string, string | null][] = [
    [10, 22, 'said on Thursday. In 2013-2014, it called itself ISIL. In June 2014 ...', '2015-10-22'],
    [10, 28, 'said in Moscow on Wednesday. Since 2014 ...', '2015-10-28'],
    // no weekday: no date
    [10, 22, 'said. In 2014 ...', null],
    // no year mentioned: no anchor, no date
    [10, 22, 'said on Thursday.', null],
    // the mentioned year itself can be the answer
    [1, 1, 'on Wednesday the 2020 plan began', '2020-01-01'],
  ];
  for (const [m, d, text, expected] of rows) assert.equal(inferDate(m, d, text), expected, text);
  assert.equal(yearForWeekday(2, 29, 1, 2021), null); // Feb 29 on a Monday: 2044 is too far after 2021
});

test('outlet registry', () => {
  assert.ok(allOutlets().length >= 150);
  const rows: [string, string | null][] = [
    ['RIA Novosti', 'RIA Novosti'],
    ['Sputnik International', 'Sputnik'],
    ['TASS', 'TASS'],
    ['IBTimes', 'International Business Times'],
    ['the Associated Press', 'Associated Press'],
    ['https://www.reuters.com/world/article-1', 'Reuters'],
    ['edition.cnn.com', 'CNN'],
    ['news.bbc.co.uk', 'BBC'],
    ['Moscow', null],
    ['Russian Foreign Ministry', null],
    ['example.com', null],
  ];
  for (const [input, expected] of rows) assert.equal(findOutlet(input)?.name ?? null, expected, input);
  assert.equal(hostOf('https://www.bbc.co.uk/news'), 'bbc.co.uk');
});

test('language guess', () => {
  assert.equal(guessLanguage('The minister said that the talks with the country were over and that it was time to act.'), 'en');
  assert.equal(guessLanguage('Der Minister sagte, dass die Gespräche beendet seien.'), null);
  assert.equal(guessLanguage('서울에서 열린 회의에서 장관이 말했다'), 'ko');
});

test('seeds: outlet, dateline, date, title and removed lines', () => {
  const d0 = analyze({ text: seed('000_5b2ce79cc8b8b045.txt') });
  assert.equal(d0.meta.outlet, 'Sputnik');
  assert.equal(d0.meta.dateline, 'Beijing');
  assert.equal(d0.text.slice(d0.meta.datelineSpan!.start, d0.meta.datelineSpan!.end), 'BEIJING');
  assert.equal(d0.meta.published, null);
  assert.equal(d0.meta.title, 'Russian Deputy Defense Minister on ISIL, Russia-US Relations, Terror Groups');
  const reasons0 = new Map(d0.removed.map((r) => [r.text, r.reason]));
  assert.equal(reasons0.get('Registration was successful!'), 'login-prompt');
  assert.equal(reasons0.get('log in or register'), 'login-prompt');
  assert.equal(reasons0.get('To participate in the discussion'), 'comment-prompt');
  assert.equal(reasons0.get('Obama Ignores Advice of Military Generals More Than Any Other US President'), 'related-headline');
  assert.equal(reasons0.get('Reaper drone - Sputnik International'), 'caption');
  assert.ok([...reasons0.entries()].some(([t, r]) => t.startsWith('© AP Photo') && r === 'photo-credit'));
  assert.ok([...reasons0.values()].includes('foreign-script'));
  // real subheadings stay
  assert.ok(d0.text.replace(/\u00a0/g, ' ').includes('\nRadical Activity Spikes in Afghanistan, 50,000 Militants Active\n'));
  assert.ok(d0.text.replace(/\u00a0/g, ' ').includes('\nUS Not Ready to Accept Russian Offer for More Cooperation on Syria\n'));
  assert.ok(d0.text.includes('Highlights of Russian Deputy Defense Minister'));
  assert.equal(d0.entities[d0.meta.outletEntity!]!.name, 'Sputnik');

  const d1 = analyze({ text: seed('001_0495cbc14da840bc.txt') });
  assert.equal(d1.meta.outlet, 'TASS');
  assert.equal(d1.meta.dateline, 'Moscow');
  assert.equal(d1.meta.published, '2015-10-28');
  assert.equal(d1.meta.publishedInferred, true);
  assert.deepEqual(d1.removed.map((r) => r.text), ['All news']);

  const d2 = analyze({ text: seed('002_77de7551dcb319c9.txt') });
  assert.equal(d2.meta.outlet, 'TASS');
  assert.equal(d2.meta.dateline, 'Moscow');
  assert.equal(d2.meta.published, '2015-10-22');
  assert.equal(d2.meta.publishedInferred, true);
  assert.equal(d2.meta.publishedFrom, 'dateline+weekday');
  assert.deepEqual(d2.removed.map((r) => [r.text, r.reason]), [['All news', 'navigation']]);
  assert.ok(d2.text.startsWith('Islamic State settles in most Afghan provinces'));
  assert.equal(d2.text.slice(d2.meta.titleSpan!.start, d2.meta.titleSpan!.end), d2.meta.title);

  const d3 = analyze({ text: seed('003_8810225d187fbb5a.txt') });
  assert.equal(d3.meta.outlet, null); // "told RIA Novosti" is a relay, not the outlet
  assert.equal(d3.meta.published, null);
  assert.equal(d3.removed.length, 0);

  const d4 = analyze({ text: seed('004_b34fac47b658cdc9.txt') });
  assert.equal(d4.meta.outlet, 'International Business Times');
  assert.equal(d4.meta.published, null); // the copyright year is not a publication date
  assert.deepEqual(d4.removed.map((r) => r.reason), ['copyright']);
  for (const d of [d0, d1, d2, d3, d4]) for (const r of d.removed) assert.equal(d.rawText.slice(r.start, r.end), r.text);
});

test('record and hint evidence beat inference', () => {
  const d = analyze({ text: 'MOSCOW, October 22. /TASS/. The ministry said on Thursday that talks would go on. In 2014 ...', published: '2016-01-02T00:00:00Z', outlet: 'Reuters', url: 'https://example.com/a' });
  assert.equal(d.meta.published, '2016-01-02');
  assert.equal(d.meta.publishedFrom, 'record');
  assert.equal(d.meta.publishedInferred, false);
  assert.equal(d.meta.outlet, 'Reuters');
  const h = analyze({ html: '<html lang="en-GB"><head><meta property="og:site_name" content="BBC News"><meta property="article:published_time" content="2020-03-04T05:06:07Z"><link rel="canonical" href="https://www.bbc.co.uk/news/x"></head><body><article><h1>Big Story Headline</h1><p>LONDON (Reuters) - The minister said on Thursday that the talks with the neighbouring countries would continue.</p></article></body></html>' });
  assert.equal(h.meta.outlet, 'BBC');
  assert.equal(h.meta.published, '2020-03-04');
  assert.equal(h.meta.publishedFrom, 'meta');
  assert.equal(h.meta.language, 'en');
  assert.equal(h.meta.url, 'https://www.bbc.co.uk/news/x');
  assert.equal(h.meta.dateline, 'London');
});

test('dateLineOf: a line holding only a date, with label, weekday, time and zone', () => {
  const rows: [string, string | null, 'published' | 'updated' | null][] = [
    ['May 03, 2013', '2013-05-03', null],
    ['Updated: November 11, 2011', '2011-11-11', 'updated'],
    ['First Published: June 13, 2013 4:59 PM EDT', '2013-06-13', 'published'],
    ['Posted on Thu Jun 13, 2013 08:45 AM PDT', '2013-06-13', 'published'],
    ['12:52 p.m. EDT May 2, 2013', '2013-05-02', null],
    ['Fri., May. 3, 2013 11:45 AM PDT', '2013-05-03', null],
    ['on Tuesday, 16 December 2008 13:45.', '2008-12-16', null],
    ['26 September 2013, 10:00 (GMT+05:00)', '2013-09-26', null],
    ['2013-09-26', '2013-09-26', null],
    // Numeric day and month: only when they cannot be swapped.
    ['27/09/2013', '2013-09-27', null],
    ['05/03/2013', null, null],
    // A date inside a sentence or beside a headline is not a date line.
    ['The deal of May 3, 2013 was off', null, null],
    ['27/09/2013 - Turkmenistan to hold elections', null, null],
    ['May 2013', null, null],
    ['February 30, 2013', null, null],
  ];
  for (const [line, date, label] of rows) {
    const got = dateLineOf(line);
    assert.equal(got?.date ?? null, date, line);
    if (got) {
      assert.equal(got.label, label, line);
      assert.equal(isoDateOf(line.slice(got.start, got.end)) ?? dateLineOf(line.slice(got.start, got.end))?.date, date, `span of ${line}`);
    }
  }
});

test('published from a date line near the top: stated as published first, the span points at the date, never the title', () => {
  const rows: [string, string | null, string | null, boolean][] = [
    ['Fire destroys store in town centre\nMay 03, 2013\nA fire destroyed a store in the town centre on Friday, officials said.', '2013-05-03', 'date line', false],
    ['Fire destroys store in town centre\nUpdated: May 04, 2013\nPublished: May 03, 2013\nA fire destroyed a store on Friday, officials said.', '2013-05-03', 'date line', false],
    ['Fire destroys store in town centre\nUpdated 05/14/2013 at 11:00 AM EDT\nA fire destroyed a store on Friday, officials said.', '2013-05-14', 'date line (updated)', true],
    // A date in running text is not a publication date.
    ['Fire destroys store in town centre\nA fire on May 3, 2013 destroyed a store, officials said on Friday.', null, null, false],
  ];
  for (const [text, published, from, inferred] of rows) {
    const d = analyze({ text });
    assert.equal(d.meta.published, published, text);
    assert.equal(d.meta.publishedFrom, from, text);
    assert.equal(d.meta.publishedInferred, inferred, text);
    assert.equal(d.meta.title, 'Fire destroys store in town centre');
    if (published) assert.ok(d.meta.publishedSpan && dateLineOf(d.text.slice(d.meta.publishedSpan.start, d.meta.publishedSpan.end))?.date === published);
  }
  // A date line first: it is not taken as the title.
  const d = analyze({ text: 'May 2, 2013, 1:12 PM\nLawyer: the actress checks into rehab facility\nThe actress checked into a facility, her lawyer said on Thursday.' });
  assert.equal(d.meta.published, '2013-05-02');
  assert.equal(d.meta.title, 'Lawyer: the actress checks into rehab facility');
});
