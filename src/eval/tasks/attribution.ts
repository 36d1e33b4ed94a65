/**
 * Attribution on PolNeAR dev: content and source spans of the `quotes` component against brat
 * standoff (`Source`, `Cue`, `Content` text-bound annotations). One annotator's file per article
 * (the first in sorted order). Discontinuous gold spans are scored by their bounding span.
 *
 * PolNeAR's conventions differ from ours, so predictions are mapped before scoring:
 * direct/partial content is widened over its quote marks (PolNeAR includes them), indirect content
 * over a preceding "that", quotes sharing one cue (split quotes) merge into one content, and a quote
 * nested inside another is dropped (PolNeAR labels each token with at most one attribution).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Span } from '../../doc/span.js';
import { Doc } from '../../doc/doc.js';
import type { Quote } from '../../doc/types.js';
import { sentences } from '../../components/sentences/index.js';
import { findQuotes, type QuotesOptions } from '../../components/quotes/index.js';
import { matchSpans, prf } from '../metrics.js';
import type { EvalResult, EvalRow, EvalTask } from '../task.js';

const DATASET = 'polnear';

export interface BratAttribution {
  contents: Span[];
  sources: Span[];
}

/**
 * Content and source spans of a brat `.ann` file (bounding span for discontinuous ones).
 * @example parseBrat('T1\tSource 0 3\tJim\nT2\tContent 9 12\tyes').sources // [{ start: 0, end: 3 }]
 */
export function parseBrat(ann: string): BratAttribution {
  const contents: Span[] = [];
  const sources: Span[] = [];
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Content|Source) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const nums = m[2]!.split(/[ ;]/).map(Number);
    const span = { start: Math.min(...nums), end: Math.max(...nums) };
    (m[1] === 'Content' ? contents : sources).push(span);
  }
  return { contents, sources };
}

