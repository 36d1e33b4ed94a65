/**
 * How a figure reads in text: one implementation for the CLI report and the web UI (which imports it).
 * Pure and dependency-free so the browser bundle can use it.
 */
import type { Qualifier } from '../doc/types.js';

const HEDGE: Record<Qualifier, string> = {
  exact: '',
  approx: 'about ',
  up_to: 'up to ',
  at_least: 'at least ',
  more_than: 'more than ',
  less_than: 'less than ',
};

/** A number as English text with thousands separators. @example formatNumber(2000) // '2,000' */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The hedge word of a qualifier ('exact' for none). @example hedgeLabel('up_to') // 'up to' */
export function hedgeLabel(q: Qualifier): string {
  return HEDGE[q].trim() || 'exact';
}

const PERCENT = new Set(['percent', 'percentage', '%']);

/**
 * "about 2,000–3,000", "up to 50,000", "25 of 34", "40%".
 * @example formatFigure({ low: 0, high: 50000, qualifier: 'up_to' }) // 'up to 50,000'
 */
export function formatFigure(c: { low: number; high: number; qualifier: Qualifier; outOf?: number | null; unit?: string | null }): string {
  const bound = c.qualifier === 'up_to' || c.qualifier === 'less_than' ? c.high : c.low;
  const body = c.qualifier === 'exact' || c.qualifier === 'approx' ? (c.low === c.high ? formatNumber(c.low) : `${formatNumber(c.low)}–${formatNumber(c.high)}`) : formatNumber(bound);
  const unit = !c.unit ? '' : PERCENT.has(c.unit) ? '%' : ' ' + c.unit;
  return `${HEDGE[c.qualifier]}${body}${c.outOf ? ` of ${formatNumber(c.outOf)}` : ''}${unit}`;
}
