/**
 * The Store interface: one contract, with dialect folders of the same shape (sqlite/, postgres/).
 * Reads are paginated and filterable; the HTTP API and the CLI queries are thin layers over it.
 * Writes go through one writer transaction per document.
 */
import type { ClaimOut, DocumentOut, EntityOut, MeasureOut, MentionOut, QuoteGroupOut, QuoteOut, StoryOut } from '../analysis/types.js';
import type { StoreWrites } from './write-types.js';

/** Common filters. Dates are YYYY-MM-DD, inclusive. */
export interface ListQuery {
  /** Full-text query. */
  q?: string;
  entity?: string;
  speaker?: string;
  outlet?: string;
  doc?: string;
  story?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type DocumentSummary = Omit<DocumentOut, 'text' | 'removed'> & { story: string | null; quoteCount: number; claimCount: number };

export interface DocumentDetail {
  document: DocumentOut & { story: string | null };
  entities: EntityOut[];
  mentions: MentionOut[];
  quotes: QuoteOut[];
  claims: ClaimOut[];
}

export interface EntityDetail {
  entity: EntityOut & { mentionCount: number; quoteCount: number };
  quotes: (QuoteOut & { published: string | null; outlet: string | null })[];
  claims: (ClaimOut & { published: string | null; outlet: string | null })[];
  outlets: { outlet: string; count: number }[];
  documents: DocumentSummary[];
}

export interface StoryDetail {
  story: StoryOut;
  documents: DocumentSummary[];
  quoteGroups: (QuoteGroupOut & { members: (QuoteOut & { outlet: string | null; published: string | null })[] })[];
}

export interface MeasureDetail {
  measure: MeasureOut;
  claims: (ClaimOut & { outlet: string | null; published: string | null; claimantName: string | null })[];
}

export type SearchKind = 'document' | 'quote' | 'claim';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  doc: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** Matched text with the match wrapped in [[ ]] markers (never HTML). */
  snippet: string;
  score: number;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult extends Page<SearchHit> {
  facets: { outlet: Facet[]; speaker: Facet[]; entity: Facet[]; date: Facet[] };
}

export interface Counts {
  documents: number;
  entities: number;
  mentions: number;
  quotes: number;
  claims: number;
  stories: number;
  quoteGroups: number;
  measures: number;
  conflicts: number;
}

export interface PlaceCount {
  entity: string;
  name: string;
  /** ISO 3166-1 alpha-3 (or numeric) when the place is a country; null otherwise. */
  country: string | null;
  count: number;
}

/** Read side of the store. */
export interface StoreReader {
  counts(): Promise<Counts>;
  listDocuments(q?: ListQuery): Promise<Page<DocumentSummary>>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  listEntities(q?: ListQuery & { type?: string }): Promise<Page<EntityOut & { mentionCount: number; quoteCount: number }>>;
  getEntity(id: string): Promise<EntityDetail | null>;
  listQuotes(q?: ListQuery): Promise<Page<QuoteOut & { outlet: string | null; published: string | null }>>;
  listClaims(q?: ListQuery): Promise<Page<ClaimOut & { outlet: string | null; published: string | null }>>;
  listStories(q?: ListQuery): Promise<Page<StoryOut & { published: string | null }>>;
  getStory(id: string): Promise<StoryDetail | null>;
  listQuoteGroups(q?: ListQuery): Promise<Page<QuoteGroupOut>>;
  listMeasures(q?: ListQuery & { conflict?: boolean }): Promise<Page<MeasureOut>>;
  getMeasure(id: string): Promise<MeasureDetail | null>;
  search(q: ListQuery & { kinds?: SearchKind[] }): Promise<SearchResult>;
  outlets(): Promise<{ outlet: string; count: number }[]>;
  places(): Promise<PlaceCount[]>;
}

/** Full store: reads plus writes (src/store/write-types.ts) and lifecycle. */
export interface Store extends StoreReader, StoreWrites {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}
