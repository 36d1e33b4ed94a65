/**
 * Speed check for the quotes component (not a test): runs sentences + entities once per doc up
 * front, then times only the quotes component (CPU time, best of 7) over the seed articles repeated
 * to ~3 MB plus PolNeAR train texts when the dataset is present. `--corpus ecbplus` times real news
 * instead of the repeated seeds (ECB+, 772 articles: a growing vocabulary, so per-word caches miss as
 * they do in use); the first pass (cold caches) is reported apart. Run:
 *   node --import tsx src/components/quotes/bench.ts [--mb 3] [--polnear 200] [--corpus ecbplus --polnear 0]
 * Profile: node --cpu-prof --cpu-prof-dir=/tmp/qprof --import tsx src/components/quotes/bench.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findEntities } from '../entities/index.js';
import { findQuotes } from './index.js';
import { loadSettings } from '../../settings.js';
import { ecbplusDocuments } from '../../eval/tasks/clustering.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const targetBytes = arg('--mb', 3) * 1e6;
const polnearN = arg('--polnear', 300);
const dir = new URL('../../../examples/seeds/', import.meta.url);
const texts: string[] = [];
let bytes = 0;
const ecbRoot = join(loadSettings().datasets, 'ecbplus', 'ECB+');
if (args.includes('--corpus') && args[args.indexOf('--corpus') + 1] === 'ecbplus') {
  if (!existsSync(ecbRoot)) throw new Error(`--corpus ecbplus: expected ECB+ at ${ecbRoot}, found nothing`);
  for (const d of ecbplusDocuments(ecbRoot)) { texts.push(d.text); bytes += d.text.length; }
} else {
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  while (bytes < targetBytes) for (const t of seeds) { texts.push(t); bytes += t.length; }
}
const pdir = join(loadSettings().datasets, 'polnear', 'data', 'train', 'text');
if (existsSync(pdir)) for (const f of readdirSync(pdir).sort().slice(0, polnearN)) { const t = readFileSync(join(pdir, f), 'utf8'); texts.push(t); bytes += t.length; }
const sent = sentences.create();
const docs = texts.map((text, i) => {
  const d = new Doc(`q${i}`, { text });
  d.text = text;
  sent.run(d);
  findEntities(d);
  return d;
});
const mb = bytes / 1e6;
// First pass over every doc: cold per-word caches and JIT warm-up, reported apart from the best pass.
const c0 = process.cpuUsage();
for (const d of docs) d.quotes = findQuotes(d);
const c1 = process.cpuUsage(c0);
const first = (c1.user + c1.system) / 1000;
let best = Infinity;
for (let rep = 0; rep < 7; rep++) {
  const t0 = process.cpuUsage();
  for (const d of docs) d.quotes = findQuotes(d);
  const t = process.cpuUsage(t0);
  best = Math.min(best, (t.user + t.system) / 1000);
}
console.log(`${docs.length} docs, ${mb.toFixed(2)} MB; quotes ${best.toFixed(0)} ms CPU, ${(mb / (best / 1000)).toFixed(1)} MB/s (first pass ${first.toFixed(0)} ms, ${(mb / (first / 1000)).toFixed(1)} MB/s)`);
