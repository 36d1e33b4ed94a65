/** Benchmarks beyond single-core analysis: all cores, ingest into SQLite, search latency. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../src/analysis/analyze.js';
import { AnalyzerPool } from '../src/analysis/pool.js';
import type { DocBundle } from '../src/analysis/types.js';
import type { SourceRecord } from '../src/doc/types.js';
import { ingestAll } from '../src/ingest/ingest.js';
import { loadSettings } from '../src/settings.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

export interface BenchContext {
  records: SourceRecord[];
  bytes: number;
  baselineMBs: number;
  only: string | null | undefined;
  /** Documents in the search-scale store (`--docs N`). */
  scaleDocs?: number;
  report: (name: string, bytes: number, docs: number, seconds: number, baselineMBs?: number) => void;
}

async function parallelBench(ctx: BenchContext): Promise<void> {
  const pool = new AnalyzerPool(0);
  // Warm-up as for the single-core run: one untimed pass, spread over the workers.
  await Promise.all(ctx.records.map((r) => pool.analyze(r)));
  const t0 = performance.now();
  await Promise.all(ctx.records.map((r) => pool.analyze(r)));
  ctx.report(`analysis, ${pool.size} workers`, ctx.bytes, ctx.records.length, (performance.now() - t0) / 1000, ctx.baselineMBs);
  await pool.close();
}

/** Time five rounds of `queries` against the store and print p50, p95 and max. */
async function reportSearchLatency(store: Store, queries: string[], docs: number): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      await store.search({ q, limit: 20 });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `search (${docs} docs, ${times.length} queries)`.padEnd(34) +
      ` p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${times[times.length - 1]!.toFixed(1)} ms`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Ingest the corpus (analysis on every core, linking, one writer) into a fresh SQLite file, then time searches on it. */
async function storeBenches(ctx: BenchContext, runSearch: boolean, runIngest: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, ctx.records.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n') + '\n');
    const settings = loadSettings({ env: {}, configPath: null });
    const store = await openStore(join(dir, 'bench.db'));
    try {
      const t0 = performance.now();
      const rep = await ingestAll([input], store, { settings });
      const secs = (performance.now() - t0) / 1000;
      if (runIngest) ctx.report(`ingest into SQLite, ${settings.workers || 'all'} workers`, ctx.bytes, rep.added + rep.replaced + rep.unchanged, secs, ctx.baselineMBs);
      if (!runSearch) return;
      const counts = await store.counts();
      await reportSearchLatency(store, ['militants', 'minister said', 'countries', 'security', 'attack', 'statement', 'data', 'president'], counts.documents);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Words of the synthetic vocabulary added to each scaled copy, so some queries are selective. */
const RARE_WORDS = 5000;

/**
 * Search latency on a large store: `docs` copies of the analyzed corpus (ids renamed, one rare word appended to
 * each text so selective queries exist) written straight to SQLite in batches, unlinked; then searches of
 * common and rare terms. Building 100,000 documents takes a few minutes.
 */
async function searchScaleBench(ctx: BenchContext, docs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-scale-'));
  try {
    const analyzer = new Analyzer();
    const bundles = ctx.records.slice(0, 200).map((r) => JSON.stringify(analyzer.analyze(r)));
    const store = await openStore(join(dir, 'scale.db'));
    try {
      const t0 = performance.now();
      let bytes = 0;
      store.beginBatch();
      try {
        for (let i = 0; i < docs; i++) {
          const src = bundles[i % bundles.length]!;
          const oldId = (JSON.parse(src) as DocBundle).document.id;
          const b = JSON.parse(src.split(oldId).join(`s${i}`)) as DocBundle;
          b.document.text += ` w${i % RARE_WORDS}x`;
          b.document.contentHash = `scale-${i}`;
          b.document.url = null;
          bytes += b.document.text.length;
          await store.putDocument(b, null);
          if (process.stderr.isTTY && i % 1000 === 0) process.stderr.write(`\r  building: ${i}/${docs}`);
        }
      } finally {
        await store.endBatch();
      }
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      ctx.report(`store build (${docs} docs, no linking)`, bytes, docs, (performance.now() - t0) / 1000);
      await reportSearchLatency(store, ['militants', 'security', 'minister said', 'countries', 'attack', `w${docs % RARE_WORDS}x`, 'w17x', 'w4242x OR w99x'], docs);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function extraBenches(ctx: BenchContext): Promise<void> {
  if (!ctx.only || ctx.only === 'parallel') await parallelBench(ctx);
  // Opt-in only: it builds a large store.
  if (ctx.only === 'search-scale') await searchScaleBench(ctx, ctx.scaleDocs ?? 100_000);
  if (!ctx.only || ctx.only === 'ingest' || ctx.only === 'search') await storeBenches(ctx, !ctx.only || ctx.only === 'search', !ctx.only || ctx.only === 'ingest');
}
