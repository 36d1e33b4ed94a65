/**
 * The StoreReader over SQL, shared by both dialects. Full-text search is the one dialect-specific
 * part (FTS5 in SQLite, tsvector in PostgreSQL) and comes in through `FtsDialect`.
 */
import type { ClaimOut, DocumentOut, EntityOut, MeasureOut, QuoteGroupOut, QuoteOut, StoryOut } from '../analysis/types.js';
import type { Qualifier } from '../doc/types.js';
import { num, normName, placeholders, type SqlConn, type SqlValue } from './sql.js';
import type {
  Counts,
  DocumentDetail,
  DocumentSummary,
  EntityDetail,
  Facet,
  ListQuery,
  MeasureDetail,
  Page,
  PlaceCount,
  SearchHit,
  SearchKind,
  SearchResult,
  StoreReader,
  StoryDetail,
} from './types.js';

/** How one dialect matches full text. */
export interface FtsDialect {
  /**
   * FROM/WHERE pieces matching `query` for one kind. The FROM must bind the item as `x` (quotes, claims)
   * and its document as `d`. Returns null when the query has no searchable terms.
   */
  match(kind: SearchKind, query: string): {
    from: string;
    fromParams: SqlValue[];
    where: string;
    whereParams: SqlValue[];
    /** Higher is better. */
    score: string;
    scoreParams: SqlValue[];
    /** ORDER BY expression for best-first, evaluated only for rows inside the newest-matches bound. */
    orderBy: string;
    orderParams: SqlValue[];
    /** The column `recent` orders by (newest is largest): ranking is limited to the newest matches through it. */
    recentKey: string;
    /** A FROM with the match's table alone, for counting when no document filter applies; null to use `from`. */
    countFrom: string | null;
    /** ORDER BY for a cheap, unranked sample (newest first), used for facets. */
    recent: string;
    snippet: string;
    snippetParams: SqlValue[];
  } | null;
  /** A condition added to every filtered read, enforcing the read time limit (SQLite), or ''. */
  readonly deadline: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** Search facets look at this many newest matching documents, so they stay fast on large corpora. */
const FACET_SAMPLE = 1000;
/** Entity and speaker facets count over fewer documents: each has many mentions and quotes. */
const ENTITY_FACET_SAMPLE = 300;
/** Search totals are counted up to this; a larger total is reported as this number ("at least"). */
export const SEARCH_COUNT_CAP = 10_000;
/**
 * Matches ranked per kind: the newest RANK_WINDOW. Ranking scores every candidate, so ranking all matches of a
 * common word would grow with the corpus; the window keeps a query's cost flat (the newest reports are also what
 * an analyst wants first), while selective queries, with fewer matches than the window, are ranked in full.
 */
export const RANK_WINDOW = 2_000;
const DETAIL_CAP = 200;

const DOC_COLS =
  'd.id, d.path, d.url, d.outlet, d.title, d.published, d.published_inferred, d.dateline, d.language, d.content_hash, d.story, d.quote_count, d.claim_count';
const QUOTE_COLS = 'x.id, x.doc_id, x.start_off, x.end_off, x.text, x.kind, x.speaker, x.source_start, x.source_end, x.cue, x.via';
const CLAIM_COLS =
  'x.id, x.doc_id, x.start_off, x.end_off, x.text, x.low, x.high, x.qualifier, x.of_text, x.unit, x.direction, x.subject, x.place, x.claimant, x.quote_id, x.baseline, x.background, x.value_start, x.value_end, x.out_of, x.claimant_from';
const ENTITY_COLS = 'e.id, e.name, e.type, e.aliases, e.roles, e.mention_count, e.quote_count';

type Row = Record<string, any>;

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function docSummary(r: Row): DocumentSummary {
  return {
    id: r.id, path: str(r.path), url: str(r.url), outlet: str(r.outlet), title: str(r.title), published: str(r.published),
    publishedInferred: !!num(r.published_inferred), dateline: str(r.dateline), language: str(r.language), contentHash: r.content_hash,
    story: str(r.story), quoteCount: num(r.quote_count), claimCount: num(r.claim_count),
  };
}

export function quoteOut(r: Row): QuoteOut {
  return {
    id: r.id, doc: r.doc_id, start: num(r.start_off), end: num(r.end_off), text: r.text, kind: r.kind, speaker: str(r.speaker),
    source: r.source_start === null || r.source_start === undefined ? null : { start: num(r.source_start), end: num(r.source_end) },
    cue: str(r.cue), via: JSON.parse(r.via ?? '[]'),
  };
}

export function claimOut(r: Row): ClaimOut {
  return {
    id: r.id, doc: r.doc_id, start: num(r.start_off), end: num(r.end_off), text: r.text, low: num(r.low), high: num(r.high),
    qualifier: r.qualifier as Qualifier, of: str(r.of_text), unit: str(r.unit), direction: (r.direction ?? null) as ClaimOut['direction'],
    subject: str(r.subject), place: str(r.place), claimant: str(r.claimant), quote: str(r.quote_id),
    baseline: r.baseline ? JSON.parse(r.baseline) : null, background: !!num(r.background),
    value: { start: num(r.value_start), end: num(r.value_end) }, outOf: r.out_of === null || r.out_of === undefined ? null : num(r.out_of),
    claimantFrom: (r.claimant_from ?? null) as ClaimOut['claimantFrom'],
  };
}

export function entityOut(r: Row): EntityOut & { mentionCount: number; quoteCount: number } {
  return {
    id: r.id, name: r.name, type: r.type, aliases: JSON.parse(r.aliases ?? '[]'), roles: JSON.parse(r.roles ?? '[]'),
    mentionCount: num(r.mention_count), quoteCount: num(r.quote_count),
  };
}

function measureOut(r: Row, claims: string[]): MeasureOut {
  return {
    id: r.id, label: r.label, claims, conflict: !!num(r.conflict), explanation: r.explanation, of: str(r.of_text),
    subject: str(r.subject), place: str(r.place), points: JSON.parse(r.points ?? '[]'),
  };
}

/** A growing WHERE clause. */
class Where {
  conds: string[] = [];
  params: SqlValue[] = [];
  add(cond: string, ...params: SqlValue[]): this {
    this.conds.push(cond);
    this.params.push(...params);
    return this;
  }
  sql(): string {
    return this.conds.length ? ' WHERE ' + this.conds.join(' AND ') : '';
  }
}

function pageArgs(q: ListQuery | undefined): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(q?.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(q?.offset ?? 0));
  return { limit: Number.isFinite(limit) ? limit : DEFAULT_LIMIT, offset: Number.isFinite(offset) ? offset : 0 };
}

