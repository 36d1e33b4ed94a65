/**
 * Start the HTTP server: refuse unsafe binds, make sure the UI is built, listen, and say where.
 * `crosscheck serve` and the browser tests both use it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { CrosscheckError, UsageError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { Store } from '../store/types.js';
import { createApp } from './app.js';
import { storeIngest } from './ingest-adapter.js';

/** Repository root (where package.json and ui/ live). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const UI_DIST = join(ROOT, 'ui', 'dist');

/** Whether an address only accepts connections from this machine. @example isLoopback('127.0.0.1') // true */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * Refuse to listen off loopback without a token (anyone on the network could read the data and ingest).
 * @example checkBind('0.0.0.0', null) // throws E_USAGE
 */
export function checkBind(host: string, token: string | null | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new UsageError(
      `refusing to listen on ${host} without --token: a non-loopback address exposes the API to the network. ` +
        `Pass --token SECRET (clients then send Authorization: Bearer SECRET), or use --host 127.0.0.1`,
      { host },
    );
  }
  if (token && token.length < 8) throw new UsageError('--token must be at least 8 characters', { length: token.length });
}

/**
 * The built UI folder, building it first when missing; throws with the command to run if that fails.
 * @example ensureUiBuilt((m) => process.stderr.write(m)) // '/…/ui/dist'
 */
export function ensureUiBuilt(log: (m: string) => void = () => {}): string {
  if (existsSync(join(UI_DIST, 'index.html'))) return UI_DIST;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    throw new CrosscheckError('E_CONFIG', `the web UI is not built (${UI_DIST} is missing) and vite is not installed; run 'npm install' then 'npm run build:ui'`);
  }
  log('building the web UI (ui/dist is missing)…\n');
  const r = spawnSync(process.execPath, [vite, 'build', join(ROOT, 'ui'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(UI_DIST, 'index.html'))) {
    throw new CrosscheckError('E_CONFIG', `the web UI is not built and building it failed; run 'npm run build:ui' to see why.\n${(r.stderr || r.stdout || '').slice(-2000)}`);
  }
  return UI_DIST;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listen with the app over `store`.
 * @example const s = await startServer(store, { host: '127.0.0.1', port: 0 }); console.log(s.url)
 */
export async function startServer(
  store: Store,
  opts: { host: string; port: number; token?: string | null; uiDir?: string; settings?: Partial<Settings>; log?: (m: string) => void },
): Promise<RunningServer> {
  checkBind(opts.host, opts.token);
  const settings = opts.settings ?? {};
  const app = createApp(store, {
    token: opts.token ?? null,
    uiDir: opts.uiDir,
    settings,
    ingest: storeIngest(store, {
      maxInputBytes: Number(settings.maxInputBytes ?? 20_000_000),
      fetchTimeoutMs: settings.fetchTimeoutMs,
      fetchMaxBytes: settings.fetchMaxBytes,
      fetchMaxRedirects: settings.fetchMaxRedirects,
      allowPrivate: settings.allowPrivate,
    }),
    log: opts.log,
  });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolvePromise({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () => new Promise<void>((r) => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => r());
        }),
      });
    });
    server.on('error', (err: NodeJS.ErrnoException) =>
      reject(new CrosscheckError('E_CONFIG', `cannot listen on ${opts.host}:${opts.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use; pick another with --port' : err.message}`)),
    );
  });
}
