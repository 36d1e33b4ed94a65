/** Web UI entry: layout, navigation and client-side routes. */
import { render, type JSX } from 'preact';
import './styles.css';
import { Link, match, useRoute } from './router.js';
import { OverviewPage } from './pages/overview.js';
import { SearchPage } from './pages/search.js';
import { DocumentPage } from './pages/document.js';
import { EntityPage } from './pages/entity.js';
import { StoryPage } from './pages/story.js';
import { MeasurePage } from './pages/measure.js';
import { MapPage } from './pages/map.js';
import { IngestPage } from './pages/ingest.js';

const NAV: [string, string][] = [
  ['/', 'Overview'],
  ['/search', 'Search'],
  ['/map', 'Map'],
  ['/ingest', 'Ingest'],
];

function Page(): JSX.Element {
  const route = useRoute();
  const p = route.path.replace(/\/+$/, '') || '/';
  let m: Record<string, string> | null;
  if (p === '/') return <OverviewPage />;
  if (p === '/search') return <SearchPage query={route.query} />;
  if (p === '/map') return <MapPage />;
  if (p === '/ingest') return <IngestPage />;
  if ((m = match('/documents/:id', p))) return <DocumentPage id={m.id!} highlight={route.query.get('hl')} />;
  if ((m = match('/entities/:id', p))) return <EntityPage id={m.id!} />;
  if ((m = match('/stories/:id', p))) return <StoryPage id={m.id!} />;
  if ((m = match('/measures/:id', p))) return <MeasurePage id={m.id!} />;
  return (
    <div class="card">
      <h1>Not found</h1>
      <p>
        No page at {p}. <Link href="/">Back to the overview</Link>
      </p>
    </div>
  );
}

function App(): JSX.Element {
  const route = useRoute();
  const here = '/' + (route.path.split('/')[1] ?? '');
  return (
    <>
      <header class="top">
        <Link href="/" class="brand">
          Crosscheck
        </Link>
        <nav>
          {NAV.map(([href, label]) => (
            <Link key={href} href={href} class={here === href ? 'active' : ''}>
              {label}
            </Link>
          ))}
        </nav>
      </header>
      <main>
        <Page />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
