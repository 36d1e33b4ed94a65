/** Country codes for location entities, from the `world-countries` package (loaded once, lazily). */
import { createRequire } from 'node:module';
import { normName } from './sql.js';

let byName: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (byName) return byName;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as {
    name: { common: string; official: string };
    altSpellings?: string[];
    cca3: string;
    demonyms?: Record<string, { m?: string; f?: string }>;
  }[];
  byName = new Map();
  for (const c of countries) {
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((s) => s.length > 3)];
    for (const n of names) {
      const k = normName(n);
      if (!byName.has(k)) byName.set(k, c.cca3);
    }
    if (/^the /.test(normName(c.name.common)) === false) byName.set('the ' + normName(c.name.common), c.cca3);
  }
  return byName;
}

/**
 * ISO 3166-1 alpha-3 code for a country name or alias, or null.
 * @example countryCode('France') // 'FRA'
 */
export function countryCode(names: readonly string[]): string | null {
  const t = table();
  for (const n of names) {
    const code = t.get(normName(n));
    if (code) return code;
  }
  return null;
}
