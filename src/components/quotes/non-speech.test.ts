import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findOpenAttributions } from './find-open.js';

/** Contents the open rules find in `text` (no earlier attributions). */
function openContents(text: string): string[] {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  return findOpenAttributions(doc.text, doc.paragraphs, doc.sentences, doc.tokens, []).map((q) => text.slice(q.start, q.end));
}

test('open rules: a cue word in a non-speech frame opens no attribution; with a clause it still does', () => {
  const rows: [string, string[]][] = [
    ['A while back I went to a great meeting with the main speaker.', []],
    ['Over 100,000 people went to Madison Square Garden that year.', []],
    ['The actress appeared on a podcast hosted by a tabloid editor.', []],
    ['The bats are found in caves and mines across the region.', []],
    ['The new evidence is adding to the pressure on the board.', []],
    ['Officials knew about the leak for months before the vote.', []],
    ['A local man charged with arson over the store fire.', []],
    ['Rescue paramedics all called in to help with the search.', []],
    ['The director spoke to the station in June, a week after the vote.', []],
    ['Prosecutors charged that the driver lied to the police.', ['the driver lied to the police']],
    ['The senator went on to say that the bill would fail.', ['on to say that the bill would fail']],
    ['The study found that the drug cut deaths by a third.', ['the drug cut deaths by a third']],
    ['Critics appeared to suggest the plan was dead on arrival.', ['to suggest the plan was dead on arrival']],
  ];
  for (const [text, want] of rows) assert.deepEqual(openContents(text), want, text);
});
