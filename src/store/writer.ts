/**
 * Writes one analyzed, linked document inside the writer transaction. Dialect-neutral SQL.
 * A changed version of a known URL (or document id) supersedes the old one; the old text stays in document_versions.
 */
import type { ClaimOut, DocBundle, EntityOut, MeasureOut, MentionOut, QuoteGroupOut, QuoteOut, StoryOut } from '../analysis/types.js';
import type { LinkResult } from '../corpus/link-result.js';
import { countryCode } from './country.js';
import { normName, placeholders, pubDate, type SqlConn, type SqlValue } from './sql.js';
import type { WriteOutcome } from './write-types.js';

const CHUNK = 100;

/** Multi-row INSERT in fixed-size chunks (so prepared statements are reused). */
export async function insertMany(conn: SqlConn, table: string, cols: string[], rows: SqlValue[][], suffix = ''): Promise<void> {
  const one = `(${placeholders(cols.length)})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${new Array(part.length).fill(one).join(', ')}${suffix}`;
    await conn.run(sql, part.flat());
  }
}

/**
 * Id of a current or superseded document with this content hash, or null. With `analyzer`, a current document an
 * older analyzer wrote (another version, or none recorded) does not count: its analysis is out of date.
 */
export async function findByContentHash(conn: SqlConn, hash: string, analyzer?: string): Promise<string | null> {
  const cur = await conn.get<{ id: string; analyzer: string | null }>('SELECT id, analyzer FROM documents WHERE content_hash = ?', [hash]);
  if (cur) return analyzer === undefined || cur.analyzer === analyzer ? cur.id : null;
  const old = await conn.get<{ doc_id: string }>('SELECT doc_id FROM document_versions WHERE content_hash = ? LIMIT 1', [hash]);
  return old ? old.doc_id : null;
}

/**
 * Remove the current document with `bundle`'s content that another analyzer version wrote (its layers; the text is
 * not kept twice), so the new analysis links and is written as if new; its id, or null when there is none.
 * @example await dropStale(conn, bundle, new SqlCorpusIndex(conn))
 */
export async function dropStale(conn: SqlConn, bundle: DocBundle, index: IndexForget, lists: MemberLists | null = null): Promise<string | null> {
  if (bundle.analyzer === undefined) return null;
  const stale = await conn.get<{ id: string }>('SELECT id FROM documents WHERE content_hash = ? AND (analyzer IS NULL OR analyzer <> ?)', [bundle.document.contentHash, bundle.analyzer]);
  if (!stale) return null;
  lists?.clear();
  await supersede(conn, stale.id, bundle.document.id, new Date().toISOString(), index, false);
  return stale.id;
}

function bool(b: boolean | null | undefined): number {
  return b ? 1 : 0;
}

/** What superseding a document asks of the corpus index (SqlCorpusIndex.forgetDocument, which sees writes not yet flushed). */
export interface IndexForget {
  forgetDocument(id: string): Promise<void>;
}

/**
 * Remove a document and its layers, keeping its text in document_versions (unless `keepText` is false: the same
 * content analyzed again); adjusts entity counters.
 */
