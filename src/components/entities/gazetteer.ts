/**
 * Lexicons (countries, capitals and demonyms from `world-countries`; armed groups and titles from data/)
 * compiled once per process into token-sequence tries keyed by token hashes, and matched over a
 * doc's token table in one pass, longest match first.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tokenizeText } from '../sentences/tokenize.js';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import { IntTable, hashExact, hashLower, hashString, isUpperCode } from './hash.js';

/** Gazetteer entry kinds (also model feature values). */
export const GazKind = { COUNTRY: 1, CITY: 2, DEMONYM: 3, GROUP: 4 } as const;
export type GazKindValue = (typeof GazKind)[keyof typeof GazKind];

/** Word-level lexicon codes, as bits. */
export const WordClass = { ORG_HEAD: 1, TITLE: 2, RANK: 4, MODIFIER: 8, PORTFOLIO: 16 } as const;
/** Bits in `Gazetteer.words` for the first token of a lexicon name (lower-case trie / exact-case trie). */
const START_LOWER = 32;
const START_EXACT = 64;

export interface GazEntry {
  kind: GazKindValue;
  /** Canonical name ("United States", "Islamic State"). */
  name: string;
  /** The surface form as listed. */
  form: string;
  /** ISO 3166 alpha-3 for countries, capitals and demonyms. */
  country: string | null;
  /** A country spelling that is also its demonym ("Thai"): a model feature, never placed as a location. */
  demonym?: boolean;
}

interface TrieNode {
  /** Children keyed by token hash as int32 (`h | 0`: small integers, where a uint32 of 2^31 and more is a heap number). */
  next: Map<number, TrieNode> | null;
  entry: number;
}

export interface Gazetteer {
  entries: GazEntry[];
  lower: TrieNode;
  exact: TrieNode;
  /** Word hash -> WordClass bits, plus START_LOWER (lower-case hash starts a name) and START_EXACT (exact hash starts an acronym). */
  words: IntTable;
  /** Canonical group name -> all its names. */
  groupAliases: Map<string, string[]>;
  titles: TitleLexicon;
  /** Lower-case hashes of common English words (data/common-words.txt) -> frequency rank from 1. */
  common: IntTable;
  /** Lower-case hashes of one-word company and platform names (data/companies.json) -> 1. */
  companies: IntTable;
}

export interface TitleLexicon {
  heads: string[];
  modifiers: Set<string>;
  portfolios: Set<string>;
  ranks: Set<string>;
  orgHeads: Set<string>;
}

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  cca3: string;
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

// Two- and three-letter upper-case alt spellings are mostly ISO codes ("IT", "IN", "AM") that clash with words;
// only these well-known ones are used as names.
const CODE_ALLOW = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'DPRK', 'ROK', 'KSA']);
const EXTRA_COUNTRY_FORMS: [string, string][] = [
  ['U.S.', 'USA'], ['U.S.A.', 'USA'], ['America', 'USA'], ['United States of America', 'USA'],
  ['Britain', 'GBR'], ['Great Britain', 'GBR'], ['U.K.', 'GBR'], ['Russian Federation', 'RUS'],
  ['Syrian Arab Republic', 'SYR'], ['Iran', 'IRN'], ['North Korea', 'PRK'], ['South Korea', 'KOR'],
];

// Regions that news names as places but world-countries does not list as regions.
const EXTRA_PLACES = ['Middle East', 'Central Asia', 'South Asia', 'Southeast Asia', 'South East Asia', 'North Africa', 'West Africa', 'East Africa', 'Sahel', 'Caucasus', 'North Caucasus', 'South Caucasus', 'Balkans', 'Latin America', 'Persian Gulf', 'Gulf', 'Arabian Peninsula', 'Horn of Africa', 'Levant', 'Scandinavia', 'Siberia', 'Crimea', 'Donbas', 'Kashmir', 'Kurdistan', 'Xinjiang', 'Tibet', 'Chechnya', 'Dagestan', 'Gaza', 'Gaza Strip', 'West Bank'];

function readJson(path: URL): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function insert(root: TrieNode, keys: number[], entry: number): void {
  let node = root;
  for (const key of keys) {
    const k = key | 0;
    if (!node.next) node.next = new Map();
    let child = node.next.get(k);
    if (!child) {
      child = { next: null, entry: -1 };
      node.next.set(k, child);
    }
    node = child;
  }
  if (node.entry < 0) node.entry = entry;
}

