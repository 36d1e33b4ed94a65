import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBind, isLoopback } from './start.js';

describe('bind safety', () => {
  const loopback: [string, boolean][] = [
    ['127.0.0.1', true], ['127.1.2.3', true], ['localhost', true], ['::1', true], ['[::1]', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.5', false], ['10.0.0.1', false], ['example.org', false], ['127.0.0.1.nip.io', false],
  ];
  for (const [host, expected] of loopback) it(`isLoopback(${host}) = ${expected}`, () => assert.equal(isLoopback(host), expected));

  const binds: [string, string | null, boolean][] = [
    ['127.0.0.1', null, true],
    ['0.0.0.0', null, false],
    ['0.0.0.0', 'a-long-secret', true],
    ['192.168.1.5', '', false],
    ['0.0.0.0', 'short', false],
  ];
  for (const [host, token, ok] of binds) {
    it(`checkBind(${host}, ${token}) ${ok ? 'allows' : 'refuses'}`, () => {
      if (ok) checkBind(host, token);
      else assert.throws(() => checkBind(host, token), (e: any) => e.code === 'E_USAGE' && /token/.test(e.message));
    });
  }
});
