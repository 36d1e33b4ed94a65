import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matcherFor, quotesMatch } from './quote-groups.js';

type Q = { doc: string; speaker: string | null; stems: string[]; numbers: string[] };
const q = (doc: string, speaker: string | null, stems: string, numbers: string[] = []): Q => ({ doc, speaker, stems: stems.split(' ').filter(Boolean), numbers });

/** matcherFor(a)(b) scores every pair as quotesMatch(a, b) does: [a, b, expected score]. */
test('matcherFor scores candidates exactly as quotesMatch', () => {
  const rows: [Q, Q, number][] = [
    // Same document: never a match.
    [q('d1', 'p', 'alpha beta gamma delta'), q('d1', 'p', 'alpha beta gamma delta'), 0],
    // Different known speakers.
    [q('d1', 'p', 'alpha beta gamma delta'), q('d2', 'r', 'alpha beta gamma delta'), 0],
    // Same speaker, 3 of 4 shared.
    [q('d1', 'p', 'alpha beta gamma delta'), q('d2', 'p', 'alpha beta gamma omega zeta'), 0.75],
    // Same speaker, only 2 shared: below the minimum.
    [q('d1', 'p', 'alpha beta gamma delta'), q('d2', 'p', 'alpha beta omega'), 0],
    // Figures disagree.
    [q('d1', 'p', 'alpha beta gamma delta', ['12']), q('d2', 'p', 'alpha beta gamma delta', ['15']), 0],
    // "40%" agrees with "40".
    [q('d1', 'p', 'alpha beta gamma delta', ['40%']), q('d2', 'p', 'alpha beta gamma delta', ['7', '40']), 1],
    // One side without figures: figures do not decide.
    [q('d1', 'p', 'alpha beta gamma delta', ['40%']), q('d2', 'p', 'alpha beta gamma delta'), 1],
    // Speaker unknown on one side: 6 shared and 60% needed.
    [q('d1', null, 'a b c d e f g h i j'), q('d2', 'p', 'a b c d e f x y z'), 6 / 9],
    [q('d1', null, 'a b c d e f g h i j'), q('d2', 'p', 'a b c d e x y z'), 0],
    // Empty stems.
    [q('d1', 'p', ''), q('d2', 'p', 'alpha'), 0],
  ];
  for (const [a, b, want] of rows) {
    assert.equal(quotesMatch(a, b), want, `quotesMatch ${a.stems.join(' ')} / ${b.stems.join(' ')}`);
    assert.equal(matcherFor(a)(b), want, `matcherFor ${a.stems.join(' ')} / ${b.stems.join(' ')}`);
  }
});
