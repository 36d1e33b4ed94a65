/** Standard scoring helpers shared by every eval task. */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Precision, recall and F1 from counts. Empty denominators score 0.
 * @example prf(8, 2, 2).f1 // 0.8
 */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Span-level match counts: exact (same start and end) or overlap (one-to-one greedy). */
export function matchSpans(
  gold: readonly { start: number; end: number }[],
  pred: readonly { start: number; end: number }[],
  mode: 'exact' | 'overlap',
): { tp: number; fp: number; fn: number } {
  const used = new Uint8Array(pred.length);
  let tp = 0;
  for (const g of gold) {
    for (let i = 0; i < pred.length; i++) {
      if (used[i]) continue;
      const p = pred[i]!;
      const ok = mode === 'exact' ? p.start === g.start && p.end === g.end : p.start < g.end && g.start < p.end;
      if (ok) {
        used[i] = 1;
        tp++;
        break;
      }
    }
  }
  return { tp, fp: pred.length - tp, fn: gold.length - tp };
}

/** B-cubed precision/recall/F1 of a clustering against gold labels (items keyed by id). */
export function bcubed(gold: Map<string, string>, pred: Map<string, string>): { precision: number; recall: number; f1: number } {
  const goldClusters = new Map<string, Set<string>>();
  const predClusters = new Map<string, Set<string>>();
  for (const [item, label] of gold) {
    if (!goldClusters.has(label)) goldClusters.set(label, new Set());
    goldClusters.get(label)!.add(item);
  }
  for (const [item, label] of pred) {
    if (!gold.has(item)) continue;
    if (!predClusters.has(label)) predClusters.set(label, new Set());
    predClusters.get(label)!.add(item);
  }
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [item, gl] of gold) {
    const pl = pred.get(item);
    const g = goldClusters.get(gl)!;
    const c = pl === undefined ? new Set([item]) : predClusters.get(pl)!;
    let both = 0;
    for (const x of c) if (g.has(x)) both++;
    p += both / c.size;
    r += both / g.size;
    n++;
  }
  const precision = n ? p / n : 0;
  const recall = n ? r / n : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
