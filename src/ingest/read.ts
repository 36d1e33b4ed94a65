/**
 * Read inputs (files, directories, stdin) into SourceRecords. Bad input never aborts a batch:
 * each problem becomes an `{ ok: false }` item naming the file (and line).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SourceRecord } from '../doc/types.js';
import { CrosscheckError, InputError } from '../errors.js';
import { decodeBytes, looksBinary } from './decode.js';

export type InputItem = { ok: true; input: string; record: SourceRecord } | { ok: false; input: string; error: CrosscheckError };

type Kind = 'text' | 'html' | 'json' | 'jsonl';

const KIND_BY_EXT: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Field synonyms seen in scraper exports (news-please, newspaper3k, Common Crawl dumps, CMS APIs). First present wins. */
const FIELD_SYNONYMS = {
  id: ['id', '_id', 'doc_id', 'docId', 'guid', 'uuid'],
  url: ['url', 'link', 'href', 'source_url', 'sourceUrl', 'canonical_url', 'canonicalUrl', 'permalink'],
  title: ['title', 'headline', 'name'],
  published: ['published', 'publishedAt', 'published_at', 'date_publish', 'datePublished', 'date', 'pubDate', 'pub_date', 'publication_date', 'time', 'timestamp', 'created_at'],
  outlet: ['outlet', 'source', 'publisher', 'site_name', 'siteName', 'source_domain', 'domain', 'site', 'feed'],
  language: ['language', 'lang', 'locale'],
  html: ['html', 'raw_html', 'rawHtml', 'content_html', 'contentHtml', 'body_html'],
  text: ['text', 'content', 'body', 'maintext', 'article', 'article_text', 'full_text', 'fullText', 'description'],
} as const;

/** A string that starts like markup: `<p>`, `<!doctype html>`, `<div class=...>`. */
const LOOKS_HTML = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|section|span|h[1-6]|meta|title)[\s>])/i;

/**
 * Stable id for a record: its own id, else `d_` + 12 hex of the content hash.
 * @example docIdFor({ text: 'hello' }) // 'd_2cf24dba5fb0'
 */
export function docIdFor(record: SourceRecord): string {
  if (record.id != null && String(record.id).length > 0) return String(record.id);
  return 'd_' + contentHashOf(record).slice(0, 12);
}

/**
 * sha256 hex of the record's html (else text).
 * @example contentHashOf({ text: 'hello' }).length // 64
 */
export function contentHashOf(record: SourceRecord): string {
  return createHash('sha256').update(record.html ?? record.text ?? '').digest('hex');
}

/**
 * Read files, directories (recursively, sorted, dotfiles skipped) and `-` (stdin) into records.
 * @example for await (const item of readInputs(['articles/'], { maxInputBytes: 20e6 })) if (item.ok) analyze(item.record)
 */
export async function* readInputs(inputs: string[], opts: { maxInputBytes: number; stdin?: NodeJS.ReadableStream }): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readStdin(opts.stdin ?? process.stdin, opts.maxInputBytes);
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch (err) {
      yield fail(input, `cannot read ${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`, { path: input }, err);
      continue;
    }
    if (st.isDirectory()) {
      for (const file of await listFiles(input)) yield* readFileItems(file, opts.maxInputBytes);
    } else {
      yield* readFileItems(input, opts.maxInputBytes);
    }
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function fail(input: string, message: string, details: Record<string, unknown>, cause?: unknown): InputItem {
  return { ok: false, input, error: new InputError(message, details, cause === undefined ? undefined : { cause }) };
}

async function* readFileItems(path: string, maxInputBytes: number): AsyncGenerator<InputItem> {
  const kind = KIND_BY_EXT[extname(path).toLowerCase()];
  if (!kind) {
    yield fail(path, `unsupported file type '${extname(path) || '(none)'}' for ${path}: expected .txt, .html, .htm, .json, .jsonl or .ndjson`, { path });
    return;
  }
  let buf: Buffer;
  try {
    const st = await stat(path);
    if (st.size > maxInputBytes) {
      yield fail(path, `${path} is too large: ${st.size} bytes, the limit (maxInputBytes) is ${maxInputBytes}`, { path, size: st.size, maxInputBytes });
      return;
    }
    buf = await readFile(path);
  } catch (err) {
    yield fail(path, `cannot read ${path}: ${(err as Error).message}`, { path }, err);
    return;
  }
  yield* itemsFromBytes(path, path, buf, kind);
}

