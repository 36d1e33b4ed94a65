/**
 * Browser tests of the explorer in real Chromium (Debian's /usr/bin/chromium; never downloaded).
 * Loads the seed articles into a temp SQLite store through the real ingest path, serves on 127.0.0.1:0,
 * visits every page, saves screenshots under test-output/screenshots/, and checks that hostile article
 * HTML cannot run script.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found; install it with: flock /tmp/apt.lock apt-get install -y chromium`;
const SHOTS = join(process.cwd(), 'test-output', 'screenshots');

/** An article whose markup tries every usual way to run script. */
export const HOSTILE_HTML = `<!doctype html><html><head>
<title>Council approves budget <script>window.__xss = 'title'</script></title>
<meta property="og:url" content="javascript:window.__xss='og'">
<link rel="canonical" href="javascript:window.__xss='canonical'">
</head><body><article>
<h1>Council approves budget <img src=x onerror="window.__xss='h1'"></h1>
<p>SPRINGFIELD, March 3 — The city council approved a budget of 40 million dollars on Monday, council chair Dana Smith said.</p>
<p>"We will build <b onmouseover="window.__xss='b'">12</b> new schools," Smith told reporters. <a href="javascript:window.__xss='link'">Read more</a></p>
<script>window.__xss = 'inline'</script>
<p>Critics said the plan was &lt;script&gt;window.__xss='escaped'&lt;/script&gt; too small <img src="x" onerror="alert(1)">.</p>
<iframe src="javascript:alert(2)"></iframe>
</article></body></html>`;

