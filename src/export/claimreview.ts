/**
 * Claims as schema.org ClaimReview-shaped JSON-LD. Crosscheck does not rule on truth: the rating says only
 * whether other sources give conflicting figures for the same measure.
 */
import type { ClaimOut } from '../analysis/types.js';

export interface ClaimReviewInput {
  claim: ClaimOut;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  claimantName: string | null;
  claimantType: string | null;
  /** Measure the claim belongs to, with its conflict flag and explanation. */
  measure: { id: string; label: string; conflict: boolean; explanation: string } | null;
}

/**
 * One ClaimReview object.
 * @example claimReview({ claim, url: 'https://x/a', ... })['@type'] // 'ClaimReview'
 */
export function claimReview(x: ClaimReviewInput, reviewer = 'Crosscheck'): Record<string, unknown> {
  const c = x.claim;
  const author = x.claimantName
    ? { '@type': x.claimantType === 'person' ? 'Person' : 'Organization', name: x.claimantName }
    : x.outlet
      ? { '@type': 'Organization', name: x.outlet }
      : undefined;
  const rating = x.measure?.conflict
    ? { '@type': 'Rating', alternateName: 'Conflicting figures reported', ratingExplanation: x.measure.explanation }
    : { '@type': 'Rating', alternateName: x.measure ? 'Consistent with other reports' : 'Not cross-checked' };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `urn:crosscheck:claim:${c.id}`,
    ...(x.url ? { url: x.url } : {}),
    claimReviewed: c.text,
    ...(x.published ? { datePublished: x.published.slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: reviewer },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(x.published ? { datePublished: x.published.slice(0, 10) } : {}),
      appearance: {
        '@type': 'CreativeWork',
        ...(x.url ? { url: x.url } : {}),
        ...(x.title ? { headline: x.title } : {}),
        ...(x.outlet ? { publisher: { '@type': 'Organization', name: x.outlet } } : {}),
      },
    },
    reviewRating: rating,
    // Extras outside schema.org, namespaced: the figure as extracted, with its evidence offsets.
    'crosscheck:value': { low: c.low, high: c.high, qualifier: c.qualifier, of: c.of, unit: c.unit, doc: c.doc, start: c.start, end: c.end, measure: x.measure?.id ?? null },
  };
}
