/**
 * Train the source model (../source-model.ts) on PolNeAR train: for every gold attribution with a
 * cue, rank the candidate spans of the cue's sentence (plus NULL) with an averaged perceptron; the
 * gold source span is the target (or, when it is longer than a candidate can be, the best-scoring
 * candidate inside it; NULL when the attribution has no source). Trains on all of train; POLNEAR_HOLDOUT=150
 * holds out the first 150 articles (sorted, `attributionTrainTask`) and prints accuracy on them. Writes int16 weights, gzipped, to
 * ../data/source-weights.bin.gz; never copies the dataset.
 *
 * Run: nice -n 10 node --import tsx src/components/quotes/train/train-source.ts [datasetsDir] [epochs]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Span } from '../../../doc/span.js';
import type { TokenTable } from '../../../doc/tokens.js';
import { polnearFiles } from '../../../eval/tasks/attribution.js';
import { sentencedDoc } from './polnear.js';
import { loadSettings } from '../../../settings.js';
import { NSF, SRC_ROWS, candidateScore, sourceCandidates, wordHashes, type SourceCandidates } from '../source-model.js';

const here = dirname(fileURLToPath(import.meta.url));
const datasets = process.argv[2] ?? loadSettings().datasets;
const epochs = Number(process.argv[3] ?? 8);
const HOLDOUT = Number(process.env.POLNEAR_HOLDOUT ?? 0);
const dir = join(datasets, 'polnear', 'data', 'train');

interface GoldAttribution { source: Span | null; cue: Span; content: Span | null }

/** Gold attributions of a brat file: first piece of the cue, bounding spans of source and content. */
function goldAttributions(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; first: Span; bound: Span }>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t/.exec(line);
    if (t) {
      const pieces = t[3]!.split(';').map((p) => p.trim().split(' ').map(Number) as [number, number]);
      const nums = pieces.flat();
      spans.set(t[1]!, { type: t[2]!, first: { start: pieces[0]![0], end: pieces[0]![1] }, bound: { start: Math.min(...nums), end: Math.max(...nums) } });
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (!e) continue;
    let source: Span | null = null;
    let cue: Span | null = null;
    let content: Span | null = null;
    for (const part of e[1]!.split(' ')) {
      const [role, id] = part.split(':');
      const s = spans.get(id!);
      if (!s) continue;
      if (role === 'Source') source = trim(text, s.bound);
      else if (role === 'Cue') cue = s.first;
      else if (role === 'Content') content = s.bound;
    }
    if (cue) out.push({ source, cue, content });
  }
  return out;
}

function trim(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s"“”,.;:]/.test(text[a]!)) a++;
  while (b > a && /[\s"“”,.;:]/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

/** Token range [from, to) covering a char span. */
function tokenRange(tokens: TokenTable, s: Span): [number, number] {
  const from = tokens.indexAt(s.start);
  let to = from;
  while (to < tokens.length && tokens.start[to]! < s.end) to++;
  return [from, to];
}

interface Example { cands: SourceCandidates; gold: Uint8Array; exact: number }

function examplesOf(files: { text: string; ann: string }[]): Example[] {
  const out: Example[] = [];
  for (const f of files) {
    const doc = sentencedDoc(f.text);
    if (!doc) continue;
    const text = doc.text;
    const tokens = doc.tokens;
    const hash = wordHashes(tokens);
    for (const a of goldAttributions(readFileSync(f.ann, 'utf8'), text)) {
      const [c0, c1] = tokenRange(tokens, a.cue);
      if (c1 <= c0) continue;
      const [k0, k1] = a.content ? tokenRange(tokens, a.content) : [0, 0];
      const cands = sourceCandidates(text, tokens, hash, c0, c1, k0, k1);
      const gold = new Uint8Array(cands.n);
      let exact = -1;
      if (!a.source) gold[0] = 1;
      else {
        const [g0, g1] = tokenRange(tokens, a.source);
        let any = false;
        for (let c = 1; c < cands.n; c++) {
          const i = cands.from[c]!;
          const j = cands.to[c]!;
          if (i === g0 && j === g1) exact = c;
          if (i >= g0 && j <= g1) { gold[c] = 1; any = true; }
        }
        if (!any) continue; // the source is outside the candidates (another sentence, too far)
      }
      if (exact >= 0) { gold.fill(0); gold[exact] = 1; }
      out.push({ cands: { n: cands.n, from: cands.from.slice(0, cands.n), to: cands.to.slice(0, cands.n), feats: cands.feats.slice(0, cands.n * NSF) }, gold, exact });
    }
  }
  return out;
}

const all = await polnearFiles(dir);
const train = examplesOf(all.slice(HOLDOUT));
const held = examplesOf(all.slice(0, HOLDOUT));
console.error(`${train.length} train examples, ${held.length} held-out`);

const w = new Float32Array(SRC_ROWS);
const u = new Float64Array(SRC_ROWS);
let c = 1;
const argmax = (ex: Example, onlyGold: boolean): number => {
  let best = -1;
  let bs = -Infinity;
  for (let k = 0; k < ex.cands.n; k++) {
    if (onlyGold && !ex.gold[k]) continue;
    const s = candidateScore(w, ex.cands, k);
    if (s > bs) { bs = s; best = k; }
  }
  return best;
};
const bump = (ex: Example, k: number, d: number): void => {
  const o = k * NSF;
  for (let f = 0; f < NSF; f++) { const r = ex.cands.feats[o + f]!; w[r]! += d; u[r]! += c * d; }
};
let seed = 4242;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const order = train.map((_, i) => i);
for (let ep = 0; ep < epochs; ep++) {
  for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rand() * (k + 1)); const t = order[k]!; order[k] = order[j]!; order[j] = t; }
  let err = 0;
  for (const i of order) {
    const ex = train[i]!;
    const p = argmax(ex, false);
    if (!ex.gold[p]) {
      err++;
      const g = argmax(ex, true);
      bump(ex, g, 1);
      bump(ex, p, -1);
    }
    c++;
  }
  console.error(`epoch ${ep + 1}: error ${(err / train.length).toFixed(4)}`);
}
let max = 0;
for (let i = 0; i < SRC_ROWS; i++) { w[i] = w[i]! - u[i]! / c; max = Math.max(max, Math.abs(w[i]!)); }
const q = new Int16Array(SRC_ROWS);
const scale = 32000 / max;
for (let i = 0; i < SRC_ROWS; i++) q[i] = Math.round(w[i]! * scale);
for (let i = 0; i < SRC_ROWS; i++) w[i] = q[i]!;
// Held-out accuracy: the pick overlaps the gold source (or NULL for NULL).
let ok = 0;
let okExact = 0;
for (const ex of held) {
  const p = argmax(ex, false);
  if (p === 0 ? ex.gold[0] : ex.gold[0] === 0 && ex.cands.from[p]! < Math.max(...[...ex.gold.keys()].filter((k) => ex.gold[k]).map((k) => ex.cands.to[k]!)) && Math.min(...[...ex.gold.keys()].filter((k) => ex.gold[k]).map((k) => ex.cands.from[k]!)) < ex.cands.to[p]!) ok++;
  if (p === ex.exact) okExact++;
}
if (held.length > 0) console.error(`held-out: pick overlaps gold ${(ok / held.length).toFixed(4)}, exact ${(okExact / held.length).toFixed(4)}`);
const out = gzipSync(Buffer.from(q.buffer), { level: 9 });
writeFileSync(process.env.SOURCE_WEIGHTS_OUT ?? join(here, '../data/source-weights.bin.gz'), out);
console.error(`wrote ${out.length} bytes (scale ${scale.toFixed(2)})`);
