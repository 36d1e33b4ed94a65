import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParagraphs, tokenizeText } from './tokenize.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';

function sents(text: string): string[] {
  return tokenizeText(text).sentences.map((s) => text.slice(s.start, s.end));
}
function toks(text: string): string[] {
  const { tokens } = tokenizeText(text);
  return Array.from({ length: tokens.length }, (_, i) => tokens.text(text, i));
}

test('sentence splitting table', () => {
  const rows: [string, string[]][] = [
    ['He said. She left.', ['He said.', 'She left.']],
    ['Maj. Gen. Smith spoke on Sept. 30 in Moscow.', ['Maj. Gen. Smith spoke on Sept. 30 in Moscow.']],
    ['"We are concerned." He left.', ['"We are concerned."', 'He left.']],
    ['"It grows," she said. "We hope so."', ['"It grows," she said.', '"We hope so."']],
    ['MOSCOW, May 2. /TASS/. The group grew.', ['MOSCOW, May 2. /TASS/.', 'The group grew.']],
    ['Robert M. Gates rides.', ['Robert M. Gates rides.']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['It costs 3.5 million. Next.', ['It costs 3.5 million.', 'Next.']],
    ['Really? Yes!', ['Really?', 'Yes!']],
  ];
  for (const [input, expected] of rows) assert.deepEqual(sents(input), expected, input);
});

test('tokenization table', () => {
  const rows: [string, string[]][] = [
    ['2,000-3,000 militants', ['2,000', '-', '3,000', 'militants']],
    ['Su-24M and al-Qaida', ['Su-24M', 'and', 'al-Qaida']],
    ["Russia's envoy", ['Russia', "'s", 'envoy']],
    ['Russia’s envoy', ['Russia', '’s', 'envoy']],
    ['the U.S. army', ['the', 'U.S.', 'army']],
    ['40% of 5G', ['40', '%', 'of', '5G']],
    ['"up to 50,000"', ['"', 'up', 'to', '50,000', '"']],
    ['October 16-17', ['October', '16', '-', '17']],
    // Words, numbers and initialisms that end the paragraph (the scanner peeks past its end).
    ['paid 2,000', ['paid', '2,000']],
    ['in the U.S', ['in', 'the', 'U.', 'S']],
    ['in the U.S.', ['in', 'the', 'U.S.']],
    ['3.5\nnext', ['3.5', 'next']],
    ["rock 'n'", ['rock', "'", 'n', "'"]],
    ['x', ['x']],
  ];
  for (const [input, expected] of rows) assert.deepEqual(toks(input), expected, input);
});

test('token kinds and flags', () => {
  const text = '“FSB chief” said 40';
  const { tokens } = tokenizeText(text);
  assert.equal(tokens.kind[0], TokenKind.QUOTE);
  assert.ok(tokens.flags[0]! & TokenFlag.OPENING);
  assert.ok(tokens.flags[1]! & TokenFlag.ALL_CAPS);
  assert.ok(tokens.flags[0]! & TokenFlag.SENTENCE_START);
  assert.equal(tokens.kind[3], TokenKind.QUOTE);
  assert.ok(tokens.flags[3]! & TokenFlag.CLOSING);
  assert.equal(tokens.kind[5], TokenKind.NUMBER);
  assert.equal(tokens.indexAt(text.indexOf('said')), 4);
});

test('paragraphs are trimmed non-blank lines', () => {
  const text = '  first  \n\n second\n';
  assert.deepEqual(findParagraphs(text).map((p) => text.slice(p.start, p.end)), ['first', 'second']);
});

test('every token lies inside its sentence and offsets slice the text', () => {
  const text = 'A “quoted” line. Another one, with 3,000 items!\nNew paragraph here.';
  const { tokens, sentences } = tokenizeText(text);
  for (let i = 0; i < tokens.length; i++) {
    const s = sentences[tokens.sentence[i]!]!;
    assert.ok(s.start <= tokens.start[i]! && tokens.end[i]! <= s.end);
  }
});
