/**
 * Generates docs/CLI.md (every command's --help) and docs/SETTINGS.md (the settings table) from the code,
 * so they cannot drift. `npm run docs` rewrites them; test/docs.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../src/cli/commands/index.js';
import { commandHelp, mainHelp } from '../src/cli/run.js';
import { envName, flagName, SETTINGS } from '../src/settings.js';
import { ROOT } from '../test/helpers.js';

export function cliDoc(): string {
  const parts = ['# Command line\n', 'Generated from the code by `npm run docs`; do not edit by hand.\n', '```text\n' + mainHelp() + '```\n'];
  for (const c of COMMANDS) parts.push(`## crosscheck ${c.name}\n`, '```text\n' + commandHelp(c) + '```\n');
  return parts.join('\n');
}

export function settingsDoc(): string {
  const rows = SETTINGS.map((s) => `| \`${s.name}\` | \`--${flagName(s.name)}\` | \`${envName(s.name)}\` | ${s.type} | ${s.default === null ? '(none)' : `\`${s.default}\``} | ${s.help} |`);
  return [
    '# Settings\n',
    'Generated from `src/settings.ts` by `npm run docs`; do not edit by hand.\n',
    'Precedence: defaults < `crosscheck.config.json` (keys as in the first column) < environment < command-line flags. `GET /api/settings` serves the same table.\n',
    '| setting | flag | environment | type | default | meaning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(ROOT, 'docs', 'CLI.md'), cliDoc());
  writeFileSync(join(ROOT, 'docs', 'SETTINGS.md'), settingsDoc());
  console.log('wrote docs/CLI.md and docs/SETTINGS.md');
}
