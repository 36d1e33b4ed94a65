/**
 * Whether two documents report the same event: a logistic model over a dozen similarities of the pair
 * (whole text, names, common words, figures, lead, main person/place/organisation, era, shingles, weekday).
 * Trained here on ECB+ topics 1-17 by `src/corpus/train/train-story-pairs.ts` (weights in `data/story-pairs.json`);
 * the story clustering averages it over a story's members (average link).
 */
import { readFileSync } from 'node:fs';
import { PipelineError } from '../errors.js';
import { minhashSimilarity } from './text.js';

/** A weighted term vector: story term keys ('t:<kind>:...') and weights in parallel, and the sum of squared weights. */
export interface TermVector {
  keys: string[];
  weights: number[];
  norm: number;
}

/** What the pair model reads of one document. */
export interface PairSide {
  /** Weighted story terms of the whole text. */
  vector: TermVector;
  /** Weighted story terms of the lead (title and first sentences); null for records stored before leads were kept. */
  lead: TermVector | null;
  /** Global entity ids ('person:…', 'location:…', 'organization:…'), most mentioned first. */
  entities: readonly string[];
  /** The year the report is about, or null. */
  era: string | null;
  minhash: readonly number[];
  /** Weekdays the lead names (bit set, `weekdaysIn`), 0 when none. */
  weekdays: number;
}

/** Groups of term kinds compared apart: names tell which event, common words what kind, figures how much. */
const GROUP_OF_KIND: Record<string, number> = { n: 1, e: 1, s: 1, w: 2, x: 3, y: 3 };
const GROUPS = 4;

/** Names of the model's inputs, in order (the first is the bias). */
export const PAIR_FEATURES = [
  'bias',
  'cosine',
  'sqrt cosine',
  'names cosine',
  'words cosine',
  'lead cosine',
  'figures cosine',
  'main person differs',
  'main place differs',
  'main organisation differs',
  'era differs',
  'shingle similarity',
  'names not shared',
  'lead weekday agrees',
] as const;

/** A query-side vector keyed for lookups, with the squared norm of every kind group (0: all terms). */
export interface PairQuery {
  side: PairSide;
  weights: Map<string, number>;
  groupNorms: Float64Array;
  lead: Map<string, number> | null;
}

/**
 * Term numbers: every story term key compared in this process gets a small integer, so a comparison reads the
 * query's weight from an array (`DenseWeights`) instead of hashing each key of the other side. The numbering starts
 * over (a new epoch) when it grows past TERM_CAP, so a long-running process does not keep every term ever seen.
 */
const TERM_CAP = 1_000_000;
let termIds = new Map<string, number>();
let termGroup = new Uint8Array(4096);
let epoch = 1;
const vectorIds = new WeakMap<TermVector, { epoch: number; ids: Int32Array }>();

function termId(k: string): number {
  let id = termIds.get(k);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(k, id);
    if (id >= termGroup.length) {
      const g = new Uint8Array(termGroup.length * 2);
      g.set(termGroup);
      termGroup = g;
    }
    termGroup[id] = GROUP_OF_KIND[k[2]!] ?? 0;
  }
  return id;
}

/** The term numbers of a vector's keys (cached per vector object: stored records are compared many times). */
function idsOf(v: TermVector): Int32Array {
  const c = vectorIds.get(v);
  if (c && c.epoch === epoch && c.ids.length === v.keys.length) return c.ids;
  const ids = new Int32Array(v.keys.length);
  for (let i = 0; i < ids.length; i++) ids[i] = termId(v.keys[i]!);
  vectorIds.set(v, { epoch, ids });
  return ids;
}

/** One query vector spread over an array indexed by term number; `stamp` marks the slots it set (no clearing between queries). */
class DenseWeights {
  w = new Float64Array(4096);
  stamp = new Int32Array(4096);
  cur = 0;
  private owner: object | null = null;
  private ownerEpoch = 0;

  /** Make `v` (of query `owner`) the vector held; returns the stamp its slots carry. */
  hold(owner: object, v: TermVector): number {
    if (this.owner === owner && this.ownerEpoch === epoch) return this.cur;
    const ids = idsOf(v);
    this.fit(termIds.size);
    this.cur++;
    for (let i = 0; i < ids.length; i++) {
      this.w[ids[i]!] = v.weights[i]!;
      this.stamp[ids[i]!] = this.cur;
    }
    this.owner = owner;
    this.ownerEpoch = epoch;
    return this.cur;
  }

  /** Room for `n` term numbers (terms numbered after the query was held are not in it: their stamps stay old). */
  fit(n: number): void {
    if (n <= this.w.length) return;
    let size = this.w.length;
    while (size < n) size *= 2;
    const w = new Float64Array(size);
    w.set(this.w);
    const st = new Int32Array(size);
    st.set(this.stamp);
    this.w = w;
    this.stamp = st;
  }
}

const denseText = new DenseWeights();
const denseLead = new DenseWeights();

/**
 * A document prepared as the query side of many comparisons (its vectors as maps, group norms summed once).
 * @example pairQuery({ vector: { keys: ['t:n:paris'], weights: [2], norm: 4 }, lead: null, entities: [], era: null, minhash: [] })
 */
