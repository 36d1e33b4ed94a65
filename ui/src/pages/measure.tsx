/**
 * Measure: every claimant's figure on a time axis. Ranges are bars, single figures dots; hedges
 * ("up to", "more than", …) carry an arrow toward the open side; each mark links to its evidence sentence.
 */
import type { JSX } from 'preact';
import type { MeasureDetail } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Badge, Card, EntityLink, Status } from '../common.js';
import { date, figure, hedgeLabel, num } from '../lib/format.js';
import { Link, navigate, to } from '../router.js';

type ClaimRow = MeasureDetail['claims'][number];

const W = 760;
const H = 320;
const M = { top: 20, right: 30, bottom: 46, left: 70 };
const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#4b5563'];
const DAY = 86_400_000;

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The figure a hedged claim states (the bound), and whether the truth lies above or below it. */
function bound(c: ClaimRow): { value: number; open: 'up' | 'down' | null } {
  if (c.qualifier === 'up_to' || c.qualifier === 'less_than') return { value: c.high, open: 'down' };
  if (c.qualifier === 'at_least' || c.qualifier === 'more_than') return { value: c.low, open: 'up' };
  return { value: c.low, open: null };
}

export function MeasureChart(props: { claims: ClaimRow[] }): JSX.Element {
  const claims = props.claims;
  const dated = claims.filter((c) => c.published).map((c) => Date.parse(c.published!));
  const undated = claims.filter((c) => !c.published);
  let t0 = dated.length ? Math.min(...dated) : 0;
  let t1 = dated.length ? Math.max(...dated) : 1;
  if (t1 - t0 < 2 * DAY) {
    t0 -= DAY;
    t1 += DAY;
  }
  const plotW = W - M.left - M.right;
  // Undated claims get their own band at the right, one slot each (all of the width when nothing is dated).
  const bandW = undated.length === 0 ? 0 : dated.length === 0 ? plotW : Math.min(plotW * 0.45, 130 * undated.length);
  const timeW = plotW - bandW - (bandW && dated.length ? 20 : 0);
  const x = (t: number) => M.left + 20 + ((t - t0) / (t1 - t0)) * Math.max(0, timeW - 40);
  const bandX0 = W - M.right - bandW;
  const undatedX = (i: number) => bandX0 + (bandW * (i + 0.5)) / undated.length;
  const hasUndated = undated.length > 0;
  const yMax = niceMax(Math.max(...claims.map((c) => Math.max(c.high, c.low))) * 1.1);
  const y = (v: number) => M.top + (1 - v / yMax) * (H - M.top - M.bottom);
  const claimants = [...new Set(claims.map((c) => c.claimant ?? 'unknown'))];
  const color = (c: ClaimRow) => PALETTE[claimants.indexOf(c.claimant ?? 'unknown') % PALETTE.length]!;
  // Spread marks that share a day so none hides another.
  const perDay = new Map<string, number>();
  for (const c of claims) if (c.published) perDay.set(c.published, (perDay.get(c.published) ?? 0) + 1);
  const slot = new Map<string, number>();
  const xOf = (c: ClaimRow): number => {
    if (!c.published) return undatedX(undated.indexOf(c));
    const n = slot.get(c.published) ?? 0;
    slot.set(c.published, n + 1);
    const count = perDay.get(c.published)!;
    return x(Date.parse(c.published)) + (n - (count - 1) / 2) * 26;
  };
  const showLabels = (c: ClaimRow) => !c.published || (perDay.get(c.published) ?? 0) <= 3;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const xTicks = dated.length ? [...new Set(claims.filter((c) => c.published).map((c) => c.published!))].sort() : [];
  return (
    <>
    <svg class="measure-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Figures claimed over time">
      {yTicks.map((v) => (
        <g key={v} class="tick">
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} class="grid" />
          <text x={M.left - 8} y={y(v) + 4} text-anchor="end">
            {num(v)}
          </text>
        </g>
      ))}
      {xTicks.map((d) => (
        <text key={d} x={x(Date.parse(d))} y={H - M.bottom + 20} text-anchor="middle" class="xtick">
          {d}
        </text>
      ))}
      {hasUndated && (
        <>
          {dated.length > 0 && <line x1={bandX0 - 10} x2={bandX0 - 10} y1={M.top} y2={H - M.bottom} class="grid band" />}
          <text x={bandX0 + bandW / 2} y={H - M.bottom + 20} text-anchor="middle" class="xtick">
            undated
          </text>
        </>
      )}
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} class="axis" />
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} class="axis" />
      {claims.map((c) => {
        const cx = xOf(c);
        const b = bound(c);
        const isRange = b.open === null && c.high > c.low;
        const col = color(c);
        const label = `${c.claimantName ?? 'unknown'}: ${figure(c)} (${c.outlet ?? 'unknown outlet'}, ${date(c.published)})`;
        const href = to.doc(c.doc, c.id);
        return (
          <a
            key={c.id}
            href={href}
            class={'measure-mark ' + c.qualifier}
            data-claim={c.id}
            onClick={(e: MouseEvent) => {
              e.preventDefault();
              navigate(href);
            }}
          >
            <title>{label}</title>
            {isRange ? (
              <rect x={cx - 5} y={y(c.high)} width={10} height={Math.max(2, y(c.low) - y(c.high))} rx={3} fill={col} class="range" />
            ) : (
              <circle cx={cx} cy={y(b.value)} r={6} fill={c.qualifier === 'approx' ? 'white' : col} stroke={col} stroke-width={2.5} />
            )}
            {showLabels(c) && <text x={cx + 11} y={(isRange ? y((c.low + c.high) / 2) : y(b.value)) + 4} class="mark-label">
              {figure(c)}
            </text>}
            {b.open && (
              <path
                class="hedge"
                d={b.open === 'down' ? `M${cx} ${y(b.value) + 9} l0 16 m-5 -6 l5 6 l5 -6` : `M${cx} ${y(b.value) - 9} l0 -16 m-5 6 l5 -6 l5 6`}
                stroke={col}
                fill="none"
                stroke-width={2}
              />
            )}
          </a>
        );
      })}
    </svg>
    <p class="legend claimants">
      {claimants.map((name, i) => (
        <span key={name}>
          <span class="key dot" style={{ background: PALETTE[i % PALETTE.length] }} />
          {claims.find((c) => (c.claimant ?? 'unknown') === name)?.claimantName ?? 'unknown claimant'}
        </span>
      ))}
    </p>
    </>
  );
}

