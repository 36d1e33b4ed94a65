import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { extractionTask, scoreSnippets } from './extraction.js';

test('snippet scoring', () => {
  const rows: [string, { with: string[]; without: string[] }, [number, number, number]][] = [
    ['alpha beta\ngamma', { with: ['beta gamma', 'delta'], without: ['alpha'] }, [1, 1, 1]],
    ['', { with: ['a'], without: ['b'] }, [0, 0, 1]],
  ];
  for (const [out, item, [tp, fp, fn]] of rows) {
    const r = scoreSnippets(out, { file: '', ...item });
    assert.deepEqual([r.tp, r.fp, r.fn], [tp, fp, fn]);
  }
});

test('missing dataset is skipped with a reason', async () => {
  const r = await extractionTask.run({ datasetsDir: '/nonexistent', errors: false });
  assert.match(r.skipped ?? '', /not found/);
});

const DATASETS = new URL('../../../../shared/datasets', import.meta.url).pathname;
test('a few pages score well above the all-body baseline', { skip: !existsSync(`${DATASETS}/trafilatura-eval-en`) }, async () => {
  const r = await extractionTask.run({ datasetsDir: DATASETS, errors: false, limit: 12 });
  assert.equal(r.rows.length, 3);
  assert.ok(r.rows[0]!.f1 > r.rows[2]!.f1);
  assert.ok(r.rows[0]!.f1 > 0.8);
});
