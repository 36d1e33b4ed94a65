/**
 * The one file that lists the components (explicit registration, no import side effects).
 * `registry.test.ts` snapshots names and contracts.
 */
import type { ComponentFactory } from './component.js';
import { Registry } from './pipeline.js';
import { sentences } from '../components/sentences/index.js';
import { extract } from '../components/extract/index.js';
import { clean } from '../components/clean/index.js';
import { metadata } from '../components/metadata/index.js';
import { quotes } from '../components/quotes/index.js';
import { entities } from '../components/entities/index.js';
import { claims } from '../components/claims/index.js';

/** Every built-in component factory. Add one import and one entry per component. */
export const FACTORIES: ComponentFactory<any>[] = [extract, clean, metadata, sentences, entities, quotes, claims];

/** The default analysis order. The pipeline checks it at construction. */
export const DEFAULT_PIPELINE = ['extract', 'clean', 'metadata', 'sentences', 'entities', 'quotes', 'claims'];

/** A fresh registry holding the built-in components. */
export function createRegistry(): Registry {
  return new Registry(FACTORIES);
}
