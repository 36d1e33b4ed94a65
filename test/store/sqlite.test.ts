import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite file', () => openStore(join(dir, 'suite.db')));
storeSuite('sqlite :memory:', () => openStore(':memory:'));

describe('sqlite: index records cached between write transactions', () => {
  it('a write by another connection to the same file is seen, not a stale cached copy', async () => {
    const path = join(dir, 'two-writers.db');
    const a = await openStore(path);
    const b = await openStore(path);
    try {
      const entity = (docCount: number) => ({ id: 'e_shared', name: 'Shared', type: 'person' as const, aliases: [], roles: [], keys: ['n:shared'], docCount });
      await a.write(async (tx) => tx.index.putEntity(entity(1)));
      await a.write(async (tx) => assert.equal((await tx.index.getEntity('e_shared'))?.docCount, 1));
      await b.write(async (tx) => tx.index.putEntity(entity(2)));
      await a.write(async (tx) => {
        assert.equal((await tx.index.getEntity('e_shared'))?.docCount, 2);
        assert.deepEqual((await tx.index.entitiesByKeys(['n:shared'])).map((e) => e.docCount), [2]);
      });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
