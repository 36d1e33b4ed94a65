/**
 * The incremental state cross-document linking reads and writes. `linkDocument` asks only
 * key lookups of it (never "all documents"), so linking one article costs the same whether the
 * corpus holds ten articles or a million.
 *
 * Every record kind works the same way: `putX(record)` inserts or replaces the record by id and
 * replaces its lookup keys (`record.keys`); `xByKeys(keys, limitPerKey)` returns the distinct records
 * holding any of the keys, at most `limitPerKey` per key, most recently put first.
 * A SQL store can implement it with one JSON table per kind (`id`, `json`) and one posting table
 * (`kind`, `key`, `id`, `seq`) indexed on (`kind`, `key`, `seq desc`).
 */
import type { EntityType, Qualifier, Role } from '../doc/types.js';
import type { MeasurePoint, ProvenanceStep } from '../analysis/types.js';

/** A global (cross-document) entity. */
export interface EntityRecord {
  /** Stable: derived from type + canonical name when first seen. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: Role[];
  /** Lookup keys: normalised aliases ('n:...'), acronyms ('a:...'), surnames ('s:...'), roles ('r:...'). */
  keys: string[];
  /** Number of documents that mention it (used to judge how telling a shared entity is). */
  docCount: number;
}

/** What story clustering keeps about one linked document. */
export interface DocRecord {
  id: string;
  outlet: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  title: string | null;
  /** Story id the document currently belongs to. */
  story: string;
  /** MinHash signature of the text's word shingles (uint32 values). */
  minhash: number[];
  /** Global ids of the entities it mentions, most mentioned first (capped). */
  entities: string[];
  /** Global ids of its quoted speakers. */
  speakers: string[];
  /** The speaker quoted in its lead, when one is (see `ledByOtherSpeakers`). */
  ledBy?: string;
  /** Quote groups its quotes belong to. */
  quoteGroups: string[];
  /** Normalised numbers and years it states (e.g. '40%', 'y2016', '100'). */
  numbers: string[];
  /** Older records only: story term key ('t:...') -> weight of its count in the text (1 + ln count). */
  terms?: Record<string, number>;
  /**
   * Term vector for similarity, weighted when the document was linked (kind x corpus rarity x count weight):
   * story term keys ('t:...') and weights in parallel, and the sum of squared weights. Absent in older records.
   */
  weighted?: { keys: string[]; weights: number[]; norm: number };
  /** The lead's (title and first sentences') terms weighted the same way. Absent in older records. */
  lead?: { keys: string[]; weights: number[]; norm: number };
  /** Weekdays its lead names, as a bit set (`weekdaysIn`); absent when none (or in older records). */
  weekdays?: number;
  /** Earlier documents it was joined with outright when linked (a republication, a shared quote); story revision keeps them together. */
  outright?: string[];
  /** Lookup keys: LSH bands ('b:...'), speakers ('s:...'), rare entities by week ('e:...'), quote groups ('g:...'). */
  keys: string[];
}

/** A story: documents reporting the same event or statement. */
export interface StoryRecord {
  /** Derived from its earliest document id, so it is stable for the same corpus. */
  id: string;
  documents: string[];
  label: string | null;
  /** Earliest document (by published date, then id): it names the story. */
  first: { doc: string; published: string | null };
}

/** Corpus document frequencies: documents counted and, per term, how many of them hold it. */
export interface TermFrequencies {
  documents: number;
  /** Only the terms asked for that some document holds. */
  df: Map<string, number>;
}

/** A change to the corpus document frequencies from linking one document. */
export interface TermFrequencyDelta {
  /** Documents added (1 for a new document, 0 for a relinked one). */
  documents: number;
  /** Distinct terms the document holds that it did not hold before. */
  added: string[];
  /** Distinct terms an earlier version of the document held and this one does not. */
  removed: string[];
}

/** What quote grouping keeps about one quote. */
export interface QuoteRecord {
  /** Quote id (`<docId>.q<start>`). */
  id: string;
  doc: string;
  /** Global speaker entity id, or null. */
  speaker: string | null;
  speakerName: string | null;
  outlet: string | null;
  published: string | null;
  /** Light-stemmed content words (deduplicated). */
  stems: string[];
  /** Normalised numbers in the quote. */
  numbers: string[];
  /** Names of relays from the quote's `via`, outermost first. */
  via: string[];
  /** Group the quote belongs to. */
  group: string;
  /** Lookup keys: speaker ('s:...'), content-word shingles ('h:...'). */
  keys: string[];
}

/** A group of quotes of one utterance across outlets. */
export interface QuoteGroupRecord {
  /** Derived from the earliest member quote id. */
  id: string;
  /** Quote ids, earliest known source first. */
  quotes: string[];
  speaker: string | null;
  provenance: ProvenanceStep[];
}

