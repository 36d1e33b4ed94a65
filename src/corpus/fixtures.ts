/**
 * Hand-made DocBundles for tests: text plus entities, quotes and claims located by substring.
 * Test-only helper (no pipeline needed).
 */
import type { ClaimOut, DocBundle, EntityOut, MentionOut, QuoteOut } from '../analysis/types.js';
import type { EntityType, Qualifier, Role } from '../doc/types.js';

export interface FixtureEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
  roles?: Role[];
}

export interface FixtureQuote {
  text: string;
  speaker: string | null;
  via?: string[];
  kind?: 'direct' | 'partial' | 'indirect';
}

export interface FixtureClaim {
  /** Substring of the text holding the number (the first occurrence). */
  value: string;
  low: number;
  high?: number;
  qualifier?: Qualifier;
  of: string | null;
  unit?: string | null;
  subject?: string | null;
  place?: string | null;
  claimant?: string | null;
}

export interface FixtureDoc {
  id: string;
  outlet: string | null;
  published: string | null;
  title?: string | null;
  text: string;
  entities?: FixtureEntity[];
  quotes?: FixtureQuote[];
  claims?: FixtureClaim[];
}

/**
 * Build a DocBundle from a fixture description.
 * @example bundleOf({ id: 'd1', outlet: 'TASS', published: '2015-10-28', text: '...' })
 */
export function bundleOf(f: FixtureDoc): DocBundle {
  const entities: EntityOut[] = (f.entities ?? []).map((e, i) => ({ id: `${f.id}#e${i}`, name: e.name, type: e.type, aliases: e.aliases ?? [], roles: e.roles ?? [] }));
  const idOf = (name: string | null | undefined): string | null => {
    if (!name) return null;
    const i = (f.entities ?? []).findIndex((e) => e.name === name || (e.aliases ?? []).includes(name));
    if (i < 0) throw new Error(`fixture ${f.id}: no entity named ${name}`);
    return `${f.id}#e${i}`;
  };
  const mentions: MentionOut[] = [];
  (f.entities ?? []).forEach((e, i) => {
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      let at = f.text.indexOf(n);
      while (at >= 0) {
        mentions.push({ entity: `${f.id}#e${i}`, doc: f.id, start: at, end: at + n.length });
        at = f.text.indexOf(n, at + n.length);
      }
    }
  });
  const quotes: QuoteOut[] = (f.quotes ?? []).map((q) => {
    const start = f.text.indexOf(q.text);
    if (start < 0) throw new Error(`fixture ${f.id}: quote not in text: ${q.text.slice(0, 30)}`);
    return {
      id: `${f.id}.q${start}`,
      doc: f.id,
      start,
      end: start + q.text.length,
      text: q.text,
      kind: q.kind ?? 'direct',
      speaker: idOf(q.speaker),
      source: null,
      cue: null,
      via: (q.via ?? []).map((v) => idOf(v)!),
    };
  });
  const claims: ClaimOut[] = (f.claims ?? []).map((c) => {
    const at = f.text.indexOf(c.value);
    if (at < 0) throw new Error(`fixture ${f.id}: claim value not in text: ${c.value}`);
    const s = f.text.lastIndexOf('\n', at) + 1;
    let e = f.text.indexOf('\n', at);
    if (e < 0) e = f.text.length;
    const quote = quotes.find((q) => q.start <= at && at < q.end) ?? null;
    return {
      id: `${f.id}.c${at}`,
      doc: f.id,
      start: s,
      end: e,
      text: f.text.slice(s, e),
      low: c.low,
      high: c.high ?? c.low,
      qualifier: c.qualifier ?? 'exact',
      of: c.of,
      unit: c.unit ?? null,
      direction: null,
      subject: c.subject ?? null,
      place: c.place ?? null,
      claimant: idOf(c.claimant),
      quote: quote ? quote.id : null,
      baseline: null,
      background: false,
      value: { start: at, end: at + c.value.length },
      outOf: null,
      claimantFrom: c.claimant ? 'speaker' : null,
    };
  });
  return {
    document: {
      id: f.id,
      path: null,
      url: null,
      outlet: f.outlet,
      title: f.title ?? null,
      published: f.published,
      publishedInferred: false,
      dateline: null,
      language: 'en',
      text: f.text,
      removed: [],
      contentHash: f.id,
    },
    entities,
    mentions,
    quotes,
    claims,
  };
}
