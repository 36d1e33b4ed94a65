/** Hand-built DocBundles and LinkResults for the store suite (until the analysis pipeline lands). */
import { createHash } from 'node:crypto';
import type { ClaimOut, DocBundle, EntityOut, QuoteOut } from '../../src/analysis/types.js';
import type { LinkResult } from '../../src/corpus/link-result.js';

export interface DocSpec {
  id: string;
  text: string;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  published?: string | null;
  /** [name, type, surface text to find in `text`] */
  entities?: [string, EntityOut['type'], string][];
  /** [quoted text found in `text`, speaker name] */
  quotes?: [string, string | null][];
  /** [claim text found in `text`, low, high, claimant name] */
  claims?: [string, number, number, string | null][];
}

export function entityId(name: string): string {
  return 'e_' + name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/** A bundle with global entity ids (as if already linked). */
export function bundle(s: DocSpec): DocBundle {
  const hash = createHash('sha256').update(s.text).digest('hex');
  const entities: EntityOut[] = (s.entities ?? []).map(([name, type]) => ({ id: entityId(name), name, type, aliases: [name.split(' ').pop()!], roles: [] }));
  const mentions = (s.entities ?? []).flatMap(([name, , surface]) => {
    const out = [];
    for (let i = s.text.indexOf(surface); i >= 0; i = s.text.indexOf(surface, i + 1)) out.push({ entity: entityId(name), doc: s.id, start: i, end: i + surface.length });
    return out;
  });
  const quotes: QuoteOut[] = (s.quotes ?? []).map(([t, speaker]) => {
    const start = s.text.indexOf(t);
    if (start < 0) throw new Error(`fixture quote not in text: ${t}`);
    return { id: `${s.id}.q${start}`, doc: s.id, start, end: start + t.length, text: t, kind: 'direct', speaker: speaker ? entityId(speaker) : null, source: null, cue: 'said', via: [] };
  });
  const claims: ClaimOut[] = (s.claims ?? []).map(([t, low, high, claimant]) => {
    const start = s.text.indexOf(t);
    if (start < 0) throw new Error(`fixture claim not in text: ${t}`);
    return {
      id: `${s.id}.c${start}`, doc: s.id, start, end: start + t.length, text: t, low, high, qualifier: low === high ? 'exact' : 'approx', of: 'people', unit: null,
      direction: null, subject: null, place: null, claimant: claimant ? entityId(claimant) : null, quote: null, baseline: null, background: false,
      value: { start, end: start + t.length }, outOf: null, claimantFrom: claimant ? 'speaker' : null,
    };
  });
  return {
    document: {
      id: s.id, path: null, url: s.url ?? null, outlet: s.outlet ?? null, title: s.title ?? null, published: s.published ?? null, publishedInferred: false,
      dateline: null, language: 'en', text: s.text, removed: [{ text: 'Share this article', reason: 'share-prompt' }], contentHash: hash,
    },
    entities, mentions, quotes, claims,
  };
}

/** A LinkResult that puts the document in `story` and passes its layers through. */
export function linkOf(b: DocBundle, story: string, storyDocs: string[], extra: Partial<LinkResult> = {}): LinkResult {
  return {
    doc: b.document.id, entityIds: Object.fromEntries(b.entities.map((e) => [e.id, e.id])), entities: b.entities, mentions: b.mentions, quotes: b.quotes,
    claims: b.claims, story, stories: [{ id: story, documents: storyDocs, label: b.document.title ?? undefined }], storyMerges: [], quoteGroups: [],
    quoteGroupMerges: [], quoteGroupOf: {}, measures: [], measuresRemoved: [], measureOf: {}, background: [], ...extra,
  };
}

export const DOCS: DocSpec[] = [
  {
    id: 'd1', url: 'https://news.example/a/1', outlet: 'Example Wire', title: 'Ministry reports floods in the north', published: '2024-03-01',
    text: 'The interior ministry said on Friday that floods had displaced 1,200 people. "We are sending rescue teams to every district," Maria Lopez said. Lopez visited Valencia.',
    entities: [['Maria Lopez', 'person', 'Lopez'], ['Valencia', 'location', 'Valencia']],
    quotes: [['We are sending rescue teams to every district', 'Maria Lopez']],
    claims: [['displaced 1,200 people', 1200, 1200, 'Maria Lopez']],
  },
  {
    id: 'd2', url: 'https://other.example/story/2', outlet: 'Daily Other', title: 'Floods: rescue teams arrive', published: '2024-03-02',
    text: 'Rescue teams reached the flooded villages on Saturday. "We are sending rescue teams to every district," Lopez said, adding that about 1,500 people had left their homes.',
    entities: [['Maria Lopez', 'person', 'Lopez']],
    quotes: [['We are sending rescue teams to every district', 'Maria Lopez']],
    claims: [['about 1,500 people', 1500, 1500, 'Maria Lopez']],
  },
  {
    id: 'd3', url: 'https://news.example/a/3', outlet: 'Example Wire', title: 'Central bank holds rates', published: '2024-04-10',
    text: 'The central bank kept its main rate at 4 percent, governor Ahmed Khan said, citing stubborn inflation in France.',
    entities: [['Ahmed Khan', 'person', 'Ahmed Khan'], ['France', 'location', 'France']],
    quotes: [],
    claims: [['at 4 percent', 4, 4, 'Ahmed Khan']],
  },
];
