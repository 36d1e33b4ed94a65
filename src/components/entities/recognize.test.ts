import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findEntities } from './index.js';

/** Mentions of a text as "surface/type" strings, in order. */
function mentionsOf(text: string): string[] {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  findEntities(doc);
  return doc.mentions.map((m) => `${text.slice(m.start, m.end)}/${doc.entities[m.entity]!.type}`);
}

function check(rows: [string, string[], string[]][]): void {
  for (const [text, present, absent] of rows) {
    const got = mentionsOf(text);
    for (const p of present) assert.ok(got.includes(p), `${p} in ${JSON.stringify(got)} for ${text}`);
    for (const a of absent) assert.ok(!got.some((g) => g === a || g.startsWith(`${a}/`)), `${a} not in ${JSON.stringify(got)} for ${text}`);
  }
}

test('a title inside a run splits it: the person after it, the organization or place before it', () => {
  check([
    ['New York City Mayor Bill de Blasio said the city would reopen.', ['Bill de Blasio/person', 'New York City/location'], ['New York City Mayor Bill de Blasio']],
    ['The plan was backed by Colorado Governor Richard Lamm on Monday.', ['Richard Lamm/person'], ['Colorado Governor Richard Lamm']],
    ['Trust Executive Director Javier Moreno said the buses were late.', ['Javier Moreno/person'], ['Trust Executive Director Javier Moreno']],
  ]);
});

test('an article opening an institution name is not part of it', () => {
  check([
    ['Council members voted on Tuesday. The Council of Europe condemned it.', ['Council of Europe/organization'], ['The Council of Europe']],
  ]);
});

test('institution heads take "on" phrases and a closing "in <region>"', () => {
  check([
    ['The Organization for Security and Co-operation in Europe sent observers.', ['Organization for Security and Co-operation in Europe/organization'], ['Europe']],
    ['The Intergovernmental Panel on Climate Change published a report.', ['Intergovernmental Panel on Climate Change/organization'], ['Climate Change']],
    ['The study was funded by the National Institute on Aging.', ['National Institute on Aging/organization'], []],
    ['The Council of Europe in Strasbourg said so.', ['Council of Europe/organization'], ['Council of Europe in Strasbourg']],
  ]);
});

test('an organization head set in capitals is a heading, not a name', () => {
  check([['BREAKING NEWS\nThe meeting in Paris was attended by leaders from France.', ['Paris/location'], ['BREAKING NEWS']]]);
});

test('title splits keep the title whole, drop forms of address and office names', () => {
  check([
    ['Acting Chief Medical Officer Dr Anton Best said schools were safe.', ['Anton Best/person'], ['Medical', 'Acting Chief Medical']],
    ['His Honour Judge Neil Ford said the sentence was fair.', ['Neil Ford/person'], ['Honour', 'His Honour Judge Neil Ford']],
    ['Security Council President Tono Eitel of Germany said members agreed.', ['Tono Eitel/person', 'Security Council/organization', 'Germany/location'], ['Tono Eitel of Germany']],
    ['The refugees urged the U.N. High Commissioner for Refugees to act.', [], ['U.N. High']],
    ['Speaking to CNBC on Friday, Federal Reserve Governor Lawrence Lindsey said the signals were mixed.', ['Lawrence Lindsey/person', 'Federal Reserve/organization'], []],
    // An organization's head noun alone is the institution, not a person; "Exchange" heads an organization.
    ['The Pentagon dismissed the plan.', ['Pentagon/organization'], []],
    ['Shares fell 3% on the Lisbon Stock Exchange.', ['Lisbon Stock Exchange/organization'], []],
    // A hyphenated title splits a run too.
    ['NATO Secretary-General Jane Moreau said the alliance was united.', ['Jane Moreau/person', 'NATO/organization'], ['NATO Secretary-General Jane Moreau']],
  ]);
});

test('a head followed by "on" and a date keeps the date out', () => {
  check([['The U.N. Security Council on Friday condemned the coup.', ['U.N. Security Council/organization'], ['U.N. Security Council on Friday']]]);
});

test('common words opening a sentence or set in capitals are not names', () => {
  check([
    ['The lockdown starts tonight. Cinemas, galleries and museums will shut.', [], ['Cinemas']],
    ['Reproducing this content without PAYMENT IS THEFT AND PUNISHABLE BY LAW.', [], ['PAYMENT', 'THEFT']],
    ['The woman fled, OBSERVER ONLINE has learnt. Police were called to the scene in Kingston.', ['Kingston/location'], ['OBSERVER ONLINE']],
    // Written in title case elsewhere, a capitals word stays a name.
    ['RANGERS WIN AGAIN\nGLASGOW 1996-08-30\nOn Saturday Rangers beat Celtic 2-0 at Ibrox.', ['RANGERS/organization', 'Rangers/organization'], []],
  ]);
});

test('demonyms and lone generic heads are not names; places end in county, area, township', () => {
  check([
    ['Around 10 groupings include citizens of Russia and Central Asian countries.', ['Russia/location'], ['Central Asian']],
    ['She told Australian magazine Stellar about it.', [], ['Australian']],
    ['A meeting of the Council of the heads of security services was held in Moscow.', ['Moscow/location'], ['Council']],
    ['Officials in Broward County, Florida, said the plan was approved.', ['Broward County/location'], []],
  ]);
});

