/**
 * Number atoms: digits with separators and scales ("2,000", "1.2 million", "5bn"), number words
 * ("twenty-five", "a dozen", "four hundred"), fractions ("1/16", "two-thirds", "half") and vague
 * plurals ("tens of thousands of" -> 10,000-100,000). Pure functions over the text, sticky regexes.
 */

export interface NumberAtom {
  start: number;
  end: number;
  value: number;
  /** Upper bound for vague plurals ("hundreds of" -> 100..1000); equals value otherwise. */
  high: number;
  /** Written in digits (not words). */
  digits: boolean;
  /** Digits only, no separators, decimals or scale: candidates for years and designations. */
  plainInt: boolean;
  /** A scale word or suffix was applied ("million", "bn"). */
  scaled: boolean;
  /** "hundreds of", "dozens of". */
  vague: boolean;
  /** A fraction such as "a third", "1/16". */
  fraction: boolean;
  /** A bare one-letter scale suffix ("5m", "2k") was read as a scale; callers may veto it. */
  letterScale: boolean;
  /** The scale applied (1e6 for "1.2 million"), 1 when none. */
  factor: number;
}

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SUFFIX_SCALES: Record<string, number> = { bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12, m: 1e6, k: 1e3, b: 1e9, t: 1e12 };
/** Denominators of spoken fractions: "a third", "two-thirds", "one fourth", "three quarters". */
const FRACTIONS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};
const VULGAR: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125, '⅕': 0.2 };
/** Vague plurals: low bound; the high bound is ten times it ("dozens" is 12..120 after NewsQuant). */
const VAGUE: Record<string, number> = { tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 };

/** Where a number may start: a digit, a vulgar fraction, or a number word. Global, case-insensitive. */
export const NUMBER_START_RE =
  /[0-9½¼¾⅓⅔⅛⅕]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|tens|dozens?|scores|hundreds|thousands|millions|billions|trillions|half|an?\s+(?:dozen|half|third|quarter|fifth|hundred|thousand|million|billion))(?:\b|(?=fold\b))/gi;

