import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createApp, CSP, type IngestInput } from './app.js';
import { openApiDocument } from './openapi.js';
import { parseQuery, P, PAGE, MAX_LIMIT } from './params.js';
import { ROUTES } from './routes.js';
import { FIXTURE } from './testing/fixture.js';
import { memoryStore } from './testing/memory-store.js';

const store = memoryStore(FIXTURE, { countries: { e2: 'FRA' } });
const app = createApp(store, { settings: { token: null, port: 8017 } });

/** A valid request for each route (path params filled from the fixture). */
const SAMPLE_IDS: Record<string, string> = { documents: 'd1', entities: 'e1', stories: 's1', measures: 'm1' };
function samplePath(path: string): string {
  const kind = path.split('/')[2]!;
  return path.replace('{id}', SAMPLE_IDS[kind] ?? 'x') + (path === '/api/search' ? '?q=border' : '');
}

function assertErrorShape(body: any, code: string, label: string): void {
  assert.deepEqual(Object.keys(body), ['error'], label);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'details', 'message'], label);
  assert.equal(body.error.code, code, `${label}: ${JSON.stringify(body)}`);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 10, label);
  assert.equal(typeof body.error.details, 'object');
}

describe('API routes', () => {
  const doc = openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'api', components: doc.components }, 'api');

  for (const route of ROUTES) {
    it(`${route.path} answers 200 with a body matching its OpenAPI schema`, async () => {
      const res = await app.request(samplePath(route.path));
      assert.equal(res.status, 200, await res.clone().text());
      const body = await res.json();
      const validate = ajv.getSchema(`api#/components/schemas/${route.response}`)!;
      assert.ok(validate(body), JSON.stringify(validate.errors));
    });
  }

  it('filters and paginates', async () => {
    const cases: [string, number, number][] = [
      ['/api/documents?limit=1', 1, 2],
      ['/api/documents?outlet=Evening%20Post', 1, 1],
      ['/api/documents?from=2024-03-05', 1, 1],
      ['/api/documents?offset=1&limit=5', 1, 2],
      ['/api/quotes?speaker=e1', 2, 2],
      ['/api/claims?doc=d2', 1, 1],
      ['/api/entities?type=location', 1, 1],
      ['/api/measures?conflict=false', 0, 0],
      ['/api/search?q=fighters&kinds=quote', 2, 2],
    ];
    for (const [path, items, total] of cases) {
      const body = (await (await app.request(path)).json()) as any;
      assert.equal(body.items.length, items, path);
      assert.equal(body.total, total, path);
    }
  });

  it('search returns facets and [[ ]] snippets', async () => {
    const body = (await (await app.request('/api/search?q=border')).json()) as any;
    assert.ok(body.items.every((h: any) => h.snippet.includes('[[border]]')));
    assert.deepEqual(body.facets.speaker.map((f: any) => f.label), ['Jane Roe']);
  });

  it('places carry the ISO numeric code for the map', async () => {
    const body = (await (await app.request('/api/places')).json()) as any;
    assert.deepEqual(body, [{ entity: 'e2', name: 'Norland', country: 'FRA', count: 1, ccn3: '250' }]);
  });

  it('settings never reveal the token', async () => {
    const secretApp = createApp(store, { token: 's3cret', settings: { token: 's3cret' } });
    const res = await secretApp.request('/api/settings', { headers: { authorization: 'Bearer s3cret' } });
    const text = await res.text();
    assert.ok(!text.includes('s3cret'));
    const token = JSON.parse(text).find((s: any) => s.name === 'token');
    assert.deepEqual([token.secret, token.value], [true, '(set)']);
  });
});

