/**
 * Fetch one URL with a timeout, a body size limit and a redirect cap. Every hop's resolved address is
 * checked (the check runs in the socket's DNS lookup, so a DNS answer cannot change between check and connect).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { CrosscheckError } from '../../errors.js';
import { isPrivateAddress } from './address.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  userAgent?: string;
}

export interface Fetched {
  /** URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

const DEFAULT_UA = 'crosscheck/0.1 (+https://github.com/crosscheck; news analysis)';

function fetchError(url: string, message: string, details: Record<string, unknown> = {}, cause?: unknown): CrosscheckError {
  return new CrosscheckError('E_FETCH', `${url}: ${message}`, { url, ...details }, cause === undefined ? undefined : { cause });
}

/** A DNS lookup that refuses private answers (used as the socket's lookup, so the checked address is the one connected to). @example guardedLookup(url)('localhost', {}, cb) */
export function guardedLookup(url: string): LookupFunction {
  return ((hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(fetchError(url, `refused: ${hostname} resolves to the non-public address ${bad.address} (set allowPrivate to permit)`, { address: bad.address }) as NodeJS.ErrnoException, '', 0);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  }) as LookupFunction;
}

function checkUrl(raw: string, opts: FetchOptions): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw fetchError(raw, 'expected an absolute http(s) URL, found an unparseable one');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw fetchError(raw, `expected an http or https URL, found scheme '${u.protocol}'`);
  if (u.username || u.password) throw fetchError(raw, 'URLs with credentials are not fetched');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate) {
    if (isIP(host) && isPrivateAddress(host)) throw fetchError(raw, `refused: ${host} is a non-public address (set allowPrivate to permit)`, { address: host });
    if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host)) throw fetchError(raw, `refused: ${host} is a local host name (set allowPrivate to permit)`);
  }
  return u;
}

function once(u: URL, opts: FetchOptions, signal: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      u,
      {
        method: 'GET',
        signal,
        // No connection pooling: every request goes through the guarded lookup, and nothing idles after a batch.
        agent: false,
        headers: { 'user-agent': opts.userAgent ?? DEFAULT_UA, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'identity' },
        lookup: opts.allowPrivate ? undefined : guardedLookup(u.href),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          res.destroy();
          return reject(fetchError(u.href, `response is ${declared} bytes, over the limit of ${opts.maxBytes} (setting fetchMaxBytes)`, { bytes: declared }));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) {
            res.destroy();
            reject(fetchError(u.href, `response exceeded the limit of ${opts.maxBytes} bytes (setting fetchMaxBytes)`, { bytes: size }));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET a URL, following at most `maxRedirects` redirects, each checked again.
 * @example const page = await fetchUrl('https://example.com/a', { timeoutMs: 15000, maxBytes: 1e7, maxRedirects: 5, allowPrivate: false })
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  let current = checkUrl(url, opts);
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), opts.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res;
      try {
        res = await once(current, opts, ac.signal);
      } catch (err) {
        if (err instanceof CrosscheckError) throw err;
        if (ac.signal.aborted) throw fetchError(url, `timed out after ${opts.timeoutMs} ms (setting fetchTimeoutMs)`, {}, err);
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof CrosscheckError) throw cause;
        throw fetchError(url, `request failed: ${(err as Error).message}`, { code: (err as NodeJS.ErrnoException).code }, err);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        if (hop >= opts.maxRedirects) throw fetchError(url, `more than ${opts.maxRedirects} redirects (setting fetchMaxRedirects)`);
        current = checkUrl(new URL(res.headers.location, current).href, opts);
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw fetchError(url, `expected HTTP 200, found ${res.status}`, { status: res.status });
      return { url: current.href, status: res.status, contentType: res.headers['content-type'] ?? null, body: res.body };
    }
  } finally {
    clearTimeout(timer);
  }
}
