import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalyzerPool } from './pool.js';
import { storyTextFeatures } from '../corpus/stories.js';

test('the pool analyzes records in worker threads and returns the same bundle as the main thread', async () => {
  const pool = new AnalyzerPool(2);
  try {
    const texts = ['MOSCOW, May 2. /TASS/. "We are concerned," the minister said.', 'The agency said 40 people were hurt.'];
    const bundles = await Promise.all(texts.map((text, i) => pool.analyze({ id: `p${i}`, text })));
    assert.deepEqual(bundles.map((b) => b.document.id), ['p0', 'p1']);
    assert.equal(bundles[0]!.document.text.includes('We are concerned'), true);
    assert.equal(pool.size, 2);
    // Story inputs computed in the worker ride along off the output (non-enumerable: never serialised).
    assert.deepEqual(bundles[1]!.prepared, storyTextFeatures(bundles[1]!.document.text));
    assert.equal(Object.keys(bundles[1]!).includes('prepared'), false);
  } finally {
    await pool.close();
  }
});