describe('one error shape for every route', () => {
  for (const route of ROUTES) {
    it(`${route.path}: unknown parameter -> 400 E_USAGE`, async () => {
      const res = await app.request(samplePath(route.path) + (route.path === '/api/search' ? '&' : '?') + 'bogus=1');
      assert.equal(res.status, 400);
      assertErrorShape(await res.json(), 'E_USAGE', route.path);
    });
    if ('limit' in route.query) {
      it(`${route.path}: limit over the cap -> 400 E_USAGE`, async () => {
        const res = await app.request(samplePath(route.path) + (route.path === '/api/search' ? '&' : '?') + `limit=${MAX_LIMIT + 1}`);
        assert.equal(res.status, 400);
        assertErrorShape(await res.json(), 'E_USAGE', route.path);
      });
    }
    if (route.path.includes('{id}')) {
      it(`${route.path}: unknown id -> 404 E_NOT_FOUND; malformed id -> 400`, async () => {
        const res = await app.request(route.path.replace('{id}', 'nope'));
        assert.equal(res.status, 404);
        assertErrorShape(await res.json(), 'E_NOT_FOUND', route.path);
        const bad = await app.request(route.path.replace('{id}', encodeURIComponent('a b<')));
        assert.equal(bad.status, 400);
        assertErrorShape(await bad.json(), 'E_USAGE', route.path);
      });
    }
  }
  const other: [string, RequestInit | undefined, number, string][] = [
    ['/api/nope', undefined, 404, 'E_NOT_FOUND'],
    ['/api/documents', { method: 'DELETE' }, 404, 'E_NOT_FOUND'],
    ['/api/openapi.json?x=1', undefined, 400, 'E_USAGE'],
    ['/api/search', undefined, 400, 'E_USAGE'],
    ['/api/ingest', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, 403, 'E_FORBIDDEN'],
  ];
  for (const [path, init, status, code] of other) {
    it(`${init?.method ?? 'GET'} ${path} -> ${status} ${code}`, async () => {
      const res = await app.request(path, init);
      assert.equal(res.status, status);
      assertErrorShape(await res.json(), code, path);
    });
  }
  it('an unexpected store failure -> 500 E_INTERNAL without leaking the message', async () => {
    const logs: string[] = [];
    const broken = createApp({ ...store, counts: async () => { throw new Error('disk at /secret/path exploded'); } }, { log: (m) => logs.push(m) });
    const res = await broken.request('/api/counts');
    assert.equal(res.status, 500);
    const body = (await res.json()) as any;
    assertErrorShape(body, 'E_INTERNAL', 'internal');
    assert.ok(!body.error.message.includes('/secret/path'));
    assert.equal(logs.length, 1);
  });
  it('a slow store -> 504 E_TIMEOUT', async () => {
    const slow = createApp({ ...store, counts: () => new Promise((r) => setTimeout(r, 200)) } as any, { settings: { queryTimeoutMs: 20 } });
    const res = await slow.request('/api/counts');
    assert.equal(res.status, 504);
    assertErrorShape(await res.json(), 'E_TIMEOUT', 'timeout');
  });
});

describe('parameter validation', () => {
  const specs = { q: P.q, from: P.from, conflict: { type: 'boolean', help: '' }, kinds: { type: 'enum-list', help: '', values: ['a', 'b'] }, ...PAGE } as const;
  const rows: [string, Record<string, unknown> | null][] = [
    ['', { limit: 50, offset: 0 }],
    ['limit=10&offset=20', { limit: 10, offset: 20 }],
    ['limit=0', null],
    ['limit=abc', null],
    ['limit=1e3', null],
    ['offset=-1', null],
    ['from=2024-02-30', null],
    ['from=2024-2-3', null],
    ['from=2024-02-29', { from: '2024-02-29', limit: 50, offset: 0 }],
    ['conflict=yes', null],
    ['conflict=true', { conflict: true, limit: 50, offset: 0 }],
    ['kinds=a,b,a', { kinds: ['a', 'b'], limit: 50, offset: 0 }],
    ['kinds=a,c', null],
    ['q=' + 'x'.repeat(501), null],
    ['q=a%00b', null],
    ['limit=5&limit=6', null],
    ['q=', { limit: 50, offset: 0 }],
  ];
  for (const [qs, expected] of rows) {
    it(`'${qs.slice(0, 40)}' -> ${expected ? JSON.stringify(expected) : 'E_USAGE'}`, () => {
      if (expected) assert.deepEqual(parseQuery(new URLSearchParams(qs), specs), expected);
      else assert.throws(() => parseQuery(new URLSearchParams(qs), specs), (e: any) => e.code === 'E_USAGE' && /expected|unknown|more than once/.test(e.message));
    });
  }
});

describe('OpenAPI document', () => {
  it('lists exactly the registered /api routes', () => {
    const doc = openApiDocument();
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops as object)) documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    const registered = new Set(app.routes.filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    documented.add('GET /api/openapi.json');
    assert.deepEqual([...registered].sort(), [...documented].sort());
  });
  it('is served at /api/openapi.json as OpenAPI 3.1', async () => {
    const body = (await (await app.request('/api/openapi.json')).json()) as any;
    assert.equal(body.openapi, '3.1.0');
    assert.ok(body.paths['/api/measures/{id}'].get.parameters.some((p: any) => p.name === 'id' && p.in === 'path'));
  });
});

