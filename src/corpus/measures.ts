/**
 * Measures: claims about the same quantity (same counted thing, subject and place after
 * normalisation) collected as points per claimant over time, with conflicts explained.
 */
import type { MeasurePoint } from '../analysis/types.js';
import type { Qualifier } from '../doc/types.js';
import type { CorpusIndex, LinkedPoint, MeasureRecord } from './corpus-index.js';
import { normKey, slug, stem } from './text.js';

/**
 * Counted nouns that name the same kind of thing in news about armed conflict, business and politics.
 * Why: "5,000 fighters" and "5,000 militants" are the same count in different words.
 */
const COUNTED_SYNONYMS: Record<string, string> = {
  militant: 'fighter',
  combatant: 'fighter',
  troop: 'fighter',
  soldier: 'soldier',
  insurgent: 'fighter',
  jihadist: 'fighter',
  national: 'citizen',
  person: 'people',
  individual: 'people',
  percent: '%',
  'per cent': '%',
};

/** Words in an `of` phrase that do not change what is counted. */
const OF_SKIP = new Set(['the', 'a', 'an', 'of', 'its', 'their', 'some', 'about', 'around', 'nearly', 'over', 'more', 'than', 'up', 'to', 'loyal', 'active', 'new']);

/**
 * Normalised counted thing: singular stems with synonyms folded.
 * @example countedKey('Hezbollah militants') // 'hezbollah fighter'
 */
export function countedKey(of: string | null): string {
  if (!of) return '';
  const toks = normKey(of)
    .split(' ')
    .filter((w) => w && !OF_SKIP.has(w))
    .map((w) => {
      const sing = w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
      return COUNTED_SYNONYMS[sing] ?? sing;
    });
  return toks.join(' ');
}

/** Scope key part for a subject or place: a global entity id when resolved, else a normalised stem string. */
export function scopeKey(value: string | null): string {
  if (!value) return '';
  if (/^(?:person|organization|group|location):/.test(value)) return value;
  return normKey(value).split(' ').map(stem).join(' ');
}

/**
 * Key of a measure: unit, counted thing, subject and place.
 * @example measureKey({ of: 'fighters', unit: null, subject: 'group:islamic-state', place: 'location:afghanistan' })
 */
export function measureKey(c: { of: string | null; unit: string | null; subject: string | null; place: string | null }): string | null {
  const of = countedKey(c.of);
  if (!of) return null;
  const unit = c.unit ? countedKey(c.unit) : '';
  return `m:${unit}|${of}|${scopeKey(c.subject)}|${scopeKey(c.place)}`;
}

/** Looser key: same counted thing and place, any subject (to explain different scopes). */
export function looseKey(c: { of: string | null; unit: string | null; place: string | null }): string | null {
  const of = countedKey(c.of);
  if (!of) return null;
  const last = of.split(' ').pop()!;
  return `o:${c.unit ? countedKey(c.unit) : ''}|${last}|${scopeKey(c.place)}`;
}

/** What happened to the people counted, by the word news uses for it: "killed", "dead" and "died" count one thing. */
const STATE_OF: Record<string, string> = {
  kill: 'killed', kills: 'killed', killed: 'killed', killing: 'killed', dead: 'killed', died: 'killed', die: 'killed',
  injure: 'injured', injures: 'injured', injured: 'injured', injuring: 'injured', wounded: 'injured', wounding: 'injured', wounds: 'injured', hurt: 'injured',
  missing: 'missing', displaced: 'displaced', displacing: 'displaced', homeless: 'homeless', evacuated: 'evacuated', evacuating: 'evacuated',
  arrested: 'arrested', arresting: 'arrested', arrests: 'arrested', detained: 'arrested', detaining: 'arrested',
  rescued: 'rescued', rescuing: 'rescued', trapped: 'trapped', hospitalized: 'hospitalized', hospitalised: 'hospitalized',
};
/** The states an event leaves people in: a count of them belongs to one event. */
const EVENT_STATES = new Set(Object.values(STATE_OF));

