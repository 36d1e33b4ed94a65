/** Every CLI command, in the order `crosscheck --help` lists them. Add one import and one entry per command. */
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { evalCommand } from './eval.js';
import { serveCommand } from './serve.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { claimsCommand } from './claims.js';
import { quotesCommand } from './quotes.js';
import { entitiesCommand } from './entities.js';
import { storiesCommand } from './stories.js';
import { measuresCommand } from './measures.js';
import { exportCommand } from './export.js';

export const COMMANDS: Command[] = [analyzeCommand, evalCommand, serveCommand, ingestCommand, searchCommand, claimsCommand, quotesCommand, entitiesCommand, storiesCommand, measuresCommand, exportCommand];
