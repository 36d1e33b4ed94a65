/**
 * One store test suite for every backend (like kysely's dialect tests): sqlite.test.ts and postgres.test.ts run it.
 */
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import type { Store } from '../../src/store/types.js';
import { bundle, DOCS, entityId, linkOf } from './fixtures.js';

export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`store suite: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      const b1 = bundle(DOCS[0]!);
      const b2 = bundle(DOCS[1]!);
      const b3 = bundle(DOCS[2]!);
      await store.putDocument(b1, async () => linkOf(b1, 's_floods', ['d1']));
      await store.putDocument(b2, async () =>
        linkOf(b2, 's_floods', ['d1', 'd2'], {
          quoteGroups: [{ id: 'g1', quotes: [b1.quotes[0]!.id, b2.quotes[0]!.id], speaker: entityId('Maria Lopez'), provenance: [] }],
          measures: [
            {
              id: 'm1', label: 'people displaced by floods', claims: [b1.claims[0]!.id, b2.claims[0]!.id], conflict: true, explanation: '1,200 vs 1,500',
              of: 'people', subject: null, place: entityId('Valencia'), points: [],
            },
          ],
        }),
      );
      await store.putDocument(b3, async () => linkOf(b3, 's_bank', ['d3']));
    });
    after(async () => {
      await store?.close();
    });

    it('counts what was written', async () => {
      const c = await store.counts();
      assert.deepEqual(
        { documents: c.documents, quotes: c.quotes, claims: c.claims, stories: c.stories, quoteGroups: c.quoteGroups, measures: c.measures, conflicts: c.conflicts },
        { documents: 3, quotes: 2, claims: 3, stories: 2, quoteGroups: 1, measures: 1, conflicts: 1 },
      );
      assert.equal(c.entities, 4);
    });

    it('re-ingesting the same content adds nothing', async () => {
      const before = await store.counts();
      const out = await store.putDocument(bundle(DOCS[0]!), async () => {
        throw new Error('linker must not run for known content');
      });
      assert.deepEqual(out, { status: 'unchanged', doc: 'd1', replaced: null });
      assert.deepEqual(await store.counts(), before);
    });

    it('a changed version of the same URL replaces the old one and keeps its history', async () => {
      const v1 = bundle({ id: 'v1', url: 'https://news.example/live', outlet: 'Example Wire', title: 'Live', published: '2024-05-01', text: 'First version of the live page.' });
      const v2 = bundle({ id: 'v2', url: 'https://news.example/live', outlet: 'Example Wire', title: 'Live', published: '2024-05-01', text: 'Second version of the live page, updated.' });
      assert.equal((await store.putDocument(v1)).status, 'added');
      const out = await store.putDocument(v2);
      assert.deepEqual(out, { status: 'replaced', doc: 'v2', replaced: 'v1' });
      assert.equal(await store.getDocument('v1'), null);
      assert.equal((await store.getDocument('v2'))?.document.text, 'Second version of the live page, updated.');
      // The old version is remembered: seeing it again is not a new document.
      assert.equal((await store.putDocument(v1)).status, 'unchanged');
      assert.equal((await store.listDocuments({ q: 'live page' })).total, 1);
    });

    it('getDocument returns text, removed cruft and layers', async () => {
      const d = await store.getDocument('d1');
      assert.ok(d);
      assert.equal(d.document.story, 's_floods');
      assert.deepEqual(d.document.removed, [{ text: 'Share this article', reason: 'share-prompt' }]);
      assert.equal(d.quotes.length, 1);
      assert.equal(d.document.text.slice(d.quotes[0]!.start, d.quotes[0]!.end), d.quotes[0]!.text);
      assert.equal(d.claims[0]!.low, 1200);
      assert.deepEqual(d.entities.map((e) => e.name).sort(), ['Maria Lopez', 'Valencia']);
      assert.equal(d.mentions.length, 3);
      assert.equal(await store.getDocument('nope'), null);
    });

    it('lists documents with filters and pagination', async () => {
      const table: [Parameters<Store['listDocuments']>[0], string[]][] = [
        [{ outlet: 'Example Wire', to: '2024-04-30' }, ['d3', 'd1']],
        [{ from: '2024-03-02', to: '2024-03-31' }, ['d2']],
        [{ entity: 'Lopez' }, ['d2', 'd1']],
        [{ entity: entityId('Ahmed Khan') }, ['d3']],
        [{ story: 's_floods' }, ['d2', 'd1']],
        [{ speaker: 'Maria Lopez' }, ['d2', 'd1']],
        [{ q: 'inflation' }, ['d3']],
        [{ entity: 'Nobody Known' }, []],
      ];
      for (const [q, ids] of table) assert.deepEqual((await store.listDocuments(q)).items.map((d) => d.id), ids, JSON.stringify(q));
      const p1 = await store.listDocuments({ limit: 2, offset: 0, to: '2024-04-30' });
      const p2 = await store.listDocuments({ limit: 2, offset: 2, to: '2024-04-30' });
      assert.equal(p1.total, 3);
      assert.deepEqual([...p1.items, ...p2.items].map((d) => d.id), ['d3', 'd2', 'd1']);
      assert.equal(p1.items[0]!.claimCount, 1);
    });

    it('full-text search marks matches with [[ ]] and returns facets', async () => {
      const r = await store.search({ q: 'rescue teams' });
      assert.ok(r.total >= 3, `total ${r.total}`);
      for (const h of r.items) {
        assert.match(h.snippet, /\[\[[^\]]+\]\]/);
        assert.doesNotMatch(h.snippet, /<[a-z]/i);
      }
      assert.deepEqual(new Set(r.items.map((h) => h.kind)), new Set(['document', 'quote']));
      assert.deepEqual(r.facets.outlet.map((f) => f.value).sort(), ['Daily Other', 'Example Wire']);
      assert.equal(r.facets.speaker[0]?.label, 'Maria Lopez');
      assert.ok(r.facets.entity.some((f) => f.label === 'Maria Lopez'));
      assert.ok(r.facets.date.some((f) => f.value === '2024-03-02'));
      const quotesOnly = await store.search({ q: 'rescue', kinds: ['quote'], outlet: 'Daily Other' });
      assert.deepEqual(quotesOnly.items.map((h) => [h.kind, h.doc]), [['quote', 'd2']]);
      const paged = await store.search({ q: 'rescue teams', limit: 1, offset: 1 });
      assert.equal(paged.items.length, 1);
      assert.equal((await store.search({ q: '"***"' })).total, 0);
      assert.equal((await store.search({ q: 'AND OR NOT (' })).total, 0);
    });

    it('lists entities, quotes and claims with filters', async () => {
      const ents = await store.listEntities({ type: 'person' });
      assert.deepEqual(ents.items.map((e) => [e.name, e.mentionCount, e.quoteCount]), [['Maria Lopez', 3, 2], ['Ahmed Khan', 1, 0]]);
      assert.deepEqual((await store.listEntities({ q: 'khan' })).items.map((e) => e.id), [entityId('Ahmed Khan')]);
      assert.deepEqual((await store.listEntities({ outlet: 'Daily Other' })).items.map((e) => e.id), [entityId('Maria Lopez')]);
      const quotes = await store.listQuotes({ speaker: 'Maria Lopez' });
      assert.deepEqual(quotes.items.map((q) => [q.doc, q.outlet]), [['d2', 'Daily Other'], ['d1', 'Example Wire']]);
      assert.equal((await store.listQuotes({ q: 'district', outlet: 'Example Wire' })).total, 1);
      const claims = await store.listClaims({ entity: 'Maria Lopez', from: '2024-03-02' });
      assert.deepEqual(claims.items.map((c) => [c.id, c.low, c.published]), [['d2.c' + DOCS[1]!.text.indexOf('about 1,500 people'), 1500, '2024-03-02']]);
      assert.equal((await store.listClaims({ q: 'percent' })).items[0]?.claimant, entityId('Ahmed Khan'));
    });

    it('entity, story and measure details', async () => {
      const e = await store.getEntity(entityId('Maria Lopez'));
      assert.ok(e);
      assert.equal(e.quotes.length, 2);
      assert.deepEqual(e.outlets.map((o) => o.outlet).sort(), ['Daily Other', 'Example Wire']);
      assert.deepEqual(e.documents.map((d) => d.id), ['d2', 'd1']);
      const s = await store.getStory('s_floods');
      assert.ok(s);
      assert.deepEqual(s.story.documents, ['d1', 'd2']);
      assert.equal(s.quoteGroups[0]!.members.length, 2);
      assert.equal(s.quoteGroups[0]!.members[0]!.outlet, 'Example Wire');
      const stories = await store.listStories({ entity: 'Ahmed Khan' });
      assert.deepEqual(stories.items.map((x) => [x.id, x.documents, x.published]), [['s_bank', ['d3'], '2024-04-10']]);
      const groups = await store.listQuoteGroups({ speaker: 'Maria Lopez' });
      assert.equal(groups.items[0]!.quotes.length, 2);
      assert.equal((await store.listQuoteGroups({ story: 's_bank' })).total, 0);
      const m = await store.getMeasure('m1');
      assert.ok(m);
      assert.deepEqual(m.claims.map((c) => [c.low, c.claimantName, c.outlet]), [[1200, 'Maria Lopez', 'Example Wire'], [1500, 'Maria Lopez', 'Daily Other']]);
      assert.equal((await store.listMeasures({ conflict: true })).total, 1);
      assert.equal((await store.listMeasures({ conflict: false })).total, 0);
      assert.equal((await store.listMeasures({ entity: 'Valencia' })).total, 1);
      assert.equal(await store.getStory('nope'), null);
    });

    it('outlets and places', async () => {
      const outlets = await store.outlets();
      assert.equal(outlets[0]!.outlet, 'Example Wire');
      const places = await store.places();
      assert.deepEqual(places.map((p) => [p.name, p.country]).sort(), [['France', 'FRA'], ['Valencia', null]]);
    });

    it('a failing write rolls back completely', async () => {
      const before = await store.counts();
      const b = bundle({ id: 'bad', text: 'A document whose linking fails.' });
      await assert.rejects(store.putDocument(b, async (_b, index) => {
        await index.putEntity({ id: 'e_tmp', name: 'Tmp', type: 'person', aliases: [], roles: [], keys: ['n:tmp'], docCount: 1 });
        throw new Error('linker failed');
      }), /linker failed/);
      assert.deepEqual(await store.counts(), before);
      await store.write(async (tx) => assert.equal(await tx.index.getEntity('e_tmp'), null));
    });

    it('batch mode: a failing write rolls back alone, the rest commit at endBatch, index records stay coherent', async () => {
      const before = await store.counts();
      const ok1 = bundle({ ...DOCS[0]!, id: 'batch1', url: 'https://news.example/batch/1', text: DOCS[0]!.text + ' Batch one.' });
      const ok2 = bundle({ ...DOCS[1]!, id: 'batch2', url: 'https://other.example/batch/2', text: DOCS[1]!.text + ' Batch two.' });
      const bad = bundle({ ...DOCS[2]!, id: 'batchbad', url: 'https://bank.example/batch/bad', text: DOCS[2]!.text + ' Batch bad.' });
      store.beginBatch();
      try {
        await store.putDocument(ok1, async (_b, index) => {
          await index.putEntity({ id: 'e_batch', name: 'Batch', type: 'person', aliases: [], roles: [], keys: ['n:batch'], docCount: 1 });
          return linkOf(ok1, 's_batch', ['batch1']);
        });
        await assert.rejects(
          store.putDocument(bad, async (_b, index) => {
            await index.putEntity({ id: 'e_batch', name: 'Batch', type: 'person', aliases: [], roles: [], keys: ['n:batch'], docCount: 99 });
            throw new Error('linker failed');
          }),
          /linker failed/,
        );
        await store.putDocument(ok2, async (_b, index) => {
          // The failed write's change to the record is gone, in SQL and in any cached copy.
          assert.equal((await index.getEntity('e_batch'))?.docCount, 1);
          assert.deepEqual((await index.entitiesByKeys(['n:batch'])).map((e) => e.docCount), [1]);
          return linkOf(ok2, 's_batch', ['batch1', 'batch2']);
        });
      } finally {
        await store.endBatch();
      }
      const after = await store.counts();
      assert.equal(after.documents, before.documents + 2);
      assert.ok(await store.getDocument('batch1'));
      assert.ok(await store.getDocument('batch2'));
      assert.equal(await store.getDocument('batchbad'), null);
    });

    it('implements the CorpusIndex inside the writer transaction', async () => {
      await store.write(async (tx) => {
        const ix = tx.index;
        await ix.putEntity({ id: 'x1', name: 'Alpha', type: 'person', aliases: [], roles: [], keys: ['n:alpha', 's:a'], docCount: 1 });
        await ix.putEntity({ id: 'x2', name: 'Beta', type: 'person', aliases: [], roles: [], keys: ['n:beta', 's:a'], docCount: 1 });
        assert.deepEqual((await ix.entitiesByKeys(['s:a'])).map((e) => e.id), ['x2', 'x1']);
        assert.deepEqual((await ix.entitiesByKeys(['s:a'], 1)).map((e) => e.id), ['x2']);
        await ix.putEntity({ id: 'x2', name: 'Beta', type: 'person', aliases: [], roles: [], keys: ['n:beta'], docCount: 2 });
        assert.deepEqual((await ix.entitiesByKeys(['s:a', 'n:beta'])).map((e) => [e.id, e.docCount]), [['x1', 1], ['x2', 2]]);
        await ix.putStory({ id: 'st', documents: ['a'], label: null, first: { doc: 'a', published: null } });
        assert.deepEqual((await ix.getStory('st'))?.documents, ['a']);
        await ix.deleteStory('st');
        assert.equal(await ix.getStory('st'), null);
        await ix.putMeasure({ id: 'mm', label: 'l', of: null, subject: null, place: null, claims: [], points: [], conflict: false, explanation: '', keys: ['m:k'] });
        assert.equal((await ix.measuresByKeys(['m:k']))[0]?.id, 'mm');
        await ix.deleteMeasure('mm');
        assert.deepEqual(await ix.measuresByKeys(['m:k']), []);
        await ix.putParagraph({ id: 'Out|h1', outlet: 'Out', hash: 'h1', occurrences: [] });
        assert.deepEqual((await ix.paragraphs('Out', ['h1', 'h2'])).map((p) => p.id), ['Out|h1']);
      });
    });

    it('writeMeasures rewrites a measure a story revision explained again (members kept)', async () => {
      const m = await store.getMeasure('m1');
      assert.ok(m);
      await store.write((tx) =>
        tx.writeMeasures([{ id: 'm1', label: m.measure.label, claims: m.claims.map((c) => c.id), conflict: false, explanation: 'reports of different stories (events), not compared', of: 'people', subject: null, place: m.measure.place, points: [] }]),
      );
      const after = await store.getMeasure('m1');
      assert.equal(after?.measure.conflict, false);
      assert.match(after!.measure.explanation, /different stories/);
      assert.equal(after?.claims.length, 2);
      assert.equal((await store.listMeasures({ conflict: true })).total, 0);
      // Back as written before, for the tests after this one.
      await store.write((tx) => tx.writeMeasures([{ ...m.measure, claims: m.claims.map((c) => c.id), points: [] }]));
      assert.equal((await store.listMeasures({ conflict: true })).total, 1);
    });

    // Last: it moves a document between stories.
    it('writeStories rewrites stories after a revision (members follow, removed stories go, counts refresh)', async () => {
      await store.write((tx) => tx.writeStories([{ id: 's_floods', documents: ['d1', 'd2', 'd3'], label: 'Floods' }], ['s_bank']));
      assert.equal(await store.getStory('s_bank'), null);
      const s = await store.getStory('s_floods');
      assert.deepEqual(s?.story.documents, ['d1', 'd2', 'd3']);
      assert.equal(s?.story.label, 'Floods');
      assert.equal((await store.getDocument('d3'))?.document.story, 's_floods');
      const listed = (await store.listStories({})).items;
      assert.deepEqual(listed.find((x) => x.id === 's_floods')?.documents.length, 3);
      assert.equal(listed.some((x) => x.id === 's_bank'), false);
    });
  });
}
