/**
 * Train the same-event pair model (../story-pairs.ts) on ECB+ topics 1-17: every document goes through the
 * ingest pipeline and corpus linking (so entity ids, vectors and leads are what the linker stores), then every
 * pair of documents that shares any weighted term (cosine >= 0.03, as candidate lookups would find them) is an
 * example, labelled same event when both carry the same topic + ecb/ecbplus label. Logistic regression by
 * full-batch gradient descent (deterministic). Topics 18+ are never read: the eval reports them apart as held out.
 * Writes ../data/story-pairs.json; never copies the dataset.
 *
 * Run: nice -n 10 node --import tsx src/corpus/train/train-story-pairs.ts [datasetsDir]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeRecord } from '../../analysis/analyze.js';
import { ecbplusDocuments } from '../../eval/tasks/clustering.js';
import { loadSettings } from '../../settings.js';
import { MemoryCorpusIndex, type DocRecord } from '../corpus-index.js';
import { linkDocument } from '../link.js';
import { PAIR_FEATURES, pairFeatures, pairQuery, samePairProbability, type PairModel } from '../story-pairs.js';
import { pairSide } from '../stories.js';

const here = dirname(fileURLToPath(import.meta.url));
const datasets = process.argv[2] ?? loadSettings().datasets;
const root = join(datasets, 'ecbplus', 'ECB+');
/** Topics trained on; the rest of the dev topics stay unseen. */
const TRAIN_TOPICS = (t: number) => t <= 17;
const MIN_COSINE = 0.03;
const EPOCHS = 300;
const RATE = 2;
const L2 = 1e-4;

const modelPath = join(here, '..', 'data', 'story-pairs.json');

/**
 * Linking (which builds the records trained on) scores stories with the shipped model, and refuses a model trained on
 * other features: after PAIR_FEATURES changed, a placeholder (all weights 0) stands in until this run writes the new one.
 * The records' vectors, entities and leads do not depend on the model.
 */
function ensureLoadableModel(): void {
  const shipped = existsSync(modelPath) ? (JSON.parse(readFileSync(modelPath, 'utf8')) as PairModel) : null;
  if (shipped && shipped.features.join('|') === PAIR_FEATURES.join('|')) return;
  const placeholder: PairModel = { features: [...PAIR_FEATURES], weights: PAIR_FEATURES.map(() => 0), trained: 'placeholder: rerun src/corpus/train/train-story-pairs.ts' };
  writeFileSync(modelPath, JSON.stringify(placeholder, null, 2) + '\n');
}

async function main(): Promise<void> {
  if (!existsSync(root)) throw new Error(`ECB+ not found at ${root}; pass the datasets folder as the first argument`);
  ensureLoadableModel();
  const docs = ecbplusDocuments(root, { keep: TRAIN_TOPICS });
  const bundles = docs.map((d) => analyzeRecord({ id: d.id, text: d.text })).sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
  const index = new MemoryCorpusIndex();
  for (const b of bundles) await linkDocument(b, index);
  const label = new Map(docs.map((d) => [d.id, d.label]));
  const records: DocRecord[] = [];
  for (const b of bundles) records.push((await index.getDocument(b.document.id))!);
  const rows: { x: number[]; y: number }[] = [];
  for (let i = 0; i < records.length; i++) {
    const q = pairQuery(pairSide(records[i]!));
    for (let j = i + 1; j < records.length; j++) {
      const x = pairFeatures(q, pairSide(records[j]!));
      if (x[1]! < MIN_COSINE) continue;
      rows.push({ x, y: label.get(records[i]!.id) === label.get(records[j]!.id) ? 1 : 0 });
    }
  }
  const d = PAIR_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const g = new Array<number>(d).fill(0);
    for (const r of rows) {
      const err = samePairProbability(r.x, w) - r.y;
      for (let k = 0; k < d; k++) g[k]! += err * r.x[k]!;
    }
    for (let k = 0; k < d; k++) w[k]! -= (RATE * g[k]!) / rows.length + L2 * w[k]!;
  }
  let loss = 0;
  let right = 0;
  for (const r of rows) {
    const p = samePairProbability(r.x, w);
    loss -= Math.log(r.y ? Math.max(p, 1e-12) : Math.max(1 - p, 1e-12));
    if (p >= 0.5 === (r.y === 1)) right++;
  }
  const positives = rows.filter((r) => r.y).length;
  const model: PairModel = {
    features: [...PAIR_FEATURES],
    weights: w.map((x) => Math.round(x * 1e4) / 1e4),
    trained: `ECB+ topics 1-17 (${records.length} documents, ${rows.length} pairs with cosine >= ${MIN_COSINE}, ${positives} same-event); logistic regression, ${EPOCHS} full-batch epochs, rate ${RATE}, L2 ${L2}`,
  };
  writeFileSync(modelPath, JSON.stringify(model, null, 2) + '\n');
  console.log(model.trained);
  console.log(`training log-loss ${(loss / rows.length).toFixed(4)}, accuracy ${(right / rows.length).toFixed(4)}`);
  for (let k = 0; k < d; k++) console.log(`  ${PAIR_FEATURES[k]!.padEnd(26)} ${model.weights[k]}`);
}

await main();
