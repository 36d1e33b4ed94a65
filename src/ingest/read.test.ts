import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { contentHashOf, docIdFor, readInputs, type InputItem } from './read.js';

async function collect(inputs: string[], stdin?: string | Buffer, maxInputBytes = 10_000): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(inputs, { maxInputBytes, stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]) })) out.push(item);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-'));
const f = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

test('each file type', async () => {
  const txt = f('a.txt', 'MOSCOW, May 1. Hello.');
  const html = f('b.html', '<html><body><p>Hi</p></body></html>');
  const json = f('c.json', JSON.stringify([{ id: 'x1', content: 'Body one', date: '2015-10-22', source: { name: 'TASS' } }, { headline: 'T', body: 'Body two', publishedAt: '2020-01-01' }]));
  const jsonl = f('d.jsonl', '{"text":"one"}\n\n{"html":"<p>two</p>","url":"https://a.b/c"}\n');
  const items = await collect([txt, html, json, jsonl]);
  assert.ok(items.every((i) => i.ok));
  const recs = items.map((i) => (i.ok ? i.record : null)!);
  assert.equal(recs[0]!.text, 'MOSCOW, May 1. Hello.');
  assert.equal(recs[1]!.html, '<html><body><p>Hi</p></body></html>');
  assert.deepEqual([recs[2]!.id, recs[2]!.text, recs[2]!.published, recs[2]!.outlet], ['x1', 'Body one', '2015-10-22', 'TASS']);
  assert.deepEqual([recs[3]!.title, recs[3]!.text, recs[3]!.published], ['T', 'Body two', '2020-01-01']);
  assert.equal(recs[4]!.text, 'one');
  assert.equal(recs[5]!.html, '<p>two</p>');
  assert.equal(items[5]!.input, `${jsonl}:3`);
});

test('directories are recursive, sorted, and skip dotfiles', async () => {
  const d = join(dir, 'tree');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'b.txt'), 'bee');
  writeFileSync(join(d, 'a.txt'), 'ay');
  writeFileSync(join(d, '.hidden.txt'), 'no');
  writeFileSync(join(d, 'sub', 'c.txt'), 'see');
  const items = await collect([d]);
  assert.deepEqual(items.map((i) => (i.ok ? i.record.text : null)), ['ay', 'bee', 'see']);
});

test('bad inputs become error items and the batch goes on', async () => {
  const rows: [string, string | Buffer, RegExp][] = [
    ['bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), /binary/],
    ['ctl.txt', Buffer.from([1, 2, 3, 4, 5, 6, 65, 66]), /binary/],
    ['big.txt', 'x'.repeat(20_000), /too large/],
    ['img.png', 'not really', /unsupported file type '\.png'/],
    ['empty.txt', '', /empty/],
    ['blank.txt', '  \n ', /empty/],
    ['bad.json', '{"text": ', /invalid JSON/],
    ['notext.json', '{"title": "x"}', /no text/],
    ['scalar.json', '[3]', /expected a JSON object/],
  ];
  for (const [name, data, re] of rows) {
    const p = f(name, data);
    const items = await collect([p, f('ok.txt', 'fine')]);
    assert.equal(items.length, 2, name);
    assert.equal(items[0]!.ok, false, name);
    if (!items[0]!.ok) {
      assert.match(items[0]!.error.message, re, name);
      assert.ok(items[0]!.error.message.includes(name), name);
      assert.equal(items[0]!.error.code, 'E_INPUT');
    }
    assert.equal(items[1]!.ok, true);
  }
  const missing = await collect([join(dir, 'nope.txt')]);
  assert.match(!missing[0]!.ok ? missing[0]!.error.message : '', /no such file/);
});

test('a bad JSONL line is its own error item with the line number', async () => {
  const p = f('mixed.jsonl', '{"text":"a"}\n{oops\n{"text":"c"}\n');
  const items = await collect([p]);
  assert.deepEqual(items.map((i) => i.ok), [true, false, true]);
  assert.ok(!items[1]!.ok && /line 2/.test(items[1]!.error.message) && items[1]!.input === `${p}:2`);
});

test('encodings: BOMs, meta charset, windows-1252 fallback', async () => {
  const rows: [string, Buffer, string][] = [
    ['bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('café')]), 'café'],
    ['bom16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Привет', 'utf-16le')]), 'Привет'],
    ['bom16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Привет', 'utf-16be')]), 'Привет'],
    ['cp1252.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]), 'café “q”'],
  ];
  for (const [name, data, expected] of rows) {
    const [item] = await collect([f(name, data)]);
    assert.equal(item!.ok && item!.record.text, expected, name);
  }
  const cyr = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body>'), iconv.encode('Москва', 'windows-1251'), Buffer.from('</body></html>')]);
  const [h] = await collect([f('cyr.html', cyr)]);
  assert.ok(h!.ok && h!.record.html!.includes('Москва'));
});

test('stdin: sniffs JSONL, JSON, HTML and text', async () => {
  const rows: [string, (items: InputItem[]) => void][] = [
    ['{"text":"a"}\n{"text":"b"}\n', (items) => assert.deepEqual(items.map((i) => i.ok && i.record.text), ['a', 'b'])],
    ['[{"text":"a"}]', (items) => assert.equal(items[0]!.ok && items[0]!.record.text, 'a')],
    ['<!doctype html><html><body><p>x</p></body></html>', (items) => assert.ok(items[0]!.ok && items[0]!.record.html)],
    ['Just some plain text.', (items) => assert.equal(items[0]!.ok && items[0]!.record.text, 'Just some plain text.')],
  ];
  for (const [input, check] of rows) check(await collect(['-'], input));
  const big = await collect(['-'], 'x'.repeat(50), 10);
  assert.ok(!big[0]!.ok && /too large/.test(big[0]!.error.message));
});

test('docIdFor and contentHashOf are stable', () => {
  assert.equal(docIdFor({ id: 'given', text: 'x' }), 'given');
  assert.equal(docIdFor({ text: 'hello' }), 'd_2cf24dba5fb0');
  assert.equal(contentHashOf({ text: 'hello' }), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  assert.equal(contentHashOf({ html: '<p>a</p>', text: 'a' }), contentHashOf({ html: '<p>a</p>' }));
});
