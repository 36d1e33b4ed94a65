import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CruftReason } from '../../doc/types.js';
import { cleanText } from './index.js';
import { captionSuffix, findCruft, isHeadlineLike, lineCruftReason } from './rules.js';

const BODY = 'The minister said on Monday that the talks with the neighbouring countries would continue until an agreement was reached.';
const BODY2 = 'Officials from both sides met in the capital for several hours, according to a statement released after the meeting ended.';

test('one-line cruft rules', () => {
  const rows: [string, CruftReason | null][] = [
    ['Registration was successful!', 'login-prompt'],
    ['Please follow the link from the email sent to', 'login-prompt'],
    ['log in or register', 'login-prompt'],
    ['Sign in', 'login-prompt'],
    ['To participate in the discussion', 'comment-prompt'],
    ['12 comments', 'comment-prompt'],
    ['Leave a reply', 'comment-prompt'],
    ['Share this article', 'share-prompt'],
    ['Tweet', 'share-prompt'],
    ['Subscribe to our newsletter', 'subscribe-prompt'],
    ['Follow us on Twitter', 'subscribe-prompt'],
    ['To view the full story, please subscribe to The Daily Planet.', 'subscribe-prompt'],
    ['All news', 'navigation'],
    ['Read more', 'navigation'],
    ['Advertisement', 'navigation'],
    ['Category : Press Releases', 'navigation'],
    ['News date : 04/21/2022 Category : Press Releases', 'navigation'],
    ['EXAMPLENEWS.COM', 'navigation'],
    ['www.example.org', 'navigation'],
    ['(Credit: Jane Doe / Example Daily)', 'photo-credit'],
    ['© Copyright IBTimes 2024. All rights reserved.', 'copyright'],
    ['Copyright 2019 The Associated Press. All rights reserved.', 'copyright'],
    ['© AP PhotoMilitants celebrate in the city', 'photo-credit'],
    ['© Sputnik / Ilya Pitalev', 'photo-credit'],
    ['Photograph by Jane Doe', 'photo-credit'],
    ['Credit: Getty', 'photo-credit'],
    ['This article is the copyrighted property of Example News.', 'boilerplate'],
    // content stays
    ['Share prices fell sharply on Tuesday after the announcement.', null],
    ['Registration of voters will continue until the end of the month, officials said.', null],
    ['Russia launches airstrikes in Syria', null],
    [BODY, null],
    ['The category of the award changed this year.', null],
    ['Node.js', null],
    // membership pitches, author bios, "More by" links
    ["When you join The Daily Planet family, you'll get unlimited digital access to high-quality journalism.", 'subscribe-prompt'],
    ['Join now or renew to get:', 'subscribe-prompt'],
    ['Jane Doe is the author of “A Book About Things.” She lives in Springfield.', 'boilerplate'],
    ['J.R. Roe is a freelance writer based in Lagos.', 'boilerplate'],
    ['More by Jane Doe', 'navigation'],
    // share-button rows, breadcrumbs, relative stamps of listed stories
    ['Facebook Twitter Email', 'share-prompt'],
    ['Share: WhatsApp | LinkedIn | Copy link', 'share-prompt'],
    ['World | Europe | Politics', 'navigation'],
    ['Home > News > UK', 'navigation'],
    ['Published 2 days ago', 'navigation'],
    ['Opinion | The plan for the city is wrong', null],
    // cookie banners, wire credits, syndication notes, promos
    ['We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.', 'boilerplate'],
    ['Accept all cookies', 'boilerplate'],
    ['(Reporting by Jane Doe; Editing by John Roe)', 'boilerplate'],
    ['Reporting by Jane Doe; editing by John Roe', 'boilerplate'],
    ['Our Standards: The Example Trust Principles.', 'boilerplate'],
    ['This article was originally published by Example News and is republished here with permission.', null],
    ['WATCH: Residents flee as fighting intensifies', 'navigation'],
    ['Listen to this article', 'navigation'],
    ['5 min read', 'navigation'],
    ['Reporting by the newspaper showed the ministry knew of the risks for years.', null],
    ['The study, originally published in a medical journal, found that the drug worked.', null],
    ['Cookies and cakes were sold at the fair to raise money for the school.', null],
    ['Twitter and Facebook removed the accounts on Monday.', null],
    ['The author of the report is a former official, the ministry said.', null],
    ['When you join the army, you learn discipline, the general said.', null],
    ['Smith is a member of the committee that drafted the law.', null],
  ];
  for (const [input, expected] of rows) assert.equal(lineCruftReason(input), expected, input);
});

