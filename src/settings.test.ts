import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envName, flagName, loadSettings, SETTINGS } from './settings.js';

test('defaults < env < flags', () => {
  assert.equal(loadSettings({ env: {}, configPath: null }).port, 8017);
  assert.equal(loadSettings({ env: { CROSSCHECK_PORT: '9000' }, configPath: null }).port, 9000);
  assert.equal(loadSettings({ env: { CROSSCHECK_PORT: '9000' }, flags: { port: '9100' }, configPath: null }).port, 9100);
  assert.equal(loadSettings({ env: { CROSSCHECK_ALLOW_PRIVATE: 'yes' }, configPath: null }).allowPrivate, true);
});

test('bad values say what was expected and what was found', () => {
  assert.throws(() => loadSettings({ env: { CROSSCHECK_PORT: 'abc' }, configPath: null }), /expected a number, found "abc"/);
  assert.throws(() => loadSettings({ env: { CROSSCHECK_ALLOW_PRIVATE: 'maybe' }, configPath: null }), /expected true or false/);
});

test('names map to env vars and flags', () => {
  assert.equal(envName('maxInputBytes'), 'CROSSCHECK_MAX_INPUT_BYTES');
  assert.equal(flagName('maxInputBytes'), 'max-input-bytes');
  for (const s of SETTINGS) assert.ok(s.help.length > 10, s.name);
});
