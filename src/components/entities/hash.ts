/**
 * Allocation-free hashing of token text straight from `doc.text` (FNV-1a, 32 bit) and
 * integer mixing for feature keys. Training and inference share these, so keys match.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const lowerCache = new Map<number, number>();

/** Lower-case of one UTF-16 code unit, ASCII fast path. @example lowerCode(65) // 97 */
export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}

/** True when the code unit is an upper-case letter. @example isUpperCode(81) // true */
export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return lowerCode(c) !== c;
}

/** FNV-1a of text[start, end), lower-cased. @example hashLower('Moscow', 0, 6) === hashLower('MOSCOW', 0, 6) */
export function hashLower(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a of text[start, end) as is. @example hashExact('IS', 0, 2) !== hashExact('is', 0, 2) */
export function hashExact(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Lower-case hash of a whole string. @example hashString('taliban') === hashLower('Taliban', 0, 7) */
export function hashString(s: string): number {
  return hashLower(s, 0, s.length);
}

/**
 * Finalizer of murmur3: spreads bits of a 32-bit value. Returns the bits as a signed int32: values
 * of 2^31 and more would be boxed as heap numbers on every call in the hot loop. Stored in a
 * Uint32Array the bits are the same.
 */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Key of feature template `t` with value `v` (int32 bits). Never 0 (0 marks an empty slot). @example featureKey(3, 12345) */
export function featureKey(t: number, v: number): number {
  const k = fmix(v ^ Math.imul(t + 1, 0x9e3779b1));
  return k === 0 ? 1 : k;
}

/** Combine two values into one. @example pair(1, 2) !== pair(2, 1) */
export function pair(a: number, b: number): number {
  return fmix(Math.imul(a, 0x01000193) ^ b ^ 0x5bd1e995);
}

/**
 * Open-addressing table from 32-bit hashes to small positive ints (0 means absent), over typed
 * arrays. A Map or Set keyed by uint32 hashes boxes every key of 2^30 and more as a heap number.
 * @example const t = new IntTable(); t.or(hashString('said'), 1); t.get(hashString('said')) // 1
 */
export class IntTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;
  constructor(capacity = 64) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.vals = new Int32Array(size);
    this.mask = size - 1;
  }
  /** Value stored for `key`, or 0. */
  get(key: number): number {
    const k = key | 0;
    const keys = this.keys;
    const vals = this.vals;
    let slot = (k ^ (k >>> 16)) & this.mask;
    for (;;) {
      const v = vals[slot]!;
      if (v === 0 || keys[slot] === k) return v;
      slot = (slot + 1) & this.mask;
    }
  }
  /** Set `key` to `value` (> 0). */
  set(key: number, value: number): void {
    const k = key | 0;
    let slot = (k ^ (k >>> 16)) & this.mask;
    for (;;) {
      const v = this.vals[slot]!;
      if (v === 0) break;
      if (this.keys[slot] === k) {
        this.vals[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = k;
    this.vals[slot] = value;
    if (++this.count * 2 > this.mask) this.grow();
  }
  /**
   * Empty the table for reuse with about `capacity` keys (a scratch table kept across docs): clears in
   * place when the size fits, else reallocates. Lookups do not depend on the size.
   */
  reset(capacity: number): void {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    if (this.keys.length >= size && this.keys.length <= size * 4) this.vals.fill(0);
    else {
      this.keys = new Int32Array(size);
      this.vals = new Int32Array(size);
      this.mask = size - 1;
    }
    this.count = 0;
  }
  /** OR `bits` into the value of `key`. */
  or(key: number, bits: number): void {
    this.set(key, this.get(key) | bits);
  }
  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (vals[i] !== 0) this.set(keys[i]!, vals[i]!);
  }
}
