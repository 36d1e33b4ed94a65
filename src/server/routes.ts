/**
 * The route table: one list registers the Hono routes, validates their inputs and generates
 * `/api/openapi.json`, so the API and its description cannot drift apart.
 */
import worldCountries from 'world-countries';
import { NotFoundError } from '../errors.js';
import { SETTINGS, type Settings, type SettingSpec } from '../settings.js';
import type { ListQuery, SearchKind, StoreReader } from '../store/types.js';
import type { PlaceOut, SettingOut } from './api-types.js';
import { P, PAGE, type ParamSpec, type ParamValue } from './params.js';

export interface RouteContext {
  store: StoreReader;
  query: Record<string, ParamValue>;
  params: Record<string, string>;
  settings: Partial<Settings>;
}

export interface RouteSpec {
  method: 'get';
  /** OpenAPI-style path, e.g. `/api/documents/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query: Readonly<Record<string, ParamSpec>>;
  /** Path parameters, in order. */
  pathParams: Readonly<Record<string, ParamSpec>>;
  /** Name of the response schema in components.schemas. */
  response: string;
  handler(ctx: RouteContext): Promise<unknown>;
}

const ID = { id: { type: 'id', help: 'Record id.' } } as const satisfies Record<string, ParamSpec>;
const ENTITY_TYPES = ['person', 'organization', 'location', 'group'] as const;
const SEARCH_KINDS = ['document', 'quote', 'claim'] as const;

function listQuery(q: Record<string, ParamValue>): ListQuery {
  const out: Record<string, unknown> = {};
  for (const k of ['q', 'entity', 'speaker', 'outlet', 'doc', 'story', 'from', 'to', 'limit', 'offset'] as const) {
    if (q[k] !== undefined) out[k] = q[k];
  }
  return out as ListQuery;
}

async function found<T>(value: Promise<T | null>, what: string, id: string): Promise<T> {
  const v = await value;
  if (v === null || v === undefined) throw new NotFoundError(`no ${what} with id '${id}'`, { kind: what, id });
  return v;
}

/** Settings whose values are never shown by the API. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['token']);

let ccn3ByCode: Map<string, string> | null = null;
/** ISO numeric code (as world-atlas uses) for an alpha-3, alpha-2 or numeric country code. */
export function countryNumeric(code: string | null): string | null {
  if (!code) return null;
  if (!ccn3ByCode) {
    ccn3ByCode = new Map();
    for (const c of worldCountries as unknown as { cca2: string; cca3: string; ccn3: string }[]) {
      if (!c.ccn3) continue;
      ccn3ByCode.set(c.cca3.toUpperCase(), c.ccn3);
      ccn3ByCode.set(c.cca2.toUpperCase(), c.ccn3);
      ccn3ByCode.set(c.ccn3, c.ccn3);
    }
  }
  return ccn3ByCode.get(code.toUpperCase()) ?? null;
}

