import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzerFingerprint, analyzerVersion, stampAnalyzer } from './version.js';

test('analyzerFingerprint changes with the analysis code and data, not with tests or trainers', () => {
  const src = mkdtempSync(join(tmpdir(), 'crosscheck-version-'));
  try {
    for (const d of ['analysis', 'components/quotes/train', 'components/quotes/data', 'doc', 'pipeline']) mkdirSync(join(src, d), { recursive: true });
    writeFileSync(join(src, 'components/quotes/index.ts'), 'export const a = 1;');
    writeFileSync(join(src, 'components/quotes/data/weights.bin'), Buffer.from([1, 2, 3]));
    const base = analyzerFingerprint(src);
    assert.match(base, /^[0-9a-f]{16}$/);
    assert.equal(analyzerFingerprint(src), base);
    writeFileSync(join(src, 'components/quotes/index.test.ts'), 'test');
    writeFileSync(join(src, 'components/quotes/train/train-x.ts'), 'train');
    assert.equal(analyzerFingerprint(src), base, 'tests and trainers do not count');
    writeFileSync(join(src, 'components/quotes/data/weights.bin'), Buffer.from([1, 2, 4]));
    assert.notEqual(analyzerFingerprint(src), base, 'retrained weights count');
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
});

test('stampAnalyzer marks a bundle without changing its output', () => {
  const bundle = stampAnalyzer({ document: { id: 'd1' } } as { document: { id: string }; analyzer?: string });
  assert.equal(bundle.analyzer, analyzerVersion());
  assert.equal(JSON.stringify(bundle), '{"document":{"id":"d1"}}');
});
