/** Every CLI command, in the order `crosscheck --help` lists them. Add one import and one entry per command. */
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { evalCommand } from './eval.js';
import { serveCommand } from './serve.js';

export const COMMANDS: Command[] = [analyzeCommand, evalCommand, serveCommand];
