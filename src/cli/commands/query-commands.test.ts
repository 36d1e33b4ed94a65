/** The ingest, query and export commands, run in-process on the sample articles. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { run } from '../run.js';
import type { Io } from '../command.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
const db = join(dir, 'cli.db');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([]), env: {} };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('store commands', () => {
  before(async () => {
    const r = await cli(['ingest', 'examples/seeds', join(dir, 'missing.txt'), '--db', db, '--workers', '1', '--json']);
    assert.equal(r.code, 3, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.added, 5);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0].message, /no such file/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('re-ingest is idempotent', async () => {
    const r = await cli(['ingest', 'examples/seeds', '--db', db, '--workers', '1', '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual({ ...JSON.parse(r.out), seconds: 0, chars: 0 }, { added: 0, replaced: 0, reanalyzed: 0, unchanged: 5, errors: [], chars: 0, seconds: 0, stories: null });
  });

  it('search prints [[ ]] snippets, JSON with facets, and CSV', async () => {
    const j = JSON.parse((await cli(['search', 'Afghanistan', '--db', db, '--json', '--limit', '3'])).out);
    assert.equal(j.items.length, 3);
    assert.ok(j.total >= 3);
    assert.ok(j.items.every((h: { snippet: string }) => /\[\[afghanistan\]\]/i.test(h.snippet)));
    assert.ok(j.facets.outlet.length >= 1);
    const csv = (await cli(['search', 'Afghanistan', '--db', db, '--csv', '--kind', 'document'])).out.split('\r\n');
    assert.equal(csv[0], 'kind,published,outlet,snippet,id');
    assert.ok(csv.slice(1).filter(Boolean).every((l) => l.startsWith('document,')));
  });

  it('list commands filter and paginate', async () => {
    const all = JSON.parse((await cli(['quotes', '--db', db, '--json', '--limit', '500'])).out);
    const p1 = JSON.parse((await cli(['quotes', '--db', db, '--json', '--limit', '2'])).out);
    const p2 = JSON.parse((await cli(['quotes', '--db', db, '--json', '--limit', '2', '--offset', '2'])).out);
    assert.equal(p1.total, all.total);
    assert.deepEqual([...p1.items, ...p2.items].map((q: { id: string }) => q.id), all.items.slice(0, 4).map((q: { id: string }) => q.id));
    const outlet = all.items.find((q: { outlet: string | null }) => q.outlet)?.outlet;
    const byOutlet = JSON.parse((await cli(['quotes', '--db', db, '--json', '--outlet', outlet, '--limit', '500'])).out);
    assert.ok(byOutlet.items.length > 0 && byOutlet.items.every((q: { outlet: string }) => q.outlet === outlet));
    const people = JSON.parse((await cli(['entities', '--db', db, '--type', 'person', '--json'])).out);
    assert.ok(people.items.length > 0 && people.items.every((e: { type: string }) => e.type === 'person'));
    const top = people.items[0];
    const claims = JSON.parse((await cli(['claims', '--db', db, '--json', '--from', '2000-01-01', '--to', '2099-12-31', '--limit', '500'])).out);
    assert.ok(claims.items.every((c: { published: string | null }) => c.published !== null));
    const bySpeaker = JSON.parse((await cli(['quotes', '--db', db, '--json', '--speaker', top.id])).out);
    assert.ok(bySpeaker.items.every((q: { speaker: string }) => q.speaker === top.id));
    assert.ok(JSON.parse((await cli(['stories', '--db', db, '--json'])).out).total >= 1);
    const conflicts = JSON.parse((await cli(['measures', '--db', db, '--json', '--conflict'])).out);
    assert.ok(conflicts.items.every((m: { conflict: boolean }) => m.conflict));
    const table = (await cli(['claims', '--db', db, '--limit', '2'])).out;
    assert.match(table, /^PUBLISHED\s+OUTLET\s+CLAIMANT/);
  });

  it('rejects bad options with E_USAGE', async () => {
    const table: [string[], RegExp][] = [
      [['claims', '--db', db, '--from', 'March'], /expected a date YYYY-MM-DD/],
      [['quotes', '--db', db, '--limit=-1'], /expected a whole number/],
      [['search', 'x', '--db', db, '--kind', 'tweet'], /expected one of document, quote, claim/],
      [['entities', '--db', db, '--type', 'planet'], /expected one of person/],
      [['export', '--db', db], /--format is required/],
      [['export', '--db', db, '--format', 'csv'], /give --out DIR/],
      [['ingest', '--db', db], /expected at least one PATH/],
    ];
    for (const [argv, re] of table) {
      const r = await cli(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, re);
    }
  });

  it('exports JSONL, CSV, ClaimReview and a structurally valid STIX 2.1 bundle', async () => {
    const out = join(dir, 'export');
    for (const f of ['jsonl', 'csv', 'claimreview', 'stix']) assert.equal((await cli(['export', '--db', db, '--format', f, '--out', out])).code, 0, f);
    const lines = readFileSync(join(out, 'crosscheck.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const types = new Set(lines.map((l) => l.record));
    for (const t of ['document', 'mention', 'quote', 'claim', 'entity', 'story', 'measure']) assert.ok(types.has(t), t);
    assert.equal(lines.filter((l) => l.record === 'document').length, 5);
    const doc = lines.find((l) => l.record === 'document');
    const q = lines.find((l) => l.record === 'quote' && l.doc === doc.id);
    assert.equal(doc.text.slice(q.start, q.end), q.text);
    const claimsCsv = readFileSync(join(out, 'claims.csv'), 'utf8').split('\r\n');
    assert.match(claimsCsv[0]!, /^id,doc,start,end,low,high/);
    assert.ok(claimsCsv.length > 3);
    const reviews = JSON.parse(readFileSync(join(out, 'claimreview.jsonld'), 'utf8'));
    assert.ok(reviews.length > 0);
    for (const r of reviews) {
      assert.equal(r['@type'], 'ClaimReview');
      assert.equal(r['@context'], 'https://schema.org');
      assert.equal(typeof r.claimReviewed, 'string');
      assert.equal(r.itemReviewed['@type'], 'Claim');
      assert.equal(r.reviewRating['@type'], 'Rating');
    }
    // Claims in a conflicting measure are rated as such; the seeds may have none.
    const conflicts = JSON.parse((await cli(['measures', '--db', db, '--json', '--conflict'])).out);
    assert.equal(reviews.some((r: any) => r.reviewRating.alternateName === 'Conflicting figures reported'), conflicts.total > 0);
    const bundle = JSON.parse(readFileSync(join(out, 'crosscheck.stix.json'), 'utf8'));
    assert.equal(bundle.type, 'bundle');
    assert.match(bundle.id, /^bundle--[0-9a-f-]{36}$/);
    const ids = new Set(bundle.objects.map((o: any) => o.id));
    assert.equal(ids.size, bundle.objects.length, 'ids are unique');
    const byType = new Map<string, number>();
    for (const o of bundle.objects) {
      byType.set(o.type, (byType.get(o.type) ?? 0) + 1);
      assert.match(o.id, new RegExp(`^${o.type}--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
      assert.equal(o.spec_version, '2.1');
      assert.ok(!Number.isNaN(Date.parse(o.created)) && !Number.isNaN(Date.parse(o.modified)));
      for (const [k, v] of Object.entries(o)) {
        if (k.endsWith('_refs')) for (const ref of v as string[]) assert.ok(ids.has(ref), `${o.id}.${k} -> ${ref}`);
        else if (k.endsWith('_ref')) assert.ok(ids.has(v as string), `${o.id}.${k}`);
      }
      if (o.type === 'report') assert.ok(o.object_refs.length > 0 && o.published && o.name);
      if (o.type === 'note') assert.ok(o.content && o.object_refs.length > 0);
      if (o.type === 'location') assert.match(o.country, /^[A-Z]{2}$/);
      if (o.type === 'identity') assert.ok(o.name);
    }
    assert.equal(byType.get('report'), 5);
    for (const t of ['identity', 'location', 'note']) assert.ok(byType.get(t), t);
    assert.ok(byType.get('threat-actor') || byType.get('intrusion-set'), 'armed groups');
  });

  it('has help with examples for every command', async () => {
    for (const c of ['ingest', 'search', 'claims', 'quotes', 'entities', 'stories', 'measures', 'export']) {
      const r = await cli([c, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /Examples:\n  crosscheck /);
      assert.match(r.out, /--db VALUE/);
    }
  });
});
