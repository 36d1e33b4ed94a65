import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleOf } from './fixtures.js';
import type { FixtureDoc, FixtureEntity } from './fixtures.js';
import { isRepublication, linkCorpus, linkDocument, nameBeforeCounted } from './link.js';
import { MemoryCorpusIndex } from './corpus-index.js';
import { refreshStoryBoundMeasures } from './measures.js';

// Hand-made bundles mimicking the seed articles (tests may quote the samples).
const BACKGROUND =
  'The Islamic State is an extremist organization banned in Russia. In 2013-2014, it called itself the Islamic State of Iraq and the Levant (ISIL). ' +
  'According to US Central Intelligence Agency, the extremist group includes around 30,000 people, while Iraqi authorities claim there are around 200,000 in IS.';

const D000: FixtureDoc = {
  id: 'd000',
  outlet: 'Sputnik',
  published: '2015-10-16',
  title: 'Russian Deputy Defense Minister on ISIL, Russia-US Relations, Terror Groups',
  text:
    'BEIJING (Sputnik) – The Islamic State radical group is planning to expand its activities to Europe, Russia and Central and Southeast Asia, Russian Deputy Defense Minister Anatoly Antonov said at the Xiangshan defense forum in Beijing.\n' +
    '"There are currently up to 50,000 militants in the country [Afghanistan], organized into over 4,000 different units and groups," Antonov said.\n' +
    'According to CSTO data, there are about 2,000-3,000 ISIL militants in Afghanistan.\n',
  entities: [
    { name: 'Anatoly Antonov', type: 'person', aliases: ['Antonov'], roles: [{ title: 'Deputy Defense Minister', organization: 'Russia' }] },
    { name: 'Islamic State', type: 'group', aliases: ['ISIL'] },
    { name: 'Afghanistan', type: 'location' },
    { name: 'CSTO', type: 'organization' },
    { name: 'Sputnik', type: 'organization' },
  ],
  quotes: [{ text: 'There are currently up to 50,000 militants in the country [Afghanistan], organized into over 4,000 different units and groups', speaker: 'Anatoly Antonov' }],
  claims: [
    { value: 'up to 50,000', low: 50000, qualifier: 'up_to', of: 'militants', place: 'Afghanistan', claimant: 'Anatoly Antonov' },
    { value: '2,000-3,000', low: 2000, high: 3000, qualifier: 'approx', of: 'ISIL militants', subject: 'ISIL', place: 'Afghanistan', claimant: 'CSTO' },
  ],
};

const D001: FixtureDoc = {
  id: 'd001',
  outlet: 'TASS',
  published: '2015-10-28',
  title: 'Taliban siding with IS intensifies threat of their invasion of Central Asia — FSB',
  text:
    'MOSCOW, October 28. /TASS/. Joining the Islamic State (IS) terrorist group by part of the Taliban movement has intensified the threat of the terrorists’ invasion of Central Asia, Director of the Russian Federal Security Service (FSB) Alexander Bortnikov said in Moscow on Wednesday at a meeting of the Council of the heads of security services of the CIS member states.\n' +
    '"According to our estimates, nationals from more than 100 countries have joined terrorist structures. The share of foreign mercenaries reaches 40%," Bortnikov told the session.\n' +
    '"The international community currently faces a new political challenge - bandits from the so-called Islamic State. This project that emerged from the notorious Arab Spring has expanded due to ambiguous policy of several global and regional powers that tried to solve their strategic tasks in Asia and Africa with the help of a ‘terrorist ram’," Bortnikov told the session.\n' +
    BACKGROUND +
    '\n',
  entities: [
    { name: 'Alexander Bortnikov', type: 'person', aliases: ['Bortnikov'], roles: [{ title: 'Director', organization: 'Federal Security Service' }] },
    { name: 'Islamic State', type: 'group', aliases: ['IS', 'ISIL'] },
    { name: 'Federal Security Service', type: 'organization', aliases: ['FSB'] },
    { name: 'TASS', type: 'organization' },
  ],
  quotes: [
    { text: 'According to our estimates, nationals from more than 100 countries have joined terrorist structures. The share of foreign mercenaries reaches 40%', speaker: 'Alexander Bortnikov' },
    {
      text: 'The international community currently faces a new political challenge - bandits from the so-called Islamic State. This project that emerged from the notorious Arab Spring has expanded due to ambiguous policy of several global and regional powers that tried to solve their strategic tasks in Asia and Africa with the help of a ‘terrorist ram’',
      speaker: 'Alexander Bortnikov',
    },
  ],
  claims: [
    { value: 'more than 100', low: 100, qualifier: 'more_than', of: 'countries', claimant: 'Alexander Bortnikov' },
    { value: '30,000', low: 30000, qualifier: 'approx', of: 'people', subject: 'Islamic State', claimant: 'TASS' },
  ],
};