function tokenKeys(form: string, exact: boolean): number[] {
  const { tokens } = tokenizeText(form);
  const keys: number[] = [];
  for (let i = 0; i < tokens.length; i++) keys.push(exact ? hashExact(form, tokens.start[i]!, tokens.end[i]!) : hashLower(form, tokens.start[i]!, tokens.end[i]!));
  return keys;
}

function isAcronym(form: string): boolean {
  return /^[\p{Lu}\d-]{2,}$/u.test(form) && /\p{Lu}/u.test(form);
}

let cached: Gazetteer | null = null;

/**
 * The process-wide gazetteer, built on first use.
 * @example loadGazetteer().entries.length > 300
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const entries: GazEntry[] = [];
  const lower: TrieNode = { next: new Map(), entry: -1 };
  const exact: TrieNode = { next: new Map(), entry: -1 };
  const add = (kind: GazKindValue, name: string, form: string, country: string | null): void => {
    form = form.trim();
    if (form.length < 2) return;
    const id = entries.length;
    entries.push({ kind, name, form, country });
    if (isAcronym(form)) insert(exact, tokenKeys(form, true), id);
    else insert(lower, tokenKeys(form, false), id);
  };
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as WorldCountry[];
  const byCode = new Map<string, string>();
  for (const c of countries) {
    const name = c.name.common;
    byCode.set(c.cca3, name);
    add(GazKind.COUNTRY, name, name, c.cca3);
    add(GazKind.COUNTRY, name, c.name.official, c.cca3);
    const dem = c.demonyms?.eng;
    for (const alt of c.altSpellings) {
      if (/^\p{Lu}{2,3}$/u.test(alt) && !CODE_ALLOW.has(alt)) continue;
      add(GazKind.COUNTRY, name, alt, c.cca3);
      // "Thai" is listed as a spelling of Thailand but is its demonym ("Thai troops"), not a place.
      const added = entries[entries.length - 1];
      if (added?.form === alt && dem && (alt === dem.m || alt === dem.f) && !name.split(' ').includes(alt)) added.demonym = true;
    }
  }
  for (const [form, code] of EXTRA_COUNTRY_FORMS) add(GazKind.COUNTRY, byCode.get(code) ?? form, form, code);
  for (const c of countries) {
    for (const cap of c.capital ?? []) add(GazKind.CITY, cap, cap, c.cca3);
    const d = c.demonyms?.eng;
    if (d) {
      add(GazKind.DEMONYM, d.m, d.m, c.cca3);
      if (d.f !== d.m) add(GazKind.DEMONYM, d.m, d.f, c.cca3);
    }
  }
  const regions = new Set<string>(EXTRA_PLACES);
  for (const c of countries as (WorldCountry & { region?: string; subregion?: string })[]) {
    if (c.region) regions.add(c.region);
    if (c.subregion) regions.add(c.subregion);
  }
  for (const r of regions) add(GazKind.CITY, r, r, null);
  const groupAliases = new Map<string, string[]>();
  const groups = readJson(new URL('./data/groups.json', import.meta.url)) as { groups: { name: string; aliases: string[] }[] };
  for (const g of groups.groups) {
    groupAliases.set(g.name, [g.name, ...g.aliases]);
    add(GazKind.GROUP, g.name, g.name, null);
    for (const a of g.aliases) add(GazKind.GROUP, g.name, a, null);
  }
  const t = readJson(new URL('./data/titles.json', import.meta.url)) as Record<string, string[]>;
  const titles: TitleLexicon = {
    heads: t.heads ?? [],
    modifiers: new Set(t.modifiers ?? []),
    portfolios: new Set(t.portfolios ?? []),
    ranks: new Set(t.ranks ?? []),
    orgHeads: new Set(t.orgHeads ?? []),
  };
  const words = new IntTable(4096);
  const mark = (w: string, bit: number): void => words.or(hashString(w), bit);
  for (const k of lower.next!.keys()) words.or(k, START_LOWER);
  for (const k of exact.next!.keys()) words.or(k, START_EXACT);
  for (const w of titles.orgHeads) mark(w, WordClass.ORG_HEAD);
  for (const w of titles.heads) if (!w.includes(' ')) mark(w, WordClass.TITLE);
  for (const w of titles.ranks) mark(w, WordClass.RANK);
  for (const w of titles.modifiers) mark(w, WordClass.MODIFIER);
  for (const w of titles.portfolios) if (!w.includes(' ')) mark(w, WordClass.PORTFOLIO);
  const commonList = readFileSync(new URL('./data/common-words.txt', import.meta.url), 'utf8').split('\n');
  const common = new IntTable(commonList.length);
  let rank = 0;
  for (const w of commonList) if (w && w.charCodeAt(0) !== 35) common.set(hashString(w), ++rank);
  const companyList = (readJson(new URL('./data/companies.json', import.meta.url)) as { names: string[] }).names;
  const companies = new IntTable(companyList.length);
  for (const w of companyList) companies.set(hashString(w), 1);
  cached = { entries, lower, exact, words, groupAliases, titles, common, companies };
  return cached;
}

/** One gazetteer match over tokens [first, last]. */
/**
 * Whether one word is a common English word (data/common-words.txt) or a gazetteer name (country, city, demonym,
 * group): such a word alone is not a person's name.
 * @example isCommonOrGazetteerWord('Accept') // true
 */
