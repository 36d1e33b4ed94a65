/** `crosscheck search`, plus the filter options and output helpers the other query commands share. */
import { UsageError } from '../../errors.js';
import type { Settings } from '../../settings.js';
import { csvTable, textTable, type Columns } from '../../export/csv.js';
import type { ListQuery, SearchKind, Store } from '../../store/types.js';
import type { CommandContext, Io, OptionSpec } from '../command.js';

/** Filter and output options every query command takes. */
export const QUERY_OPTIONS: Record<string, OptionSpec> = {
  q: { type: 'string', value: 'TEXT', help: 'Full-text filter (words, "a phrase", prefix*, OR).' },
  text: { type: 'string', value: 'TEXT', help: 'Same as --q.' },
  entity: { type: 'string', value: 'ID|NAME', help: 'Only items involving this entity (id, name or alias).' },
  speaker: { type: 'string', value: 'ID|NAME', help: 'Only quotes/claims by this speaker or claimant.' },
  outlet: { type: 'string', value: 'NAME', help: 'Only documents from this outlet.' },
  from: { type: 'string', value: 'YYYY-MM-DD', help: 'Published on or after this date.' },
  to: { type: 'string', value: 'YYYY-MM-DD', help: 'Published on or before this date.' },
  story: { type: 'string', value: 'ID', help: 'Only documents in this story.' },
  doc: { type: 'string', value: 'ID', help: 'Only this document.' },
  limit: { type: 'string', value: 'N', help: 'Rows per page (max 500).', default: '50' },
  offset: { type: 'string', value: 'N', help: 'Rows to skip.', default: '0' },
  json: { type: 'boolean', help: 'Print the page as JSON: { items, total, limit, offset }.' },
  csv: { type: 'boolean', help: 'Print CSV with a header line.' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function int(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: expected a whole number >= 0, found '${String(v)}'`);
  return n;
}

/** The ListQuery the common options describe. */
export function listQueryOf(options: CommandContext['options'], args: string[] = []): ListQuery {
  const s = (k: string) => (typeof options[k] === 'string' ? (options[k] as string) : undefined);
  for (const k of ['from', 'to']) {
    const v = s(k);
    if (v !== undefined && !DATE.test(v)) throw new UsageError(`--${k}: expected a date YYYY-MM-DD, found '${v}'`);
  }
  if (options.json && options.csv) throw new UsageError('choose one of --json and --csv');
  const text = [s('q') ?? s('text'), ...args].filter(Boolean).join(' ').trim();
  return {
    q: text || undefined, entity: s('entity'), speaker: s('speaker'), outlet: s('outlet'), from: s('from'), to: s('to'), story: s('story'), doc: s('doc'),
    limit: int('limit', options.limit), offset: int('offset', options.offset),
  };
}

/** Open the store the --db setting names, run fn, close it. */
export async function withStore<T>(settings: Settings, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../store/open.js');
  const store = await openStore(settings.db, { queryTimeoutMs: settings.queryTimeoutMs });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Print a page as a table, CSV or JSON. */
export function writePage<T>(io: Io, options: CommandContext['options'], page: { items: T[]; total: number; limit: number; offset: number }, columns: Columns<T>, extra: object = {}): void {
  if (options.json) io.stdout.write(JSON.stringify({ ...page, ...extra }) + '\n');
  else if (options.csv) io.stdout.write(csvTable(page.items, columns));
  else {
    io.stdout.write(page.items.length ? textTable(page.items, columns) : 'no matches\n');
    if (page.total > page.offset + page.items.length)
      io.stdout.write(`(${page.offset + 1}-${page.offset + page.items.length} of ${page.total}; next page: --offset ${page.offset + page.items.length})\n`);
  }
}

/** Entity names for ids, for readable tables. */
export async function entityNames(store: Store, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    const p = await store.listEntities({ entity: id, limit: 1 });
    const e = p.items.find((x) => x.id === id);
    if (e) out.set(id, e.name);
  }
  return out;
}

const KINDS: SearchKind[] = ['document', 'quote', 'claim'];

/** `crosscheck search TEXT...` */
export const searchCommand = {
  name: 'search',
  summary: 'Full-text search over stored documents, quotes and claims, with facets.',
  usage: 'search TEXT... [--kind document|quote|claim] [filters] [--json|--csv]',
  description: `
Searches the database built by 'crosscheck ingest'. Matches are ranked (BM25 on SQLite, ts_rank on
PostgreSQL) and each hit shows a snippet with the matched words in [[double brackets]].
Filters narrow by outlet, date range, entity, speaker, story or document. With --json the result also
carries facets (outlets, speakers, entities, dates) over the best matches.
Query syntax: words must all appear; "a phrase" matches in order; prefix* matches word starts; OR between words.`,
  examples: [
    'crosscheck search "ceasefire talks" --from 2024-03-01',
    'crosscheck search casualties --kind claim --outlet Reuters --json',
    'crosscheck search --q "border crossing" --entity "United Nations" --csv > hits.csv',
  ],
  options: {
    ...QUERY_OPTIONS,
    kind: { type: 'string', value: 'KIND', multiple: true, help: 'Only these kinds: document, quote, claim (repeatable).' },
  },
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    const kinds = (options.kind as string[] | undefined) ?? [];
    for (const k of kinds) if (!KINDS.includes(k as SearchKind)) throw new UsageError(`--kind: expected one of ${KINDS.join(', ')}, found '${k}'`);
    return withStore(settings, async (store) => {
      const r = await store.search({ ...q, kinds: kinds as SearchKind[] });
      const { facets, ...page } = r;
      writePage(io, options, page, [
        ['kind', (h) => h.kind], ['published', (h) => h.published?.slice(0, 10)], ['outlet', (h) => h.outlet], ['snippet', (h) => h.snippet], ['id', (h) => h.id],
      ], { facets });
      return 0;
    });
  },
} satisfies import('../command.js').Command;
