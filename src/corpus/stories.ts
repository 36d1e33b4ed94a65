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
 * The year a report is about: its published year, else the year its text names most often (null if none).
 * Why: reports of two events of the same kind (two quakes, two rehab stays) are often years apart.
 * @example eraOf('The 2013 quake ... in 2013, after 2008', null) // '2013'
 */
export function eraOf(text: string, published: string | null): string | null {
  if (published && /^\d{4}/.test(published)) return published.slice(0, 4);
  const counts = new Map<string, number>();
  for (const m of text.matchAll(YEAR_RE)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y > best)) (best = y), (n = c);
  return best;
}

/** A story profile split by kind, parsed once per stored profile object. */
interface ParsedProfile {
  terms: [string, number][];
  termSet: Set<string>;
  era: string | null;
  days: string[];
  speakers: string[];
  names: number;
}

const parsedProfiles = new WeakMap<Record<string, number>, ParsedProfile>();

function parsedProfile(profile: Record<string, number>): ParsedProfile {
  let pp = parsedProfiles.get(profile);
  if (pp) return pp;
  pp = { terms: [], termSet: new Set(), era: null, days: [], speakers: [], names: 0 };
  let eraCount = 0;
  for (const k in profile) {
    const n = profile[k]!;
    if (k.startsWith('t:')) {
      pp.terms.push([k, n]);
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

function termWeight(key: string, df: number): number {
  const kind = key.startsWith('t:') ? key[2]! : 'b';
  const base = KIND_WEIGHT[kind] ?? 1;
  return base * Math.log(1 + STORY.perKey / (1 + df));
}

/**
 * Cosine similarity of a new document's weighted terms and a set of terms with count weights (a document: 1 + ln count;
 * a story profile: the members' mean). Each term weighs its kind and rarity (`termWeight`) times its count weight.
 * @example termCosine(weights, norm, new Map([['t:n:paris', 1]]), df)
 */
export function termCosine(weights: Map<string, number>, norm: number, other: Iterable<[string, number]>, df: Map<string, number>): number {
  let dot = 0;
  let on = 0;
  for (const [k, f] of other) {
    if (!k.startsWith('t:')) continue;
    const w = termWeight(k, df.get(k) ?? 0) * f;
    on += w * w;
    const mine = weights.get(k);
    if (mine !== undefined) dot += mine * w;
  }
  return norm && on ? dot / Math.sqrt(norm * on) : 0;
}

/** A candidate document's term vector: its stored count weights, or its term keys at weight 1 (records from before vectors were kept). */
function* docVector(c: DocRecord): Iterable<[string, number]> {
  if (c.terms) {
    for (const k in c.terms) yield [k, c.terms[k]!];
    for (const k of c.keys) if (k.startsWith('t:e:') || k.startsWith('t:s:')) yield [k, 1];
  } else for (const k of c.keys) yield [k, 1];
}

const NAME_KIND = new Set(['n', 'e', 's']);

/**
 * Share of a document's name weight (names, entities, speakers) that another document or story also holds;
 * null when either side names nothing. Two reports of one event name the same people or places.
 * @example nameShare(weights, new Set(['t:n:paris'])) // 1 when Paris is the document's only name
 */
export function nameShare(weights: Map<string, number>, other: { has(k: string): boolean }, otherNames: number): number | null {
  let all = 0;
  let shared = 0;
  for (const [k, w] of weights) {
    if (!NAME_KIND.has(k[2]!)) continue;
    all += w * w;
    if (other.has(k)) shared += w * w;
  }
  if (!all || !otherNames) return null;
  return shared / all;
}

function countNames(keys: Iterable<string>): number {
  let n = 0;
  for (const k of keys) if (k.startsWith('t:') && NAME_KIND.has(k[2]!)) n++;
  return n;
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

/** Keep the profile to the terms most members share. */
const PROFILE_SIZE = 300;

function mergeProfiles(profiles: (Record<string, number> | undefined)[], extra: Iterable<[string, number]>): Record<string, number> {
  const out = new Map<string, number>();
  for (const p of profiles) if (p) for (const [k, n] of Object.entries(p)) out.set(k, (out.get(k) ?? 0) + n);
  for (const [k, n] of extra) out.set(k, (out.get(k) ?? 0) + n);
  // Trimmed only when well over size: sorting every profile on every join costs more than keeping a few extra terms.
  if (out.size <= PROFILE_SIZE * 1.5) return Object.fromEntries(out);
  return Object.fromEntries([...out.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, PROFILE_SIZE));
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
  const vector: Record<string, number> = {};
  for (const [t, n] of counts) vector[`t:${t}`] = countWeight(n);
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
    terms: vector,
  };
  const era = eraOf(f.text, f.published);
  if (era) base.numbers.push(`era:${era}`);
  const keys = docKeys(base, terms);
  const rec: DocRecord = { ...base, keys };
  const cands = await candidateDocuments(f, keys, index);
  // Document frequency of each term among the candidates (bounded by perKey): rare terms weigh more.
  const df = new Map<string, number>();
  for (const c of cands) for (const [k] of docVector(c)) df.set(k, (df.get(k) ?? 0) + 1);
  const weights = new Map<string, number>();
  let norm = 0;
  const mine: [string, number][] = [...Object.entries(vector)];
  for (const k of keys) if (k.startsWith('t:e:') || k.startsWith('t:s:')) mine.push([k, 1]);
  for (const [k, n] of mine) {
    const w = termWeight(k, df.get(k) ?? 0) * n;
    weights.set(k, w);
    norm += w * w;
  }
  // Score every candidate document; keep the best score per story.
  const storyScore = new Map<string, number>();
  const storyNear = new Map<string, number>();
  for (const c of cands) {
    const days = daysBetween(f.published, c.published);
    const jac = minhashSimilarity(minhash, c.minhash);
    let score = 0;
    if (jac >= STORY.duplicate) score = 1 + jac;
    else if (days !== null && days > STORY.maxDays) score = -1;
    else if ((f.docsSharing.get(c.id) ?? 0) > 0 && (days === null || days <= STORY.quoteDays)) score = 1;
    else {
      score = termCosine(weights, norm, docVector(c), df);
      if (score >= STORY.similar) {
        const theirs = new Set([...docVector(c)].map(([k]) => k));
        const names = nameShare(weights, theirs, countNames(theirs));
        if (names !== null && names < STORY.minNameShare) score = 0;
      }
      if (era && c.numbers.some((n) => n.startsWith('era:') && n !== `era:${era}`)) score *= STORY.otherEra;
      score *= contextFactor(days, f.speakers, c.speakers);
    }
    if (score < 0) continue;
    storyNear.set(c.story, Math.max(storyNear.get(c.story) ?? 0, score));
  }
  // Against each candidate story's profile (its centroid): a report shares more with the story than with any one member.
  const near = [...storyNear.entries()].sort((a, b) => b[1] - a[1]).slice(0, STORY.storiesScored);
  const storyRecs = new Map<string, StoryRecord>();
  for (const [sid, best] of near) {
    const st = await index.getStory(sid);
    if (!st) continue;
    storyRecs.set(sid, st);
    let score = best >= STORY.similar ? best : 0;
    if (st.profile) {
      const pp = parsedProfile(st.profile);
      const size = st.documents.length;
      const entries: [string, number][] = pp.terms.map(([k, n]) => [k, n / size]);
      let centroid = termCosine(weights, norm, entries, df);
      if (era && pp.era && era !== pp.era) centroid *= STORY.otherEra;
      let nearest: number | null = null;
      if (f.published) for (const d of pp.days) nearest = Math.min(nearest ?? Infinity, daysBetween(f.published, d) ?? Infinity);
      centroid *= contextFactor(nearest === Infinity ? null : nearest, f.speakers, pp.speakers);
      if (centroid >= STORY.similarStory) {
        const names = nameShare(weights, pp.termSet, pp.names);
        if (names !== null && names < STORY.minNameShare) centroid = 0;
      }
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
  const merged: StoryRecord = { id, documents: [...documents].sort(), label, first, profile: mergeProfiles(stories.map((x) => x.profile), [...mine, ...(era ? [[`era:${era}`, 1]] : []), ...(f.published ? [[`day:${f.published.slice(0, 10)}`, 1]] : [])] as [string, number][]) };
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
