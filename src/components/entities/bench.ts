/**
 * Speed check for the entities component (not a test): runs sentences + entities over the seed
 * articles repeated to ~5 MB and prints MB/s per stage. Run:
 *   node --import tsx src/components/entities/bench.ts [--mb 5] [--stages] [--corpus ecb]
 * `--corpus ecb` uses the ECB+ news texts from the datasets folder instead (real text: many more distinct words
 * than the rotated seeds, so per-word caches help less; the tagger's share of the time is larger there).
 * Profile: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/components/entities/bench.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecbplusDocuments } from '../../eval/tasks/clustering.js';
import { loadSettings } from '../../settings.js';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findEntities } from './index.js';
import { loadGazetteer } from './gazetteer.js';
import { linkSpans } from './link.js';
import { recognizeSpans } from './recognize.js';
import { extractRoles } from './roles.js';
import { shippedWeights, tagTokens, tokenInfo, weightScorer } from './tagger.js';

const args = process.argv.slice(2);
const mbArg = args.indexOf('--mb');
const targetBytes = (mbArg >= 0 ? Number(args[mbArg + 1]) : 5) * 1e6;
const dir = new URL('../../../examples/seeds/', import.meta.url);
let seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
if (args.includes('--corpus') && args[args.indexOf('--corpus') + 1] === 'ecb') {
  const root = join(loadSettings().datasets, 'ecbplus', 'ECB+');
  if (!existsSync(root)) throw new Error(`--corpus ecb: expected ECB+ at ${root}, found nothing`);
  seeds = ecbplusDocuments(root).map((d) => d.text);
}

const docs: Doc[] = [];
let bytes = 0;
for (let r = 0; bytes < targetBytes; r++) {
  for (const text of seeds) {
    const d = new Doc(`b${r}-${docs.length}`, { text });
    d.text = text;
    sentences.create().run(d);
    docs.push(d);
    bytes += text.length;
  }
}
const gaz = loadGazetteer();
const weights = shippedWeights();
// Warm up (JIT, lazy lexicons).
for (const d of docs.slice(0, 50)) findEntities(d);

const mb = bytes / 1e6;
const rate = (ms: number): string => `${ms.toFixed(0)} ms, ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
// CPU time of this process (the machine is shared, so wall time over-counts), best of 3 runs.
const timed = (label: string, fn: (d: Doc) => void): void => {
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = process.cpuUsage();
    for (const d of docs) fn(d);
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  console.log(`${label.padEnd(22)} ${rate(best)} (CPU time)`);
};
console.log(`${docs.length} docs, ${mb.toFixed(2)} MB`);
if (args.includes('--stages')) {
  timed('token info', (d) => tokenInfo(d.text, d.tokens, gaz));
  timed('token info + tagging', (d) => tagTokens(tokenInfo(d.text, d.tokens, gaz), weightScorer(weights!)));
  timed('recognize (all)', (d) => recognizeSpans(d.text, d.tokens, d.sentences.length, gaz, weights));
  timed('recognize + link', (d) => {
    d.entities = [];
    d.mentions = linkSpans(d, recognizeSpans(d.text, d.tokens, d.sentences.length, gaz, weights).spans, gaz);
  });
  timed('roles', (d) => extractRoles(d));
}
timed('entities component', (d) => {
  d.entities = [];
  findEntities(d);
});
