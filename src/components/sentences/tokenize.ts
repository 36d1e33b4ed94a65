/**
 * Tokenizer and sentence splitter in one pass per paragraph, writing flat typed arrays.
 * Pure functions of the text: testable without a Doc.
 */
import type { Span } from '../../doc/span.js';
import { TokenFlag, TokenKind, TokenTable } from '../../doc/tokens.js';
import { ABBREVIATIONS } from './abbreviations.js';

/**
 * One token per match, tried in order:
 * 1. initialisms with periods: "U.S.", "a.m."
 * 2. plain numbers not glued to letters: "2,000", "3.5", "2014" (but "24M" and "5G" are words)
 * 3. words, with inner hyphens and apostrophes: "al-Qaida", "Su-24M", "don't"
 * 4. quotation marks
 * 5. any other single non-space character
 */
const TOKEN_RE = /((?:\p{L}\.){2,})|(\d+(?:[.,]\d+)*(?![\p{L}\d]))|([\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*)|(["“”„«»‘’'`])|(\S)/gu;

const POSSESSIVE_RE = /['’][sS]$/;

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

function wordFlags(word: string): number {
  let f = 0;
  const c0 = word[0]!;
  if (isUpper(c0)) f |= TokenFlag.CAPITALIZED;
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 48 && code <= 57) f |= TokenFlag.HAS_DIGIT;
    else if (ch !== ch.toLowerCase() || ch !== ch.toUpperCase()) {
      letters++;
      if (isUpper(ch)) upper++;
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
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
      lineStart = i + 1;
    }
  }
  return out;
}

const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set([')', ']', '}', '»']);

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
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let prevEnd = -1;
    while ((m = TOKEN_RE.exec(paraText)) !== null) {
      let s = m.index;
      let e = s + m[0].length;
      const spaceBefore = s === 0 || prevEnd !== s ? TokenFlag.SPACE_BEFORE : 0;
      if (m[1] !== undefined) {
        buf.push(para.start + s, para.start + e, TokenKind.WORD, wordFlags(m[1]) | spaceBefore);
      } else if (m[2] !== undefined) {
        buf.push(para.start + s, para.start + e, TokenKind.NUMBER, TokenFlag.HAS_DIGIT | spaceBefore);
      } else if (m[3] !== undefined) {
        let word = m[3];
        // "Russia's" -> "Russia" + "'s": the possessive is its own token, as in spaCy.
        if (word.length > 2 && POSSESSIVE_RE.test(word)) {
          const cut = e - 2;
          buf.push(para.start + s, para.start + cut, TokenKind.WORD, wordFlags(word.slice(0, -2)) | spaceBefore);
          buf.push(para.start + cut, para.start + e, TokenKind.WORD, 0);
        } else {
          // "Gen." and "M." (an initial) keep their period.
          if (paraText[e] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && isUpper(word)))) {
            e++;
            TOKEN_RE.lastIndex = e;
          }
          buf.push(para.start + s, para.start + e, TokenKind.WORD, wordFlags(word) | spaceBefore);
        }
      } else if (m[4] !== undefined) {
        const prev = s === 0 ? ' ' : paraText[s - 1]!;
        const next = e >= paraText.length ? ' ' : paraText[e]!;
        const ch = m[4];
        let dir: number;
        if (ch === '“' || ch === '«' || ch === '„') dir = TokenFlag.OPENING;
        else if (ch === '”' || ch === '»') dir = TokenFlag.CLOSING;
        else if (/[\s([{—–-]/.test(prev) || s === 0) dir = TokenFlag.OPENING;
        else if (/[\s.,;:!?)\]}—–-]/.test(next) || e === paraText.length) dir = TokenFlag.CLOSING;
        else dir = TokenFlag.OPENING;
        buf.push(para.start + s, para.start + e, TokenKind.QUOTE, dir | spaceBefore);
      } else {
        const ch = m[5]!;
        const kind = /[\p{P}]/u.test(ch) ? TokenKind.PUNCT : TokenKind.SYMBOL;
        buf.push(para.start + s, para.start + e, kind, spaceBefore);
      }
      prevEnd = e;
    }
    // Sentence split over this paragraph's tokens.
    const lastToken = buf.length;
    let sentStartTok = firstToken;
    for (let i = firstToken; i < lastToken; i++) {
      const t = text.slice(buf.start[i]!, buf.end[i]!);
      if (!TERMINAL.has(t)) continue;
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