const OPEN_MARKS = /["“«‘']/;
const CLOSE_MARKS = /["”»’']/;

/**
 * Map our quotes to PolNeAR's span conventions (see the file comment).
 * @example toPolnearSpans(text, doc.quotes).contents
 */
export function toPolnearSpans(text: string, quotes: readonly Quote[]): { contents: Span[]; sources: Span[] } {
  const byCue = new Map<string, Span>();
  const spans: Span[] = [];
  for (const q of quotes) {
    let s = q.start;
    let e = q.end;
    if (q.kind !== 'indirect') {
      let j = s - 1;
      while (j >= 0 && text[j] === ' ') j--;
      if (j >= 0 && OPEN_MARKS.test(text[j]!)) s = j;
      let k = e;
      while (k < text.length && /[,.;:!?\s]/.test(text[k]!) && k - e < 3) k++;
      if (k < text.length && CLOSE_MARKS.test(text[k]!)) e = k + 1;
    } else if (/\bthat\s+$/.test(text.slice(Math.max(0, s - 6), s))) {
      s = text.lastIndexOf('that', s);
    }
    const key = q.cueSpan ? `${q.cueSpan.start}` : '';
    const prev = key ? byCue.get(key) : undefined;
    if (prev) {
      prev.start = Math.min(prev.start, s);
      prev.end = Math.max(prev.end, e);
    } else {
      const span = { start: s, end: e };
      spans.push(span);
      if (key) byCue.set(key, span);
    }
  }
  const contents = spans.filter((a) => !spans.some((b) => b !== a && b.start <= a.start && a.end <= b.end && (b.end - b.start > a.end - a.start || b.start < a.start)));
  const seen = new Set<string>();
  const sources: Span[] = [];
  for (const q of quotes) {
    if (!q.source) continue;
    const k = `${q.source.start}:${q.source.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    sources.push(q.source);
  }
  return { contents, sources };
}

/** Quotes for one article's text (sentences + quotes, no entity layer needed for spans); `tagger: false` gives the rules alone. */
export function quotesOf(text: string, options: QuotesOptions = {}): Quote[] {
  const doc = new Doc('polnear', { text });
  doc.text = text;
  sentences.create().run(doc);
  return findQuotes(doc, options);
}

/** One `.ann` per article: the first file in sorted order. */
export async function polnearFiles(dir: string): Promise<{ text: string; ann: string }[]> {
  const annDir = join(dir, 'attributions');
  const names = (await readdir(annDir)).filter((f) => f.endsWith('.ann')).sort();
  const seen = new Set<string>();
  const out: { text: string; ann: string }[] = [];
  for (const n of names) {
    const stem = n.replace(/(_[0-9a-f]{4})?\.ann$/, '');
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push({ text: join(dir, 'text', `${stem}.txt`), ann: join(annDir, n) });
  }
  return out;
}

/**
 * The attribution task on one PolNeAR split (`dev` for reporting; a `train` sample for tuning rules,
 * since the quotes component's learned cue lexicon comes from train).
 * @example attributionTaskFor('train', 150).name // 'attribution-train'
 */
export function attributionTaskFor(split: 'dev' | 'train', defaultLimit?: number): EvalTask {
  const name = split === 'dev' ? 'attribution' : `attribution-${split}`;
  return {
  name,
  dataset: DATASET,
  summary: `PolNeAR ${split}${defaultLimit ? ` (first ${defaultLimit} articles)` : ''}: content span P/R/F1 (overlap, exact) and source span P/R/F1 (overlap) of the quotes component.${split === 'train' ? ' The shipped models are trained on these articles, so this is a fit, not a held-out score (no targets); to tune rules on it, retrain the quotes models with POLNEAR_HOLDOUT=150.' : ''}`,
  async run(options): Promise<EvalResult> {
    const t0 = performance.now();
    const dir = join(options.datasetsDir, DATASET, 'data', split);
    if (!existsSync(join(dir, 'attributions'))) {
      return { task: name, rows: [], errors: [], skipped: `${DATASET} not found at ${dir}; get PolNeAR v1.0.0 into ${join(options.datasetsDir, DATASET)}` };
    }
    let files = await polnearFiles(dir);
    const limit = options.limit ?? defaultLimit;
    if (limit) files = files.slice(0, limit);
    const counts: Record<'co' | 'ce' | 'so' | 'rco' | 'rso', [number, number, number]> = { co: [0, 0, 0], ce: [0, 0, 0], so: [0, 0, 0], rco: [0, 0, 0], rso: [0, 0, 0] };
    const errors: string[] = [];
    let nContent = 0;
    let nSource = 0;
    const add = (k: keyof typeof counts, r: { tp: number; fp: number; fn: number }): void => {
      counts[k][0] += r.tp;
      counts[k][1] += r.fp;
      counts[k][2] += r.fn;
    };
    for (const f of files) {
      if (!existsSync(f.text)) continue;
      const text = await readFile(f.text, 'utf8');
      const gold = parseBrat(await readFile(f.ann, 'utf8'));
      const pred = toPolnearSpans(text, quotesOf(text));
      nContent += gold.contents.length;
      nSource += gold.sources.length;
      add('co', matchSpans(gold.contents, pred.contents, 'overlap'));
      add('ce', matchSpans(gold.contents, pred.contents, 'exact'));
      add('so', matchSpans(gold.sources, pred.sources, 'overlap'));
      // Baseline side by side: the rules without the learned tagger.
      const rules = toPolnearSpans(text, quotesOf(text, { tagger: false }));
      add('rco', matchSpans(gold.contents, rules.contents, 'overlap'));
      add('rso', matchSpans(gold.sources, rules.sources, 'overlap'));
      if (options.errors) {
        const name = f.ann.split('/').pop();
        for (const g of gold.contents) if (!pred.contents.some((p) => p.start < g.end && g.start < p.end)) errors.push(`${name} missed content: ${text.slice(g.start, g.end).slice(0, 140)}`);
        for (const p of pred.contents) if (!gold.contents.some((g) => p.start < g.end && g.start < p.end)) errors.push(`${name} extra content: ${text.slice(p.start, p.end).slice(0, 140)}`);
        for (const p of pred.sources) if (!gold.sources.some((g) => p.start < g.end && g.start < p.end)) errors.push(`${name} extra source: ${text.slice(p.start, p.end)}`);
        for (const g of gold.sources) if (!pred.sources.some((p) => p.start < g.end && g.start < p.end)) errors.push(`${name} missed source: ${text.slice(g.start, g.end)}`);
      }
    }
    const row = (metric: string, c: [number, number, number], n: number, target?: number): EvalRow => {
      const r = prf(c[0], c[1], c[2]);
      // Targets hold for held-out data only (dev); the train sample is in the models' training data.
      return { metric, precision: r.precision, recall: r.recall, f1: r.f1, n, ...(target !== undefined && split === 'dev' ? { target } : {}) };
    };
    return {
      task: name,
      rows: [
        row('content overlap', counts.co, nContent, 0.75),
        row('content exact', counts.ce, nContent),
        row('source overlap', counts.so, nSource, 0.8),
        row('baseline: rules only, content overlap', counts.rco, nContent),
        row('baseline: rules only, source overlap', counts.rso, nSource),
      ],
      errors,
      seconds: (performance.now() - t0) / 1000,
    };
  },
};
}

export const attributionTask: EvalTask = attributionTaskFor('dev');
/** A 150-article train sample: held out from the quotes models only when they are retrained with POLNEAR_HOLDOUT=150 (for tuning rules without looking at dev); the shipped models train on it. */
export const attributionTrainTask: EvalTask = attributionTaskFor('train', 150);
