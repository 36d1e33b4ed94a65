/**
 * Lexicons for the quantity grammar, read once per process from `data/*.json` and compiled
 * into the regexes the grammar uses. Data files carry the reasons; this file only compiles.
 */
import { readFileSync } from 'node:fs';
import type { Qualifier } from '../../doc/types.js';

export interface UnitInfo {
  normalized: string;
  kind: string;
}

export interface Lexicons {
  /** Unit words (lower-cased surface -> info), matched case-insensitively. */
  unitWords: Map<string, UnitInfo>;
  /** Unit abbreviations and symbols (exact surface -> info). */
  unitAbbr: Map<string, UnitInfo>;
  /** Sticky, case-insensitive: optional space or hyphen, then a unit word (group w) or abbreviation (group a; the caller checks its exact case). */
  unitRe: RegExp;
  /** Currency written before a figure, anchored at the end of the left context (sticky: run it with `tailExec`). Group 1 is the symbol. */
  currencyLeftRe: RegExp;
  currencyPrefix: Map<string, string>;
  /** Hedge before a figure, anchored at the end of the left context. Group 1 is the phrase. */
  hedgeLeftRe: RegExp;
  hedgeBefore: Map<string, Qualifier>;
  /** Hedge after a figure (sticky). */
  hedgeAfterRe: RegExp;
  hedgeAfter: Map<string, Qualifier>;
  /** Direction word right before a figure (optionally "by"), anchored at the end. Group 1 is the word. */
  directionLeftRe: RegExp;
  directionUp: Set<string>;
  months: Set<string>;
  /** Month name right before a figure, anchored at the end. */
  monthLeftRe: RegExp;
  /** Month name right after a figure (sticky). */
  monthRightRe: RegExp;
  /** Reference word ("page", "Article", "No.") right before a figure, anchored at the end. */
  referenceLeftRe: RegExp;
  /** Lower-cased last words that can end a hedge / direction / month / reference phrase: cheap gates before the regexes. */
  hedgeLast: Set<string>;
  directionLast: Set<string>;
  monthLast: Set<string>;
  referenceLast: Set<string>;
  /** Capitalized words that may stand before a figure without making it a designation. */
  nameWordsNotDesignations: Set<string>;
}

const DATA = new URL('./data/', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DATA), 'utf8')) as T;
}

/** Regex-escape a literal. @example escapeRe('US$') // 'US\\$' */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length;
}

let cached: Lexicons | null = null;

/**
 * The compiled lexicons (loaded lazily, once per process).
 * @example lexicons().unitWords.get('percent')?.normalized // 'percentage'
 */
