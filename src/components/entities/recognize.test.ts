import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findEntities } from './index.js';

/** Mentions of a text as "surface/type" strings, in order. */
function mentionsOf(text: string): string[] {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  findEntities(doc);
  return doc.mentions.map((m) => `${text.slice(m.start, m.end)}/${doc.entities[m.entity]!.type}`);
}

function check(rows: [string, string[], string[]][]): void {
  for (const [text, present, absent] of rows) {
    const got = mentionsOf(text);
    for (const p of present) assert.ok(got.includes(p), `${p} in ${JSON.stringify(got)} for ${text}`);
    for (const a of absent) assert.ok(!got.some((g) => g === a || g.startsWith(`${a}/`)), `${a} not in ${JSON.stringify(got)} for ${text}`);
  }
}

test('a title inside a run splits it: the person after it, the organization or place before it', () => {
  check([
    ['New York City Mayor Bill de Blasio said the city would reopen.', ['Bill de Blasio/person', 'New York City/location'], ['New York City Mayor Bill de Blasio']],
    ['The plan was backed by Colorado Governor Richard Lamm on Monday.', ['Richard Lamm/person'], ['Colorado Governor Richard Lamm']],
    ['Trust Executive Director Javier Moreno said the buses were late.', ['Javier Moreno/person'], ['Trust Executive Director Javier Moreno']],
  ]);
});

test('an article opening an institution name is not part of it', () => {
  check([
    ['Council members voted on Tuesday. The Council of Europe condemned it.', ['Council of Europe/organization'], ['The Council of Europe']],
  ]);
});

test('institution heads take "on" phrases and a closing "in <region>"', () => {
  check([
    ['The Organization for Security and Co-operation in Europe sent observers.', ['Organization for Security and Co-operation in Europe/organization'], ['Europe']],
    ['The Intergovernmental Panel on Climate Change published a report.', ['Intergovernmental Panel on Climate Change/organization'], ['Climate Change']],
    ['The study was funded by the National Institute on Aging.', ['National Institute on Aging/organization'], []],
    ['The Council of Europe in Strasbourg said so.', ['Council of Europe/organization'], ['Council of Europe in Strasbourg']],
  ]);
});

test('an organization head set in capitals is a heading, not a name', () => {
  check([['BREAKING NEWS\nThe meeting in Paris was attended by leaders from France.', ['Paris/location'], ['BREAKING NEWS']]]);
});
