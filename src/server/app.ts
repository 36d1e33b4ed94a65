/**
 * The HTTP app: JSON API over a StoreReader, one error shape, security headers, optional bearer token,
 * and the built web UI. Tests call `createApp(store).request('/api/...')` without opening a port.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { asCrosscheckError, CrosscheckError, ERROR_CODES, InputError, NotFoundError, UsageError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { StoreReader } from '../store/types.js';
import { WRITE_HEADER, type ApiError, type IngestItemResult, type IngestResponse } from './api-types.js';
import { INGEST_ROUTE, openApiDocument } from './openapi.js';
import { parseParam, parseQuery } from './params.js';
import { honoPath, ROUTES } from './routes.js';
import { staticFile } from './static.js';

/** One input handed to the ingest function. */
export type IngestInput =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'text'; name: string; text: string }
  | { kind: 'url'; url: string };

/** Adds one input to the store; returns the ids of the documents it produced (or found already present). */
export type IngestFn = (input: IngestInput) => Promise<{ documents: string[] }>;

export interface AppOptions {
  /** When set, every /api request needs `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Folder of the built UI (ui/dist); without it only the API is served. */
  uiDir?: string;
  /** Current settings, for /api/settings and limits (secrets are never shown). */
  settings?: Partial<Settings>;
  /** Enables POST /api/ingest. */
  ingest?: IngestFn;
  /** Called with unexpected errors (default: stderr). */
  log?: (message: string) => void;
}

/**
 * Content-Security-Policy: scripts only from this origin (no inline script, no eval), no plugins,
 * no framing; styles from files only. Article text is rendered as text nodes, and this is the backstop.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function errorBody(e: CrosscheckError): ApiError {
  return { error: { code: e.code, message: e.message, details: e.details } };
}

function sendError(c: Context, e: CrosscheckError, status?: number): Response {
  return c.json(errorBody(e), (status ?? ERROR_CODES[e.code].http) as 400);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function withTimeout<T>(p: Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms || ms <= 0) return p;
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CrosscheckError('E_TIMEOUT', `the query took longer than ${ms} ms; narrow the filters`, { timeoutMs: ms })), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Build the app.
 * @example const res = await createApp(store).request('/api/counts')
 */
