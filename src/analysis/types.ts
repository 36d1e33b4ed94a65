/**
 * The shape of `crosscheck analyze --json` (docs/schema/analysis.schema.json describes the same).
 * Ids are stable across runs: documents by given id or content hash, everything else derived from them.
 */
import type { CruftReason, EntityType, Qualifier, QuoteKind, Role } from '../doc/types.js';

export interface DocumentOut {
  id: string;
  path: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  publishedInferred: boolean;
  dateline: string | null;
  language: string | null;
  text: string;
  removed: { text: string; reason: CruftReason }[];
  /** sha256 of the source content, for idempotent ingest. */
  contentHash: string;
}

export interface EntityOut {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: Role[];
}

export interface MentionOut {
  entity: string;
  doc: string;
  start: number;
  end: number;
}

export interface QuoteOut {
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker: string | null;
  source: { start: number; end: number } | null;
  cue: string | null;
  via: string[];
}

export interface ClaimOut {
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  low: number;
  high: number;
  qualifier: Qualifier;
  of: string | null;
  unit: string | null;
  direction: 'up' | 'down' | null;
  subject: string | null;
  place: string | null;
  claimant: string | null;
  quote: string | null;
  baseline: { low: number; high: number; qualifier: Qualifier; text: string } | null;
  background: boolean;
  /** Extras beyond the required fields. */
  value: { start: number; end: number };
  outOf: number | null;
  claimantFrom: 'speaker' | 'source' | 'outlet' | null;
}

export interface StoryOut {
  id: string;
  documents: string[];
  /** Short label: the title of the earliest document. */
  label?: string;
}

export interface QuoteGroupOut {
  id: string;
  /** Quote ids, earliest known source first. */
  quotes: string[];
  speaker?: string | null;
  /** Provenance chain: speaker -> first outlet -> citing outlets, with dates. */
  provenance?: ProvenanceStep[];
}

export interface ProvenanceStep {
  entity: string | null;
  name: string;
  role: 'speaker' | 'outlet' | 'relay';
  doc: string | null;
  date: string | null;
}

export interface MeasurePoint {
  claim: string;
  claimant: string | null;
  date: string | null;
  low: number;
  high: number;
  qualifier: Qualifier;
}

export interface MeasureOut {
  id: string;
  label: string;
  claims: string[];
  conflict: boolean;
  explanation: string;
  of?: string | null;
  subject?: string | null;
  place?: string | null;
  points?: MeasurePoint[];
}

export interface Analysis {
  documents: DocumentOut[];
  entities: EntityOut[];
  mentions: MentionOut[];
  quotes: QuoteOut[];
  claims: ClaimOut[];
  stories: StoryOut[];
  quoteGroups: QuoteGroupOut[];
  measures: MeasureOut[];
  /** Inputs that could not be analyzed, with the reason. */
  errors: { input: string; code: string; message: string }[];
}

/**
 * One analyzed document before cross-document linking. Entity ids here are local to the
 * document (`<docId>#e<index>`); corpus linking maps them to global ids.
 */
export interface DocBundle {
  document: DocumentOut;
  entities: EntityOut[];
  mentions: MentionOut[];
  quotes: QuoteOut[];
  claims: ClaimOut[];
  /**
   * Story-clustering inputs of `document.text` computed beside the analysis (the ingest worker pool sets it, as a
   * non-enumerable property: never part of the output). See `storyTextFeatures` in src/corpus/stories.ts.
   */
  prepared?: { minhash: number[]; counts: [string, number][]; lead: [string, number][] };
  /**
   * Version of the analyzer that produced it (src/analysis/version.ts), stored with the document so a later
   * analyzer analyzes it again; `ingest` sets it, as a non-enumerable property (never part of the output).
   */
  analyzer?: string;
}