export function MeasurePage(props: { id: string }): JSX.Element {
  const res = useApi<MeasureDetail>(`/api/measures/${encodeURIComponent(props.id)}`);
  const d = res.data;
  if (!d) return <Status loading={res.loading} error={res.error} />;
  const m = d.measure;
  const claims = [...d.claims].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  return (
    <div class="measure">
      <h1>
        {m.label} {m.conflict ? <Badge kind="warn">conflict</Badge> : <Badge kind="ok">consistent</Badge>}
      </h1>
      <p class="meta">
        {claims.length} claims{m.place ? ` · ${m.place}` : ''}
        {m.subject ? ` · ${m.subject}` : ''}
      </p>
      {m.explanation && <p class={'explanation' + (m.conflict ? ' warn' : '')}>{m.explanation}</p>}
      <Card title="Figures over time" id="chart">
        <div class="scroll-x">{claims.length > 0 ? <MeasureChart claims={claims} /> : <p class="muted">No claims.</p>}</div>
        <p class="legend">
          <span class="key dot" /> figure <span class="key ring" /> about <span class="key bar" /> range <span class="key arrow">↓</span> up to / less than{' '}
          <span class="key arrow">↑</span> at least / more than — click a mark to open its sentence.
        </p>
      </Card>
      <Card title="Evidence" id="evidence">
        <table class="table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Claimant</th>
              <th>Figure</th>
              <th>Hedge</th>
              <th>Outlet</th>
              <th>Sentence</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} data-claim={c.id}>
                <td>{date(c.published)}</td>
                <td>
                  <EntityLink id={c.claimant} name={c.claimantName} />
                </td>
                <td class="num">{figure(c)}</td>
                <td>{hedgeLabel(c.qualifier)}</td>
                <td>{c.outlet ?? '—'}</td>
                <td>
                  <Link href={to.doc(c.doc, c.id)}>{c.text}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
