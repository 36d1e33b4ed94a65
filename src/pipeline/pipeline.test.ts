import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOrder, Pipeline, Registry } from './pipeline.js';
import { defineComponent } from './component.js';
import { PipelineError } from '../errors.js';
import { Doc } from '../doc/doc.js';

const a = defineComponent({ name: 'a', requires: ['source'], assigns: ['text'], summary: 'a', create: () => (doc) => void (doc.text = 'x') });
const b = defineComponent({ name: 'b', requires: ['text'], assigns: ['sentences'], summary: 'b', create: () => (doc) => void doc.sentences.push({ start: 0, end: 1 }) });

test('a pipeline whose order works runs every component and records assigned layers', () => {
  const p = new Pipeline([a.create(), b.create()]);
  const doc = p.run(new Doc('d', { text: 'x' }));
  assert.equal(doc.text, 'x');
  assert.deepEqual(doc.sentences, [{ start: 0, end: 1 }]);
  assert.ok(doc.assigned.has('sentences'));
});

test('a pipeline refuses an order that cannot work, naming the missing layer', () => {
  assert.throws(() => new Pipeline([b.create(), a.create()]), (err: unknown) => {
    assert.ok(err instanceof PipelineError);
    assert.equal(err.code, 'E_PIPELINE');
    assert.match(err.message, /'b' requires 'text'/);
    return true;
  });
});

test('checkOrder table', () => {
  const rows: [string[], boolean][] = [
    [['a', 'b'], true],
    [['b'], false],
    [['a'], true],
    [[], true],
  ];
  const byName = { a, b } as const;
  for (const [names, ok] of rows) {
    const run = () => checkOrder(names.map((n) => byName[n as 'a' | 'b']));
    if (ok) assert.doesNotThrow(run, names.join(','));
    else assert.throws(run, PipelineError, names.join(','));
  }
});

test('the registry rejects unknown components with the known names, and duplicates', () => {
  const r = new Registry([a, b]);
  assert.throws(() => r.get('c'), /unknown component 'c'; known components: a, b/);
  assert.throws(() => r.register(a), /registered twice/);
});

test('the registry rejects unknown layer names at registration', () => {
  const bad = defineComponent({ name: 'bad', requires: ['nope' as any], assigns: [], summary: '', create: () => () => {} });
  assert.throws(() => new Registry([bad]), /unknown layer 'nope'/);
});
