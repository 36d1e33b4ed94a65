import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { BlockFlag, pageBlocks } from './blocks.js';
import type { NodeLike } from './blocks.js';
import { extractHtml, ldBodyLines } from './html.js';
import { mainLines } from './main-lines.js';

const P1 = 'The council voted on Tuesday to extend the programme for another two years after a long debate about its costs.';
const P2 = 'Supporters said the scheme had helped thousands of families, while critics argued that the money could be better spent.';
const P3 = 'A final decision on the budget is expected next month, when the council meets again to review the spending plans.';
const P4 = 'Residents who spoke at the meeting were divided, with several asking for more details about how the money was used.';

function blocksOf(html: string) {
  return pageBlocks(parseHTML(`<!doctype html><html>${html}</html>`).document.body as unknown as NodeLike);
}

test('pageBlocks: lines, link characters, flags and innermost chrome element', () => {
  const pb = blocksOf(
    `<body><header><h1>Title Here</h1></header><div class="ad-wrap"><p>Text <a href="/x">link</a> more</p></div>` +
      `<nav><a href="/">Home</a></nav><figure><figcaption>A caption</figcaption></figure><div class="author-bio"><p>About the author</p></div></body>`,
  );
  const rows: [string, number, number, boolean][] = [
    // text, link chars, flags, inside a chrome element
    ['Title Here', 0, BlockFlag.Header | BlockFlag.Heading | BlockFlag.H1, false],
    ['Text link more', 4, BlockFlag.Chrome, true],
    ['Home', 4, BlockFlag.Chrome, true],
    ['A caption', 0, BlockFlag.Figure, false],
    ['About the author', 0, BlockFlag.Chrome, true],
  ];
  assert.deepEqual(pb.text, rows.map((r) => r[0]));
  rows.forEach(([t, links, flags, chrome], i) => {
    assert.equal(pb.linkChars[i], links, t);
    assert.equal(pb.flags[i], flags, t);
    assert.equal(pb.chromeEl[i]! >= 0, chrome, t);
  });
});

test('mainLines: sibling recovery climbs to the parent when it adds plain paragraphs', () => {
  const rows: [string, string[], string[]][] = [
    // a letter above its signatories (Readability took the table): the letter joins
    [
      `<body><div class="content"><p>${P1}</p><p>${P2}</p><table><tr><td>Ann Lee<br>Bob Roe<br>Cy Doe</td></tr></table></div><footer>Site footer</footer></body>`,
      ['Ann Lee', 'Bob Roe', 'Cy Doe'],
      [P1, P2, 'Ann Lee', 'Bob Roe', 'Cy Doe'],
    ],
    // sections split into sibling divs (Readability took one): all sections, with their headings
    [
      `<body><div id="content"><div><h2>One</h2><p>${P1}</p></div><div><h2>Two</h2><p>${P2}</p></div></div><div class="links"><a href="/a">A</a></div></body>`,
      ['Two', P2],
      ['One', P1, 'Two', P2],
    ],
    // a short note beside a long body is not recovered (less than a quarter of the body's paragraph text)
    [
      `<body><div><div><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></div><p>${P4.replace('Residents', 'Readers')}</p></div></body>`,
      [P1, P2, P3, P4],
      [P1, P2, P3, P4],
    ],
    // a link list beside the body is not recovered
    [
      `<body><div><div><p>${P1}</p></div><ul><li><a href="/1">${P2}</a></li><li><a href="/2">${P3}</a></li></ul></div></body>`,
      [P1],
      [P1],
    ],
    // an author box beside the body stays out (chrome class)
    [
      `<body><div><div><p>${P1}</p></div><div class="author-profile"><p>${P2}</p><p>${P3}</p></div></div></body>`,
      [P1],
      [P1],
    ],
    // a chrome-classed wrapper that holds the body is not chrome: its intro joins
    [
      `<body><div class="sc-ad-container"><div class="intro"><p>${P1}</p><p>${P2}</p></div><div class="body"><p>${P3}</p><p>${P4}</p></div></div></body>`,
      [P3, P4],
      [P1, P2, P3, P4],
    ],
  ];
  for (const [html, readable, expected] of rows) assert.deepEqual(mainLines(blocksOf(html), readable, null), expected, html.slice(0, 80));
});

