/**
 * OpenAPI 3.1 document generated from the route table (ROUTES + INGEST_ROUTE), so it cannot drift.
 */
import { ERROR_CODES } from '../errors.js';
import { paramSchema, type ParamSpec } from './params.js';
import { ROUTES, type RouteSpec } from './routes.js';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const nstr: Schema = { type: ['string', 'null'] };
const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: Schema): Schema => ({ type: 'array', items });
/** An object with these properties, all required; extra properties allowed (fields may be added over time). */
const obj = (props: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  properties: props,
  required: Object.keys(props).filter((k) => !optional.includes(k)),
});
const span: Schema = obj({ start: int, end: int });
const qualifier: Schema = { type: 'string', enum: ['exact', 'approx', 'up_to', 'at_least', 'more_than', 'less_than'] };
const page = (item: Schema): Schema => obj({ items: arr(item), total: int, limit: int, offset: int });
const withOutlet = (base: string): Schema => ({ allOf: [ref(base), obj({ outlet: nstr, published: nstr })] });

const documentFields = {
  id: str, path: nstr, url: nstr, outlet: nstr, title: nstr, published: nstr, publishedInferred: bool,
  dateline: nstr, language: nstr, contentHash: str,
};

/** Component schemas for every response. */
export const SCHEMAS: Record<string, Schema> = {
  ApiError: obj({
    error: obj({ code: { type: 'string', enum: Object.keys(ERROR_CODES) }, message: str, details: { type: 'object' } }),
  }),
  Counts: obj(Object.fromEntries(['documents', 'entities', 'mentions', 'quotes', 'claims', 'stories', 'quoteGroups', 'measures', 'conflicts'].map((k) => [k, int]))),
  DocumentSummary: obj({ ...documentFields, story: nstr, quoteCount: int, claimCount: int }),
  Document: obj({ ...documentFields, text: str, removed: arr(obj({ text: str, reason: str })), story: nstr }, ['story']),
  Entity: obj({ id: str, name: str, type: { type: 'string', enum: ['person', 'organization', 'location', 'group'] }, aliases: arr(str), roles: arr(obj({ title: str, organization: nstr })) }),
  EntityWithCounts: { allOf: [ref('Entity'), obj({ mentionCount: int, quoteCount: int })] },
  Mention: obj({ entity: str, doc: str, start: int, end: int }),
  Quote: obj({
    id: str, doc: str, start: int, end: int, text: str, kind: { type: 'string', enum: ['direct', 'partial', 'indirect'] },
    speaker: nstr, source: { oneOf: [span, { type: 'null' }] }, cue: nstr, via: arr(str),
  }),
  Claim: obj({
    id: str, doc: str, start: int, end: int, text: str, low: num, high: num, qualifier, of: nstr, unit: nstr,
    direction: { enum: ['up', 'down', null] }, subject: nstr, place: nstr, claimant: nstr, quote: nstr,
    baseline: { oneOf: [obj({ low: num, high: num, qualifier, text: str }), { type: 'null' }] }, background: bool,
    value: span, outOf: { type: ['number', 'null'] }, claimantFrom: { enum: ['speaker', 'source', 'outlet', null] },
  }),
  QuoteWithOutlet: withOutlet('Quote'),
  ClaimWithOutlet: withOutlet('Claim'),
  Story: obj({ id: str, documents: arr(str), label: str }, ['label']),
  StoryWithDate: { allOf: [ref('Story'), obj({ published: nstr })] },
  ProvenanceStep: obj({ entity: nstr, name: str, role: { enum: ['speaker', 'outlet', 'relay'] }, doc: nstr, date: nstr }),
  QuoteGroup: obj({ id: str, quotes: arr(str), speaker: nstr, provenance: arr(ref('ProvenanceStep')) }, ['speaker', 'provenance']),
  MeasurePoint: obj({ claim: str, claimant: nstr, date: nstr, low: num, high: num, qualifier }),
  Measure: obj(
    { id: str, label: str, claims: arr(str), conflict: bool, explanation: str, of: nstr, subject: nstr, place: nstr, points: arr(ref('MeasurePoint')) },
    ['of', 'subject', 'place', 'points'],
  ),
  DocumentPage: page(ref('DocumentSummary')),
  DocumentDetail: obj({ document: ref('Document'), entities: arr(ref('Entity')), mentions: arr(ref('Mention')), quotes: arr(ref('Quote')), claims: arr(ref('Claim')) }),
  EntityPage: page(ref('EntityWithCounts')),
  EntityDetail: obj({
    entity: ref('EntityWithCounts'), quotes: arr(ref('QuoteWithOutlet')), claims: arr(ref('ClaimWithOutlet')),
    outlets: arr(obj({ outlet: str, count: int })), documents: arr(ref('DocumentSummary')),
  }),
  QuotePage: page(ref('QuoteWithOutlet')),
  ClaimPage: page(ref('ClaimWithOutlet')),
  StoryPage: page(ref('StoryWithDate')),
  StoryDetail: obj({
    story: ref('Story'), documents: arr(ref('DocumentSummary')),
    quoteGroups: arr({ allOf: [ref('QuoteGroup'), obj({ members: arr(ref('QuoteWithOutlet')) })] }),
  }),
  QuoteGroupPage: page(ref('QuoteGroup')),
  MeasurePage: page(ref('Measure')),
  MeasureDetail: obj({ measure: ref('Measure'), claims: arr({ allOf: [ref('ClaimWithOutlet'), obj({ claimantName: nstr })] }) }),
  SearchResult: {
    allOf: [
      page(obj({ kind: { enum: ['document', 'quote', 'claim'] }, id: str, doc: str, title: nstr, outlet: nstr, published: nstr, snippet: str, score: num })),
      obj({ facets: obj(Object.fromEntries(['outlet', 'speaker', 'entity', 'date'].map((k) => [k, arr(obj({ value: str, label: str, count: int }))]))) }),
    ],
  },
  OutletList: arr(obj({ outlet: str, count: int })),
  PlaceList: arr(obj({ entity: str, name: str, country: nstr, count: int, ccn3: nstr })),
  SettingList: arr(obj({ name: str, type: { enum: ['string', 'number', 'boolean'] }, default: {}, value: {}, secret: bool, help: str })),
  IngestRequest: obj({ url: str, text: str, name: str }, ['url', 'text', 'name']),
  IngestResponse: obj({
    results: arr(obj({ input: str, ok: bool, documents: arr(str), error: { oneOf: [obj({ code: str, message: str }), { type: 'null' }] } })),
  }),
};

