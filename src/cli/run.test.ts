import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, suggest } from './run.js';
import { memoryIo } from '../../test/helpers.js';
import { COMMANDS } from './commands/index.js';

test('no command prints the command list and exits 2', async () => {
  const io = memoryIo();
  assert.equal(await run([], io), 2);
  assert.match(io.out(), /Commands:/);
});

test('--help on every command teaches usage, options and examples', async () => {
  for (const c of COMMANDS) {
    const io = memoryIo();
    assert.equal(await run([c.name, '--help'], io), 0, c.name);
    assert.match(io.out(), new RegExp(`Usage: crosscheck ${c.name}`));
    assert.match(io.out(), /Options:/);
    assert.match(io.out(), /Examples:/);
  }
});

test('unknown commands and options suggest the closest one', async () => {
  let io = memoryIo();
  assert.equal(await run(['analyz'], io), 2);
  assert.match(io.err(), /did you mean 'analyze'/);
  io = memoryIo();
  assert.equal(await run(['analyze', '--jsn', 'x'], io), 2);
  assert.match(io.err(), /did you mean --json/);
  assert.equal(suggest('stories', ['stories', 'search']), 'stories');
  assert.equal(suggest('zzzzzz', ['analyze']), null);
});

test('usage errors exit 2 with a stable code', async () => {
  const io = memoryIo();
  assert.equal(await run(['analyze'], io), 2);
  assert.match(io.err(), /error \[E_USAGE\]: expected at least one PATH/);
});
