import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { goldenFixtures } from '../helpers.js';
import { goldenActual } from '../../scripts/golden.js';

for (const f of goldenFixtures()) {
  test(`golden: ${f.name} matches expected.json (refresh with npm run golden -- --update)`, async () => {
    assert.ok(existsSync(f.expected), `missing ${f.expected}; run npm run golden -- --update`);
    const expected = JSON.parse(readFileSync(f.expected, 'utf8'));
    assert.deepEqual(await goldenActual(f.input), expected);
  });
}