const D002: FixtureDoc = {
  id: 'd002',
  outlet: 'TASS',
  published: '2015-10-22',
  title: 'Islamic State settles in most Afghan provinces — Russian Foreign Ministry',
  text:
    'MOSCOW, October 22. /TASS/. The Islamic State terrorist group has settled in 25 out of 34 Afghan provinces, the Russian Foreign Ministry’s spokesperson said on Thursday.\n' +
    '"The IS keeps growing its presence in Afghanistan," Maria Zakharova said.\n' +
    BACKGROUND +
    '\n',
  entities: [
    { name: 'Maria Zakharova', type: 'person', roles: [{ title: 'spokesperson', organization: 'Russian Foreign Ministry' }] },
    { name: 'Islamic State', type: 'organization', aliases: ['IS'] },
    { name: 'TASS', type: 'organization' },
  ],
  quotes: [{ text: 'The IS keeps growing its presence in Afghanistan', speaker: 'Maria Zakharova' }],
  claims: [
    { value: '25 out of 34', low: 25, of: 'provinces', subject: 'Islamic State', place: 'Afghanistan', claimant: 'Maria Zakharova' },
    { value: '30,000', low: 30000, qualifier: 'approx', of: 'people', subject: 'Islamic State', claimant: 'TASS' },
  ],
};

const D003: FixtureDoc = {
  id: 'd003',
  outlet: 'RT',
  published: '2017-12-23',
  title: 'ISIS has over 10,000 fighters in Afghanistan, more arriving from Syria & Iraq – Moscow',
  text:
    'The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan, and Moscow believes the US may be underestimating their threat, Russia’s special envoy says.\n' +
    '“Lately IS has boosted its presence in the country. Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow,” Zamir Kabulov told RIA Novosti.\n',
  entities: [
    { name: 'Zamir Kabulov', type: 'person', roles: [{ title: 'special envoy', organization: 'Russia' }] },
    { name: 'Islamic State', type: 'group', aliases: ['IS', 'ISIS'] },
    { name: 'Afghanistan', type: 'location' },
    { name: 'RIA Novosti', type: 'organization' },
  ],
  quotes: [{ text: 'Lately IS has boosted its presence in the country. Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow', speaker: 'Zamir Kabulov', via: ['RIA Novosti'] }],
  claims: [{ value: 'over 10,000', low: 10000, qualifier: 'more_than', of: 'loyal fighters', subject: 'Islamic State', place: 'Afghanistan', claimant: 'Zamir Kabulov' }],
};

const D004: FixtureDoc = {
  id: 'd004',
  outlet: 'IBTimes',
  published: '2015-10-28',
  title: "ISIS Threat To Central Asia Has Increased, Russia's Intelligence Chief Warns: Report",
  text:
    'A Russian intelligence official warned Wednesday that there was an increased risk of fighters from the Taliban and the Islamic State group, also known as ISIS, invading Central Asia, Sputnik News, a state-run news agency, reported, citing the head of Russian Federal Security Service, Alexander Bortnikov.\n' +
    '“The international community has now hit a new geopolitical challenge, an international criminal group in the name of the Islamic State. This project, which grew out of the ‘Arab Spring,’ has gained momentum thanks to the double [political] standards of certain world regional powers by using ‘a terrorist battering ram’ to reach their own strategic goals in Asia and Africa," he said, according to Sputnik News.\n' +
    '“According to our estimates, citizens from more than 100 countries are currently fighting in the ranks of terrorist structures and the recruits constitute up to 40 percent of their forces,” Bortnikov added.\n',
  entities: [
    { name: 'Alexander Bortnikov', type: 'person', aliases: ['Bortnikov'], roles: [{ title: 'head', organization: 'Russian Federal Security Service' }] },
    { name: 'Islamic State', type: 'group', aliases: ['ISIS'] },
    { name: 'Sputnik News', type: 'organization' },
  ],
  quotes: [
    {
      text: 'The international community has now hit a new geopolitical challenge, an international criminal group in the name of the Islamic State. This project, which grew out of the ‘Arab Spring,’ has gained momentum thanks to the double [political] standards of certain world regional powers by using ‘a terrorist battering ram’ to reach their own strategic goals in Asia and Africa',
      speaker: 'Alexander Bortnikov',
      via: ['Sputnik News'],
    },
    { text: 'According to our estimates, citizens from more than 100 countries are currently fighting in the ranks of terrorist structures and the recruits constitute up to 40 percent of their forces', speaker: 'Alexander Bortnikov' },
  ],
  claims: [{ value: 'more than 100', low: 100, qualifier: 'more_than', of: 'countries', claimant: 'Alexander Bortnikov' }],
};

