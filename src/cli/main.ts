/** Process entry point for the `crosscheck` command. */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
