/**
 * Main-text extraction on trafilatura's English evaluation pages: a `with` snippet found in the output is a
 * true positive (missed: false negative); a `without` snippet found is a false positive.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanText } from '../../components/clean/index.js';
import { extractHtml, textOfNode } from '../../components/extract/html.js';
import { decodeBytes } from '../../ingest/decode.js';
import { prf } from '../metrics.js';
import type { EvalResult, EvalTask } from '../task.js';

const DATASET = 'trafilatura-eval-en';

interface EvalItem {
  file: string;
  with: string[];
  without: string[];
}

type System = (html: string) => string;

/** Whitespace-collapsed text, so line breaks between blocks don't hide a snippet. */
export function normalizeForMatch(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Snippet counts for one page. @example scoreSnippets('a b c', { file: '', with: ['b'], without: ['z'] }) // { tp: 1, fp: 0, fn: 0 } */
export function scoreSnippets(output: string, item: EvalItem): { tp: number; fp: number; fn: number; missed: string[]; leaked: string[] } {
  const text = normalizeForMatch(output);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const missed: string[] = [];
  const leaked: string[] = [];
  for (const w of item.with) {
    if (text.includes(normalizeForMatch(w))) tp++;
    else {
      fn++;
      missed.push(w);
    }
  }
  for (const w of item.without) {
    if (text.includes(normalizeForMatch(w))) {
      fp++;
      leaked.push(w);
    }
  }
  return { tp, fp, fn, missed, leaked };
}

const SYSTEMS: [string, System][] = [
  ['snippet: crosscheck (extract+clean)', (html) => cleanText(extractHtml(html).text).text],
  [
    'snippet: readability baseline',
    (html) => {
      const { document } = parseHTML(html);
      try {
        return new Readability(document as unknown as Document).parse()?.textContent ?? '';
      } catch {
        return '';
      }
    },
  ],
  [
    'snippet: no cleaning (all body)',
    (html) => {
      const { document } = parseHTML(html);
      const body = document.body ?? document.documentElement;
      return body ? textOfNode(body as never, false) : '';
    },
  ],
];

/** Snippet P/R/F1 for our extractor and two baselines on trafilatura-eval-en. */
export const extractionTask: EvalTask = {
  name: 'extraction',
  dataset: DATASET,
  summary: 'Main-text extraction from HTML (trafilatura-eval-en snippets): ours vs Readability vs all body text.',
  async run(options): Promise<EvalResult> {
    const dir = join(options.datasetsDir, DATASET);
    const evalPath = join(dir, 'evaldata.json');
    if (!existsSync(evalPath)) return { task: 'extraction', rows: [], errors: [], skipped: `${DATASET} not found at ${dir}; set --datasets to the datasets folder` };
    const data = JSON.parse(await readFile(evalPath, 'utf8')) as Record<string, EvalItem>;
    let entries = Object.entries(data).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    if (options.limit) entries = entries.slice(0, options.limit);
    const counts = SYSTEMS.map(() => ({ tp: 0, fp: 0, fn: 0, n: 0 }));
    const errors: string[] = [];
    for (const [url, item] of entries) {
      let html: string;
      try {
        html = decodeBytes(await readFile(join(dir, item.file)), { html: true }).text;
      } catch (err) {
        errors.push(`${item.file}: cannot read (${(err as Error).message})`);
        continue;
      }
      SYSTEMS.forEach(([name, sys], k) => {
        const r = scoreSnippets(sys(html), item);
        const c = counts[k]!;
        c.tp += r.tp;
        c.fp += r.fp;
        c.fn += r.fn;
        c.n += item.with.length;
        if (options.errors && k === 0) {
          for (const m of r.missed) errors.push(`${url} [${name}] missed: ${m}`);
          for (const l of r.leaked) errors.push(`${url} [${name}] leaked: ${l}`);
        }
      });
    }
    const rows = SYSTEMS.map(([name], k) => {
      const c = counts[k]!;
      const p = prf(c.tp, c.fp, c.fn);
      return { metric: name, precision: p.precision, recall: p.recall, f1: p.f1, n: c.n, ...(k === 0 ? { target: 0.93 } : {}) };
    });
    return { task: 'extraction', rows, errors };
  },
};