const SEEDS = [D000, D001, D002, D003, D004].map(bundleOf);

test('seed-like corpus: entities are shared across documents', async () => {
  const a = await linkCorpus(SEEDS);
  const bort = a.entities.filter((e) => e.name === 'Alexander Bortnikov');
  assert.equal(bort.length, 1);
  const is = a.entities.filter((e) => e.name === 'Islamic State');
  assert.equal(is.length, 1, 'Islamic State as group and organization is one entity');
  assert.ok(is[0]!.aliases.includes('ISIS') && is[0]!.aliases.includes('ISIL'));
  // Every mention is kept, with a global id.
  assert.equal(a.mentions.length, SEEDS.reduce((n, b) => n + b.mentions.length, 0));
  assert.ok(a.mentions.every((m) => !m.entity.includes('#e')));
});

test('seed-like corpus: one story for the same speech, separate stories for other events', async () => {
  const a = await linkCorpus(SEEDS);
  const storyOf = (doc: string) => a.stories.find((s) => s.documents.includes(doc))!.id;
  assert.equal(storyOf('d001'), storyOf('d004'));
  assert.equal(storyOf('d001'), 'story:d001');
  assert.notEqual(storyOf('d000'), storyOf('d001'));
  assert.notEqual(storyOf('d002'), storyOf('d001'));
  assert.notEqual(storyOf('d003'), storyOf('d000'));
  assert.notEqual(storyOf('d002'), storyOf('d003'));
  assert.equal(a.stories.length, 4);
});

test('seed-like corpus: translations of one utterance form quote groups, earliest source first, with provenance', async () => {
  const a = await linkCorpus(SEEDS);
  const ram = a.quoteGroups.find((g) => g.quotes.some((q) => q.startsWith('d004')) && g.quotes.some((q) => q.startsWith('d001')) && a.quotes.find((x) => x.id === g.quotes[0])!.text.includes('Arab Spring'));
  assert.ok(ram, 'the battering-ram translations are grouped');
  assert.equal(ram!.quotes.length, 2);
  assert.ok(ram!.quotes[0]!.startsWith('d001'), 'the quote reported directly comes first');
  const prov = ram!.provenance!;
  assert.deepEqual(
    prov.map((p) => [p.role, p.name]),
    [
      ['speaker', 'Alexander Bortnikov'],
      ['outlet', 'TASS'],
      ['relay', 'Sputnik News'],
      ['outlet', 'IBTimes'],
    ],
  );
  const estimates = a.quoteGroups.filter((g) => g.quotes.some((q) => a.quotes.find((x) => x.id === q)!.text.startsWith('According to our estimates')));
  assert.equal(estimates.length, 1);
  assert.equal(estimates[0]!.quotes.length, 2);
  // Quotes of different speakers stay apart.
  assert.ok(a.quoteGroups.every((g) => g.quotes.length === 1 || g.speaker === a.entities.find((e) => e.name === 'Alexander Bortnikov')!.id));
});

test('seed-like corpus: an outlet backgrounder repeated across articles is background in both', async () => {
  const a = await linkCorpus(SEEDS);
  const bg = a.claims.filter((c) => c.background).map((c) => c.id).sort();
  assert.deepEqual(bg, [`d001.c${D001.text.indexOf('30,000')}`, `d002.c${D002.text.indexOf('30,000')}`].sort());
  // Background figures are not measure points.
  assert.ok(a.measures.every((m) => !m.claims.some((c) => bg.includes(c))));
});

test('seed-like corpus: measures by counted thing, subject and place; scopes and years explained', async () => {
  const a = await linkCorpus(SEEDS);
  const countries = a.measures.find((m) => m.of === 'countries')!;
  assert.equal(countries.claims.length, 2);
  assert.equal(countries.conflict, false);
  const isFighters = a.measures.find((m) => m.claims.includes(`d003.c${D003.text.indexOf('over 10,000')}`))!;
  assert.equal(isFighters.claims.length, 2, 'ISIL militants (2015) and IS fighters (2017) are one quantity');
  assert.equal(isFighters.conflict, false);
  assert.match(isFighters.explanation, /different years/);
  const all = a.measures.find((m) => m.claims.includes(`d000.c${D000.text.indexOf('up to 50,000')}`))!;
  assert.notEqual(all.id, isFighters.id, 'all militants is a different scope');
  assert.match(all.explanation + isFighters.explanation, /different scope/);
});

