/**
 * CorpusIndex over SQL: one JSON record table (`cx_records`: kind, id, json) and one posting table
 * (`cx_postings`: kind, key, id, seq) indexed on (kind, key, seq desc). Same SQL for both dialects.
 */
import {
  DEFAULT_LIMIT_PER_KEY,
  type CorpusIndex,
  type DocRecord,
  type EntityRecord,
  type MeasureRecord,
  type ParagraphRecord,
  type QuoteGroupRecord,
  type QuoteRecord,
  type StoryRecord,
} from '../corpus/corpus-index.js';
import { placeholders, type SqlConn } from './sql.js';

type Kind = 'entity' | 'document' | 'story' | 'quote' | 'quoteGroup' | 'measure' | 'paragraph';

/**
 * The SQL-backed CorpusIndex; writes go through whatever transaction `conn` is in.
 * @example const index = new SqlCorpusIndex(conn); await index.getEntity('e_x')
 */
export class SqlCorpusIndex implements CorpusIndex {
  constructor(private readonly conn: SqlConn) {}

  private async get<T>(kind: Kind, id: string): Promise<T | null> {
    const row = await this.conn.get<{ json: string }>('SELECT json FROM cx_records WHERE kind = ? AND id = ?', [kind, id]);
    return row ? (JSON.parse(row.json) as T) : null;
  }

  private async put(kind: Kind, id: string, record: unknown, keys: readonly string[] | null): Promise<void> {
    let oldKeys: string[] = [];
    if (keys) {
      const old = await this.get<{ keys: string[] }>(kind, id);
      oldKeys = old?.keys ?? [];
    }
    await this.conn.run(
      'INSERT INTO cx_records (kind, id, json) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
      [kind, id, JSON.stringify(record)],
    );
    if (!keys) return;
    const next = new Set(keys);
    const prev = new Set(oldKeys);
    const dropped = oldKeys.filter((k) => !next.has(k));
    for (let i = 0; i < dropped.length; i += 100) {
      const part = dropped.slice(i, i + 100);
      await this.conn.run(`DELETE FROM cx_postings WHERE kind = ? AND id = ? AND key IN (${placeholders(part.length)})`, [kind, id, ...part]);
    }
    for (const k of next) {
      if (!prev.has(k)) await this.conn.run('INSERT INTO cx_postings (kind, key, id) VALUES (?, ?, ?)', [kind, k, id]);
    }
  }

  private async del(kind: Kind, id: string): Promise<void> {
    await this.conn.run('DELETE FROM cx_postings WHERE kind = ? AND id = ?', [kind, id]);
    await this.conn.run('DELETE FROM cx_records WHERE kind = ? AND id = ?', [kind, id]);
  }

  private async byKeys<T>(kind: Kind, keys: string[], limitPerKey: number): Promise<T[]> {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const key of new Set(keys)) {
      const rows = await this.conn.all<{ id: string; json: string }>(
        `SELECT p.id, r.json FROM cx_postings p JOIN cx_records r ON r.kind = p.kind AND r.id = p.id
         WHERE p.kind = ? AND p.key = ? ORDER BY p.seq DESC LIMIT ?`,
        [kind, key, limitPerKey],
      );
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push(JSON.parse(r.json) as T);
      }
    }
    return out;
  }

  entitiesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<EntityRecord[]> {
    return this.byKeys('entity', keys, limitPerKey);
  }
  getEntity(id: string): Promise<EntityRecord | null> {
    return this.get('entity', id);
  }
  putEntity(e: EntityRecord): Promise<void> {
    return this.put('entity', e.id, e, e.keys);
  }

  documentsByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<DocRecord[]> {
    return this.byKeys('document', keys, limitPerKey);
  }
  getDocument(id: string): Promise<DocRecord | null> {
    return this.get('document', id);
  }
  putDocument(d: DocRecord): Promise<void> {
    return this.put('document', d.id, d, d.keys);
  }

  getStory(id: string): Promise<StoryRecord | null> {
    return this.get('story', id);
  }
  putStory(s: StoryRecord): Promise<void> {
    return this.put('story', s.id, s, null);
  }
  deleteStory(id: string): Promise<void> {
    return this.del('story', id);
  }

  quotesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<QuoteRecord[]> {
    return this.byKeys('quote', keys, limitPerKey);
  }
  getQuote(id: string): Promise<QuoteRecord | null> {
    return this.get('quote', id);
  }
  putQuote(q: QuoteRecord): Promise<void> {
    return this.put('quote', q.id, q, q.keys);
  }

  getQuoteGroup(id: string): Promise<QuoteGroupRecord | null> {
    return this.get('quoteGroup', id);
  }
  putQuoteGroup(g: QuoteGroupRecord): Promise<void> {
    return this.put('quoteGroup', g.id, g, null);
  }
  deleteQuoteGroup(id: string): Promise<void> {
    return this.del('quoteGroup', id);
  }

  measuresByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<MeasureRecord[]> {
    return this.byKeys('measure', keys, limitPerKey);
  }
  getMeasure(id: string): Promise<MeasureRecord | null> {
    return this.get('measure', id);
  }
  putMeasure(m: MeasureRecord): Promise<void> {
    return this.put('measure', m.id, m, m.keys);
  }
  deleteMeasure(id: string): Promise<void> {
    return this.del('measure', id);
  }

  async paragraphs(outlet: string, hashes: string[]): Promise<ParagraphRecord[]> {
    const out: ParagraphRecord[] = [];
    for (let i = 0; i < hashes.length; i += 100) {
      const ids = hashes.slice(i, i + 100).map((h) => `${outlet}|${h}`);
      const rows = await this.conn.all<{ json: string }>(
        `SELECT json FROM cx_records WHERE kind = 'paragraph' AND id IN (${placeholders(ids.length)})`,
        ids,
      );
      for (const r of rows) out.push(JSON.parse(r.json) as ParagraphRecord);
    }
    return out;
  }
  putParagraph(p: ParagraphRecord): Promise<void> {
    return this.put('paragraph', p.id, p, null);
  }
}
