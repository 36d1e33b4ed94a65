/** The CLI command contract. Commands are thin: they parse options and call library functions. */
import type { Readable } from 'node:stream';
import type { SettingName, Settings } from '../settings.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  help: string;
  /** Shown in help as the value name, e.g. FILE. */
  value?: string;
  default?: string | boolean;
}

export interface CommandContext {
  args: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  settings: Settings;
  io: Io;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line after `crosscheck `, e.g. 'analyze PATH... [--json]'. */
  usage: string;
  /** Paragraphs explaining the command, with examples. */
  description: string;
  examples: string[];
  options: Record<string, OptionSpec>;
  /** Settings from the settings table this command accepts as flags. */
  settings: readonly SettingName[];
  /** Returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}
