import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { ATTR_TAGS, decodeTags, loadTaggerWeights, runMargin, stemEnd, tagInput, tagRuns, tagTokens } from './tagger.js';

function tokensOf(text: string): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  return doc;
}

const B_CON = ATTR_TAGS.indexOf('B-CON');
const I_CON = ATTR_TAGS.indexOf('I-CON');

// Texts for the fast path (tagTokens) against the training features (tagInput + decodeTags):
// direct and indirect speech, punctuation shapes, a sentence with no cue, an unusual symbol.
const TEXTS: string[] = [
  'The minister said on Tuesday that the talks would resume next week.',
  '“We will not back down,” the spokeswoman told reporters. “Never.”',
  'According to officials, nearly 300 people were evacuated — most of them from the coast.',
  'Prices rose 4% in May. The index (CPI) fell; analysts expect a rebound § soon!',
  'Critics have long argued the plan is too costly, and she agreed: “It is.”',
  // Inflections outside the cue lexicon take their stem's bucket and cue id.
  'The senator, reiterating his doubts, cautions that donors are reconsidering and warns of losses.',
];

test('stemEnd drops inflection endings', () => {
  const rows: [string, string][] = [
    ['believes', 'believ'], ['believed', 'believ'], ['believing', 'believ'], ['believe', 'believ'],
    ['warned', 'warn'], ['warns', 'warn'], ['denies', 'den'], ['denied', 'den'],
    ['says', 'say'], ['press', 'press'], ['focus', 'focus'], ['thesis', 'thesis'], ['said', 'said'], ['sing', 'sing'],
  ];
  for (const [w, stem] of rows) assert.equal(w.slice(0, stemEnd(w, 0, w.length)), stem, w);
});

test('tagTokens gives the tags of decodeTags over the training features', () => {
  const w = loadTaggerWeights();
  assert.ok(w, 'weights file present');
  for (const text of TEXTS) {
    const doc = tokensOf(text);
    const n = doc.tokens.length;
    // Free tokens, and tokens of a rule content forced to CONTENT.
    const free = new Uint8Array(n);
    const forced = new Uint8Array(n);
    forced[2] = B_CON;
    forced[3] = I_CON;
    for (const f of [free, forced]) {
      const want = decodeTags(tagInput(text, doc.tokens, 0, f), w);
      const got: Uint8Array = tagTokens(text, doc.tokens, w, f.slice()).tags;
      assert.deepEqual(Array.from(got), Array.from(want), text);
    }
  }
});

test('soft contents are forced only when they hold no strong cue word', () => {
  const w = loadTaggerWeights()!;
  // [text, first and last token of the soft content, forced afterwards]
  const cases: [string, number, number, boolean][] = [
    ['He said that the weather was fine and warm today.', 3, 9, true],
    ['He said that officials told reporters the road was closed.', 3, 9, false],
  ];
  for (const [text, from, to, expected] of cases) {
    const doc = tokensOf(text);
    const n = doc.tokens.length;
    const soft = new Uint8Array(n);
    for (let i = from; i <= to; i++) soft[i] = i === from ? B_CON : I_CON;
    const forced = new Uint8Array(n);
    tagTokens(text, doc.tokens, w, forced, 0, soft, 3);
    assert.equal(forced[from] === B_CON && forced[to] === I_CON, expected, text);
  }
});

test('runMargin: how far a label leads the best other tag, minimum over the run', () => {
  // Two tokens, rows of 8 (W_STRIDE): token 0 favours B-CUE by 5, token 1 favours I-CUE by 2.
  const emit = new Int32Array(16);
  emit.set([0, 1, 0, 6, 0, 0, 0, 0], 0);
  emit.set([3, 0, 0, 0, 5, 0, 0, 0], 8);
  const cases: [number, number, number, number][] = [
    // [from, to, label, margin]
    [0, 1, 2, 5],
    [0, 2, 2, 2],
    [1, 2, 2, 2],
    [0, 1, 1, -5],
  ];
  for (const [from, to, label, margin] of cases) assert.equal(runMargin(emit, from, to, label), margin, `${from}-${to} label ${label}`);
});

test('tagRuns: B starts a run, I continues it', () => {
  const cases: [number[], [number, number, number][]][] = [
    [[0, 1, 2, 0, 5], [[1, 1, 3], [3, 4, 5]]],
    [[3, 4, 4, 5, 6], [[2, 0, 3], [3, 3, 5]]],
    [[1, 1], [[1, 0, 1], [1, 1, 2]]],
    [[], []],
  ];
  for (const [tags, runs] of cases) {
    assert.deepEqual(tagRuns(Uint8Array.from(tags)).map((r) => [r.label, r.from, r.to]), runs, tags.join(','));
  }
});