test('datelines with an outlet in brackets or a state after a comma are places, even in capitals', () => {
  check([
    ['Voters pass increase for retired workers\nAUSTIN (KXAN) — Texas voters approved an amendment on Tuesday.', ['AUSTIN/location', 'KXAN/organization'], []],
    ['Resort plan advances\nNAPA COUNTY, Calif. (KGO) -- A plan to bring a resort is one step closer.', ['NAPA COUNTY/location'], []],
  ]);
});

test('title-case phrases of common words are not people; weekdays are dates', () => {
  check([
    ['As we have chronicled before, Big Tech is at war with itself.', [], ['Big Tech']],
    ['Get in touch with Jill today! Email Newsletter', [], ['Email Newsletter']],
    ['New data on Thursday showed unemployment claims had topped six million.', [], ['Thursday']],
    ['“Pick a profession, they are probably represented,” Levy said.', ['Levy/person'], ['Pick']],
    ['Officials said Maria Lopez would stay in Lisbon.', ['Maria Lopez/person', 'Lisbon/location'], []],
  ]);
});

test('the tagger is not run over a document in another language', async () => {
  const { isEnglish } = await import('./recognize.js');
  const { tokenInfo } = await import('./tagger.js');
  const { loadGazetteer } = await import('./gazetteer.js');
  const de = 'Auf einem verschmutzten Parkplatz kam ich zu mir. Die Geldbörse fehlte, das Handy auch. Die meisten Leute würden wahrscheinlich erst zur Polizei gehen und den Raub auf der Wache melden. Wenn man den Raub meldet, sagt man, dass man ausgeraubt wurde. Danach habe ich lange mit den Beamten gesprochen, bis es dunkel wurde und alle nach Hause gingen.';
  const en = 'The family of a ranked junior tennis player said on Monday that he had been unable to compete for months. His older brother started a page earlier this month to raise money for his treatment, and the club where he trained said it would help with the costs of the travel.';
  const table = 'Results of games played on Friday : Haitai 64 2 43 .596 - Ssangbangwool 59 2 49 .545 5 1/2 Hanwha 58 1 49 .542 6 won lost drawn pct behind for against points home away';
  const rows: [string, boolean][] = [[de, false], [en, true], [table, true]];
  for (const [text, expected] of rows) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    assert.equal(isEnglish(tokenInfo(text, doc.tokens, loadGazetteer()), loadGazetteer()), expected, text.slice(0, 40));
  }
  check([[de, [], ['Parkplatz', 'Geldbörse', 'Leute', 'Raub', 'Wache']]]);
});

test('well-known platforms are organizations; a month before a number is a date; lead and caption words are cut', () => {
  check([
    ['You can contact the newsroom on Facebook, Twitter or Instagram.', ['Facebook/organization', 'Twitter/organization', 'Instagram/organization'], []],
    ['Jan 18, 2019 Welcome back to the newsletter from Lisbon.', ['Lisbon/location'], ['Jan']],
    ['Colin Keegan took the photo in Dublin. Picture Colin Keegan, Dublin', ['Colin Keegan/person'], ['Picture Colin Keegan']],
    ['Ireland is closing pubs. Putting Ireland’s entire restaurant trade on hold is a mistake, he said.', ['Ireland/location'], ['Putting Ireland']],
  ]);
});

test('portfolios before a title, seat titles, lone place heads, words after a label and trailing weekdays', () => {
  check([
    ['Travellers must self-isolate for 14 days, Transport Secretary Grant Shapps said.', ['Grant Shapps/person'], ['Transport']],
    ['Chi Onwurah, the Labour MP for Newcastle Central, supports the plan.', ['Chi Onwurah/person'], ['Labour MP']],
    ['A car was southbound on Township Road 1950E near Pana.', [], ['Township']],
    ['It is getting colder. Report: People out on the streets wore layers in Seoul.', ['Seoul/location'], ['People']],
    ['Albright will meet Foreign Minister Jose Miguel Insulza Monday for talks.', ['Jose Miguel Insulza/person'], ['Jose Miguel Insulza Monday']],
    ['Coronavirus: New York ramps up burials\nThe city is busy.', [], ['Coronavirus']],
  ]);
});

test('facility names are places, and a head noun after a run completes it', () => {
  check([
    ['Others include Beit Hanoun Hospital, Al-Wafa Hospital, and smaller clinics.', ['Beit Hanoun Hospital/location', 'Al-Wafa Hospital/location'], []],
    ['Protesters gathered near Buckingham Palace on Sunday.', ['Buckingham Palace/location'], []],
    ['The patients were moved to the Hospital on Sunday.', [], ['Hospital']],
    // A street abbreviation makes a place; a name ending in "Park" is not thereby one (the model types it by context).
    ['Vote in person at 2344 Bragg St., Apt. 1C, and Jae Park will count the ballots.', ['Bragg St./location'], ['Jae Park/location']],
    ['Jae Park will count the ballots.', ['Jae Park/person'], []],
  ]);
});

test('a person name holds no number', () => {
  check([
    ['Voters approved Senate Bill 10 on Tuesday, and Bill Gates said he would donate.', ['Bill Gates/person'], ['Bill 10']],
  ]);
});

test('media, studio and airline names are organizations', () => {
  check([
    ['The photo was taken by Saul Loeb for Getty Images on Monday, and Delta Airlines flew the team.', ['Getty Images/organization', 'Delta Airlines/organization', 'Saul Loeb/person'], []],
  ]);
});
