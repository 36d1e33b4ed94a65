/**
 * Train the entities component's averaged-perceptron tagger on CoNLL-2003 train and write
 * src/components/entities/data/ner-weights.bin.gz (pruned, int16-quantized, gzipped).
 * Reproducible: fixed seed and epoch count. Run: nice -n 10 node --import tsx scripts/train-ner.ts
 * Options: --epochs N (default 15), --prune X (default 0.02), --seed N (default 20031), --datasets DIR, --holdout F (train on the
 * first 1-F of train and report on the rest: the tuning split; dev is for the final report only), --fold K (with --holdout F,
 * the tuning split is the K-th slice of size F instead of the tail: run K = 0..4 with F = 0.1 for 5-fold cross-validation;
 * one 10% slice is too noisy to tell 0.5 F1 apart), --out FILE (write the weights there instead of the shipped file).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { findParagraphs, tokenizeText } from '../src/components/sentences/tokenize.js';
import { loadGazetteer } from '../src/components/entities/gazetteer.js';
import { NTAGS, TAGS, tagTokens, tagType, tokenInfo } from '../src/components/entities/tagger.js';
import type { Scorer, TokenInfo } from '../src/components/entities/tagger.js';
import type { TokenTable } from '../src/doc/tokens.js';
import { readConll } from '../src/eval/tasks/conll.js';
import type { ConllDoc } from '../src/eval/tasks/conll.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const EPOCHS = Number(opt('epochs', '15'));
const PRUNE = Number(opt('prune', '0.02'));
const HOLDOUT = Number(opt('holdout', '0'));
const DATASETS = opt('datasets', join(process.cwd(), '..', 'shared', 'datasets'));
const OUT = args.includes('--out') ? opt('out', '') : new URL('../src/components/entities/data/ner-weights.bin.gz', import.meta.url);

const TYPE_TAG: Record<string, number> = { PER: 1, ORG: 3, LOC: 5, MISC: 7 };

interface Prepared {
  info: TokenInfo;
  tokens: TokenTable;
  gold: Uint8Array;
  doc: ConllDoc;
}

function prepare(doc: ConllDoc): Prepared {
  const gaz = loadGazetteer();
  const { tokens } = tokenizeText(doc.text, findParagraphs(doc.text));
  const info = tokenInfo(doc.text, tokens, gaz);
  const gold = new Uint8Array(tokens.length);
  let e = 0;
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens.start[i]!;
    while (e < doc.entities.length && doc.entities[e]!.end <= s) e++;
    const ent = doc.entities[e];
    if (ent && ent.start <= s && s < ent.end) gold[i] = TYPE_TAG[ent.type]! + (s === ent.start ? 0 : 1);
  }
  return { info, tokens, gold, doc };
}

/** Averaged perceptron with lazy averaging (timestamps per weight). */
class Trainer implements Scorer {
  rows = new Map<number, number>();
  keys: number[] = [];
  w: Float64Array = new Float64Array(1 << 20);
  total: Float64Array = new Float64Array(1 << 20);
  stamp: Float64Array = new Float64Array(1 << 20);
  clock = 0;
  private rowOf(key: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.keys.length;
      this.rows.set(key, r);
      this.keys.push(key);
      if ((r + 1) * NTAGS > this.w.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.total = grow(this.total);
        this.stamp = grow(this.stamp);
      }
    }
    return r;
  }
  score(feats: Uint32Array, nf: number, out: Float64Array): void {
    out.fill(0);
    for (let f = 0; f < nf; f++) {
      const r = this.rows.get(feats[f]!);
      if (r === undefined) continue;
      const b = r * NTAGS;
      for (let t = 0; t < NTAGS; t++) out[t]! += this.w[b + t]!;
    }
  }
  update(feats: Uint32Array, nf: number, gold: number, pred: number): void {
    for (let f = 0; f < nf; f++) {
      const b = this.rowOf(feats[f]!) * NTAGS;
      for (const [t, d] of [[gold, 1], [pred, -1]] as const) {
        const k = b + t;
        this.total[k]! += (this.clock - this.stamp[k]!) * this.w[k]!;
        this.stamp[k] = this.clock;
        this.w[k]! += d;
      }
    }
  }
  averaged(): Float64Array {
    const avg = new Float64Array(this.keys.length * NTAGS);
    for (let k = 0; k < avg.length; k++) avg[k] = (this.total[k]! + (this.clock - this.stamp[k]!) * this.w[k]!) / Math.max(1, this.clock);
    return avg;
  }
}

