/**
 * Ingest for the HTTP endpoint: bytes or pasted text -> records (src/ingest) -> analysis -> store.putDocument
 * with corpus linking. The same path `crosscheck ingest` takes, one input at a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { analyzeRecord } from '../analysis/analyze.js';
import { linkDocument } from '../corpus/link.js';
import { CrosscheckError, InputError } from '../errors.js';
import { readInputs } from '../ingest/read.js';
import type { Store } from '../store/types.js';
import type { IngestFn, IngestInput } from './app.js';

const LOOKS_HTML = /^\s*<(?:!doctype|html|head|body|p|div|article)[\s>]/i;
const ALLOWED_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.json', '.jsonl', '.ndjson']);

/**
 * An IngestFn writing into `store`.
 * @example createApp(store, { ingest: storeIngest(store, { maxInputBytes: 20e6 }) })
 */
export function storeIngest(store: Store, opts: { maxInputBytes: number }): IngestFn {
  return async (input: IngestInput) => {
    if (input.kind === 'url') {
      throw new CrosscheckError('E_FETCH', `fetching URLs and feeds is not available in this build; save the page and upload it instead (${input.url})`, { url: input.url });
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
      const documents: string[] = [];
      for await (const item of readInputs([path], { maxInputBytes: opts.maxInputBytes })) {
        if (!item.ok) throw new InputError(item.error.message.split(path).join(input.name), item.error.details);
        const record = { ...item.record, path: input.kind === 'file' ? input.name : null };
        const bundle = analyzeRecord(record);
        const outcome = await store.putDocument(bundle, linkDocument);
        documents.push(outcome.doc);
      }
      return { documents };
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
    const outcome = await store.putDocument(analyzeRecord(item.record), linkDocument);
    documents.push(outcome.doc);
  }
  return { documents, errors };
}
