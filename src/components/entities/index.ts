/**
 * The entities component: people, organizations, locations and armed groups, with aliases,
 * acronyms, surname mentions and roles. Keeps entities already on the doc (e.g. the outlet).
 */
import { defineComponent } from '../../pipeline/component.js';
import type { Doc } from '../../doc/doc.js';
import { loadGazetteer } from './gazetteer.js';
import { linkSpans } from './link.js';
import { recognizeSpans } from './recognize.js';
import { extractRoles } from './roles.js';
import { shippedWeights } from './tagger.js';

export { matchRoleNoun } from './roles.js';
export { initialsMatch } from './link.js';

export interface EntitiesOptions {
  /** Use the trained tagger (default true); false gives the rule and gazetteer baseline. */
  model?: boolean;
}

/**
 * Fill doc.entities (via addEntity) and doc.mentions (sorted by start).
 * @example findEntities(doc); doc.mentions[0].via // 'name'
 */
export function findEntities(doc: Doc, options: EntitiesOptions = {}): void {
  const gaz = loadGazetteer();
  const weights = options.model === false ? null : shippedWeights();
  const { spans, info, headline } = recognizeSpans(doc.text, doc.tokens, doc.sentences.length, gaz, weights);
  doc.mentions = linkSpans(doc, spans, gaz, info.lw, headline, info.row);
  extractRoles(doc);
}

/** Entities component: tagger + gazetteers + rules, alias folding and roles. */
export const entities = defineComponent<EntitiesOptions>({
  name: 'entities',
  requires: ['text', 'sentences', 'tokens', 'meta'],
  assigns: ['entities'],
  summary: 'People, organizations, places and armed groups with aliases, acronyms, surname mentions and roles.',
  create: (options) => (doc) => findEntities(doc, options ?? {}),
});