export function isCommonOrGazetteerWord(word: string): boolean {
  const gaz = loadGazetteer();
  const h = hashString(word);
  if (gaz.common.get(h)) return true;
  const node = gaz.lower.next?.get(h | 0);
  return node !== undefined && node.entry >= 0;
}

export interface GazMatch {
  first: number;
  last: number;
  entry: number;
}

function walk(root: TrieNode, tokens: TokenTable, hashes: Uint32Array, i: number, out: Int32Array): void {
  let node: TrieNode | undefined = root;
  out[0] = -1;
  out[1] = -1;
  const sent = tokens.sentence[i];
  for (let j = i; j < tokens.length && node && node.next; j++) {
    if (tokens.kind[j] === TokenKind.QUOTE || tokens.sentence[j] !== sent) break;
    node = node.next.get(hashes[j]! | 0);
    if (node && node.entry >= 0) {
      out[0] = j;
      out[1] = node.entry;
    }
  }
}

/** Lower-case and exact FNV hashes of every token (what the tries are keyed by). */
function tokenHashes(text: string, tokens: TokenTable): { lw: Uint32Array; ew: Uint32Array } {
  const lw = new Uint32Array(tokens.length);
  const ew = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    lw[i] = hashLower(text, tokens.start[i]!, tokens.end[i]!);
    ew[i] = hashExact(text, tokens.start[i]!, tokens.end[i]!);
  }
  return { lw, ew };
}

/**
 * Longest non-overlapping gazetteer matches, left to right. Acronyms match case-sensitively;
 * other names case-insensitively but must contain a capital letter in text ("taliban" in lower case is skipped).
 * `lw`/`ew` are the tokens' lower-case and exact hashes when the caller has them already, `bits` the
 * `words` value of each token's lower-case hash.
 * @example matchGazetteer(doc.text, doc.tokens, loadGazetteer())
 */
export function matchGazetteer(text: string, tokens: TokenTable, gaz: Gazetteer, lw?: Uint32Array, ew?: Uint32Array, bits?: Int32Array): GazMatch[] {
  if (!lw || !ew) ({ lw, ew } = tokenHashes(text, tokens));
  const out: GazMatch[] = [];
  const n = tokens.length;
  const a = new Int32Array(2);
  const b = new Int32Array(2);
  const words = gaz.words;
  for (let i = 0; i < n; i++) {
    if (tokens.kind[i] !== TokenKind.WORD) continue;
    // Most tokens start no name: a typed-table probe per trie rules them out.
    const inLower = ((bits ? bits[i]! : words.get(lw[i]!)) & START_LOWER) !== 0;
    // The exact-case trie holds acronyms only ("ISIS", "G7"): other tokens skip that probe.
    const f = tokens.flags[i]!;
    const inExact = (f & TokenFlag.ALL_CAPS || (f & TokenFlag.HAS_DIGIT && f & TokenFlag.CAPITALIZED)) !== 0 && (words.get(ew[i]!) & START_EXACT) !== 0;
    if (!inLower && !inExact) continue;
    a[0] = -1;
    a[1] = -1;
    b[0] = -1;
    b[1] = -1;
    if (inLower) walk(gaz.lower, tokens, lw, i, a);
    if (inExact) walk(gaz.exact, tokens, ew, i, b);
    let last = a[0]! >= b[0]! ? a[0]! : b[0]!;
    let entry = a[0]! >= b[0]! ? a[1]! : b[1]!;
    if (entry < 0) continue;
    if (a[0]! >= b[0]! && !hasUpper(text, tokens.start[i]!, tokens.end[last]!)) {
      if (b[1]! < 0) continue;
      last = b[0]!;
      entry = b[1]!;
    }
    out.push({ first: i, last, entry });
    i = last;
  }
  return out;
}

function hasUpper(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c > 127 && isUpperCode(c)) return true;
  }
  return false;
}
