/** `crosscheck ingest`: analyze, link and store articles, URLs and feeds. */
import { UsageError } from '../../errors.js';
import type { Command } from '../command.js';
import type { StoriesRevised } from '../../ingest/ingest.js';
import { withStore } from './search.js';

/** Megabytes with enough digits to show small inputs ("0.021", "3.4"). */
function mb(chars: number): string {
  const m = chars / 1e6;
  return m >= 10 ? m.toFixed(0) : m >= 1 ? m.toFixed(1) : m.toFixed(3);
}

/** The story revision's line of the report ('' when nothing was linked). */
function storiesLine(r: StoriesRevised | null): string {
  if (!r) return '';
  if (r.skipped) return `stories not revised: ${r.skipped}\n`;
  return `stories revised over ${r.documents} documents: ${r.moved} moved, ${r.changed} stories changed, ${r.removed} removed\n`;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Analyze articles, URLs and RSS/Atom feeds and store them, linked, in the database.',
  usage: 'ingest PATH...|URL...|FEED... [--db FILE|URL] [--json]',
  description: `
Reads files and directories (text, HTML, JSON, JSONL; - for stdin), fetches URLs and RSS/Atom feeds
(every item's page), analyzes each document, links it to the corpus (entities, stories, quote groups,
measures) and commits it with its layers in one transaction. At the end of the run, the stories it touched
are clustered again as a whole (a report that arrived before its story formed can still join it). Re-running is safe: content already stored
is skipped, and a changed version of a known URL replaces the old one (the old text is kept as history).
Content an older version of Crosscheck analyzed is analyzed again, so an upgrade refreshes the stored quotes and claims.
A bad input is reported and the batch goes on; the exit code is 3 if any input failed.
Private and loopback addresses are refused unless --allow-private. Progress goes to stderr on a terminal.`,
  examples: [
    'crosscheck ingest examples/seeds',
    'crosscheck ingest https://example.com/world/article-123',
    'crosscheck ingest https://example.com/rss.xml --db postgres://user@localhost/news',
    'cat records.jsonl | crosscheck ingest - --workers 4',
  ],
  options: {
    json: { type: 'boolean', help: 'Print the report as JSON (added, replaced, reanalyzed, unchanged, errors, seconds, stories).' },
  },
  settings: ['db', 'workers', 'maxInputBytes', 'fetchTimeoutMs', 'fetchMaxBytes', 'fetchMaxRedirects', 'allowPrivate'],
  async run({ args, options, settings, io }) {
    if (args.length === 0) throw new UsageError('expected at least one PATH, URL or FEED (or - for stdin), found none');
    const { ingestAll, localInputBytes } = await import('../../ingest/ingest.js');
    const tty = Boolean(io.stderr.isTTY);
    const total = tty ? await localInputBytes(args) : 0;
    const started = Date.now();
    let done = 0;
    let chars = 0;
    let lastDraw = 0;
    const report = await withStore(settings, (store) =>
      ingestAll(args, store, { settings, stdin: io.stdin, onWarning: (m) => io.stderr.write(`warning: ${m}\n`) }, (ev) => {
        if (ev.type === 'stories') return;
        done++;
        if (ev.type === 'document') chars += ev.chars;
        else if (!options.json) io.stderr.write(`${tty ? '\r\x1b[K' : ''}error [${ev.code}] ${ev.input}: ${ev.message}\n`);
        const now = Date.now();
        if (tty && now - lastDraw > 200) {
          lastDraw = now;
          const secs = (now - started) / 1000;
          const rate = chars / Math.max(secs, 0.001);
          const eta = total > chars && rate > 0 ? ` · ETA ${Math.ceil((total - chars) / rate)}s` : '';
          io.stderr.write(`\r\x1b[K${done} inputs · ${mb(chars)} MB · ${(done / Math.max(secs, 0.001)).toFixed(1)} docs/s · ${mb(rate)} MB/s${eta}`);
        }
      }),
    );
    if (tty) io.stderr.write('\r\x1b[K');
    if (options.json) io.stdout.write(JSON.stringify(report) + '\n');
    else
      io.stdout.write(
        `ingested ${report.added} new, ${report.replaced} replaced, ${report.reanalyzed ? `${report.reanalyzed} analyzed again (stored by an older version), ` : ''}${report.unchanged} unchanged, ${report.errors.length} failed ` +
          `(${mb(report.chars)} MB in ${report.seconds.toFixed(1)} s) into ${settings.db}\n` + storiesLine(report.stories),
      );
    return report.errors.length ? 3 : 0;
  },
};
