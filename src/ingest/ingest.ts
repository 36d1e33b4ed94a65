/**
 * `ingest`: stream inputs (files, directories, stdin, URLs, feeds) through analysis and linking into the store.
 * One document at a time reaches the single writer; a bounded number are in analysis, so memory stays flat.
 * Each document commits with its layers and link result in one transaction, so an interrupted run leaves a
 * consistent database and a re-run skips what is already stored (by content hash) and completes the rest.
 * A document an older analyzer version stored (src/analysis/version.ts) is analyzed again and its layers replaced.
 */
import { availableParallelism } from 'node:os';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocBundle } from '../analysis/types.js';
import type { SourceRecord } from '../doc/types.js';
import { asCrosscheckError, CrosscheckError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { Store } from '../store/types.js';
import type { Linker, WriteOutcome } from '../store/write-types.js';
import { analyzerVersion, stampAnalyzer } from '../analysis/version.js';
import { contentHashOf, readInputs, type InputItem } from './read.js';
import { fetchRemote, isRemoteInput } from './remote/remote.js';

export type IngestSettings = Pick<Settings, 'maxInputBytes' | 'fetchTimeoutMs' | 'fetchMaxBytes' | 'fetchMaxRedirects' | 'allowPrivate' | 'workers'>;

export interface IngestOptions {
  settings: IngestSettings;
  stdin?: NodeJS.ReadableStream;
  /** Per-document analysis; default: the pipeline, in worker threads when settings.workers != 1. */
  analyze?: (record: SourceRecord) => DocBundle | Promise<DocBundle>;
  /** Cross-document linking; default linkDocument. null stores documents unlinked. */
  linker?: Linker | null;
  /** Told about degraded operation (e.g. worker threads unavailable). */
  onWarning?: (message: string) => void;
  /**
   * Version of the analysis, stored with each document: known content another version stored is analyzed again.
   * Default: analyzerVersion() with the default analysis; none (known content is never analyzed again) with `analyze`.
   */
  analyzerVersion?: string;
}

export type IngestEvent =
  | { type: 'document'; input: string; outcome: WriteOutcome; chars: number }
  | { type: 'error'; input: string; code: string; message: string }
  | ({ type: 'stories' } & StoriesRevised);

/** What the story revision at the end of a run did (see src/corpus/story-revise.ts). */
export interface StoriesRevised {
  /** Documents clustered again (the members of every story the run touched). */
  documents: number;
  /** Documents that changed story. */
  moved: number;
  /** Stories created or changed, and stories removed. */
  changed: number;
  removed: number;
  /** Why the revision was skipped, else null. */
  skipped: string | null;
}

export interface IngestReport {
  added: number;
  replaced: number;
  /** Known content an older analyzer version stored, analyzed again. */
  reanalyzed: number;
  unchanged: number;
  errors: { input: string; code: string; message: string }[];
  chars: number;
  seconds: number;
  /** The story revision at the end of the run; null when nothing was linked. */
  stories: StoriesRevised | null;
}

/**
 * Cluster again the stories holding `docIds` and store what changed, in one write.
 * @example await reviseStoredStories(store, ['doc-1', 'doc-2'])
 */
export async function reviseStoredStories(store: Store, docIds: string[]): Promise<StoriesRevised> {
  const { reviseStories } = await import('../corpus/story-revise.js');
  const { storyOut, measureOut } = await import('../corpus/link.js');
  const { refreshStoryBoundMeasures } = await import('../corpus/measures.js');
  return store.write(async (tx) => {
    const rev = await reviseStories(docIds, tx.index);
    await tx.writeStories(rev.stories.map(storyOut), rev.removed);
    // Event counts compare reports within a story: those of moved documents are explained again.
    const measures = await refreshStoryBoundMeasures(rev.movedDocuments, tx.index, new Map());
    if (measures.length) await tx.writeMeasures(measures.map(measureOut));
    return { documents: rev.documents, moved: rev.moved, changed: rev.stories.length, removed: rev.removed.length, skipped: rev.skipped };
  });
}

/** Records from every input, local or remote, in order. */
async function* allItems(inputs: string[], opts: IngestOptions): AsyncGenerator<InputItem> {
  const s = opts.settings;
  for (const input of inputs) {
    if (isRemoteInput(input)) {
      yield* fetchRemote(input, { timeoutMs: s.fetchTimeoutMs, maxBytes: s.fetchMaxBytes, maxRedirects: s.fetchMaxRedirects, allowPrivate: s.allowPrivate });
    } else {
      yield* readInputs([input], { maxInputBytes: s.maxInputBytes, stdin: opts.stdin });
    }
  }
}

function recordChars(r: SourceRecord): number {
  return (r.html ?? r.text ?? '').length;
}

type Job = { input: string; chars: number; bundle: Promise<DocBundle> } | { input: string; error: IngestEvent & { type: 'error' } } | { input: string; known: string; chars: number };

/**
 * Ingest inputs into the store, yielding one event per document or failed input; the batch never stops on a bad input.
 * @example for await (const ev of ingest(['articles/', 'https://example.com/feed.xml'], store, { settings })) console.log(ev.type)
 */
export async function* ingest(inputs: string[], store: Store, opts: IngestOptions): AsyncGenerator<IngestEvent> {
  const workers = opts.settings.workers > 0 ? opts.settings.workers : availableParallelism();
  const onWarning = opts.onWarning;
  let analyze = opts.analyze;
  const version = opts.analyzerVersion ?? (analyze ? undefined : analyzerVersion());
  let closePool: (() => Promise<void>) | null = null;
  if (!analyze) {
    if (workers > 1) {
      const { AnalyzerPool } = await import('../analysis/pool.js');
      const pool = new AnalyzerPool(workers);
      const { analyzeRecord } = await import('../analysis/analyze.js');
      // A worker that cannot start (e.g. no TypeScript loader in the thread) fails with a plain Error, not a
      // CrosscheckError: analysis then continues on this thread rather than losing the batch.
      let broken = false;
      analyze = async (r) => {
        if (broken) return analyzeRecord(r);
        try {
          return await pool.analyze(r);
        } catch (err) {
          if (err instanceof CrosscheckError && err.code !== 'E_INTERNAL') throw err;
          if (!broken) {
            broken = true;
            onWarning?.(`worker threads unavailable (${(err as Error).message}); analyzing on the main thread`);
          }
          return analyzeRecord(r);
        }
      };
      closePool = () => pool.close();
    } else {
      const { analyzeRecord } = await import('../analysis/analyze.js');
      analyze = analyzeRecord;
    }
  }
  let linker = opts.linker;
  // With the default linking, the stories a run touched are clustered again at its end (src/corpus/story-revise.ts).
  const revise = linker === undefined;
  if (linker === undefined) linker = (await import('../corpus/link.js')).linkDocument;
  const linked: string[] = [];
  const inFlight = opts.analyze ? 1 : Math.max(1, workers * 2);
  const queue: Job[] = [];

  const settle = async (job: Job): Promise<IngestEvent> => {
    if ('error' in job) return job.error;
    if ('known' in job) return { type: 'document', input: job.input, outcome: { status: 'unchanged', doc: job.known, replaced: null }, chars: job.chars };
    try {
      const bundle = await job.bundle;
      if (version !== undefined) stampAnalyzer(bundle, version);
      const outcome = await store.putDocument(bundle, linker);
      if (outcome.status !== 'unchanged') linked.push(outcome.doc);
      return { type: 'document', input: job.input, outcome, chars: job.chars };
    } catch (err) {
      const e = asCrosscheckError(err);
      return { type: 'error', input: job.input, code: e.code, message: e.message };
    }
  };

  // Commit in batches (see StoreWrites.beginBatch): a crash loses at most the open batch, which a re-run redoes.
  store.beginBatch();
  try {
    for await (const item of allItems(inputs, opts)) {
      let job: Job;
      if (!item.ok) job = { input: item.input, error: { type: 'error', input: item.input, code: item.error.code, message: item.error.message } };
      else {
        const record = item.record;
        const chars = recordChars(record);
        // Known content skips analysis entirely: this is what makes a re-run after an interruption cheap.
        const known = await store.findByContentHash(contentHashOf(record), version);
        if (known) job = { input: item.input, known, chars };
        else {
          const p = Promise.resolve().then(() => analyze!(record));
          p.catch(() => undefined);
          job = { input: item.input, chars, bundle: p };
        }
      }
      queue.push(job);
      // Write in input order (linking is order-dependent), keeping at most `inFlight` analyses running.
      while (queue.length >= inFlight) yield await settle(queue.shift()!);
    }
    while (queue.length) yield await settle(queue.shift()!);
    if (revise && linked.length) {
      try {
        yield { type: 'stories', ...(await reviseStoredStories(store, linked)) };
      } catch (err) {
        // The documents are stored; only the revision (one write) is rolled back.
        const e = asCrosscheckError(err);
        yield { type: 'error', input: '(story revision)', code: e.code, message: e.message };
      }
    }
  } finally {
    try {
      await store.endBatch();
    } finally {
      if (closePool) await closePool();
    }
  }
}

/** Total size of local file inputs, for the ETA (URLs and stdin are unknown and count as 0). */
export async function localInputBytes(inputs: string[]): Promise<number> {
  let total = 0;
  const walk = async (p: string): Promise<void> => {
    const st = await stat(p).catch(() => null);
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of await readdir(p)) if (!name.startsWith('.')) await walk(join(p, name));
    } else if (st.isFile()) total += st.size;
  };
  for (const i of inputs) if (i !== '-' && !isRemoteInput(i)) await walk(i);
  return total;
}

/**
 * Run `ingest` to the end and summarize it.
 * @example const report = await ingestAll(['articles/'], store, { settings }); report.added
 */
export async function ingestAll(inputs: string[], store: Store, opts: IngestOptions, onEvent?: (ev: IngestEvent) => void): Promise<IngestReport> {
  const started = Date.now();
  const report: IngestReport = { added: 0, replaced: 0, reanalyzed: 0, unchanged: 0, errors: [], chars: 0, seconds: 0, stories: null };
  for await (const ev of ingest(inputs, store, opts)) {
    onEvent?.(ev);
    if (ev.type === 'error') report.errors.push({ input: ev.input, code: ev.code, message: ev.message });
    else if (ev.type === 'stories') {
      const { type: _, ...revised } = ev;
      report.stories = revised;
    } else {
      report[ev.outcome.status]++;
      report.chars += ev.chars;
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
