/** Entity: roles, statements (quotes and figures) over time, outlets that mention it, articles. */
import type { JSX } from 'preact';
import type { EntityDetail } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Badge, Card, OutletBars, Status } from '../common.js';
import { date, figure } from '../lib/format.js';
import { Link, to } from '../router.js';

interface Statement {
  id: string;
  kind: 'quote' | 'claim';
  doc: string;
  text: string;
  published: string | null;
  outlet: string | null;
  extra: string | null;
}

export function EntityPage(props: { id: string }): JSX.Element {
  const res = useApi<EntityDetail>(`/api/entities/${encodeURIComponent(props.id)}`);
  const d = res.data;
  if (!d) return <Status loading={res.loading} error={res.error} />;
  const e = d.entity;
  const statements: Statement[] = [
    ...d.quotes.map((q) => ({ id: q.id, kind: 'quote' as const, doc: q.doc, text: q.text, published: q.published, outlet: q.outlet, extra: q.kind })),
    ...d.claims.map((c) => ({ id: c.id, kind: 'claim' as const, doc: c.doc, text: c.text, published: c.published, outlet: c.outlet, extra: figure(c) + (c.of ? ' ' + c.of : '') })),
  ].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  const byDate = new Map<string, Statement[]>();
  for (const s of statements) byDate.set(date(s.published), [...(byDate.get(date(s.published)) ?? []), s]);
  return (
    <div class="entity">
      <h1>
        {e.name} <Badge>{e.type}</Badge>
      </h1>
      <p class="meta">
        {e.mentionCount} mentions · {e.quoteCount} quotes{e.aliases.length > 0 && <> · also called {e.aliases.join(', ')}</>}
      </p>
      <div class="grid2">
        <Card title="Roles" id="roles">
          {e.roles.length === 0 && <p class="muted">No roles stated in the articles.</p>}
          <ul class="list">
            {e.roles.map((r, i) => (
              <li key={i}>
                {r.title}
                {r.organization && <span class="meta">{r.organization}</span>}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Outlets" id="entity-outlets">
          <OutletBars items={d.outlets} />
        </Card>
      </div>
      <Card title={`Statements over time (${statements.length})`} id="statements">
        {statements.length === 0 && <p class="muted">No quotes or figures attributed to {e.name}.</p>}
        <ol class="timeline">
          {[...byDate].map(([day, items]) => (
            <li key={day}>
              <time>{day}</time>
              <ul>
                {items.map((s) => (
                  <li key={s.id} class={'statement ' + s.kind}>
                    <Badge kind={s.kind}>{s.kind === 'quote' ? 'quote' : 'figure'}</Badge> {s.extra && s.kind === 'claim' && <strong>{s.extra} </strong>}
                    <Link href={to.doc(s.doc, s.id)}>{s.kind === 'quote' ? `“${s.text}”` : s.text}</Link>
                    <span class="meta">{s.outlet ?? 'unknown outlet'}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Card>
      <Card title={`Articles (${d.documents.length})`} id="entity-docs">
        <ul class="list">
          {d.documents.map((doc) => (
            <li key={doc.id}>
              <Link href={to.doc(doc.id)}>{doc.title ?? doc.id}</Link>
              <span class="meta">
                {doc.outlet ?? 'unknown outlet'} · {date(doc.published)}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
