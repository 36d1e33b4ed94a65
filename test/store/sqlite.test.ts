import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite file', () => openStore(join(dir, 'suite.db')));
storeSuite('sqlite :memory:', () => openStore(':memory:'));
