/** Runs evaluation tasks and prints one table. */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { EvalOptions, EvalResult, EvalTask } from './task.js';
import { EVAL_TASKS } from './tasks/index.js';

/**
 * Run the named tasks (all when empty). A task whose dataset is absent is skipped with its reason.
 * @example const results = await runEval(['quantities'], { datasetsDir: '../shared/datasets', errors: false })
 */
export async function runEval(names: string[], options: EvalOptions, tasks: readonly EvalTask[] = EVAL_TASKS): Promise<EvalResult[]> {
  const chosen = names.length ? names.map((n) => {
    const t = tasks.find((x) => x.name === n);
    if (!t) throw new UsageError(`unknown eval task '${n}'; known tasks: ${tasks.map((x) => x.name).join(', ')}`);
    return t;
  }) : [...tasks];
  const results: EvalResult[] = [];
  for (const task of chosen) {
    const dir = `${options.datasetsDir}/${task.dataset}`;
    if (!existsSync(dir)) {
      results.push({ task: task.name, rows: [], errors: [], skipped: `dataset '${task.dataset}' not found at ${dir}; set --datasets or CROSSCHECK_DATASETS to the datasets folder` });
      continue;
    }
    const t0 = performance.now();
    const r = await task.run(options);
    r.seconds ??= (performance.now() - t0) / 1000;
    results.push(r);
  }
  return results;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

/**
 * One table: task, metric, P, R, F1, n, target.
 * @example process.stdout.write(formatEvalTable(results))
 */
export function formatEvalTable(results: EvalResult[]): string {
  const lines = [`${'task'.padEnd(14)} ${'metric'.padEnd(28)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'n'.padStart(7)} ${'target'.padStart(7)}`];
  lines.push('-'.repeat(lines[0]!.length));
  for (const r of results) {
    if (r.skipped) {
      lines.push(`${r.task.padEnd(14)} skipped: ${r.skipped}`);
      continue;
    }
    for (const row of r.rows) {
      const target = row.target === undefined ? '' : pct(row.target);
      const met = row.target === undefined ? '' : row.f1 >= row.target ? ' ✓' : ' ✗';
      lines.push(`${r.task.padEnd(14)} ${row.metric.padEnd(28)} ${pct(row.precision)} ${pct(row.recall)} ${pct(row.f1)} ${String(row.n).padStart(7)} ${target.padStart(7)}${met}`);
    }
  }
  return lines.join('\n') + '\n';
}
