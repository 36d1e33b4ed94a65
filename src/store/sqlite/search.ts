/** Full-text matching for SQLite: FTS5 with bm25 ranking and [[ ]] snippets. */
import type { FtsDialect } from '../reader.js';
import type { SearchKind } from '../types.js';

/**
 * Turn what a person types into a safe FTS5 query: words and "quoted phrases" become quoted terms
 * (ANDed), a trailing * keeps prefix search, and a bare OR between terms is kept.
 * @example fts5Query('troops "border crossing" OR army*') // '"troops" "border crossing" OR "army"*'
 */
export function fts5Query(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}_]+/gu);
      if (words) parts.push('"' + words.join(' ') + '"');
      continue;
    }
    const raw = m[2]!;
    if (raw === 'OR' && parts.length && parts[parts.length - 1] !== 'OR') {
      parts.push('OR');
      continue;
    }
    const prefix = raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}_]+/gu);
    if (!words) continue;
    parts.push('"' + words.join(' ') + '"' + (prefix ? '*' : ''));
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.length ? parts.join(' ') : null;
}

const SNIPPET_TOKENS = 24;

export const sqliteFts: FtsDialect = {
  deadline: 'cc_deadline()',
  match(kind: SearchKind, query: string) {
    const fq = fts5Query(query);
    if (!fq) return null;
    if (kind === 'document')
      return {
        from: 'documents_fts JOIN documents d ON d.rid = documents_fts.rowid',
        fromParams: [],
        where: 'documents_fts MATCH ?',
        whereParams: [fq],
        // Title matches count more than body matches. bm25() called directly, not the rank column: FTS5 sorts
        // by rank over every match and ignores the reader's newest-matches rowid bound; bm25() is scored only
        // for the rows inside that bound.
        score: '(-bm25(documents_fts, 4.0, 1.0))',
        scoreParams: [],
        orderBy: 'bm25(documents_fts, 4.0, 1.0)',
        orderParams: [],
        recent: 'documents_fts.rowid DESC',
        recentKey: 'documents_fts.rowid',
        countFrom: 'documents_fts',
        snippet: `snippet(documents_fts, 1, '[[', ']]', '…', ${SNIPPET_TOKENS})`,
        snippetParams: [],
      };
    const t = kind === 'quote' ? 'quotes' : 'claims';
    return {
      from: `${t}_fts JOIN ${t} x ON x.rid = ${t}_fts.rowid JOIN documents d ON d.id = x.doc_id`,
      fromParams: [],
      where: `${t}_fts MATCH ?`,
      whereParams: [fq],
      score: `(-bm25(${t}_fts))`,
      scoreParams: [],
      orderBy: `bm25(${t}_fts)`,
      orderParams: [],
      recent: `${t}_fts.rowid DESC`,
      recentKey: `${t}_fts.rowid`,
      countFrom: `${t}_fts`,
      snippet: `snippet(${t}_fts, 0, '[[', ']]', '…', ${SNIPPET_TOKENS})`,
      snippetParams: [],
    };
  },
};
