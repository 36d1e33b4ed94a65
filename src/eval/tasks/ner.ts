/**
 * Eval task `ner`: CoNLL-2003 dev, exact-span entity F1 over PER/ORG/LOC (armed groups count as ORG;
 * MISC is ignored on both sides). Each document's tokens are joined with spaces (sentences with
 * newlines), run through the sentences and entities components, and mentions map back to spans.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../../components/sentences/index.js';
import { findEntities } from '../../components/entities/index.js';
import type { EntityType } from '../../doc/types.js';
import { prf } from '../metrics.js';
import type { EvalOptions, EvalResult, EvalRow, EvalTask } from '../task.js';
import { readConll } from './conll.js';
import type { ConllDoc } from './conll.js';

const TYPE_OF: Record<EntityType, 'PER' | 'ORG' | 'LOC'> = { person: 'PER', organization: 'ORG', group: 'ORG', location: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'] as const;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Predicted PER/ORG/LOC spans for one CoNLL document. */
export function predictConll(doc: ConllDoc, model: boolean): { start: number; end: number; type: string }[] {
  const d = new Doc('conll', { text: doc.text });
  d.text = doc.text;
  sentences.create().run(d);
  findEntities(d, { model });
  return d.mentions.map((m) => ({ start: m.start, end: m.end, type: TYPE_OF[d.entities[m.entity]!.type] }));
}

function score(docs: ConllDoc[], model: boolean, errors: string[] | null): Map<string, Counts> {
  const counts = new Map<string, Counts>([...TYPES, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const pred = predictConll(doc, model);
    const gold = doc.entities.filter((e) => e.type !== 'MISC');
    const key = (s: number, e: number, t: string): string => `${s}:${e}:${t}`;
    const goldKeys = new Set(gold.map((g) => key(g.start, g.end, g.type)));
    const predKeys = new Set(pred.map((p) => key(p.start, p.end, p.type)));
    for (const p of pred) {
      const hit = goldKeys.has(key(p.start, p.end, p.type));
      for (const t of [p.type, 'all']) counts.get(t)![hit ? 'tp' : 'fp']++;
      if (!hit && errors && errors.length < 400) errors.push(`FP ${p.type} "${doc.text.slice(p.start, p.end)}"`);
    }
    for (const g of gold) {
      if (predKeys.has(key(g.start, g.end, g.type))) continue;
      for (const t of [g.type, 'all']) counts.get(t)!.fn++;
      if (errors && errors.length < 400) errors.push(`FN ${g.type} "${doc.text.slice(g.start, g.end)}"`);
    }
  }
  return counts;
}

/** CoNLL-2003 dev entity F1 (tagger + rules, and the rule/gazetteer baseline). */
export const nerTask: EvalTask = {
  name: 'ner',
  dataset: 'conll2003',
  summary: 'Named entities on CoNLL-2003 dev: exact-span F1 over PER/ORG/LOC (groups count as ORG, MISC ignored).',
  async run(options: EvalOptions): Promise<EvalResult> {
    const t0 = Date.now();
    const path = join(options.datasetsDir, 'conll2003', 'dev.txt');
    if (!existsSync(path)) return { task: 'ner', rows: [], errors: [], skipped: `conll2003 not found at ${path}; put CoNLL-2003 dev.txt there to run this task` };
    let docs = readConll(path);
    if (options.limit !== undefined) docs = docs.slice(0, options.limit);
    const errors: string[] = [];
    const rows: EvalRow[] = [];
    const full = score(docs, true, options.errors ? errors : null);
    for (const t of ['all', ...TYPES]) {
      const c = full.get(t)!;
      const r = prf(c.tp, c.fp, c.fn);
      rows.push({ metric: t === 'all' ? 'entity (PER+ORG+LOC)' : `entity ${t}`, precision: r.precision, recall: r.recall, f1: r.f1, n: c.tp + c.fn, ...(t === 'all' ? { target: 0.88 } : {}) });
    }
    const base = score(docs, false, null).get('all')!;
    const b = prf(base.tp, base.fp, base.fn);
    rows.push({ metric: 'baseline: rules + gazetteers only', precision: b.precision, recall: b.recall, f1: b.f1, n: base.tp + base.fn });
    return { task: 'ner', rows, errors, seconds: (Date.now() - t0) / 1000 };
  },
};
