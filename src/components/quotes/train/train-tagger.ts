/**
 * Train the attribution tagger (../tagger.ts) on PolNeAR train: greedy averaged perceptron over
 * BIO SOURCE / CUE / CONTENT tags, one annotator file per article. The first 150 articles (sorted)
 * are held out (they are `attributionTrainTask`, used for tuning). Writes int16 weights, gzipped,
 * to ../data/attr-weights.bin.gz; never copies the dataset.
 *
 * Run: nice -n 10 node --import tsx src/components/quotes/train/train-tagger.ts [datasetsDir] [epochs]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Doc } from '../../../doc/doc.js';
import { sentences } from '../../sentences/index.js';
import { polnearFiles } from '../../../eval/tasks/attribution.js';
import { NT, ND, NF, ROWS, allowed, dynFeats, tagInput, type TagInput } from '../tagger.js';

const here = dirname(fileURLToPath(import.meta.url));
const datasets = process.argv[2] ?? join(here, '../../../../../shared/datasets');
const epochs = Number(process.argv[3] ?? 6);
const HOLDOUT = 150;
const dir = join(datasets, 'polnear', 'data', 'train');

/** Gold tags per token: Source > Cue > Content where spans overlap. */
function goldTags(ann: string, starts: Uint32Array, ends: Uint32Array, n: number): Uint8Array {
  const tags = new Uint8Array(n);
  const prio = new Uint8Array(n);
  const rank: Record<string, [number, number]> = { Source: [1, 3], Cue: [3, 2], Content: [5, 1] };
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Content|Source|Cue) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const [b, p] = rank[m[1]!]!;
    for (const piece of m[2]!.split(';')) {
      const [s, e] = piece.trim().split(' ').map(Number) as [number, number];
      let first = true;
      for (let i = 0; i < n; i++) {
        if (ends[i]! <= s || starts[i]! >= e) continue;
        if (prio[i]! < p) { tags[i] = first ? b : b + 1; prio[i] = p; }
        first = false;
      }
    }
  }
  // Repair I- without a matching predecessor.
  for (let i = 0; i < n; i++) if (tags[i]! && !(tags[i]! & 1) && !allowed(i ? tags[i - 1]! : 0, tags[i]!)) tags[i] = tags[i]! - 1;
  return tags;
}

const files = (await polnearFiles(dir)).slice(HOLDOUT);
const sent = sentences.create();
const data: { inp: TagInput; gold: Uint8Array }[] = [];
for (const f of files) {
  let text: string;
  try { text = readFileSync(f.text, 'utf8'); } catch { continue; }
  const doc = new Doc('t', { text });
  doc.text = text;
  sent.run(doc);
  const inp = tagInput(text, doc.tokens);
  data.push({ inp, gold: goldTags(readFileSync(f.ann, 'utf8'), doc.tokens.start, doc.tokens.end, doc.tokens.length) });
}
console.error(`${data.length} docs, ${data.reduce((a, d) => a + d.inp.n, 0)} tokens`);

const w = new Float32Array(ROWS * NT);
const u = new Float64Array(ROWS * NT);
let c = 1;
const mask = ROWS - 1;
const scores = new Float64Array(NT);
const dyn = new Uint32Array(ND);
const update = (inp: TagInput, i: number, t: number, delta: number): void => {
  const o = i * NF;
  for (let f = 0; f < NF; f++) { const r = (inp.feats[o + f]! & mask) * NT + t; w[r]! += delta; u[r]! += c * delta; }
  for (let f = 0; f < ND; f++) { const r = (dyn[f]! & mask) * NT + t; w[r]! += delta; u[r]! += c * delta; }
};
let seed = 12345;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
for (let ep = 0; ep < epochs; ep++) {
  const order = data.map((_, i) => i).sort(() => rand() - 0.5);
  let err = 0;
  let tot = 0;
  for (const di of order) {
    const { inp, gold } = data[di]!;
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < inp.n; i++) {
      scores.fill(0);
      const o = i * NF;
      for (let f = 0; f < NF; f++) { const r = (inp.feats[o + f]! & mask) * NT; for (let t = 0; t < NT; t++) scores[t]! += w[r + t]!; }
      dynFeats(inp, i, prev, prev2, dyn);
      for (let f = 0; f < ND; f++) { const r = (dyn[f]! & mask) * NT; for (let t = 0; t < NT; t++) scores[t]! += w[r + t]!; }
      let best = 0;
      let bs = -Infinity;
      for (let t = 0; t < NT; t++) if (scores[t]! > bs && allowed(prev, t)) { bs = scores[t]!; best = t; }
      let g = gold[i]!;
      if (!allowed(prev, g)) g -= 1; // I-x after a missed B-x: learn to start the run here
      if (best !== g) { update(inp, i, g, 1); update(inp, i, best, -1); err++; }
      tot++;
      c++;
      prev2 = prev;
      prev = best;
    }
  }
  console.error(`epoch ${ep + 1}: token error ${(err / tot).toFixed(4)}`);
}
let max = 0;
const avg = new Float32Array(ROWS * NT);
for (let i = 0; i < avg.length; i++) { avg[i] = w[i]! - u[i]! / c; max = Math.max(max, Math.abs(avg[i]!)); }
const q = new Int16Array(avg.length);
const scale = 32000 / max;
for (let i = 0; i < avg.length; i++) q[i] = Math.round(avg[i]! * scale);
const out = gzipSync(Buffer.from(q.buffer), { level: 9 });
writeFileSync(join(here, '../data/attr-weights.bin.gz'), out);
console.error(`wrote ${out.length} bytes (scale ${scale.toFixed(2)})`);
