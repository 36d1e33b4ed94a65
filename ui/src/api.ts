/** The UI's only way to the server: typed fetches of the JSON API (types shared with the server). */
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../src/server/api-types.js';
import { WRITE_HEADER } from '../../src/server/api-types.js';

const TOKEN_KEY = 'crosscheck-token';

/** A token given as `#token=…` in the URL is kept for this tab and removed from the address bar. */
function initialToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
const token = initialToken();

export class ApiFailure extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as ApiError | null)?.error;
    throw new ApiFailure(e?.code ?? 'E_INTERNAL', e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return body as T;
}

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? '?' + s : '';
}

export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: headers() }));
}

export async function postIngest<T>(body: FormData | object): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch('/api/ingest', {
    method: 'POST',
    headers: headers({ [WRITE_HEADER]: 'ui', ...(isForm ? {} : { 'content-type': 'application/json' }) }),
    body: isForm ? body : JSON.stringify(body),
  });
  return parse<T>(res);
}

export interface Loaded<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
}

/** Fetch a path when it changes (null: nothing to fetch). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    getJson<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        live && setState({ data: null, error: error instanceof ApiFailure ? error : new ApiFailure('E_INTERNAL', String(error), 0), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
