/**
 * Stories: documents reporting the same event or statement. Candidates come from key lookups
 * (MinHash LSH bands, salient names/words/numbers, speakers), never all pairs. A candidate
 * joins on near-duplicate text, a shared quote group, or enough weighted overlap of names,
 * words and figures within a few days; documents far apart in time are not joined.
 */
import type { CorpusIndex, DocRecord, StoryRecord } from './corpus-index.js';
import { daysBetween, lshBands, minhashOf, minhashSimilarity, normKey, numbersIn, words } from './text.js';
import { isStopword, stem } from './text.js';

/** Thresholds, with the reason. */
export const STORY = {
  /** Estimated Jaccard of word 3-shingles above which a document is a republication. */
  duplicate: 0.5,
  /** Weighted term similarity to join a story (names, figures and rare words of one event). */
  similar: 0.3,
  /** Days apart beyond which two reports are different events unless near-duplicates. */
  maxDays: 30,
  /** Days apart within which a shared quote group makes one story (the same statement reported). */
  quoteDays: 10,
  /** Terms kept per document. */
  terms: 40,
  /** Candidate documents read per lookup key. */
  perKey: 30,
} as const;

/** Relative weight of term kinds: names and figures say which event it is; words say what kind of event. */
const KIND_WEIGHT: Record<string, number> = { n: 2, e: 2, x: 1.5, y: 1.5, w: 1, s: 2 };

