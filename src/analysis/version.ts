/**
 * The analyzer's version: a fingerprint of everything that decides a document's analysis (the per-document
 * code, its lexicons and trained weights, and the data packages it reads). The store keeps it with each
 * document, so a re-run of `ingest` after an upgrade analyzes again the documents an older analyzer wrote,
 * instead of keeping their old quotes and claims because the content is known.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders (under src/) whose files decide the per-document analysis. */
const ANALYSIS_DIRS = ['analysis', 'components', 'doc', 'pipeline'];
/** Files that never change an analysis: tests, trainers, benchmarks. */
const NOT_ANALYSIS_RE = /\.test\.ts$|\/train\/|\/bench\.ts$/;
/** Data packages the analysis reads, by name: their installed version counts. */
const DATA_PACKAGES = ['world-countries'];

function filesUnder(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
}

/**
 * Fingerprint of the analysis under `srcDir` (default: this checkout's src/): sha256 over the paths and bytes of
 * its files and the versions of its data packages; 16 hex characters.
 * @example analyzerFingerprint().length // 16
 */
export function analyzerFingerprint(srcDir = fileURLToPath(new URL('..', import.meta.url))): string {
  const h = createHash('sha256');
  const files: string[] = [];
  for (const d of ANALYSIS_DIRS) filesUnder(join(srcDir, d), files);
  for (const f of files) {
    const rel = relative(srcDir, f).split('\\').join('/');
    if (NOT_ANALYSIS_RE.test(`/${rel}`)) continue;
    h.update(rel).update('\0').update(readFileSync(f)).update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const name of DATA_PACKAGES) {
    let version = 'missing';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // A package without an exported package.json keeps 'missing': the fingerprint stays stable.
    }
    h.update(`${name}@${version}\0`);
  }
  return h.digest('hex').slice(0, 16);
}

let cached: string | null = null;

/**
 * The running analyzer's version (analyzerFingerprint, computed once per process, about 10 ms).
 * @example analyzerVersion() // 'a3f09c2e51b7d4e8'
 */
export function analyzerVersion(): string {
  cached ??= analyzerFingerprint();
  return cached;
}

/**
 * Mark `bundle` as written by analyzer `version` (default: this one), as a non-enumerable property: the store
 * records it, output never shows it.
 * @example await store.putDocument(stampAnalyzer(analyzeRecord(record)), linkDocument)
 */
export function stampAnalyzer<T extends { analyzer?: string }>(bundle: T, version = analyzerVersion()): T {
  Object.defineProperty(bundle, 'analyzer', { value: version, enumerable: false, configurable: true, writable: true });
  return bundle;
}
