/**
 * Word clusters (data/word-clusters.tsv.gz, built by scripts/train-word-clusters.ts from GloVe-derived vectors):
 * per lower-case word, a coarse (256) and a fine (1,024) cluster id. The tagger reads them as features, so a
 * word it never saw in training is scored like the words it clusters with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { IntTable, hashString } from './hash.js';

const CLUSTERS_URL = new URL('./data/word-clusters.tsv.gz', import.meta.url);
let table: IntTable | null = null;

/** The table from lower-case word hash to `(coarse + 1) << 16 | (fine + 1)`; empty when the file is missing. */
function clusterTable(): IntTable {
  if (!table) {
    table = new IntTable(1 << 17);
    if (existsSync(CLUSTERS_URL)) {
      const text = gunzipSync(readFileSync(CLUSTERS_URL)).toString('utf8');
      let at = 0;
      while (at < text.length) {
        let nl = text.indexOf('\n', at);
        if (nl < 0) nl = text.length;
        const t1 = text.indexOf('\t', at);
        const t2 = text.indexOf('\t', t1 + 1);
        if (t1 > at && t2 > t1 && t2 < nl) {
          const coarse = Number(text.slice(t1 + 1, t2));
          const fine = Number(text.slice(t2 + 1, nl));
          table.set(hashString(text.slice(at, t1)), ((coarse + 1) << 16) | (fine + 1));
        }
        at = nl + 1;
      }
    }
  }
  return table;
}

/**
 * Packed clusters of the word with lower-case hash `lw` (as tokenInfo computes it): fine id + 1 in the low 16
 * bits, coarse id + 1 above; 0 for a word outside the table.
 * @example wordClusters(hashString('london')) & 0xffff // fine cluster + 1
 */
export function wordClusters(lw: number): number {
  return clusterTable().get(lw);
}
