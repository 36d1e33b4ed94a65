/**
 * A Pipeline runs components over a Doc in a declared order, and refuses at construction
 * an order that cannot work (a component requiring a layer no earlier component assigns).
 */
import { Doc, LAYERS, type Layer } from '../doc/doc.js';
import { PipelineError } from '../errors.js';
import type { Component, ComponentFactory } from './component.js';

/** A per-instance registry of component factories (no global mutable state). */
export class Registry {
  private readonly factories = new Map<string, ComponentFactory<any>>();
  constructor(factories: readonly ComponentFactory<any>[] = []) {
    for (const f of factories) this.register(f);
  }
  register(factory: ComponentFactory<any>): this {
    if (this.factories.has(factory.name)) throw new PipelineError(`component '${factory.name}' is registered twice`);
    for (const layer of [...factory.requires, ...factory.assigns]) {
      if (!(LAYERS as readonly string[]).includes(layer)) {
        throw new PipelineError(`component '${factory.name}' names unknown layer '${layer}'; known layers: ${LAYERS.join(', ')}`);
      }
    }
    this.factories.set(factory.name, factory);
    return this;
  }
  get(name: string): ComponentFactory<any> {
    const f = this.factories.get(name);
    if (!f) {
      const known = [...this.factories.keys()];
      throw new PipelineError(`unknown component '${name}'; known components: ${known.join(', ')}`, { name, known });
    }
    return f;
  }
  names(): string[] {
    return [...this.factories.keys()];
  }
  list(): ComponentFactory<any>[] {
    return [...this.factories.values()];
  }
}

/**
 * Check that each component's requirements are met by earlier ones; throw naming the missing layer.
 * @example checkOrder([clean, quotes]) // throws: 'quotes' requires 'entities', which no earlier component assigns
 */
export function checkOrder(components: readonly Pick<Component, 'name' | 'requires' | 'assigns'>[]): void {
  const have = new Set<Layer>(['source']);
  const assignedBy = new Map<Layer, string>();
  for (const c of components) {
    for (const need of c.requires) {
      if (!have.has(need)) {
        throw new PipelineError(
          `component '${c.name}' requires '${need}', which no earlier component assigns` +
            (assignedBy.has(need) ? '' : `; add a component that assigns '${need}' before '${c.name}'`),
          { component: c.name, missing: need },
        );
      }
    }
    for (const a of c.assigns) {
      have.add(a);
      assignedBy.set(a, c.name);
    }
  }
}

export class Pipeline {
  readonly components: readonly Component[];
  constructor(components: readonly Component[]) {
    checkOrder(components);
    this.components = components;
  }

  /** Build from component names using a registry. */
  static fromNames(registry: Registry, names: readonly string[], options: Record<string, Record<string, unknown>> = {}): Pipeline {
    return new Pipeline(names.map((n) => registry.get(n).create(options[n])));
  }

  /** Run every component on the doc, in order. */
  run(doc: Doc): Doc {
    for (const c of this.components) {
      c.run(doc);
      for (const a of c.assigns) doc.assigned.add(a);
    }
    return doc;
  }

  get names(): string[] {
    return this.components.map((c) => c.name);
  }
}
