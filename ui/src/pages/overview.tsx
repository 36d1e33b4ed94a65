/** Overview: counts, latest stories, conflicting measures, most-quoted speakers, outlets. */
import type { JSX } from 'preact';
import type { Counts, EntityOut, MeasureOut, Page, StoryOut } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Badge, Card, OutletBars, Status } from '../common.js';
import { date } from '../lib/format.js';
import { Link, to } from '../router.js';

const COUNT_LABELS: [keyof Counts, string][] = [
  ['documents', 'Articles'],
  ['stories', 'Stories'],
  ['entities', 'Entities'],
  ['quotes', 'Quotes'],
  ['claims', 'Claims'],
  ['measures', 'Measures'],
  ['conflicts', 'Conflicts'],
];

export function OverviewPage(): JSX.Element {
  const counts = useApi<Counts>('/api/counts');
  const stories = useApi<Page<StoryOut & { published: string | null }>>('/api/stories?limit=8');
  const measures = useApi<Page<MeasureOut>>('/api/measures?conflict=true&limit=8');
  const people = useApi<Page<EntityOut & { mentionCount: number; quoteCount: number }>>('/api/entities?type=person&limit=50');
  const outlets = useApi<{ outlet: string; count: number }[]>('/api/outlets');
  const speakers = (people.data?.items ?? []).filter((e) => e.quoteCount > 0).sort((a, b) => b.quoteCount - a.quoteCount).slice(0, 8);
  return (
    <div class="overview">
      <h1>Overview</h1>
      <Status loading={counts.loading} error={counts.error} />
      {counts.data && (
        <div class="counts" data-testid="counts">
          {COUNT_LABELS.map(([k, label]) => (
            <div class={'count' + (k === 'conflicts' && counts.data![k] > 0 ? ' warn' : '')} key={k}>
              <span class="n">{counts.data![k].toLocaleString('en-US')}</span>
              <span class="label">{label}</span>
            </div>
          ))}
        </div>
      )}
      <div class="grid2">
        <Card title="Latest stories" id="latest-stories">
          <Status loading={stories.loading} error={stories.error} />
          <ul class="list">
            {stories.data?.items.map((s) => (
              <li key={s.id}>
                <Link href={to.story(s.id)}>{s.label || s.id}</Link>
                <span class="meta">
                  {date(s.published)} · {s.documents.length} article{s.documents.length === 1 ? '' : 's'}
                </span>
              </li>
            ))}
            {stories.data?.items.length === 0 && <li class="muted">No stories yet. Ingest some articles.</li>}
          </ul>
        </Card>
        <Card title="Measures in conflict" id="conflicts">
          <Status loading={measures.loading} error={measures.error} />
          <ul class="list">
            {measures.data?.items.map((m) => (
              <li key={m.id}>
                <Link href={to.measure(m.id)}>{m.label}</Link> <Badge kind="warn">conflict</Badge>
                <span class="meta">
                  {m.claims.length} claims · {m.explanation}
                </span>
              </li>
            ))}
            {measures.data?.items.length === 0 && <li class="muted">No conflicting figures found.</li>}
          </ul>
        </Card>
        <Card title="Most-quoted speakers" id="speakers">
          <Status loading={people.loading} error={people.error} />
          <ul class="list">
            {speakers.map((e) => (
              <li key={e.id}>
                <Link href={to.entity(e.id)}>{e.name}</Link>
                <span class="meta">
                  {e.quoteCount} quote{e.quoteCount === 1 ? '' : 's'}
                  {e.roles[0] ? ` · ${e.roles[0].title}${e.roles[0].organization ? ', ' + e.roles[0].organization : ''}` : ''}
                </span>
              </li>
            ))}
            {people.data && speakers.length === 0 && <li class="muted">No attributed quotes yet.</li>}
          </ul>
        </Card>
        <Card title="Outlets" id="outlets">
          <Status loading={outlets.loading} error={outlets.error} />
          <OutletBars items={outlets.data ?? []} link />
        </Card>
      </div>
    </div>
  );
}
