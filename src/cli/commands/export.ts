/** `crosscheck export`: the whole corpus as JSON Lines, CSV, ClaimReview JSON-LD or STIX 2.1. */
import { UsageError } from '../../errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/export.js';
import type { Command } from '../command.js';
import { withStore } from './search.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the database: JSON Lines, CSV tables, ClaimReview JSON-LD or a STIX 2.1 bundle.',
  usage: 'export --format jsonl|csv|claimreview|stix [--out DIR]',
  description: `
jsonl        one JSON object per line, each with a "record" kind: document, mention, quote, claim, entity,
             story, quoteGroup, measure (DIR/crosscheck.jsonl, or stdout).
csv          documents.csv, entities.csv, quotes.csv, claims.csv, stories.csv, measures.csv in DIR.
claimreview  the claims as schema.org ClaimReview JSON-LD; the rating says whether other sources
             give conflicting figures (Crosscheck does not rule on truth) (DIR/claimreview.jsonld, or stdout).
stix         a STIX 2.1 bundle: a report per document, identities, locations, threat actors for
             armed groups, notes for quotes, claims and conflicts (DIR/crosscheck.stix.json, or stdout).`,
  examples: ['crosscheck export --format jsonl > corpus.jsonl', 'crosscheck export --format csv --out export/', 'crosscheck export --format stix --out export/ --db postgres://localhost/news'],
  options: {
    format: { type: 'string', value: 'FORMAT', help: `One of ${EXPORT_FORMATS.join(', ')}.` },
    out: { type: 'string', value: 'DIR', help: 'Directory to write into (created if missing); default stdout.' },
  },
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    if (args.length) throw new UsageError(`export takes no positional arguments, found '${args[0]}'`);
    const format = options.format as string | undefined;
    if (!format) throw new UsageError(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`);
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, found '${format}'`);
    const { exportCorpus } = await import('../../export/export.js');
    return withStore(settings, async (store) => {
      const files = await exportCorpus(store, format as ExportFormat, { dir: (options.out as string | undefined) ?? null, stdout: io.stdout });
      for (const f of files) io.stderr.write(`wrote ${f}\n`);
      return 0;
    });
  },
};