/** Every GET route of the JSON API. */
export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'get', path: '/api/counts', operationId: 'counts', tag: 'overview', summary: 'Totals of every record kind.',
    query: {}, pathParams: {}, response: 'Counts',
    handler: ({ store }) => store.counts(),
  },
  {
    method: 'get', path: '/api/documents', operationId: 'listDocuments', tag: 'documents', summary: 'Documents, newest first.',
    query: { q: P.q, entity: P.entity, speaker: P.speaker, outlet: P.outlet, story: P.story, from: P.from, to: P.to, ...PAGE },
    pathParams: {}, response: 'DocumentPage',
    handler: ({ store, query }) => store.listDocuments(listQuery(query)),
  },
  {
    method: 'get', path: '/api/documents/{id}', operationId: 'getDocument', tag: 'documents', summary: 'One document with its entities, mentions, quotes and claims.',
    query: {}, pathParams: ID, response: 'DocumentDetail',
    handler: ({ store, params }) => found(store.getDocument(params.id!), 'document', params.id!),
  },
  {
    method: 'get', path: '/api/entities', operationId: 'listEntities', tag: 'entities', summary: 'Entities, most mentioned first.',
    query: { q: P.q, type: { type: 'enum', help: 'Entity type.', values: ENTITY_TYPES }, outlet: P.outlet, doc: P.doc, story: P.story, ...PAGE },
    pathParams: {}, response: 'EntityPage',
    handler: ({ store, query }) => store.listEntities({ ...listQuery(query), ...(query.type ? { type: query.type as string } : {}) }),
  },
  {
    method: 'get', path: '/api/entities/{id}', operationId: 'getEntity', tag: 'entities', summary: 'One entity: roles, statements, outlets, documents.',
    query: {}, pathParams: ID, response: 'EntityDetail',
    handler: ({ store, params }) => found(store.getEntity(params.id!), 'entity', params.id!),
  },
  {
    method: 'get', path: '/api/quotes', operationId: 'listQuotes', tag: 'quotes', summary: 'Quotes, newest first.',
    query: { q: P.q, speaker: P.speaker, entity: P.entity, outlet: P.outlet, doc: P.doc, story: P.story, from: P.from, to: P.to, ...PAGE },
    pathParams: {}, response: 'QuotePage',
    handler: ({ store, query }) => store.listQuotes(listQuery(query)),
  },
  {
    method: 'get', path: '/api/claims', operationId: 'listClaims', tag: 'claims', summary: 'Numeric claims, newest first.',
    query: { q: P.q, speaker: P.speaker, entity: P.entity, outlet: P.outlet, doc: P.doc, story: P.story, from: P.from, to: P.to, ...PAGE },
    pathParams: {}, response: 'ClaimPage',
    handler: ({ store, query }) => store.listClaims(listQuery(query)),
  },
  {
    method: 'get', path: '/api/stories', operationId: 'listStories', tag: 'stories', summary: 'Stories (groups of articles about one event), newest first.',
    query: { q: P.q, entity: P.entity, outlet: P.outlet, from: P.from, to: P.to, ...PAGE },
    pathParams: {}, response: 'StoryPage',
    handler: ({ store, query }) => store.listStories(listQuery(query)),
  },
  {
    method: 'get', path: '/api/stories/{id}', operationId: 'getStory', tag: 'stories', summary: 'One story: its articles and quote groups with provenance.',
    query: {}, pathParams: ID, response: 'StoryDetail',
    handler: ({ store, params }) => found(store.getStory(params.id!), 'story', params.id!),
  },
  {
    method: 'get', path: '/api/quote-groups', operationId: 'listQuoteGroups', tag: 'quotes', summary: 'Groups of quotes that repeat one statement across outlets.',
    query: { speaker: P.speaker, story: P.story, doc: P.doc, ...PAGE },
    pathParams: {}, response: 'QuoteGroupPage',
    handler: ({ store, query }) => store.listQuoteGroups(listQuery(query)),
  },
  {
    method: 'get', path: '/api/measures', operationId: 'listMeasures', tag: 'measures', summary: 'Measures: one quantity as claimed by different sources.',
    query: { q: P.q, conflict: { type: 'boolean', help: 'Only measures whose claims conflict (true) or agree (false).' }, entity: P.entity, story: P.story, ...PAGE },
    pathParams: {}, response: 'MeasurePage',
    handler: ({ store, query }) =>
      store.listMeasures({ ...listQuery(query), ...(query.conflict !== undefined ? { conflict: query.conflict as boolean } : {}) }),
  },
  {
    method: 'get', path: '/api/measures/{id}', operationId: 'getMeasure', tag: 'measures', summary: "One measure with every claimant's figure.",
    query: {}, pathParams: ID, response: 'MeasureDetail',
    handler: ({ store, params }) => found(store.getMeasure(params.id!), 'measure', params.id!),
  },
  {
    method: 'get', path: '/api/search', operationId: 'search', tag: 'search', summary: 'Full-text search over documents, quotes and claims, with facets.',
    query: {
      q: { ...P.q, required: true },
      kinds: { type: 'enum-list', help: 'Kinds to search (default all).', values: SEARCH_KINDS },
      outlet: P.outlet, speaker: P.speaker, entity: P.entity, from: P.from, to: P.to, ...PAGE,
    },
    pathParams: {}, response: 'SearchResult',
    handler: ({ store, query }) =>
      store.search({ ...listQuery(query), ...(query.kinds ? { kinds: query.kinds as SearchKind[] } : {}) }),
  },
  {
    method: 'get', path: '/api/outlets', operationId: 'outlets', tag: 'overview', summary: 'Outlets with their document counts.',
    query: {}, pathParams: {}, response: 'OutletList',
    handler: ({ store }) => store.outlets(),
  },
  {
    method: 'get', path: '/api/places', operationId: 'places', tag: 'overview', summary: 'Mentioned places with counts and ISO numeric country codes for the map.',
    query: {}, pathParams: {}, response: 'PlaceList',
    handler: async ({ store }): Promise<PlaceOut[]> => (await store.places()).map((p) => ({ ...p, ccn3: countryNumeric(p.country) })),
  },
  {
    method: 'get', path: '/api/settings', operationId: 'settings', tag: 'overview', summary: 'The settings table with current values (secrets only as set/unset).',
    query: {}, pathParams: {}, response: 'SettingList',
    handler: async ({ settings }): Promise<SettingOut[]> =>
      (SETTINGS as readonly SettingSpec[]).map((s) => {
        const secret = SECRET_SETTINGS.has(s.name);
        const raw = (settings as Record<string, unknown>)[s.name];
        const value = raw === undefined ? s.default : (raw as string | number | boolean | null);
        return { name: s.name, type: s.type, default: secret ? null : s.default, value: secret ? (value ? '(set)' : null) : value, secret, help: s.help };
      }),
  },
];

/** Hono path for an OpenAPI path: `/api/documents/{id}` -> `/api/documents/:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
