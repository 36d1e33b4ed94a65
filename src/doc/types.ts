/**
 * The records a Doc's layers hold. Offsets are into `doc.text` unless a field says otherwise.
 * Cross-references inside one Doc use array indices (`entity: 3` is `doc.entities[3]`);
 * the analysis output turns them into stable string ids.
 */
import type { Span } from './span.js';

/** One input as read from a file, a JSON record, stdin or a URL. */
export interface SourceRecord {
  /** Given id (JSON records); otherwise derived from content. */
  id?: string | null;
  path?: string | null;
  url?: string | null;
  title?: string | null;
  /** As given by the record (ISO date or datetime). */
  published?: string | null;
  outlet?: string | null;
  language?: string | null;
  text?: string | null;
  html?: string | null;
}

export type CruftReason =
  | 'caption'
  | 'photo-credit'
  | 'related-headline'
  | 'login-prompt'
  | 'share-prompt'
  | 'subscribe-prompt'
  | 'comment-prompt'
  | 'copyright'
  | 'navigation'
  | 'foreign-script'
  | 'boilerplate'
  | 'html-chrome';

/** A line removed as page cruft. Offsets are into the source text the cleaner saw. */
export interface Removed extends Span {
  text: string;
  reason: CruftReason;
}

/** Metadata hints found while extracting HTML (meta tags, Open Graph, JSON-LD, <time>). */
export interface MetaHints {
  title?: string | null;
  published?: string | null;
  url?: string | null;
  siteName?: string | null;
  author?: string | null;
  language?: string | null;
}

export interface DocMeta {
  url: string | null;
  outlet: string | null;
  /** Index into doc.entities of the outlet's organization entity, when known. */
  outletEntity: number | null;
  title: string | null;
  titleSpan: Span | null;
  /** YYYY-MM-DD, or null when no evidence gives it. */
  published: string | null;
  publishedInferred: boolean;
  /** Where the date came from, e.g. 'meta', 'record', 'dateline', 'dateline+weekday'. */
  publishedFrom: string | null;
  /** Where in doc.text the date is stated, when it was read from the text (a date line). */
  publishedSpan?: Span | null;
  dateline: string | null;
  datelineSpan: Span | null;
  language: string | null;
  hints: MetaHints;
}

export type EntityType = 'person' | 'organization' | 'location' | 'group';

export interface Role {
  title: string;
  organization: string | null;
}

export interface EntityRecord {
  name: string;
  type: EntityType;
  aliases: string[];
  roles: Role[];
  /** Optional extras: country code for locations, outlet registry key, etc. */
  attrs?: Record<string, string>;
}

export interface Mention extends Span {
  /** Index into doc.entities. */
  entity: number;
  /** 'name' for a proper name, 'pronoun' / 'role' / 'alias' for resolved references. */
  via?: 'name' | 'alias' | 'acronym' | 'pronoun' | 'role' | 'surname';
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote extends Span {
  kind: QuoteKind;
  /** Index into doc.entities, or null when unresolved. */
  speaker: number | null;
  /** The words naming the speaker ("the FSB chief", "Ana Silva", "he"). */
  source: Span | null;
  /** The cue verb or phrase ("said", "according to"). */
  cue: string | null;
  cueSpan: Span | null;
  /** Relays: entity indices of outlets or agencies the quote passed through ("told RIA Novosti", "according to Sputnik"). */
  via: number[];
}

export type Qualifier = 'exact' | 'approx' | 'up_to' | 'at_least' | 'more_than' | 'less_than';

export interface Baseline {
  low: number;
  high: number;
  qualifier: Qualifier;
  text: string;
}

export interface Claim extends Span {
  /** Span of the number expression itself (within start..end, which is the sentence or clause). */
  value: Span;
  low: number;
  high: number;
  qualifier: Qualifier;
  /** Denominator for "12 out of 20". */
  outOf: number | null;
  /** What is counted: "militants", "provinces", "percent". */
  of: string | null;
  unit: string | null;
  direction: 'up' | 'down' | null;
  subject: string | null;
  place: string | null;
  /** Index into doc.entities of who claims it (speaker, named source, or the outlet), or null. */
  claimant: number | null;
  claimantFrom: 'speaker' | 'source' | 'outlet' | null;
  /** Index into doc.quotes of the quote the figure sits in, or null. */
  quote: number | null;
  baseline: Baseline | null;
  background: boolean;
}
