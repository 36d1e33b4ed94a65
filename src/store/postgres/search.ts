/** Full-text matching for PostgreSQL: tsvector + GIN, ts_rank ordering and [[ ]] headlines. */
import type { FtsDialect } from '../reader.js';
import type { SearchKind } from '../types.js';

const HEADLINE = 'StartSel=[[, StopSel=]], MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "';

/**
 * Whether a query has searchable terms (websearch_to_tsquery takes the raw text itself).
 * @example pgQuery('  ') // null
 */
export function pgQuery(input: string): string | null {
  return /[\p{L}\p{N}]/u.test(input) ? input : null;
}

export const postgresFts: FtsDialect = {
  deadline: '',
  match(kind: SearchKind, query: string) {
    const q = pgQuery(query);
    if (!q) return null;
    const tsq = "websearch_to_tsquery('simple', ?)";
    if (kind === 'document')
      return {
        from: 'documents d',
        fromParams: [],
        where: `d.tsv @@ ${tsq}`,
        whereParams: [q],
        score: `ts_rank(d.tsv, ${tsq})`,
        scoreParams: [q],
        orderBy: `ts_rank(d.tsv, ${tsq}) DESC`,
        orderParams: [q],
        recent: 'd.rid DESC',
        recentKey: 'd.rid',
        countFrom: null,
        snippet: `ts_headline('simple', d.text, ${tsq}, '${HEADLINE}')`,
        snippetParams: [q],
      };
    const t = kind === 'quote' ? 'quotes' : 'claims';
    return {
      from: `${t} x JOIN documents d ON d.id = x.doc_id`,
      fromParams: [],
      where: `x.tsv @@ ${tsq}`,
      whereParams: [q],
      score: `ts_rank(x.tsv, ${tsq})`,
      scoreParams: [q],
      orderBy: `ts_rank(x.tsv, ${tsq}) DESC`,
      orderParams: [q],
      recent: 'x.rid DESC',
      recentKey: 'x.rid',
      countFrom: `${t} x`,
      snippet: `ts_headline('simple', x.text, ${tsq}, '${HEADLINE}')`,
      snippetParams: [q],
    };
  },
};
