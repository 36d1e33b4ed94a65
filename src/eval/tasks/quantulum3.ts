/**
 * quantulum3's own test sentences (`quantities.json`): value F1. quantulum3 reports every number,
 * years and model numbers included ("Voyager 2", "1979" are dimensionless quantities there), so this
 * adapter scores amounts plus years, ages and stand-alone model numbers (not designations glued to
 * names, "LGA1156"); the claims filter stays stricter. quantulum3's own conventions: a range is
 * reported as its midpoint ("3 to 4 L" -> 3.5), "dozen" and "gross" are units ("a dozen eggs" -> 1),
 * and "a gallon", "a penny" are one of that unit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanNumbers } from '../../components/claims/quantities.js';
import { lexicons } from '../../components/claims/lexicons.js';
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
  const found: { at: number; end: number; value: number }[] = [];
  for (const q of scanNumbers(text)) {
    if (!KINDS.has(q.kind) && !(q.kind === 'designation' && standalone(text, q.start, q.end))) continue;
    let value = q.low === q.high ? q.low : (q.low + q.high) / 2;
    // "dozen" is a unit there: "a dozen eggs" is 1 dozen.
    if (/dozen(?!s)/i.test(text.slice(q.start, q.end)) && !q.vague) value /= 12;
    found.push({ at: q.start, end: q.end, value });
  }
  // "a gallon of beer", "a penny", "a baker's dozen": one of a unit.
  const re = oneUnitRe();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = m.index;
    if (!found.some((f) => f.at <= at + m![0].length && at <= f.end)) found.push({ at, end: at + m[0].length, value: 1 });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

/** A bare number standing alone as a word after a name ("Voyager 2", "Core i7 860 Processor"), not glued into a code. */
function standalone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  return /^\d+$/.test(text.slice(start, end)) && /\s/.test(before) && /[\s.,;:!?)]/.test(after);
}

/** Units that read as words after "a" but mean something else there ("a second time", "a point", "a degree of"). */
const NOT_ONE_UNIT = new Set(['second', 'minute', 'point', 'degree', 'mark', 'grade', 'unit', 'units', 'pound', 'pounds', 'yard', 'foot', 'ton', 'tons', 'week', 'day', 'year', 'month', 'hour', 'time', 'times', 'fold', 'bit']);
let oneUnit: RegExp | null = null;

function oneUnitRe(): RegExp {
  if (oneUnit) return oneUnit;
  const lx = lexicons();
  const words = [...lx.unitWords.entries()]
    .filter(([w, u]) => !NOT_ONE_UNIT.has(w) && u.kind !== 'count' && u.kind !== 'percent' && !w.endsWith('s') && !w.includes(' '))
    .map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  oneUnit = new RegExp(`(?<![\\p{L}])an?\\s+(?:baker['’]s\\s+|square\\s+)?(?:dozen|gross|${words.join('|')})(?![\\p{L}])`, 'giu');
  return oneUnit;
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
