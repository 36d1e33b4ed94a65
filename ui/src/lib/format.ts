/** Display helpers. Nothing here produces HTML: callers render the strings as text nodes. */
import type { ClaimOut } from '../../../src/server/api-types.js';

const HEDGE: Record<ClaimOut['qualifier'], string> = {
  exact: '',
  approx: 'about ',
  up_to: 'up to ',
  at_least: 'at least ',
  more_than: 'more than ',
  less_than: 'less than ',
};

export function num(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "up to 500", "20–30", "25 of 34". */
export function figure(c: Pick<ClaimOut, 'low' | 'high' | 'qualifier'> & { outOf?: number | null; unit?: string | null }): string {
  const bound = c.qualifier === 'up_to' || c.qualifier === 'less_than' ? c.high : c.low;
  const body = c.qualifier === 'exact' || c.qualifier === 'approx' ? (c.low === c.high ? num(c.low) : `${num(c.low)}–${num(c.high)}`) : num(bound);
  return `${HEDGE[c.qualifier]}${body}${c.outOf ? ` of ${num(c.outOf)}` : ''}${c.unit ? ' ' + c.unit : ''}`;
}

export function hedgeLabel(q: ClaimOut['qualifier']): string {
  return HEDGE[q].trim() || 'exact';
}

/** Only http(s) links from article data become clickable (no javascript:, data:, …). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Split a search snippet with [[match]] markers into [text, isMatch] parts. */
export function snippetParts(snippet: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  const re = /\[\[(.*?)\]\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) out.push([snippet.slice(last, m.index), false]);
    out.push([m[1]!, true]);
    last = m.index + m[0].length;
  }
  if (last < snippet.length) out.push([snippet.slice(last), false]);
  return out;
}

export function date(d: string | null | undefined): string {
  return d ?? 'undated';
}
