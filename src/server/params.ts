/**
 * Query and path parameter specs: one declaration validates requests and describes them in OpenAPI.
 * Invalid values raise E_USAGE (HTTP 400) naming the parameter, what was expected and what was found.
 */
import { UsageError } from '../errors.js';

export type ParamSpec =
  | { type: 'string'; help: string; maxLength?: number; required?: boolean }
  | { type: 'id'; help: string; required?: boolean }
  | { type: 'integer'; help: string; min: number; max: number; default?: number }
  | { type: 'boolean'; help: string }
  | { type: 'date'; help: string }
  | { type: 'enum'; help: string; values: readonly string[] }
  | { type: 'enum-list'; help: string; values: readonly string[] };

/** Longest free-text query accepted; long enough for any real search, short enough to keep FTS cheap. */
export const MAX_QUERY_LENGTH = 500;
/** Page size cap: keeps every answer small on a 100,000-article store. */
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
/** Offset cap: deeper pages are refused rather than scanned (narrow the filters instead). */
export const MAX_OFFSET = 100_000;

const ID_RE = /^[\p{L}\p{N}_.:#@\-]{1,200}$/u;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Shared parameter declarations (reused across routes so they read the same everywhere). */
export const P = {
  q: { type: 'string', help: 'Full-text query.', maxLength: MAX_QUERY_LENGTH },
  entity: { type: 'id', help: 'Only items mentioning this entity id.' },
  speaker: { type: 'id', help: 'Only items whose speaker (or claimant) is this entity id.' },
  outlet: { type: 'string', help: 'Only items from this outlet (exact name).', maxLength: 200 },
  doc: { type: 'id', help: 'Only items from this document id.' },
  story: { type: 'id', help: 'Only items in this story id.' },
  from: { type: 'date', help: 'Published on or after this date (YYYY-MM-DD).' },
  to: { type: 'date', help: 'Published on or before this date (YYYY-MM-DD).' },
  limit: { type: 'integer', help: `Page size (1–${MAX_LIMIT}).`, min: 1, max: MAX_LIMIT, default: DEFAULT_LIMIT },
  offset: { type: 'integer', help: `Items to skip (0–${MAX_OFFSET}).`, min: 0, max: MAX_OFFSET, default: 0 },
} as const satisfies Record<string, ParamSpec>;

export const PAGE = { limit: P.limit, offset: P.offset } as const;

export type ParamValue = string | number | boolean | string[];

function fail(name: string, expected: string, found: string): never {
  throw new UsageError(`parameter '${name}': expected ${expected}, found ${JSON.stringify(found)}`, { parameter: name, expected, found });
}

/** Parse one raw value against its spec. */
export function parseParam(name: string, spec: ParamSpec, raw: string): ParamValue {
  switch (spec.type) {
    case 'string': {
      const max = spec.maxLength ?? MAX_QUERY_LENGTH;
      if (raw.length > max) fail(name, `at most ${max} characters`, raw.slice(0, 40) + '…');
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(raw)) fail(name, 'text without control characters', raw);
      return raw;
    }
    case 'id':
      if (!ID_RE.test(raw)) fail(name, 'an id (1–200 letters, digits or _.:#@-)', raw);
      return raw;
    case 'integer': {
      if (!/^-?\d{1,9}$/.test(raw)) fail(name, `an integer from ${spec.min} to ${spec.max}`, raw);
      const n = Number(raw);
      if (n < spec.min || n > spec.max) fail(name, `an integer from ${spec.min} to ${spec.max}`, raw);
      return n;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      return fail(name, 'true or false', raw);
    case 'date': {
      const m = DATE_RE.exec(raw);
      if (!m) fail(name, 'a date YYYY-MM-DD', raw);
      const d = new Date(Date.UTC(+m![1]!, +m![2]! - 1, +m![3]!));
      if (d.getUTCMonth() !== +m![2]! - 1 || d.getUTCDate() !== +m![3]!) fail(name, 'a real calendar date YYYY-MM-DD', raw);
      return raw;
    }
    case 'enum':
      if (!spec.values.includes(raw)) fail(name, `one of ${spec.values.join(', ')}`, raw);
      return raw;
    case 'enum-list': {
      const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
      if (parts.length === 0) fail(name, `a comma-separated list of ${spec.values.join(', ')}`, raw);
      for (const p of parts) if (!spec.values.includes(p)) fail(name, `a comma-separated list of ${spec.values.join(', ')}`, p);
      return [...new Set(parts)];
    }
  }
}

/**
 * Validate a query string against its declared parameters: unknown names, repeats and bad values are refused.
 * @example parseQuery(new URLSearchParams('limit=5'), PAGE) // { limit: 5, offset: 0 }
 */
export function parseQuery(search: URLSearchParams, specs: Readonly<Record<string, ParamSpec>>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  const seen = new Set<string>();
  for (const [name, raw] of search) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      throw new UsageError(
        `unknown parameter '${name}'; ${known.length ? `known: ${known.join(', ')}` : 'this route takes no parameters'}`,
        { parameter: name, known },
      );
    }
    if (seen.has(name)) throw new UsageError(`parameter '${name}' given more than once`, { parameter: name });
    seen.add(name);
    if (raw === '') continue;
    out[name] = parseParam(name, spec, raw);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === 'integer' && spec.default !== undefined && out[name] === undefined) out[name] = spec.default;
    if ((spec.type === 'string' || spec.type === 'id') && spec.required && out[name] === undefined) {
      throw new UsageError(`parameter '${name}' is required`, { parameter: name });
    }
  }
  return out;
}

/** JSON Schema (OpenAPI 3.1) of one parameter. */
export function paramSchema(spec: ParamSpec): Record<string, unknown> {
  switch (spec.type) {
    case 'string':
      return { type: 'string', maxLength: spec.maxLength ?? MAX_QUERY_LENGTH };
    case 'id':
      return { type: 'string', pattern: ID_RE.source, maxLength: 200 };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max, ...(spec.default !== undefined ? { default: spec.default } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'enum-list':
      return { type: 'string', description: `Comma-separated: ${spec.values.join(', ')}` };
  }
}
