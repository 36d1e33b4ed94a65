/** `crosscheck entities`: list people, organizations, places and groups. */
import { UsageError } from '../../errors.js';
import type { Command } from '../command.js';
import { listQueryOf, QUERY_OPTIONS, withStore, writePage } from './search.js';

const TYPES = ['person', 'organization', 'location', 'group'];

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'List entities (people, organizations, places, armed groups) by how often they are mentioned.',
  usage: 'entities [NAME...] [--type person|organization|location|group] [--outlet X] [--json|--csv]',
  description: `
Entities are resolved across documents: one person quoted by several outlets is one entity with
aliases and roles. NAME matches names and aliases; --outlet, --story, --doc and dates keep the
entities mentioned in those documents.`,
  examples: ['crosscheck entities --type person --limit 20', 'crosscheck entities --type group --json', 'crosscheck entities minist --outlet TASS'],
  options: { ...QUERY_OPTIONS, type: { type: 'string', value: 'TYPE', help: 'Only this type: person, organization, location or group.' } },
  settings: ['db', 'queryTimeoutMs'],
  async run({ args, options, settings, io }) {
    const q = listQueryOf(options, args);
    const type = options.type as string | undefined;
    if (type && !TYPES.includes(type)) throw new UsageError(`--type: expected one of ${TYPES.join(', ')}, found '${type}'`);
    return withStore(settings, async (store) => {
      const page = await store.listEntities({ ...q, type });
      writePage(io, options, page, [
        ['name', (e) => e.name], ['type', (e) => e.type], ['mentions', (e) => e.mentionCount], ['quotes', (e) => e.quoteCount],
        ['roles', (e) => e.roles.map((r) => r.title).join('; ')], ['id', (e) => e.id],
      ]);
      return 0;
    });
  },
};
