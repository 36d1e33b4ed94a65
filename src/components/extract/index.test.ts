import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { extract } from './index.js';
import { extractHtml, siteNameFromTitle } from './html.js';

const PARA = 'The minister said on Thursday that talks with the neighbouring countries would continue until an agreement was reached, officials added. ';

test('HTML: paragraphs per line, no scripts/styles/comments, hints from meta and JSON-LD', () => {
  const html = `<!doctype html><html lang="en"><head><title>Page</title><style>.x{color:red}</style>
  <link rel="canonical" href="https://example.com/a">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks Go On","datePublished":"2015-10-22T09:00:00Z","publisher":{"@type":"Organization","name":"Example Wire"}}</script>
  <script>var tracking = "SECRET";</script></head>
  <body><nav><a href="/">Home</a> <a href="/news">All news</a></nav>
  <article><h1>Talks Go On</h1><time datetime="2015-10-22">Oct 22</time>
  <p>${PARA}</p><!-- hidden comment --><p>${PARA.repeat(2)}</p><h2>Next steps</h2><p>${PARA}<br>Second line.</p></article>
  <footer>© Example 2024</footer></body></html>`;
  const out = extractHtml(html);
  assert.ok(!out.text.includes('SECRET') && !out.text.includes('color:red') && !out.text.includes('hidden comment'));
  const lines = out.text.split('\n');
  assert.ok(lines.includes('Next steps'));
  assert.ok(lines.includes(PARA.trim()));
  assert.ok(lines.includes('Second line.'));
  assert.deepEqual(
    { title: out.hints.title, published: out.hints.published, siteName: out.hints.siteName, url: out.hints.url, language: out.hints.language },
    { title: 'Talks Go On', published: '2015-10-22T09:00:00Z', siteName: 'Example Wire', url: 'https://example.com/a', language: 'en' },
  );
});

test('fallback drops nav/header/footer/aside/form when Readability finds little', () => {
  const html = `<html><body><header>Site Header</header><nav>Menu</nav><div>Short body text here. ${PARA}</div><aside>Sidebar</aside><form>Sign up</form><footer>Footer</footer></body></html>`;
  const out = extractHtml(html);
  assert.ok(out.text.includes('Short body text here.'));
  for (const chrome of ['Site Header', 'Sidebar', 'Footer', 'Sign up']) assert.ok(!out.text.includes(chrome), chrome);
});

test('drop caps join their paragraph', () => {
  const out = extractHtml(`<html><body><article><p><span style="float:left">T</span></p><p>urkey and others were added. ${PARA}</p><p>${PARA}</p></article></body></html>`);
  assert.ok(out.text.startsWith('Turkey and others'));
});

test('component: text records pass through, HTML records set hints', () => {
  const c = extract.create();
  const t = new Doc('a', { text: 'Line one\r\nLine two' });
  c.run(t);
  assert.equal(t.rawText, 'Line one\nLine two');
  const h = new Doc('b', { html: `<html><head><meta property="og:site_name" content="Reuters"></head><body><p>${PARA}</p></body></html>` });
  c.run(h);
  assert.equal(h.meta.hints.siteName, 'Reuters');
  const u = new Doc('c', { html: `<html><head><meta property="og:site_name" content="https://www.example.com/"></head><body><p>${PARA}</p></body></html>` });
  c.run(u);
  assert.equal(u.meta.hints.siteName, 'example.com');
  assert.equal(h.rawText, PARA.trim());
});

test('siteNameFromTitle: a title suffix names the site when it matches the canonical host', () => {
  const rows: [string, string, string | null][] = [
    ['Schools safe amidst surge – NationNews Barbados — nationnews.com', 'https://www.nationnews.com/2022/04/22/x/', 'NationNews Barbados'],
    ['Talks go on | Example Wire', 'https://examplewire.com/a', 'Example Wire'],
    ['Talks go on - Part 2', 'https://examplewire.com/a', null],
    ['Talks go on', 'https://examplewire.com/a', null],
  ];
  for (const [title, url, want] of rows) assert.equal(siteNameFromTitle(title, url), want, title);
});

