/**
 * Document: the clean text with entities, quotes and claims highlighted (text nodes only — article
 * content is never parsed as HTML), the removed cruft, and a panel showing the record a highlight opens.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ClaimOut, DocumentDetail, EntityOut, QuoteOut } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Badge, Card, EntityLink, Status } from '../common.js';
import { date, figure, hedgeLabel, safeUrl } from '../lib/format.js';
import { segmentsOf, type Annotation } from '../lib/segments.js';
import { Link, to } from '../router.js';

type Selected = { kind: 'quote' | 'claim' | 'mention'; id: string } | null;

export function DocumentPage(props: { id: string; highlight: string | null }): JSX.Element {
  const res = useApi<DocumentDetail>(`/api/documents/${encodeURIComponent(props.id)}`);
  const [selected, setSelected] = useState<Selected>(null);
  const d = res.data;
  const entities = useMemo(() => new Map((d?.entities ?? []).map((e) => [e.id, e])), [d]);
  const anns = useMemo<Annotation[]>(
    () =>
      d
        ? [
            ...d.quotes.map((q) => ({ start: q.start, end: q.end, kind: 'quote' as const, id: q.id })),
            ...d.claims.map((c) => ({ start: c.value.start, end: c.value.end, kind: 'claim' as const, id: c.id })),
            ...d.mentions.map((m, i) => ({ start: m.start, end: m.end, kind: 'mention' as const, id: `${m.entity}|${i}` })),
          ]
        : [],
    [d],
  );
  const segments = useMemo(() => (d ? segmentsOf(d.document.text.length, anns) : []), [d, anns]);

  useEffect(() => {
    if (!d || !props.highlight) return;
    const kind = d.quotes.some((q) => q.id === props.highlight) ? 'quote' : d.claims.some((c) => c.id === props.highlight) ? 'claim' : null;
    if (!kind) return;
    setSelected({ kind, id: props.highlight });
    requestAnimationFrame(() => document.querySelector(`[data-first="${CSS.escape(props.highlight!)}"]`)?.scrollIntoView({ block: 'center' }));
  }, [d, props.highlight]);

  if (!d) return <Status loading={res.loading} error={res.error} />;
  const doc = d.document;
  const url = safeUrl(doc.url);
  const firstSeen = new Set<string>();
  const selectedIds = new Set<string>();
  if (selected) selectedIds.add(selected.id);

  return (
    <div class="document">
      <p class="crumbs">
        {doc.story && (
          <>
            <Link href={to.story(doc.story)}>Story</Link> ›{' '}
          </>
        )}
        Article
      </p>
      <h1>{doc.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {doc.outlet ?? 'unknown outlet'} · {date(doc.published)}
        {doc.publishedInferred && <Badge kind="inferred">date inferred</Badge>}
        {doc.dateline && <> · dateline {doc.dateline}</>}
        {url && (
          <>
            {' '}
            · <a href={url} rel="noopener noreferrer nofollow" target="_blank">source</a>
          </>
        )}
      </p>
      <p class="legend">
        <span class="seg quote">quote</span> <span class="seg claim">figure</span> <span class="seg mention">entity</span> — click a highlight to open its record.
      </p>
      <div class="with-side doc-layout">
        <article class="doc-text" data-testid="doc-text">
          {segments.map((s) => {
            const text = doc.text.slice(s.start, s.end);
            if (s.covers.length === 0) return text;
            const kinds = new Set(s.covers.map((a) => a.kind));
            const top = s.covers[0]!;
            const first = s.covers.find((a) => !firstSeen.has(a.id) && a.kind !== 'mention');
            if (first) firstSeen.add(first.id);
            const isSel = s.covers.some((a) => selectedIds.has(a.kind === 'mention' ? a.id : a.id));
            return (
              <span
                key={s.start}
                class={'seg ' + [...kinds].join(' ') + (isSel ? ' selected' : '')}
                data-first={first?.id}
                data-ids={s.covers.map((a) => a.id).join(' ')}
                role="button"
                tabIndex={0}
                onClick={() => setSelected({ kind: top.kind === 'source' ? 'quote' : top.kind, id: top.id })}
                onKeyDown={(e) => e.key === 'Enter' && setSelected({ kind: top.kind === 'source' ? 'quote' : top.kind, id: top.id })}
              >
                {text}
              </span>
            );
          })}
        </article>
        <aside class="record-panel" data-testid="record-panel">
          {selected ? <RecordView sel={selected} d={d} entities={entities} onSelect={setSelected} /> : <p class="muted">Select a highlight to see its record.</p>}
        </aside>
      </div>
      {doc.removed.length > 0 && (
        <Card title={`Removed as page cruft (${doc.removed.length})`} class="removed" id="removed">
          <ul>
            {doc.removed.map((r, i) => (
              <li key={i}>
                <Badge kind="cruft">{r.reason}</Badge> <del>{r.text}</del>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function QuoteView(props: { q: QuoteOut; d: DocumentDetail; entities: Map<string, EntityOut> }): JSX.Element {
  const { q, d, entities } = props;
  const speaker = q.speaker ? entities.get(q.speaker) : undefined;
  return (
    <div class="record" data-record="quote">
      <h3>
        Quote <Badge>{q.kind}</Badge>
      </h3>
      <blockquote>{q.text}</blockquote>
      <dl>
        <dt>Speaker</dt>
        <dd>{q.speaker ? <EntityLink id={q.speaker} name={speaker?.name ?? q.speaker} /> : <span class="muted">unresolved</span>}</dd>
        <dt>Source words</dt>
        <dd>{q.source ? <q>{d.document.text.slice(q.source.start, q.source.end)}</q> : <span class="muted">none</span>}</dd>
        <dt>Cue</dt>
        <dd>{q.cue ?? '—'}</dd>
        {q.via.length > 0 && (
          <>
            <dt>Via</dt>
            <dd>
              {q.via.map((v, i) => (
                <span key={v}>
                  {i > 0 && ', '}
                  <EntityLink id={v} name={entities.get(v)?.name ?? v} />
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function ClaimView(props: { c: ClaimOut; entities: Map<string, EntityOut>; onQuote: (id: string) => void }): JSX.Element {
  const { c, entities } = props;
  return (
    <div class="record" data-record="claim">
      <h3>
        Figure <Badge kind={c.qualifier}>{hedgeLabel(c.qualifier)}</Badge> {c.background && <Badge>background</Badge>}
      </h3>
      <p class="figure">{figure(c)}</p>
      <dl>
        <dt>Of</dt>
        <dd>{c.of ?? '—'}</dd>
        <dt>Claimant</dt>
        <dd>
          {c.claimant ? <EntityLink id={c.claimant} name={entities.get(c.claimant)?.name ?? c.claimant} /> : <span class="muted">unknown</span>}
          {c.claimantFrom && <span class="meta"> (from {c.claimantFrom})</span>}
        </dd>
        {c.place && (
          <>
            <dt>Place</dt>
            <dd>{c.place}</dd>
          </>
        )}
        {c.direction && (
          <>
            <dt>Direction</dt>
            <dd>{c.direction}</dd>
          </>
        )}
        {c.baseline && (
          <>
            <dt>Baseline</dt>
            <dd>{c.baseline.text}</dd>
          </>
        )}
        <dt>Sentence</dt>
        <dd class="evidence">{c.text}</dd>
      </dl>
      {c.quote && (
        <button class="link" onClick={() => props.onQuote(c.quote!)}>
          Open the quote it sits in
        </button>
      )}
    </div>
  );
}

function RecordView(props: { sel: NonNullable<Selected>; d: DocumentDetail; entities: Map<string, EntityOut>; onSelect: (s: Selected) => void }): JSX.Element {
  const { sel, d, entities } = props;
  if (sel.kind === 'quote') {
    const q = d.quotes.find((x) => x.id === sel.id);
    return q ? <QuoteView q={q} d={d} entities={entities} /> : <p class="muted">Quote not found.</p>;
  }
  if (sel.kind === 'claim') {
    const c = d.claims.find((x) => x.id === sel.id);
    return c ? <ClaimView c={c} entities={entities} onQuote={(id) => props.onSelect({ kind: 'quote', id })} /> : <p class="muted">Claim not found.</p>;
  }
  const entityId = sel.id.split('|')[0]!;
  const e = entities.get(entityId);
  return (
    <div class="record" data-record="entity">
      <h3>
        {e?.name ?? entityId} <Badge>{e?.type ?? 'entity'}</Badge>
      </h3>
      {e && e.roles.length > 0 && (
        <ul>
          {e.roles.map((r, i) => (
            <li key={i}>
              {r.title}
              {r.organization ? `, ${r.organization}` : ''}
            </li>
          ))}
        </ul>
      )}
      {e && e.aliases.length > 0 && <p class="meta">Also: {e.aliases.join(', ')}</p>}
      <Link href={to.entity(entityId)}>Open entity page →</Link>
    </div>
  );
}
