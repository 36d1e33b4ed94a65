/**
 * Crash safety: kill -9 an ingest mid-run, then the database passes integrity checks, every stored document
 * is complete (its layers committed with it), and a re-run completes the rest without duplicates.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open.js';
import { ingestAll } from '../../src/ingest/ingest.js';
import { loadSettings } from '../../src/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const N = 100;

const WORDS = 'river bridge harbor council school market factory airport station clinic forest valley tunnel museum stadium library garden tower canal village'.split(' ');
const VERBS = 'rebuild inspect reopen protect repair expand close clean fund survey'.split(' ');

/** Distinct articles (different places, figures and quotes), so linking does not pile them into one group. */
function article(i: number): string {
  const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
  const v = (k: number) => VERBS[(i * 3 + k) % VERBS.length]!;
  return `LONDON, March ${(i % 28) + 1} (Wire) - Officials said ${100 + i} people were evacuated near the ${w(1)} in sector ${i}. ` +
    `"We will ${v(1)} the ${w(2)} and ${v(2)} the ${w(3)} in sector ${i} before ${w(4)} season," the mayor said on Tuesday.\n\n` +
    `About ${i * 3 + 7} homes near the ${w(5)} lost power, according to the utility company.`;
}

it('survives kill -9 mid-ingest and a re-run completes it', { timeout: 60_000 }, async () => {
  const input = join(dir, 'in');
  mkdirSync(input);
  for (let i = 0; i < N; i++) writeFileSync(join(input, `a${String(i).padStart(4, '0')}.txt`), article(i));
  const db = join(dir, 'kill.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', input, '--db', db, '--workers', '1'], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  let stored = 0;
  for (let tries = 0; tries < 600 && stored < 10; tries++) {
    await new Promise((r) => setTimeout(r, 25));
    try {
      const ro = new Database(db, { readonly: true, fileMustExist: true });
      stored = (ro.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      ro.close();
    } catch {
      /* not created or not migrated yet */
    }
  }
  child.kill('SIGKILL');
  await exited;
  assert.ok(stored >= 10, 'the child stored some documents before it was killed');

  const raw = new Database(db);
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(raw.pragma('foreign_key_check'), []);
  const partial = (raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  // Every stored document has exactly the layers it was committed with.
  const torn = raw.prepare(`SELECT count(*) AS n FROM documents d WHERE d.quote_count <> (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id)
    OR d.claim_count <> (SELECT count(*) FROM claims c WHERE c.doc_id = d.id)`).get() as { n: number };
  assert.equal(torn.n, 0);
  raw.close();
  assert.ok(partial < N, `killed before the end (stored ${partial} of ${N})`);

  const store = await openStore(db);
  const report = await ingestAll([input], store, { settings: { ...loadSettings({ env: {}, configPath: null }), workers: 1 } });
  assert.equal(report.unchanged, partial);
  assert.equal(report.added, N - partial);
  assert.deepEqual(report.errors, []);
  assert.equal((await store.counts()).documents, N);
  assert.equal((await store.search({ q: 'evacuated', kinds: ['document'] })).total, N);
  await store.close();
});