export function createApp(store: StoreReader, opts: AppOptions = {}): Hono {
  const app = new Hono();
  const token = opts.token ?? null;
  const settings = opts.settings ?? {};
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));

  app.onError((err, c) => {
    const e = asCrosscheckError(err);
    if (e.code === 'E_INTERNAL') {
      log(`internal error on ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
      return sendError(c, new CrosscheckError('E_INTERNAL', 'an unexpected internal error; see the server log'));
    }
    return sendError(c, e);
  });

  // Security headers on every response, errors included.
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  // Without a token the server is loopback-only: refuse other Host names (DNS rebinding).
  app.use('*', async (c, next) => {
    if (!token) {
      const host = new URL(c.req.url).hostname;
      if (!LOOPBACK_HOSTS.has(host)) {
        return sendError(c, new CrosscheckError('E_FORBIDDEN', `host '${host}' is not allowed without a token; use 127.0.0.1 or start with --token`, { host }));
      }
    }
    await next();
  });

  app.use('/api/*', async (c, next) => {
    if (token) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer (.+)$/i.exec(auth);
      if (!m) {
        c.header('WWW-Authenticate', 'Bearer');
        return sendError(c, new CrosscheckError('E_FORBIDDEN', 'this API needs a token: send Authorization: Bearer <token>', { auth: 'missing' }), 401);
      }
      if (!sameSecret(m[1]!.trim(), token)) {
        return sendError(c, new CrosscheckError('E_FORBIDDEN', 'the bearer token is not valid for this server', { auth: 'invalid' }));
      }
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

  for (const route of ROUTES) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      const query = parseQuery(new URL(c.req.url).searchParams, route.query);
      const params: Record<string, string> = {};
      for (const [name, spec] of Object.entries(route.pathParams)) params[name] = parseParam(name, spec, c.req.param(name) ?? '') as string;
      const body = await withTimeout(route.handler({ store, query, params, settings }), settings.queryTimeoutMs);
      return c.json(body as object);
    });
  }

  app.get('/api/openapi.json', (c) => {
    parseQuery(new URL(c.req.url).searchParams, {});
    return c.json(openApiDocument({ token: !!token }));
  });

  app.post(
    INGEST_ROUTE.path,
    async (c, next) => {
      if (!c.req.header(WRITE_HEADER)) {
        throw new CrosscheckError('E_FORBIDDEN', `state-changing requests need the ${WRITE_HEADER} header`, { header: WRITE_HEADER });
      }
      if (!opts.ingest) throw new CrosscheckError('E_FORBIDDEN', 'ingest is not enabled on this server (it was started without a writable store)');
      await next();
    },
    bodyLimit({
      maxSize: Number(settings.maxInputBytes ?? 20_000_000),
      onError: () => {
        throw new InputError(`request body is larger than maxInputBytes (${settings.maxInputBytes ?? 20_000_000} bytes)`);
      },
    }),
    async (c) => {
      const ingest = opts.ingest!;
      const type = c.req.header('content-type') ?? '';
      const inputs: { label: string; input: IngestInput }[] = [];
      if (type.startsWith('application/json')) {
        let body: unknown;
        try {
          body = await c.req.json();
        } catch (err) {
          throw new UsageError(`expected a JSON object {url} or {text, name}, found invalid JSON: ${(err as Error).message}`);
        }
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UsageError('expected a JSON object {url} or {text, name}');
        const b = body as Record<string, unknown>;
        const unknown = Object.keys(b).filter((k) => !['url', 'text', 'name'].includes(k));
        if (unknown.length) throw new UsageError(`unknown field '${unknown[0]}'; known: url, text, name`, { field: unknown[0] });
        if (typeof b.url === 'string' && b.url.trim()) {
          let u: URL;
          try {
            u = new URL(b.url.trim());
          } catch {
            throw new UsageError(`field 'url': expected an http(s) URL, found ${JSON.stringify(b.url)}`);
          }
          if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`field 'url': expected an http(s) URL, found ${JSON.stringify(b.url)}`);
          inputs.push({ label: u.href, input: { kind: 'url', url: u.href } });
        } else if (typeof b.text === 'string' && b.text.trim()) {
          const name = typeof b.name === 'string' && b.name.trim() ? b.name.trim().slice(0, 200) : 'pasted.txt';
          inputs.push({ label: name, input: { kind: 'text', name, text: b.text } });
        } else {
          throw new UsageError("expected a non-empty 'url' or 'text' field");
        }
      } else if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody({ all: true });
        const files = ([] as unknown[]).concat(form.file ?? []);
        for (const f of files) {
          if (typeof f === 'string' || !(f instanceof Blob)) throw new UsageError("form field 'file' must hold files");
          const name = ((f as File).name || 'upload').slice(0, 200);
          inputs.push({ label: name, input: { kind: 'file', name, bytes: new Uint8Array(await f.arrayBuffer()) } });
        }
        if (!inputs.length) throw new UsageError("expected at least one file in form field 'file'");
      } else {
        throw new UsageError(`expected content-type application/json or multipart/form-data, found '${type || 'none'}'`);
      }
      const results: IngestItemResult[] = [];
      for (const { label, input } of inputs) {
        try {
          const r = await ingest(input);
          results.push({ input: label, ok: true, documents: r.documents, error: null });
        } catch (err) {
          const e = asCrosscheckError(err);
          if (e.code === 'E_INTERNAL') log(`ingest of ${label} failed: ${(err as Error)?.stack ?? String(err)}`);
          results.push({ input: label, ok: false, documents: [], error: { code: e.code, message: e.message } });
        }
      }
      return c.json({ results } satisfies IngestResponse);
    },
  );

  app.all('/api/*', (c) => {
    const known = [...ROUTES.map((r) => r.path), '/api/openapi.json', INGEST_ROUTE.path];
    throw new NotFoundError(`no API route ${c.req.method} ${c.req.path}; see /api/openapi.json`, { method: c.req.method, path: c.req.path, known });
  });

  app.get('*', async (c) => {
    if (!opts.uiDir) return c.text('Crosscheck API: see /api/openapi.json (the web UI is not built; run npm run build:ui)', 404);
    const file = await staticFile(opts.uiDir, c.req.path);
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  });

  return app;
}
