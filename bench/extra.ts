/** Benchmarks beyond single-core analysis: all cores, ingest into SQLite, search latency. */
import { AnalyzerPool } from '../src/analysis/pool.js';
import type { SourceRecord } from '../src/doc/types.js';

export interface BenchContext {
  records: SourceRecord[];
  bytes: number;
  baselineMBs: number;
  only: string | null | undefined;
  report: (name: string, bytes: number, docs: number, seconds: number, baselineMBs?: number) => void;
}

export async function extraBenches(ctx: BenchContext): Promise<void> {
  if (!ctx.only || ctx.only === 'parallel') {
    const pool = new AnalyzerPool(0);
    // Warm-up: each worker loads its lexicons once.
    await Promise.all(ctx.records.slice(0, pool.size * 4).map((r) => pool.analyze(r)));
    const t0 = performance.now();
    await Promise.all(ctx.records.map((r) => pool.analyze(r)));
    ctx.report(`analysis, ${pool.size} workers`, ctx.bytes, ctx.records.length, (performance.now() - t0) / 1000, ctx.baselineMBs);
    await pool.close();
  }
}
