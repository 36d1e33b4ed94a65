/**
 * Story revision: the one-pass assignment (`assignStory`) places each report once, in arrival order, so an early
 * report cannot join a story that only forms later, and a story joined on the evidence of its first members keeps a
 * report that the later ones disagree with. After an ingest run, the stories the run touched are clustered again as
 * a whole: average-link agglomeration over the same same-event probabilities (`story-pairs.ts` with the product
 * rules of `assignStory`), and the index is rewritten where the clusters changed.
 *
 * Story ids stay `story:<earliest document>`, so a story that comes out with the same members keeps its id.
 */
import type { CorpusIndex, DocRecord, StoryRecord } from './corpus-index.js';
import { earlier, pairSide, speakerAdjusted, STORY } from './stories.js';
import { pairFeatures, pairQuery, samePairProbability } from './story-pairs.js';
import { minhashSimilarity } from './text.js';

/** Settings of the revision pass. */
export const REVISE = {
  /**
   * Least average probability over all member pairs at which two clusters merge. Lower than the one-pass
   * `STORY.join`, which averages over the members a report was compared with: here every pair counts, and pairs
   * too far apart to ask the model count 0. B-cubed on ECB+ topics 1-17 (held-out 18+): 0.25 .906 (.909),
   * 0.3 .901 (.905), 0.35 .891 (.903), 0.4 .895 (.896). 0.3 is the lowest that keeps the sample articles'
   * statements by different officials apart (their discounted pair probabilities reach 0.28).
   */
  join: 0.3,
  /** Least cosine of two reports' weighted terms for the pair model to be asked (pairs below it were never trained on: probability 0). */
  minCosine: 0.03,
  /** Most documents revised together: a larger region keeps its one-pass stories (pair work grows with its square). */
  maxDocuments: 4000,
};

/** What a revision changed. */
export interface StoryRevision {
  /** Stories created or changed (members, id or label), as now stored. */
  stories: StoryRecord[];
  /** Ids of stories that no longer exist. */
  removed: string[];
  /** Documents that changed story. */
  moved: number;
  /** Their ids. */
  movedDocuments: string[];
  /** Documents clustered again. */
  documents: number;
  /** Why nothing was revised (a region over `REVISE.maxDocuments`), else null. */
  skipped: string | null;
}

/** An edge of the pair graph: documents i < j and their same-event probability. */
interface Edge {
  i: number;
  j: number;
  p: number;
}

/**
 * Probability that two stored reports are of one event, with the rules `assignStory` applies: a republication or
 * an outright join made when linking counts 1; reports led by different speakers are discounted.
 * @example storedPairProbability(a, b, pairFeatures(pairQuery(pairSide(a)), pairSide(b))) // 0.82
 */
export function storedPairProbability(a: DocRecord, b: DocRecord, features: readonly number[]): number {
  if (a.minhash.length && b.minhash.length && minhashSimilarity(a.minhash, b.minhash) >= STORY.duplicate) return 1;
  if (a.outright?.includes(b.id) || b.outright?.includes(a.id)) return 1;
  return speakerAdjusted(samePairProbability(features), a, b);
}

