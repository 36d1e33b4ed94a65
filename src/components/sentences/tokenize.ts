/**
 * Tokenizer and sentence splitter in one pass per paragraph, writing flat typed arrays.
 * Pure functions of the text: testable without a Doc.
 */
import type { Span } from '../../doc/span.js';
import { TokenFlag, TokenKind, TokenTable } from '../../doc/tokens.js';
import { ABBREVIATIONS } from './abbreviations.js';

/**
 * Character classes, one byte per UTF-16 code unit, computed once: the scanner tests a table entry
 * instead of running a Unicode regex per character.
 */
const C_SPACE = 1;
const C_LETTER = 2; // \p{L} and \p{M}
const C_DIGIT = 3; // ASCII digits
const C_OTHER_NUM = 4; // other \p{N}: part of words, never plain numbers
const C_QUOTE = 5;
const C_PUNCT = 6;
const C_SYMBOL = 7;
const C_SURROGATE = 8;

const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(65536);
  const letter = /[\p{L}\p{M}]/u;
  const num = /\p{N}/u;
  const space = /\s/u;
  const punct = /\p{P}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = C_SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c >= 48 && c <= 57) t[c] = C_DIGIT;
    else if (space.test(ch) || c < 32) t[c] = C_SPACE;
    else if (letter.test(ch)) t[c] = C_LETTER;
    else if (num.test(ch)) t[c] = C_OTHER_NUM;
    else if ('"“”„«»‘’\'`'.includes(ch)) t[c] = C_QUOTE;
    else if (punct.test(ch)) t[c] = C_PUNCT;
    else t[c] = C_SYMBOL;
  }
  return t;
}

/**
 * The code unit at `i`, or 0 past either end: the scanner peeks past a paragraph's end, and an
 * out-of-range read (NaN, then an index out of the class table) deoptimizes the optimized scanner.
 */
function codeAt(s: string, i: number): number {
  return i >>> 0 < s.length ? s.charCodeAt(i) : 0;
}

function isWordClass(k: number): boolean {
  return k === C_LETTER || k === C_DIGIT || k === C_OTHER_NUM;
}

/** A straight quote after these opens a quotation; before these it closes one. */
const QUOTE_OPENS_AFTER = new Set(['(', '[', '{', '—', '–', '-']);
const QUOTE_CLOSES_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-']);

class Growable {
  start: Uint32Array;
  end: Uint32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  sentence: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.start = new Uint32Array(capacity);
    this.end = new Uint32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.sentence = new Uint32Array(capacity);
  }
  push(start: number, end: number, kind: number, flags: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.flags[i] = flags;
  }
  private grow(): void {
    const cap = this.start.length * 2 + 16;
    const s = new Uint32Array(cap); s.set(this.start); this.start = s;
    const e = new Uint32Array(cap); e.set(this.end); this.end = e;
    const k = new Uint8Array(cap); k.set(this.kind); this.kind = k;
    const f = new Uint8Array(cap); f.set(this.flags); this.flags = f;
    const n = new Uint32Array(cap); n.set(this.sentence); this.sentence = n;
  }
  table(): TokenTable {
    const n = this.length;
    return new TokenTable(n, this.start.slice(0, n), this.end.slice(0, n), this.kind.slice(0, n), this.flags.slice(0, n), this.sentence.slice(0, n));
  }
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Flags of the word str[start, end) from its characters (no slice): ASCII by char code, other scripts by case mapping. */
function wordFlagsAt(str: string, start: number, end: number): number {
  let f = 0;
  let letters = 0;
  let upper = 0;
  for (let i = start; i < end; i++) {
    const code = str.charCodeAt(i);
    if (code >= 48 && code <= 57) f |= TokenFlag.HAS_DIGIT;
    else if (code >= 65 && code <= 90) {
      letters++;
      upper++;
      if (i === start) f |= TokenFlag.CAPITALIZED;
    } else if (code >= 97 && code <= 122) letters++;
    else if (code > 127) {
      const ch = str[i]!;
      const lower = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lower !== up) {
        letters++;
        if (ch === up) {
          upper++;
          if (i === start) f |= TokenFlag.CAPITALIZED;
        }
      }
    }
  }
  if (letters >= 2 && upper === letters) f |= TokenFlag.ALL_CAPS;
  return f;
}

