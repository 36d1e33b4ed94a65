/**
 * TEST-ONLY: a small in-memory StoreReader over one `Analysis`, for the server's unit tests.
 * Linear scans everywhere; the real stores live in src/store/.
 */
import type { Analysis, ClaimOut, DocumentOut, QuoteOut } from '../../analysis/types.js';
import type {
  Counts, DocumentSummary, Facet, ListQuery, Page, PlaceCount, SearchHit, SearchKind, SearchResult, StoreReader,
} from '../../store/types.js';

function paginate<T>(items: T[], q: ListQuery = {}): Page<T> {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

/**
 * An in-memory StoreReader (tests only).
 * @example const store = memoryStore(analysis); await store.counts()
 */
export function memoryStore(a: Analysis, opts: { countries?: Record<string, string> } = {}): StoreReader {
  const docs = new Map(a.documents.map((d) => [d.id, d]));
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const storyOf = (doc: string) => a.stories.find((s) => s.documents.includes(doc))?.id ?? null;
  const pub = (doc: string) => docs.get(doc)?.published ?? null;
  const outletOf = (doc: string) => docs.get(doc)?.outlet ?? null;
  const summary = (d: DocumentOut): DocumentSummary => {
    const { text: _t, removed: _r, ...rest } = d;
    return { ...rest, story: storyOf(d.id), quoteCount: a.quotes.filter((x) => x.doc === d.id).length, claimCount: a.claims.filter((x) => x.doc === d.id).length };
  };
  const byDateDesc = (x: { published: string | null }, y: { published: string | null }) => (y.published ?? '').localeCompare(x.published ?? '');
  const inDates = (doc: string, q: ListQuery) => {
    const p = pub(doc);
    if (q.from && (!p || p < q.from)) return false;
    if (q.to && (!p || p > q.to)) return false;
    return true;
  };
  const mentions = (doc: string, entity: string) => a.mentions.some((m) => m.doc === doc && m.entity === entity);
  const docFilter = (doc: string, q: ListQuery) =>
    inDates(doc, q) && (!q.outlet || outletOf(doc) === q.outlet) && (!q.doc || doc === q.doc) && (!q.story || storyOf(doc) === q.story) &&
    (!q.entity || mentions(doc, q.entity));
  const has = (text: string, q?: string) => !q || text.toLowerCase().includes(q.toLowerCase());
  const quoteRow = (x: QuoteOut) => ({ ...x, outlet: outletOf(x.doc), published: pub(x.doc) });
  const claimRow = (x: ClaimOut) => ({ ...x, outlet: outletOf(x.doc), published: pub(x.doc) });
  const entityRow = (id: string) => {
    const e = entities.get(id)!;
    return { ...e, mentionCount: a.mentions.filter((m) => m.entity === id).length, quoteCount: a.quotes.filter((x) => x.speaker === id).length };
  };
  const snippet = (text: string, q: string) => {
    const i = text.toLowerCase().indexOf(q.toLowerCase());
    if (i < 0) return text.slice(0, 160);
    const s = Math.max(0, i - 60);
    return text.slice(s, i) + '[[' + text.slice(i, i + q.length) + ']]' + text.slice(i + q.length, i + q.length + 60);
  };
  const facet = (values: (string | null)[], label: (v: string) => string = (v) => v): Facet[] => {
    const m = new Map<string, number>();
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort((x, y) => y[1] - x[1]).slice(0, 20).map(([value, count]) => ({ value, label: label(value), count }));
  };

  return {
    async counts(): Promise<Counts> {
      return {
        documents: a.documents.length, entities: a.entities.length, mentions: a.mentions.length, quotes: a.quotes.length,
        claims: a.claims.length, stories: a.stories.length, quoteGroups: a.quoteGroups.length, measures: a.measures.length,
        conflicts: a.measures.filter((m) => m.conflict).length,
      };
    },
    async listDocuments(q = {}) {
      const items = a.documents
        .filter((d) => docFilter(d.id, q) && has(d.text + ' ' + (d.title ?? ''), q.q) && (!q.speaker || a.quotes.some((x) => x.doc === d.id && x.speaker === q.speaker)))
        .map(summary)
        .sort(byDateDesc);
      return paginate(items, q);
    },
    async getDocument(id) {
      const d = docs.get(id);
      if (!d) return null;
      const ms = a.mentions.filter((m) => m.doc === id);
      const ids = new Set(ms.map((m) => m.entity));
      const quotes = a.quotes.filter((x) => x.doc === id);
      const claims = a.claims.filter((x) => x.doc === id);
      for (const x of quotes) if (x.speaker) ids.add(x.speaker);
      for (const x of claims) if (x.claimant) ids.add(x.claimant);
      return { document: { ...d, story: storyOf(id) }, entities: [...ids].map((e) => entities.get(e)!).filter(Boolean), mentions: ms, quotes, claims };
    },
    async listEntities(q = {}) {
      const items = a.entities
        .filter((e) => (!q.type || e.type === q.type) && has([e.name, ...e.aliases].join(' '), q.q))
        .filter((e) => !q.doc && !q.outlet && !q.story ? true : a.mentions.some((m) => m.entity === e.id && docFilter(m.doc, q)))
        .map((e) => entityRow(e.id))
        .sort((x, y) => y.mentionCount - x.mentionCount || x.name.localeCompare(y.name));
      return paginate(items, q);
    },
    async getEntity(id) {
      if (!entities.has(id)) return null;
      const docIds = [...new Set(a.mentions.filter((m) => m.entity === id).map((m) => m.doc))];
      const outlets = facet(docIds.map(outletOf)).map((f) => ({ outlet: f.value, count: f.count }));
      return {
        entity: entityRow(id),
        quotes: a.quotes.filter((x) => x.speaker === id).map(quoteRow).sort(byDateDesc),
        claims: a.claims.filter((x) => x.claimant === id).map(claimRow).sort(byDateDesc),
        outlets,
        documents: docIds.map((d) => summary(docs.get(d)!)).sort(byDateDesc),
      };
    },
    async listQuotes(q = {}) {
      return paginate(a.quotes.filter((x) => docFilter(x.doc, q) && has(x.text, q.q) && (!q.speaker || x.speaker === q.speaker)).map(quoteRow).sort(byDateDesc), q);
    },
    async listClaims(q = {}) {
      return paginate(a.claims.filter((x) => docFilter(x.doc, q) && has(x.text, q.q) && (!q.speaker || x.claimant === q.speaker)).map(claimRow).sort(byDateDesc), q);
    },
    async listStories(q = {}) {
      const items = a.stories
        .map((s) => ({ ...s, published: s.documents.map(pub).filter((p): p is string => !!p).sort()[0] ?? null }))
        .filter((s) => has(s.label ?? '', q.q) && s.documents.some((d) => inDates(d, q) && (!q.outlet || outletOf(d) === q.outlet) && (!q.entity || mentions(d, q.entity))))
        .sort(byDateDesc);
      return paginate(items, q);
    },
    async getStory(id) {
      const s = a.stories.find((x) => x.id === id);
      if (!s) return null;
      const quoteById = new Map(a.quotes.map((x) => [x.id, x]));
      return {
        story: s,
        documents: s.documents.map((d) => summary(docs.get(d)!)).sort((x, y) => (x.published ?? '').localeCompare(y.published ?? '')),
        quoteGroups: a.quoteGroups
          .filter((g) => g.quotes.some((qid) => s.documents.includes(quoteById.get(qid)?.doc ?? '')))
          .map((g) => ({ ...g, members: g.quotes.map((qid) => quoteRow(quoteById.get(qid)!)) })),
      };
    },
    async listQuoteGroups(q = {}) {
      const quoteById = new Map(a.quotes.map((x) => [x.id, x]));
      return paginate(a.quoteGroups.filter((g) => (!q.speaker || g.speaker === q.speaker) && (!q.story && !q.doc ? true : g.quotes.some((qid) => docFilter(quoteById.get(qid)!.doc, q)))), q);
    },
    async listMeasures(q = {}) {
      return paginate(a.measures.filter((m) => (q.conflict === undefined || m.conflict === q.conflict) && has(m.label, q.q)), q);
    },
    async getMeasure(id) {
      const m = a.measures.find((x) => x.id === id);
      if (!m) return null;
      const claims = a.claims.filter((c) => m.claims.includes(c.id)).map((c) => ({ ...claimRow(c), claimantName: c.claimant ? entities.get(c.claimant)?.name ?? null : null }));
      return { measure: m, claims };
    },
    async search(q): Promise<SearchResult> {
      const kinds = new Set<SearchKind>(q.kinds ?? ['document', 'quote', 'claim']);
      const text = q.q ?? '';
      const hits: (SearchHit & { speaker: string | null })[] = [];
      const hit = (kind: SearchKind, id: string, doc: string, body: string, speaker: string | null) =>
        hits.push({ kind, id, doc, title: docs.get(doc)?.title ?? null, outlet: outletOf(doc), published: pub(doc), snippet: snippet(body, text), score: 1, speaker });
      for (const d of a.documents) if (kinds.has('document') && docFilter(d.id, q) && has(d.text, text)) hit('document', d.id, d.id, d.text, null);
      for (const x of a.quotes) if (kinds.has('quote') && docFilter(x.doc, q) && has(x.text, text) && (!q.speaker || x.speaker === q.speaker)) hit('quote', x.id, x.doc, x.text, x.speaker);
      for (const x of a.claims) if (kinds.has('claim') && docFilter(x.doc, q) && has(x.text, text) && (!q.speaker || x.claimant === q.speaker)) hit('claim', x.id, x.doc, x.text, x.claimant);
      const name = (id: string) => entities.get(id)?.name ?? id;
      const page = paginate(hits.map(({ speaker: _s, ...h }) => h), q);
      return {
        ...page,
        facets: {
          outlet: facet(hits.map((h) => h.outlet)),
          speaker: facet(hits.map((h) => h.speaker), name),
          entity: facet(hits.flatMap((h) => [...new Set(a.mentions.filter((m) => m.doc === h.doc).map((m) => m.entity))]), name),
          date: facet(hits.map((h) => h.published)),
        },
      };
    },
    async outlets() {
      return facet(a.documents.map((d) => d.outlet)).map((f) => ({ outlet: f.value, count: f.count }));
    },
    async places(): Promise<PlaceCount[]> {
      return a.entities
        .filter((e) => e.type === 'location')
        .map((e) => ({ entity: e.id, name: e.name, country: opts.countries?.[e.id] ?? null, count: a.mentions.filter((m) => m.entity === e.id).length }))
        .sort((x, y) => y.count - x.count);
    },
  };
}
