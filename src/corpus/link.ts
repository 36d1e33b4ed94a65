/**
 * Cross-document linking, one document at a time: entities, shared background, quote groups,
 * measures and stories. Work per document is bounded by key lookups in a CorpusIndex.
 */
import type { Analysis, ClaimOut, DocBundle, EntityOut, MeasureOut, MentionOut, QuoteOut, StoryOut } from '../analysis/types.js';
import type { CorpusIndex, EntityRecord, MeasureRecord, StoryRecord } from './corpus-index.js';
import { MemoryCorpusIndex } from './corpus-index.js';
import type { LinkResult } from './link-result.js';
import { resolveEntities } from './entities.js';
import { insideAny, recordBackground, scanBackground } from './background.js';
import { groupQuotes } from './quote-groups.js';
import type { QuoteInput } from './quote-groups.js';
import { addToMeasures, countedKey, countedState, isHedged, refreshStoryBoundMeasures, removeFromMeasures } from './measures.js';
import type { MeasureInput } from './measures.js';
import { assignStory, STORY } from './stories.js';
import { reviseStories } from './story-revise.js';
import { normKey } from './text.js';

export type { LinkResult } from './link-result.js';

function entityOut(r: EntityRecord): EntityOut {
  return { id: r.id, name: r.name, type: r.type, aliases: r.aliases, roles: r.roles };
}

/** A story record as output (no label when it has none). @example storyOut(await index.getStory(id)) */
export function storyOut(s: StoryRecord): StoryOut {
  return { id: s.id, documents: s.documents, ...(s.label ? { label: s.label } : {}) };
}

/** A measure record as output (points without their document and group). @example measureOut(await index.getMeasure(id)) */
export function measureOut(m: MeasureRecord): MeasureOut {
  const points = m.points.map((p) => ({ claim: p.claim, claimant: p.claimant, date: p.date, low: p.low, high: p.high, qualifier: p.qualifier }));
  return { id: m.id, label: m.label, claims: m.claims, conflict: m.conflict, explanation: m.explanation, of: m.of, subject: m.subject, place: m.place, points };
}

/** Whether the figure at [start, end) is hedged: the words before its first digit, inside or just before the value span. */
function hedgedAt(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 24);
  const span = text.slice(from, end);
  const digit = span.slice(start - from).search(/\d/);
  return isHedged(span.slice(0, digit < 0 ? span.length : start - from + digit));
}

/**
 * Link one analyzed document into the corpus: updates `index` and returns what changed.
 * @example const result = await linkDocument(bundle, new MemoryCorpusIndex());
 */
export async function linkDocument(bundle: DocBundle, index: CorpusIndex): Promise<LinkResult> {
  return index.transaction ? index.transaction(() => linkOne(bundle, index)) : linkOne(bundle, index);
}