export function lexicons(): Lexicons {
  if (cached) return cached;
  const units = readJson<{
    units: { normalized: string; kind: string; words: string[]; abbr: string[] }[];
    prefixCurrencies: { symbols: [string, string][] };
  }>('units.json');
  const hedges = readJson<{
    before: [string, Qualifier, string][];
    after: [string, Qualifier, string][];
    direction: { up: string[]; down: string[] };
  }>('hedges.json');
  const excl = readJson<{ months: string[]; referenceWords: string[]; nameWordsNotDesignations: string[] }>('exclusions.json');

  const unitWords = new Map<string, UnitInfo>();
  const unitAbbr = new Map<string, UnitInfo>();
  for (const u of units.units) {
    const info = { normalized: u.normalized, kind: u.kind };
    for (const w of u.words) unitWords.set(w.toLowerCase(), info);
    for (const a of u.abbr) unitAbbr.set(a, info);
  }
  const words = [...unitWords.keys()].sort(byLengthDesc).map((w) => escapeRe(w).replace(/ /g, '\\s+'));
  const abbrs = [...unitAbbr.keys()].sort(byLengthDesc).map(escapeRe);
  // Words need a boundary after them; symbols like % and ″ need none, letter abbreviations must not run into letters or digits.
  const unitRe = new RegExp(`(?:[ \\t]|[ \\t]?-[ \\t]?)?(?:(?<w>${words.join('|')})(?![\\p{L}\\p{N}])|(?<a>${abbrs.join('|')})(?![\\p{L}\\p{N}]))`, 'iuy');

  const currencyPrefix = new Map<string, string>(units.prefixCurrencies.symbols);
  const curSyms = [...currencyPrefix.keys()].sort(byLengthDesc).map((s) => (/^[A-Za-z]/.test(s) ? `(?<![\\p{L}])${escapeRe(s)}` : escapeRe(s)));
  const currencyLeftRe = new RegExp(`(${curSyms.join('|')})[ \\t]?$`, 'uy');

  const hedgeBefore = new Map<string, Qualifier>();
  for (const [p, q] of hedges.before) hedgeBefore.set(p.toLowerCase(), q);
  const hedgePhrases = [...hedgeBefore.keys()].sort(byLengthDesc).map((p) => {
    const e = escapeRe(p).replace(/ /g, '\\s+');
    return /[\p{L}.]$/u.test(p) && !p.endsWith('-') ? `${e}\\s+` : e;
  });
  const hedgeLeftRe = new RegExp(`(?<![\\p{L}])(${hedgePhrases.join('|')})$`, 'iuy');

  const hedgeAfter = new Map<string, Qualifier>();
  for (const [p, q] of hedges.after) hedgeAfter.set(p.toLowerCase(), q);
  const afterPhrases = [...hedgeAfter.keys()].sort(byLengthDesc).map((p) => escapeRe(p).replace(/ /g, '\\s+'));
  const hedgeAfterRe = new RegExp(`\\s?(${afterPhrases.join('|')})(?![\\p{L}\\p{N}])`, 'iuy');

  const directionUp = new Set(hedges.direction.up.map((w) => w.toLowerCase()));
  const dirWords = [...hedges.direction.up, ...hedges.direction.down].sort(byLengthDesc).map(escapeRe);
  const directionLeftRe = new RegExp(`(?<![\\p{L}])(?<!(?:gave|give|gives|giving|made|make|makes|making|took|take|takes|picked|pick|picks|set|sets|shut|came|come|comes|cut|back)\\s+)(${dirWords.join('|')})(?:(?:\\s+\\p{Ll}+)?\\s+by|\\s+from)?(?:\\s+(?:a|an|another|some|just|only|a\\s+further))?\\s+$`, 'iuy');

  // Datelines and headlines set months in capitals ("DECEMBER 16, 2008"); the abbreviations stay
  // mixed-case only ("MAR", "DEC" are acronyms as often as months).
  const monthNames = [...excl.months, ...excl.months.filter((m) => m.length > 4 || m === 'May' || m === 'June' || m === 'July').map((m) => m.toUpperCase())];
  const months = new Set(monthNames);
  const monthAlt = [...monthNames].sort(byLengthDesc).join('|');
  const monthLeftRe = new RegExp(`(?<![\\p{L}])(?:${monthAlt})\\.?,?\\s+(?:the\\s+)?$`, 'uy');
  const monthRightRe = new RegExp(`(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${monthAlt})(?![\\p{L}])`, 'uy');
  const refAlt = [...excl.referenceWords].sort(byLengthDesc).map(escapeRe).join('|');
  const referenceLeftRe = new RegExp(`(?<![\\p{L}])(?:${refAlt})\\s*$`, 'iuy');

  const lastOf = (p: string): string => p.trim().split(/\s+/).pop()!.toLowerCase();
  const hedgeLast = new Set([...hedgeBefore.keys()].map(lastOf));
  const directionLast = new Set([...hedges.direction.up, ...hedges.direction.down, 'by', 'from', 'a', 'an', 'another', 'some', 'just', 'only', 'further'].map((w) => w.toLowerCase()));
  const monthLast = new Set<string>(['the']);
  for (const m of monthNames) for (const suf of ['', '.', ',', '.,']) monthLast.add(m.toLowerCase() + suf);
  const referenceLast = new Set(excl.referenceWords.map(lastOf));
  cached = {
    hedgeLast,
    directionLast,
    monthLast,
    referenceLast,
    unitWords,
    unitAbbr,
    unitRe,
    currencyLeftRe,
    currencyPrefix,
    hedgeLeftRe,
    hedgeBefore,
    hedgeAfterRe,
    hedgeAfter,
    directionLeftRe,
    directionUp,
    months,
    monthLeftRe,
    monthRightRe,
    referenceLeftRe,
    nameWordsNotDesignations: new Set(excl.nameWordsNotDesignations),
  };
  return cached;
}