/**
 * True when a counted thing is what an event did to people ("people killed", "residents displaced"): such a count
 * belongs to one event, so two reports are compared only when they are in the same story.
 * @example isEventCount('people killed') // true
 */
export function isEventCount(of: string | null): boolean {
  const w = of?.trim().split(/\s+/).pop()?.toLowerCase();
  return !!w && EVENT_STATES.has(w);
}

const STATE_ALT = Object.keys(STATE_OF).sort((a, b) => b.length - a.length).join('|');
/** Words that hedge a figure ("as many as 10,000", "around 40%"); isHedged reads them before a figure. */
const HEDGE_WORDS = ['as many as', 'as much as', 'as few as', 'around', 'about', 'approximately', 'roughly', 'some', 'nearly', 'almost', 'close to', 'an estimated', 'estimated'];
/** Hedges and bounds a state verb may stand before: "killed at least 612", "injuring as many as 40". */
const HEDGE_ALT = ['at least', 'more than', 'over', 'up to', ...HEDGE_WORDS].join('|');
/** A transitive verb right before the figure: "killed at least 612 people", "injuring 1,200 others". */
const STATE_BEFORE_RE = new RegExp(`\\b(${STATE_ALT})\\s+(?:(?:${HEDGE_ALT})\\s+)?$`, 'i');
/**
 * The state after the figure and its noun (at most four words, no punctuation), across an auxiliary: "40 people were
 * injured", "15 dead", "12 people remain missing", "left 3,000 people homeless".
 */
const STATE_AFTER_RE = new RegExp(`^\\s*(?:(?!(?:said|says|say|told|tells|think|thinks|believe|believes|they|he|she|we|it|who|which|that|and|or|but|while|when|after|before|if|were|was|are|is)\\b)[\\p{L}’'-]+\\s+){0,3}(?:(?:were|was|are|is|have|has|had|been|being|remain|remained|remains|still|reported|feared|confirmed|now)\\s+){0,3}(?:[\\p{L}]+ly\\s+)?(${STATE_ALT})\\b`, 'iu');
/** Counted things that are the state itself ("80 dead", "a death toll of 80"): the people in that state. */
const STATE_NOUNS: Record<string, string> = { dead: 'killed', deaths: 'killed', death: 'killed', 'death toll': 'killed', 'the death toll': 'killed', fatalities: 'killed', killed: 'killed', injured: 'injured', injuries: 'injured', wounded: 'injured', missing: 'missing' };
/** Nouns that stand for "people" once their state is known ("injured 1,200 others"). */
const PEOPLE_WORDS = new Set(['people', 'persons', 'others', 'individuals']);

/**
 * What happened to the people a figure counts, read from the words around it (`value` is the figure's span in
 * `text`), with the counted thing it qualifies: "killed at least 612 people" gives people killed, "40 people were
 * injured" people injured, "80 dead" people killed. Figures with other states are other quantities, so the state
 * is part of the measure ("people killed" never conflicts with "people injured"). Null when no state is stated.
 * @example countedState('The quake killed 612 people.', { start: 16, end: 19 }, 'people') // 'people killed'
 */
