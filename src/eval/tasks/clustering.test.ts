import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusteringTask, ecbText, pairwise } from './clustering.js';

const tok = (s: number, words: string[]) => words.map((w, i) => `<token t_id="${i}" sentence="${s}" number="${i}">${w}</token>`).join('\n');

test('ecbText: joins tokens, drops a URL sentence 0 of ecbplus files', () => {
  const xml = `<Document>${tok(0, ['http', ':', '/', '/', 'www', '.', 'x', '.', 'com'])}${tok(1, ['Fire', 'hits', 'Paris', ',', 'police', 'say', '.'])}</Document>`;
  assert.equal(ecbText(xml, true), 'Fire hits Paris, police say.');
  assert.equal(ecbText(xml, false).split('\n').length, 2);
  assert.equal(ecbText(`<Document>${tok(0, ['A', '&amp;', 'B', '(', 'C', ')'])}</Document>`, true), 'A & B (C)');
});

test('pairwise: scores pairs of items clustered together', () => {
  const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y']]);
  const rows: [Map<string, string>, number, number][] = [
    [new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]), 1, 1],
    [new Map([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1']]), 2 / 6, 1],
    [new Map([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]), 0, 0],
  ];
  for (const [pred, p, r] of rows) {
    const s = pairwise(gold, pred);
    assert.equal(s.precision, p);
    assert.equal(s.recall, r);
  }
});

test('clustering task: skips without the dataset, and clusters a tiny hand-made topic', async () => {
  const none = await clusteringTask.run({ datasetsDir: '/nonexistent', errors: false });
  assert.match(none.skipped ?? '', /not found/);
  const dir = mkdtempSync(join(tmpdir(), 'ecb-'));
  const topic = join(dir, 'ecbplus', 'ECB+', '1');
  mkdirSync(topic, { recursive: true });
  const quake = (place: string, n: number, year: string, extra: string) =>
    `<Document>${tok(1, `A magnitude ${n} earthquake struck ${place} on Monday in ${year} , killing dozens ; rescuers in ${place} searched rubble ${extra} .`.split(' '))}</Document>`;
  writeFileSync(join(topic, '1_1ecb.xml'), quake('Sichuan Province', 7, '2008', 'near Chengdu'));
  writeFileSync(join(topic, '1_2ecb.xml'), quake('Sichuan Province', 7, '2008', 'as Chengdu hospitals filled'));
  writeFileSync(join(topic, '1_1ecbplus.xml'), quake('Northern Chile', 8, '2014', 'near Iquique'));
  writeFileSync(join(topic, '1_2ecbplus.xml'), quake('Northern Chile', 8, '2014', 'as Iquique shelters opened'));
  const r = await clusteringTask.run({ datasetsDir: dir, errors: true });
  const b3 = r.rows.find((x) => x.metric === 'b-cubed')!;
  assert.equal(b3.n, 4);
  assert.equal(b3.f1, 1, r.errors.join('\n'));
});