const CAP_SEQ_RE = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|the|de|al|bin|van|von|la|le|del)?\s*\p{Lu}[\p{L}'’.-]*)*/gu;
const YEAR_RE = /\b(1[89]\d\d|20\d\d)\b/g;

/**
 * Salient terms of a text: capitalised names not at sentence start ('n:'), years ('y:'), other numbers ('x:'),
 * frequent content stems ('w:'), most telling first.
 * @example storyTerms('Fire in Paris killed 12 people on Monday. Paris police said.')
 */
export function storyTerms(text: string, limit: number = STORY.terms): string[] {
  const counts = new Map<string, number>();
  const add = (k: string, n = 1) => counts.set(k, (counts.get(k) ?? 0) + n);
  for (const m of text.matchAll(CAP_SEQ_RE)) {
    const i = m.index!;
    // Sentence-initial single capitalised words are ordinary words.
    const before = text.slice(Math.max(0, i - 3), i);
    const single = !/\s/.test(m[0].trim());
    if (single && (i === 0 || /[.!?"“\n]\s*$/.test(before))) continue;
    const k = normKey(m[0]);
    if (!k || (single && isStopword(k))) continue;
    add(`n:${k}`, 2);
  }
  for (const m of text.matchAll(YEAR_RE)) add(`y:${m[1]}`);
  for (const n of numbersIn(text)) if (!/^(?:1[89]\d\d|20\d\d)$/.test(n) && n !== '0' && n !== '1') add(`x:${n}`);
  for (const w of words(text)) {
    if (w.length < 4 || isStopword(w) || /\d/.test(w)) continue;
    add(`w:${stem(w)}`);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] * (KIND_WEIGHT[b[0][0]!] ?? 1) - a[1] * (KIND_WEIGHT[a[0][0]!] ?? 1) || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([k]) => k);
}

/** Features of one document for story clustering. */
export interface StoryFeatures {
  id: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  text: string;
  /** Global entity ids, most mentioned first. */
  entities: string[];
  speakers: string[];
  quoteGroups: string[];
  /** Other documents sharing a quote group with this one (from quote grouping). */
  docsSharing: Map<string, number>;
}

/** What clustering the document changed. */
export interface StoryAssignment {
  story: string;
  stories: StoryRecord[];
  merges: { from: string; into: string }[];
}

function docKeys(rec: Omit<DocRecord, 'keys'>, terms: string[]): string[] {
  const keys = lshBands(rec.minhash);
  for (const t of terms) keys.push(`t:${t}`);
  for (const e of rec.entities.slice(0, 12)) keys.push(`t:e:${e}`);
  for (const s of rec.speakers) keys.push(`t:s:${s}`);
  return [...new Set(keys)];
}

function termWeight(key: string, df: number): number {
  const kind = key.startsWith('t:') ? key[2]! : 'b';
  const base = KIND_WEIGHT[kind] ?? 1;
  return base * Math.log(1 + STORY.perKey / (1 + df));
}

/**
 * Similarity of a new document (its term keys with weights) to an earlier one.
 * @example termSimilarity(weights, total, candidate)
 */
export function termSimilarity(weights: Map<string, number>, total: number, cand: DocRecord): number {
  let shared = 0;
  let candTerms = 0;
  for (const k of cand.keys) {
    if (!k.startsWith('t:')) continue;
    candTerms++;
    const w = weights.get(k);
    if (w !== undefined) shared += w;
  }
  if (!total || !candTerms) return 0;
  const mine = [...weights.keys()].length;
  const candTotal = (total / mine) * candTerms;
  return shared / Math.sqrt(total * candTotal);
}

/** Earliest first: published date, then id. */
function earlier(a: { doc: string; published: string | null }, b: { doc: string; published: string | null }): boolean {
  const da = a.published ?? '9999';
  const db = b.published ?? '9999';
  return da !== db ? da < db : a.doc < b.doc;
}

/**
 * Put a document into a story (joining, merging or starting one), updating the index.
 * @example const { story } = await assignStory(features, index);
 */
export async function assignStory(f: StoryFeatures, index: CorpusIndex): Promise<StoryAssignment> {
  const minhash = minhashOf(f.text);
  const terms = storyTerms(f.text);
  const base: Omit<DocRecord, 'keys'> = {
    id: f.id,
    outlet: f.outlet,
    published: f.published,
    title: f.title,
    story: `story:${f.id}`,
    minhash,
    entities: f.entities.slice(0, 20),
    speakers: f.speakers,
    quoteGroups: f.quoteGroups,
    numbers: terms.filter((t) => t.startsWith('x:') || t.startsWith('y:')).map((t) => t.slice(2)),
  };
  const keys = docKeys(base, terms);
  const rec: DocRecord = { ...base, keys };
  const cands = (await index.documentsByKeys(keys, STORY.perKey)).filter((c) => c.id !== f.id);
  for (const d of f.docsSharing.keys()) {
    if (cands.some((c) => c.id === d)) continue;
    const c = await index.getDocument(d);
    if (c) cands.push(c);
  }
  // Document frequency of each key among the candidates (bounded by perKey): rare keys weigh more.
  const df = new Map<string, number>();
  for (const c of cands) for (const k of c.keys) if (k.startsWith('t:')) df.set(k, (df.get(k) ?? 0) + 1);
  const weights = new Map<string, number>();
  let total = 0;
  for (const k of keys) {
    if (!k.startsWith('t:')) continue;
    const w = termWeight(k, df.get(k) ?? 0);
    weights.set(k, w);
    total += w;
  }
  // Score every candidate; keep the best score per story.
  const storyScore = new Map<string, number>();
  for (const c of cands) {
    const days = daysBetween(f.published, c.published);
    const jac = minhashSimilarity(minhash, c.minhash);
    let score = 0;
    if (jac >= STORY.duplicate) score = 1 + jac;
    else if (days !== null && days > STORY.maxDays) score = 0;
    else if ((f.docsSharing.get(c.id) ?? 0) > 0 && (days === null || days <= STORY.quoteDays)) score = 1;
    else {
      score = termSimilarity(weights, total, c);
      if (score < STORY.similar) score = 0;
    }
    if (score > 0) storyScore.set(c.story, Math.max(storyScore.get(c.story) ?? 0, score));
  }
  const joined = [...storyScore.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  // Gather members of every joined story plus this document.
  const stories: StoryRecord[] = [];
  for (const sid of joined) {
    const s = await index.getStory(sid);
    if (s) stories.push(s);
  }
  const documents = new Set<string>([f.id]);
  let first = { doc: f.id, published: f.published };
  let label = f.title;
  for (const s of stories) {
    for (const d of s.documents) documents.add(d);
    if (earlier(s.first, first)) {
      first = s.first;
      label = s.label;
    }
  }
  const id = `story:${first.doc}`;
  const merged: StoryRecord = { id, documents: [...documents].sort(), label, first };
  const merges: { from: string; into: string }[] = [];
  for (const s of stories) {
    if (s.id === id) continue;
    merges.push({ from: s.id, into: id });
    await index.deleteStory(s.id);
    // Members of a renamed or merged story point at the new id.
    for (const d of s.documents) {
      const dr = await index.getDocument(d);
      if (dr && dr.story !== id) await index.putDocument({ ...dr, story: id });
    }
  }
  rec.story = id;
  await index.putDocument(rec);
  await index.putStory(merged);
  return { story: id, stories: [merged], merges };
}
