/**
 * Stories: documents reporting the same event or statement. Candidates come from key lookups
 * (MinHash LSH bands, salient names/words/numbers, speakers), never all pairs. A document joins
 * the story it most probably reports the same event as, averaged over the story's members (a
 * learned pair model, `story-pairs.ts`); near-duplicate text or a shared quote group joins outright,
 * and documents far apart in time are not joined.
 */
import type { CorpusIndex, DocRecord, StoryRecord, TermFrequencies } from './corpus-index.js';
import { daysBetween, lshBands, minhashOf, minhashSimilarity, normKey, numbersIn, words } from './text.js';
import { isStopword, stem } from './text.js';
import { pairFeatures, pairQuery, samePairProbability, type PairSide } from './story-pairs.js';

/** Thresholds, with the reason. */
export const STORY = {
  /** Estimated Jaccard of word 3-shingles above which a document is a republication. */
  duplicate: 0.5,
  /**
   * Least average probability (over a story's members, `story-pairs.ts`) that a document reports the same event,
   * for it to join the story. Below an even chance: reports of one event word it differently, and the average
   * over several members already keeps out a report that resembles only one of them.
   */
  join: 0.4,
  /** Members of a candidate story a new document is compared with (those found as candidates, then the latest). */
  membersScored: 24,
  /** Average probability at which a document that joins one story also merges another into it (an even chance or better). */
  mergeStories: 0.5,
  /** Candidate stories scored (those holding the likeliest candidate documents). */
  storiesScored: 10,
  /** Factor on the pair probability of two reports led by different speakers (`ledByOtherSpeakers`). */
  otherSpeaker: 0.4,
  /** Days apart within which a shared quote group makes one story (the same statement reported). */
  quoteDays: 10,
  /**
   * Least share of the other's name weight one of two documents sharing a quote group must hold for the quote to
   * join them outright (a third: reports of one event name mostly the same people and places; `quoteJoinAgrees`).
   */
  quoteNames: 1 / 3,
  /** Characters of an undated text read for the year it reports (title and first sentences; later years are background). */
  leadChars: 400,
  /** Terms posted as lookup keys per document. */
  terms: 40,
  /** Terms kept in a document's vector: more than the keys, since the minor names and words of a report tell two events of one kind apart. */
  vectorTerms: 100,
  /** Candidate documents read per lookup key. */
  perKey: 30,
  /** Candidate documents read per common-word or figure key. */
  perWeakKey: 8,
  /** Candidate documents scored (those sharing the most keys). */
  candidates: 80,
  /**
   * Least corpus size the rarity weights assume: in a young corpus every term looks rare or common by chance,
   * so a term counts as rare as it would in a corpus of at least this many documents.
   */
  idfDocuments: 1000,
} as const;

/** Relative weight of term kinds: names and figures say which event it is; words say what kind of event. */
const KIND_WEIGHT: Record<string, number> = { n: 2, e: 2, x: 1.5, y: 1.5, w: 1, s: 2 };

