/** What `linkDocument` returns: everything the new document changed across the corpus. */
import type { ClaimOut, EntityOut, MeasureOut, MentionOut, QuoteGroupOut, QuoteOut, StoryOut } from '../analysis/types.js';

export interface LinkResult {
  doc: string;
  /** Local entity id (`<docId>#e<i>`) -> global entity id. */
  entityIds: Record<string, string>;
  /** Global entities created or updated (new aliases/roles) by this document. */
  entities: EntityOut[];
  /** This document's mentions, quotes and claims with global entity ids (claims carry their background flag). */
  mentions: MentionOut[];
  quotes: QuoteOut[];
  claims: ClaimOut[];
  /** Story id of the document after linking. */
  story: string;
  /** Stories created or changed (full current membership). */
  stories: StoryOut[];
  /** Stories that disappeared by merging: `from` now belongs to `into`. */
  storyMerges: { from: string; into: string }[];
  /** Quote groups created or changed (full current membership, provenance). */
  quoteGroups: QuoteGroupOut[];
  /** Quote groups that disappeared by merging or renaming. */
  quoteGroupMerges: { from: string; into: string }[];
  /** Quote id -> group id for this document's quotes. */
  quoteGroupOf: Record<string, string>;
  /** Measures created or changed (points, conflict, explanation). */
  measures: MeasureOut[];
  /** Measures that no longer exist (every point turned out to be background). */
  measuresRemoved: string[];
  /** Claim id -> measure id for this document's claims that went into a measure. */
  measureOf: Record<string, string>;
  /** Claim ids newly flagged background, in this document or in earlier ones. */
  background: string[];
}
