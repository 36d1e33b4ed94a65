import { resolve } from 'node:path';
import { formatEvalTable, runEval } from '../../eval/run.js';
import { EVAL_TASKS } from '../../eval/tasks/index.js';
import type { Command } from '../command.js';

/** `crosscheck eval [--task NAME]...`: score the pipeline on public benchmarks. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the pipeline on public benchmark datasets and print one table (P/R/F1, n, target).',
  usage: 'eval [--task NAME]... [--errors] [--limit N] [--json]',
  description: `
Runs each evaluation task on its development split, read from the datasets folder (default
../shared/datasets; datasets are never copied into the repo). A task whose dataset is absent is
skipped with a message. Metrics re-implement each dataset's standard scorer; docs/EVALUATION.md
describes them and the baselines. Tasks: ${EVAL_TASKS.map((t) => t.name).join(', ') || '(none registered)'}.`,
  examples: ['crosscheck eval', 'crosscheck eval --task quantities --errors | less', 'npm run eval -- --task ner'],
  options: {
    task: { type: 'string', multiple: true, value: 'NAME', help: 'Run only this task (repeatable).' },
    errors: { type: 'boolean', help: 'List every error (missed, spurious or mismatched item) after the table.' },
    limit: { type: 'string', value: 'N', help: 'Score only the first N items of each dataset (quick runs).' },
    json: { type: 'boolean', help: 'Print the results as JSON.' },
  },
  settings: ['datasets'],
  async run({ options, settings, io }) {
    const names = (options.task as string[] | undefined) ?? [];
    const limit = options.limit ? Number(options.limit) : undefined;
    const results = await runEval(names, { datasetsDir: resolve(settings.datasets), errors: Boolean(options.errors), limit });
    if (options.json) {
      io.stdout.write(JSON.stringify(results, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(formatEvalTable(results));
    if (options.errors) {
      for (const r of results) {
        if (!r.errors.length) continue;
        io.stdout.write(`\n== ${r.task}: ${r.errors.length} error(s)\n`);
        for (const e of r.errors) io.stdout.write(e + '\n');
      }
    }
    return 0;
  },
};
