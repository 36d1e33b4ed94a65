/**
 * Every error Crosscheck raises on purpose carries a stable `code`, says what was
 * expected and what was found, and maps to a CLI exit code and an HTTP status.
 */

/** Stable error codes. Never renumber: scripts and API clients match on them. */
export const ERROR_CODES = {
  E_USAGE: { exit: 2, http: 400, summary: 'the command line or request is malformed' },
  E_CONFIG: { exit: 2, http: 400, summary: 'a setting has an invalid value' },
  E_INPUT: { exit: 3, http: 422, summary: 'an input could not be read or parsed' },
  E_NOT_FOUND: { exit: 4, http: 404, summary: 'the requested item does not exist' },
  E_PIPELINE: { exit: 5, http: 500, summary: 'the analysis pipeline is misconfigured' },
  E_STORE: { exit: 6, http: 500, summary: 'the database failed' },
  E_FETCH: { exit: 7, http: 502, summary: 'a remote URL or feed could not be fetched' },
  E_FORBIDDEN: { exit: 8, http: 403, summary: 'access is not allowed' },
  E_TIMEOUT: { exit: 9, http: 504, summary: 'an operation took too long' },
  E_INTERNAL: { exit: 70, http: 500, summary: 'an unexpected internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Base class of all Crosscheck errors.
 * @example throw new CrosscheckError('E_INPUT', 'expected UTF-8 text, found binary data', { path })
 */
export class CrosscheckError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CrosscheckError';
    this.code = code;
    this.details = details;
  }
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** A bad command line or request parameter. @example new UsageError('unknown option --jsn; did you mean --json?') */
export class UsageError extends CrosscheckError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('E_USAGE', message, details);
    this.name = 'UsageError';
  }
}

/** One input (file, record, URL) that cannot be used; the batch goes on. @example new InputError('binary file', { path }) */
export class InputError extends CrosscheckError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('E_INPUT', message, details, options);
    this.name = 'InputError';
  }
}

/** A pipeline that cannot work as built. @example new PipelineError("'quotes' requires 'entities'") */
export class PipelineError extends CrosscheckError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('E_PIPELINE', message, details);
    this.name = 'PipelineError';
  }
}

/** A requested record is missing. @example new NotFoundError('no document with id d_12') */
export class NotFoundError extends CrosscheckError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('E_NOT_FOUND', message, details);
    this.name = 'NotFoundError';
  }
}

/** Wrap anything thrown into a CrosscheckError so callers see one shape. */
export function asCrosscheckError(err: unknown): CrosscheckError {
  if (err instanceof CrosscheckError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CrosscheckError('E_INTERNAL', message, {}, { cause: err });
}