async function linkOne(bundle: DocBundle, index: CorpusIndex): Promise<LinkResult> {
  const doc = bundle.document;
  // 1. Entities.
  const { ids, changed: changedEntities } = await resolveEntities(bundle.entities, index);
  const g = (local: string | null): string | null => (local === null ? null : (ids.get(local) ?? local));
  const names = new Map<string, string>();
  for (const r of changedEntities.values()) names.set(r.id, r.name);
  const mentions: MentionOut[] = bundle.mentions.map((m) => ({ ...m, entity: g(m.entity)! }));
  const quotes: QuoteOut[] = bundle.quotes.map((q) => ({ ...q, speaker: g(q.speaker), via: q.via.map((v) => g(v)!) }));
  // Subject and place strings resolve to a global entity when a local entity carries that name.
  const byName = new Map<string, string>();
  for (const e of bundle.entities) for (const n of [e.name, ...e.aliases]) if (n) byName.set(normKey(n), ids.get(e.id) ?? e.id);
  const resolveName = (s: string | null): string | null => (s === null ? null : (byName.get(normKey(s)) ?? ids.get(s) ?? null));

  // 2. Shared background: this document's claims inside units the outlet published before.
  const scan = await scanBackground(doc.id, doc.outlet, doc.text, index);
  const claims: ClaimOut[] = bundle.claims.map((c) => ({
    ...c,
    claimant: g(c.claimant),
    background: c.background || insideAny(c.value, scan.repeated),
  }));

  // 3. Quote groups.
  const quoteInputs: QuoteInput[] = quotes.map((q) => ({
    id: q.id,
    doc: doc.id,
    text: q.text,
    speaker: q.speaker,
    speakerName: q.speaker ? (names.get(q.speaker) ?? null) : null,
    outlet: doc.outlet,
    published: doc.published,
    via: q.via.map((v) => names.get(v) ?? v),
    background: insideAny({ start: q.start, end: q.end }, scan.repeated),
  }));
  const grouping = await groupQuotes(quoteInputs, index);

  // 4. Story, before the measures: their event counts compare reports within a story. Over the text less the
  // outlet's repeated background; a text nearly all repeated is a republication, kept whole.
  let storyText = doc.text;
  if (!isRepublication(scan.units, scan.repeated)) for (const u of [...scan.repeated].reverse()) storyText = storyText.slice(0, u.start) + storyText.slice(u.end);
  const mentionCount = new Map<string, number>();
  for (const m of mentions) mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
  const entityOrder = [...new Set([...ids.values()])].sort((a, b) => (mentionCount.get(b) ?? 0) - (mentionCount.get(a) ?? 0) || (a < b ? -1 : 1));
  // People quoted outside backgrounders: a different person speaking is evidence of a different event;
  // organisations and places named as sources, and backgrounder quotes, say nothing about that.
  const people = new Set(bundle.entities.filter((e) => e.type === 'person').map((e) => ids.get(e.id) ?? e.id));
  const spoken = quotes.filter((q) => q.speaker !== null && people.has(q.speaker) && !insideAny({ start: q.start, end: q.end }, scan.repeated));
  const speakers = [...new Set(spoken.map((q) => q.speaker!))];
  const ledBy = spoken.find((q) => q.start < STORY.leadChars)?.speaker ?? null;
  const story = await assignStory(
    {
      id: doc.id,
      outlet: doc.outlet,
      published: doc.published,
      title: doc.title,
      text: storyText,
      entities: entityOrder,
      speakers,
      ledBy,
      quoteGroups: [...new Set(grouping.groupOf.values())],
      docsSharing: grouping.docsSharing,
      // Computed by the analysis worker over the whole text: valid only when no background was cut out.
      prepared: storyText === doc.text ? (bundle.prepared ?? null) : null,
    },
    index,
  );

  // 5. Measures from this document's new statements.
  const measureInputs: MeasureInput[] = [];
  for (const c of claims) {
    if (c.background) continue;
    // "Hezbollah militants": the name inside the counted thing is its subject.
    const split = splitNamedOf(c.of, bundle.entities);
    if (split.name && !c.subject) c.subject = split.name;
    // "Houthi fighters" as the subject of a count of fighters: the group is the name before the counted noun.
    const subjectId = resolveName(c.subject) ?? resolveName(nameBeforeCounted(c.subject, split.of));
    const placeId = resolveName(c.place);
    // "three-quarters of the world's computers", "a third of voters": a share of the counted thing, never a count of it.
    const unit = c.unit ?? (c.low > 0 && c.high < 1 ? 'fraction' : null);
    measureInputs.push({
      claim: c.id,
      // What happened to the people counted is part of the quantity: "people killed", "people injured".
      of: (unit === null ? countedState(doc.text, c.value, split.of) : null) ?? split.of,
      unit,
      subject: subjectId ?? c.subject,
      place: placeId ?? c.place,
      subjectName: subjectId ? (names.get(subjectId) ?? c.subject) : c.subject,
      placeName: placeId ? (names.get(placeId) ?? c.place) : c.place,
      point: {
        claim: c.id,
        claimant: c.claimant,
        date: doc.published,
        low: c.low,
        high: c.high,
        qualifier: c.qualifier,
        doc: doc.id,
        group: c.quote ? (grouping.groupOf.get(c.quote) ?? null) : null,
        hedged: hedgedAt(doc.text, c.value.start, c.value.end),
      },
    });
  }
  const added = await addToMeasures(measureInputs, index, names);

  // 6. Record units; claims of earlier documents in units repeated now become background.
  const earlier = await recordBackground(
    scan,
    doc.id,
    claims.map((c) => ({ id: c.id, value: c.value, measure: added.measureOf.get(c.id) ?? null })),
    index,
  );
  const removed = await removeFromMeasures(earlier, index, names);
  const measures = new Map<string, MeasureRecord>(added.changed);
  for (const [id, m] of removed.changed) measures.set(id, m);
  for (const id of removed.removed) measures.delete(id);
  // Stories merged by this document: reports in them that were apart may now be compared (a rename alone changes nothing).
  const renamedOnly = story.merges.length === 1 && story.story === `story:${doc.id}`;
  if (story.merges.length && !renamedOnly) {
    // A refreshed record is the newest version, also of a measure this document changed above.
    for (const m of await refreshStoryBoundMeasures(story.stories.flatMap((st) => st.documents), index, names)) measures.set(m.id, m);
  }

  const stories: StoryOut[] = story.stories.map(storyOut);
  return {
    doc: doc.id,
    entityIds: Object.fromEntries(ids),
    entities: [...changedEntities.values()].map(entityOut),
    mentions,
    quotes,
    claims,
    story: story.story,
    stories,
    storyMerges: story.merges,
    quoteGroups: [...grouping.groups.values()],
    quoteGroupMerges: grouping.merges,
    quoteGroupOf: Object.fromEntries(grouping.groupOf),
    measures: [...measures.values()].map(measureOut),
    measuresRemoved: removed.removed,
    measureOf: Object.fromEntries(added.measureOf),
    background: [...claims.filter((c) => c.background).map((c) => c.id), ...earlier.map((c) => c.id)],
  };
}

