/**
 * `npm run bench`: throughput of analysis (MB/s, articles/s), per component, against a baseline measured in
 * the same run (a plain regex word count over the same bytes), so numbers compare across machines.
 * A benchmark, never a test: it asserts nothing. Options: --articles N (default 2000), --only analysis|components|parallel|ingest|search|search-scale,
 * --docs N (documents in the search-scale store, default 100000; search-scale runs only when asked for),
 * --corpus synthetic|ecbplus (ECB+ news from the datasets folder: real overlap between documents, for ingest and linking).
 */
import { availableParallelism } from 'node:os';
import { Doc } from '../src/doc/doc.js';
import { Analyzer } from '../src/analysis/analyze.js';
import { createRegistry, DEFAULT_PIPELINE } from '../src/pipeline/factories.js';
import { benchCorpus, ecbCorpus, totalBytes } from './corpus.js';
import { loadSettings } from '../src/settings.js';
import { extraBenches } from './extra.js';

const args = process.argv.slice(2);
const articles = Number(args[args.indexOf('--articles') + 1] ?? 0) || 2000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const scaleDocs = args.includes('--docs') ? Number(args[args.indexOf('--docs') + 1]) || undefined : undefined;

function report(name: string, bytes: number, docs: number, seconds: number, baselineMBs?: number): void {
  const mbs = bytes / 1e6 / seconds;
  const rel = baselineMBs ? `  (${((mbs / baselineMBs) * 100).toFixed(1)}% of baseline)` : '';
  console.log(`${name.padEnd(34)} ${mbs.toFixed(2).padStart(8)} MB/s ${(docs / seconds).toFixed(0).padStart(8)} articles/s${rel}`);
}

const corpusName = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : 'synthetic';
let records = benchCorpus(articles);
if (corpusName === 'ecbplus') {
  const dir = loadSettings().datasets;
  const ecb = ecbCorpus(dir, articles);
  if (!ecb) {
    console.error(`--corpus ecbplus: ECB+ not found under ${dir} (setting datasets); using the synthetic corpus`);
  } else records = ecb;
}
const bytes = totalBytes(records);
console.log(`corpus: ${records.length} ${records[0]?.id?.startsWith('bench-') ? 'synthetic' : 'ECB+'} articles, ${(bytes / 1e6).toFixed(2)} MB; ${availableParallelism()} cores\n`);

// Baseline: the cheapest possible pass over the same text.
let t0 = performance.now();
let words = 0;
for (const r of records) words += (r.text!.match(/\S+/g) ?? []).length;
const baseSec = (performance.now() - t0) / 1000;
const baselineMBs = bytes / 1e6 / baseSec;
report('baseline: regex word count', bytes, records.length, baseSec);

if (!only || only === 'analysis' || only === 'components') {
  const analyzer = new Analyzer();
  // Start-up: lexicons and models load lazily on the first documents; reported apart.
  t0 = performance.now();
  for (const r of records.slice(0, 5)) analyzer.analyze(r);
  console.log(`${'start-up (models, lexicons, 5 docs)'.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(8)} s`);
  // Warm-up: one untimed pass, so the timed pass measures the steady state a bulk run spends its time in.
  for (const r of records) analyzer.analyze(r);
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const r of records) analyzer.analyze(r);
  const cpu = process.cpuUsage(cpu0);
  report('analysis, 1 core (full pipeline)', bytes, records.length, (performance.now() - t0) / 1000, baselineMBs);
  // CPU time of this process over the same run: steadier than wall time when other work shares the machine.
  report('analysis, 1 core, by CPU time', bytes, records.length, (cpu.user + cpu.system) / 1e6);

  if (!only || only === 'components') {
    const registry = createRegistry();
    const comps = DEFAULT_PIPELINE.map((n) => registry.get(n).create());
    const time = new Float64Array(comps.length);
    for (const r of records) {
      const doc = new Doc(r.id!, r);
      comps.forEach((c, i) => {
        const s = performance.now();
        c.run(doc);
        time[i]! += performance.now() - s;
      });
    }
    for (let i = 0; i < comps.length; i++) report(`  component ${comps[i]!.name}`, bytes, records.length, time[i]! / 1000, baselineMBs);
  }
}

await extraBenches({ records, bytes, baselineMBs, only, report, scaleDocs });
