/** Map: offline country shapes (world-atlas via topojson-client + d3-geo, no tile server) shaded by mentions. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PlaceOut } from '../../../src/server/api-types.js';
import { useApi } from '../api.js';
import { Card, Status } from '../common.js';
import { Link, to } from '../router.js';

interface Shape {
  id: string;
  name: string;
  d: string;
}

const W = 900;
const H = 460;

/** Country outlines as SVG paths, loaded lazily (the atlas is the largest asset). */
async function loadShapes(): Promise<Shape[]> {
  const [{ geoEqualEarth, geoPath }, { feature }, atlas] = await Promise.all([
    import('d3-geo'),
    import('topojson-client'),
    import('world-atlas/countries-110m.json'),
  ]);
  const topo = (atlas as any).default ?? atlas;
  const fc = feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection;
  const projection = geoEqualEarth().fitSize([W, H], fc);
  const path = geoPath(projection);
  return fc.features.map((f) => ({ id: String(f.id ?? ''), name: String(f.properties?.name ?? ''), d: path(f) ?? '' }));
}

export function MapPage(): JSX.Element {
  const places = useApi<PlaceOut[]>('/api/places');
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  useEffect(() => {
    loadShapes().then(setShapes, () => setShapes([]));
  }, []);
  const byCountry = new Map<string, PlaceOut[]>();
  for (const p of places.data ?? []) if (p.ccn3) byCountry.set(p.ccn3, [...(byCountry.get(p.ccn3) ?? []), p]);
  const total = (id: string) => (byCountry.get(id) ?? []).reduce((s, p) => s + p.count, 0);
  const max = Math.max(1, ...[...byCountry.keys()].map(total));
  const shade = (n: number) => (n === 0 ? undefined : `rgba(37, 99, 235, ${0.25 + 0.75 * Math.sqrt(n / max)})`);
  return (
    <div class="map-page">
      <h1>Map</h1>
      <p class="meta">Countries shaded by how often the articles mention them or places in them.</p>
      <Status loading={places.loading} error={places.error} />
      <div class="with-side">
        <Card title="Mentioned countries" class="map-card">
          {shapes === null && <p class="muted">Loading map…</p>}
          {shapes && (
            <svg class="world" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="World map of mentioned places">
              {shapes.map((s) => {
                const n = total(s.id);
                return (
                  <path
                    key={s.id + s.name}
                    d={s.d}
                    class={'country' + (n ? ' mentioned' : '') + (hover === s.id ? ' hover' : '')}
                    data-country={s.id}
                    style={{ fill: shade(n) }}
                    onMouseEnter={() => setHover(s.id)}
                    onMouseLeave={() => setHover(null)}
                  >
                    <title>{`${s.name}${n ? `: ${n} mention${n === 1 ? '' : 's'}` : ''}`}</title>
                  </path>
                );
              })}
            </svg>
          )}
        </Card>
        <aside>
          <Card title="Places">
            <ul class="list places scroll-y">
              {(places.data ?? []).slice(0, 60).map((p) => (
                <li key={p.entity} class={p.ccn3 && hover === p.ccn3 ? 'hover' : ''}>
                  <Link href={to.entity(p.entity)}>{p.name}</Link>
                  <span class="meta">
                    {p.count}
                    {p.country ? ` · ${p.country}` : ''}
                  </span>
                </li>
              ))}
              {places.data?.length === 0 && <li class="muted">No places mentioned yet.</li>}
            </ul>
          </Card>
        </aside>
      </div>
    </div>
  );
}