/**
 * StoreReader over a SqlConn.
 * @example const reader = new SqlStoreReader(conn, sqliteFts); await reader.listDocuments({ outlet: 'Reuters' })
 */
export class SqlStoreReader implements StoreReader {
  constructor(protected rconn: SqlConn, protected readonly fts: FtsDialect) {}

  /** Entity ids an `entity`/`speaker` filter names: an exact id, else any entity with that name or alias. */
  protected async entityIds(value: string): Promise<string[]> {
    const byId = await this.rconn.get<{ id: string }>('SELECT id FROM entities WHERE id = ?', [value]);
    if (byId) return [byId.id];
    const rows = await this.rconn.all<{ entity_id: string }>('SELECT entity_id FROM entity_aliases WHERE alias_norm = ? LIMIT 50', [normName(value)]);
    return rows.map((r) => r.entity_id);
  }

  /** Filters on the document `d` shared by every list. */
  protected async docFilters(w: Where, q: ListQuery | undefined): Promise<void> {
    if (!q) return;
    if (q.outlet) w.add('d.outlet = ?', q.outlet);
    if (q.from) w.add('d.pub_date >= ?', q.from.slice(0, 10));
    if (q.to) w.add('d.pub_date <= ?', q.to.slice(0, 10));
    if (q.doc) w.add('d.id = ?', q.doc);
    if (q.story) w.add('d.story = ?', q.story);
    if (q.entity) {
      const ids = await this.entityIds(q.entity);
      if (!ids.length) w.add('1 = 0');
      else w.add(`EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND m.entity_id IN (${placeholders(ids.length)}))`, ...ids);
    }
  }