/** A measure point with what linking knows about where it was stated (kept in the index, not in the output). */
export interface LinkedPoint extends MeasurePoint {
  /** Document the claim is in. */
  doc?: string;
  /** Quote group of the quote the claim is in, if any. */
  group?: string | null;
  /** Worded as an approximation ("as many as", "around", "some"): given tolerance when compared. */
  hedged?: boolean;
}

/** A quantity several claims state. */
export interface MeasureRecord {
  /** Derived from the normalised key. */
  id: string;
  label: string;
  of: string | null;
  subject: string | null;
  place: string | null;
  claims: string[];
  points: LinkedPoint[];
  conflict: boolean;
  explanation: string;
  /** Lookup keys: the normalised measure key ('m:...') and looser scope keys ('o:...'). */
  keys: string[];
}

/** A normalised paragraph as seen in the documents of one outlet. */
export interface ParagraphRecord {
  /** `<outlet key>|<paragraph hash>`. */
  id: string;
  outlet: string;
  hash: string;
  occurrences: {
    doc: string;
    start: number;
    end: number;
    /** Claims inside the paragraph, with the measure each was put in (if any). */
    claims: { id: string; measure: string | null }[];
  }[];
}

/** Lookups and writes linking needs. Implemented in memory here and by the SQLite/PostgreSQL stores. */
export interface CorpusIndex {
  entitiesByKeys(keys: string[], limitPerKey?: number): Promise<EntityRecord[]>;
  getEntity(id: string): Promise<EntityRecord | null>;
  putEntity(entity: EntityRecord): Promise<void>;

  documentsByKeys(keys: string[], limitPerKey?: number): Promise<DocRecord[]>;
  getDocument(id: string): Promise<DocRecord | null>;
  putDocument(doc: DocRecord): Promise<void>;

  /** Corpus document frequencies of some terms (one batched read). */
  termFrequencies(terms: string[]): Promise<TermFrequencies>;
  /** Count one linked document's terms into the corpus document frequencies (one batched write). */
  addTermFrequencies(delta: TermFrequencyDelta): Promise<void>;

  getStory(id: string): Promise<StoryRecord | null>;
  putStory(story: StoryRecord): Promise<void>;
  deleteStory(id: string): Promise<void>;

  quotesByKeys(keys: string[], limitPerKey?: number): Promise<QuoteRecord[]>;
  getQuote(id: string): Promise<QuoteRecord | null>;
  putQuote(quote: QuoteRecord): Promise<void>;

  getQuoteGroup(id: string): Promise<QuoteGroupRecord | null>;
  putQuoteGroup(group: QuoteGroupRecord): Promise<void>;
  deleteQuoteGroup(id: string): Promise<void>;

  measuresByKeys(keys: string[], limitPerKey?: number): Promise<MeasureRecord[]>;
  getMeasure(id: string): Promise<MeasureRecord | null>;
  putMeasure(measure: MeasureRecord): Promise<void>;
  deleteMeasure(id: string): Promise<void>;

  /** Paragraph records of one outlet by hash (only those that exist). */
  paragraphs(outlet: string, hashes: string[]): Promise<ParagraphRecord[]>;
  putParagraph(paragraph: ParagraphRecord): Promise<void>;

  /** Optional: run one document's writes atomically (stores wrap their writer transaction). */
  transaction?<T>(fn: () => Promise<T>): Promise<T>;
}

/** Default cap on records returned per lookup key: bounds the work per document. */
export const DEFAULT_LIMIT_PER_KEY = 50;

type Keyed = { id: string; keys: string[] };

/**
 * One record kind: records by id plus a posting list per key (newest last).
 * Reads return the stored objects (no copy, for speed); linking never mutates a record without putting it back.
 */
class KeyedTable<T extends Keyed> {
  readonly byId = new Map<string, T>();
  private readonly postings = new Map<string, string[]>();
  /** Current keys per record, for O(1) checks against stale postings. */
  private readonly keySets = new Map<string, Set<string>>();

  get(id: string): T | null {
    return this.byId.get(id) ?? null;
  }

