/**
 * Tokens live in flat typed arrays (after wink-nlp's packed token slots): one slot per token
 * in each array, so per-token loops touch no objects. Views are built only when asked.
 */

/** Token kinds, stored one byte per token in `TokenTable.kind`. */
export const TokenKind = {
  WORD: 1,
  NUMBER: 2,
  PUNCT: 3,
  QUOTE: 4,
  SYMBOL: 5,
} as const;

/** Bit flags per token in `TokenTable.flags`. */
export const TokenFlag = {
  /** First letter is upper-case ("Moscow", "FSB"). */
  CAPITALIZED: 1,
  /** Every letter upper-case and at least two letters ("FSB", "NATO"). */
  ALL_CAPS: 2,
  /** First token of its sentence. */
  SENTENCE_START: 4,
  /** Preceded by whitespace (or start of text). */
  SPACE_BEFORE: 8,
  /** Opening quotation mark (for QUOTE tokens). */
  OPENING: 16,
  /** Closing quotation mark (for QUOTE tokens). */
  CLOSING: 32,
  /** Contains a digit. */
  HAS_DIGIT: 64,
} as const;

export class TokenTable {
  readonly length: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** Index of the sentence each token belongs to. */
  readonly sentence: Uint32Array;
  constructor(length: number, start: Uint32Array, end: Uint32Array, kind: Uint8Array, flags: Uint8Array, sentence: Uint32Array) {
    this.length = length;
    this.start = start;
    this.end = end;
    this.kind = kind;
    this.flags = flags;
    this.sentence = sentence;
  }
  /** The token's text. */
  text(source: string, i: number): string {
    return source.slice(this.start[i]!, this.end[i]!);
  }
  /** Index of the first token whose end is after `offset` (binary search); `length` when none. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  static empty(): TokenTable {
    return new TokenTable(0, new Uint32Array(0), new Uint32Array(0), new Uint8Array(0), new Uint8Array(0), new Uint32Array(0));
  }
}
