import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { loadSettings } from '../settings.js';
import { ingest, ingestAll, type IngestEvent } from './ingest.js';

const PAGE = (n: number, extra = '') =>
  `<html><head><title>Report ${n}</title><meta property="article:published_time" content="2024-06-0${n}T08:00:00Z"></head><body><article>` +
  `<h1>Report ${n}</h1><p>GENEVA (Wire) - The agency said ${n * 1000} people had registered at the border camp number ${n}.${extra}</p>` +
  `<p>"Registration continues day and night at camp ${n}," spokeswoman Anna Berg told reporters.</p></article></body></html>`;

let version = '';
const server = http.createServer((req, res) => {
  const m = /^\/a(\d)$/.exec(req.url ?? '');
  if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(Number(m[1]), m[1] === '1' ? version : ''));
  if (req.url === '/feed')
    return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>${[1, 2, 9].map((i) => `<entry><id>e${i}</id><title>R${i}</title><link href="${base}/${i === 9 ? 'gone' : 'a' + i}"/></entry>`).join('')}</feed>`,
    );
  res.writeHead(404).end();
});
let base = '';
let store: Store;
const settings = { ...loadSettings({ env: {}, configPath: null }), workers: 1, allowPrivate: true };

describe('ingest', () => {
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openStore(':memory:');
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await store.close();
  });

  it('ingests a feed item by item; a failing item does not stop the batch', async () => {
    const events: IngestEvent[] = [];
    for await (const ev of ingest([`${base}/feed`, 'no/such/file.txt'], store, { settings })) events.push(ev);
    // The run ends with the story revision over the stories it touched.
    assert.deepEqual(events.map((e) => (e.type === 'document' ? e.outcome.status : e.type === 'stories' ? 'stories' : e.code)), ['added', 'added', 'E_FETCH', 'E_INPUT', 'stories']);
    const docs = await store.listDocuments({});
    assert.deepEqual(docs.items.map((d) => d.url).sort(), [`${base}/a1`, `${base}/a2`]);
    assert.ok((await store.listQuotes({ q: 'registration' })).total >= 1);
  });

  it('skips known content and replaces a changed version of a URL', async () => {
    let r = await ingestAll([`${base}/a1`, `${base}/a2`], store, { settings });
    assert.deepEqual([r.added, r.unchanged, r.replaced], [0, 2, 0]);
    version = ' Figures were revised on Tuesday.';
    r = await ingestAll([`${base}/a1`], store, { settings });
    assert.deepEqual([r.added, r.unchanged, r.replaced], [0, 0, 1]);
    assert.equal((await store.counts()).documents, 2);
    assert.equal((await store.listDocuments({ q: 'revised' })).total, 1);
  });

  it('refuses private addresses unless allowPrivate', async () => {
    const r = await ingestAll([`${base}/a2`], store, { settings: { ...settings, allowPrivate: false } });
    assert.equal(r.errors[0]?.code, 'E_FETCH');
    assert.match(r.errors[0]!.message, /refused/);
  });

  it('uses the worker pool when workers > 1 and writes in input order', async () => {
    const s2 = await openStore(':memory:');
    const events: string[] = [];
    for await (const ev of ingest(['examples/seeds'], s2, { settings: { ...settings, workers: 2 } })) if (ev.type !== 'stories') events.push(ev.type === 'document' ? ev.input : 'error');
    assert.deepEqual(events, [...events].sort());
    assert.equal((await s2.counts()).documents, 5);
    await s2.close();
  });

  it('revises the stories a run touched and keeps the stories table consistent', async () => {
    const s3 = await openStore(':memory:');
    const r = await ingestAll(['examples/seeds'], s3, { settings: { ...settings, workers: 1 } });
    assert.equal(r.stories?.documents, 5);
    assert.equal(r.stories?.skipped, null);
    const stories = (await s3.listStories({ limit: 100 })).items;
    const docs = (await s3.listDocuments({ limit: 100 })).items;
    assert.equal(stories.reduce((n, st) => n + st.documents.length, 0), 5);
    for (const d of docs) assert.ok(stories.some((st) => st.id === d.story && st.documents.includes(d.id)), `${d.id} is in its story ${d.story}`);
    // A second run over the same content links nothing and revises nothing.
    const again = await ingestAll(['examples/seeds'], s3, { settings: { ...settings, workers: 1 } });
    assert.equal(again.unchanged, 5);
    assert.equal(again.stories, null);
    await s3.close();
  });

  it('analyzes again what another analyzer version stored, replacing its layers, and nothing twice', async () => {
    const s4 = await openStore(':memory:');
    const run = (analyzerVersion: string) => ingestAll(['examples/seeds'], s4, { settings, analyzerVersion });
    const first = await run('v1');
    assert.equal(first.added, 5);
    const before = await s4.counts();
    assert.equal((await run('v1')).unchanged, 5);
    const upgraded = await run('v2');
    assert.deepEqual([upgraded.added, upgraded.reanalyzed, upgraded.unchanged, upgraded.errors.length], [0, 5, 0, 0]);
    // The same analysis again: the same per-document rows, none doubled, every document still in a story. (Quote
    // groups are linked incrementally, so a run that meets the other documents in another order may group otherwise.)
    const { documents, entities, mentions, quotes, claims } = await s4.counts();
    assert.deepEqual({ documents, entities, mentions, quotes, claims }, { documents: before.documents, entities: before.entities, mentions: before.mentions, quotes: before.quotes, claims: before.claims });
    const stories = (await s4.listStories({ limit: 100 })).items;
    for (const d of (await s4.listDocuments({ limit: 100 })).items) assert.ok(stories.some((st) => st.id === d.story && st.documents.includes(d.id)));
    // The new version is recorded: a third run skips everything.
    assert.equal((await run('v2')).unchanged, 5);
    await s4.close();
  });

  it('records the running analyzer by default and never re-analyzes with a custom analyze function', async () => {
    const s5 = await openStore(':memory:');
    const { analyzeRecord } = await import('../analysis/analyze.js');
    assert.equal((await ingestAll(['examples/seeds/000_5b2ce79cc8b8b045.txt'], s5, { settings, analyze: analyzeRecord })).added, 1);
    // Stored without a version: the default run (the running analyzer's version) analyzes it again, once.
    assert.equal((await ingestAll(['examples/seeds/000_5b2ce79cc8b8b045.txt'], s5, { settings })).reanalyzed, 1);
    assert.equal((await ingestAll(['examples/seeds/000_5b2ce79cc8b8b045.txt'], s5, { settings })).unchanged, 1);
    assert.equal((await ingestAll(['examples/seeds/000_5b2ce79cc8b8b045.txt'], s5, { settings, analyze: analyzeRecord })).unchanged, 1);
    await s5.close();
  });
});
