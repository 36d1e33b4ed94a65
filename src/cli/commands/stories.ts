/** `crosscheck stories`: list stories (documents reporting the same event). */
import type { Command } from '../command.js';
import { listQueryOf, QUERY_OPTIONS, withStore, writePage } from './search.js';

export const storiesCommand: Command = {
  name: 'stories',
  summary: 'List stories: groups of documents reporting the same event or statement.',
  usage: 'stories [TEXT...] [--entity X] [--outlet X] [--from D] [--to D] [--json|--csv]',
  description: `
A story is named by its earliest document. TEXT matches the story label; --entity and --outlet keep
stories with a document mentioning that entity or from that outlet; dates apply to the first report.`,
  examples: ['crosscheck stories --from 2024-03-01', 'crosscheck stories --entity "World Health Organization" --json'],
  options: QUERY_OPTIONS,
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    return withStore(settings, async (store) => {
      const page = await store.listStories(q);
      writePage(io, options, page, [
        ['published', (s) => s.published], ['documents', (s) => s.documents.length], ['label', (s) => s.label ?? ''], ['id', (s) => s.id],
      ]);
      return 0;
    });
  },
};
