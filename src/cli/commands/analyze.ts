import { UsageError } from '../../errors.js';
import type { Command } from '../command.js';

/** `crosscheck analyze PATH... [--json]`: analyze articles without storing them. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyze articles (text, HTML, JSON/JSONL, directories, stdin) and print who claimed what.',
  usage: 'analyze PATH... [--json] [--pretty]',
  description: `
Reads each PATH (a file, a directory searched recursively, or - for stdin), cleans the page cruft,
finds the metadata, entities, quotes with their speakers and the numeric claims, then links the
documents to each other (stories, quote groups, measures and conflicts). Nothing is stored: use
'crosscheck ingest' to build a database.

Every item points to its evidence: start/end are character offsets into that document's text.
An input that cannot be read is reported and the others go on; the exit code is 3 if any failed.`,
  examples: [
    'crosscheck analyze examples/seeds',
    'crosscheck analyze article.html --json > analysis.json',
    'cat records.jsonl | crosscheck analyze - --json',
  ],
  options: {
    json: { type: 'boolean', help: 'Print one JSON object (schema: docs/schema/analysis.schema.json).' },
    pretty: { type: 'boolean', help: 'Indent the JSON output.' },
  },
  settings: ['maxInputBytes'],
  async run({ args, options, settings, io }) {
    if (args.length === 0) throw new UsageError('expected at least one PATH (a file, a directory, or - for stdin), found none');
    const { analyzeInputs } = await import('../../analysis/analyze.js');
    const { formatReport } = await import('../../analysis/report.js');
    const tty = Boolean(io.stderr.isTTY) && !options.json;
    const analysis = await analyzeInputs(args, {
      maxInputBytes: settings.maxInputBytes,
      stdin: io.stdin,
      onProgress: tty ? (n, input) => io.stderr.write(`\ranalyzed ${n}: ${input.slice(-60).padEnd(60)}`) : undefined,
    });
    if (tty) io.stderr.write('\r' + ' '.repeat(80) + '\r');
    if (options.json) io.stdout.write(JSON.stringify(analysis, null, options.pretty ? 2 : undefined) + '\n');
    else io.stdout.write(formatReport(analysis));
    for (const e of analysis.errors) if (options.json) io.stderr.write(`error [${e.code}] ${e.input}: ${e.message}\n`);
    return analysis.errors.length ? 3 : 0;
  },
};
