/**
 * quantulum3's own test sentences (`quantities.json`): value F1. quantulum3 reports every number,
 * years and model numbers included ("Voyager 2", "1979" are dimensionless quantities there), so this
 * adapter scores amounts plus years and ages (not designations glued to names); the claims filter stays stricter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanNumbers } from '../../components/claims/quantities.js';
import type { EvalOptions, EvalResult, EvalTask } from '../task.js';

interface Item {
  req: string;
  res: { value: number; unit: string; surface: string }[];
}

const KINDS = new Set(['quantity', 'age', 'year']);

/**
 * The values quantulum3 would report for a sentence under its conventions (ranges as their mean).
 * @example quantulum3Values('I want two meters of cotton for £2,000') // [2, 2000]
 */
export function quantulum3Values(text: string): number[] {
  const out: number[] = [];
  for (const q of scanNumbers(text)) {
    if (!KINDS.has(q.kind)) continue;
    out.push(q.low === q.high ? q.low : (q.low + q.high) / 2);
  }
  return out;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

export const quantulum3Task: EvalTask = {
  name: 'quantulum3',
  dataset: 'quantulum3',
  summary: "quantulum3's test sentences: quantity value P/R/F1",
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = performance.now();
    const path = join(options.datasetsDir, 'quantulum3', 'quantities.json');
    if (!existsSync(path)) return { task: 'quantulum3', rows: [], errors: [], skipped: `quantulum3 not found at ${path}; see the datasets README` };
    let items = JSON.parse(readFileSync(path, 'utf8')) as Item[];
    if (options.limit) items = items.slice(0, options.limit);
    let tp = 0;
    let nGold = 0;
    let nModel = 0;
    const errors: string[] = [];
    for (const it of items) {
      const model = quantulum3Values(it.req);
      const used = new Uint8Array(model.length);
      let hit = 0;
      for (const g of it.res) {
        const i = model.findIndex((v, k) => !used[k] && close(v, g.value));
        if (i >= 0) {
          used[i] = 1;
          hit++;
        }
      }
      tp += hit;
      nGold += it.res.length;
      nModel += model.length;
      if (options.errors && (hit < it.res.length || hit < model.length)) {
        errors.push(`${it.req}\n  gold:  ${it.res.map((g) => g.value).join(' | ')}\n  model: ${model.join(' | ')}`);
      }
    }
    const precision = nModel ? tp / nModel : 0;
    const recall = nGold ? tp / nGold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { task: 'quantulum3', rows: [{ metric: 'value', precision, recall, f1, n: nGold, target: 0.95 }], errors, seconds: (performance.now() - t0) / 1000 };
  },
};
