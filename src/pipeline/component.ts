/**
 * The component contract (after spaCy's `Language.factory(requires=, assigns=)`):
 * each component names the layers it needs and the layers it fills in.
 */
import type { Doc, Layer } from '../doc/doc.js';

export interface Component {
  readonly name: string;
  /** Layers that must be assigned before this component runs. */
  readonly requires: readonly Layer[];
  /** Layers this component fills in. */
  readonly assigns: readonly Layer[];
  /** Annotate the doc in place. Must not throw for ordinary bad input: record what it could. */
  run(doc: Doc): void;
}

/** Builds a component; registered by name in `factories.ts`. */
export interface ComponentFactory<O = Record<string, unknown>> {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly assigns: readonly Layer[];
  /** One line for `crosscheck components` and the docs. */
  readonly summary: string;
  create(options?: O): Component;
}

/**
 * Declare a component factory. The returned component reuses the declared contract.
 * @example defineComponent({ name: 'claims', requires: ['tokens'], assigns: ['claims'], summary: '…', create: () => (doc) => {…} })
 */
export function defineComponent<O = Record<string, unknown>>(spec: {
  name: string;
  requires: readonly Layer[];
  assigns: readonly Layer[];
  summary: string;
  create: (options?: O) => (doc: Doc) => void;
}): ComponentFactory<O> {
  return {
    name: spec.name,
    requires: spec.requires,
    assigns: spec.assigns,
    summary: spec.summary,
    create(options?: O): Component {
      const run = spec.create(options);
      return { name: spec.name, requires: spec.requires, assigns: spec.assigns, run };
    },
  };
}
