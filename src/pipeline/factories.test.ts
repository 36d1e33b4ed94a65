/** Snapshot of the built-in components' names and contracts: changing one is a deliberate act. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry, DEFAULT_PIPELINE, FACTORIES } from './factories.js';
import { Pipeline } from './pipeline.js';

test('component names and contracts', () => {
  assert.deepEqual(
    FACTORIES.map((f) => [f.name, [...f.requires], [...f.assigns]]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [
      ['claims', ['text', 'sentences', 'tokens', 'entities', 'quotes', 'meta'], ['claims']],
      ['clean', ['raw'], ['text']],
      ['entities', ['text', 'sentences', 'tokens', 'meta'], ['entities']],
      ['extract', ['source'], ['raw']],
      ['metadata', ['text'], ['meta']],
      ['quotes', ['text', 'sentences', 'tokens', 'entities', 'meta'], ['quotes']],
      ['sentences', ['text'], ['paragraphs', 'sentences', 'tokens']],
    ],
  );
  for (const f of FACTORIES) assert.ok(f.summary.length > 10, `${f.name} has a summary`);
});

test('the default pipeline builds: its order satisfies every contract', () => {
  const p = Pipeline.fromNames(createRegistry(), DEFAULT_PIPELINE);
  assert.deepEqual(p.names, DEFAULT_PIPELINE);
});