const CAP_SEQ_RE = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|the|de|al|bin|van|von|la|le|del)?\s*\p{Lu}[\p{L}'’.-]*)*/gu;
/** Capitalised words that are dates, not names: shared by reports of any event. */
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
const YEAR_RE = /\b(1[89]\d\d|20\d\d)\b/g;

/**
 * Salient terms of a text: capitalised names not at sentence start ('n:'), years ('y:'), other numbers ('x:'),
 * frequent content stems ('w:'), most telling first.
 * @example storyTerms('Fire in Paris killed 12 people on Monday. Paris police said.')
 */
export function storyTerms(text: string, limit: number = STORY.terms): string[] {
  return [...storyTermCounts(text, limit).keys()];
}

/**
 * The salient terms of a text (as `storyTerms`) with how often each occurs, most telling first.
 * @example storyTermCounts('Paris police said. Paris is calm.').get('n:paris') // 2
 */
export function storyTermCounts(text: string, limit: number = STORY.vectorTerms): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string, n = 1) => counts.set(k, (counts.get(k) ?? 0) + n);
  for (const m of text.matchAll(CAP_SEQ_RE)) {
    const i = m.index!;
    // Sentence-initial single capitalised words are ordinary words.
    const before = text.slice(Math.max(0, i - 3), i);
    const single = !/\s/.test(m[0].trim());
    if (single && (i === 0 || /[.!?"“\n]\s*$/.test(before))) continue;
    const k = normKey(m[0]);
    if (!k || (single && (isStopword(k) || CALENDAR.has(k)))) continue;
    add(`n:${k}`);
  }
  for (const m of text.matchAll(YEAR_RE)) add(`y:${m[1]}`);
  for (const n of numbersIn(text)) if (!/^(?:1[89]\d\d|20\d\d)$/.test(n) && n !== '0' && n !== '1') add(`x:${n}`);
  for (const w of words(text)) {
    if (w.length < 4 || isStopword(w) || /\d/.test(w)) continue;
    add(`w:${stem(w)}`);
  }
  return new Map(
    [...counts.entries()]
      .sort((a, b) => b[1] * rankWeight(b[0]) - a[1] * rankWeight(a[0]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit),
  );
}

/** Order of terms within a text: names count double on top of their kind weight (a name said once beats a word said twice). */
function rankWeight(key: string): number {
  const kind = key[0]!;
  return (KIND_WEIGHT[kind] ?? 1) * (kind === 'n' ? 2 : 1);
}

/** Weight of a term's count in one text: sublinear, so a name said ten times is telling but does not drown the rest. */
function countWeight(n: number): number {
  return 1 + Math.log(Math.max(1, n));
}

/**
 * The year a report is about: its published year, else the year its lead (title and first sentences) names most
 * often (null if none). Years further down are mostly background (an earlier event, a career, an anniversary).
 * Why: reports of two events of the same kind (two quakes, two rehab stays) are often years apart.
 * @example eraOf('The 2013 quake ... in 2013, after 2008', null) // '2013'
 */
export function eraOf(text: string, published: string | null): string | null {
  if (published && /^\d{4}/.test(published)) return published.slice(0, 4);
  const counts = new Map<string, number>();
  for (const m of text.slice(0, STORY.leadChars).matchAll(YEAR_RE)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y > best)) (best = y), (n = c);
  return best;
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
  /** The speaker of a quote in the lead (`STORY.leadChars`): the report is about what that person said. */
  ledBy: string | null;
  quoteGroups: string[];
  /** Other documents sharing a quote group with this one (from quote grouping). */
  docsSharing: Map<string, number>;
  /** `storyTextFeatures(text)` when already computed (by an analysis worker): saves the linking thread the work. */
  prepared?: StoryTextFeatures | null;
}

/** What story clustering reads of a text alone (no index): its MinHash signature and the term counts of the whole and of the lead. */
export interface StoryTextFeatures {
  minhash: number[];
  counts: [string, number][];
  lead: [string, number][];
}

/**
 * The index-free story inputs of a text, so they can be computed off the linking thread (see DocBundle.prepared).
 * @example storyTextFeatures('Fire in Paris killed 12 people.').counts[0] // ['n:paris', 1]
 */
export function storyTextFeatures(text: string): StoryTextFeatures {
  return { minhash: minhashOf(text), counts: [...storyTermCounts(text)], lead: [...storyTermCounts(text.slice(0, STORY.leadChars), STORY.terms)] };
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

/** A weighted term vector: keys and weights in parallel, and the sum of squared weights. */
export interface WeightedTerms {
  keys: string[];
  weights: number[];
  norm: number;
}

/**
 * Weight of a term: its kind (names and figures say which event) times its rarity in the whole corpus
 * (inverse document frequency, with the corpus taken as at least `STORY.idfDocuments` documents).
 * @example termWeight('t:n:paris', 3, 5000) // 2 * ln(1 + 5000 / 4)
 */
export function termWeight(key: string, df: number, documents: number): number {
  const kind = key.startsWith('t:') ? key[2]! : 'b';
  return (KIND_WEIGHT[kind] ?? 1) * Math.log(1 + Math.max(documents, STORY.idfDocuments) / (1 + df));
}

/** Weight for a record stored before weighted vectors were kept (its rarity is unknown: every term counts as unseen). */
function legacyWeight(key: string, count: number): number {
  return termWeight(key, 0, 0) * count;
}

/** A new document's weighted terms, with its squared norm and the squared norm of its names alone. */
export interface QueryVector {
  weights: Map<string, number>;
  norm: number;
  nameNorm: number;
}

/**
 * A document's weighted vector: each term (count weight, 1 + ln count) times its kind and corpus rarity.
 * @example queryVector([['t:n:paris', 1]], { documents: 0, df: new Map() }).norm > 0 // true
 */
export function queryVector(terms: Iterable<[string, number]>, stats: TermFrequencies): QueryVector {
  const weights = new Map<string, number>();
  let norm = 0;
  let nameNorm = 0;
  for (const [k, n] of terms) {
    const w = termWeight(k, stats.df.get(k) ?? 0, stats.documents) * n;
    weights.set(k, w);
    norm += w * w;
    if (NAME_KIND.has(k[2]!)) nameNorm += w * w;
  }
  return { weights, norm, nameNorm };
}

/** Cosine of a query vector and another weighted vector, and the share of the query's name weight the other holds (null when either names nothing). */
export interface Comparison {
  cosine: number;
  names: number | null;
  /** Share of the other's name weight the query holds (null when either names nothing). */
  otherNames: number | null;
}

/**
 * Compare a new document's vector with a stored weighted vector (another document's) in one pass.
 * Two reports of one event share weighted terms, and name the same people or places.
 * @example compareVectors(q, { keys: ['t:n:paris'], weights: [3], norm: 9 }).cosine
 */
export function compareVectors(q: QueryVector, other: WeightedTerms): Comparison {
  let dot = 0;
  let shared = 0;
  let otherShared = 0;
  let otherNameNorm = 0;
  const { keys, weights } = other;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const name = NAME_KIND.has(k[2]!);
    const w = weights[i]!;
    if (name) otherNameNorm += w * w;
    const mine = q.weights.get(k);
    if (mine === undefined) continue;
    dot += mine * w;
    if (name) (shared += mine * mine), (otherShared += w * w);
  }
  const both = q.nameNorm > 0 && otherNameNorm > 0;
  return {
    cosine: q.norm && other.norm ? dot / Math.sqrt(q.norm * other.norm) : 0,
    names: both ? shared / q.nameNorm : null,
    otherNames: both ? otherShared / otherNameNorm : null,
  };
}

const legacyVectors = new WeakMap<DocRecord, WeightedTerms>();

/** A candidate document's weighted vector: stored when it was linked, or built from an older record's count weights or keys. */
function docVector(c: DocRecord): WeightedTerms {
  if (c.weighted) return c.weighted;
  let v = legacyVectors.get(c);
  if (v) return v;
  v = { keys: [], weights: [], norm: 0 };
  const add = (k: string, n: number) => {
    const w = legacyWeight(k, n);
    v!.keys.push(k);
    v!.weights.push(w);
    v!.norm += w * w;
  };
  if (c.terms) {
    for (const k in c.terms) add(k, c.terms[k]!);
    for (const k of c.keys) if (k.startsWith('t:e:') || k.startsWith('t:s:')) add(k, 1);
  } else for (const k of c.keys) if (k.startsWith('t:')) add(k, 1);
  legacyVectors.set(c, v);
  return v;
}

const NAME_KIND = new Set(['n', 'e', 's']);

/**
 * Whether a shared quote group may join two documents outright: their names must not conflict. Two reports of
 * different events of one kind can quote the same stock phrase (a spokesman's formula, an old statement recalled);
 * when both name people and places and neither holds `STORY.quoteNames` of the other's name weight, each reports
 * people and places the other does not know, and the pair is scored by text similarity like any other.
 * @example quoteJoinAgrees({ cosine: 0.2, names: 0.1, otherNames: 0.2 }) // false
 */
export function quoteJoinAgrees(cmp: Comparison): boolean {
  return cmp.names === null || cmp.otherNames === null || Math.max(cmp.names, cmp.otherNames) >= STORY.quoteNames;
}

/** Who a report quotes, and who it is led by (quoted in its lead). */
export interface SpeakerLead {
  speakers: readonly string[];
  ledBy?: string | null;
}

/**
 * Whether two reports are led by different speakers: each quotes someone in its lead whom the other never quotes.
 * Crosscheck's stories are statements as well as events, and reports of one topic led by what different officials
 * said are usually different statements, so the pair's probability is discounted (`STORY.otherSpeaker`). Reports
 * of one event that quote different witnesses further down are not led by them, and are not discounted.
 * @example ledByOtherSpeakers({ speakers: ['person:a'], ledBy: 'person:a' }, { speakers: ['person:b'], ledBy: 'person:b' }) // true
 */
export function ledByOtherSpeakers(a: SpeakerLead, b: SpeakerLead): boolean {
  const x = a.ledBy;
  const y = b.ledBy;
  return !!x && !!y && !b.speakers.includes(x) && !a.speakers.includes(y);
}

/**
 * A pair's same-event probability with the speaker rule applied (`ledByOtherSpeakers`, `STORY.otherSpeaker`).
 * @example speakerAdjusted(0.8, { speakers: ['person:a'], ledBy: 'person:a' }, { speakers: ['person:b'], ledBy: 'person:b' }) // 0.4
 */
export function speakerAdjusted(p: number, a: SpeakerLead, b: SpeakerLead): number {
  return ledByOtherSpeakers(a, b) ? p * STORY.otherSpeaker : p;
}

/** Earliest first: published date, then id (the earliest document names a story). */
export function earlier(a: { doc: string; published: string | null }, b: { doc: string; published: string | null }): boolean {
  const da = a.published ?? '9999';
  const db = b.published ?? '9999';
  return da !== db ? da < db : a.doc < b.doc;
}

/** Whether a document key is weak evidence (a common word or figure): read fewer documents per such key. */
function isWeakKey(k: string): boolean {
  return k.startsWith('t:w:') || k.startsWith('t:x:');
}

/**
 * Candidate documents for a new one: a bounded number per key (fewer for common words), ranked by how many keys
 * they share (a shared LSH band counts most), at most `STORY.candidates`, plus documents sharing a quote group.
 * Work per document stays the same however large the corpus grows.
 */
async function candidateDocuments(f: StoryFeatures, keys: string[], index: CorpusIndex): Promise<DocRecord[]> {
  const strong = keys.filter((k) => !isWeakKey(k));
  const weak = keys.filter(isWeakKey);
  const found = new Map<string, DocRecord>();
  for (const c of await index.documentsByKeys(strong, STORY.perKey)) if (c.id !== f.id) found.set(c.id, c);
  if (weak.length) for (const c of await index.documentsByKeys(weak, STORY.perWeakKey)) if (c.id !== f.id && !found.has(c.id)) found.set(c.id, c);
  let cands = [...found.values()];
  if (cands.length > STORY.candidates) {
    const mine = new Set(keys);
    const hits = new Map<string, number>();
    for (const c of cands) {
      let h = 0;
      for (const k of c.keys) if (mine.has(k)) h += k.startsWith('b:') ? 5 : isWeakKey(k) ? 1 : 2;
      hits.set(c.id, h);
    }
    cands = cands.sort((a, b) => hits.get(b.id)! - hits.get(a.id)! || (a.id < b.id ? 1 : -1)).slice(0, STORY.candidates);
  }
  const have = new Set(cands.map((c) => c.id));
  for (const d of f.docsSharing.keys()) {
    if (have.has(d) || d === f.id) continue;
    const c = await index.getDocument(d);
    if (c) (cands.push(c), have.add(d));
  }
  return cands;
}

const WEEKDAY_RE = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The weekdays a text names, as a bit set (Monday 1, Tuesday 2, ... Sunday 64). Reports of one event say on
 * which day it happened ("on Saturday night"); two events of one kind mostly fall on different days.
 * @example weekdaysIn('The fire broke out on Saturday; on Monday police said') // 1 | 32
 */
export function weekdaysIn(text: string): number {
  let bits = 0;
  for (const m of text.matchAll(WEEKDAY_RE)) bits |= 1 << WEEKDAYS.indexOf(m[1]!);
  return bits;
}

/**
 * A stored document as the pair model reads it.
 * @example samePairProbability(pairFeatures(pairQuery(pairSide(a)), pairSide(b)))
 */
export function pairSide(c: DocRecord): PairSide {
  const era = c.numbers.find((n) => n.startsWith('era:'));
  return { vector: docVector(c), lead: c.lead ?? null, entities: c.entities, era: era ? era.slice(4) : null, minhash: c.minhash, weekdays: c.weekdays ?? 0 };
}

/** A query vector as stored: keys and weights in parallel (in the order the terms came), and the squared norm. */
function storedVector(q: QueryVector): WeightedTerms {
  const keys = [...q.weights.keys()];
  return { keys, weights: keys.map((k) => q.weights.get(k)!), norm: q.norm };
}

/**
 * Put a document into a story (joining, merging or starting one), updating the index.
 * Average link: the document joins the story whose members it most probably reports the same event as (on
 * average over up to `STORY.membersScored` of them), when that average reaches `STORY.join`. One close member
 * is not enough, so a weak bridge does not chain two events of one kind; a republication or a shared quote
 * with agreeing names joins outright.
 * @example const { story } = await assignStory(features, index);
 */
export async function assignStory(f: StoryFeatures, index: CorpusIndex): Promise<StoryAssignment> {
  const pre = f.prepared;
  const minhash = pre ? pre.minhash : minhashOf(f.text);
  const counts = pre ? new Map(pre.counts) : storyTermCounts(f.text);
  const leadCounts = pre ? new Map(pre.lead) : storyTermCounts(f.text.slice(0, STORY.leadChars), STORY.terms);
  const terms = [...counts.keys()].slice(0, STORY.terms);
  const base: Omit<DocRecord, 'keys'> = {
    id: f.id,
    outlet: f.outlet,
    published: f.published,
    title: f.title,
    story: `story:${f.id}`,
    minhash,
    entities: f.entities.slice(0, 20),
    speakers: f.speakers,
    ...(f.ledBy ? { ledBy: f.ledBy } : {}),
    quoteGroups: f.quoteGroups,
    numbers: terms.filter((t) => t.startsWith('x:') || t.startsWith('y:')).map((t) => t.slice(2)),
  };
  const era = eraOf(f.text, f.published);
  if (era) base.numbers.push(`era:${era}`);
  const keys = docKeys(base, terms);
  // The document's terms with count weights (entities and speakers at 1), weighted by their rarity in the whole corpus.
  const mine: [string, number][] = [];
  for (const [t, n] of counts) mine.push([`t:${t}`, countWeight(n)]);
  for (const k of keys) if (k.startsWith('t:e:') || k.startsWith('t:s:')) mine.push([k, 1]);
  const mineKeys = mine.map(([k]) => k);
  const leadOnly = [...leadCounts.keys()].map((t) => `t:${t}`).filter((k) => !counts.has(k.slice(2)));
  const stats = await index.termFrequencies(leadOnly.length ? [...mineKeys, ...leadOnly] : mineKeys);
  const prev = await index.getDocument(f.id);
  const cands = await candidateDocuments(f, keys, index);
  const q = queryVector(mine, stats);
  const weighted = storedVector(q);
  const lead = storedVector(queryVector([...leadCounts].map(([t, n]): [string, number] => [`t:${t}`, countWeight(n)]), stats));
  const weekdays = weekdaysIn(f.text.slice(0, STORY.leadChars));
  const rec: DocRecord = { ...base, weighted, lead, keys, ...(weekdays ? { weekdays } : {}) };
  const pq = pairQuery({ vector: weighted, lead, entities: rec.entities, era, minhash, weekdays });

  // Probability that each stored document reports the same event; `outright` marks republications and shared quotes.
  const prob = new Map<string, number>();
  const outright = new Set<string>();
  const outrightDocs: string[] = [];
  const probabilityOf = (c: DocRecord): number => {
    const known = prob.get(c.id);
    if (known !== undefined) return known;
    const days = daysBetween(f.published, c.published);
    let p: number;
    if (minhashSimilarity(minhash, c.minhash) >= STORY.duplicate) (p = 1), outright.add(c.story), outrightDocs.push(c.id);
    else {
      // The name comparison matters only to a shared quote group (compared lazily: most candidates share none).
      if ((f.docsSharing.get(c.id) ?? 0) > 0 && (days === null || days <= STORY.quoteDays) && quoteJoinAgrees(compareVectors(q, docVector(c)))) {
        prob.set(c.id, 1);
        outright.add(c.story);
        outrightDocs.push(c.id);
        return 1;
      }
      p = samePairProbability(pairFeatures(pq, pairSide(c)));
      p = speakerAdjusted(p, f, c);
    }
    prob.set(c.id, p);
    return p;
  };
  const storyNear = new Map<string, number>();
  for (const c of cands) storyNear.set(c.story, Math.max(storyNear.get(c.story) ?? 0, probabilityOf(c)));
  // Each candidate story scored by the average over its members (those found as candidates first, then the latest others).
  const near = [...storyNear.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, STORY.storiesScored);
  const storyRecs = new Map<string, StoryRecord>();
  const storyScore = new Map<string, number>();
  for (const [sid] of near) {
    const st = await index.getStory(sid);
    if (!st) continue;
    storyRecs.set(sid, st);
    const members = st.documents.filter((d) => prob.has(d));
    for (let i = st.documents.length - 1; i >= 0 && members.length < STORY.membersScored; i--) if (!prob.has(st.documents[i]!)) members.push(st.documents[i]!);
    let sum = 0;
    let n = 0;
    for (const d of members.slice(0, STORY.membersScored)) {
      let p = prob.get(d);
      if (p === undefined) {
        const c = await index.getDocument(d);
        if (!c) continue;
        p = probabilityOf(c);
      }
      sum += p;
      n++;
    }
    const score = outright.has(sid) ? 1 : n ? sum / n : 0;
    if (score >= STORY.join) storyScore.set(sid, score);
  }
  // Join the best story; merge others only on strong evidence (a weak bridge would chain two events of one kind).
  const ranked = [...storyScore.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const joined = ranked.filter(([, sc], i) => i === 0 || sc >= STORY.mergeStories).map(([s]) => s);
  // Gather members of every joined story plus this document.
  const stories: StoryRecord[] = joined.map((sid) => storyRecs.get(sid)!);
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
  if (outrightDocs.length) rec.outright = outrightDocs.sort();
  await index.putDocument(rec);
  await index.putStory(merged);
  // Corpus document frequencies: this document's distinct terms (less those of an earlier version of it).
  const before = prev ? new Set(docVector(prev).keys) : new Set<string>();
  const now = new Set(mineKeys);
  await index.addTermFrequencies({
    documents: prev ? 0 : 1,
    added: mineKeys.filter((k) => !before.has(k)),
    removed: [...before].filter((k) => !now.has(k)),
  });
  return { story: id, stories: [merged], merges };
}