function spansOf(tokens: TokenTable, tags: Uint8Array): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) continue;
    const ty = tagType(t);
    let j = i;
    while (j + 1 < tags.length && tags[j + 1]! !== 0 && tags[j + 1]! % 2 === 0 && tagType(tags[j + 1]!) === ty) j++;
    out.push({ start: tokens.start[i]!, end: tokens.end[j]!, type: ty });
    i = j;
  }
  return out;
}

function evaluate(docs: Prepared[], scorer: Scorer): number {
  let tp = 0, fp = 0, fn = 0;
  const typeId: Record<string, number> = { PER: 1, ORG: 2, LOC: 3 };
  for (const p of docs) {
    const pred = spansOf(p.tokens, tagTokens(p.info, scorer)).filter((s) => s.type !== 4);
    const gold = p.doc.entities.filter((e) => e.type !== 'MISC');
    const key = (s: number, e: number, t: number): string => `${s}:${e}:${t}`;
    const g = new Set(gold.map((x) => key(x.start, x.end, typeId[x.type]!)));
    for (const x of pred) if (g.has(key(x.start, x.end, x.type))) tp++; else fp++;
    fn += g.size;
  }
  fn -= tp;
  const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, tp + fn);
  return (2 * P * R) / Math.max(1e-9, P + R);
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = Date.now();
const allTrain = readConll(join(DATASETS, 'conll2003', 'train.txt')).map(prepare);
const FOLD = Number(opt('fold', '-1'));
const nTune = Math.round(allTrain.length * HOLDOUT);
const lo = FOLD >= 0 ? FOLD * nTune : allTrain.length - nTune;
const train = [...allTrain.slice(0, lo), ...allTrain.slice(lo + nTune)];
// With --holdout the report split is a slice of train (tuning; the tail unless --fold); without, CoNLL dev.
const dev = HOLDOUT > 0 ? allTrain.slice(lo, lo + nTune) : readConll(join(DATASETS, 'conll2003', 'dev.txt')).map(prepare);
const devName = HOLDOUT > 0 ? 'tune' : 'dev';
console.log(`prepared ${train.length} train and ${dev.length} ${devName} docs in ${((Date.now() - t0) / 1000).toFixed(1)}s; tags ${TAGS.join(' ')}`);
const trainer = new Trainer();
const rand = mulberry32(Number(opt('seed', '20031')));
const order = train.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let errors = 0;
  for (const di of order) {
    const p = train[di]!;
    tagTokens(p.info, trainer, (i, feats, nf, pred) => {
      trainer.clock++;
      const g = p.gold[i]!;
      if (g !== pred) {
        trainer.update(feats, nf, g, pred);
        errors++;
      }
      return pred;
    });
  }
  console.log(`epoch ${epoch}: ${errors} errors, ${trainer.keys.length} features, ${devName} F1 (current) ${evaluate(dev, trainer).toFixed(4)}`);
}
const avg = trainer.averaged();
let kept = 0;
let maxAbs = 0;
const keep = new Uint8Array(trainer.keys.length);
for (let r = 0; r < trainer.keys.length; r++) {
  let m = 0;
  for (let t = 0; t < NTAGS; t++) m = Math.max(m, Math.abs(avg[r * NTAGS + t]!));
  if (m >= PRUNE) {
    keep[r] = 1;
    kept++;
    maxAbs = Math.max(maxAbs, m);
  }
}
const scale = maxAbs / 32767;
const buf = Buffer.alloc(12 + kept * 4 + kept * NTAGS * 2);
buf.writeUInt32LE(0x4e455231, 0);
buf.writeUInt32LE(kept, 4);
buf.writeFloatLE(scale, 8);
let ki = 0;
const wOff = 12 + kept * 4;
for (let r = 0; r < trainer.keys.length; r++) {
  if (!keep[r]) continue;
  buf.writeUInt32LE(trainer.keys[r]!, 12 + ki * 4);
  for (let t = 0; t < NTAGS; t++) buf.writeInt16LE(Math.round(avg[r * NTAGS + t]! / scale), wOff + (ki * NTAGS + t) * 2);
  ki++;
}
const gz = gzipSync(buf, { level: 9 });
if (OUT) writeFileSync(OUT, gz);
const { Weights, weightScorer } = await import('../src/components/entities/tagger.js');
const shipped = Weights.fromBuffer(gz);
console.log(`kept ${kept}/${trainer.keys.length} features, ${(gz.length / 1e6).toFixed(2)} MB; ${devName} F1 (shipped weights) ${evaluate(dev, weightScorer(shipped)).toFixed(4)}; ${((Date.now() - t0) / 1000).toFixed(0)}s`);
