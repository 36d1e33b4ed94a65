/**
 * A pool of worker threads running the per-document pipeline, for bulk analysis on every core.
 * Results come back in any order; each call resolves with its own bundle.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { CrosscheckError } from '../errors.js';
import type { SourceRecord } from '../doc/types.js';
import type { DocBundle } from './types.js';

type Pending = { resolve: (b: DocBundle) => void; reject: (e: Error) => void };

export class AnalyzerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load: number[] = [];
  private nextId = 0;

  /** @example const pool = new AnalyzerPool(0); const bundle = await pool.analyze({ text }); await pool.close(); */
  constructor(size = 0) {
    const n = size > 0 ? size : availableParallelism();
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL('./worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
      w.on('message', (msg: { id: number; bundle?: DocBundle; error?: { code: any; message: string; details: Record<string, unknown> } }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        this.load[i]!--;
        if (msg.error) p.reject(new CrosscheckError(msg.error.code, msg.error.message, msg.error.details));
        else p.resolve(msg.bundle!);
      });
      w.on('error', (err) => {
        for (const [, p] of this.pending) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Analyze one record on the least-loaded worker. */
  analyze(record: SourceRecord): Promise<DocBundle> {
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    const id = this.nextId++;
    this.load[best]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[best]!.postMessage({ id, record });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
