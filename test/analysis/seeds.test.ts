/**
 * Hand annotations on the sample articles (the worked example of the analysis issue, and more).
 * These are fixtures: naming the samples' people and figures is fine here, never in src/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeInputs } from '../../src/analysis/analyze.js';
import type { Analysis } from '../../src/analysis/types.js';
import { SEEDS_DIR } from '../helpers.js';

const analyze = (name: string) => analyzeInputs([join(SEEDS_DIR, name)], { maxInputBytes: 20_000_000 });
const p002 = analyze('002_77de7551dcb319c9.txt');
const pAll = analyzeInputs([SEEDS_DIR], { maxInputBytes: 20_000_000 });

function entityNamed(a: Analysis, re: RegExp) {
  return a.entities.find((e) => re.test(e.name));
}

test('seed 002 (TASS): document metadata from evidence', async () => {
  const a = await p002;
  const d = a.documents[0]!;
  assert.equal(d.outlet, 'TASS');
  assert.equal(d.published, '2015-10-22');
  assert.equal(d.publishedInferred, true);
  assert.equal(d.dateline, 'Moscow');
  assert.ok(d.removed.some((r) => r.text.trim() === 'All news'), 'the navigation line is removed');
  assert.ok(!d.text.includes('All news'));
});

test('seed 002: the spokesperson, her role, and her quotes', async () => {
  const a = await p002;
  const z = entityNamed(a, /Zakharova/);
  assert.ok(z, 'Maria Zakharova is an entity');
  assert.equal(z.type, 'person');
  assert.ok(z.roles.some((r) => /spokes/i.test(r.title) && /Foreign Ministry/i.test(r.organization ?? '')), JSON.stringify(z.roles));
  const hers = a.quotes.filter((q) => q.speaker === z.id);
  const texts = hers.map((q) => q.text);
  for (const start of ['The IS keeps growing its presence in Afghanistan', 'We are concerned with', 'At the same time, the Islamic State is trying', 'We hope that our Afghan and Pakistani partners']) {
    assert.ok(texts.some((t) => t.startsWith(start)), `quote starting "${start}" by Zakharova; got ${JSON.stringify(texts)}`);
  }
  const partial = hers.find((q) => q.text.startsWith('has already settled in 25 out of'));
  assert.ok(partial, 'partial quote about the provinces');
  assert.equal(partial.kind, 'partial');
  // The first sentence's "the Russian Foreign Ministry's spokesperson said" resolves to her.
  const first = a.quotes.find((q) => q.text.includes('has settled in 25 out of 34 Afghan provinces'));
  assert.ok(first, 'the lead sentence is an indirect quote');
  assert.equal(first.speaker, z.id);
});

test('seed 002: the indirect quote by the defense ministry spokesman', async () => {
  const a = await p002;
  const k = entityNamed(a, /Konashenkov/);
  assert.ok(k);
  const q = a.quotes.find((x) => x.text.startsWith('all strikes were made after air reconnaissance'));
  assert.ok(q, JSON.stringify(a.quotes.map((x) => x.text)));
  assert.equal(q.kind, 'indirect');
  assert.equal(q.speaker, k.id);
});

test('seed 002: claims and non-claims', async () => {
  const a = await p002;
  const z = entityNamed(a, /Zakharova/)!;
  const provinces = a.claims.find((c) => c.low === 25 && c.outOf === 34);
  assert.ok(provinces, 'the 25 out of 34 provinces claim');
  assert.equal(provinces.claimant, z.id);
  assert.match(provinces.place ?? '', /Afghanistan/);
  assert.match(provinces.of ?? '', /provinces/);
  const cia = a.claims.find((c) => c.low === 30000);
  assert.ok(cia);
  assert.equal(cia.qualifier, 'approx');
  assert.match(a.entities.find((e) => e.id === cia.claimant)?.name ?? '', /Central Intelligence Agency|CIA/);
  const iraq = a.claims.find((c) => c.low === 200000);
  assert.ok(iraq);
  assert.equal(iraq.qualifier, 'approx');
  assert.match(a.entities.find((e) => e.id === iraq.claimant)?.name ?? '', /Iraqi/);
  assert.ok(a.claims.some((c) => c.low === 80 && /countr/.test(c.of ?? '')));
  assert.ok(a.claims.some((c) => c.low === 40 && /^(percent|percentage|%)$/.test(c.unit ?? '')));
  assert.ok(a.claims.some((c) => c.low === 50 && /^(percent|percentage|%)$/.test(c.unit ?? '')));
  const values = a.claims.map((c) => a.documents[0]!.text.slice(c.value.start, c.value.end));
  for (const not of ['24', '25', '2013', '2014', 'June 2014', '30']) {
    assert.ok(!values.includes(not) && !a.claims.some((c) => c.low === Number(not) && !/^(percent|percentage|%)$/.test(c.unit ?? '') && c.outOf === null), `not a claim: ${not}; values ${JSON.stringify(values)}`);
  }
});

test('seed 001 (TASS): date inferred from the dateline and the weekday', async () => {
  const a = await pAll;
  const d = a.documents.find((x) => x.text.includes('Council of the heads of security services'))!;
  assert.equal(d.outlet, 'TASS');
  assert.equal(d.published, '2015-10-28');
  assert.equal(d.publishedInferred, true);
});

test('seed 000 (Sputnik): cruft removed with reasons, outlet from the byline', async () => {
  const a = await pAll;
  const d = a.documents.find((x) => x.text.includes('Xiangshan'))!;
  assert.equal(d.outlet, 'Sputnik');
  const removed = d.removed.map((r) => r.text.trim());
  for (const line of ['Registration was successful!', 'log in or register', 'Заголовок открываемого материала', 'Obama Ignores Advice of Military Generals More Than Any Other US President', 'Reaper drone - Sputnik International']) {
    assert.ok(removed.includes(line), `removed: ${line}`);
  }
  // The scrape uses no-break spaces; compare with ordinary spaces.
  assert.ok(d.text.replace(/\u00a0/g, ' ').includes('According to CSTO data, there are about 2,000-3,000 ISIL militants in Afghanistan.'));
  const range = a.claims.find((c) => c.doc === d.id && c.low === 2000 && c.high === 3000);
  assert.ok(range);
  assert.match(range.place ?? '', /Afghanistan/);
  // The subheading repeats the figure without the hedge; the quote carries "up to".
  const upTo = a.claims.filter((c) => c.doc === d.id && c.high === 50000);
  assert.ok(upTo.some((c) => c.qualifier === 'up_to'), JSON.stringify(upTo.map((c) => [c.text, c.qualifier])));
});

test('seed 004 (IBTimes): the copyright line is cruft and not a date; relays are kept', async () => {
  const a = await pAll;
  const d = a.documents.find((x) => x.text.includes('terrorist battering ram'))!;
  assert.match(d.outlet ?? '', /IBTimes|International Business Times/);
  assert.ok(d.removed.some((r) => r.reason === 'copyright'));
  assert.notEqual(d.published, '2024-01-01');
  const sputnik = a.entities.find((e) => /Sputnik/.test(e.name));
  assert.ok(sputnik);
  assert.ok(a.quotes.some((q) => q.doc === d.id && q.via.includes(sputnik.id)), 'a quote relayed via Sputnik News');
});

test('seed 003 (RT): the relay "he told RIA Novosti"', async () => {
  const a = await pAll;
  const d = a.documents.find((x) => x.text.includes('RIA Novosti'))!;
  const ria = a.entities.find((e) => /RIA Novosti/.test(e.name));
  assert.ok(ria);
  const kab = entityNamed(a, /Kabulov/)!;
  assert.ok(a.quotes.some((q) => q.doc === d.id && q.speaker === kab.id && q.via.includes(ria.id)));
});

test('across the seeds: one story for the FSB speech, quote groups across translations, measures', async () => {
  const a = await pAll;
  const tass = a.documents.find((x) => x.text.includes('Council of the heads of security services'))!;
  const ib = a.documents.find((x) => x.text.includes('terrorist battering ram'))!;
  const story = a.stories.find((s) => s.documents.includes(tass.id));
  assert.ok(story?.documents.includes(ib.id), 'TASS and IBTimes report the same speech');
  const others = a.documents.filter((d) => d.id !== tass.id && d.id !== ib.id);
  for (const o of others) assert.ok(!story!.documents.includes(o.id), `not in the FSB story: ${o.title}`);
  const byId = new Map(a.quotes.map((q) => [q.id, q]));
  const ram = a.quoteGroups.find((g) => g.quotes.some((q) => byId.get(q)!.text.includes('terrorist ram')));
  assert.ok(ram && ram.quotes.some((q) => byId.get(q)!.text.includes('terrorist battering ram')), 'translations grouped');
  // The TASS backgrounder repeated in two TASS articles is background.
  const bg = a.claims.filter((c) => c.low === 30000 && c.text.includes('Central Intelligence Agency'));
  assert.ok(bg.length >= 2 && bg.every((c) => c.background), 'repeated backgrounder claims are background');
});
