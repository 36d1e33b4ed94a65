/** Docs are tested (datasette's test_docs habit): generated docs are current, and the README stays true. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliDoc, settingsDoc } from '../scripts/docs.js';
import { ROOT } from './helpers.js';

test('docs/CLI.md is generated from every command (run npm run docs)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'CLI.md'), 'utf8'), cliDoc());
});

test('docs/SETTINGS.md is generated from the settings table (run npm run docs)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'SETTINGS.md'), 'utf8'), settingsDoc());
});

test('the README gives exactly the two commands, and .ci/run calls the same test command', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /^npm start$/m);
  assert.match(readme, /^npm test$/m);
  const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
  assert.match(ci, /^npm test$/m);
});
