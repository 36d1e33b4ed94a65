import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { loadSourceWeights, pickSource, sourceCandidates, tokenRange, tokenSpan, wordHashes, MAX_LEN } from './source-model.js';

function docOf(text: string): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  return doc;
}

function ranges(doc: Doc, cue: string, content: string): [number, number, number, number] {
  const t = doc.text;
  const [c0, c1] = tokenRange(doc.tokens, t.indexOf(cue), t.indexOf(cue) + cue.length);
  const [k0, k1] = tokenRange(doc.tokens, t.indexOf(content), t.indexOf(content) + content.length);
  return [c0, c1, k0, k1];
}

// [sentence, cue, content, expected source]: subject before the cue, inverted "..., X warned",
// belief and action cues, "according to", a passive agent after "by".
const ROWS: [string, string, string, string][] = [
  ['Senator Jane Smith said the bill would fail.', 'said', 'the bill would fail', 'Senator Jane Smith'],
  ['The bill would fail, the senator warned on Monday.', 'warned', 'The bill would fail', 'the senator'],
  ['Voters in Iowa want a candidate with experience.', 'want', 'a candidate with experience', 'Voters in Iowa'],
  ['He congratulated the winner of the primary.', 'congratulated', 'the winner of the primary', 'He'],
  ['The plan is doomed, according to the White House.', 'according to', 'The plan is doomed', 'the White House'],
  ['Most analysts expect a rebound next year.', 'expect', 'a rebound next year', 'Most analysts'],
];

test('pickSource picks the source span of a cue', () => {
  const w = loadSourceWeights();
  assert.ok(w, 'weights file present');
  for (const [text, cue, content, want] of ROWS) {
    const doc = docOf(text);
    const [c0, c1, k0, k1] = ranges(doc, cue, content);
    const p = pickSource(text, doc.tokens, wordHashes(doc.tokens), w, c0, c1, k0, k1);
    assert.ok(p.from >= 0, `a source for ${text}`);
    const s = tokenSpan(doc.tokens, p.from, p.to);
    assert.equal(text.slice(s.start, s.end), want, text);
    assert.ok(p.overNull > 0);
  }
});

test('sourceCandidates: NULL first, no span crosses the cue or the content, none longer than MAX_LEN', () => {
  const text = 'Officials in the capital of the country said on Tuesday that the talks, “stalled for months,” would resume.';
  const doc = docOf(text);
  const [c0, c1, k0, k1] = ranges(doc, 'said', 'the talks, “stalled for months,” would resume');
  const c = sourceCandidates(text, doc.tokens, wordHashes(doc.tokens), c0, c1, k0, k1);
  assert.equal(c.from[0], -1);
  assert.ok(c.n > 5);
  const spans = new Set<string>();
  for (let i = 1; i < c.n; i++) {
    const a = c.from[i]!;
    const b = c.to[i]!;
    assert.ok(b - a >= 1 && b - a <= MAX_LEN);
    assert.ok(b <= c0 || a >= c1, 'not across the cue');
    assert.ok(b <= k0 || a >= k1, 'not across the content');
    const s = tokenSpan(doc.tokens, a, b);
    spans.add(text.slice(s.start, s.end));
  }
  assert.ok(spans.has('Officials'));
  // Spans do not open or close on function words.
  assert.ok(!spans.has('Officials in'));
  assert.ok(!spans.has('of the country'));
});