test('mainLines: head recovery adds the headline matching the title and standfirst paragraphs', () => {
  const rows: [string, string | null, string[]][] = [
    [
      `<body><header><a href="/">Site</a></header><article><header><h1>Council Extends Programme</h1><p>${P4}</p><p>By A. Writer</p></header><figure><figcaption>${P3}</figcaption></figure><div><p>${P1}</p><p>${P2}</p></div></article></body>`,
      'Council Extends Programme | Example News',
      ['Council Extends Programme', P4, P1, P2],
    ],
    // a headline worded a little differently from the og:title, an h2 when the h1 is a section name; date lines and captions stay out
    [
      `<body><h1>News</h1><article><h2>Council extends the programme for two years</h2><p>Published 19 February 2020 Updated 19 February 2020 12:02 by the desk</p><div class="photo-caption">${P3}</div><p>${P4}</p><div><p>${P1}</p><p>${P2}</p><p>${P1} ${P2}</p><p>${P2} ${P1}</p></div></article></body>`,
      'Council extends programme for two years - Example News',
      ['Council extends the programme for two years', P4, P1, P2, `${P1} ${P2}`, `${P2} ${P1}`],
    ],
    // a donation prompt between headline and body stays out (class)
    [
      `<body><h1>Council Extends Programme</h1><div class="article-donation-CTA"><p>${P3}</p></div><div><p>${P1}</p><p>${P2}</p></div></body>`,
      'Council Extends Programme',
      ['Council Extends Programme', P1, P2],
    ],
    // no title match: nothing added
    [`<body><h1>Welcome to our site</h1><p>${P4}</p><div><p>${P1}</p><p>${P2}</p></div></body>`, 'Council Extends Programme', [P1, P2]],
    // no title known: nothing added
    [`<body><h1>Council Extends Programme</h1><p>${P4}</p><div><p>${P1}</p><p>${P2}</p></div></body>`, null, [P1, P2]],
  ];
  for (const [html, title, expected] of rows) {
    const readable = [P1, P2, `${P1} ${P2}`, `${P2} ${P1}`].filter((l) => html.includes(l));
    assert.deepEqual(mainLines(blocksOf(html), readable, title), expected, html.slice(0, 80));
  }
});

test('mainLines: subheadings inside the body that Readability dropped come back', () => {
  const rows: [string, string[], string[]][] = [
    [`<body><div><p>${P1}</p><h2>Straight to the point</h2><p>${P2}</p></div></body>`, [P1, P2], [P1, 'Straight to the point', P2]],
    // a heading at the end of the body introduces nothing: not added
    [`<body><div><p>${P1}</p><p>${P2}</p><h2>More from us</h2></div></body>`, [P1, P2], [P1, P2]],
  ];
  for (const [html, readable, expected] of rows) assert.deepEqual(mainLines(blocksOf(html), readable, null), expected, html.slice(0, 80));
});

test('ldBodyLines: JSON-LD articleBody to paragraph lines', () => {
  const rows: [string, string[]][] = [
    ['One paragraph.\nTwo paragraph.', ['One paragraph.', 'Two paragraph.']],
    ['<p>One.</p><p>Two &amp; three &quot;quoted&quot;.</p>', ['One.', 'Two & three "quoted".']],
    ['Line one<br/>Line  two', ['Line one', 'Line two']],
  ];
  for (const [input, expected] of rows) assert.deepEqual(ldBodyLines(input), expected, input);
});

test('extractHtml: a script-rendered page uses the JSON-LD articleBody when it is much longer', () => {
  const body = [P1, P2, P3, P4, P1, P2].join('\n');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'H', articleBody: body });
  const out = extractHtml(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"><p>Loading the story now, please wait a moment.</p></div></body></html>`);
  assert.equal(out.method, 'json-ld');
  assert.equal(out.text, body);
});

test('mainLines: Readability output that does not map onto the page is left alone', () => {
  assert.equal(mainLines(blocksOf(`<body><p>${P1}</p></body>`), ['Something else entirely that is not on the page.'], null), null);
});

test('extractHtml: a letter above a signatory table keeps the letter', () => {
  const names = Array.from({ length: 60 }, (_, i) => `Person Number${i} Surname, University of Somewhere`).join('<br>');
  const html = `<html><head><title>A Letter</title></head><body><div class="wysiwyg"><p>${P1} ${P2}</p><p>${P3} ${P4}</p><table><tr><td><span>${names}</span></td></tr></table></div></body></html>`;
  const out = extractHtml(html).text;
  assert.ok(out.includes(P1) && out.includes(P3), out.slice(0, 200));
});
