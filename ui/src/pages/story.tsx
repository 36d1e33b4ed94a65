/** Story: its articles, each quote group's provenance chain as an SVG graph, and quote variants side by side with word differences. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ProvenanceStep, StoryDetail } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Badge, Card, EntityLink, Status } from '../common.js';
import { date } from '../lib/format.js';
import { diffWords } from '../lib/word-diff.js';
import { Link, to } from '../router.js';

const NODE_W = 170;
const NODE_H = 54;
const GAP = 46;

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Provenance drawn left to right: speaker → first outlet → relays, with dates. */
export function ProvenanceGraph(props: { steps: ProvenanceStep[] }): JSX.Element {
  const steps = props.steps;
  const width = Math.max(1, steps.length) * (NODE_W + GAP) - GAP + 20;
  return (
    <svg class="provenance" viewBox={`0 0 ${width} ${NODE_H + 20}`} width={width} height={NODE_H + 20} role="img" aria-label="Provenance chain">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
        </marker>
      </defs>
      {steps.map((s, i) => {
        const x = 10 + i * (NODE_W + GAP);
        return (
          <g key={i} class={'prov-node ' + s.role} data-role={s.role}>
            {i > 0 && <line x1={x - GAP + 2} y1={10 + NODE_H / 2} x2={x - 3} y2={10 + NODE_H / 2} class="edge" marker-end="url(#arrow)" />}
            <rect x={x} y={10} width={NODE_W} height={NODE_H} rx={8} />
            <text x={x + 10} y={30} class="name">
              {clip(s.name, 22)}
            </text>
            <text x={x + 10} y={50} class="sub">
              {s.role}
              {s.date ? ` · ${s.date}` : ''}
            </text>
            <title>{`${s.name} (${s.role})${s.date ? ', ' + s.date : ''}`}</title>
          </g>
        );
      })}
    </svg>
  );
}

export function StoryPage(props: { id: string }): JSX.Element {
  const res = useApi<StoryDetail>(`/api/stories/${encodeURIComponent(props.id)}`);
  const [showAll, setShowAll] = useState(false);
  const d = res.data;
  if (!d) return <Status loading={res.loading} error={res.error} />;
  // Statements repeated by several articles first; single reports are listed only on request.
  const groups = [...d.quoteGroups].sort((a, b) => b.members.length - a.members.length);
  const repeated = groups.filter((g) => g.members.length > 1);
  const shown = showAll ? groups : repeated.slice(0, 12);
  const docs = [...d.documents].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  return (
    <div class="story">
      <h1>{d.story.label ?? 'Story'}</h1>
      <p class="meta">
        {docs.length} articles · {repeated.length} statements repeated across articles · {groups.length} quote groups
      </p>
      <Card title="Articles" id="story-docs">
        <table class="table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Outlet</th>
              <th>Title</th>
              <th>Quotes</th>
              <th>Figures</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((doc) => (
              <tr key={doc.id}>
                <td>
                  {date(doc.published)}
                  {doc.publishedInferred && <Badge kind="inferred">inferred</Badge>}
                </td>
                <td>{doc.outlet ?? '—'}</td>
                <td>
                  <Link href={to.doc(doc.id)}>{doc.title ?? doc.id}</Link>
                </td>
                <td>{doc.quoteCount}</td>
                <td>{doc.claimCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {shown.map((g) => {
        const base = g.members[0];
        return (
          <Card key={g.id} title={g.members.length > 1 ? "Repeated statement" : "Statement"} class="quote-group" id={`group-${g.id}`}>
            <p class="meta">
              Speaker: <EntityLink id={g.speaker ?? null} name={g.provenance?.find((s) => s.role === 'speaker')?.name ?? g.speaker ?? null} /> · {g.members.length} versions
            </p>
            {g.provenance && g.provenance.length > 0 && (
              <div class="scroll-x">
                <ProvenanceGraph steps={g.provenance} />
              </div>
            )}
            <div class="side-by-side">
              {g.members.map((m, i) => (
                <div class="variant" key={m.id} data-quote={m.id}>
                  <p class="meta">
                    {m.outlet ?? 'unknown outlet'} · {date(m.published)} {i === 0 && <Badge>earliest</Badge>}
                  </p>
                  <blockquote>
                    {i === 0 || !base
                      ? m.text
                      : diffWords(base.text, m.text).map((w, k) => (w.changed ? <mark class="diff" key={k}>{w.text}</mark> : w.text))}
                  </blockquote>
                  <Link href={to.doc(m.doc, m.id)}>In context →</Link>
                </div>
              ))}
            </div>
          </Card>
        );
      })}
      {shown.length < groups.length && (
        <button class="show-all" onClick={() => setShowAll(true)}>
          Show all {groups.length} quote groups
        </button>
      )}
    </div>
  );
}
