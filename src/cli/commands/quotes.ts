/** `crosscheck quotes`: list stored quotes. */
import type { Command } from '../command.js';
import { entityNames, listQueryOf, QUERY_OPTIONS, withStore, writePage } from './search.js';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'List quotes (direct, partial, indirect) with speakers, outlets and dates from the database.',
  usage: 'quotes [TEXT...] [--speaker X] [--outlet X] [--from D] [--to D] [--json|--csv]',
  description: `
Each quote points to its document and character offsets. --speaker (or --entity) keeps the quotes
attributed to that person or organization (by id, name or alias); TEXT searches the quoted words.`,
  examples: [
    'crosscheck quotes --speaker "Antonio Guterres"',
    'crosscheck quotes ceasefire --from 2024-03-01 --to 2024-03-31 --json',
    'crosscheck quotes --outlet Reuters --csv > quotes.csv',
  ],
  options: QUERY_OPTIONS,
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    return withStore(settings, async (store) => {
      const page = await store.listQuotes(q);
      const names = options.json || options.csv ? new Map<string, string>() : await entityNames(store, page.items.map((x) => x.speaker));
      writePage(io, options, page, [
        ['published', (x) => x.published?.slice(0, 10)], ['outlet', (x) => x.outlet],
        ['speaker', (x) => (x.speaker ? names.get(x.speaker) ?? x.speaker : null)], ['kind', (x) => x.kind], ['text', (x) => x.text], ['id', (x) => x.id],
      ]);
      return 0;
    });
  },
};
