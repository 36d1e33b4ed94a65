/** The write side of the Store: one writer transaction per document. */
import type { DocBundle, MeasureOut, StoryOut } from '../analysis/types.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { LinkResult } from '../corpus/link-result.js';

/** What writing one document did. */
export interface WriteOutcome {
  /**
   * added: new; replaced: a changed version of a known URL (or id) superseded the old one; reanalyzed: the same content,
   * stored by another analyzer version, analyzed again (its layers replaced); unchanged: same content already stored.
   */
  status: 'added' | 'replaced' | 'reanalyzed' | 'unchanged';
  doc: string;
  /** Id of the superseded document (status 'replaced' or 'reanalyzed'), else null. */
  replaced: string | null;
}

/** Inside the writer transaction. */
export interface WriteTx {
  /** The corpus index, writing inside this transaction. */
  readonly index: CorpusIndex;
  /** Id of a current or superseded document with this content hash, or null; with `analyzer`, not one an older analyzer wrote. */
  findByContentHash(hash: string, analyzer?: string): Promise<string | null>;
  /**
   * Removes the current document with the bundle's content that another analyzer version wrote (bundle.analyzer), so
   * the bundle links as new; its id, or null (putDocument then reports 'reanalyzed').
   */
  dropStale(bundle: DocBundle): Promise<string | null>;
  /** Writes one document, its layers and its link result; replaces an older version with the same URL or id. */
  writeDocument(bundle: DocBundle, link: LinkResult | null): Promise<WriteOutcome>;
  /** Rewrites stories a story revision changed (members, id, label) and drops the ones it removed. */
  writeStories(stories: StoryOut[], removed: string[]): Promise<void>;
  /** Rewrites measures whose conflict or explanation changed after a story revision (same claims). */
  writeMeasures(measures: MeasureOut[]): Promise<void>;
}

/** Links one bundle against the index (normally `linkDocument` from src/corpus/link.ts). */
export type Linker = (bundle: DocBundle, index: CorpusIndex) => Promise<LinkResult>;

export interface StoreWrites {
  /**
   * Run `fn` in the single writer transaction: commits when it resolves, rolls back when it throws.
   * Calls are serialized, so there is one writer at a time.
   */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * Id of a current or superseded document with this content hash, or null, as the writer sees it (the open batch
   * included); a read in the writer's queue, not a write (in batch mode it takes no savepoint and does not count
   * towards the batch's size).
   * With `analyzer` (see src/analysis/version.ts), a current document another analyzer version wrote is not found:
   * it is to be analyzed again.
   * @example if (await store.findByContentHash(hash, analyzerVersion())) skipAnalysis()
   */
  findByContentHash(hash: string, analyzer?: string): Promise<string | null>;
  /**
   * Idempotent ingest of one analyzed document: skip same content, link, write — all in one transaction.
   * @example await store.putDocument(bundle, linkDocument)
   */
  putDocument(bundle: DocBundle, linker?: Linker | null): Promise<WriteOutcome>;
  /**
   * Batch mode for bulk ingest: until `endBatch`, each `write` runs in a savepoint of a longer transaction that
   * commits every few dozen documents or about a second, so index and full-text upkeep is paid per batch, not per
   * document. A failing write still rolls back alone; a crash loses at most the open batch, which a re-run redoes.
   * @example store.beginBatch(); try { for (const b of bundles) await store.putDocument(b) } finally { await store.endBatch() }
   */
  beginBatch(): void;
  /** Commit the open batch and return to one transaction per write. */
  endBatch(): Promise<void>;
}
