/**
 * Settings are data: this one table drives the config file, environment
 * variables, CLI flags, `/api/settings` and docs/SETTINGS.md.
 */
import { readFileSync, existsSync } from 'node:fs';
import { CrosscheckError } from './errors.js';

export type SettingType = 'string' | 'number' | 'boolean';

export interface SettingSpec {
  name: string;
  type: SettingType;
  default: string | number | boolean | null;
  help: string;
}

/** Every tunable, with why it exists. Env var: CROSSCHECK_<NAME_IN_SNAKE_CASE>; flag: --kebab-case. */
export const SETTINGS = [
  { name: 'db', type: 'string', default: 'crosscheck.db', help: 'Database: a SQLite file path (embedded default) or a postgres:// URL.' },
  { name: 'host', type: 'string', default: '127.0.0.1', help: 'Address the HTTP server binds to. Non-loopback addresses require --token.' },
  { name: 'port', type: 'number', default: 8017, help: 'Port the HTTP server listens on (0 picks a free one).' },
  { name: 'token', type: 'string', default: null, help: 'Access token the HTTP API requires (Authorization: Bearer …). Required off loopback.' },
  { name: 'workers', type: 'number', default: 0, help: 'Worker threads for bulk analysis; 0 uses every core.' },
  { name: 'maxInputBytes', type: 'number', default: 20_000_000, help: 'Largest input file or record accepted; larger ones are reported and skipped.' },
  { name: 'fetchTimeoutMs', type: 'number', default: 15_000, help: 'Timeout for fetching one URL or feed.' },
  { name: 'fetchMaxBytes', type: 'number', default: 10_000_000, help: 'Largest response body read from a URL or feed.' },
  { name: 'fetchMaxRedirects', type: 'number', default: 5, help: 'Redirects followed when fetching a URL.' },
  { name: 'allowPrivate', type: 'boolean', default: false, help: 'Allow fetching private and loopback addresses (off: refused, to prevent SSRF).' },
  { name: 'queryTimeoutMs', type: 'number', default: 5_000, help: 'Time limit for one read query against the store.' },
  { name: 'datasets', type: 'string', default: '../shared/datasets', help: 'Folder of evaluation datasets (never copied into the repo); eval tasks skip when it is absent.' },
] as const satisfies readonly SettingSpec[];

export type SettingName = (typeof SETTINGS)[number]['name'];
export type Settings = { [K in SettingName]: any } & {
  db: string; host: string; port: number; token: string | null; workers: number; maxInputBytes: number;
  fetchTimeoutMs: number; fetchMaxBytes: number; fetchMaxRedirects: number; allowPrivate: boolean; queryTimeoutMs: number; datasets: string;
};

export function envName(name: string): string {
  return 'CROSSCHECK_' + name.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}
export function flagName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

function coerce(spec: SettingSpec, raw: unknown, from: string): string | number | boolean | null {
  if (raw === null || raw === undefined) return spec.default;
  if (spec.type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(n)) throw new CrosscheckError('E_CONFIG', `setting '${spec.name}' from ${from}: expected a number, found ${JSON.stringify(raw)}`);
    return n;
  }
  if (spec.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const s = String(raw).toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
    throw new CrosscheckError('E_CONFIG', `setting '${spec.name}' from ${from}: expected true or false, found ${JSON.stringify(raw)}`);
  }
  return String(raw);
}

/**
 * Resolve settings: defaults < config file (crosscheck.config.json) < environment < flags.
 * @example loadSettings({ flags: { port: 9000 } }).port // 9000
 */
export function loadSettings(opts: { flags?: Record<string, unknown>; env?: NodeJS.ProcessEnv; configPath?: string | null } = {}): Settings {
  const env = opts.env ?? process.env;
  const configPath = opts.configPath === undefined ? (existsSync('crosscheck.config.json') ? 'crosscheck.config.json' : null) : opts.configPath;
  let file: Record<string, unknown> = {};
  if (configPath) {
    try {
      file = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (err) {
      throw new CrosscheckError('E_CONFIG', `config file ${configPath}: expected a JSON object, ${(err as Error).message}`);
    }
    const known = new Set<string>(SETTINGS.map((s) => s.name));
    for (const k of Object.keys(file)) {
      if (!known.has(k)) throw new CrosscheckError('E_CONFIG', `config file ${configPath}: unknown setting '${k}'; known: ${[...known].join(', ')}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    let value = coerce(spec, undefined, 'default');
    if (spec.name in file) value = coerce(spec, file[spec.name], configPath!);
    const e = env[envName(spec.name)];
    if (e !== undefined) value = coerce(spec, e, envName(spec.name));
    const f = opts.flags?.[spec.name];
    if (f !== undefined) value = coerce(spec, f, '--' + flagName(spec.name));
    out[spec.name] = value;
  }
  return out as Settings;
}
