import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isPrivateAddress } from './address.js';
import { fetchUrl, guardedLookup } from './fetch.js';
import { parseFeed } from './feed.js';
import { fetchRemote } from './remote.js';
import type { InputItem } from '../read.js';

const PAGE = '<html><head><title>A page</title></head><body><p>Body text of the article.</p></body></html>';
let base = '';
const server = http.createServer((req, res) => {
  const u = req.url ?? '/';
  if (u === '/page.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  if (u === '/plain') return res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain text body.');
  if (u === '/redirect') return res.writeHead(302, { location: '/page.html' }).end();
  if (u.startsWith('/loop')) return res.writeHead(301, { location: '/loop' + Math.random() }).end();
  if (u === '/big') return res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(5000));
  if (u === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
    return res.end();
  }
  if (u === '/slow') return setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
  if (u === '/feed.xml')
    return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
       <item><title>One</title><link>${base}/page.html</link><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate><guid>g1</guid></item>
       <item><title>Missing</title><link>${base}/missing</link></item>
       <item><title>Two &amp; more</title><link>${base}/redirect</link></item>
       </channel></rss>`,
    );
  res.writeHead(404).end('not found');
});

async function collect(gen: AsyncGenerator<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

const opts = { timeoutMs: 1000, maxBytes: 4000, maxRedirects: 3, allowPrivate: true };

describe('remote fetching', () => {
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('classifies addresses', () => {
    const table: [string, boolean][] = [
      ['127.0.0.1', true], ['10.1.2.3', true], ['172.20.0.1', true], ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true],
      ['0.0.0.0', true], ['::1', true], ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['8.8.8.8', false],
      ['93.184.216.34', false], ['2606:4700::1111', false], ['not-an-ip', true],
    ];
    for (const [addr, priv] of table) assert.equal(isPrivateAddress(addr), priv, addr);
  });

  it('fetches a page and follows redirects', async () => {
    const page = await fetchUrl(`${base}/redirect`, opts);
    assert.equal(page.url, `${base}/page.html`);
    assert.equal(page.body.toString(), PAGE);
  });

  it('refuses loopback and private addresses without allowPrivate', async () => {
    const strict = { ...opts, allowPrivate: false };
    for (const url of [`${base}/page.html`, 'http://localhost:1/x', 'http://[::1]:1/', 'http://169.254.169.254/latest/meta-data']) {
      await assert.rejects(fetchUrl(url, strict), (e: any) => e.code === 'E_FETCH' && /refused/.test(e.message), url);
    }
  });

  it('refuses a host name that resolves to loopback (checked at DNS lookup)', async () => {
    const err = await new Promise<any>((resolve) => (guardedLookup('http://localhost/') as any)('localhost', {}, (e: unknown) => resolve(e)));
    assert.equal(err?.code, 'E_FETCH');
    assert.match(err.message, /resolves to the non-public address 127\.0\.0\.1/);
  });

  it('enforces limits: size, redirects, timeout, status, scheme', async () => {
    const table: [string, Partial<typeof opts>, RegExp][] = [
      [`${base}/big`, {}, /limit of 4000/],
      [`${base}/big-chunked`, {}, /exceeded the limit of 4000/],
      [`${base}/loop`, {}, /more than 3 redirects/],
      [`${base}/slow`, { timeoutMs: 150 }, /timed out after 150 ms/],
      [`${base}/missing`, {}, /expected HTTP 200, found 404/],
      ['file:///etc/passwd', {}, /expected an http or https URL/],
      ['not a url', {}, /unparseable/],
    ];
    for (const [url, o, re] of table) await assert.rejects(fetchUrl(url, { ...opts, ...o }), (e: any) => e.code === 'E_FETCH' && re.test(e.message), url);
  });

  it('turns a feed into one record per item, with per-item errors', async () => {
    const items = await collect(fetchRemote(`${base}/feed.xml`, opts));
    assert.deepEqual(items.map((i) => i.ok), [true, false, true]);
    const first = items[0]!;
    assert.ok(first.ok);
    assert.equal(first.record.url, `${base}/page.html`);
    assert.equal(first.record.title, 'One');
    assert.equal(first.record.published, '2024-03-01T10:00:00.000Z');
    assert.equal(first.record.html, PAGE);
    assert.ok(!items[1]!.ok && items[1]!.error.code === 'E_FETCH');
    assert.ok(items[2]!.ok && items[2]!.record.title === 'Two & more');
  });

  it('reads single pages and plain text', async () => {
    const [page] = await collect(fetchRemote(`${base}/page.html`, opts));
    assert.ok(page?.ok && page.record.html === PAGE);
    const [plain] = await collect(fetchRemote(`${base}/plain`, opts));
    assert.ok(plain?.ok && plain.record.text === 'Plain text body.');
    const [bad] = await collect(fetchRemote(`${base}/page.html`, { ...opts, allowPrivate: false }));
    assert.ok(bad && !bad.ok && bad.error.code === 'E_FETCH');
  });

  it('parses Atom and RDF feeds', () => {
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:1</id><title>E</title>
      <link rel="self" href="https://x.test/self"/><link rel="alternate" href="https://x.test/e1"/><updated>2024-02-03T04:05:06Z</updated><summary>S</summary></entry></feed>`);
    assert.deepEqual(atom?.items, [{ url: 'https://x.test/e1', title: 'E', published: '2024-02-03T04:05:06.000Z', id: 'urn:1', html: 'S' }]);
    const rdf = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>R</title></channel>
      <item><title>I</title><link>https://x.test/i</link><dc:date>2024-01-01</dc:date></item></rdf:RDF>`);
    assert.equal(rdf?.items[0]?.url, 'https://x.test/i');
    assert.equal(parseFeed('<html><body>no</body></html>'), null);
  });
});
