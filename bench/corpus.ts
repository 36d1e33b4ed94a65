/**
 * A synthetic benchmark corpus made from the sample articles: each copy gets its paragraphs
 * rotated and its numbers shifted, so caches and near-duplicate detection see distinct documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecbText } from '../src/eval/tasks/clustering.js';
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

/**
 * Real news text for benches where linking cost depends on how documents overlap (ingest): the ECB+ documents
 * from the datasets folder, in id order, up to `count`; null when the dataset is absent.
 */
export function ecbCorpus(datasetsDir: string, count: number): SourceRecord[] | null {
  const root = join(datasetsDir, 'ecbplus', 'ECB+');
  if (!existsSync(root)) return null;
  const out: SourceRecord[] = [];
  for (const t of readdirSync(root).filter((x) => /^\d+$/.test(x)).sort((a, b) => Number(a) - Number(b))) {
    for (const f of readdirSync(join(root, t)).filter((x) => x.endsWith('.xml')).sort()) {
      out.push({ id: f.replace(/\.xml$/, ''), text: ecbText(readFileSync(join(root, t, f), 'utf8'), f.includes('ecbplus')) });
    }
  }
  out.sort((a, b) => (a.id! < b.id! ? -1 : 1));
  return out.slice(0, count);
}
