/**
 * Serves the built UI (ui/dist) with an SPA fallback: unknown non-file paths get index.html,
 * so client-side routes like /documents/d1 load the app. Paths are confined to the UI folder.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Hashed build assets never change; everything else is revalidated. */
  immutable: boolean;
}

async function fileAt(path: string): Promise<Uint8Array | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * The file for a URL path, or index.html for client routes; null when nothing fits.
 * @example await staticFile('ui/dist', '/entities/e1') // index.html
 */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const base = resolve(root);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const full = resolve(join(base, rel));
  if (full !== base && !full.startsWith(base + sep)) return null;
  const ext = extname(full).toLowerCase();
  if (full !== base) {
    const body = await fileAt(full);
    if (body) return { body, type: TYPES[ext] ?? 'application/octet-stream', immutable: rel.startsWith('/assets/') };
    // A missing file with an extension is a real 404, not a client route.
    if (ext) return null;
  }
  const index = await fileAt(join(base, 'index.html'));
  return index ? { body: index, type: TYPES['.html']!, immutable: false } : null;
}
