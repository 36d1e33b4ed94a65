/**
 * Ingest for the HTTP endpoint: bytes or pasted text -> records (src/ingest) -> analysis -> store.putDocument
 * with corpus linking, stamped with the analyzer version. The same path `crosscheck ingest` takes, one input at a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { analyzeRecord } from '../analysis/analyze.js';
import { stampAnalyzer } from '../analysis/version.js';
import { linkDocument } from '../corpus/link.js';
import { InputError } from '../errors.js';
import { reviseStoredStories } from '../ingest/ingest.js';
import { readInputs, type InputItem } from '../ingest/read.js';
import { fetchRemote } from '../ingest/remote/remote.js';
import type { Settings } from '../settings.js';
import type { Store } from '../store/types.js';
import type { IngestFn, IngestInput } from './app.js';

const LOOKS_HTML = /^\s*<(?:!doctype|html|head|body|p|div|article)[\s>]/i;
const ALLOWED_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.json', '.jsonl', '.ndjson']);

/**
 * An IngestFn writing into `store`.
 * @example createApp(store, { ingest: storeIngest(store, { maxInputBytes: 20e6 }) })
 */
export function storeIngest(
  store: Store,
  opts: Pick<Settings, 'maxInputBytes'> & Partial<Pick<Settings, 'fetchTimeoutMs' | 'fetchMaxBytes' | 'fetchMaxRedirects' | 'allowPrivate'>>,
): IngestFn {
  const put = async (items: AsyncIterable<InputItem>, label: string, path: string | null): Promise<string[]> => {
    const documents: string[] = [];
    const errors: string[] = [];
    for await (const item of items) {
      if (!item.ok) {
        errors.push(item.error.message);
        continue;
      }
      const record = path === null ? item.record : { ...item.record, path };
      documents.push((await store.putDocument(stampAnalyzer(analyzeRecord(record)), linkDocument)).doc);
    }
    if (documents.length === 0 && errors.length) throw new InputError(errors[0]!, { input: label, errors });
    // As at the end of a CLI run: the stories these documents touched are clustered again.
    if (documents.length) await reviseStoredStories(store, documents);
    return documents;
  };
  return async (input: IngestInput) => {
    if (input.kind === 'url') {
      const items = fetchRemote(input.url, {
        timeoutMs: opts.fetchTimeoutMs ?? 15_000,
        maxBytes: opts.fetchMaxBytes ?? 10_000_000,
        maxRedirects: opts.fetchMaxRedirects ?? 5,
        allowPrivate: opts.allowPrivate ?? false,
      });
      return { documents: await put(items, input.url, null) };
    }
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-upload-'));
    try {
      let ext = extname(input.name).toLowerCase();
      let bytes: Uint8Array;
      if (input.kind === 'text') {
        ext = LOOKS_HTML.test(input.text) ? '.html' : '.txt';
        bytes = new TextEncoder().encode(input.text);
      } else {
        bytes = input.bytes;
      }
      if (!ALLOWED_EXT.has(ext)) throw new InputError(`unsupported file type '${ext || '(none)'}' for ${input.name}: expected .txt, .html, .htm, .json, .jsonl or .ndjson`);
      // A fixed safe file name: the uploaded name never touches the file system.
      const path = join(dir, 'upload' + ext);
      await writeFile(path, bytes);
      const items = readInputs([path], { maxInputBytes: opts.maxInputBytes });
      try {
        return { documents: await put(items, path, input.kind === 'file' ? input.name : null) };
      } catch (err) {
        if (err instanceof InputError) throw new InputError(err.message.split(path).join(input.name));
        throw err;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/**
 * Ingest files from disk into the store (used to load demo data).
 * @example await ingestPaths(store, ['examples/seeds'], { maxInputBytes: 20e6 })
 */
export async function ingestPaths(store: Store, paths: string[], opts: { maxInputBytes: number }): Promise<{ documents: string[]; errors: string[] }> {
  const documents: string[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths, opts)) {
    if (!item.ok) {
      errors.push(`${item.input}: ${item.error.message}`);
      continue;
    }
    const outcome = await store.putDocument(stampAnalyzer(analyzeRecord(item.record)), linkDocument);
    documents.push(outcome.doc);
  }
  if (documents.length) await reviseStoredStories(store, documents);
  return { documents, errors };
}
