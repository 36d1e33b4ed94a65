/**
 * Registry of major news outlets and agencies (data/outlets.json), loaded once per process.
 * Lookups are exact on a normalised name or alias, or by domain suffix.
 */
import { readFileSync } from 'node:fs';

export interface OutletInfo {
  name: string;
  aliases: string[];
  domains: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: 'agency' | 'outlet';
}

let byName: Map<string, OutletInfo> | null = null;
let byDomain: Map<string, OutletInfo> | null = null;

function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[\s.,;:!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function load(): void {
  const list = JSON.parse(readFileSync(new URL('./data/outlets.json', import.meta.url), 'utf8')) as OutletInfo[];
  byName = new Map();
  byDomain = new Map();
  for (const o of list) {
    for (const n of [o.name, ...o.aliases]) {
      const k = normName(n);
      if (k && !byName.has(k)) byName.set(k, o);
    }
    for (const d of o.domains) byDomain.set(d.toLowerCase(), o);
  }
}

/** Every registry entry (for docs and tests). */
export function allOutlets(): OutletInfo[] {
  if (!byName) load();
  return [...new Set(byName!.values())];
}

/**
 * The registry entry for an outlet name, alias, domain or URL, or null.
 * @example findOutlet('told RIA Novosti'.slice(5))?.name // 'RIA Novosti'; findOutlet('https://www.reuters.com/x')?.name // 'Reuters'
 */
export function findOutlet(nameOrDomain: string): OutletInfo | null {
  if (!byName) load();
  const s = nameOrDomain.trim();
  if (!s) return null;
  const named = byName!.get(normName(s));
  if (named) return named;
  const host = hostOf(s);
  if (!host) return null;
  let h = host;
  for (;;) {
    const hit = byDomain!.get(h);
    if (hit) return hit;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

/** The lower-case host of a URL or bare domain ("www.bbc.co.uk/news" -> "bbc.co.uk"), or null. */
export function hostOf(s: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d?\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#].*)?$/i.exec(s.trim());
  return m ? m[1]!.toLowerCase() : null;
}