describe('explorer in Chromium', { skip: SKIP, timeout: 180_000 }, () => {
  let dir = '';
  let server: { url: string; close(): Promise<void> };
  let store: { close(): Promise<void> } & import('../../src/store/types.js').StoreReader;
  let context: import('playwright-core').BrowserContext;
  let page: import('playwright-core').Page;
  const pageErrors: string[] = [];
  let dialogs = 0;
  let hostileDoc = '';
  const api = async <T>(path: string): Promise<T> => (await (await fetch(server.url + path.replace(/^\//, ''))).json()) as T;

  before(async () => {
    const { openStore } = await import('../../src/store/open.js');
    const { ingestPaths } = await import('../../src/server/ingest-adapter.js');
    const { ensureUiBuilt, startServer } = await import('../../src/server/start.js');
    dir = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
    const s = await openStore(join(dir, 'e2e.db'));
    store = s;
    const loaded = await ingestPaths(s, [join(process.cwd(), 'examples', 'seeds')], { maxInputBytes: 20_000_000 });
    assert.equal(loaded.errors.length, 0, loaded.errors.join('\n'));
    assert.ok(loaded.documents.length >= 5);
    server = await startServer(s, { host: '127.0.0.1', port: 0, uiDir: ensureUiBuilt(), settings: { maxInputBytes: 20_000_000 } });
    // The hostile article goes in through the HTTP ingest endpoint, like a user's upload.
    const form = new FormData();
    form.append('file', new File([HOSTILE_HTML], 'hostile.html', { type: 'text/html' }));
    const res = await fetch(server.url + 'api/ingest', { method: 'POST', headers: { 'x-crosscheck-client': 'e2e' }, body: form });
    const body = (await res.json()) as { results: { ok: boolean; documents: string[]; error: unknown }[] };
    assert.equal(body.results[0]?.ok, true, JSON.stringify(body));
    hostileDoc = body.results[0]!.documents[0]!;

    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('overview shows counts, stories, speakers and outlets', async () => {
    const res = await page.goto(server.url);
    assert.match(res!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.waitForSelector('[data-testid=counts] .count');
    const counts = await api<{ documents: number }>('/api/counts');
    const first = await page.textContent('[data-testid=counts] .count .n');
    assert.equal(first, counts.documents.toLocaleString('en-US'));
    await page.waitForSelector('#outlets li');
    await shot('overview');
  });

  it('search shows hits and facets', async () => {
    await page.goto(server.url + 'search?q=said');
    await page.waitForSelector('.hit');
    assert.ok((await page.locator('.hit').count()) >= 1);
    assert.equal(await page.locator('.facet').count(), 4);
    await shot('search');
  });

  it('document highlights open their records; a quote shows its speaker and source words', async () => {
    const docs = await api<{ items: { id: string; quoteCount: number }[] }>('/api/documents?limit=50');
    const doc = [...docs.items].sort((a, b) => b.quoteCount - a.quoteCount)[0]!;
    await page.goto(server.url + 'documents/' + encodeURIComponent(doc.id));
    await page.waitForSelector('[data-testid=doc-text]');
    if (doc.quoteCount > 0) {
      // Click a quote highlight that sits on one line (a wrapped inline box's centre may lie outside it).
      await page.evaluate(() => {
        const seg = [...document.querySelectorAll('[data-testid=doc-text] .seg.quote')].find((el) => el.getClientRects().length === 1 && !el.classList.contains('mention'));
        seg?.setAttribute('data-pick', '1');
      });
      await page.locator('[data-testid=doc-text] .seg.quote[data-pick]').first().click();
      const panel = page.locator('[data-testid=record-panel]');
      await panel.locator('[data-record]').waitFor();
      const text = (await panel.textContent()) ?? '';
      if (await panel.locator('[data-record=quote]').count()) {
        assert.match(text, /Speaker/);
        assert.match(text, /Source words/);
      }
    }
    await shot('document');
  });

  it('entity page lists roles, statements and outlets', async () => {
    const people = await api<{ items: { id: string; quoteCount: number }[] }>('/api/entities?type=person&limit=50');
    const top = [...people.items].sort((a, b) => b.quoteCount - a.quoteCount)[0];
    assert.ok(top, 'expected at least one person');
    await page.goto(server.url + 'entities/' + encodeURIComponent(top.id));
    await page.waitForSelector('#statements');
    await page.waitForSelector('#roles');
    await shot('entity');
  });

  it('story page lists its articles and draws provenance', async () => {
    const stories = await api<{ items: { id: string; documents: string[] }[] }>('/api/stories?limit=50');
    const story = [...stories.items].sort((a, b) => b.documents.length - a.documents.length)[0];
    assert.ok(story, 'expected at least one story');
    const detail = await api<{ documents: unknown[]; quoteGroups: { provenance?: unknown[]; members?: unknown[] }[] }>('/api/stories/' + encodeURIComponent(story.id));
    await page.goto(server.url + 'stories/' + encodeURIComponent(story.id));
    await page.waitForSelector('#story-docs tbody tr');
    assert.equal(await page.locator('#story-docs tbody tr').count(), detail.documents.length);
    // Statements repeated across articles are shown first (up to 12); the rest behind a button.
    const repeated = detail.quoteGroups.filter((g) => ((g as { members?: unknown[] }).members?.length ?? 0) > 1);
    assert.equal(await page.locator('.quote-group').count(), Math.min(12, repeated.length));
    if (repeated.length > 0) assert.ok((await page.locator('svg.provenance').count()) >= 1);
    await shot('story');
    if (await page.locator('button.show-all').count()) {
      await page.click('button.show-all');
      assert.equal(await page.locator('.quote-group').count(), detail.quoteGroups.length);
    }
  });

  it('measure chart has one mark per claim, each linking to its evidence', async () => {
    const measures = await api<{ items: { id: string; claims: string[]; conflict: boolean }[] }>('/api/measures?limit=200');
    const m = [...measures.items].sort((a, b) => Number(b.conflict) - Number(a.conflict) || b.claims.length - a.claims.length)[0];
    if (!m) return; // no measures found in the demo data: nothing to draw
    const detail = await api<{ claims: { id: string; doc: string }[] }>('/api/measures/' + encodeURIComponent(m.id));
    await page.goto(server.url + 'measures/' + encodeURIComponent(m.id));
    await page.waitForSelector('svg.measure-chart');
    assert.equal(await page.locator('svg.measure-chart .measure-mark').count(), detail.claims.length);
    assert.equal(await page.locator('#evidence tbody tr').count(), detail.claims.length);
    await shot('measure');
    const c = detail.claims[0]!;
    await page.locator(`.measure-mark[data-claim="${c.id}"] > :is(circle, rect)`).click();
    await page.waitForURL((u) => u.pathname === '/documents/' + encodeURIComponent(c.doc));
    await page.waitForSelector('.seg.selected');
  });

  it('map draws offline country shapes and marks mentioned places', async () => {
    await page.goto(server.url + 'map');
    await page.waitForSelector('svg.world path.country');
    assert.ok((await page.locator('svg.world path.country').count()) > 150);
    const places = await api<{ ccn3: string | null }[]>('/api/places');
    if (places.some((p) => p.ccn3)) assert.ok((await page.locator('svg.world path.country.mentioned').count()) >= 1);
    await shot('map');
  });

  it('ingest page uploads a file with progress and links the result', async () => {
    await page.goto(server.url + 'ingest');
    await page.setInputFiles('input[type=file]', {
      name: 'note.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Mayor Alex Doe said on Tuesday that "about 300 new homes" would be built this year.\n'),
    });
    await page.click('text=Upload 1 file');
    await page.waitForSelector('text=1 of 1 done');
    await page.waitForSelector('#ingest-results li.ok a');
    await shot('ingest');
  });

  it('hostile article markup never executes and CSP is sent', async () => {
    const res = await page.goto(server.url + 'documents/' + encodeURIComponent(hostileDoc));
    assert.match(res!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.doesNotMatch(res!.headers()['content-security-policy'] ?? '', /unsafe-inline/);
    await page.waitForSelector('[data-testid=doc-text]');
    for (const seg of await page.locator('[data-testid=doc-text] .seg').all()) await seg.click({ force: true });
    await page.mouse.move(300, 300);
    await page.waitForTimeout(300);
    await shot('hostile-document');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.equal(dialogs, 0);
    // No element from the article became live markup.
    assert.equal(await page.locator('main img, main iframe, main b[onmouseover], main a[href^="javascript:"]').count(), 0);
    // The app's own bundle is the only script.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    assert.ok(scripts.every((s) => s.startsWith(server.url + 'assets/')), scripts.join(','));
    await page.goto(server.url + 'search?q=council');
    await page.waitForSelector('.hit');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.equal(dialogs, 0);
  });

  it('no page raised a script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
