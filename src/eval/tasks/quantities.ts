/**
 * NewsQuant (CQE, Almasian et al. 2023): quantities in news sentences. Scores value, value+normalized
 * unit and value+change exactly as CQE's evaluate_models.py `calculate_metrics` does, including its
 * quirks (a gold item may count several value hits up to the sentence's gold count; a model item is
 * consumed only when value and unit both match).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanNumbers, type Quantity } from '../../components/claims/quantities.js';
import { lexicons } from '../../components/claims/lexicons.js';
import type { EvalOptions, EvalResult, EvalTask } from '../task.js';

interface GoldQuantity {
  value: string;
  change: string;
  unit: string;
  normalized_unit: string;
}

/** A quantity in CQE's comparison shape: a number, or a [first, second] range as written. */
export interface CqeQuantity {
  value: number | [number, number];
  normalizedUnit: string;
  change: string;
}

const CHANGE: Record<string, string> = { exact: '=', approx: '~', more_than: '>', at_least: '>', less_than: '<', up_to: '<' };

/** Comparatives and irregular superlatives NewsQuant writes as their base adjective ("two smaller tenancies" -> "small tenancy"). */
const ADJECTIVE_BASE: Record<string, string> = {
  best: 'good', better: 'good', worst: 'bad', worse: 'bad', most: '', least: '', smaller: 'small', larger: 'large', bigger: 'big',
  greater: 'great', higher: 'high', lower: 'low', older: 'old', younger: 'young', newer: 'new', longer: 'long', shorter: 'short',
  richer: 'rich', poorer: 'poor', cheaper: 'cheap', wider: 'wide', fewer: 'few', further: 'far', farther: 'far',
};
/** Adjectives whose superlative drops a final e ("largest" -> "large"). */
const E_BASES = new Set(['large', 'late', 'fine', 'wide', 'safe', 'close', 'nice', 'rare', 'strange', 'simple', 'gentle', 'pure', 'sure', 'true', 'wise', 'brave', 'cute', 'loose', 'dense', 'severe', 'huge', 'white', 'free', 'able', 'noble', 'subtle', 'tame', 'polite', 'remote', 'ripe', 'rude', 'vile', 'pale', 'tense', 'blue']);
/** Words ending in -est that are no superlatives. */
const NOT_SUPERLATIVE = new Set(['forest', 'protest', 'contest', 'request', 'harvest', 'interest', 'midwest', 'honest', 'modest', 'arrest', 'manifest', 'digest', 'suggest', 'invest', 'conquest', 'southwest', 'northwest']);

function adjectiveBase(w: string): string {
  const b = ADJECTIVE_BASE[w];
  if (b !== undefined) return b;
  if (w.length >= 6 && w.endsWith('est') && !NOT_SUPERLATIVE.has(w)) {
    const stem = w.slice(0, -3);
    if (stem.endsWith('i')) return `${stem.slice(0, -1)}y`;
    if (/([bdgmnpt])\1$/.test(stem)) return stem.slice(0, -1);
    if (E_BASES.has(`${stem}e`)) return `${stem}e`;
    return stem;
  }
  return w;
}