function* itemsFromBytes(input: string, path: string | null, buf: Uint8Array, kind: Kind): Generator<InputItem> {
  if (buf.length === 0) {
    yield fail(input, `${input} is empty: expected ${kind} content, found 0 bytes`, { path });
    return;
  }
  if (looksBinary(buf)) {
    yield fail(input, `${input} looks binary (NUL bytes or control characters): expected ${kind} text`, { path });
    return;
  }
  const { text } = decodeBytes(buf, { html: kind === 'html' });
  if (text.trim().length === 0) {
    yield fail(input, `${input} is empty: expected ${kind} content, found only whitespace`, { path });
    return;
  }
  if (kind === 'text') yield { ok: true, input, record: { path, text } };
  else if (kind === 'html') yield { ok: true, input, record: { path, html: text } };
  else if (kind === 'json') yield* jsonItems(input, path, text);
  else yield* jsonlItems(input, path, text);
}

function* jsonItems(input: string, path: string | null, text: string): Generator<InputItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield fail(input, `invalid JSON in ${input}: ${(err as Error).message}`, { path }, err);
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  for (let i = 0; i < list.length; i++) {
    const where = Array.isArray(value) ? `${input}[${i}]` : input;
    yield recordItem(where, path, list[i], Array.isArray(value) ? { index: i } : {});
  }
}

function* jsonlItems(input: string, path: string | null, text: string): Generator<InputItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${input}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield fail(where, `invalid JSON in ${input} line ${i + 1}: ${(err as Error).message}`, { path, line: i + 1 }, err);
      continue;
    }
    yield recordItem(where, path, value, { line: i + 1 });
  }
}

function pick(obj: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = obj[k];
    if (v == null) continue;
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    // news APIs give `source: { name, id }` or `publisher: { name }`.
    if (typeof v === 'object' && !Array.isArray(v)) {
      const name = (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).title;
      if (typeof name === 'string' && name.trim()) return name;
    }
  }
  return null;
}

function recordItem(input: string, path: string | null, value: unknown, where: Record<string, unknown>): InputItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return fail(input, `${input}: expected a JSON object with a text or html field, found ${found}`, { path, ...where });
  }
  const obj = value as Record<string, unknown>;
  let html = pick(obj, FIELD_SYNONYMS.html);
  let text = pick(obj, FIELD_SYNONYMS.text);
  if (!html && text && LOOKS_HTML.test(text)) {
    html = text;
    text = null;
  }
  if (!html && !text) {
    return fail(input, `${input}: record has no text: expected one of ${[...FIELD_SYNONYMS.text, ...FIELD_SYNONYMS.html].join(', ')}`, { path, ...where });
  }
  let published = pick(obj, FIELD_SYNONYMS.published);
  // Unix timestamps (seconds or milliseconds) become ISO strings.
  if (published && /^\d{9,13}$/.test(published)) {
    const n = Number(published);
    published = new Date(n < 1e11 ? n * 1000 : n).toISOString();
  }
  const record: SourceRecord = {
    id: pick(obj, FIELD_SYNONYMS.id),
    path,
    url: pick(obj, FIELD_SYNONYMS.url),
    title: pick(obj, FIELD_SYNONYMS.title),
    published,
    outlet: pick(obj, FIELD_SYNONYMS.outlet),
    language: pick(obj, FIELD_SYNONYMS.language),
  };
  if (html) record.html = html;
  else record.text = text;
  return { ok: true, input, record };
}

async function* readStdin(stream: NodeJS.ReadableStream, maxInputBytes: number): AsyncGenerator<InputItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > maxInputBytes) {
        yield fail('-', `stdin is too large: more than ${maxInputBytes} bytes (maxInputBytes)`, { path: '-', maxInputBytes });
        return;
      }
      chunks.push(b);
    }
  } catch (err) {
    yield fail('-', `cannot read stdin: ${(err as Error).message}`, { path: '-' }, err);
    return;
  }
  const buf = Buffer.concat(chunks);
  yield* itemsFromBytes('-', null, buf, sniffKind(buf));
}

/** What stdin holds: JSON(L) when it parses as such, HTML when it starts like markup, else text. */
function sniffKind(buf: Uint8Array): Kind {
  const head = decodeBytes(buf.subarray(0, 4096)).text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = decodeBytes(buf).text.trimStart().split('\n', 1)[0]!;
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  if (LOOKS_HTML.test(head) || /^\s*<\w/.test(head) && /<\/(?:p|div|body|html)>/i.test(head)) return 'html';
  return 'text';
}
