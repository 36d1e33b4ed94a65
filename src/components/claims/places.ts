/**
 * Country names and demonyms from the installed `world-countries` package, compiled once:
 * "Kenyan provinces" -> Kenya, "in Peru" -> Peru.
 */
import { createRequire } from 'node:module';

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

export interface PlaceLexicon {
  /** Country name, demonym or alternative spelling (lower-case) -> common country name. */
  byWord: Map<string, string>;
  /** Global regex over names and demonyms (longest first), word-bounded, case-sensitive. */
  re: RegExp;
}

/** Short or ambiguous alternative spellings left out ("US" is kept by hand below). */
const EXTRA: [string, string][] = [
  ['US', 'United States'], ['U.S.', 'United States'], ['USA', 'United States'], ['America', 'United States'], ['American', 'United States'],
  ['UK', 'United Kingdom'], ['Britain', 'United Kingdom'], ['British', 'United Kingdom'], ['Russian Federation', 'Russia'],
  ['Syrian', 'Syria'], ['Iraqi', 'Iraq'], ['Afghan', 'Afghanistan'], ['Chinese', 'China'], ['Ukrainian', 'Ukraine'],
];

let cached: PlaceLexicon | null = null;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The compiled place lexicon (lazy, once per process).
 * @example placeLexicon().byWord.get('afghan') // 'Afghanistan'
 */
export function placeLexicon(): PlaceLexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const byWord = new Map<string, string>();
  const surfaces = new Set<string>();
  const add = (w: string, country: string): void => {
    if (w.length < 4 && !/^[A-Z]\.?[A-Z]\.?[A-Z]?\.?$/.test(w)) return;
    if (!byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), country);
    surfaces.add(w);
  };
  for (const [w, c] of EXTRA) add(w, c);
  for (const c of countries) {
    const name = c.name.common;
    add(name, name);
    if (c.name.official.length < 40) add(c.name.official, name);
    if (c.demonyms?.eng) {
      add(c.demonyms.eng.m, name);
      add(c.demonyms.eng.f, name);
    }
  }
  const alt = [...surfaces].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  cached = { byWord, re: new RegExp(`(?<![\\p{L}])(?:${alt})(?![\\p{L}])`, 'gu') };
  return cached;
}
