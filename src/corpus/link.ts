/**
 * Cross-document linking, one document at a time: entities, stories, quote groups,
 * shared background and measures. Work per document is bounded by key lookups in a CorpusIndex.
 */
import type { Analysis, DocBundle } from '../analysis/types.js';
import type { CorpusIndex } from './corpus-index.js';
import type { LinkResult } from './link-result.js';

export type { LinkResult } from './link-result.js';

/**
 * Link one analyzed document into the corpus: updates `index` and returns what changed.
 * @example const result = await linkDocument(bundle, new MemoryCorpusIndex());
 */
export async function linkDocument(bundle: DocBundle, index: CorpusIndex): Promise<LinkResult> {
  void index;
  throw new Error(`linkDocument not implemented yet (doc ${bundle.document.id})`);
}

/**
 * Link several documents in memory (ordered by published date, then id) and return the cross-document analysis.
 * @example const analysis = await linkCorpus(bundles);
 */
export async function linkCorpus(bundles: DocBundle[]): Promise<Omit<Analysis, 'errors'>> {
  void bundles;
  throw new Error('linkCorpus not implemented yet');
}
