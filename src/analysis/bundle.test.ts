import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { bundleFromDoc, uniqueIds } from './bundle.js';
import { Doc } from '../doc/doc.js';
import type { Quote } from '../doc/types.js';
import { analyzeRecord } from './analyze.js';

test('uniqueIds keeps the first id at a position and suffixes later ones', () => {
  const rows: [string[], number[], string[]][] = [
    [['d.q1', 'd.q9'], [5, 12], ['d.q1', 'd.q9']],
    [['d.q1', 'd.q1'], [40, 20], ['d.q1', 'd.q1-20']],
    [['d.q1', 'd.q1', 'd.q1'], [40, 20, 20], ['d.q1', 'd.q1-20', 'd.q1-20-2']],
    [[], [], []],
  ];
  for (const [ids, ends, expected] of rows) assert.deepEqual(uniqueIds(ids, ends), expected);
});

test('two quotes that share a start get different ids (nested attributions)', () => {
  const text = 'In fact, Howard said, the jurors asked the holdouts to vote.';
  const doc = new Doc('n1', { text });
  doc.text = text;
  const quote = (start: number, end: number): Quote => ({ start, end, kind: 'indirect', speaker: null, source: null, cue: 'said', cueSpan: null, via: [] });
  doc.quotes = [quote(0, 60), quote(0, 20)];
  const b = bundleFromDoc(doc);
  assert.deepEqual(b.quotes.map((q) => q.id), ['n1.q0', 'n1.q0-20']);
});

test('the analysed seed articles have unique quote and claim ids', () => {
  const dir = new URL('../../examples/seeds/', import.meta.url);
  for (const f of readdirSync(dir)) {
    const b = analyzeRecord({ id: f, text: readFileSync(new URL(f, dir), 'utf8') });
    for (const items of [b.quotes, b.claims]) assert.equal(new Set(items.map((x) => x.id)).size, items.length, f);
  }
});
