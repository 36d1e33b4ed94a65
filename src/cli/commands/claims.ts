/** `crosscheck claims`: list stored numeric claims. */
import type { Command } from '../command.js';
import { entityNames, listQueryOf, QUERY_OPTIONS, withStore, writePage } from './search.js';

export const claimsCommand: Command = {
  name: 'claims',
  summary: 'List numeric claims (who claimed which figure, where, when) from the database.',
  usage: 'claims [TEXT...] [--entity X] [--speaker X] [--outlet X] [--from D] [--to D] [--json|--csv]',
  description: `
Each claim is a figure stated in a document ("at least 40 people"), with its range (low, high),
qualifier, what it counts, the claimant when known, and the character offsets of its evidence.
--entity matches the claimant, subject or place; --speaker only the claimant. Background claims
(figures repeated from earlier reporting) are marked.`,
  examples: [
    'crosscheck claims --entity "Health Ministry" --from 2024-01-01',
    'crosscheck claims killed --outlet "Associated Press" --csv > claims.csv',
    'crosscheck claims --story s_3f2a --json',
  ],
  options: QUERY_OPTIONS,
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    return withStore(settings, async (store) => {
      const page = await store.listClaims(q);
      const names = options.json || options.csv ? new Map<string, string>() : await entityNames(store, page.items.map((c) => c.claimant));
      writePage(io, options, page, [
        ['published', (c) => c.published?.slice(0, 10)], ['outlet', (c) => c.outlet],
        ['claimant', (c) => (c.claimant ? names.get(c.claimant) ?? c.claimant : null)],
        ['low', (c) => c.low], ['high', (c) => c.high], ['qualifier', (c) => c.qualifier], ['of', (c) => c.of],
        ['background', (c) => (c.background ? 'yes' : '')], ['text', (c) => c.text], ['id', (c) => c.id],
      ]);
      return 0;
    });
  },
};
