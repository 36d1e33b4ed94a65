/** Small shared pieces: loading/error states, pager, badges. */
import type { ComponentChildren, JSX } from 'preact';
import type { ApiFailure } from './api.js';
import { Link, to } from './router.js';
import { snippetParts } from './lib/format.js';

export function Status(props: { loading: boolean; error: ApiFailure | null }): JSX.Element | null {
  if (props.error)
    return (
      <p class="error" role="alert">
        <strong>{props.error.code}</strong> {props.error.message}
      </p>
    );
  if (props.loading) return <p class="muted">Loading…</p>;
  return null;
}

export function Card(props: { title: string; children: ComponentChildren; class?: string; id?: string }): JSX.Element {
  return (
    <section class={'card ' + (props.class ?? '')} id={props.id}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Pager(props: { total: number; limit: number; offset: number; onPage: (offset: number) => void }): JSX.Element | null {
  if (props.total <= props.limit) return null;
  const last = props.offset + props.limit >= props.total;
  return (
    <nav class="pager">
      <button disabled={props.offset === 0} onClick={() => props.onPage(Math.max(0, props.offset - props.limit))}>← Previous</button>
      <span class="muted">
        {props.offset + 1}–{Math.min(props.total, props.offset + props.limit)} of {props.total}
      </span>
      <button disabled={last} onClick={() => props.onPage(props.offset + props.limit)}>Next →</button>
    </nav>
  );
}

export function Badge(props: { children: ComponentChildren; kind?: string }): JSX.Element {
  return <span class={'badge ' + (props.kind ?? '')}>{props.children}</span>;
}

export function EntityLink(props: { id: string | null; name: string | null }): JSX.Element {
  if (!props.id) return <span class="muted">{props.name ?? 'unknown'}</span>;
  return <Link href={to.entity(props.id)}>{props.name ?? props.id}</Link>;
}

/** A search snippet: matches wrapped in <mark>, all as text nodes. */
export function Snippet(props: { text: string }): JSX.Element {
  return (
    <span class="snippet">
      {snippetParts(props.text).map(([t, hit], i) => (hit ? <mark key={i}>{t}</mark> : t))}
    </span>
  );
}

/** Outlets (or any labelled counts) as horizontal bars scaled to the largest count. */
export function OutletBars(props: { items: readonly { outlet: string; count: number }[]; link?: boolean }): JSX.Element {
  const max = Math.max(1, ...props.items.map((o) => o.count));
  return (
    <ul class="bars">
      {props.items.map((o) => (
        <li key={o.outlet}>
          {props.link ? <Link href={`/search?outlet=${encodeURIComponent(o.outlet)}`}>{o.outlet}</Link> : <span>{o.outlet}</span>}
          <span class="bar" style={{ width: `${(o.count / max) * 100}%` }} />
          <span class="meta">{o.count}</span>
        </li>
      ))}
    </ul>
  );
}