/** The pair graph of a region: every pair whose terms are close enough to ask the model, with its probability. */
function pairGraph(recs: DocRecord[]): Edge[] {
  const n = recs.length;
  const sides = recs.map(pairSide);
  // Postings of weighted terms, so each document meets only the documents it shares a term with.
  const postings = new Map<string, { doc: number[]; w: number[] }>();
  for (let i = 0; i < n; i++) {
    const { keys, weights } = sides[i]!.vector;
    for (let k = 0; k < keys.length; k++) {
      let p = postings.get(keys[k]!);
      if (!p) postings.set(keys[k]!, (p = { doc: [], w: [] }));
      p.doc.push(i);
      p.w.push(weights[k]!);
    }
  }
  const edges: Edge[] = [];
  const dot = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const { keys, weights, norm } = sides[i]!.vector;
    for (let k = 0; k < keys.length; k++) {
      const p = postings.get(keys[k]!)!;
      const w = weights[k]!;
      // Postings are in document order: only later documents (each pair once).
      for (let x = p.doc.length - 1; x >= 0 && p.doc[x]! > i; x--) {
        const j = p.doc[x]!;
        if (dot[j] === 0) touched.push(j);
        dot[j]! += w * p.w[x]!;
      }
    }
    const q = touched.length ? pairQuery(sides[i]!) : null;
    for (const j of touched) {
      const other = sides[j]!.vector.norm;
      const cosine = norm > 0 && other > 0 ? dot[j]! / Math.sqrt(norm * other) : 0;
      dot[j] = 0;
      // A cheap pre-check on the postings' dot product; pairFeatures' own cosine (summed in another order) decides.
      if (cosine < REVISE.minCosine * 0.9) continue;
      const f = pairFeatures(q!, sides[j]!);
      if (f[1]! < REVISE.minCosine) continue;
      const prob = storedPairProbability(recs[i]!, recs[j]!, f);
      if (prob > 0) edges.push({ i, j, p: prob });
    }
    touched.length = 0;
  }
  // Outright joins whose terms never met (a shared quote in otherwise different wording).
  if (!recs.some((r) => r.outright?.length)) return edges;
  const index = new Map(recs.map((r, i) => [r.id, i]));
  const have = new Set(edges.map((e) => `${e.i} ${e.j}`));
  for (let i = 0; i < n; i++) {
    for (const d of recs[i]!.outright ?? []) {
      const j = index.get(d);
      if (j === undefined || j === i) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      if (!have.has(`${a} ${b}`)) (edges.push({ i: a, j: b, p: 1 }), have.add(`${a} ${b}`));
    }
  }
  return edges;
}

