/**
 * A pool of worker threads running the per-document pipeline, for bulk analysis on every core. Each thread registers the tsx loader itself (a data: URL
 * bootstrap calling tsx's `register()`), because `execArgv: ['--import', 'tsx']` does not reach a worker's
 * entry module on Node 20. Speaks the protocol of src/analysis/worker.ts: `{ id, record }` -> `{ id, bundle | error }`.
 * A thread that dies rejects its pending work and every later call, so callers can fall back to the main thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { DocBundle } from './types.js';
import type { SourceRecord } from '../doc/types.js';
import { CrosscheckError } from '../errors.js';

type Pending = { resolve: (b: DocBundle) => void; reject: (e: Error) => void; worker: number };

function bootstrapUrl(target: URL): URL {
  const lines: string[] = [];
  if (target.pathname.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    lines.push(`import { register } from ${JSON.stringify(api)};`, 'register();');
  }
  lines.push(`await import(${JSON.stringify(target.href)});`);
  return new URL('data:text/javascript,' + encodeURIComponent(lines.join('\n')));
}

/**
 * @example const pool = new AnalyzerPool(0); // 0: one thread per core
 * const bundle = await pool.analyze({ text }); await pool.close();
 */
export class AnalyzerPool {
  private readonly workers: (Worker | null)[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size = 0) {
    if (size <= 0) size = availableParallelism();
    const target = new URL('./worker' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url);
    const boot = bootstrapUrl(target);
    for (let i = 0; i < size; i++) {
      const w = new Worker(boot);
      w.on('message', (msg: { id: number; bundle?: DocBundle; prepared?: DocBundle['prepared']; error?: { code: any; message: string; details: Record<string, unknown> } }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        this.load[i]!--;
        if (msg.error) p.reject(new CrosscheckError(msg.error.code, msg.error.message, msg.error.details));
        else {
          // Not part of the output: kept off JSON and copies (see DocBundle.prepared).
          if (msg.prepared) Object.defineProperty(msg.bundle!, 'prepared', { value: msg.prepared, enumerable: false, writable: true, configurable: true });
          p.resolve(msg.bundle!);
        }
      });
      const die = (err: Error) => {
        this.failure ??= err;
        this.workers[i] = null;
        for (const [id, p] of this.pending) {
          if (p.worker !== i) continue;
          this.pending.delete(id);
          p.reject(err);
        }
      };
      w.on('error', die);
      w.on('exit', (code) => die(new Error(`analysis worker exited with code ${code}`)));
      this.workers.push(w);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Analyze one record on the least-loaded live worker; rejects when none is alive. */
  analyze(record: SourceRecord): Promise<DocBundle> {
    let best = -1;
    for (let i = 0; i < this.workers.length; i++) if (this.workers[i] && (best < 0 || this.load[i]! < this.load[best]!)) best = i;
    if (best < 0) return Promise.reject(this.failure ?? new Error('no analysis worker is running'));
    const id = this.nextId++;
    this.load[best]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: best });
      this.workers[best]!.postMessage({ id, record });
    });
  }

  async close(): Promise<void> {
    const ws = this.workers.filter((w): w is Worker => w !== null);
    this.workers.fill(null);
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
