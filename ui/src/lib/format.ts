/** Display helpers. Nothing here produces HTML: callers render the strings as text nodes. */

export { formatNumber as num, formatFigure as figure, hedgeLabel } from '../../../src/analysis/figure.js';

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