/** Share of a document's hashed text an outlet must have published before for the document to be a republication (nearly all of it), not an article with a long backgrounder. */
export const REPUBLISHED_SHARE = 0.8;

/**
 * True when nearly all of a document's hashed text repeats the outlet's earlier documents: the outlet republished an article
 * (an update, a repost), and the repeated units are its body, not background to strip before story clustering.
 * @example isRepublication([{ hash: 'a', start: 0, end: 90 }], [{ hash: 'a', start: 0, end: 90 }]) // true
 */
export function isRepublication(units: readonly { start: number; end: number }[], repeated: readonly { start: number; end: number }[]): boolean {
  let all = 0;
  let rep = 0;
  for (const u of units) all += u.end - u.start;
  for (const u of repeated) rep += u.end - u.start;
  return all > 0 && rep / all >= REPUBLISHED_SHARE;
}

/**
 * Split a name off a counted thing ("Hezbollah militants" -> name 'Hezbollah', of 'militants'), using the document's entity names.
 * @example splitNamedOf('Hezbollah militants', entities) // { of: 'militants', name: 'Hezbollah' }
 */
export function splitNamedOf(of: string | null, entities: EntityOut[]): { of: string | null; name: string | null } {
  if (!of) return { of, name: null };
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      if (!n || n.length < 2 || !of.includes(n)) continue;
      const re = new RegExp(`(^|\\s)${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
      const m = re.exec(of);
      if (!m) continue;
      const rest = (of.slice(0, m.index) + ' ' + of.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
      if (rest) return { of: rest, name: n };
    }
  }
  return { of, name: null };
}

/**
 * A subject phrase that ends in the counted noun, less that noun ("Houthi fighters" counting fighters gives
 * 'Houthi'); null when the phrase does not end in it or no capitalised name is left.
 * @example nameBeforeCounted('Houthi fighters', 'fighters') // 'Houthi'
 */
export function nameBeforeCounted(subject: string | null, of: string | null): string | null {
  if (!subject || !of) return null;
  const head = countedKey(of).split(' ').pop();
  const m = /^(.*\S)\s+(\S+)$/u.exec(subject.trim());
  if (!head || !m || countedKey(m[2]!) !== head) return null;
  return /\p{Lu}/u.test(m[1]!) ? m[1]! : null;
}

/** Earliest first: published date (unknown last), then id. */
function compareBundles(a: DocBundle, b: DocBundle): number {
  const da = a.document.published ?? '9999';
  const db = b.document.published ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0;
}

/**
 * Link several documents in memory (ordered by published date, then id) and return the cross-document analysis.
 * @example const analysis = await linkCorpus(bundles);
 */
export async function linkCorpus(bundles: DocBundle[]): Promise<Omit<Analysis, 'errors'>> {
  const index = new MemoryCorpusIndex();
  const ordered = [...bundles].sort(compareBundles);
  const mentions: MentionOut[] = [];
  const quotes: QuoteOut[] = [];
  const claims: ClaimOut[] = [];
  const background = new Set<string>();
  for (const b of ordered) {
    const r = await linkDocument(b, index);
    mentions.push(...r.mentions);
    quotes.push(...r.quotes);
    claims.push(...r.claims);
    for (const id of r.background) background.add(id);
  }
  for (const c of claims) if (background.has(c.id)) c.background = true;
  const rev = await reviseStories(ordered.map((b) => b.document.id), index);
  await refreshStoryBoundMeasures(rev.movedDocuments, index, new Map());
  const byFirst = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    documents: ordered.map((b) => b.document),
    entities: [...index.entities.byId.values()].map(entityOut).sort(byFirst),
    mentions,
    quotes,
    claims,
    stories: [...index.stories.values()]
      .map(storyOut)
      .sort(byFirst),
    quoteGroups: [...index.quoteGroups.values()].map((q) => ({ id: q.id, quotes: q.quotes, speaker: q.speaker, provenance: q.provenance })).sort(byFirst),
    measures: [...index.measures.byId.values()].map(measureOut).sort(byFirst),
  };
}