function singularWord(w: string): string {
  if (w === 'people' || w === 'police' || w === 'staff' || w === 'personnel' || w === 'news' || w === 'series' || w === 'species') return w;
  if (/men$/.test(w)) return w.replace(/men$/, 'man');
  if (/ies$/.test(w)) return w.replace(/ies$/, 'y');
  if (/[^aeiou]uses$/.test(w)) return w.slice(0, -2);
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Singular, lower-case form of a counted noun phrase with base-form adjectives, as NewsQuant writes units ("European countries" -> "european country", "hottest cars" -> "hot car"). */
export function singularPhrase(phrase: string): string {
  const words = phrase.toLowerCase().split(/\s+/);
  const last = words.length - 1;
  for (let i = 0; i < last; i++) words[i] = adjectiveBase(words[i]!);
  words[last] = singularWord(words[last]!);
  return words.filter((w) => w !== '' && w !== 'and').join(' ');
}

/**
 * NewsQuant's view of our quantities: amounts and ages (the dataset annotates "Nick Hague, 44" as years of age).
 * @example cqeQuantities('up 5% to $84').map((q) => q.change) // ['up', '=']
 */
export function cqeQuantities(text: string): CqeQuantity[] {
  const out: CqeQuantity[] = [];
  for (const q of scanNumbers(text)) {
    if (q.kind !== 'quantity' && q.kind !== 'age') continue;
    out.push({ value: cqeValue(q), normalizedUnit: cqeUnit(text, q), change: cqeChange(q) });
  }
  return out;
}

function cqeValue(q: Quantity): number | [number, number] {
  if (q.low === q.high) return q.low;
  return q.descending ? [q.high, q.low] : [q.low, q.high];
}

/** "one of the hottest cars in the world": NewsQuant keeps the scope's content words ("hot car world"). */
const SCOPE_AFTER_RE = /^[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?((?:\p{Lu}[\p{L}]*)(?:[ \u00a0]+\p{Lu}[\p{L}]*){0,3}|world|country|region|city|state|league|industry|market)(?![\p{L}])/u;
/** "three thousand tests per day": a counted noun with a rate. */
const RATE_AFTER_RE = /^[ \u00a0]+(?:per|a|an|each|every)[ \u00a0]+(second|minute|hour|day|week|month|year)(?![\p{L}])/iu;

function cqeUnit(text: string, q: Quantity): string {
  const fraction = q.unitKind === 'fraction';
  if (q.normalizedUnit) return q.normalizedUnit;
  if (q.ofSpan) {
    const phrase = text.slice(q.ofSpan.start, q.ofSpan.end);
    const words = phrase.split(/\s+/);
    // "517 rushing yards": a unit head keeps the unit's name.
    const headUnit = lexicons().unitWords.get(words[words.length - 1]!.toLowerCase());
    if (!fraction && headUnit && headUnit.kind !== 'count' && headUnit.kind !== 'currency') return headUnit.normalized;
    let unit = singularPhrase(phrase);
    const after = text.slice(q.ofSpan.end, q.ofSpan.end + 60);
    if (q.low === 1 && q.high === 1) {
      const scope = SCOPE_AFTER_RE.exec(after);
      if (scope) unit += ` ${scope[1]!.toLowerCase()}`;
    }
    const rate = RATE_AFTER_RE.exec(after);
    if (rate) unit += ` per ${rate[1]!.toLowerCase()}`;
    return fraction ? `% ${unit}` : unit;
  }
  return fraction ? '% -' : '-';
}

function cqeChange(q: Quantity): string {
  if (q.direction) return q.direction;
  if (q.vague) return '=';
  return CHANGE[q.qualifier] ?? '=';
}

function parseGoldValue(v: string): number | [number, number] {
  if (!v.includes('E') && !v.startsWith('-') && v.includes('-')) {
    const [a, b] = v.split('-');
    return [Number(a), Number(b)];
  }
  return Number(v);
}

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

function valuesMatch(g: number | [number, number], m: number | [number, number]): boolean {
  if (Array.isArray(g) && Array.isArray(m)) return isClose(m[0], g[0]) && isClose(m[1], g[1]);
  if (Array.isArray(g) || Array.isArray(m)) return false;
  return isClose(m, g);
}

const byUnit = (a: { u: string }, b: { u: string }): number => (a.u < b.u ? -1 : a.u > b.u ? 1 : 0);

/** CQE's calculate_metrics counts for one sentence. */
export function cqeCounts(gold: GoldQuantity[], model: CqeQuantity[]): { value: number; unit: number; change: number } {
  let value = 0;
  let unit = 0;
  let change = 0;
  let tags = model.map((m) => ({ v: m.value, u: m.normalizedUnit.toLowerCase(), c: m.change })).sort(byUnit);
  const gt = gold.map((g) => ({ v: parseGoldValue(g.value), u: g.normalized_unit.toLowerCase(), c: g.change })).sort(byUnit);
  let remaining = gold.length;
  for (const g of gt) {
    for (const t of tags) {
      if (!valuesMatch(g.v, t.v)) continue;
      if (remaining > 0) {
        value++;
        remaining--;
      }
      if (t.c === g.c) change++;
      if (t.u === g.u) {
        unit++;
        tags = tags.filter((x) => x !== t).sort(byUnit);
        break;
      }
    }
  }
  return { value, unit, change };
}

function fscore(tp: number, gold: number, model: number): { precision: number; recall: number; f1: number } {
  const precision = model ? tp / model : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function fmt(v: CqeQuantity['value']): string {
  return Array.isArray(v) ? `${v[0]}-${v[1]}` : String(v);
}

export const quantitiesTask: EvalTask = {
  name: 'quantities',
  dataset: 'newsquant',
  summary: 'NewsQuant dev: quantity value / value+unit / value+change P/R/F1 (CQE matching)',
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = performance.now();
    const path = join(options.datasetsDir, 'newsquant', 'dev.json');
    if (!existsSync(path)) return { task: 'quantities', rows: [], errors: [], skipped: `newsquant not found at ${path}; see the datasets README` };
    let items = JSON.parse(readFileSync(path, 'utf8')) as { text: string; quantities: GoldQuantity[] }[];
    if (options.limit) items = items.slice(0, options.limit);
    let nGold = 0;
    let nModel = 0;
    let cv = 0;
    let cu = 0;
    let cc = 0;
    const errors: string[] = [];
    for (const it of items) {
      const model = cqeQuantities(it.text);
      const c = cqeCounts(it.quantities, model);
      nGold += it.quantities.length;
      nModel += model.length;
      cv += c.value;
      cu += c.unit;
      cc += c.change;
      if (options.errors && (c.unit < it.quantities.length || c.unit < model.length || c.change < it.quantities.length)) {
        errors.push(
          `${it.text}\n  gold:  ${it.quantities.map((g) => `${g.value} ${g.change} ${g.normalized_unit}`).join(' | ')}\n  model: ${model.map((m) => `${fmt(m.value)} ${m.change} ${m.normalizedUnit}`).join(' | ')}`,
        );
      }
    }
    const row = (metric: string, tp: number, target: number) => ({ metric, ...fscore(tp, nGold, nModel), n: nGold, target });
    return {
      task: 'quantities',
      rows: [row('value', cv, 0.93), row('value+unit', cu, 0.87), row('value+change', cc, 0.9)],
      errors,
      seconds: (performance.now() - t0) / 1000,
    };
  },
};