describe('safety', () => {
  it('every response carries CSP without unsafe-inline, nosniff and frame-ancestors', async () => {
    for (const path of ['/api/counts', '/api/nope', '/api/documents?limit=x']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy')!;
      assert.equal(csp, CSP);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });
  it('with a token, the API needs Authorization: Bearer', async () => {
    const secured = createApp(store, { token: 'tok-123' });
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ authorization: 'Bearer wrong' }, 403],
      [{ authorization: 'Basic dG9rLTEyMw==' }, 401],
      [{ authorization: 'Bearer tok-123' }, 200],
    ];
    for (const [headers, status] of cases) {
      const res = await secured.request('/api/counts', { headers });
      assert.equal(res.status, status, JSON.stringify(headers));
      if (status !== 200) assertErrorShape(await res.json(), 'E_FORBIDDEN', 'auth');
    }
  });
  it('without a token, non-loopback Host names are refused (DNS rebinding)', async () => {
    const res = await app.request('http://attacker.example/api/counts');
    assert.equal(res.status, 403);
    assertErrorShape(await res.json(), 'E_FORBIDDEN', 'host');
    assert.equal((await app.request('http://127.0.0.1:8017/api/counts')).status, 200);
  });
});

describe('static UI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'cc-secret.txt'), 'secret');
  const uiApp = createApp(store, { uiDir: dir });
  const rows: [string, number, string | null][] = [
    ['/', 200, 'text/html; charset=utf-8'],
    ['/documents/d1', 200, 'text/html; charset=utf-8'],
    ['/assets/app-1.js', 200, 'text/javascript; charset=utf-8'],
    ['/assets/missing.js', 404, null],
    ['/..%2fcc-secret.txt', 404, null],
    ['/%2e%2e/cc-secret.txt', 404, null],
  ];
  for (const [path, status, type] of rows) {
    it(`${path} -> ${status}`, async () => {
      const res = await uiApp.request(path);
      assert.equal(res.status, status);
      if (type) assert.equal(res.headers.get('content-type'), type);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      assert.ok(!(await res.text()).includes('secret'));
    });
  }
});

describe('POST /api/ingest', () => {
  const seen: IngestInput[] = [];
  const ingestApp = createApp(store, {
    ingest: async (input) => {
      seen.push(input);
      if (input.kind === 'text' && input.text.includes('bad')) throw Object.assign(new (await import('../errors.js')).InputError('unreadable'));
      return { documents: ['dnew'] };
    },
  });
  const H = { 'x-crosscheck-client': '1' };
  it('accepts a URL, pasted text and uploaded files', async () => {
    let res = await ingestApp.request('/api/ingest', { method: 'POST', headers: { ...H, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://example.org/a' }) });
    assert.deepEqual(await res.json(), { results: [{ input: 'https://example.org/a', ok: true, documents: ['dnew'], error: null }] });
    res = await ingestApp.request('/api/ingest', { method: 'POST', headers: { ...H, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'bad text', name: 'p.txt' }) });
    assert.deepEqual(((await res.json()) as any).results[0].error.code, 'E_INPUT');
    const form = new FormData();
    form.append('file', new File(['hello'], 'a.txt'));
    form.append('file', new File(['<p>x</p>'], 'b.html'));
    res = await ingestApp.request('/api/ingest', { method: 'POST', headers: H, body: form });
    assert.equal(((await res.json()) as any).results.length, 2);
    assert.deepEqual(seen.map((s) => s.kind), ['url', 'text', 'file', 'file']);
  });
  const bad: [RequestInit, number, string][] = [
    [{ method: 'POST', body: '{"url":"https://x.org"}', headers: { 'content-type': 'application/json' } }, 403, 'E_FORBIDDEN'],
    [{ method: 'POST', body: '{"url":"javascript:alert(1)"}', headers: { ...H, 'content-type': 'application/json' } }, 400, 'E_USAGE'],
    [{ method: 'POST', body: '{"nope":1}', headers: { ...H, 'content-type': 'application/json' } }, 400, 'E_USAGE'],
    [{ method: 'POST', body: '{bad json', headers: { ...H, 'content-type': 'application/json' } }, 400, 'E_USAGE'],
    [{ method: 'POST', body: 'x', headers: { ...H, 'content-type': 'text/plain' } }, 400, 'E_USAGE'],
  ];
  for (const [init, status, code] of bad) {
    it(`${String(init.body).slice(0, 30)} -> ${status} ${code}`, async () => {
      const res = await ingestApp.request('/api/ingest', init);
      assert.equal(res.status, status);
      assertErrorShape(await res.json(), code, String(init.body));
    });
  }
});