async function supersede(conn: SqlConn, oldId: string, byId: string, now: string, index: IndexForget, keepText = true): Promise<void> {
  if (keepText) {
    await conn.run(
      `INSERT INTO document_versions (url, doc_id, content_hash, title, published, text, superseded_at, superseded_by)
       SELECT url, id, content_hash, title, published, text, ?, ? FROM documents WHERE id = ?`,
      [now, byId, oldId],
    );
  }
  await conn.run(
    `UPDATE entities SET
       mention_count = mention_count - (SELECT count(*) FROM mentions m WHERE m.doc_id = ? AND m.entity_id = entities.id),
       doc_count = doc_count - 1
     WHERE id IN (SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ?)`,
    [oldId, oldId],
  );
  await conn.run(
    `UPDATE entities SET quote_count = quote_count - (SELECT count(*) FROM quotes q WHERE q.doc_id = ? AND q.speaker = entities.id)
     WHERE id IN (SELECT DISTINCT speaker FROM quotes WHERE doc_id = ? AND speaker IS NOT NULL)`,
    [oldId, oldId],
  );
  await conn.run('DELETE FROM quote_group_members WHERE quote_id IN (SELECT id FROM quotes WHERE doc_id = ?)', [oldId]);
  await conn.run('DELETE FROM measure_claims WHERE claim_id IN (SELECT id FROM claims WHERE doc_id = ?)', [oldId]);
  const story = await conn.get<{ story: string | null }>('SELECT story FROM documents WHERE id = ?', [oldId]);
  for (const t of ['removed', 'mentions', 'quotes', 'claims']) await conn.run(`DELETE FROM ${t} WHERE doc_id = ?`, [oldId]);
  await conn.run('DELETE FROM documents WHERE id = ?', [oldId]);
  // The corpus index forgets the old version's document record, and its terms stop counting in document frequencies.
  await index.forgetDocument(oldId);
  if (story?.story) await refreshStories(conn, [story.story]);
}

async function refreshStories(conn: SqlConn, ids: string[]): Promise<void> {
  for (const id of new Set(ids)) {
    await conn.run(
      `UPDATE stories SET doc_count = (SELECT count(*) FROM documents WHERE story = ?),
         published = (SELECT min(pub_date) FROM documents WHERE story = ?) WHERE id = ?`,
      [id, id, id],
    );
  }
  await conn.run(`DELETE FROM stories WHERE doc_count = 0 AND id IN (${placeholders(ids.length)})`, ids);
}

/** Member lists most recently written per group, so rewriting a grown list does not read it back. */
const MEMBER_LISTS_MAX = 20_000;

/**
 * The member lists (quote group and measure members) this store last wrote, kept between write transactions like the
 * RecordCache: a wire story's group grows by one member per report, and without it every report reads all members back.
 * The owner clears it whenever rows may have changed behind it (a rollback, a superseded version, another writer).
 * @example const lists = new MemberLists(); await setMembers(conn, 'quote_group_members', 'group_id', 'quote_id', 'g1', ['q1'], lists)
 */
export class MemberLists {
  private readonly map = new Map<string, readonly string[]>();

  get(table: string, id: string): readonly string[] | undefined {
    return this.map.get(table + '\u0000' + id);
  }

  set(table: string, id: string, values: readonly string[]): void {
    const k = table + '\u0000' + id;
    this.map.delete(k);
    if (this.map.size >= MEMBER_LISTS_MAX) this.map.delete(this.map.keys().next().value!);
    this.map.set(k, values.slice());
  }

