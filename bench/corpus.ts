/**
 * A synthetic benchmark corpus made from the sample articles: each copy gets its paragraphs
 * rotated and its numbers shifted, so caches and near-duplicate detection see distinct documents.
 */
import { readFileSync } from 'node:fs';
import type { SourceRecord } from '../src/doc/types.js';
import { seedPaths } from '../test/helpers.js';

export function benchCorpus(count: number): SourceRecord[] {
  const seeds = seedPaths().map((p) => readFileSync(p, 'utf8'));
  const out: SourceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const base = seeds[i % seeds.length]!;
    const paras = base.split('\n');
    const k = Math.floor(i / seeds.length) % Math.max(1, paras.length);
    const rotated = [...paras.slice(0, 3), ...paras.slice(3 + k), ...paras.slice(3, 3 + k)].join('\n');
    const text = rotated.replace(/\d+/g, (d) => String(Number(d) + (i % 7)));
    out.push({ id: `bench-${i}`, text });
  }
  return out;
}

export function totalBytes(records: SourceRecord[]): number {
  let n = 0;
  for (const r of records) n += Buffer.byteLength(r.text ?? r.html ?? '', 'utf8');
  return n;
}
