/**
 * `run(argv, io)`: the whole CLI as a function, so tests call it in-process (like vitest's startVitest()).
 */
import { parseArgs } from 'node:util';
import { asCrosscheckError, CrosscheckError, UsageError } from '../errors.js';
import { flagName, loadSettings, SETTINGS, type SettingSpec } from '../settings.js';
import type { Command, Io, OptionSpec } from './command.js';
import { COMMANDS } from './commands/index.js';

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

function settingSpec(name: string): SettingSpec {
  return (SETTINGS as readonly SettingSpec[]).find((s) => s.name === name)!;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

export function suggest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const dd = distance(word, c);
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function allOptions(cmd: Command): Record<string, OptionSpec> {
  const out: Record<string, OptionSpec> = { ...cmd.options, help: { type: 'boolean', short: 'h', help: 'Show this help.' } };
  for (const s of cmd.settings) {
    const spec = settingSpec(s);
    out[flagName(s)] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      help: `${spec.help} (default: ${spec.default === null ? 'none' : spec.default}; env ${'CROSSCHECK_' + s.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()})`,
      value: spec.type === 'number' ? 'N' : spec.type === 'string' ? 'VALUE' : undefined,
    };
  }
  return out;
}

/** The help text of one command, generated from its declaration (and copied into docs/CLI.md). */
export function commandHelp(cmd: Command): string {
  const lines = [`Usage: crosscheck ${cmd.usage}`, '', cmd.summary, ''];
  if (cmd.description) lines.push(cmd.description.trim(), '');
  lines.push('Options:');
  const opts = allOptions(cmd);
  for (const [name, o] of Object.entries(opts)) {
    const flag = `${o.short ? '-' + o.short + ', ' : '    '}--${name}${o.type === 'string' ? ' ' + (o.value ?? 'VALUE') : ''}`;
    lines.push(`  ${flag.padEnd(30)} ${o.help}${o.default !== undefined && o.type === 'string' ? ` (default: ${o.default})` : ''}`);
  }
  if (cmd.examples.length) {
    lines.push('', 'Examples:');
    for (const e of cmd.examples) lines.push('  ' + e);
  }
  return lines.join('\n') + '\n';
}

export function mainHelp(): string {
  const lines = [
    'crosscheck: who claimed what, when, with which figures, cross-checked across news outlets.',
    '',
    'Usage: crosscheck <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`),
    '',
    "Run 'crosscheck <command> --help' for a command's options and examples.",
    'Settings can also come from crosscheck.config.json or CROSSCHECK_* environment variables (see docs/SETTINGS.md).',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Run the CLI. Returns the exit code; never calls process.exit.
 * @example await run(['analyze', 'examples/seeds', '--json'], io)
 */
export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) return run([rest[0], '--help'], io);
    io.stdout.write(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('crosscheck 0.1.0\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const s = suggest(name, COMMANDS.map((c) => c.name));
    io.stderr.write(`error [E_USAGE]: unknown command '${name}'${s ? `; did you mean '${s}'?` : ''}\n\n${mainHelp()}`);
    return 2;
  }
  const optionSpecs = allOptions(cmd);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(optionSpecs).map(([k, o]) => [
          k,
          Object.fromEntries(Object.entries({ type: o.type, short: o.short, multiple: o.multiple, default: o.default }).filter(([, v]) => v !== undefined)),
        ]),
      ) as any,
    });
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const m = /Unknown option '--?([^']+)'/.exec(msg);
    const s = m ? suggest(m[1]!, Object.keys(optionSpecs)) : null;
    io.stderr.write(`error [E_USAGE]: ${msg}${s ? `; did you mean --${s}?` : ''}\nRun 'crosscheck ${cmd.name} --help' for usage.\n`);
    return 2;
  }
  const options = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (options.help) {
    io.stdout.write(commandHelp(cmd));
    return 0;
  }
  try {
    const flags: Record<string, unknown> = {};
    for (const s of cmd.settings) {
      const v = options[flagName(s)];
      if (v !== undefined) flags[s] = v;
    }
    const settings = loadSettings({ flags, env: io.env });
    return await cmd.run({ args: parsed.positionals, options, settings, io });
  } catch (err) {
    const e = asCrosscheckError(err);
    io.stderr.write(`error [${e.code}]: ${e.message}\n`);
    if (e instanceof UsageError) io.stderr.write(`Run 'crosscheck ${cmd.name} --help' for usage.\n`);
    if (e.code === 'E_INTERNAL' && io.env.CROSSCHECK_DEBUG) io.stderr.write(String((err as Error).stack) + '\n');
    return e instanceof CrosscheckError ? e.exitCode : 70;
  }
}