  delete(table: string, id: string): void {
    this.map.delete(table + '\u0000' + id);
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Make the rows of `table` with `col` = `id` hold `values` in `of`, in `seq` order (0, 1, ...). Rows before the first
 * difference stay: a group that grew by a member costs one insert, not a rewrite of all its members. `lists`, when
 * given, knows the rows last written (else they are read).
 * @example await setMembers(conn, 'quote_group_members', 'group_id', 'quote_id', 'g1', ['q1', 'q2'])
 */
export async function setMembers(
  conn: SqlConn, table: string, col: string, of: string, id: string, values: readonly string[], lists: MemberLists | null = null,
): Promise<void> {
  const rows = lists?.get(table, id) ?? (await conn.all<{ v: string }>(`SELECT ${of} AS v FROM ${table} WHERE ${col} = ? ORDER BY seq`, [id])).map((r) => r.v);
  let same = 0;
  while (same < rows.length && same < values.length && rows[same] === values[same]) same++;
  if (same === rows.length && same === values.length) return lists?.set(table, id, values);
  if (same < rows.length) await conn.run(`DELETE FROM ${table} WHERE ${col} = ? AND seq >= ?`, [id, same]);
  const rest: SqlValue[][] = [];
  for (let i = same; i < values.length; i++) rest.push([id, values[i]!, i]);
  await insertMany(conn, table, [col, of, 'seq'], rest);
  lists?.set(table, id, values);
}

/** Entities per multi-row upsert (seven parameters each). */
const ENTITY_ROWS = 100;

async function upsertEntities(conn: SqlConn, entities: EntityOut[]): Promise<void> {
  // One row per id, the last given (as writing them one by one would leave).
  const byId = new Map<string, EntityOut>();
  for (const e of entities) byId.delete(e.id), byId.set(e.id, e);
  const all = [...byId.values()];
  for (let i = 0; i < all.length; i += ENTITY_ROWS) {
    const part = all.slice(i, i + ENTITY_ROWS);
    const params: SqlValue[] = [];
    for (const e of part) {
      const country = e.type === 'location' ? countryCode([e.name, ...e.aliases]) : null;
      params.push(e.id, e.name, normName(e.name), e.type, JSON.stringify(e.aliases), JSON.stringify(e.roles), country);
    }
    // Most entities of a document are known and unchanged: the row is then left alone (and not returned), and so are its aliases.
    const changed = await conn.all<{ id: string }>(
      `INSERT INTO entities (id, name, name_norm, type, aliases, roles, country) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_norm = excluded.name_norm, type = excluded.type,
         aliases = excluded.aliases, roles = excluded.roles, country = excluded.country
       WHERE entities.name IS DISTINCT FROM excluded.name OR entities.name_norm IS DISTINCT FROM excluded.name_norm
         OR entities.type IS DISTINCT FROM excluded.type OR entities.aliases IS DISTINCT FROM excluded.aliases
         OR entities.roles IS DISTINCT FROM excluded.roles OR entities.country IS DISTINCT FROM excluded.country
       RETURNING id`,
      params,
    );
    if (!changed.length) continue;
    const ids = changed.map((r) => r.id);
    await conn.run(`DELETE FROM entity_aliases WHERE entity_id IN (${placeholders(ids.length)})`, ids);
    const rows: SqlValue[][] = [];
    for (const id of ids) {
      const e = byId.get(id)!;
      for (const k of new Set([e.name, ...e.aliases].map(normName).filter(Boolean))) rows.push([id, k]);
    }
    await insertMany(conn, 'entity_aliases', ['entity_id', 'alias_norm'], rows);
  }
}

/** Entity counters per id, added in one statement per chunk (three parameters each). */
async function addToCounters(conn: SqlConn, column: 'mention_count' | 'quote_count', counts: Map<string, number>, docs: boolean): Promise<void> {
  const all = [...counts];
  for (let i = 0; i < all.length; i += 200) {
    const part = all.slice(i, i + 200);
    const params: SqlValue[] = [];
    for (const [id, n] of part) params.push(id, n);
    for (const [id] of part) params.push(id);
    await conn.run(
      `UPDATE entities SET ${column} = ${column} + CASE id ${part.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} ELSE 0 END${docs ? ', doc_count = doc_count + 1' : ''}
       WHERE id IN (${placeholders(part.length)})`,
      params,
    );
  }
}

/**
 * Rewrite stories after a story revision (src/corpus/story-revise.ts): removed ones go, changed ones are upserted
 * with their members (each member's story column follows), and the counts of every touched story are refreshed.
 * @example await writeStoriesSql(conn, [{ id: 'story:d1', documents: ['d1', 'd2'] }], ['story:d2'])
 */
export async function writeStoriesSql(conn: SqlConn, stories: StoryOut[], removed: string[]): Promise<void> {
  for (const id of removed) await conn.run('DELETE FROM stories WHERE id = ?', [id]);
  const touched = await upsertStories(conn, stories, []);
  if (touched.length) await refreshStories(conn, touched);
}

/**
 * Rewrite measures (conflict, explanation, points, members) after a story revision explained them again.
 * @example await writeMeasuresSql(conn, [measure], lists)
 */
export async function writeMeasuresSql(conn: SqlConn, measures: MeasureOut[], lists: MemberLists | null): Promise<void> {
  await upsertMeasures(conn, measures, [], lists);
}

async function upsertStories(conn: SqlConn, stories: StoryOut[], merges: { from: string; into: string }[]): Promise<string[]> {
  const touched: string[] = [];
  for (const m of merges) {
    await conn.run('UPDATE documents SET story = ? WHERE story = ?', [m.into, m.from]);
    await conn.run('DELETE FROM stories WHERE id = ?', [m.from]);
    touched.push(m.into);
  }
  for (const s of stories) {
    await conn.run(
      `INSERT INTO stories (id, label) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label`,
      [s.id, s.label ?? null],
    );
    for (let i = 0; i < s.documents.length; i += CHUNK) {
      const part = s.documents.slice(i, i + CHUNK);
      await conn.run(`UPDATE documents SET story = ? WHERE id IN (${placeholders(part.length)}) AND (story IS NULL OR story <> ?)`, [s.id, ...part, s.id]);
    }
    touched.push(s.id);
  }
  return touched;
}

async function upsertQuoteGroups(conn: SqlConn, groups: QuoteGroupOut[], merges: { from: string; into: string }[], lists: MemberLists | null): Promise<void> {
  for (const m of merges) {
    await conn.run('DELETE FROM quote_groups WHERE id = ?', [m.from]);
    lists?.delete('quote_group_members', m.from);
  }
  for (const g of groups) {
    await conn.run(
      `INSERT INTO quote_groups (id, speaker, provenance, size) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET speaker = excluded.speaker, provenance = excluded.provenance, size = excluded.size`,
      [g.id, g.speaker ?? null, JSON.stringify(g.provenance ?? []), g.quotes.length],
    );
    await setMembers(conn, 'quote_group_members', 'group_id', 'quote_id', g.id, g.quotes, lists);
  }
}

async function upsertMeasures(conn: SqlConn, measures: MeasureOut[], removed: string[], lists: MemberLists | null): Promise<void> {
  for (const id of removed) {
    await conn.run('DELETE FROM measures WHERE id = ?', [id]);
    lists?.delete('measure_claims', id);
  }
  for (const m of measures) {
    await conn.run(
      `INSERT INTO measures (id, label, conflict, explanation, of_text, subject, place, points, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, conflict = excluded.conflict, explanation = excluded.explanation,
         of_text = excluded.of_text, subject = excluded.subject, place = excluded.place, points = excluded.points, size = excluded.size`,
      [m.id, m.label, bool(m.conflict), m.explanation, m.of ?? null, m.subject ?? null, m.place ?? null, JSON.stringify(m.points ?? []), m.claims.length],
    );
    await setMembers(conn, 'measure_claims', 'measure_id', 'claim_id', m.id, m.claims, lists);
  }
}

function mentionRows(doc: string, mentions: MentionOut[]): SqlValue[][] {
  return mentions.map((m) => [doc, m.entity, m.start, m.end]);
}
function quoteRows(quotes: QuoteOut[]): SqlValue[][] {
  return quotes.map((q) => [q.id, q.doc, q.start, q.end, q.text, q.kind, q.speaker, q.source?.start ?? null, q.source?.end ?? null, q.cue, JSON.stringify(q.via ?? [])]);
}
function claimRows(claims: ClaimOut[]): SqlValue[][] {
  return claims.map((c) => [
    c.id, c.doc, c.start, c.end, c.text, c.low, c.high, c.qualifier, c.of, c.unit, c.direction, c.subject, c.place, c.claimant, c.quote,
    c.baseline ? JSON.stringify(c.baseline) : null, bool(c.background), c.value?.start ?? c.start, c.value?.end ?? c.end, c.outOf, c.claimantFrom,
  ]);
}

/**
 * Write one document with its layers and link result. Call inside the writer transaction; `index` is the corpus
 * index of that transaction, through which a superseded version's index record is forgotten; `lists`, when given,
 * the member lists this store last wrote (cleared here when a version is superseded).
 * @example await writeDocumentSql(conn, bundle, link, new SqlCorpusIndex(conn))
 */
export async function writeDocumentSql(
  conn: SqlConn, bundle: DocBundle, link: LinkResult | null, index: IndexForget, lists: MemberLists | null = null,
): Promise<WriteOutcome> {
  const d = bundle.document;
  const now = new Date().toISOString();
  const same = await findByContentHash(conn, d.contentHash, bundle.analyzer);
  if (same) return { status: 'unchanged', doc: same, replaced: null };

  let replaced = await dropStale(conn, bundle, index, lists);
  const reanalyzed = replaced !== null;
  const byId = await conn.get<{ id: string }>('SELECT id FROM documents WHERE id = ?', [d.id]);
  const byUrl = d.url ? await conn.get<{ id: string }>('SELECT id FROM documents WHERE url = ? ORDER BY rid DESC LIMIT 1', [d.url]) : undefined;
  for (const old of [byId?.id, byUrl?.id]) {
    if (old && old !== replaced) {
      // Superseding deletes members of groups and measures in SQL directly.
      lists?.clear();
      await supersede(conn, old, d.id, now, index);
      replaced = old;
    }
  }

  const entities = link ? link.entities : bundle.entities;
  const mentions = link ? link.mentions : bundle.mentions;
  const quotes = link ? link.quotes : bundle.quotes;
  const claims = link ? link.claims : bundle.claims;

  await upsertEntities(conn, entities);
  await conn.run(
    `INSERT INTO documents (id, path, url, outlet, title, published, pub_date, published_inferred, dateline, language, text, content_hash, story, quote_count, claim_count, ingested_at, analyzer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.id, d.path, d.url, d.outlet, d.title, d.published, pubDate(d.published), bool(d.publishedInferred), d.dateline, d.language, d.text,
      d.contentHash, link?.story ?? null, quotes.length, claims.length, now, bundle.analyzer ?? null],
  );
  await insertMany(conn, 'removed', ['doc_id', 'seq', 'text', 'reason'], d.removed.map((r, i) => [d.id, i, r.text, r.reason]));
  await insertMany(conn, 'mentions', ['doc_id', 'entity_id', 'start_off', 'end_off'], mentionRows(d.id, mentions));
  await insertMany(conn, 'quotes', ['id', 'doc_id', 'start_off', 'end_off', 'text', 'kind', 'speaker', 'source_start', 'source_end', 'cue', 'via'], quoteRows(quotes));
  await insertMany(
    conn, 'claims',
    ['id', 'doc_id', 'start_off', 'end_off', 'text', 'low', 'high', 'qualifier', 'of_text', 'unit', 'direction', 'subject', 'place', 'claimant', 'quote_id',
      'baseline', 'background', 'value_start', 'value_end', 'out_of', 'claimant_from'],
    claimRows(claims),
  );

  // Entity counters: incremented here, decremented when a version is superseded.
  const perEntity = new Map<string, number>();
  for (const m of mentions) perEntity.set(m.entity, (perEntity.get(m.entity) ?? 0) + 1);
  await addToCounters(conn, 'mention_count', perEntity, true);
  const perSpeaker = new Map<string, number>();
  for (const q of quotes) if (q.speaker) perSpeaker.set(q.speaker, (perSpeaker.get(q.speaker) ?? 0) + 1);
  await addToCounters(conn, 'quote_count', perSpeaker, false);

  if (link) {
    const touched = await upsertStories(conn, link.stories, link.storyMerges);
    if (!link.stories.some((s) => s.id === link.story)) {
      await conn.run('INSERT INTO stories (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [link.story, d.title]);
      touched.push(link.story);
    }
    await refreshStories(conn, touched);
    await upsertQuoteGroups(conn, link.quoteGroups, link.quoteGroupMerges, lists);
    await upsertMeasures(conn, link.measures, link.measuresRemoved, lists);
    for (let i = 0; i < link.background.length; i += CHUNK) {
      const part = link.background.slice(i, i + CHUNK);
      await conn.run(`UPDATE claims SET background = 1 WHERE id IN (${placeholders(part.length)})`, part);
    }
  }
  return { status: reanalyzed ? 'reanalyzed' : replaced ? 'replaced' : 'added', doc: d.id, replaced };
}
