/**
 * Linking throughput on a synthetic corpus: `node --import tsx src/corpus/bench-link.ts [docs]`.
 * Events of a few reports each, 20 outlets with boilerplate, quotes and figures; prints docs/s and MB/s.
 */
import { MemoryCorpusIndex } from './corpus-index.js';
import { linkDocument } from './link.js';
import { bundleOf } from './fixtures.js';
import type { FixtureDoc } from './fixtures.js';

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'bri', 'den', 'sul', 'mar', 'ten', 'ox', 'pa', 'qui', 'zan', 'fel'];
const WORDS = 'government official minister security forces attack border region talks agreement economy market police city report army group leader visit summit election vote court ruling protest fire storm flood company profit'.split(' ');

/**
 * Synthetic fixture documents: `n` reports of n/4 events.
 * @example syntheticDocs(100).length // 100
 */
export function syntheticDocs(n: number, seed = 7): FixtureDoc[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const name = () => {
    const w = () => (pick(SYL) + pick(SYL) + pick(SYL)).replace(/^./, (c) => c.toUpperCase());
    return `${w()} ${w()}`;
  };
  const outlets = Array.from({ length: 20 }, (_, i) => `Outlet${i}`);
  const boiler = outlets.map((o) => `${o} notes that the ${pick(WORDS)} ${pick(WORDS)} has been described in earlier reports as one of about ${Math.floor(r() * 900 + 100)} cases in the region.`);
  const docs: FixtureDoc[] = [];
  const events = Math.max(1, Math.floor(n / 4));
  const ev = Array.from({ length: events }, (_, i) => ({
    speaker: name(),
    place: name().split(' ')[0]!,
    words: Array.from({ length: 12 }, () => pick(WORDS)),
    figure: Math.floor(r() * 5000 + 10),
    day: `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
  for (let i = 0; i < n; i++) {
    const e = ev[i % events]!;
    const o = outlets[Math.floor(r() * outlets.length)]!;
    const oi = outlets.indexOf(o);
    const quote = `We see ${e.words.slice(0, 8).join(' ')} and more than ${e.figure} people in ${e.place}`;
    const filler = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
    const text = `${e.speaker} said in ${e.place} that the ${e.words.join(' ')} continued.\n"${quote}," ${e.speaker} said.\n${filler}.\n${boiler[oi]}\n`;
    docs.push({
      id: `s${String(i).padStart(6, '0')}`,
      outlet: o,
      published: e.day,
      title: `${e.place} ${e.words[0]}`,
      text,
      entities: [
        { name: e.speaker, type: 'person' },
        { name: e.place, type: 'location' },
        { name: o, type: 'organization' },
      ],
      quotes: [{ text: quote, speaker: e.speaker }],
      claims: [{ value: `more than ${e.figure}`, low: e.figure, qualifier: 'more_than', of: 'people', place: e.place, claimant: e.speaker }],
    });
  }
  return docs;
}

/**
 * Near-duplicate reports of one event (the same wire story republished by many outlets): the worst case for group sizes.
 * @example nearDuplicateDocs(200).length // 200
 */
export function nearDuplicateDocs(n: number, seed = 11): FixtureDoc[] {
  const base = syntheticDocs(4, seed)[0]!;
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `n${String(i).padStart(6, '0')}`,
    outlet: `Outlet${i % 20}`,
    text: base.text.replace(/^/, `Report ${i}. `),
  }));
}

/** Wrap an index so that every method call is counted. */
function counted(index: MemoryCorpusIndex): { index: MemoryCorpusIndex; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(index, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      return (...args: unknown[]) => {
        calls.set(prop, (calls.get(prop) ?? 0) + 1);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { index: proxy, calls };
}

async function run(label: string, docs: FixtureDoc[]): Promise<void> {
  const bundles = docs.map(bundleOf);
  const bytes = bundles.reduce((s, b) => s + b.document.text.length, 0);
  const { index, calls } = counted(new MemoryCorpusIndex());
  const t0 = performance.now();
  let lap = t0;
  const laps: string[] = [];
  for (let i = 0; i < bundles.length; i++) {
    await linkDocument(bundles[i]!, index);
    if ((i + 1) % Math.max(1, Math.floor(bundles.length / 4)) === 0) {
      const now = performance.now();
      laps.push(`${((now - lap) / Math.max(1, Math.floor(bundles.length / 4))).toFixed(2)}`);
      lap = now;
    }
  }
  const s = (performance.now() - t0) / 1000;
  const n = bundles.length;
  const top = [...calls].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, c]) => `${k} ${c}`).join(', ');
  process.stdout.write(
    `${label}: ${n} docs in ${s.toFixed(1)} s: ${(n / s).toFixed(0)} docs/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s; ms/doc by quarter ${laps.join(' ')}; ` +
      `stories ${index.stories.size}, quote groups ${index.quoteGroups.size}, measures ${index.measures.byId.size}\n  index calls: ${top}\n`,
  );
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10000);
  await run('synthetic', syntheticDocs(n));
  await run('near-duplicates', nearDuplicateDocs(Number(process.argv[3] ?? 200)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