  protected async page<T>(select: string, from: string, w: Where, order: string, q: ListQuery | undefined, map: (r: Row) => T): Promise<Page<T>> {
    const { limit, offset } = pageArgs(q);
    if (this.fts.deadline) w.add(this.fts.deadline);
    const where = w.sql();
    const total = await this.rconn.get<{ n: unknown }>(`SELECT count(*) AS n FROM ${from}${where}`, w.params);
    const rows = limit ? await this.rconn.all(`SELECT ${select} FROM ${from}${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...w.params, limit, offset]) : [];
    return { items: rows.map(map), total: num(total?.n), limit, offset };
  }

  async counts(): Promise<Counts> {
    const one = async (sql: string) => num((await this.rconn.get<{ n: unknown }>(sql))?.n);
    return {
      documents: await one('SELECT count(*) AS n FROM documents'),
      entities: await one('SELECT count(*) AS n FROM entities WHERE doc_count > 0'),
      mentions: await one('SELECT count(*) AS n FROM mentions'),
      quotes: await one('SELECT count(*) AS n FROM quotes'),
      claims: await one('SELECT count(*) AS n FROM claims'),
      stories: await one('SELECT count(*) AS n FROM stories'),
      quoteGroups: await one('SELECT count(*) AS n FROM quote_groups'),
      measures: await one('SELECT count(*) AS n FROM measures'),
      conflicts: await one('SELECT count(*) AS n FROM measures WHERE conflict = 1'),
    };
  }

  async listDocuments(q?: ListQuery): Promise<Page<DocumentSummary>> {
    const w = new Where();
    await this.docFilters(w, q);
    let from = 'documents d';
    if (q?.q) {
      const m = this.fts.match('document', q.q);
      if (!m) return { items: [], total: 0, ...pageArgs(q) };
      from = m.from;
      w.conds.unshift(m.where);
      w.params.unshift(...m.fromParams, ...m.whereParams);
    }
    if (q?.speaker) {
      const ids = await this.entityIds(q.speaker);
      w.add(ids.length ? `EXISTS (SELECT 1 FROM quotes qq WHERE qq.doc_id = d.id AND qq.speaker IN (${placeholders(ids.length)}))` : '1 = 0', ...ids);
    }
    return this.page(DOC_COLS, from, w, 'd.pub_date DESC, d.rid DESC', q, docSummary);
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const r = await this.rconn.get(`SELECT ${DOC_COLS}, d.text FROM documents d WHERE d.id = ?`, [id]);
    if (!r) return null;
    const removed = await this.rconn.all<{ text: string; reason: string }>('SELECT text, reason FROM removed WHERE doc_id = ? ORDER BY seq', [id]);
    const { quoteCount: _q, claimCount: _c, ...summary } = docSummary(r);
    const document = { ...summary, text: r.text as string, removed: removed as DocumentOut['removed'] };
    const mentions = (await this.rconn.all('SELECT entity_id, start_off, end_off FROM mentions WHERE doc_id = ? ORDER BY start_off', [id])).map((m) => ({
      entity: m.entity_id as string, doc: id, start: num(m.start_off), end: num(m.end_off),
    }));
    const entities = (
      await this.rconn.all(
        `SELECT ${ENTITY_COLS} FROM entities e WHERE e.id IN (SELECT entity_id FROM mentions WHERE doc_id = ?
           UNION SELECT speaker FROM quotes WHERE doc_id = ? UNION SELECT claimant FROM claims WHERE doc_id = ?) ORDER BY e.name`,
        [id, id, id],
      )
    ).map((e) => {
      const { mentionCount: _m, quoteCount: _qc, ...rest } = entityOut(e);
      return rest;
    });
    const quotes = (await this.rconn.all(`SELECT ${QUOTE_COLS} FROM quotes x WHERE x.doc_id = ? ORDER BY x.start_off`, [id])).map(quoteOut);
    const claims = (await this.rconn.all(`SELECT ${CLAIM_COLS} FROM claims x WHERE x.doc_id = ? ORDER BY x.start_off`, [id])).map(claimOut);
    return { document, entities, mentions, quotes, claims };
  }

  async listEntities(q?: ListQuery & { type?: string }): Promise<Page<EntityOut & { mentionCount: number; quoteCount: number }>> {
    const w = new Where().add('e.doc_count > 0');
    if (q?.type) w.add('e.type = ?', q.type);
    if (q?.q) {
      const n = normName(q.q);
      w.add('(e.name_norm LIKE ? OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias_norm LIKE ?))', `%${n}%`, `${n}%`);
    }
    if (q?.entity) {
      const ids = await this.entityIds(q.entity);
      w.add(ids.length ? `e.id IN (${placeholders(ids.length)})` : '1 = 0', ...ids);
    }
    if (q?.doc || q?.outlet || q?.story || q?.from || q?.to) {
      const dw = new Where();
      await this.docFilters(dw, { outlet: q.outlet, doc: q.doc, story: q.story, from: q.from, to: q.to });
      w.add(`EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = e.id AND ${dw.conds.join(' AND ')})`, ...dw.params);
    }
    return this.page(ENTITY_COLS, 'entities e', w, 'e.mention_count DESC, e.id', q, entityOut);
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const r = await this.rconn.get(`SELECT ${ENTITY_COLS} FROM entities e WHERE e.id = ?`, [id]);
    if (!r) return null;
    const quotes = (
      await this.rconn.all(
        `SELECT ${QUOTE_COLS}, d.outlet, d.published FROM quotes x JOIN documents d ON d.id = x.doc_id WHERE x.speaker = ?
         ORDER BY d.pub_date DESC, x.doc_id, x.start_off LIMIT ${DETAIL_CAP}`,
        [id],
      )
    ).map((x) => ({ ...quoteOut(x), published: str(x.published), outlet: str(x.outlet) }));
    const claims = (
      await this.rconn.all(
        `SELECT ${CLAIM_COLS}, d.outlet, d.published FROM claims x JOIN documents d ON d.id = x.doc_id
         WHERE x.claimant = ? OR x.subject = ? OR x.place = ? ORDER BY d.pub_date DESC, x.doc_id, x.start_off LIMIT ${DETAIL_CAP}`,
        [id, id, id],
      )
    ).map((x) => ({ ...claimOut(x), published: str(x.published), outlet: str(x.outlet) }));
    const outlets = (
      await this.rconn.all(
        `SELECT d.outlet, count(DISTINCT d.id) AS n FROM mentions m JOIN documents d ON d.id = m.doc_id
         WHERE m.entity_id = ? AND d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY n DESC, d.outlet LIMIT ${DETAIL_CAP}`,
        [id],
      )
    ).map((o) => ({ outlet: o.outlet as string, count: num(o.n) }));
    const documents = (
      await this.rconn.all(
        `SELECT ${DOC_COLS} FROM documents d WHERE d.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?)
         ORDER BY d.pub_date DESC, d.rid DESC LIMIT ${DETAIL_CAP}`,
        [id],
      )
    ).map(docSummary);
    return { entity: entityOut(r), quotes, claims, outlets, documents };
  }

  /**
   * The FROM clause for a list of quotes or claims: `base`, or the full-text join when a query is given
   * (its conditions go into `w`; a query that cannot match adds a false condition).
   */
  private ftsFrom(kind: 'quote' | 'claim', query: string | undefined, base: string, w: Where): string {
    if (!query) return base;
    const m = this.fts.match(kind, query);
    if (!m) {
      w.add('1 = 0');
      return base;
    }
    w.conds.push(m.where);
    w.params.push(...m.fromParams, ...m.whereParams);
    return m.from;
  }

  protected async quoteWhere(q: ListQuery | undefined): Promise<{ from: string; w: Where }> {
    const w = new Where();
    const from = this.ftsFrom('quote', q?.q, 'quotes x JOIN documents d ON d.id = x.doc_id', w);
    const { entity, ...rest } = q ?? {};
    await this.docFilters(w, rest);
    for (const v of [q?.speaker, entity]) {
      if (!v) continue;
      const ids = await this.entityIds(v);
      w.add(ids.length ? `x.speaker IN (${placeholders(ids.length)})` : '1 = 0', ...ids);
    }
    return { from, w };
  }

  async listQuotes(q?: ListQuery): Promise<Page<QuoteOut & { outlet: string | null; published: string | null }>> {
    const { from, w } = await this.quoteWhere(q);
    return this.page(`${QUOTE_COLS}, d.outlet, d.published`, from, w, 'd.pub_date DESC, x.doc_id, x.start_off', q, (x) => ({
      ...quoteOut(x), outlet: str(x.outlet), published: str(x.published),
    }));
  }

  async listClaims(q?: ListQuery): Promise<Page<ClaimOut & { outlet: string | null; published: string | null }>> {
    const w = new Where();
    const from = this.ftsFrom('claim', q?.q, 'claims x JOIN documents d ON d.id = x.doc_id', w);
    const { entity, ...rest } = q ?? {};
    await this.docFilters(w, rest);
    if (entity) {
      const ids = await this.entityIds(entity);
      const p = placeholders(ids.length);
      w.add(ids.length ? `(x.claimant IN (${p}) OR x.subject IN (${p}) OR x.place IN (${p}))` : '1 = 0', ...ids, ...ids, ...ids);
    }
    if (q?.speaker) {
      const ids = await this.entityIds(q.speaker);
      w.add(ids.length ? `x.claimant IN (${placeholders(ids.length)})` : '1 = 0', ...ids);
    }
    return this.page(`${CLAIM_COLS}, d.outlet, d.published`, from, w, 'd.pub_date DESC, x.doc_id, x.start_off', q, (x) => ({
      ...claimOut(x), outlet: str(x.outlet), published: str(x.published),
    }));
  }

  protected async storyDocs(id: string): Promise<string[]> {
    return (await this.rconn.all<{ id: string }>('SELECT id FROM documents WHERE story = ? ORDER BY pub_date, id', [id])).map((r) => r.id);
  }

  async listStories(q?: ListQuery): Promise<Page<StoryOut & { published: string | null }>> {
    const w = new Where();
    if (q?.story) w.add('s.id = ?', q.story);
    if (q?.from) w.add('s.published >= ?', q.from.slice(0, 10));
    if (q?.to) w.add('s.published <= ?', q.to.slice(0, 10));
    if (q?.q) w.add('lower(s.label) LIKE ?', `%${q.q.toLowerCase()}%`);
    if (q?.entity || q?.outlet || q?.doc) {
      const dw = new Where();
      await this.docFilters(dw, { entity: q.entity, outlet: q.outlet, doc: q.doc });
      w.add(`EXISTS (SELECT 1 FROM documents d WHERE d.story = s.id AND ${dw.conds.join(' AND ')})`, ...dw.params);
    }
    const page = await this.page('s.id, s.label, s.published', 'stories s', w, 's.published DESC, s.id', q, (r) => r);
    const items: (StoryOut & { published: string | null })[] = [];
    for (const r of page.items) items.push({ id: r.id, label: str(r.label) ?? undefined, documents: await this.storyDocs(r.id), published: str(r.published) });
    return { ...page, items };
  }

  protected async groupOut(r: Row): Promise<QuoteGroupOut> {
    const quotes = (await this.rconn.all<{ quote_id: string }>('SELECT quote_id FROM quote_group_members WHERE group_id = ? ORDER BY seq', [r.id])).map((m) => m.quote_id);
    return { id: r.id, quotes, speaker: str(r.speaker), provenance: JSON.parse(r.provenance ?? '[]') };
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const r = await this.rconn.get('SELECT id, label, published FROM stories WHERE id = ?', [id]);
    if (!r) return null;
    const documents = (await this.rconn.all(`SELECT ${DOC_COLS} FROM documents d WHERE d.story = ? ORDER BY d.pub_date, d.id LIMIT 1000`, [id])).map(docSummary);
    const groups = await this.rconn.all(
      `SELECT g.id, g.speaker, g.provenance FROM quote_groups g WHERE g.id IN (
         SELECT qm.group_id FROM quote_group_members qm JOIN quotes x ON x.id = qm.quote_id JOIN documents d ON d.id = x.doc_id WHERE d.story = ?)
       ORDER BY g.size DESC, g.id LIMIT ${DETAIL_CAP}`,
      [id],
    );
    const quoteGroups: StoryDetail['quoteGroups'] = [];
    for (const g of groups) {
      const members = (
        await this.rconn.all(
          `SELECT ${QUOTE_COLS}, d.outlet, d.published FROM quote_group_members qm JOIN quotes x ON x.id = qm.quote_id
           JOIN documents d ON d.id = x.doc_id WHERE qm.group_id = ? ORDER BY qm.seq`,
          [g.id],
        )
      ).map((x) => ({ ...quoteOut(x), outlet: str(x.outlet), published: str(x.published) }));
      quoteGroups.push({ ...(await this.groupOut(g)), members });
    }
    return { story: { id: r.id, label: str(r.label) ?? undefined, documents: documents.map((d) => d.id) }, documents, quoteGroups };
  }

  async listQuoteGroups(q?: ListQuery): Promise<Page<QuoteGroupOut>> {
    const w = new Where();
    for (const v of [q?.speaker, q?.entity]) {
      if (!v) continue;
      const ids = await this.entityIds(v);
      w.add(ids.length ? `g.speaker IN (${placeholders(ids.length)})` : '1 = 0', ...ids);
    }
    if (q?.doc || q?.story || q?.outlet || q?.from || q?.to || q?.q) {
      const { from, w: qw } = await this.quoteWhere({ doc: q.doc, story: q.story, outlet: q.outlet, from: q.from, to: q.to, q: q.q });
      w.add(`EXISTS (SELECT 1 FROM ${from} JOIN quote_group_members qm ON qm.quote_id = x.id WHERE qm.group_id = g.id${qw.conds.length ? ' AND ' + qw.conds.join(' AND ') : ''})`, ...qw.params);
    }
    const page = await this.page('g.id, g.speaker, g.provenance', 'quote_groups g', w, 'g.size DESC, g.id', q, (r) => r);
    const items: QuoteGroupOut[] = [];
    for (const r of page.items) items.push(await this.groupOut(r));
    return { ...page, items };
  }

  protected async measureClaimIds(id: string): Promise<string[]> {
    return (await this.rconn.all<{ claim_id: string }>('SELECT claim_id FROM measure_claims WHERE measure_id = ? ORDER BY seq', [id])).map((r) => r.claim_id);
  }

  async listMeasures(q?: ListQuery & { conflict?: boolean }): Promise<Page<MeasureOut>> {
    const w = new Where();
    if (q?.conflict !== undefined) w.add('m.conflict = ?', q.conflict ? 1 : 0);
    if (q?.q) w.add('lower(m.label) LIKE ?', `%${q.q.toLowerCase()}%`);
    for (const v of [q?.entity, q?.speaker]) {
      if (!v) continue;
      const ids = await this.entityIds(v);
      const p = placeholders(ids.length);
      w.add(
        ids.length
          ? `(m.subject IN (${p}) OR m.place IN (${p}) OR EXISTS (SELECT 1 FROM measure_claims mc JOIN claims c ON c.id = mc.claim_id WHERE mc.measure_id = m.id AND c.claimant IN (${p})))`
          : '1 = 0',
        ...ids, ...ids, ...ids,
      );
    }
    if (q?.doc || q?.story || q?.outlet || q?.from || q?.to) {
      const dw = new Where();
      await this.docFilters(dw, { doc: q.doc, story: q.story, outlet: q.outlet, from: q.from, to: q.to });
      w.add(`EXISTS (SELECT 1 FROM measure_claims mc JOIN claims c ON c.id = mc.claim_id JOIN documents d ON d.id = c.doc_id WHERE mc.measure_id = m.id AND ${dw.conds.join(' AND ')})`, ...dw.params);
    }
    const page = await this.page('m.*', 'measures m', w, 'm.conflict DESC, m.size DESC, m.id', q, (r) => r);
    const items: MeasureOut[] = [];
    for (const r of page.items) items.push(measureOut(r, await this.measureClaimIds(r.id)));
    return { ...page, items };
  }

  async getMeasure(id: string): Promise<MeasureDetail | null> {
    const r = await this.rconn.get('SELECT * FROM measures WHERE id = ?', [id]);
    if (!r) return null;
    const claims = (
      await this.rconn.all(
        `SELECT ${CLAIM_COLS}, d.outlet, d.published, e.name AS claimant_name FROM measure_claims mc JOIN claims x ON x.id = mc.claim_id
         JOIN documents d ON d.id = x.doc_id LEFT JOIN entities e ON e.id = x.claimant WHERE mc.measure_id = ? ORDER BY mc.seq`,
        [id],
      )
    ).map((x) => ({ ...claimOut(x), outlet: str(x.outlet), published: str(x.published), claimantName: str(x.claimant_name) }));
    return { measure: measureOut(r, await this.measureClaimIds(id)), claims };
  }

  async search(q: ListQuery & { kinds?: SearchKind[] }): Promise<SearchResult> {
    const { limit, offset } = pageArgs(q);
    const kinds = q.kinds?.length ? q.kinds : (['document', 'quote', 'claim'] as SearchKind[]);
    const hits: SearchHit[] = [];
    let total = 0;
    const facetDocs = new Set<string>();
    if (!q.q || !q.q.trim()) {
      // No text: the newest documents matching the filters, snippet from the start of the text.
      const w = new Where();
      await this.docFilters(w, q);
      if (this.fts.deadline) w.add(this.fts.deadline);
      total = num((await this.rconn.get<{ n: unknown }>(`SELECT count(*) AS n FROM documents d${w.sql()}`, w.params))?.n);
      const rows = await this.rconn.all(
        `SELECT d.id, d.title, d.outlet, d.published, substr(d.text, 1, 200) AS snippet FROM documents d${w.sql()} ORDER BY d.pub_date DESC, d.rid DESC LIMIT ? OFFSET ?`,
        [...w.params, limit, offset],
      );
      for (const r of rows) hits.push({ kind: 'document', id: r.id, doc: r.id, title: str(r.title), outlet: str(r.outlet), published: str(r.published), snippet: r.snippet, score: 0 });
      const sample = await this.rconn.all<{ id: string }>(`SELECT d.id AS id FROM documents d${w.sql()} ORDER BY d.pub_date DESC LIMIT ${FACET_SAMPLE}`, w.params);
      for (const r of sample) facetDocs.add(r.id);
    } else {
      const all: SearchHit[] = [];
      for (const kind of kinds) {
        const m = this.fts.match(kind, q.q);
        if (!m) continue;
        const w = new Where().add(m.where, ...m.whereParams);
        await this.docFilters(w, q);
        if (q.speaker && kind !== 'document') {
          const ids = await this.entityIds(q.speaker);
          w.add(ids.length ? `x.${kind === 'quote' ? 'speaker' : 'claimant'} IN (${placeholders(ids.length)})` : '1 = 0', ...ids);
        }
        const filtered = w.conds.length > 1;
        if (this.fts.deadline) w.add(this.fts.deadline);
        const where = w.sql();
        const countFrom = !filtered && m.countFrom ? m.countFrom : m.from;
        total += num(
          (await this.rconn.get<{ n: unknown }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${countFrom}${where} LIMIT ${SEARCH_COUNT_CAP}) t`, [...(countFrom === m.from ? m.fromParams : []), ...w.params]))?.n,
        );
        const cut = await this.rconn.get<{ k: unknown }>(
          `SELECT ${m.recentKey} AS k FROM ${countFrom}${where} ORDER BY ${m.recent} LIMIT 1 OFFSET ${RANK_WINDOW - 1}`,
          [...(countFrom === m.from ? m.fromParams : []), ...w.params],
        );
        const ranked = cut ? `${where} AND ${m.recentKey} >= ?` : where;
        const idCol = kind === 'document' ? 'd.id' : 'x.id';
        const rows = await this.rconn.all(
          `SELECT ${idCol} AS id, d.id AS doc, d.title, d.outlet, d.published, ${m.snippet} AS snippet, ${m.score} AS score
           FROM ${m.from}${ranked} ORDER BY ${m.orderBy} LIMIT ?`,
          [...m.snippetParams, ...m.scoreParams, ...m.fromParams, ...w.params, ...(cut ? [cut.k as SqlValue] : []), ...m.orderParams, offset + limit],
        );
        for (const r of rows)
          all.push({ kind, id: r.id, doc: r.doc, title: str(r.title), outlet: str(r.outlet), published: str(r.published), snippet: String(r.snippet ?? ''), score: num(r.score) });
        const sample = await this.rconn.all<{ id: string }>(
          `SELECT d.id AS id FROM ${m.from}${where} ORDER BY ${m.recent} LIMIT ${FACET_SAMPLE}`,
          [...m.fromParams, ...w.params],
        );
        for (const r of sample) facetDocs.add(r.id);
      }
      all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      hits.push(...all.slice(offset, offset + limit));
    }
    const facets = await this.facets([...facetDocs].slice(0, FACET_SAMPLE));
    return { items: hits, total, limit, offset, facets };
  }

  /** Facets over the documents behind the best matches (ids padded to a few fixed list sizes so statements are reused). */
  protected async facets(ids: string[]): Promise<SearchResult['facets']> {
    if (!ids.length) return { outlet: [], speaker: [], entity: [], date: [] };
    const size = [16, 128, 512, FACET_SAMPLE].find((n) => n >= ids.length) ?? ids.length;
    const params: SqlValue[] = [...ids, ...new Array<SqlValue>(size - ids.length).fill(null)];
    const matched = placeholders(size);
    const facet = async (sql: string): Promise<Facet[]> =>
      (await this.rconn.all(sql, params)).map((r) => ({ value: String(r.value), label: String(r.label ?? r.value), count: num(r.n) }));
    const outlet = await facet(
      `SELECT d.outlet AS value, d.outlet AS label, count(*) AS n FROM documents d WHERE d.id IN (${matched}) AND d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY n DESC, value LIMIT 20`,
    );
    const date = await facet(
      `SELECT d.pub_date AS value, d.pub_date AS label, count(*) AS n FROM documents d WHERE d.id IN (${matched}) AND d.pub_date IS NOT NULL GROUP BY d.pub_date ORDER BY value DESC LIMIT 31`,
    );
    const few = ids.slice(0, ENTITY_FACET_SAMPLE);
    const fewSize = [16, 128, ENTITY_FACET_SAMPLE].find((n) => n >= few.length) ?? few.length;
    const speaker = (
      await this.rconn.all(
        `SELECT t.speaker AS value, e.name AS label, t.n FROM (
           SELECT speaker, count(*) AS n FROM quotes WHERE doc_id IN (${placeholders(fewSize)}) AND speaker IS NOT NULL
           GROUP BY speaker ORDER BY n DESC, speaker LIMIT 20) t JOIN entities e ON e.id = t.speaker ORDER BY t.n DESC, value`,
        [...few, ...new Array<SqlValue>(fewSize - few.length).fill(null)],
      )
    ).map((r) => ({ value: String(r.value), label: String(r.label ?? r.value), count: num(r.n) }));
    const entity = (
      await this.rconn.all(
        `SELECT t.entity_id AS value, e.name AS label, t.n FROM (
           SELECT entity_id, count(*) AS n FROM (SELECT DISTINCT doc_id, entity_id FROM mentions WHERE doc_id IN (${placeholders(fewSize)})) u
           GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT 20) t JOIN entities e ON e.id = t.entity_id ORDER BY t.n DESC, value`,
        [...few, ...new Array<SqlValue>(fewSize - few.length).fill(null)],
      )
    ).map((r) => ({ value: String(r.value), label: String(r.label ?? r.value), count: num(r.n) }));
    return { outlet, speaker, entity, date };
  }

  async outlets(): Promise<{ outlet: string; count: number }[]> {
    return (await this.rconn.all('SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet')).map((r) => ({
      outlet: r.outlet as string, count: num(r.n),
    }));
  }

  async places(): Promise<PlaceCount[]> {
    return (
      await this.rconn.all(`SELECT id, name, country, mention_count FROM entities WHERE type = 'location' AND mention_count > 0 ORDER BY mention_count DESC, id LIMIT 1000`)
    ).map((r) => ({ entity: r.id, name: r.name, country: str(r.country), count: num(r.mention_count) }));
  }
}
