/**
 * API types shared by the HTTP server and the web UI (the UI imports this file with `import type` only).
 * Every JSON body the API returns is one of these; errors always have the `ApiError` shape.
 */
import type { ErrorCode } from '../errors.js';
import type { PlaceCount } from '../store/types.js';

export type {
  Counts,
  DocumentDetail,
  DocumentSummary,
  EntityDetail,
  Facet,
  MeasureDetail,
  Page,
  PlaceCount,
  SearchHit,
  SearchKind,
  SearchResult,
  StoryDetail,
} from '../store/types.js';
export type {
  ClaimOut,
  DocumentOut,
  EntityOut,
  MeasureOut,
  MeasurePoint,
  MentionOut,
  ProvenanceStep,
  QuoteGroupOut,
  QuoteOut,
  StoryOut,
} from '../analysis/types.js';

/** The one error shape of every API route. */
export interface ApiError {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> };
}

/** `/api/places`: a place count plus the ISO numeric code world-atlas shapes use (null when not a country). */
export type PlaceOut = PlaceCount & { ccn3: string | null };

/** `/api/settings`: the settings table with current values; secrets are reported as set or not, never shown. */
export interface SettingOut {
  name: string;
  type: 'string' | 'number' | 'boolean';
  default: string | number | boolean | null;
  value: string | number | boolean | null;
  secret: boolean;
  help: string;
}

/** One input's outcome in `POST /api/ingest`. */
export interface IngestItemResult {
  input: string;
  ok: boolean;
  /** Document ids added or already present. */
  documents: string[];
  error: { code: string; message: string } | null;
}

export interface IngestResponse {
  results: IngestItemResult[];
}

/** What `POST /api/ingest` accepts as JSON (multipart uploads use the form field `file`). */
export interface IngestRequest {
  /** A web page or RSS/Atom feed URL. */
  url?: string;
  /** Pasted article text or HTML. */
  text?: string;
  /** A name for pasted text. */
  name?: string;
}

/** Header every state-changing request must carry (forces a CORS preflight, so other sites cannot post). */
export const WRITE_HEADER = 'x-crosscheck-client';
