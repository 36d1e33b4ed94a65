import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findQuotes } from './index.js';
import { introSource, speakerTurns } from './colon-intro.js';
import { isFieldLabel } from './find-open.js';

function docOf(text: string): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  return doc;
}

const sourcesOf = (text: string): (string | null)[] => {
  const doc = docOf(text);
  return findQuotes(doc).map((q) => (q.source ? text.slice(q.source.start, q.source.end) : null));
};

test('speakerTurns: all-caps labels of a dialogue, not a lone or editorial label', () => {
  const rows: [string, string[]][] = [
    ['Host interview follows.\n\nSMITH: Thanks for joining us today, Governor.\n\nJONES: Glad to be here with you.', ['SMITH', 'JONES']],
    ['Transcript:\n\n"ANNA LEE: We have to act now on this.\n\n"BOB: No, we do not have to act.', ['ANNA LEE', 'BOB']],
    // One speaker only: a heading, not a dialogue.
    ['SMITH: Thanks for joining us today, Governor.\n\nSMITH: And one more thing for you.', []],
    // Editorial labels are no speakers.
    ['UPDATE: The vote was moved to Friday evening.\n\nCORRECTION: An earlier version misspelled a name.', []],
    // Title case is no label.
    ['Smith: Thanks for joining us today.\n\nJones: Glad to be here today.', []],
  ];
  for (const [text, want] of rows) {
    const doc = docOf(text);
    assert.deepEqual(speakerTurns(text, doc.paragraphs).map((t) => text.slice(t.label.start, t.label.end)), want, text);
  }
});

test('findQuotes: a transcript turn is attributed to its label', () => {
  const text = 'The interview, in part:\n\nSMITH: Do you think the plan will pass the Senate this year?\n\nJONES: I think it will pass, and I believe most senators agree with me.';
  const srcs = sourcesOf(text);
  assert.ok(srcs.includes('SMITH'), JSON.stringify(srcs));
  assert.ok(srcs.includes('JONES'), JSON.stringify(srcs));
  // The turn is the attribution: no nested "I think" source inside it.
  assert.ok(!srcs.includes('I'), JSON.stringify(srcs));
});

test('introSource: the subject and verb of a clause ending in a colon', () => {
  const rows: [string, [string, string] | null][] = [
    ['The senator continued:', ['The senator', 'continued']],
    ['Reporter Jane Doe says:', ['Reporter Jane Doe', 'says']],
    ['The governor released the following statement:', ['The governor', 'released']],
    ['The letter reads in part:', ['The letter', 'reads']],
    // No verb before the colon: no source.
    ['Pollster Jane Doe:', null],
    ['Stated Smith:', null],
  ];
  for (const [text, want] of rows) {
    const r = introSource(text, 0, text.length - 1);
    assert.deepEqual(r ? [text.slice(r.source.start, r.source.end), text.slice(r.cue.start, r.cue.end)] : null, want, text);
  }
});

test('findQuotes: a quote after a colon-ended clause in the paragraph before takes its subject', () => {
  const text = 'The crowd cheered when the senator took the stage.\n\nThe senator continued:\n\n“We will not give up on this fight, not now and not ever.”';
  const doc = docOf(text);
  const q = findQuotes(doc).find((x) => x.kind === 'direct');
  assert.ok(q && q.source, 'direct quote with a source');
  assert.equal(text.slice(q.source.start, q.source.end), 'The senator');
  assert.equal(q.cue, 'continued');
});

test('isFieldLabel: field and section labels are no speakers', () => {
  const rows: [string, boolean][] = [
    ['Definition', true], ['Answer', true], ['Next', true], ['STREAM', true], ['TypeError', true], ['Disadvantages', true],
    ['Posted', true], ['Last updated', true], ['Published', true],
    ['Graham', false], ['Mr Malone', false], ['Poll', false],
  ];
  for (const [label, want] of rows) assert.equal(isFieldLabel(label), want, label);
});

test('headline colon labels: one or two are claims; three or more are a list unless a recurring name answers', () => {
  const rows: [string, string[]][] = [
    ['Graham: Trump must step aside now\n\nThe senator spoke on Monday.', ['Graham']],
    // Recipe notes: each label once.
    ['Peanut Butter: Use a creamy kind for the dough.\n\nMaple Syrup: Any other syrup works as well.\n\nSea Salt: Adjust the amount to your taste.', []],
    // An interview: names that recur.
    ['Rick: We wanted one code base for the site.\n\nMarissa: It had come a long way since then.\n\nRick: Exactly, and it was quick to build.\n\nMarissa: We needed to rethink how we wrote scripts.', ['Rick', 'Marissa', 'Rick', 'Marissa']],
    // Recurring fields of common words.
    ['Accuracy: It varies widely between devices.\n\nCost: It is cheap and easy to find.\n\nAccuracy: It is very good in most tests.\n\nCost: It is expensive and rarely offered.', []],
    // A recurring label with title contents: a list of titles.
    ['Harry Potter: Hogwarts Mystery Deluxe\n\nHarry Potter: Wizards Unite Together\n\nHarry Potter: Puzzles & Spells', []],
  ];
  for (const [text, want] of rows) {
    const got = findQuotes(docOf(text)).filter((q) => q.cue === ':' && q.source).map((q) => text.slice(q.source!.start, q.source!.end));
    assert.deepEqual(got, want, text);
  }
});
