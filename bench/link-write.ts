/**
 * Linking and writing alone (the single-writer half of `ingest`): `node --import tsx bench/link-write.ts [--corpus synthetic|ecbplus] [--docs N] [--db path|postgres://...]`.
 * Bundles are analyzed once and cached under the temp folder, so repeated runs time only `putDocument` with
 * `linkDocument` in batch mode; prints MB/s and docs/s by wall and CPU time, and a digest of what was stored
 * (stories, quote groups, measures, entities), so a faster writer can be checked to store the same thing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeRecord } from '../src/analysis/analyze.js';
import type { DocBundle } from '../src/analysis/types.js';
import { linkDocument } from '../src/corpus/link.js';
import { loadSettings } from '../src/settings.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { benchCorpus, ecbCorpus } from './corpus.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpus = opt('--corpus') ?? 'synthetic';
const docs = Number(opt('--docs') ?? 1000);
const dbArg = opt('--db');

function bundlesFor(): DocBundle[] {
  const cache = join(tmpdir(), `crosscheck-bundles-${corpus}-${docs}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as DocBundle[];
  const records = corpus === 'ecbplus' ? ecbCorpus(loadSettings().datasets, docs) : benchCorpus(docs);
  if (!records) throw new Error(`ECB+ not found under ${loadSettings().datasets}`);
  const out = records.map((r) => analyzeRecord(r));
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

/** A digest of the linked output a store holds: equal digests, same stories, groups, measures, entities and links. */
async function digestOf(store: Store): Promise<string> {
  const conn = (store as unknown as { rconn: { all: (sql: string) => Promise<unknown[]> } }).rconn;
  const h = createHash('sha256');
  for (const sql of [
    'SELECT id, story FROM documents ORDER BY id',
    'SELECT id, doc_count, published FROM stories ORDER BY id',
    'SELECT id, name, name_norm, type, aliases, roles, country, mention_count, doc_count, quote_count FROM entities ORDER BY id',
    'SELECT entity_id, alias_norm FROM entity_aliases ORDER BY entity_id, alias_norm',
    'SELECT doc_id, entity_id, start_off FROM mentions ORDER BY doc_id, start_off, entity_id',
    'SELECT id, speaker, via FROM quotes ORDER BY id',
    'SELECT id, claimant, subject, place, background FROM claims ORDER BY id',
    'SELECT id, speaker, provenance, size FROM quote_groups ORDER BY id',
    'SELECT group_id, quote_id, seq FROM quote_group_members ORDER BY group_id, seq',
    'SELECT id, label, conflict, explanation, of_text, subject, place, points, size FROM measures ORDER BY id',
    'SELECT measure_id, claim_id, seq FROM measure_claims ORDER BY measure_id, seq',
    'SELECT kind, id, json FROM cx_records ORDER BY kind, id',
  ]) {
    h.update(JSON.stringify(await conn.all(sql)));
  }
  return h.digest('hex').slice(0, 16);
}

/** `--sql-profile`: time every statement on the SQLite connection, grouped by its SQL (placeholders lists folded). */
const sqlTimes = new Map<string, { n: number; ms: number; rows: number }>();
if (args.includes('--sql-profile')) {
  const { SqliteConn } = await import('../src/store/sqlite/driver.js');
  const proto = SqliteConn.prototype as unknown as Record<string, (sql: string, params?: unknown[]) => Promise<unknown>>;
  for (const m of ['run', 'all', 'get'] as const) {
    const orig = proto[m]!;
    proto[m] = async function (this: unknown, sql: string, params?: unknown[]) {
      const t = performance.now();
      try {
        return await orig.call(this, sql, params);
      } finally {
        const k = m + ' ' + sql.replace(/\s+/g, ' ').replace(/(\(\?(, \?)*\)(, )?)+/g, '(?..)').replace(/(\?, )+\?/g, '?..').slice(0, 150);
        const e = sqlTimes.get(k) ?? { n: 0, ms: 0, rows: 0 };
        e.n++;
        e.ms += performance.now() - t;
        e.rows += params ? params.length : 0;
        sqlTimes.set(k, e);
      }
    };
  }
}

const bundles = bundlesFor();
const bytes = bundles.reduce((s, b) => s + Buffer.byteLength(b.document.text, 'utf8'), 0);
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-link-write-'));
try {
  const store = await openStore(dbArg ?? join(dir, 'bench.db'));
  try {
    let failed = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    store.beginBatch();
    try {
      // As ingest does: a failing document rolls back alone and the run goes on.
      for (const b of bundles) await store.putDocument(b, linkDocument).catch(() => failed++);
    } finally {
      await store.endBatch();
    }
    const cpu = process.cpuUsage(cpu0);
    const secs = (performance.now() - t0) / 1000;
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    const line = (label: string, s: number) =>
      `${label.padEnd(8)} ${(bytes / 1e6 / s).toFixed(2).padStart(6)} MB/s ${(bundles.length / s).toFixed(0).padStart(6)} docs/s ${((s * 1000) / bundles.length).toFixed(2).padStart(6)} ms/doc`;
    console.log(`link+write ${corpus}, ${bundles.length} docs, ${(bytes / 1e6).toFixed(2)} MB, ${failed} failed`);
    console.log(line('wall', secs));
    console.log(line('cpu', cpuSecs));
    if (sqlTimes.size) {
      for (const [k, e] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
        console.log(`${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(7)}x ${String(e.rows).padStart(8)}p  ${k}`);
      }
    }
    if (!args.includes('--no-digest')) console.log(`digest ${await digestOf(store)}`);
  } finally {
    await store.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