/** The one state-changing route, declared here so app.ts registers exactly what the document says. */
export const INGEST_ROUTE = {
  method: 'post',
  path: '/api/ingest',
  operationId: 'ingest',
  tag: 'ingest',
  summary: 'Ingest uploaded files (multipart field `file`), a pasted text, or a URL/feed (JSON). Requires the x-crosscheck-client header.',
} as const;

function parameters(route: Pick<RouteSpec, 'query' | 'pathParams'>): Schema[] {
  const out: Schema[] = [];
  const add = (where: 'query' | 'path', name: string, spec: ParamSpec) =>
    out.push({
      name, in: where, required: where === 'path' || ('required' in spec && spec.required === true),
      description: spec.help, schema: paramSchema(spec),
    });
  for (const [name, spec] of Object.entries(route.pathParams)) add('path', name, spec);
  for (const [name, spec] of Object.entries(route.query)) add('query', name, spec);
  return out;
}

function errorResponses(codes: (keyof typeof ERROR_CODES)[]): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const c of codes) {
    const status = String(ERROR_CODES[c].http);
    out[status] = { description: ERROR_CODES[c].summary, content: { 'application/json': { schema: ref('ApiError') } } };
  }
  return out;
}

/**
 * Build the OpenAPI 3.1 document.
 * @example openApiDocument().paths['/api/counts'].get.operationId // 'counts'
 */
export function openApiDocument(opts: { token?: boolean } = {}): Record<string, any> {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const r of ROUTES) {
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      operationId: r.operationId, summary: r.summary, tags: [r.tag], parameters: parameters(r),
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ref(r.response) } } },
        ...errorResponses(['E_USAGE', 'E_NOT_FOUND', 'E_FORBIDDEN', 'E_STORE', 'E_TIMEOUT']),
      },
    };
  }
  paths[INGEST_ROUTE.path] = {
    [INGEST_ROUTE.method]: {
      operationId: INGEST_ROUTE.operationId, summary: INGEST_ROUTE.summary, tags: [INGEST_ROUTE.tag],
      parameters: [{ name: 'x-crosscheck-client', in: 'header', required: true, schema: str }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('IngestRequest') },
          'multipart/form-data': { schema: obj({ file: arr({ type: 'string', format: 'binary' }) }) },
        },
      },
      responses: {
        200: { description: 'One result per input', content: { 'application/json': { schema: ref('IngestResponse') } } },
        ...errorResponses(['E_USAGE', 'E_INPUT', 'E_FORBIDDEN', 'E_FETCH']),
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Crosscheck API', version: '0.1.0', description: 'Who claimed what, when, with which figures. Every error has the ApiError shape.' },
    paths,
    components: {
      schemas: SCHEMAS,
      ...(opts.token ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
    },
    ...(opts.token ? { security: [{ bearer: [] }] } : {}),
  };
}
