import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nerTask } from './ner.js';
import { readConll } from './conll.js';

test('ner skips with a reason when the dataset is missing', async () => {
  const r = await nerTask.run({ datasetsDir: '/nonexistent/datasets', errors: false });
  assert.equal(r.rows.length, 0);
  assert.match(r.skipped ?? '', /conll2003 not found/);
});

test('readConll turns IOB tags into character spans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conll-'));
  const path = join(dir, 'x.txt');
  writeFileSync(path, 'EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n\nPeter B-PER\nBlackburn I-PER\n\n');
  const [doc] = readConll(path);
  assert.equal(doc!.text, 'EU rejects German call\nPeter Blackburn\n');
  const rows: [string, string][] = doc!.entities.map((e) => [doc!.text.slice(e.start, e.end), e.type]);
  assert.deepEqual(rows, [['EU', 'ORG'], ['German', 'MISC'], ['Peter Blackburn', 'PER']]);
});

test('ner scores a small gold file end to end', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conll-'));
  mkdirSync(join(dir, 'conll2003'));
  writeFileSync(join(dir, 'conll2003', 'dev.txt'), 'The O\nTaliban B-ORG\nattacked O\nKabul B-LOC\n. O\n\nJohn B-PER\nSmith I-PER\nsaid O\nso O\n. O\n\n');
  const r = await nerTask.run({ datasetsDir: dir, errors: true });
  const all = r.rows.find((x) => x.metric.startsWith('entity (PER'))!;
  assert.equal(all.n, 3);
  assert.equal(all.f1, 1, r.errors.join('; '));
});

test('ner on real CoNLL dev (first documents) reaches a sane score', { skip: !existsSync(join(process.cwd(), '..', 'shared', 'datasets', 'conll2003', 'dev.txt')) }, async () => {
  const r = await nerTask.run({ datasetsDir: join(process.cwd(), '..', 'shared', 'datasets'), errors: false, limit: 10 });
  assert.ok(r.rows[0]!.f1 > 0.8, String(r.rows[0]!.f1));
});
