/** Search over text, quotes and claims with facets (outlet, speaker, entity, date); state lives in the URL. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { DocumentSummary, Facet, Page, SearchResult } from '../../../src/server/api-types.js';
import { qs, useApi } from '../api.js';
import { Badge, Pager, Snippet, Status } from '../common.js';
import { date } from '../lib/format.js';
import { Link, navigate, to } from '../router.js';

const FILTERS = ['outlet', 'speaker', 'entity', 'from', 'to'] as const;
const KINDS: [string, string][] = [
  ['', 'All'],
  ['document', 'Articles'],
  ['quote', 'Quotes'],
  ['claim', 'Claims'],
];

export function SearchPage(props: { query: URLSearchParams }): JSX.Element {
  const q = props.query.get('q') ?? '';
  const kinds = props.query.get('kinds') ?? '';
  const offset = Number(props.query.get('offset') ?? 0) || 0;
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = props.query.get(f);
    if (v) filters[f] = v;
  }
  const [text, setText] = useState(q);
  const go = (change: Record<string, string | number | null>) => {
    const next: Record<string, string | number | null> = { q, kinds, ...filters, offset: 0, ...change };
    if (!next.offset) next.offset = null;
    navigate('/search' + qs(next));
  };
  const search = useApi<SearchResult>(q ? '/api/search' + qs({ q, kinds, ...filters, offset, limit: 20 }) : null);
  const browse = useApi<Page<DocumentSummary>>(q ? null : '/api/documents' + qs({ ...filters, offset, limit: 20 }));
  const facetLabels: Record<string, string> = {};
  for (const [k, list] of Object.entries(search.data?.facets ?? {})) for (const f of list as Facet[]) facetLabels[`${k}:${f.value}`] = f.label;

  return (
    <div class="search">
      <h1>Search</h1>
      <form
        class="searchbar"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() });
        }}
      >
        <input type="search" name="q" placeholder="Words, names, figures…" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="Search text" />
        <button type="submit">Search</button>
      </form>
      <div class="tabs">
        {KINDS.map(([k, label]) => (
          <button key={k} class={kinds === k ? 'active' : ''} onClick={() => go({ kinds: k })} disabled={!q}>
            {label}
          </button>
        ))}
      </div>
      {Object.keys(filters).length > 0 && (
        <p class="filters">
          Filters:{' '}
          {Object.entries(filters).map(([k, v]) => (
            <button key={k} class="chip" onClick={() => go({ [k]: null })} title="Remove filter">
              {k}: {facetLabels[`${k}:${v}`] ?? v} ×
            </button>
          ))}
        </p>
      )}
      <div class="with-side">
        <aside class="facets">
          {search.data &&
            (['outlet', 'speaker', 'entity', 'date'] as const).map((k) => (
              <div class="facet" key={k} data-facet={k}>
                <h3>{k}</h3>
                {search.data!.facets[k].length === 0 && <p class="muted">—</p>}
                <ul>
                  {search.data!.facets[k].slice(0, 10).map((f) => (
                    <li key={f.value}>
                      <button class="link" onClick={() => go(k === 'date' ? { from: f.value, to: f.value } : { [k]: f.value })}>
                        {f.label}
                      </button>
                      <span class="meta">{f.count}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          {!q && <p class="muted">Type a query to search articles, quotes and claims. Without a query, articles are listed by date.</p>}
        </aside>
        <section class="results">
          <Status loading={search.loading || browse.loading} error={search.error ?? browse.error} />
          {search.data && (
            <>
              <p class="muted">{search.data.total.toLocaleString('en-US')} results</p>
              <ol class="hits">
                {search.data.items.map((h) => (
                  <li key={h.kind + h.id} class="hit" data-kind={h.kind}>
                    <Badge kind={h.kind}>{h.kind}</Badge> <Link href={to.doc(h.doc, h.kind === 'document' ? undefined : h.id)}>{h.title ?? h.doc}</Link>
                    <span class="meta">
                      {h.outlet ?? 'unknown outlet'} · {date(h.published)}
                    </span>
                    <p>
                      <Snippet text={h.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
              <Pager total={search.data.total} limit={search.data.limit} offset={search.data.offset} onPage={(o) => go({ offset: o })} />
            </>
          )}
          {browse.data && (
            <>
              <p class="muted">{browse.data.total.toLocaleString('en-US')} articles</p>
              <ol class="hits">
                {browse.data.items.map((d) => (
                  <li key={d.id} class="hit" data-kind="document">
                    <Link href={to.doc(d.id)}>{d.title ?? d.id}</Link>
                    <span class="meta">
                      {d.outlet ?? 'unknown outlet'} · {date(d.published)} · {d.quoteCount} quotes · {d.claimCount} claims
                    </span>
                  </li>
                ))}
              </ol>
              <Pager total={browse.data.total} limit={browse.data.limit} offset={browse.data.offset} onPage={(o) => go({ offset: o })} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