const DIGITS_RE = /(?:\d{1,3}(?:, \d{3})*, 000(?:, \d{3})*(?!\d|[,.]\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.])(?=[ \u00a0]\p{L})|\d+)(?:\.\d+)?/uy;
/** Scientific notation after the mantissa: "4e14", "1.99×10−30", "2.48x10^-5". */
const EXPONENT_RE = /(?:[eE]([-+−]?\d{1,3})|[ \u00a0]?[×x*][ \u00a0]?10(?:\^|\*\*)?([-+−]?\d{1,3})|[ \u00a0]?[×x*][ \u00a0]?(\d{1,2})(?:\^|\*\*)([-+−]?\d{1,3}))(?![\d\p{L}])/uy;
const AND_A_HALF_RE = /[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half(?![\p{L}])/iuy;
const MIXED_FRACTION_RE = /[ \u00a0](\d{1,2})[/⁄](\d{1,3})(?![\d/])/y;
const SIMPLE_FRACTION_RE = /[/⁄](\d{1,3})(?![\d/.])/y;
const VULGAR_RE = /[ \u00a0]?([½¼¾⅓⅔⅛⅕])/y;
const SCALE_WORD_RE = /(?:[ \u00a0]|-)?(hundred|thousand|million|billion|trillion)s?(?![\p{L}])/iuy;
const SCALE_SUFFIX_RE = /[ \u00a0]?(bn|bln|mn|mln|tn|trn)(?![\p{L}\p{N}])|(m|k|b|B|M|K|T)(?![\p{L}\p{N}])/uy;
const WORD_RE = /[\p{L}]+/uy;
const WORD_SEP_RE = /(?:[ \u00a0]+(?:and|&)[ \u00a0]+|[ \u00a0]*-[ \u00a0]*|[ \u00a0]+|(,[ \u00a0]+))/y;
const VAGUE_RE = /(tens|dozens|scores|hundreds|thousands|millions|billions|trillions)(?:[ \u00a0]+of[ \u00a0]+(thousands|millions|billions))?(?=[ \u00a0]+of(?![\p{L}]))/iuy;
const FOLD_RE = /(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)(?=fold(?![\p{L}]))/iuy;
const FRACTION_OF_RE = /(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)(halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)(?![\p{L}])/iuy;

function atom(start: number, end: number, value: number, over: Partial<NumberAtom> = {}): NumberAtom {
  return { start, end, value, high: value, digits: false, plainInt: false, scaled: false, vague: false, fraction: false, letterScale: false, factor: 1, ...over };
}

/** Apply scale words and suffixes after a number ("1.2 million", "5bn", "4 hundred million"). */
function scaleAfter(text: string, a: NumberAtom): NumberAtom {
  let pos = a.end;
  for (;;) {
    SCALE_WORD_RE.lastIndex = pos;
    const m = SCALE_WORD_RE.exec(text);
    if (!m) break;
    const w = m[1]!.toLowerCase();
    const f = w === 'hundred' ? 100 : SCALES[w]!;
    a.value *= f;
    a.high *= f;
    a.factor *= f;
    a.scaled = true;
    a.plainInt = false;
    pos = SCALE_WORD_RE.lastIndex;
  }
  if (!a.scaled && a.digits) {
    SCALE_SUFFIX_RE.lastIndex = pos;
    const m = SCALE_SUFFIX_RE.exec(text);
    if (m) {
      const suffix = (m[1] ?? m[2]!).toLowerCase();
      const f = SUFFIX_SCALES[suffix]!;
      a.value *= f;
      a.high *= f;
      a.factor *= f;
      a.scaled = true;
      a.plainInt = false;
      a.letterScale = m[2] !== undefined;
      pos = SCALE_SUFFIX_RE.lastIndex;
    }
  }
  a.end = pos;
  return a;
}

/** Read a digit number at `p` ("2,000", "3.5", "2 1/2", "1/16", "1.2 million"). */
function digitsAt(text: string, p: number): NumberAtom | null {
  DIGITS_RE.lastIndex = p;
  const m = DIGITS_RE.exec(text);
  if (!m) return null;
  const raw = m[0];
  // "000" alone is no figure: the thousands of a number split by a stray space ("26, 000" is read whole above).
  if (/^00+$/.test(raw)) return null;
  const hasComma = raw.includes(',') || /\s/.test(raw);
  const hasDot = raw.includes('.');
  let value = Number(hasComma ? raw.replace(/[,\s]/g, '') : raw);
  let end = p + raw.length;
  EXPONENT_RE.lastIndex = end;
  const ex = EXPONENT_RE.exec(text);
  if (ex) {
    // "8x2^10": a power of another base.
    const base = ex[3] !== undefined ? Number(ex[3]) : 10;
    const e = Number((ex[1] ?? ex[2] ?? ex[4]!).replace('−', '-'));
    return atom(p, EXPONENT_RE.lastIndex, value * base ** e, { digits: true, scaled: true });
  }
  let fraction = false;
  if (!hasComma && !hasDot) {
    MIXED_FRACTION_RE.lastIndex = end;
    const f = MIXED_FRACTION_RE.exec(text);
    if (f && Number(f[2]) > Number(f[1]) && Number(f[2]) > 0) {
      value += Number(f[1]) / Number(f[2]);
      end = MIXED_FRACTION_RE.lastIndex;
      fraction = true;
    } else {
      SIMPLE_FRACTION_RE.lastIndex = end;
      const s = SIMPLE_FRACTION_RE.exec(text);
      if (s && Number(s[1]) > 0 && value < Number(s[1])) {
        value /= Number(s[1]);
        end = SIMPLE_FRACTION_RE.lastIndex;
        fraction = true;
      }
    }
  }
  if (!fraction) {
    VULGAR_RE.lastIndex = end;
    const v = VULGAR_RE.exec(text);
    if (v && !hasDot) {
      value += VULGAR[v[1]!]!;
      end = VULGAR_RE.lastIndex;
      fraction = true;
    }
  }
  const a = atom(p, end, value, { digits: true, plainInt: !hasComma && !hasDot && !fraction, fraction });
  return scaleAfter(text, a);
}

/** Read number words at `p` ("twenty-five", "four hundred and fifty", "a dozen", "two-thirds"). */
function wordsAt(text: string, p: number): NumberAtom | null {
  let pos = p;
  let total = 0;
  let current = 0;
  let any = false;
  let lastEnd = p;
  let lastKind: 'none' | 'ones' | 'tens' | 'hundred' | 'scale' = 'none';
  let article = false;
  let articleEnd = p;
  // "three million, two hundred & forty": a comma may follow a scale word; a later scale as large undoes it ("three million, two million").
  let lastScale = Infinity;
  let beforeComma: { total: number; current: number; lastEnd: number } | null = null;
  for (let i = 0; i < 12; i++) {
    if (i > 0) {
      WORD_SEP_RE.lastIndex = pos;
      const sep = WORD_SEP_RE.exec(text);
      if (!sep) break;
      if (sep[1] !== undefined) {
        if (lastKind !== 'scale') break;
        beforeComma = { total, current, lastEnd };
      }
      pos = WORD_SEP_RE.lastIndex;
    }
    WORD_RE.lastIndex = pos;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const w = m[0].toLowerCase();
    if (i === 0 && (w === 'a' || w === 'an')) {
      article = true;
      pos = WORD_RE.lastIndex;
      articleEnd = pos;
      continue;
    }
    if (w in ONES) {
      if (lastKind === 'ones') break;
      if (lastKind === 'tens' && ONES[w]! >= 10) break;
      current += ONES[w]!;
      lastKind = 'ones';
    } else if (w in TENS) {
      if (lastKind === 'ones' || lastKind === 'tens') break;
      current += TENS[w]!;
      lastKind = 'tens';
    } else if (w === 'hundred') {
      if (lastKind === 'hundred') break;
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      lastKind = 'hundred';
    } else if (w in SCALES) {
      if (!any && !article) break;
      if (beforeComma && SCALES[w]! >= lastScale) {
        ({ total, current, lastEnd } = beforeComma);
        break;
      }
      lastScale = SCALES[w]!;
      total += (current || 1) * SCALES[w]!;
      current = 0;
      lastKind = 'scale';
    } else break;
    any = true;
    pos = WORD_RE.lastIndex;
    lastEnd = pos;
  }
  if (!any) {
    // "a half", "a third", "a quarter"
    if (article) {
      FRACTION_OF_RE.lastIndex = articleEnd;
      const f = FRACTION_OF_RE.exec(text);
      if (f) return atom(p, FRACTION_OF_RE.lastIndex, 1 / FRACTIONS[f[1]!.toLowerCase()]!, { fraction: true });
    }
    return null;
  }
  let value = total + current;
  AND_A_HALF_RE.lastIndex = lastEnd;
  if (total === 0 && AND_A_HALF_RE.exec(text)) {
    value += 0.5;
    lastEnd = AND_A_HALF_RE.lastIndex;
  }
  // "two-thirds", "one fourth", "three quarters"
  if (total === 0 && current > 0 && current < 10) {
    FRACTION_OF_RE.lastIndex = lastEnd;
    const f = FRACTION_OF_RE.exec(text);
    if (f && !(current === 1 && /s$/i.test(f[1]!))) {
      const d = FRACTIONS[f[1]!.toLowerCase()]!;
      // "two-thirds"; a plural above one is an improper fraction: "three halves", "five quarters".
      if (current < d || (current > 1 && /s$/i.test(f[1]!))) return atom(p, FRACTION_OF_RE.lastIndex, current / d, { fraction: true });
    }
  }
  return atom(p, lastEnd, value, { scaled: total > 0 });
}

/**
 * Read one number atom starting exactly at `p`, or null.
 * @example numberAt('about 1.2 million people', 6)?.value // 1200000
 */
export function numberAt(text: string, p: number): NumberAtom | null {
  const c = text.charCodeAt(p);
  if (c >= 48 && c <= 57) return digitsAt(text, p);
  const v = VULGAR[text[p]!];
  if (v !== undefined) return atom(p, p + 1, v, { fraction: true, digits: true });
  VAGUE_RE.lastIndex = p;
  const vm = VAGUE_RE.exec(text);
  if (vm) {
    const base = VAGUE[vm[1]!.toLowerCase()]!;
    const mult = vm[2] ? SCALES[vm[2].toLowerCase().replace(/s$/, '')]! : 1;
    return atom(p, VAGUE_RE.lastIndex, base * mult, { high: base * mult * 10, vague: true });
  }
  // "sixfold": the number, with "fold" left for the unit reader.
  FOLD_RE.lastIndex = p;
  const fold = FOLD_RE.exec(text);
  if (fold) return atom(p, p + fold[1]!.length, ONES[fold[1]!.toLowerCase()] ?? TENS[fold[1]!.toLowerCase()] ?? 100);
  const lower = text.slice(p, p + 5).toLowerCase();
  if (lower.startsWith('half') && !/^half[\p{L}-]/u.test(text.slice(p, p + 5))) return atom(p, p + 4, 0.5, { fraction: true });
  return wordsAt(text, p);
}
