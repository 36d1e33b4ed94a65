/**
 * A Doc owns the clean text of one article. Every other layer is spans (offsets) into it.
 * Components fill layers in; the pipeline records which layers are assigned.
 */
import type { Span } from './span.js';
import { TokenTable } from './tokens.js';
import type { Claim, DocMeta, EntityRecord, EntityType, Mention, Quote, Removed, SourceRecord } from './types.js';

/** Names of the layers components require and assign. 'source' is given by ingest. */
export const LAYERS = ['source', 'raw', 'text', 'meta', 'paragraphs', 'sentences', 'tokens', 'entities', 'quotes', 'claims'] as const;
export type Layer = (typeof LAYERS)[number];

export function emptyMeta(): DocMeta {
  return {
    url: null,
    outlet: null,
    outletEntity: null,
    title: null,
    titleSpan: null,
    published: null,
    publishedInferred: false,
    publishedFrom: null,
    dateline: null,
    datelineSpan: null,
    language: null,
    hints: {},
  };
}

/**
 * One article under analysis.
 * @example const doc = new Doc('d1', { text: 'MOSCOW, May 1. /TASS/. ...' })
 */
export class Doc {
  readonly id: string;
  readonly source: SourceRecord;
  /** The clean body text. Set by the cleaning component; every span points into it. */
  text = '';
  /** The text the cleaner saw (scrape or extracted HTML text). `removed` offsets point into it. */
  rawText = '';
  removed: Removed[] = [];
  meta: DocMeta = emptyMeta();
  paragraphs: Span[] = [];
  sentences: Span[] = [];
  tokens: TokenTable = TokenTable.empty();
  entities: EntityRecord[] = [];
  mentions: Mention[] = [];
  quotes: Quote[] = [];
  claims: Claim[] = [];
  readonly assigned = new Set<Layer>(['source']);

  constructor(id: string, source: SourceRecord) {
    this.id = id;
    this.source = source;
  }

  /** Index of the sentence containing `offset`, or -1. */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Index of the paragraph containing `offset`, or -1. */
  paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.paragraphs[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * Find or add an entity by (type, name); returns its index. Aliases and roles merge in.
   * @example doc.addEntity({ name: 'Islamic State', type: 'group', aliases: ['IS'], roles: [] })
   */
  addEntity(entity: EntityRecord): number {
    const key = entity.name.toLowerCase();
    const found = this.entities.findIndex((e) => e.type === entity.type && (e.name.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key)));
    if (found >= 0) {
      const e = this.entities[found]!;
      for (const a of [entity.name, ...entity.aliases]) if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
      for (const r of entity.roles) if (!e.roles.some((x) => x.title === r.title && x.organization === r.organization)) e.roles.push(r);
      return found;
    }
    this.entities.push({ ...entity, aliases: [...entity.aliases], roles: [...entity.roles] });
    return this.entities.length - 1;
  }

  /** Entity indices of a type. */
  entitiesOfType(type: EntityType): number[] {
    const out: number[] = [];
    this.entities.forEach((e, i) => e.type === type && out.push(i));
    return out;
  }
}
