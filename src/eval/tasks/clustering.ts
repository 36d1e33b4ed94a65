/**
 * Story clustering on ECB+: every document of every topic is linked into one corpus, one at a time,
 * and the stories are scored against gold labels topic+suffix (ecb vs ecbplus: two events of the same kind per topic).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocBundle } from '../../analysis/types.js';
import type { EvalOptions, EvalResult, EvalTask } from '../task.js';
import { bcubed, prf } from '../metrics.js';
import { MemoryCorpusIndex } from '../../corpus/corpus-index.js';
import { reviseStories } from '../../corpus/story-revise.js';
import { linkDocument } from '../../corpus/link.js';
import { analyzeRecord } from '../../analysis/analyze.js';

const TOKEN_RE = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}'’”]|'s|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[(\[{$“‘]$/;
const DIGIT_JOIN_RE = /(?<=\b\d+) ([/-]) (?=\d+\b)/g;
const TIME_JOIN_RE = /(?<=\b\d{1,2}): (?=\d\d\b)/g;

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Plain text of a tokenized ECB+ document: sentences on their own lines; a leading URL sentence is dropped.
 * @example ecbText('<token t_id="1" sentence="0" number="0">Hi</token>', false) // 'Hi'
 */
export function ecbText(xml: string, dropUrlSentence: boolean): string {
  const sentences = new Map<number, string[]>();
  for (const m of xml.matchAll(TOKEN_RE)) {
    const s = Number(m[1]);
    let list = sentences.get(s);
    if (!list) sentences.set(s, (list = []));
    list.push(unescapeXml(m[2]!));
  }
  const lines: string[] = [];
  for (const [s, toks] of [...sentences.entries()].sort((a, b) => a[0] - b[0])) {
    if (s === 0 && dropUrlSentence && /https?|www|\.com|\/\//i.test(toks.join(''))) continue;
    let line = '';
    let prev = '';
    for (const t of toks) {
      if (line && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(prev)) line += ' ';
      line += t;
      prev = t;
    }
    // Tokenised figures, dates and times rejoined as written: "05 / 03 / 2013", "2013 - 09 - 26", "10: 00".
    lines.push(line.replace(DIGIT_JOIN_RE, '$1').replace(TIME_JOIN_RE, ':'));
  }
  return lines.join('\n');
}

/** Pairwise precision/recall/F1 of a clustering (pairs of items in the same cluster). */
export function pairwise(gold: Map<string, string>, pred: Map<string, string>): { precision: number; recall: number; f1: number } {
  const cell = new Map<string, number>();
  const g = new Map<string, number>();
  const p = new Map<string, number>();
  for (const [item, gl] of gold) {
    const pl = pred.get(item) ?? `single:${item}`;
    cell.set(`${gl}\u0000${pl}`, (cell.get(`${gl}\u0000${pl}`) ?? 0) + 1);
    g.set(gl, (g.get(gl) ?? 0) + 1);
    p.set(pl, (p.get(pl) ?? 0) + 1);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  let goldPairs = 0;
  for (const n of g.values()) goldPairs += pairs(n);
  let predPairs = 0;
  for (const n of p.values()) predPairs += pairs(n);
  const r = prf(tp, predPairs - tp, goldPairs - tp);
  return { precision: r.precision, recall: r.recall, f1: r.f1 };
}

/** One ECB+ document: id ('<topic>_<n>ecb'), gold label (topic + ecb/ecbplus) and plain text. */
export interface EcbDocument {
  id: string;
  topic: number;
  label: string;
  text: string;
}

/**
 * The ECB+ documents under `root` (the 'ECB+' folder), topics in order: only the topics `keep` accepts, and only the first `limit` topics.
 * @example ecbplusDocuments(join(datasets, 'ecbplus', 'ECB+'), { keep: (t) => t <= 17 })
 */
export function ecbplusDocuments(root: string, options: { keep?: (topic: number) => boolean; limit?: number } = {}): EcbDocument[] {
  const out: EcbDocument[] = [];
  const { keep, limit } = options;
  const topics = readdirSync(root).filter((t) => /^\d+$/.test(t)).sort((a, b) => Number(a) - Number(b));
  for (const t of limit ? topics.slice(0, limit) : topics) {
    if (keep && !keep(Number(t))) continue;
    for (const f of readdirSync(join(root, t)).filter((x) => x.endsWith('.xml')).sort()) {
      const m = /^(\d+)_(\d+)(ecbplus|ecb)\.xml$/.exec(f);
      if (!m) continue;
      out.push({ id: f.replace(/\.xml$/, ''), topic: Number(m[1]), label: `${m[1]}${m[3]}`, text: ecbText(readFileSync(join(root, t, f), 'utf8'), m[3] === 'ecbplus') });
    }
  }
  return out;
}

/** ECB+ document clustering with the corpus layer's story clustering. */
export const clusteringTask: EvalTask = {
  name: 'clustering',
  dataset: 'ecbplus',
  summary: 'ECB+ documents clustered into stories (B-cubed and pairwise F1 against topic+ecb/ecbplus)',
  async run(options: EvalOptions): Promise<EvalResult> {
    const root = join(options.datasetsDir, 'ecbplus', 'ECB+');
    if (!existsSync(root)) return { task: 'clustering', rows: [], errors: [], skipped: `ECB+ not found at ${root}; set --datasets to the datasets folder` };
    const gold = new Map<string, string>();
    const bundles: DocBundle[] = [];
    for (const d of ecbplusDocuments(root, { limit: options.limit })) {
      gold.set(d.id, d.label);
      // The same per-document pipeline as ingest (entities, quotes, dates found in the text), then the same linking.
      bundles.push(analyzeRecord({ id: d.id, text: d.text }));
    }
    // Arrival order is interleaved across topics (as a feed would be), deterministic by id.
    bundles.sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
    const index = new MemoryCorpusIndex();
    const storyOf = new Map<string, string>();
    for (const b of bundles) {
      const r = await linkDocument(b, index);
      storyOf.set(b.document.id, r.story);
      for (const mg of r.storyMerges) for (const [d, s] of storyOf) if (s === mg.from) storyOf.set(d, mg.into);
    }
    // The revision pass ingest runs at the end of a run, over the stories the run touched.
    await reviseStories(storyOf.keys(), index);
    for (const d of storyOf.keys()) storyOf.set(d, (await index.getDocument(d))!.story);
    const b3 = bcubed(gold, storyOf);
    // The two halves of the topics, scored apart (same run): development was done on topics 1-17 only.
    const half = (lo: number, hi: number) => new Map([...gold].filter(([d]) => Number(d.split('_')[0]) >= lo && Number(d.split('_')[0]) <= hi));
    const halves = (
      [
        ['b-cubed topics 1-17', half(1, 17)],
        ['b-cubed topics 18+', half(18, Infinity)],
      ] as const
    ).filter(([, g]) => g.size > 0 && g.size < gold.size);
    const pw = pairwise(gold, storyOf);
    const errors: string[] = [];
    if (options.errors) {
      const members = new Map<string, string[]>();
      for (const [d, s] of storyOf) (members.get(s) ?? members.set(s, []).get(s)!).push(d);
      for (const [s, docs] of members) {
        const labels = new Set(docs.map((d) => gold.get(d)));
        if (labels.size > 1) errors.push(`${s}: mixes ${[...labels].join(', ')} (${docs.join(' ')})`);
      }
      const byGold = new Map<string, Set<string>>();
      for (const [d, gl] of gold) (byGold.get(gl) ?? byGold.set(gl, new Set()).get(gl)!).add(storyOf.get(d)!);
      for (const [gl, ss] of byGold) if (ss.size > 1) errors.push(`${gl}: split into ${ss.size} stories`);
    }
    return {
      task: 'clustering',
      rows: [
        { metric: 'b-cubed', precision: b3.precision, recall: b3.recall, f1: b3.f1, n: gold.size, target: 0.9 },
        { metric: 'pairwise', precision: pw.precision, recall: pw.recall, f1: pw.f1, n: gold.size },
        ...halves.map(([metric, g]) => ({ metric, ...bcubed(g, storyOf), n: g.size })),
      ],
      errors,
    };
  },
};
