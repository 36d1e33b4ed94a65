import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Quote } from '../../doc/types.js';
import { attributionTask, parseBrat, quotesOf, toPolnearSpans } from './attribution.js';

test('parseBrat: contents and sources, bounding span for discontinuous ones', () => {
  const ann = ['T1\tSource 0 3\tJim', 'T2\tCue 4 8\tsaid', 'T3\tContent 9 12;20 25\tyes ... maybe', 'E1\tAttribution:T2 Content:T3 Source:T1'].join('\n');
  assert.deepEqual(parseBrat(ann), { contents: [{ start: 9, end: 25 }], sources: [{ start: 0, end: 3 }] });
});

test('toPolnearSpans: quote marks, "that", split quotes merged, nested dropped', () => {
  const text = '“We win,” Jim said. “They lose.” Ann said that prices rise.';
  const q = (start: number, end: number, kind: Quote['kind'], cue: number | null): Quote => ({
    start, end, kind, speaker: null, source: null, cue: cue === null ? null : 'said', cueSpan: cue === null ? null : { start: cue, end: cue + 4 }, via: [],
  });
  const cue = text.indexOf('said');
  const quotes = [
    q(1, 7, 'direct', cue),
    q(text.indexOf('They'), text.indexOf('They') + 10, 'direct', cue),
    q(text.indexOf('prices'), text.length - 1, 'indirect', text.lastIndexOf('said')),
  ];
  const { contents } = toPolnearSpans(text, quotes);
  assert.deepEqual(contents.map((c) => text.slice(c.start, c.end)), ['“We win,” Jim said. “They lose.”', 'that prices rise']);
});

test('quotesOf finds an indirect quote in plain text', () => {
  const qs = quotesOf('The senator said that the bill would pass.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.kind, 'indirect');
});

test('attribution task skips when the dataset is missing, and scores a few dev articles when present', async () => {
  const missing = await attributionTask.run({ datasetsDir: '/nonexistent', errors: false });
  assert.match(missing.skipped ?? '', /polnear not found/);
  const dir = new URL('../../../../shared/datasets', import.meta.url).pathname;
  if (!existsSync(`${dir}/polnear`)) return;
  const r = await attributionTask.run({ datasetsDir: dir, errors: false, limit: 5 });
  assert.deepEqual(r.rows.map((x) => x.metric), ['content overlap', 'content exact', 'source overlap', 'baseline: rules only, content overlap', 'baseline: rules only, source overlap']);
  assert.ok(r.rows[0]!.precision > 0.5, `content precision ${r.rows[0]!.precision}`);
});
