/**
 * The analyze output contract on the five sample articles: it validates against the shipped JSON Schema,
 * every offset points into its document's text, every reference resolves, and ids are stable across runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { run } from '../../src/cli/run.js';
import type { Analysis } from '../../src/analysis/types.js';
import { memoryIo, ROOT, SEEDS_DIR } from '../helpers.js';

async function analyzeSeedsJson(): Promise<Analysis> {
  const io = memoryIo();
  const code = await run(['analyze', SEEDS_DIR, '--json'], io);
  assert.equal(code, 0, io.err());
  return JSON.parse(io.out());
}

const analysisP = analyzeSeedsJson();

test('analyze --json output validates against docs/schema/analysis.schema.json', async () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'schema', 'analysis.schema.json'), 'utf8'));
  const ajv = new (Ajv2020 as any)({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const ok = validate(await analysisP);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('every span slices its document text and every reference resolves', async () => {
  const a = await analysisP;
  assert.equal(a.documents.length, 5);
  const docs = new Map(a.documents.map((d) => [d.id, d]));
  const entities = new Set(a.entities.map((e) => e.id));
  const quotes = new Set(a.quotes.map((q) => q.id));
  const inDoc = (doc: string, start: number, end: number, what: string) => {
    const d = docs.get(doc);
    assert.ok(d, `${what}: unknown doc ${doc}`);
    assert.ok(0 <= start && start <= end && end <= d.text.length, `${what}: span ${start}-${end} outside text of ${doc}`);
  };
  for (const m of a.mentions) {
    inDoc(m.doc, m.start, m.end, 'mention');
    assert.ok(entities.has(m.entity), `mention of unknown entity ${m.entity}`);
  }
  for (const q of a.quotes) {
    inDoc(q.doc, q.start, q.end, 'quote');
    assert.equal(docs.get(q.doc)!.text.slice(q.start, q.end), q.text);
    if (q.speaker) assert.ok(entities.has(q.speaker), `quote speaker ${q.speaker}`);
    if (q.source) inDoc(q.doc, q.source.start, q.source.end, 'quote source');
    for (const v of q.via) assert.ok(entities.has(v), `quote via ${v}`);
  }
  for (const c of a.claims) {
    inDoc(c.doc, c.start, c.end, 'claim');
    assert.equal(docs.get(c.doc)!.text.slice(c.start, c.end), c.text);
    assert.ok(c.start <= c.value.start && c.value.end <= c.end, `claim value inside claim ${c.id}`);
    assert.ok(c.low <= c.high, `claim ${c.id} low <= high`);
    if (c.claimant) assert.ok(entities.has(c.claimant), `claimant ${c.claimant}`);
    if (c.quote) assert.ok(quotes.has(c.quote), `claim quote ${c.quote}`);
  }
  for (const s of a.stories) for (const d of s.documents) assert.ok(docs.has(d));
  for (const g of a.quoteGroups) for (const q of g.quotes) assert.ok(quotes.has(q));
  const claimIds = new Set(a.claims.map((c) => c.id));
  for (const m of a.measures) for (const c of m.claims) assert.ok(claimIds.has(c));
  for (const list of [a.documents, a.entities, a.quotes, a.claims, a.stories, a.quoteGroups, a.measures] as { id: string }[][]) {
    assert.equal(new Set(list.map((x) => x.id)).size, list.length, 'ids are unique');
  }
});

test('ids are stable across runs', async () => {
  const a = await analysisP;
  const b = await analyzeSeedsJson();
  assert.deepEqual(b.documents.map((d) => d.id), a.documents.map((d) => d.id));
  assert.deepEqual(b.quotes.map((q) => q.id), a.quotes.map((q) => q.id));
  assert.deepEqual(b.claims.map((c) => c.id), a.claims.map((c) => c.id));
  assert.deepEqual(b.entities.map((e) => e.id).sort(), a.entities.map((e) => e.id).sort());
});

test('a JSON record id becomes the document id', async () => {
  const io = memoryIo(JSON.stringify({ id: 'rec-42', title: 'T', text: 'The ministry said 40 people were hurt.' }) + '\n');
  assert.equal(await run(['analyze', '-', '--json'], io), 0, io.err());
  const a: Analysis = JSON.parse(io.out());
  assert.equal(a.documents[0]!.id, 'rec-42');
});
