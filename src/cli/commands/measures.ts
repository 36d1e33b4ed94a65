/** `crosscheck measures`: list measures (one quantity stated by several claims), conflicts first. */
import type { Command } from '../command.js';
import { listQueryOf, QUERY_OPTIONS, withStore, writePage } from './search.js';

export const measuresCommand: Command = {
  name: 'measures',
  summary: 'List measures: the same quantity as stated by different sources, with conflicts flagged.',
  usage: 'measures [TEXT...] [--conflict] [--entity X] [--outlet X] [--from D] [--to D] [--json|--csv]',
  description: `
A measure gathers the claims that state one quantity (e.g. people displaced by a flood) across
documents: the same counted thing, subject and place, and what happened to the people counted
("people killed" and "people injured" are two measures). It is a conflict when the figures disagree
beyond their stated ranges; the explanation says which sources give which figures. Differing figures
are explained, not flagged, when they are from different years, one claimant restating, one report
giving both (its figures count different things), two reports of a count with no subject or place
("games", "people"), or two tolls of people killed, injured, displaced... in different stories (two
attacks in one city are two events). --conflict keeps only conflicts.`,
  examples: ['crosscheck measures --conflict', 'crosscheck measures displaced --json', 'crosscheck measures --entity Gaza --csv'],
  options: { ...QUERY_OPTIONS, conflict: { type: 'boolean', help: 'Only measures whose sources disagree.' } },
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    return withStore(settings, async (store) => {
      const page = await store.listMeasures({ ...q, conflict: options.conflict ? true : undefined });
      writePage(io, options, page, [
        ['conflict', (m) => (m.conflict ? 'CONFLICT' : '')], ['claims', (m) => m.claims.length], ['label', (m) => m.label],
        ['explanation', (m) => m.explanation], ['id', (m) => m.id],
      ]);
      return 0;
    });
  },
};