test('a subject phrase ending in the counted noun resolves by the name before it ("ISIL militants" counting militants)', async () => {
  assert.equal(nameBeforeCounted('ISIL militants', 'militants'), 'ISIL');
  assert.equal(nameBeforeCounted('Hezbollah fighters', 'militants'), 'Hezbollah', 'fighters and militants are one counted thing');
  assert.equal(nameBeforeCounted('ISIL', 'militants'), null);
  assert.equal(nameBeforeCounted('local militants', 'militants'), null, 'no name left');
  assert.equal(nameBeforeCounted('ISIL commanders', 'militants'), null);
  const d000 = { ...D000, claims: D000.claims!.map((c) => (c.subject === 'ISIL' ? { ...c, subject: 'ISIL militants' } : c)) };
  const a = await linkCorpus([d000, D003].map(bundleOf));
  const m = a.measures.find((x) => x.claims.includes(`d003.c${D003.text.indexOf('over 10,000')}`))!;
  assert.equal(m.claims.length, 2);
});

test('incremental: a later earlier-dated document renames the story and flags earlier background', async () => {
  const index = new MemoryCorpusIndex();
  const r4 = await linkDocument(bundleOf(D004), index);
  assert.equal(r4.story, 'story:d004');
  const r1 = await linkDocument(bundleOf(D001), index);
  assert.equal(r1.story, 'story:d001');
  assert.deepEqual(r1.storyMerges, [{ from: 'story:d004', into: 'story:d001' }]);
  assert.ok(Object.values(r1.quoteGroupOf).every((g) => g.startsWith('qg:d001')));
  const r2 = await linkDocument(bundleOf(D002), index);
  assert.ok(r2.background.includes(`d001.c${D001.text.indexOf('30,000')}`), 'the earlier TASS figure became background');
  assert.ok(r2.background.includes(`d002.c${D002.text.indexOf('30,000')}`));
  assert.ok(r2.measuresRemoved.length === 1 || r2.measures.length >= 1);
  const doc4 = await index.getDocument('d004');
  assert.equal(doc4!.story, 'story:d001');
});

test('isRepublication: a document nearly all repeating its outlet is a republication, less is boilerplate', () => {
  const u = (start: number, end: number) => ({ start, end });
  const rows: [{ start: number; end: number }[], { start: number; end: number }[], boolean][] = [
    [[u(0, 100), u(100, 200)], [u(0, 100), u(100, 200)], true],
    // Half repeated: an article with a long backgrounder, not a republication.
    [[u(0, 100), u(100, 200)], [u(100, 200)], false],
    [[u(0, 20), u(20, 200)], [u(20, 200)], true],
    [[u(0, 100), u(100, 200), u(200, 300)], [u(200, 300)], false],
    [[u(0, 100)], [], false],
    [[], [], false],
  ];
  for (const [units, repeated, expected] of rows) assert.equal(isRepublication(units, repeated), expected, JSON.stringify([units, repeated]));
});

test('the same article republished again and again by a few outlets stays one story', async () => {
  const index = new MemoryCorpusIndex();
  const body =
    'Firefighters battled a large blaze at a furniture warehouse in Northfield overnight, the county fire service said.\n' +
    'More than forty firefighters and ten engines were sent to the warehouse on Mill Road after the alarm was raised shortly after midnight.\n' +
    'Residents of nearby streets were told to keep their windows and doors closed because of the heavy smoke over the town.\n' +
    'The cause of the fire is not yet known and an investigation will begin once the site is safe, the fire service said.\n';
  const stories = new Set<string>();
  for (let i = 0; i < 24; i++) {
    const r = await linkDocument(
      bundleOf({ id: `r${String(i).padStart(3, '0')}`, outlet: `Outlet${i % 4}`, published: '2021-03-04', title: 'Warehouse fire', text: `Report ${i}. ${body}`, entities: [], quotes: [], claims: [] }),
      index,
    );
    stories.add(r.story);
  }
  assert.deepEqual([...index.stories.keys()], ['story:r000']);
});

