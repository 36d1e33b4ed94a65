/** Shared test helpers: in-memory CLI io, fixture paths, and analysis of fixture inputs. */
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import type { Io } from '../src/cli/command.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = join(ROOT, 'examples', 'seeds');
export const GOLDEN_DIR = join(ROOT, 'test', 'fixtures', 'golden');
export const DATASETS_DIR = process.env.CROSSCHECK_DATASETS ?? join(ROOT, '..', 'shared', 'datasets');

/** Seed article paths, sorted. */
export function seedPaths(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
}

/** Golden fixture folders: each has input.* and expected.json. */
export function goldenFixtures(): { name: string; dir: string; input: string; expected: string }[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR).sort().map((name) => {
    const dir = join(GOLDEN_DIR, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    if (!input) throw new Error(`golden fixture ${name} has no input.* file`);
    return { name, dir, input: join(dir, input), expected: join(dir, 'expected.json') };
  });
}

/** An in-memory Io for CLI tests. */
export function memoryIo(stdin = ''): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => void (out += s) },
    stderr: { write: (s: string) => void (err += s) },
    stdin: Readable.from([stdin]),
    env: {},
    out: () => out,
    err: () => err,
  };
}