/** A binary max-heap of candidate merges (average, then the lower cluster ids first, so ties break the same way every run). */
class MergeHeap {
  private items: { avg: number; a: number; b: number; va: number; vb: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  private above(x: { avg: number; a: number; b: number }, y: { avg: number; a: number; b: number }): boolean {
    return x.avg !== y.avg ? x.avg > y.avg : x.a !== y.a ? x.a < y.a : x.b < y.b;
  }
  push(item: { avg: number; a: number; b: number; va: number; vb: number }): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.above(h[i]!, h[up]!)) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }
  pop(): { avg: number; a: number; b: number; va: number; vb: number } | undefined {
    const h = this.items;
    if (!h.length) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.above(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.above(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Average-link agglomeration over a sparse pair graph: repeatedly merge the two clusters whose average probability
 * over all their member pairs (absent pairs count 0) is highest, while it reaches `join`. Returns a cluster
 * number for each of the `n` documents.
 * @example averageLink(3, [{ i: 0, j: 1, p: 0.9 }], 0.4) // [0, 0, 2]
 */
export function averageLink(n: number, edges: readonly Edge[], join: number): number[] {
  // Sums of probabilities between clusters, per cluster (cluster ids are their first document's number).
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of edges) {
    sums[e.i]!.set(e.j, (sums[e.i]!.get(e.j) ?? 0) + e.p);
    sums[e.j]!.set(e.i, (sums[e.j]!.get(e.i) ?? 0) + e.p);
  }
  const size = new Array<number>(n).fill(1);
  const version = new Array<number>(n).fill(0);
  const alive = new Array<boolean>(n).fill(true);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const heap = new MergeHeap();
  const offer = (a: number, b: number, sum: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const avg = sum / (size[x]! * size[y]!);
    if (avg >= join) heap.push({ avg, a: x, b: y, va: version[x]!, vb: version[y]! });
  };
  for (let a = 0; a < n; a++) for (const [b, s] of sums[a]!) if (a < b) offer(a, b, s);
  while (heap.size) {
    const top = heap.pop()!;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    // Merge b into a: a's sums to every neighbour gain b's.
    alive[b] = false;
    sums[a]!.delete(b);
    for (const [c, s] of sums[b]!) {
      if (c === a) continue;
      sums[a]!.set(c, (sums[a]!.get(c) ?? 0) + s);
      const sc = sums[c]!;
      sc.set(a, (sc.get(a) ?? 0) + s);
      sc.delete(b);
    }
    sums[b]!.clear();
    size[a]! += size[b]!;
    members[a]!.push(...members[b]!);
    members[b] = [];
    version[a]!++;
    for (const [c, s] of sums[a]!) offer(a, c, s);
  }
  const out = new Array<number>(n).fill(0);
  for (let a = 0; a < n; a++) for (const d of members[a]!) out[d] = a;
  return out;
}

/**
 * Cluster again the stories that hold `docIds` (normally the documents one ingest run linked), and rewrite the
 * index where the clusters changed.
 * @example const rev = await reviseStories(runDocIds, index); rev.moved
 */
export async function reviseStories(docIds: Iterable<string>, index: CorpusIndex): Promise<StoryRevision> {
  const storyIds = new Set<string>();
  for (const d of new Set(docIds)) {
    const r = await index.getDocument(d);
    if (r) storyIds.add(r.story);
  }
  const before = new Map<string, StoryRecord>();
  const regionIds = new Set<string>();
  for (const s of [...storyIds].sort()) {
    const st = await index.getStory(s);
    if (!st) continue;
    before.set(s, st);
    for (const d of st.documents) regionIds.add(d);
  }
  const none: StoryRevision = { stories: [], removed: [], moved: 0, movedDocuments: [], documents: 0, skipped: null };
  if (regionIds.size > REVISE.maxDocuments) {
    return { ...none, skipped: `${regionIds.size} documents in the touched stories, over ${REVISE.maxDocuments}: their stories stay as linked` };
  }
  const recs: DocRecord[] = [];
  for (const d of [...regionIds].sort()) {
    const r = await index.getDocument(d);
    if (r) recs.push(r);
  }
  if (recs.length < 2) return { ...none, documents: recs.length };
  const cluster = averageLink(recs.length, pairGraph(recs), REVISE.join);
  const groups = new Map<number, DocRecord[]>();
  for (let i = 0; i < recs.length; i++) (groups.get(cluster[i]!) ?? groups.set(cluster[i]!, []).get(cluster[i]!)!).push(recs[i]!);

  const after = new Map<string, StoryRecord>();
  for (const docs of groups.values()) {
    let first = docs[0]!;
    for (const d of docs) if (earlier({ doc: d.id, published: d.published }, { doc: first.id, published: first.published })) first = d;
    const id = `story:${first.id}`;
    after.set(id, { id, documents: docs.map((d) => d.id).sort(), label: first.title, first: { doc: first.id, published: first.published } });
  }
  const same = (a: StoryRecord, b: StoryRecord) => a.label === b.label && a.documents.length === b.documents.length && a.documents.every((d, i) => d === b.documents[i]);
  const removed = [...before.keys()].filter((s) => !after.has(s)).sort();
  const changed = [...after.values()].filter((s) => !before.has(s.id) || !same(before.get(s.id)!, s)).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const s of removed) await index.deleteStory(s);
  for (const s of changed) await index.putStory(s);
  const movedDocuments: string[] = [];
  const storyOf = new Map<string, string>();
  for (const s of after.values()) for (const d of s.documents) storyOf.set(d, s.id);
  for (const r of recs) {
    const s = storyOf.get(r.id)!;
    if (r.story !== s) {
      await index.putDocument({ ...r, story: s });
      movedDocuments.push(r.id);
    }
  }
  return { stories: changed, removed, moved: movedDocuments.length, movedDocuments, documents: recs.length, skipped: null };
}