  put(record: T): void {
    const copy = structuredClone(record);
    this.byId.set(record.id, copy);
    const oldKeys = this.keySets.get(record.id) ?? new Set<string>();
    this.keySets.set(record.id, new Set(record.keys));
    for (const key of record.keys) {
      if (oldKeys.has(key)) continue;
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = []));
      list.push(record.id);
    }
  }

  delete(id: string): void {
    this.byId.delete(id);
    this.keySets.delete(id);
  }

  byKeys(keys: string[], limitPerKey: number): T[] {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      let taken = 0;
      // An id posted again after dropping the key (or after a delete) appears twice: count its newest posting only.
      const counted = new Set<string>();
      // Newest first; ids whose record dropped the key (or was deleted) are skipped lazily.
      for (let i = list.length - 1; i >= 0 && taken < limitPerKey; i--) {
        const id = list[i]!;
        const rec = this.byId.get(id);
        if (!rec || !this.keySets.get(id)!.has(key) || counted.has(id)) continue;
        counted.add(id);
        taken++;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(rec);
      }
    }
    return out;
  }
}

/**
 * The in-memory CorpusIndex used by `analyze` and tests.
 * @example const index = new MemoryCorpusIndex(); await linkDocument(bundle, index);
 */
export class MemoryCorpusIndex implements CorpusIndex {
  readonly entities = new KeyedTable<EntityRecord>();
  readonly documents = new KeyedTable<DocRecord>();
  readonly quotes = new KeyedTable<QuoteRecord>();
  readonly measures = new KeyedTable<MeasureRecord>();
  readonly stories = new Map<string, StoryRecord>();
  readonly quoteGroups = new Map<string, QuoteGroupRecord>();
  readonly paragraphRecords = new Map<string, ParagraphRecord>();
  /** Corpus document frequency per term; `documentCount` documents counted. */
  readonly termDf = new Map<string, number>();
  documentCount = 0;

  async entitiesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<EntityRecord[]> {
    return this.entities.byKeys(keys, limitPerKey);
  }
  async getEntity(id: string): Promise<EntityRecord | null> {
    return this.entities.get(id);
  }
  async putEntity(entity: EntityRecord): Promise<void> {
    this.entities.put(entity);
  }

  async documentsByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<DocRecord[]> {
    return this.documents.byKeys(keys, limitPerKey);
  }
  async getDocument(id: string): Promise<DocRecord | null> {
    return this.documents.get(id);
  }
  async putDocument(doc: DocRecord): Promise<void> {
    this.documents.put(doc);
  }

  async termFrequencies(terms: string[]): Promise<TermFrequencies> {
    const df = new Map<string, number>();
    for (const t of terms) {
      const n = this.termDf.get(t);
      if (n) df.set(t, n);
    }
    return { documents: this.documentCount, df };
  }
  async addTermFrequencies(delta: TermFrequencyDelta): Promise<void> {
    this.documentCount += delta.documents;
    for (const t of new Set(delta.added)) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
    for (const t of new Set(delta.removed)) {
      const n = (this.termDf.get(t) ?? 0) - 1;
      if (n > 0) this.termDf.set(t, n);
      else this.termDf.delete(t);
    }
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    return this.stories.get(id) ?? null;
  }
  async putStory(story: StoryRecord): Promise<void> {
    this.stories.set(story.id, structuredClone(story));
  }
  async deleteStory(id: string): Promise<void> {
    this.stories.delete(id);
  }

  async quotesByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<QuoteRecord[]> {
    return this.quotes.byKeys(keys, limitPerKey);
  }
  async getQuote(id: string): Promise<QuoteRecord | null> {
    return this.quotes.get(id);
  }
  async putQuote(quote: QuoteRecord): Promise<void> {
    this.quotes.put(quote);
  }

  async getQuoteGroup(id: string): Promise<QuoteGroupRecord | null> {
    return this.quoteGroups.get(id) ?? null;
  }
  async putQuoteGroup(group: QuoteGroupRecord): Promise<void> {
    this.quoteGroups.set(group.id, structuredClone(group));
  }
  async deleteQuoteGroup(id: string): Promise<void> {
    this.quoteGroups.delete(id);
  }

  async measuresByKeys(keys: string[], limitPerKey = DEFAULT_LIMIT_PER_KEY): Promise<MeasureRecord[]> {
    return this.measures.byKeys(keys, limitPerKey);
  }
  async getMeasure(id: string): Promise<MeasureRecord | null> {
    return this.measures.get(id);
  }
  async putMeasure(measure: MeasureRecord): Promise<void> {
    this.measures.put(measure);
  }
  async deleteMeasure(id: string): Promise<void> {
    this.measures.delete(id);
  }

  async paragraphs(outlet: string, hashes: string[]): Promise<ParagraphRecord[]> {
    const out: ParagraphRecord[] = [];
    for (const h of hashes) {
      const rec = this.paragraphRecords.get(`${outlet}|${h}`);
      if (rec) out.push(structuredClone(rec));
    }
    return out;
  }
  async putParagraph(paragraph: ParagraphRecord): Promise<void> {
    this.paragraphRecords.set(paragraph.id, structuredClone(paragraph));
  }
}