test('caption suffixes and headline-likeness', () => {
  const suffixRows: [string, string | null][] = [
    ['Militants celebrate in Fallujah, Iraq - Sputnik International', 'Sputnik International'],
    ['Reaper drone | AFP', 'AFP'],
    ['Taliban siding with IS intensifies threat — FSB', 'FSB'],
    ['No suffix here at all', null],
  ];
  for (const [input, expected] of suffixRows) assert.equal(captionSuffix(input), expected, input);
  const headlineRows: [string, boolean][] = [
    ['Radical Activity Spikes in Afghanistan, 50,000 Militants Active', true],
    ["Ex-Pentagon Chief: US Plan in Syria Was 'Nuts'", true],
    ['This is a sentence.', false],
    ['"Take what you need," he said. "Within reason."', false],
    [BODY, false],
  ];
  for (const [input, expected] of headlineRows) assert.equal(isHeadlineLike(input), expected, input);
});

test('context rules: captions, related headlines, subheadings, foreign script', () => {
  const rows: [string, [string, CruftReason][]][] = [
    // a known outlet's credit suffix marks a caption; the title-like line glued to it is a related headline
    [`Title Of The Story\n\n${BODY}\n\nTroops on parade in the square - Reuters\nGovernment Unveils New Budget Plan\n${BODY2}`, [
      ['Troops on parade in the square - Reuters', 'caption'],
      ['Government Unveils New Budget Plan', 'related-headline'],
    ]],
    // a subheading shares words with the paragraph it introduces: kept
    [`Title Of The Story\n\n${BODY}\n\nTalks with neighbours continue\n\n${BODY2.replace('Officials', 'The talks')}`, []],
    // an isolated title-like line unrelated to the next paragraph: related headline
    [`Title Of The Story\n\n${BODY}\n\nCelebrity Chef Opens Restaurant\n\n${BODY2}`, [['Celebrity Chef Opens Restaurant', 'related-headline']]],
    // a date line between paragraphs is page metadata (read by the metadata component), not a related headline
    [`Title Of The Story\n\n${BODY}\n\nPublished on Friday, 27 September 2013\n\n${BODY2}`, []],
    [`Title Of The Story\n\n${BODY}\n\nUpdated: November 11, 2011 10:31 AM\n\n${BODY2}`, []],
    // the same suffix twice marks a site caption pattern even for an unknown outlet
    [`Head\n\n${BODY}\n\nA photo of a river - Example Daily\n\n${BODY2}\n\nA photo of a hill - Example Daily\n\n${BODY}`, [
      ['A photo of a river - Example Daily', 'caption'],
      ['A photo of a hill - Example Daily', 'caption'],
    ]],
    // title attribution with an em dash is not a caption
    [`Islamic groups expand in region — Foreign Ministry\n\n${BODY}`, []],
    // the short lines a "Related Topics" or "More on this story" header opens are its links, up to the next paragraph
    [`Title Of The Story\n\n${BODY}\n\nRelated Topics\nBudget\nUK politics\n\nMore on this story\nPM faces rebellion over spending cuts\nPublished 2 days ago`, [
      ['Related Topics', 'navigation'],
      ['Budget', 'navigation'],
      ['UK politics', 'navigation'],
      ['More on this story', 'navigation'],
      ['PM faces rebellion over spending cuts', 'related-headline'],
      ['Published 2 days ago', 'navigation'],
    ]],
    [`Title Of The Story\n\n${BODY}\n\nRead more\n${BODY2}`, [['Read more', 'navigation']]],
    // a line in another script than the body
    [`${BODY}\n${BODY2}\n${BODY}\n${BODY2}\nЗаголовок открываемого материала`, [['Заголовок открываемого материала', 'foreign-script']]],
  ];
  for (const [input, expected] of rows) {
    const got = findCruft(input).map((r) => [r.text, r.reason]);
    assert.deepEqual(got, expected, input.slice(0, 60));
    for (const r of findCruft(input)) assert.equal(input.slice(r.start, r.end), r.text);
  }
});

test('cleanText keeps the other lines in order', () => {
  const raw = `All news\n\nHeadline Here Today\n\n${BODY}\n\nShare this article\n${BODY2}\n`;
  const { text, removed } = cleanText(raw);
  assert.equal(text, `Headline Here Today\n${BODY}\n${BODY2}`);
  assert.deepEqual(removed.map((r) => r.reason), ['navigation', 'share-prompt']);
});

test('bulleted lines under a prompt that ends in a colon are part of it', () => {
  const rows: [string, string[]][] = [
    [`${BODY}\nJoin now or renew to get:\n— Instant access to stories\n— Downloadable lists and resources\n${BODY2}`, ['Join now or renew to get:', '— Instant access to stories', '— Downloadable lists and resources']],
    [`${BODY}\nThe plan has three parts:\n— Lower taxes\n— More police\n${BODY2}`, []],
  ];
  for (const [raw, expected] of rows) assert.deepEqual(findCruft(raw).map((r) => r.text), expected);
});