test('event counts: two reports of one attack conflict, tolls of different attacks are not compared', async () => {
  const city: FixtureEntity = { name: 'Baghdad', type: 'location' };
  const market = (id: string, outlet: string, toll: string, source: string): FixtureDoc => ({
    id,
    outlet,
    published: '2024-03-02',
    title: `Car bomb at Shorja market in Baghdad kills ${toll}`,
    text:
      `BAGHDAD – A car bomb exploded at the crowded Shorja wholesale market in central Baghdad on Saturday morning and killed ${toll} people, ${source} said.\n` +
      'The blast set fire to stalls selling spices and clothes, and ambulances ferried the wounded to the Medical City hospital complex near the market.\n' +
      'No group claimed responsibility for the market bombing.\n',
    entities: [city, { name: 'Shorja', type: 'location' }, { name: 'Medical City', type: 'organization' }],
    claims: [{ value: toll, low: Number(toll), of: 'people', place: 'Baghdad' }],
  });
  const wedding: FixtureDoc = {
    id: 'w1',
    outlet: 'Wire C',
    published: '2024-03-20',
    title: 'Gunmen attack wedding party north of Baghdad',
    text:
      'Gunmen stormed a wedding celebration in Tarmiyah, a farming town north of Baghdad, late on Wednesday and killed 30 people, including the groom, Salahuddin provincial council member Khalid Jassim said.\n' +
      'The attackers fled in pickup trucks before Iraqi Army soldiers from a nearby checkpoint arrived; the bride survived with gunshot wounds.\n' +
      'Tribal elders in Tarmiyah blamed a long-running land feud between two clans.\n',
    entities: [city, { name: 'Tarmiyah', type: 'location' }, { name: 'Salahuddin', type: 'location' }, { name: 'Khalid Jassim', type: 'person' }, { name: 'Iraqi Army', type: 'organization' }],
    claims: [{ value: '30', low: 30, of: 'people', place: 'Baghdad' }],
  };
  // Other news, so that the corpus has term statistics.
  const other = ['Parliament passed the budget after a long night session.', 'The central bank held interest rates steady on Thursday.', 'Floods cut roads in the southern marshes after heavy rain.'].map(
    (text, i): FixtureDoc => ({ id: `o${i}`, outlet: 'Wire A', published: `2024-03-1${i}`, title: text, text: `${text}\n` }),
  );
  const a = await linkCorpus([market('m1', 'Wire A', '12', 'police'), market('m2', 'Wire B', '15', 'hospital officials'), wedding, ...other].map(bundleOf));
  const storyOf = (doc: string) => a.stories.find((s) => s.documents.includes(doc))!.id;
  assert.equal(storyOf('m1'), storyOf('m2'));
  assert.notEqual(storyOf('w1'), storyOf('m1'));
  const killed = a.measures.filter((m) => m.of === 'people killed');
  assert.equal(killed.length, 1, 'one measure: people killed in Baghdad');
  const m = killed[0]!;
  assert.equal(m.claims.length, 3);
  assert.equal(m.conflict, true, 'two reports of the market bombing disagree');
  assert.match(m.explanation, /says 12\b[^;]* but [^;]*says 15\b[^;]*cannot both be true/);
  assert.match(m.explanation, /different stories \(events\), not compared/);
  assert.doesNotMatch(m.explanation, /30[^,]*cannot both be true/);

  // A revision that moves the later report into the market story compares its toll again.
  const index = new MemoryCorpusIndex();
  for (const f of [market('m1', 'Wire A', '12', 'police'), wedding, ...other]) await linkDocument(bundleOf(f), index);
  const before = [...index.measures.byId.values()].find((x) => x.of === 'people killed')!;
  assert.equal(before.conflict, false);
  const w1 = (await index.getDocument('w1'))!;
  await index.putDocument({ ...w1, story: (await index.getDocument('m1'))!.story });
  const changed = await refreshStoryBoundMeasures(['w1'], index, new Map());
  assert.deepEqual(changed.map((x) => x.id), [before.id]);
  assert.equal((await index.getMeasure(before.id))!.conflict, true);
});

test('a share of a counted thing ("three-quarters of computers") is not a count of it', async () => {
  const doc = (id: string, text: string, value: string, low: number): FixtureDoc => ({ id, outlet: `Outlet ${id}`, published: '2024-05-01', text, claims: [{ value, low, of: 'computers' }] });
  const a = await linkCorpus([doc('s1', 'The browser runs on nearly three-quarters of computers.\n', 'three-quarters', 0.75), doc('s2', 'The browser runs on 900 million computers.\n', '900 million', 9e8)].map(bundleOf));
  const share = a.measures.find((m) => m.claims.some((c) => c.startsWith('s1')))!;
  const count = a.measures.find((m) => m.claims.some((c) => c.startsWith('s2')))!;
  assert.notEqual(share.id, count.id);
  assert.match(share.label, /fraction/);
});
