/**
 * Golden files for extraction (Readability's test-pages habit): each folder under test/fixtures/golden
 * holds an input and the expected analysis. `npm run golden` reports differences; `npm run golden -- --update`
 * rewrites expected.json so the diff can be reviewed in git.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { analyzeInputs } from '../src/analysis/analyze.js';
import { goldenFixtures } from '../test/helpers.js';
import type { Analysis } from '../src/analysis/types.js';

/** The stable part of an analysis that golden files hold (no absolute paths). */
export function goldenView(a: Analysis): unknown {
  return {
    documents: a.documents.map(({ path: _path, ...d }) => d),
    entities: a.entities,
    mentions: a.mentions,
    quotes: a.quotes,
    claims: a.claims,
  };
}

export async function goldenActual(input: string): Promise<unknown> {
  return goldenView(await analyzeInputs([input], { maxInputBytes: 20_000_000 }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const update = process.argv.includes('--update');
  let changed = 0;
  for (const f of goldenFixtures()) {
    const actual = JSON.stringify(await goldenActual(f.input), null, 2) + '\n';
    const expected = existsSync(f.expected) ? readFileSync(f.expected, 'utf8') : '';
    if (actual !== expected) {
      changed++;
      if (update) writeFileSync(f.expected, actual);
      console.log(`${update ? 'updated' : 'differs'}: ${f.name}`);
    }
  }
  console.log(`${changed} golden file(s) ${update ? 'updated' : 'differ'}`);
  process.exitCode = changed && !update ? 1 : 0;
}
