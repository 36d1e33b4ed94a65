import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../../doc/doc.js';
import { sentences } from '../../sentences/index.js';
import { ATTR_TAGS, NT, W_STRIDE, decodeTags, tagInput } from '../tagger.js';
import { trainCrf, type CrfUnit } from './crf.js';

const tag = (name: (typeof ATTR_TAGS)[number]): number => ATTR_TAGS.indexOf(name);

/** Gold tags for a sentence: source words, cue words and content words by word index (the rest O). */
function unitOf(text: string, source: number[], cue: number[], content: number[]): CrfUnit {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  const inp = tagInput(doc.text, doc.tokens);
  const gold = new Uint8Array(inp.n);
  const mark = (idx: number[], b: number): void => idx.forEach((i, k) => { gold[i] = k === 0 ? b : b + 1; });
  mark(source, tag('B-SRC'));
  mark(cue, tag('B-CUE'));
  mark(content, tag('B-CON'));
  return { inp, gold, from: 0, to: inp.n };
}

test('trainCrf learns tags a linear model can fit, and its weights decode through the tagger', () => {
  const units = [
    unitOf('Officials said the bridge would reopen soon .', [0], [1], [2, 3, 4, 5, 6]),
    unitOf('Analysts said the market would recover soon .', [0], [1], [2, 3, 4, 5, 6]),
    unitOf('The bridge reopened on Monday .', [], [], []),
  ];
  const w = trainCrf(units, 40, () => {});
  assert.ok(w.every(Number.isFinite));
  // As the tagger loads them: int8 rows of W_STRIDE, scaled to the largest weight.
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const rows = w.length / NT;
  const q = new Int8Array(rows * W_STRIDE);
  for (let r = 0; r < rows; r++) for (let t = 0; t < NT; t++) q[r * W_STRIDE + t] = Math.round((w[r * NT + t]! / max) * 127);
  for (const u of units) assert.deepEqual([...decodeTags(u.inp, q)], [...u.gold]);
});