export function pairQuery(side: PairSide): PairQuery {
  if (termIds.size > TERM_CAP) (termIds = new Map()), epoch++;
  const weights = new Map<string, number>();
  const groupNorms = new Float64Array(GROUPS);
  const { keys, weights: ws } = side.vector;
  for (let i = 0; i < keys.length; i++) {
    const w = ws[i]!;
    weights.set(keys[i]!, w);
    groupNorms[0]! += w * w;
    const g = GROUP_OF_KIND[keys[i]![2]!];
    if (g) groupNorms[g]! += w * w;
  }
  let lead: Map<string, number> | null = null;
  if (side.lead) {
    lead = new Map();
    for (let i = 0; i < side.lead.keys.length; i++) lead.set(side.lead.keys[i]!, side.lead.weights[i]!);
  }
  return { side, weights, groupNorms, lead };
}

const dot = new Float64Array(GROUPS);
const otherNorms = new Float64Array(GROUPS);

function leadCosine(q: PairQuery, other: TermVector | null): number {
  if (!q.lead || !other || !q.side.lead!.norm || !other.norm) return 0;
  // Sums in the other's key order, as a map lookup per key would.
  const cur = denseLead.hold(q, q.side.lead!);
  const ids = idsOf(other);
  denseLead.fit(termIds.size);
  const { w: qw, stamp } = denseLead;
  let d = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (stamp[id] === cur) d += qw[id]! * other.weights[i]!;
  }
  return d / Math.sqrt(q.side.lead!.norm * other.norm);
}

/** The most mentioned entity of a type ('person:' …), or null. */
function mainOf(entities: readonly string[], prefix: string): string | null {
  for (const e of entities) if (e.startsWith(prefix)) return e;
  return null;
}

/** 1 when both name a main entity of the type and neither mentions the other's at all (two events with different protagonists). */
function mainDiffers(a: readonly string[], b: readonly string[], prefix: string): number {
  const ma = mainOf(a, prefix);
  const mb = mainOf(b, prefix);
  return ma !== null && mb !== null && !b.includes(ma) && !a.includes(mb) ? 1 : 0;
}

/** Cosine within kind group `g` of the pair just summed into `dot` and `otherNorms` (a plain function: no closure per pair). */
function groupCosine(groupNorms: Float64Array, g: number): number {
  return groupNorms[g]! > 0 && otherNorms[g]! > 0 ? dot[g]! / Math.sqrt(groupNorms[g]! * otherNorms[g]!) : 0;
}

/**
 * The model's inputs for a pair, in `PAIR_FEATURES` order.
 * @example pairFeatures(pairQuery(a), b)[1] // cosine of the two texts' weighted terms
 */
export function pairFeatures(q: PairQuery, other: PairSide): number[] {
  dot.fill(0);
  otherNorms.fill(0);
  // The query's weights by term number (held once per query); sums run in the other's key order, as before.
  const cur = denseText.hold(q, q.side.vector);
  const ids = idsOf(other.vector);
  denseText.fit(termIds.size);
  const { w: qw, stamp } = denseText;
  const group = termGroup;
  const { weights } = other.vector;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const w = weights[i]!;
    const g = group[id]!;
    otherNorms[0]! += w * w;
    if (g) otherNorms[g]! += w * w;
    if (stamp[id] !== cur) continue;
    const mine = qw[id]!;
    dot[0]! += mine * w;
    if (g) dot[g]! += mine * w;
  }
  const c = groupCosine(q.groupNorms, 0);
  const a = q.side;
  return [
    1,
    c,
    Math.sqrt(c),
    groupCosine(q.groupNorms, 1),
    groupCosine(q.groupNorms, 2),
    leadCosine(q, other.lead),
    groupCosine(q.groupNorms, 3),
    mainDiffers(a.entities, other.entities, 'person:'),
    mainDiffers(a.entities, other.entities, 'location:'),
    mainDiffers(a.entities, other.entities, 'organization:'),
    a.era !== null && other.era !== null && a.era !== other.era ? 1 : 0,
    a.minhash.length && other.minhash.length ? minhashSimilarity(a.minhash, other.minhash) : 0,
    // Both name people or places, and none in common: reports of different events, however alike the wording.
    q.groupNorms[1]! > 0 && otherNorms[1]! > 0 && dot[1] === 0 ? 1 : 0,
    // Both leads name a weekday: 1 when they share one (the day it happened), -1 when they name different days.
    a.weekdays && other.weekdays ? (a.weekdays & other.weekdays ? 1 : -1) : 0,
  ];
}

/** Trained weights, in `PAIR_FEATURES` order. */
export interface PairModel {
  features: string[];
  weights: number[];
  /** How the weights were made (data, pairs, epochs). */
  trained: string;
}

let model: PairModel | null = null;

/** The shipped pair model, read once per process. */
export function pairModel(): PairModel {
  if (model) return model;
  const m = JSON.parse(readFileSync(new URL('./data/story-pairs.json', import.meta.url), 'utf8')) as PairModel;
  if (m.features.join('|') !== PAIR_FEATURES.join('|')) {
    throw new PipelineError(`story-pairs.json was trained on features [${m.features.join(', ')}], expected [${PAIR_FEATURES.join(', ')}]; rerun src/corpus/train/train-story-pairs.ts`);
  }
  return (model = m);
}

/**
 * Probability that two documents report the same event.
 * @example samePairProbability(pairFeatures(pairQuery(a), b)) // 0.93
 */
export function samePairProbability(features: readonly number[], weights: readonly number[] = pairModel().weights): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
