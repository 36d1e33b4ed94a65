/**
 * Regression guard: runs the evaluation harness on small committed slices (our own hand-written
 * sentences and pages, in each benchmark's format) and fails when a score drops below its recorded floor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEval } from '../src/eval/run.js';
import { ROOT } from './helpers.js';

const SLICES = join(ROOT, 'test', 'fixtures', 'eval-slices');
const floors: Record<string, number> = JSON.parse(readFileSync(join(SLICES, 'floors.json'), 'utf8'));

test('every eval task scores at or above its floor on the committed slices', async () => {
  const results = await runEval([], { datasetsDir: SLICES, errors: true });
  const scores = new Map<string, number>();
  for (const r of results) for (const row of r.rows) scores.set(`${r.task}/${row.metric}`, row.f1);
  for (const [key, floor] of Object.entries(floors)) {
    if (key.startsWith('_')) continue;
    const f1 = scores.get(key);
    assert.ok(f1 !== undefined, `no score for ${key}; tasks scored: ${[...scores.keys()].join(', ')}`);
    const errors = results.find((r) => key.startsWith(r.task + '/'))?.errors.slice(0, 10).join('\n');
    assert.ok(f1 >= floor, `${key}: F1 ${f1.toFixed(3)} fell below the floor ${floor}\n${errors}`);
  }
});