/** Paragraphs: each non-blank line, trimmed. News scrapes put one paragraph per line. */
export function findParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let s = lineStart;
      let e = i;
      while (s < e && CLASS[text.charCodeAt(s)] === C_SPACE) s++;
      while (e > s && CLASS[text.charCodeAt(e - 1)] === C_SPACE) e--;
      if (e > s) out.push({ start: s, end: e });
      lineStart = i + 1;
    }
  }
  return out;
}

const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set([')', ']', '}', '»']);
/** Char codes of . ! ? … (one-character terminal tokens). */
function isTerminalCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 8230;
}

/**
 * Tokenize the text and split sentences (never across paragraphs).
 * @example tokenizeText('He said. She left.').sentences.length // 2
 */
export function tokenizeText(text: string, paragraphs: Span[] = findParagraphs(text)): { tokens: TokenTable; sentences: Span[] } {
  const buf = new Growable(Math.max(16, text.length >> 2));
  const sentences: Span[] = [];
  for (const para of paragraphs) {
    const paraText = text.slice(para.start, para.end);
    const firstToken = buf.length;
    const n = paraText.length;
    let prevEnd = -1;
    let i = 0;
    while (i < n) {
      const code = paraText.charCodeAt(i);
      const k = CLASS[code]!;
      if (k === C_SPACE) {
        i++;
        continue;
      }
      const s = i;
      const spaceBefore = s === 0 || prevEnd !== s ? TokenFlag.SPACE_BEFORE : 0;
      let e = i + 1;
      if (k === C_LETTER && codeAt(paraText, i + 1) === 46 && CLASS[codeAt(paraText, i + 2)] === C_LETTER && codeAt(paraText, i + 3) === 46) {
        // Initialisms with periods: "U.S.", "a.m."
        e = i + 4;
        while (CLASS[codeAt(paraText, e)] === C_LETTER && codeAt(paraText, e + 1) === 46) e += 2;
        buf.push(para.start + s, para.start + e, TokenKind.WORD, wordFlagsAt(paraText, s, e) | spaceBefore);
      } else if (isWordClass(k)) {
        let plainNumber = false;
        if (k === C_DIGIT) {
          // Plain numbers not glued to letters: "2,000", "3.5", "2014" (but "24M" and "5G" are words).
          e = i + 1;
          while (CLASS[codeAt(paraText, e)] === C_DIGIT) e++;
          for (;;) {
            const c2 = codeAt(paraText, e);
            if ((c2 === 44 || c2 === 46) && CLASS[codeAt(paraText, e + 1)] === C_DIGIT) {
              e += 2;
              while (CLASS[codeAt(paraText, e)] === C_DIGIT) e++;
            } else break;
          }
          const after = CLASS[codeAt(paraText, e)];
          plainNumber = e >= n || !(after === C_LETTER || after === C_DIGIT || after === C_OTHER_NUM);
        }
        if (plainNumber) {
          buf.push(para.start + s, para.start + e, TokenKind.NUMBER, TokenFlag.HAS_DIGIT | spaceBefore);
        } else {
          // Words, with inner hyphens and apostrophes: "al-Shabaab", "F-35A", "don't".
          e = i + 1;
          for (;;) {
            while (e < n && isWordClass(CLASS[paraText.charCodeAt(e)]!)) e++;
            const c2 = codeAt(paraText, e);
            if ((c2 === 45 || c2 === 39 || c2 === 8217) && isWordClass(CLASS[codeAt(paraText, e + 1)] ?? 0)) e += 2;
            else break;
          }
          // A possessive ending (' or ’, then s or S), by char codes.
          const c1 = paraText.charCodeAt(e - 1);
          const c0 = codeAt(paraText, e - 2);
          if (e - s > 2 && (c1 === 115 || c1 === 83) && (c0 === 39 || c0 === 8217)) {
            // "Russia's" -> "Russia" + "'s": the possessive is its own token, as in spaCy.
            const cut = e - 2;
            buf.push(para.start + s, para.start + cut, TokenKind.WORD, wordFlagsAt(paraText, s, cut) | spaceBefore);
            buf.push(para.start + cut, para.start + e, TokenKind.WORD, 0);
          } else {
            const flags = wordFlagsAt(paraText, s, e);
            // "Gen." and "M." (an initial) keep their period.
            if (codeAt(paraText, e) === 46) {
              const word = paraText.slice(s, e);
              if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && isUpper(word))) e++;
            }
            buf.push(para.start + s, para.start + e, TokenKind.WORD, flags | spaceBefore);
          }
        }
      } else if (k === C_QUOTE) {
        const prev = s === 0 ? ' ' : paraText[s - 1]!;
        const next = e >= n ? ' ' : paraText[e]!;
        const ch = paraText[s]!;
        let dir: number;
        if (ch === '“' || ch === '«' || ch === '„') dir = TokenFlag.OPENING;
        else if (ch === '”' || ch === '»') dir = TokenFlag.CLOSING;
        else if (s === 0 || QUOTE_OPENS_AFTER.has(prev) || CLASS[prev.charCodeAt(0)] === C_SPACE) dir = TokenFlag.OPENING;
        else if (e === n || QUOTE_CLOSES_BEFORE.has(next) || CLASS[next.charCodeAt(0)] === C_SPACE) dir = TokenFlag.CLOSING;
        else dir = TokenFlag.OPENING;
        buf.push(para.start + s, para.start + e, TokenKind.QUOTE, dir | spaceBefore);
      } else if (k === C_SURROGATE) {
        e = i + 2;
        buf.push(para.start + s, para.start + Math.min(e, n), TokenKind.SYMBOL, spaceBefore);
      } else {
        buf.push(para.start + s, para.start + e, k === C_PUNCT ? TokenKind.PUNCT : TokenKind.SYMBOL, spaceBefore);
      }
      prevEnd = e;
      i = e;
    }
    // Sentence split over this paragraph's tokens.
    const lastToken = buf.length;
    let sentStartTok = firstToken;
    for (let i = firstToken; i < lastToken; i++) {
      if (buf.end[i]! - buf.start[i]! !== 1 || !isTerminalCode(text.charCodeAt(buf.start[i]!))) continue;
      // Closing quotes and brackets after the terminal belong to this sentence.
      let j = i + 1;
      while (j < lastToken) {
        const tj = text.slice(buf.start[j]!, buf.end[j]!);
        if ((buf.kind[j] === TokenKind.QUOTE && buf.flags[j]! & TokenFlag.CLOSING) || CLOSERS.has(tj) || TERMINAL.has(tj)) j++;
        else break;
      }
      if (j >= lastToken) break;
      const nextKind = buf.kind[j]!;
      const nextFlags = buf.flags[j]!;
      const nextText = text.slice(buf.start[j]!, buf.end[j]!);
      const startsSentence =
        nextFlags & TokenFlag.CAPITALIZED ||
        nextKind === TokenKind.NUMBER ||
        (nextKind === TokenKind.QUOTE && nextFlags & TokenFlag.OPENING) ||
        nextText === '(' || nextText === '[';
      if (!startsSentence || !(nextFlags & TokenFlag.SPACE_BEFORE)) continue;
      sentences.push({ start: buf.start[sentStartTok]!, end: buf.end[j - 1]! });
      for (let k = sentStartTok; k < j; k++) buf.sentence[k] = sentences.length - 1;
      buf.flags[sentStartTok] = buf.flags[sentStartTok]! | TokenFlag.SENTENCE_START;
      sentStartTok = j;
      i = j - 1;
    }
    if (sentStartTok < lastToken) {
      sentences.push({ start: buf.start[sentStartTok]!, end: buf.end[lastToken - 1]! });
      for (let k = sentStartTok; k < lastToken; k++) buf.sentence[k] = sentences.length - 1;
      buf.flags[sentStartTok] = buf.flags[sentStartTok]! | TokenFlag.SENTENCE_START;
    }
  }
  return { tokens: buf.table(), sentences };
}