export function countedState(text: string, value: { start: number; end: number }, of: string | null): string | null {
  const ofKey = (of ?? '').toLowerCase().trim();
  const noun = STATE_NOUNS[ofKey];
  if (noun) return `people ${noun}`;
  if (of && !/^[\p{L}’' -]+$/u.test(of)) return null;
  const before = STATE_BEFORE_RE.exec(text.slice(Math.max(0, value.start - 40), value.start));
  let state = before ? STATE_OF[before[1]!.toLowerCase()] : undefined;
  if (!state) {
    const tail = text.slice(value.end, value.end + 80);
    const cut = tail.search(/[,.;:!?()"“”]/);
    const after = STATE_AFTER_RE.exec(cut >= 0 ? tail.slice(0, cut) : tail);
    if (after) state = STATE_OF[after[1]!.toLowerCase()];
  }
  if (!state) return null;
  const base = !of || PEOPLE_WORDS.has(ofKey) ? 'people' : of;
  return `${base} ${state}`;
}

/** Relative half-width given to "about N" figures. */
const APPROX = 0.15;

/**
 * The interval of values a figure allows, given its qualifier; a hedged figure ("as many as N", "around N") gets tolerance.
 * @example interval({ low: 100, high: 100, qualifier: 'more_than' }) // [100, Infinity] (open at 100)
 */
export function interval(p: { low: number; high: number; qualifier: Qualifier; hedged?: boolean }): [number, number] {
  const lo = Math.min(p.low, p.high);
  const hi = Math.max(p.low, p.high);
  const tol = p.hedged ? APPROX : 0;
  switch (p.qualifier) {
    case 'approx':
      return [lo * (1 - APPROX), hi * (1 + APPROX)];
    case 'up_to':
    case 'less_than':
      return [0, hi * (1 + tol)];
    case 'at_least':
    case 'more_than':
      return [lo * (1 - tol), Infinity];
    default:
      // Round figures in news are rounded: allow a little slack.
      return [lo * (1 - Math.max(0.02, tol)), hi * (1 + Math.max(0.02, tol))];
  }
}

const HEDGE_RE = new RegExp(`\\b(?:${HEDGE_WORDS.join('|')})\\s*$`, 'i');

/**
 * Whether the words just before a figure hedge it ("as many as 10,000", "around 40%").
 * @example isHedged('has as many as ') // true
 */
export function isHedged(before: string): boolean {
  return HEDGE_RE.test(before);
}

function year(date: string | null): string | null {
  return date ? date.slice(0, 4) : null;
}

function describe(p: MeasurePoint, names: Map<string, string>): string {
  const q: Record<Qualifier, string> = { exact: '', approx: 'about ', up_to: 'up to ', at_least: 'at least ', more_than: 'more than ', less_than: 'less than ' };
  const v = p.low === p.high ? fmt(p.low) : `${fmt(p.low)}-${fmt(p.high)}`;
  const who = p.claimant ? (names.get(p.claimant) ?? p.claimant) : 'unattributed';
  return `${who} says ${q[p.qualifier]}${v}${p.date ? ` (${p.date})` : ''}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** Document of a point: its own field, else read from its claim id (`<docId>.c<offset>`). */
function docOf(p: LinkedPoint): string {
  if (p.doc) return p.doc;
  const i = p.claim.lastIndexOf('.c');
  return i > 0 ? p.claim.slice(0, i) : p.claim;
}

/**
 * Whether two points are one claimant restating one figure: same claimant in the same document or the same quote group.
 * @example isRestatement({ claimant: 'p', doc: 'd1', ... }, { claimant: 'p', doc: 'd1', ... }) // true
 */
export function isRestatement(a: LinkedPoint, b: LinkedPoint): boolean {
  if (!a.claimant || a.claimant !== b.claimant) return false;
  if (docOf(a) === docOf(b)) return true;
  return !!a.group && a.group === b.group;
}

/** Why two differing points are not a conflict, or null when they are. */
type Apart = 'restated' | 'one-report' | 'unscoped' | 'other-event' | null;

/**
 * Why two disjoint points of one measure do not conflict: one claimant restating (isRestatement); one report giving
 * both without two different named claimants (a report does not contradict itself: its two figures count different
 * things, "11 rebounds" and "2 rebounds" of two players); for a measure with neither subject nor place, two
 * reports (a bare "people" or "games" in two reports is rarely one quantity); or, with `storyOf` (the story of each
 * document, given for event counts), two reports of different stories: two earthquakes' tolls. Null: they conflict.
 * @example apart(a, b, true)
 */
function apart(a: LinkedPoint, b: LinkedPoint, scoped: boolean, storyOf?: ReadonlyMap<string, string>): Apart {
  if (isRestatement(a, b)) return 'restated';
  const da = docOf(a);
  const db = docOf(b);
  if (da === db) return a.claimant && b.claimant && a.claimant !== b.claimant ? null : 'one-report';
  if (!scoped) return 'unscoped';
  const sa = storyOf?.get(da);
  const sb = storyOf?.get(db);
  return sa && sb && sa !== sb ? 'other-event' : null;
}

const APART_WHY: Record<Exclude<Apart, null>, string> = {
  restated: 'the same claimant restating, not a conflict',
  'one-report': 'one report giving both, so different things counted, not a conflict',
  unscoped: 'different reports of a count with no subject or place, not compared',
  'other-event': 'reports of different stories (events), not compared',
};

/** Distinct figures compared per measure, and the stating points kept per figure (a measure of any size costs the same). */
const MAX_FIGURES = 30;
const MAX_HOLDERS = 8;

interface Figure {
  first: LinkedPoint;
  holders: LinkedPoint[];
}

/** Points folded by figure (value, qualifier, hedge, year): near-duplicate reports of one figure are compared once. */
function figuresOf(points: readonly LinkedPoint[]): Figure[] {
  const bySig = new Map<string, Figure>();
  for (const p of points) {
    const sig = `${p.low}|${p.high}|${p.qualifier}|${p.hedged ? 1 : 0}|${year(p.date) ?? ''}`;
    const f = bySig.get(sig);
    if (!f) bySig.set(sig, { first: p, holders: [p] });
    else if (f.holders.length < MAX_HOLDERS && !f.holders.some((h) => h.claimant === p.claimant && isRestatement(h, p))) f.holders.push(p);
  }
  return [...bySig.values()].slice(-MAX_FIGURES);
}

/** Points with a claimant before unattributed ones, otherwise in order. */
function named(points: LinkedPoint[]): LinkedPoint[] {
  return points.every((p) => p.claimant) ? points : [...points.filter((p) => p.claimant), ...points.filter((p) => !p.claimant)];
}

/**
 * Whether a measure's points conflict, and why (or why differing figures do not conflict; see `apart`).
 * `scoped`: the measure names a subject or place, so figures from different reports are compared. `storyOf`: the
 * story of each document, for a measure whose reports are compared only within a story (isEventCount).
 * @example explainPoints(points).conflict
 */
export function explainPoints(points: LinkedPoint[], names: Map<string, string> = new Map(), scoped = true, storyOf?: ReadonlyMap<string, string>): { conflict: boolean; explanation: string } {
  if (points.length < 2) return { conflict: false, explanation: points.length ? 'single figure' : 'no figures' };
  const conflicts: string[] = [];
  const otherYears: string[] = [];
  const notCompared: string[] = [];
  const figures = figuresOf(points);
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const fa = figures[i]!;
      const fb = figures[j]!;
      const a = fa.first;
      const b = fb.first;
      const [alo, ahi] = interval(a);
      const [blo, bhi] = interval(b);
      // "more than N" and "up to N" touch at N; hedged wording is not that precise.
      const strict = !a.hedged && !b.hedged && (a.qualifier === 'more_than' || a.qualifier === 'less_than' || b.qualifier === 'more_than' || b.qualifier === 'less_than');
      const disjoint = ahi < blo || bhi < alo || (strict && (ahi === blo || bhi === alo));
      if (!disjoint) continue;
      const ya = year(a.date);
      const yb = year(b.date);
      if (ya && yb && ya !== yb) {
        otherYears.push(`${describe(a, names)} and ${describe(b, names)}: different years, not a conflict`);
        continue;
      }
      // A conflict needs two statements that can disagree (see `apart`).
      let pair: [LinkedPoint, LinkedPoint] | null = null;
      let why: Apart = null;
      // Named claimants first: the explanation names who disagrees when it can.
      for (const x of named(fa.holders)) {
        for (const y of named(fb.holders)) {
          const r = apart(x, y, scoped, storyOf);
          if (r === null) {
            pair = [x, y];
            break;
          }
          why ??= r;
        }
        if (pair) break;
      }
      if (!pair) {
        notCompared.push(`${describe(a, names)} and ${describe(b, names)}: ${APART_WHY[why ?? 'restated']}`);
        continue;
      }
      conflicts.push(`${describe(pair[0], names)} but ${describe(pair[1], names)}: the figures cannot both be true`);
    }
  }
  if (conflicts.length) return { conflict: true, explanation: [...conflicts, ...otherYears, ...notCompared].slice(0, 5).join('; ') };
  if (otherYears.length || notCompared.length) return { conflict: false, explanation: [...otherYears, ...notCompared].slice(0, 5).join('; ') };
  return { conflict: false, explanation: 'figures agree within their stated qualifiers' };
}

/** One claim to place in a measure. */
export interface MeasureInput {
  claim: string;
  of: string | null;
  unit: string | null;
  subject: string | null;
  place: string | null;
  subjectName: string | null;
  placeName: string | null;
  point: LinkedPoint;
}

/**
 * A measure's label: subject, counted thing (unit), place. A subject that already ends in the counted thing's head
 * ("Houthi fighters" counting fighters) is not followed by it again.
 * @example labelOf({ of: 'fighters', unit: null, subjectName: 'Houthi fighters', placeName: 'Yemen' }) // 'Houthi fighters in Yemen'
 */
export function labelOf(c: Pick<MeasureInput, 'of' | 'unit' | 'subjectName' | 'placeName'>): string {
  let label = c.of ?? '';
  const head = countedKey(c.of).split(' ')[0] ?? '';
  const subjectHead = countedKey(c.subjectName).split(' ').pop() ?? '';
  if (c.subjectName && head && subjectHead === head) label = [c.subjectName, ...(c.of ?? '').trim().split(/\s+/).slice(1)].join(' ');
  else if (c.subjectName && !normKey(label).includes(normKey(c.subjectName))) label = `${c.subjectName} ${label}`;
  if (c.unit && c.unit !== c.of) label = `${label.trim()} (${c.unit})`;
  if (c.placeName) label += ` in ${c.placeName}`;
  return label.trim();
}

/**
 * Add claims to their measures (creating them), recompute conflicts, and note related scopes.
 * @example const changed = await addToMeasures(inputs, index, names);
 */
export async function addToMeasures(inputs: MeasureInput[], index: CorpusIndex, names: Map<string, string>): Promise<{ changed: Map<string, MeasureRecord>; measureOf: Map<string, string> }> {
  const changed = new Map<string, MeasureRecord>();
  const measureOf = new Map<string, string>();
  for (const c of inputs) {
    const key = measureKey(c);
    if (!key) continue;
    const loose = looseKey(c);
    const id = `m:${slug(key.slice(2).replace(/\|/g, ' '))}-${key.length.toString(36)}${hashKey(key)}`;
    let rec = changed.get(id) ?? editable(await index.getMeasure(id));
    if (!rec) {
      rec = { id, label: labelOf(c), of: c.of, subject: c.subjectName ?? c.subject, place: c.placeName ?? c.place, claims: [], points: [], conflict: false, explanation: '', keys: [key, ...(loose ? [loose] : [])] };
    }
    if (!rec.claims.includes(c.claim)) {
      rec.claims.push(c.claim);
      rec.points.push(c.point);
      rec.points.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    }
    changed.set(id, rec);
    measureOf.set(c.claim, id);
  }
  for (const rec of changed.values()) await finishMeasure(rec, index, names);
  return { changed, measureOf };
}

/**
 * A measure read from the index, copied before it is changed: a record once put is never changed in place, so an
 * index may keep the object itself rather than a serialised copy (the SQL index does; see IMMUTABLE_KINDS there).
 */
function editable(m: MeasureRecord | null): MeasureRecord | null {
  return m && { ...m, claims: [...m.claims], points: [...m.points] };
}

function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Key prefix of the documents of a story-bound measure (storyBound), so a story revision finds the measures to recompute. */
const DOC_KEY = 'd:';

/** A scoped event count: its reports are compared only within one story (see `apart`). */
function storyBound(rec: MeasureRecord): boolean {
  return !!(rec.subject || rec.place) && isEventCount(rec.of);
}

/** Set a story-bound measure's document keys to the documents of its points. */
function withDocKeys(rec: MeasureRecord): void {
  if (!storyBound(rec)) return;
  const docs = new Set<string>();
  for (const p of rec.points) docs.add(docOf(p));
  rec.keys = [...rec.keys.filter((k) => !k.startsWith(DOC_KEY)), ...[...docs].map((d) => DOC_KEY + d)];
}

/**
 * Recompute the story-bound measures (scoped event counts) holding any of `docIds`, after their stories changed
 * (a story revision moved them); returns the measures rewritten.
 * @example const changed = await refreshStoryBoundMeasures(rev.movedDocuments, index, new Map());
 */
export async function refreshStoryBoundMeasures(docIds: Iterable<string>, index: CorpusIndex, names: Map<string, string>): Promise<MeasureRecord[]> {
  const keys = [...new Set(docIds)].map((d) => DOC_KEY + d);
  const out: MeasureRecord[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += 200) {
    for (const m of await index.measuresByKeys(keys.slice(i, i + 200), 1_000)) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      const rec = editable(m)!;
      const before = `${rec.conflict}|${rec.explanation}`;
      await finishMeasure(rec, index, names);
      if (`${rec.conflict}|${rec.explanation}` !== before) out.push(rec);
    }
  }
  return out;
}

/** Recompute conflict and explanation (with related scopes) and the document keys, and write the measure. */
export async function finishMeasure(rec: MeasureRecord, index: CorpusIndex, names: Map<string, string>): Promise<void> {
  withDocKeys(rec);
  // Claimants first seen in earlier documents are named from the index, never shown as ids.
  const missing = new Set<string>();
  for (const p of rec.points) if (p.claimant && !names.has(p.claimant) && missing.size < MAX_FIGURES * 2) missing.add(p.claimant);
  for (const id of missing) {
    const e = await index.getEntity(id);
    if (e) names.set(id, e.name);
  }
  // A story-bound measure compares reports within a story: each compared document's story, as now stored.
  let storyOf: Map<string, string> | undefined;
  if (storyBound(rec)) {
    storyOf = new Map();
    for (const f of figuresOf(rec.points)) {
      for (const p of f.holders) {
        const d = docOf(p);
        if (storyOf.has(d)) continue;
        const doc = await index.getDocument(d);
        if (doc?.story) storyOf.set(d, doc.story);
      }
    }
  }
  const { conflict, explanation } = explainPoints(rec.points, names, !!(rec.subject || rec.place), storyOf);
  rec.conflict = conflict;
  rec.explanation = explanation;
  const loose = rec.keys.find((k) => k.startsWith('o:'));
  if (loose) {
    const related = (await index.measuresByKeys([loose], 10)).filter((m) => m.id !== rec.id);
    if (related.length) rec.explanation += `; related figures with a different scope (not compared): ${related.map((m) => m.label).join(', ')}`;
  }
  await index.putMeasure(rec);
}

/** Remove claims (now background) from their measures; returns changed and emptied measures. */
export async function removeFromMeasures(
  claims: { id: string; measure: string | null }[],
  index: CorpusIndex,
  names: Map<string, string>,
): Promise<{ changed: Map<string, MeasureRecord>; removed: string[] }> {
  const changed = new Map<string, MeasureRecord>();
  const removed: string[] = [];
  for (const c of claims) {
    if (!c.measure) continue;
    const rec = changed.get(c.measure) ?? editable(await index.getMeasure(c.measure));
    if (!rec) continue;
    const i = rec.claims.indexOf(c.id);
    if (i < 0) continue;
    rec.claims.splice(i, 1);
    rec.points = rec.points.filter((p) => p.claim !== c.id);
    changed.set(rec.id, rec);
  }
  for (const rec of [...changed.values()]) {
    if (rec.claims.length === 0) {
      await index.deleteMeasure(rec.id);
      changed.delete(rec.id);
      removed.push(rec.id);
    } else await finishMeasure(rec, index, names);
  }
  return { changed, removed };
}
