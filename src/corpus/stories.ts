/**
 * Stories: documents reporting the same event or statement. Candidates come from key lookups
 * (MinHash LSH bands, salient names/words/numbers, speakers), never all pairs. A candidate
 * joins on near-duplicate text, a shared quote group, or enough weighted overlap of names,
 * words and figures within a few days; documents far apart in time are not joined.
 */
import type { CorpusIndex, DocRecord, StoryRecord, TermFrequencies } from './corpus-index.js';
import { daysBetween, lshBands, minhashOf, minhashSimilarity, normKey, numbersIn, words } from './text.js';
import { isStopword, stem } from './text.js';

/** Thresholds, with the reason. */
export const STORY = {
  /** Estimated Jaccard of word 3-shingles above which a document is a republication. */
  duplicate: 0.5,
  /** Weighted term cosine to join the story of one earlier document (names, figures and rare words of one event). */
  similar: 0.3,
  /** Weighted term cosine to join a story by its profile (centroid of its members). */
  similarStory: 0.1,
  /** Factor on the similarity of reports about different years (published, or the year the text names most). */
  otherEra: 0.7,
  /** Least share of a document's name weight the story must hold (different people and places: a different event). */
  minNameShare: 0.05,
  /** Score at which a document that joins one story also merges another into it. */
  mergeStories: 0.5,
  /** Candidate stories compared by profile. */
  storiesScored: 10,
  /** Days apart beyond which two reports are different events unless near-duplicates. */
  maxDays: 30,
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

/** A story profile split by kind, parsed once per stored profile object. */
interface ParsedProfile {
  /** Weighted term vector (the members' weighted vectors summed). */
  vector: WeightedTerms;
  termSet: Set<string>;
  era: string | null;
  days: string[];
  speakers: string[];
  names: number;
}

const parsedProfiles = new WeakMap<Record<string, number>, ParsedProfile>();

function parsedProfile(profile: Record<string, number>, weighted: boolean): ParsedProfile {
  let pp = parsedProfiles.get(profile);
  if (pp) return pp;
  pp = { vector: { keys: [], weights: [], norm: 0 }, termSet: new Set(), era: null, days: [], speakers: [], names: 0 };
  let eraCount = 0;
  for (const k in profile) {
    const n = profile[k]!;
    if (k.startsWith('t:')) {
      const w = weighted ? n : legacyWeight(k, n);
      pp.vector.keys.push(k);
      pp.vector.weights.push(w);
      pp.vector.norm += w * w;
      pp.termSet.add(k);
      if (NAME_KIND.has(k[2]!)) pp.names++;
      if (k.startsWith('t:s:')) pp.speakers.push(k.slice(4));
    } else if (k.startsWith('day:')) pp.days.push(k.slice(4));
    else if (k.startsWith('era:') && n > eraCount) (pp.era = k.slice(4)), (eraCount = n);
  }
  parsedProfiles.set(profile, pp);
  return pp;
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
 * Compare a new document's vector with a stored weighted vector (a document's, or a story profile's) in one pass.
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

/**
 * Factor on text similarity from context: reports days apart, or quoting only different people, are likely different events.
 * @example contextFactor(12, ['person:a'], ['person:b']) // 0.2
 */
export function contextFactor(days: number | null, speakers: readonly string[], otherSpeakers: readonly string[]): number {
  let f = 1;
  if (days !== null) f *= days <= 2 ? 1 : days <= 7 ? 0.7 : 0.4;
  if (speakers.length && otherSpeakers.length && !speakers.some((s) => otherSpeakers.includes(s))) f *= 0.5;
  return f;
}

/** Keep the profile to the terms with most weight across members. */
const PROFILE_SIZE = 300;

/**
 * A joined story's profile: the members' weighted term vectors summed (older count profiles converted), plus
 * era and day counts. Terms are trimmed to the heaviest when well over size; era and day entries are kept.
 */
function mergeProfiles(stories: StoryRecord[], extra: Iterable<[string, number]>): Record<string, number> {
  const out = new Map<string, number>();
  for (const st of stories) {
    const p = st.profile;
    if (!p) continue;
    for (const k in p) {
      const n = st.weighted || !k.startsWith('t:') ? p[k]! : legacyWeight(k, p[k]!);
      out.set(k, (out.get(k) ?? 0) + n);
    }
  }
  for (const [k, n] of extra) out.set(k, (out.get(k) ?? 0) + n);
  // Trimmed only when well over size: sorting every profile on every join costs more than keeping a few extra terms.
  let terms = 0;
  for (const k of out.keys()) if (k.startsWith('t:')) terms++;
  if (terms <= PROFILE_SIZE * 1.5) return Object.fromEntries(out);
  const kept = [...out.entries()].filter(([k]) => k.startsWith('t:')).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, PROFILE_SIZE);
  return Object.fromEntries([...kept, ...[...out.entries()].filter(([k]) => !k.startsWith('t:'))]);
}

/** Earliest first: published date, then id. */
function earlier(a: { doc: string; published: string | null }, b: { doc: string; published: string | null }): boolean {
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

/**
 * Put a document into a story (joining, merging or starting one), updating the index.
 * @example const { story } = await assignStory(features, index);
 */
export async function assignStory(f: StoryFeatures, index: CorpusIndex): Promise<StoryAssignment> {
  const minhash = minhashOf(f.text);
  const counts = storyTermCounts(f.text);
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
  const stats = await index.termFrequencies(mineKeys);
  const prev = await index.getDocument(f.id);
  const cands = await candidateDocuments(f, keys, index);
  const q = queryVector(mine, stats);
  const weighted: WeightedTerms = { keys: mineKeys, weights: mineKeys.map((k) => q.weights.get(k)!), norm: q.norm };
  const rec: DocRecord = { ...base, weighted, keys };
  // Score every candidate document; keep the best score per story.
  const storyNear = new Map<string, number>();
  for (const c of cands) {
    const days = daysBetween(f.published, c.published);
    const jac = minhashSimilarity(minhash, c.minhash);
    let score = 0;
    if (jac >= STORY.duplicate) score = 1 + jac;
    else if (days !== null && days > STORY.maxDays) score = -1;
    else {
      const cmp = compareVectors(q, docVector(c));
      const quoted = (f.docsSharing.get(c.id) ?? 0) > 0 && (days === null || days <= STORY.quoteDays);
      if (quoted && quoteJoinAgrees(cmp)) {
        storyNear.set(c.story, Math.max(storyNear.get(c.story) ?? 0, 1));
        continue;
      }
      score = cmp.cosine;
      if (score >= STORY.similar && cmp.names !== null && cmp.names < STORY.minNameShare) score = 0;
      if (era && c.numbers.some((n) => n.startsWith('era:') && n !== `era:${era}`)) score *= STORY.otherEra;
      score *= contextFactor(days, f.speakers, c.speakers);
    }
    if (score < 0) continue;
    storyNear.set(c.story, Math.max(storyNear.get(c.story) ?? 0, score));
  }
  // Against each candidate story's profile (its centroid): a report shares more with the story than with any one member.
  const near = [...storyNear.entries()].sort((a, b) => b[1] - a[1]).slice(0, STORY.storiesScored);
  const storyRecs = new Map<string, StoryRecord>();
  const storyScore = new Map<string, number>();
  for (const [sid, best] of near) {
    const st = await index.getStory(sid);
    if (!st) continue;
    storyRecs.set(sid, st);
    let score = best >= STORY.similar ? best : 0;
    if (st.profile) {
      const pp = parsedProfile(st.profile, st.weighted === true);
      const size = st.documents.length;
      const cmp = compareVectors(q, pp.vector);
      let centroid = cmp.cosine;
      if (era && pp.era && era !== pp.era) centroid *= STORY.otherEra;
      let nearest: number | null = null;
      if (f.published) for (const d of pp.days) nearest = Math.min(nearest ?? Infinity, daysBetween(f.published, d) ?? Infinity);
      centroid *= contextFactor(nearest === Infinity ? null : nearest, f.speakers, pp.speakers);
      if (centroid >= STORY.similarStory && cmp.names !== null && cmp.names < STORY.minNameShare) centroid = 0;
      // A one-document story's centroid is that document. When both quote people and none in common
      // (a different speaker is likely a different event), hold it to the document threshold.
      const disjointSpeakers = f.speakers.length > 0 && pp.speakers.length > 0 && !f.speakers.some((x) => pp.speakers.includes(x));
      const threshold = size === 1 && disjointSpeakers ? STORY.similar : STORY.similarStory;
      if (centroid >= threshold) score = Math.max(score, centroid);
    }
    if (score > 0) storyScore.set(sid, score);
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
  const extra: [string, number][] = weighted.keys.map((k, i) => [k, weighted.weights[i]!]);
  if (era) extra.push([`era:${era}`, 1]);
  if (f.published) extra.push([`day:${f.published.slice(0, 10)}`, 1]);
  const merged: StoryRecord = { id, documents: [...documents].sort(), label, first, profile: mergeProfiles(stories, extra), weighted: true };
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
