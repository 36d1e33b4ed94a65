import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Doc } from '../../doc/doc.js';
import { sentences } from '../sentences/index.js';
import { findEntities, initialsMatch, matchRoleNoun } from './index.js';

function analyze(text: string, before?: (d: Doc) => void): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  before?.(doc);
  sentences.create().run(doc);
  findEntities(doc);
  return doc;
}
const byName = (doc: Doc, name: string) => doc.entities.find((e) => e.name === name);

test('acronym definitions and alias sets fold into one entity', () => {
  const rows: [string, string, string[]][] = [
    ['Members of the Collective Security Treaty Organization (CSTO) met in Minsk. The CSTO said it was ready.', 'Collective Security Treaty Organization', ['CSTO']],
    ['Leaders of CIS (Commonwealth of Independent States) countries met. The CIS summit ended.', 'Commonwealth of Independent States', ['CIS']],
    ['Fighters of the Islamic State (IS, formerly ISIS) fled. IS lost ground.', 'Islamic State', ['IS', 'ISIS']],
    ['The Islamic State of Iraq and the Levant (ISIL) expanded. Daesh fighters moved north.', 'Islamic State', ['ISIL', 'Daesh']],
  ];
  for (const [text, name, aliases] of rows) {
    const doc = analyze(text);
    const e = byName(doc, name);
    assert.ok(e, `${name} in ${JSON.stringify(doc.entities.map((x) => x.name))}`);
    for (const a of aliases) assert.ok(e.aliases.includes(a), `${a} alias of ${name}: ${JSON.stringify(e.aliases)}`);
    const idx = doc.entities.indexOf(e);
    const forms = doc.mentions.filter((m) => m.entity === idx).map((m) => text.slice(m.start, m.end));
    for (const a of aliases) assert.ok(forms.includes(a), `${a} mentioned as ${name}: ${JSON.stringify(forms)}`);
  }
});

test('initials match acronyms, allowing small words and a leading modifier', () => {
  const rows: [string, string, boolean][] = [
    ['ISIL', 'Islamic State of Iraq and the Levant', true],
    ['CSTO', 'Collective Security Treaty Organization', true],
    ['FBI', 'Federal Bureau of Investigation', true],
    ['CIA', 'American Central Intelligence Agency', true],
    ['NATO', 'Commonwealth of Independent States', false],
  ];
  for (const [acr, name, want] of rows) assert.equal(initialsMatch(acr, name), want, `${acr} / ${name}`);
});

test('armed groups from the lexicon get type group', () => {
  const rows: [string, string][] = [
    ['Boko Haram attacked a village in Nigeria.', 'Boko Haram'],
    ['Officials blamed al-Shabaab for the blast.', 'al-Shabaab'],
    ['Hezbollah fired rockets.', 'Hezbollah'],
    ['Members of Hizb ut-Tahrir were detained.', 'Hizb ut-Tahrir'],
    ['The Taliban took the city.', 'Taliban'],
  ];
  for (const [text, name] of rows) assert.equal(byName(analyze(text), name)?.type, 'group', text);
});

test('surname-only mentions link to the full name', () => {
  const text = 'Foreign Minister Pavel Dorokhin spoke in Vienna. Dorokhin said talks would go on.';
  const doc = analyze(text);
  const idx = doc.entities.findIndex((e) => e.name === 'Pavel Dorokhin');
  assert.ok(idx >= 0, JSON.stringify(doc.entities));
  const m = doc.mentions.find((x) => text.slice(x.start, x.end) === 'Dorokhin');
  assert.equal(m?.entity, idx);
  assert.equal(m?.via, 'surname');
});

test('roles from pre-name titles and appositions', () => {
  const rows: [string, string, { title: string; organization: string | null }][] = [
    ['Director of the Russian Federal Security Service (FSB) Oleg Marchenko said on Monday that the threat grew.', 'Oleg Marchenko', { title: 'Director', organization: 'Russian Federal Security Service' }],
    ['"We are concerned," Irina Volkova, the Foreign Ministry\'s spokesperson, said.', 'Irina Volkova', { title: 'spokesperson', organization: 'Foreign Ministry' }],
    ['Russian Deputy Defense Minister Nikolai Petrenko spoke at the forum.', 'Nikolai Petrenko', { title: 'Deputy Defense Minister', organization: 'Russia' }],
    ['Defense Ministry spokesman Maj. Gen. Pyotr Sokolov said the strikes continued.', 'Pyotr Sokolov', { title: 'spokesman', organization: 'Defense Ministry' }],
    ['Timur Rashidov, the head of the Asia department in the Russian Foreign Ministry, said so.', 'Timur Rashidov', { title: 'head of the Asia department', organization: 'Russian Foreign Ministry' }],
  ];
  for (const [text, name, role] of rows) {
    const doc = analyze(text);
    const e = byName(doc, name);
    assert.ok(e, `${name}: ${JSON.stringify(doc.entities.map((x) => [x.name, x.type]))}`);
    assert.deepEqual(e.roles[0], role, text);
  }
});

test('matchRoleNoun finds the person whose role fits', () => {
  const text =
    'Director of the Russian Federal Security Service (FSB) Oleg Marchenko spoke first. Russian Deputy Defense Minister Nikolai Petrenko spoke next. Timur Rashidov, the head of the Asia department in the Russian Foreign Ministry, spoke last. Later remarks followed.';
  const doc = analyze(text);
  const idx = (n: string) => doc.entities.findIndex((e) => e.name === n);
  const end = text.length;
  const rows: [string, number | null][] = [
    ['the FSB chief', idx('Oleg Marchenko')],
    ['the security service chief', idx('Oleg Marchenko')],
    ['the deputy defense minister', idx('Nikolai Petrenko')],
    ['the diplomat', idx('Timur Rashidov')],
    ['the official', idx('Timur Rashidov')],
  ];
  for (const [phrase, want] of rows) assert.equal(matchRoleNoun(doc, phrase, end), want, phrase);
  assert.equal(matchRoleNoun(doc, 'the official', 0), null);
});

test('keeps entities already on the doc and sorts mentions', () => {
  const doc = analyze('MOSCOW, May 1. /TASS/. The Taliban said so, TASS reported.', (d) => {
    d.entities.push({ name: 'TASS', type: 'organization', aliases: [], roles: [] });
  });
  assert.equal(doc.entities[0]!.name, 'TASS');
  assert.equal(doc.entities.filter((e) => e.name === 'TASS').length, 1);
  for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.start <= doc.mentions[i]!.start);
});

test('seed articles: key entities by type', () => {
  const dir = new URL('../../../examples/seeds/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const expect: [number, string, string][] = [
    [0, 'Anatoly Antonov', 'person'],
    [0, 'Islamic State', 'group'],
    [0, 'Collective Security Treaty Organization', 'organization'],
    [1, 'Alexander Bortnikov', 'person'],
    [1, 'Russian Federal Security Service', 'organization'],
    [1, 'Taliban', 'group'],
    [1, 'Afghanistan', 'location'],
    [2, 'Maria Zakharova', 'person'],
    [2, 'Igor Konashenkov', 'person'],
    [3, 'Zamir Kabulov', 'person'],
    [3, 'RIA Novosti', 'organization'],
    [4, 'Sergei Lavrov', 'person'],
  ];
  const docs = files.map((f) => analyze(readFileSync(new URL(f, dir), 'utf8')));
  for (const [i, name, type] of expect) assert.equal(byName(docs[i]!, name)?.type, type, `${files[i]}: ${name}`);
  const fsb = byName(docs[1]!, 'Russian Federal Security Service')!;
  assert.ok(fsb.aliases.includes('FSB'));
  const b = byName(docs[1]!, 'Alexander Bortnikov')!;
  assert.deepEqual(b.roles[0], { title: 'Director', organization: 'Russian Federal Security Service' });
});

test('title-case headlines keep only names the body text or lexicons give', () => {
  const rows: [string, string[]][] = [
    ['Terror Threat In Central Asia Has Increased Significantly, Officials Say\n\nThe threat in Central Asia has increased, officials in Moscow said on Monday.', ['Central Asia', 'Central Asia', 'Moscow']],
    // The surname in a headline links to the person named in full in the body.
    ['Putin Says Talks With Kyiv Are Going Nowhere\n\nRussian President Vladimir Putin said on Friday that talks were stalled.', ['Putin', 'Kyiv', 'Vladimir Putin']],
  ];
  for (const [text, want] of rows) {
    const doc = analyze(text);
    assert.deepEqual(doc.mentions.map((m) => text.slice(m.start, m.end)), want, text);
  }
});

test('a lone capitalized first word needs evidence to be a name', () => {
  const rows: [string, string[]][] = [
    ['Numerous militants crossed the border. Modernized weapons were found in Kabul.', ['Kabul']],
    ['Reportedly the convoy left at dawn. Officials in Kabul confirmed it.', ['Kabul']],
    // A conjunction or sentence adverb opening the sentence is not part of the name after it.
    ['Although Lisbon denies it, the deal is off.', ['Lisbon']],
    ['Lately the ministry in Kabul has been silent.', ['Kabul']],
    ['Around 40 people joined the march in Lyon.', ['Lyon']],
    // Inside an opening quotation too; and a lone verb form is never a name.
    ['He spoke. “Lately the ministry in Kabul has been silent.”', ['Kabul']],
    ['Modernized jets were seen in Kabul.', ['Kabul']],
    // A direction alone is half an elided name.
    ['The group plans to expand to Central and Southeast Asia.', ['Southeast Asia']],
    // Evidence: a gazetteer hit.
    ['Turkey joined the talks.', ['Turkey']],
  ];
  for (const [text, want] of rows) {
    const doc = analyze(text);
    assert.deepEqual(doc.mentions.map((m) => text.slice(m.start, m.end)), want, text);
  }
});

test('titles with a portfolio and a country before them', () => {
  const rows: [string, string, { title: string; organization: string | null }][] = [
    ['U.S. Secretary of State John Kerry met the minister in Geneva.', 'John Kerry', { title: 'Secretary of State', organization: 'United States' }],
    ['Russian Foreign Minister Sergei Lavrov said talks were useful.', 'Sergei Lavrov', { title: 'Foreign Minister', organization: 'Russia' }],
    ['British Minister for Foreign Affairs Jane Holloway arrived on Monday.', 'Jane Holloway', { title: 'Minister for Foreign Affairs', organization: 'United Kingdom' }],
  ];
  for (const [text, name, role] of rows) {
    const doc = analyze(text);
    const e = byName(doc, name);
    assert.ok(e, `${name}: ${JSON.stringify(doc.entities.map((x) => [x.name, x.type]))}`);
    assert.equal(e.type, 'person');
    assert.deepEqual(e.roles[0], role, text);
  }
});

test('sentence layout classes: tables without lower-case words, numbers, capitals', async () => {
  const { tokenInfo } = await import('./tagger.js');
  const { loadGazetteer } = await import('./gazetteer.js');
  const rows: [string, number][] = [
    ['Genoa 1 Lecce 0', 1 | 2],
    ['BASEBALL - MAJOR LEAGUE RESULTS', 1 | 4],
    ['The club won 2-0 on Sunday.', 2],
    ['He went home.', 0],
  ];
  for (const [text, want] of rows) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    const info = tokenInfo(text, doc.tokens, loadGazetteer());
    assert.deepEqual([...new Set(info.row)], [want], text);
  }
});

test('a model-found acronym is not repeated into table rows in capitals', async () => {
  const { linkSpans } = await import('./link.js');
  const { tokenInfo } = await import('./tagger.js');
  const { loadGazetteer } = await import('./gazetteer.js');
  // [text, token index of the tagged acronym, expected mention count]
  const rows: [string, number, number][] = [
    ['The ABC said so on Monday.\nSEP ABC 12 14\n', 1, 1],
    ['The ABC said so on Monday.\nLater the ABC said more.\n', 1, 2],
  ];
  for (const [text, at, want] of rows) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    const gaz = loadGazetteer();
    const info = tokenInfo(text, doc.tokens, gaz);
    const mentions = linkSpans(doc, [{ first: at, last: at, type: 'organization', entry: -1, source: 'model' }], gaz, info.lw, undefined, info.row);
    assert.equal(mentions.length, want, text);
  }
});

test('a country inside a longer MISC name is not a location of its own', () => {
  const rows: [string, string][] = [
    ['Pete Sampras won the U.S. Open on Sunday in New York.', 'U.S.'],
    ['She reached the final of the French Open last year.', 'French'],
  ];
  for (const [text, inside] of rows) {
    const doc = analyze(text);
    assert.ok(!doc.mentions.some((m) => text.slice(m.start, m.end) === inside), `${inside} in ${text}`);
  }
});

test('fast token scoring (dense tables, word cache) equals scoring every feature key', async () => {
  const { tokenInfo, tokenFeatures, weightScorer, shippedWeights, WordMemory, MAX_FEATURES, NTAGS } = await import('./tagger.js');
  const { loadGazetteer } = await import('./gazetteer.js');
  const weights = shippedWeights();
  assert.ok(weights);
  const scorer = weightScorer(weights);
  const dir = new URL('../../../examples/seeds/', import.meta.url);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  texts.push('Genoa 1 Lecce 0\nBASEBALL - MAJOR LEAGUE RESULTS\nThe ABC said on Monday.');
  const feats = new Uint32Array(MAX_FEATURES);
  const slow = new Float64Array(NTAGS);
  const fast = new Float64Array(NTAGS);
  let checked = 0;
  for (const text of texts) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    const info = tokenInfo(text, doc.tokens, loadGazetteer());
    const memory = new WordMemory(64);
    for (let i = 0; i < info.n; i++) {
      // Every previous-tag pair and memory state the tagger can reach.
      const prev = i % 9;
      const prev2 = (i * 7) % 9;
      if (i % 5 === 0) memory.set(info.lw[i]!, i % 5);
      const nf = tokenFeatures(info, i, prev, prev2, memory, feats);
      scorer.score(feats, nf, slow);
      scorer.scoreToken!(info, i, prev, prev2, memory, fast);
      assert.deepEqual([...fast], [...slow], `token ${i} of ${text.slice(0, 30)}`);
      checked++;
    }
  }
  assert.ok(checked > 1000);
});

test('one name, one type per document: runs take the type with the most margin', async () => {
  const { majorityTypes } = await import('./recognize.js');
  // Tokens 0..5 with word hashes; runs are (first, last, type) with types 1 PER, 2 ORG, 3 LOC.
  const lw = new Uint32Array([11, 22, 11, 33, 11, 22]);
  const rows: [number[], number[], number[]][] = [
    // "Genoa" (11) twice ORG, once PER: the PER run becomes ORG.
    [[0, 0, 2, 2, 2, 2, 4, 4, 1], [5, 5, 1, 0, 0, 0], [0, 0, 2, 2, 2, 2, 4, 4, 2]],
    // A confident single vote outweighs two weak ones.
    [[0, 0, 2, 2, 2, 2, 4, 4, 1], [1, 0, 1, 0, 9, 0], [0, 0, 1, 2, 2, 1, 4, 4, 1]],
    // Different words are not compared.
    [[0, 0, 2, 1, 1, 1, 3, 3, 3], [1, 1, 1, 1, 0, 0], [0, 0, 2, 1, 1, 1, 3, 3, 3]],
  ];
  for (const [runs, margins, want] of rows) {
    const got = [...runs];
    majorityTypes(got, lw, new Float32Array(margins));
    assert.deepEqual(got, want, JSON.stringify(runs));
  }
});

test('a name ending in a company designator is an organization', () => {
  const rows: [string, string][] = [
    ['Shares of Daewoo Corp rose on Monday.', 'Daewoo Corp'],
    ['Analysts at Keane Inc said so.', 'Keane Inc'],
    ['The deal lifted Slough Estates Plc shares.', 'Slough Estates Plc'],
  ];
  for (const [text, name] of rows) {
    const doc = analyze(text);
    const m = doc.mentions.find((x) => text.slice(x.start, x.end) === name);
    assert.ok(m, `${name} in ${JSON.stringify(doc.mentions.map((x) => text.slice(x.start, x.end)))}`);
    assert.equal(doc.entities[m.entity]!.type, 'organization', name);
  }
});

test('acronyms of lower-case terms are not names; demonyms are not places', async () => {
  const { lowerCaseExpansion } = await import('./recognize.js');
  const rows: [string, string, boolean][] = [
    ['Sales of dark northern spring ( DNS ) rose .', 'DNS', true],
    ['It shut the crude distillation unit (CDU) today.', 'CDU', true],
    ['The Collective Security Treaty Organization ( CSTO ) met .', 'CSTO', false],
    ['Output fell at the plant ( DNS ) today .', 'DNS', false],
  ];
  for (const [text, acr, want] of rows) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    const i = [...Array(doc.tokens.length).keys()].find((j) => doc.tokens.text(text, j) === acr)!;
    assert.equal(lowerCaseExpansion(text, doc.tokens, i), want, text);
  }
  const doc = analyze('Thai troops crossed into Cambodia on Monday.');
  assert.ok(!doc.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Thai' && doc.entities[m.entity]!.type === 'location'));
});

test('spelled-out ranks in front of a name are not part of it', () => {
  const rows: [string, string][] = [
    ['NATO spokesman Lieutenant Colonel Max Marriner told Reuters on Monday.', 'Max Marriner'],
    ['The cabinet appointed Colonel Severin Konan Kouame as commander.', 'Severin Konan Kouame'],
  ];
  for (const [text, name] of rows) {
    const doc = analyze(text);
    const forms = doc.mentions.map((m) => text.slice(m.start, m.end));
    assert.ok(forms.includes(name), `${name} in ${JSON.stringify(forms)}`);
  }
});

test('a model name ends before lower-case words names do not contain and after a company designator', async () => {
  const { nameEnd } = await import('./recognize.js');
  const { tokenInfo } = await import('./tagger.js');
  const { loadGazetteer } = await import('./gazetteer.js');
  // [text, first token, last token, expected last token]
  const rows: [string, number, number, number][] = [
    ['Nigeria left the Commonwealth in November .', 3, 5, 3],
    ['He joined Bestop Inc of Boulder .', 2, 5, 3],
    ['The Bank of England said so .', 1, 3, 3],
    ['Giovanni van Bronckhorst scored .', 0, 2, 2],
  ];
  for (const [text, first, last, want] of rows) {
    const doc = new Doc('t', { text });
    doc.text = text;
    sentences.create().run(doc);
    const info = tokenInfo(text, doc.tokens, loadGazetteer());
    assert.equal(nameEnd(info, doc.tokens, first, last), want, text);
  }
});

test('name particles joined to a surname continue a person name', async () => {
  const { isParticleSurname } = await import('./recognize.js');
  const rows: [string, boolean][] = [
    ['al-Assad', true],
    ['el-Sisi', true],
    ['bin-Laden', true],
    ['al-qaeda', false],
    ['Al-Assad', false],
    ['also', false],
    ['all-Star', false],
  ];
  for (const [w, want] of rows) assert.equal(isParticleSurname(w, 0, w.length), want, w);
  const names: [string, string][] = [
    ['Syrian President Bashar al-Assad met the envoy in Damascus on Monday.', 'Bashar al-Assad'],
    ['Officials said Ayman al-Zawahiri was alive.', 'Ayman al-Zawahiri'],
  ];
  for (const [text, name] of names) {
    const doc = analyze(text);
    assert.ok(doc.entities.some((e) => e.name === name && e.type === 'person'), `${name}: ${JSON.stringify(doc.entities.map((e) => e.name))}`);
  }
});

test('a lone function word is never a name', () => {
  const rows: string[] = ['BEIJING (Sputnik) – The Islamic State radical group is planning attacks, officials said.', 'The Islamic State said so.'];
  for (const text of rows) {
    const doc = analyze(text);
    for (const m of doc.mentions) assert.notEqual(text.slice(m.start, m.end), 'The', text);
  }
});

test('company names: designator runs are organizations, and so is their first word alone', async () => {
  const { companyNames } = await import('./recognize.js');
  const { hashString } = await import('./hash.js');
  // Words: 0 Keane, 1 Inc, 2 said, 3 Keane, 4 Smith.
  const lw = new Uint32Array(['keane', 'inc', 'said', 'keane', 'smith'].map(hashString));
  const rows: [number[], number[]][] = [
    // "Keane Inc" PER -> ORG; "Keane" PER -> ORG; "Smith" PER stays.
    [[0, 1, 1, 3, 3, 1, 4, 4, 1], [0, 1, 2, 3, 3, 2, 4, 4, 1]],
    // Without a designator nothing changes.
    [[0, 0, 1, 3, 3, 1], [0, 0, 1, 3, 3, 1]],
    // A location run is left alone.
    [[0, 1, 3, 3, 3, 1], [0, 1, 3, 3, 3, 1]],

  ];
  for (const [runs, want] of rows) {
    const got = [...runs];
    companyNames(got, lw);
    assert.deepEqual(got, want, JSON.stringify(runs));
  }
  // "Slough Estates Plc" ... "Slough Estates": the name without its designator is the company too.
  const lw2 = new Uint32Array(['slough', 'estates', 'plc', 'said', 'slough', 'estates'].map(hashString));
  const runs2 = [0, 2, 1, 4, 5, 1];
  companyNames(runs2, lw2);
  assert.deepEqual(runs2, [0, 2, 2, 4, 5, 2]);
});

test('a name ending in a place head noun is a place', () => {
  const doc = analyze('Protests spread across the Guangxi Zhuang Autonomous Region on Monday.');
  assert.deepEqual(doc.entities.map((e) => [e.name, e.type]), [['Guangxi Zhuang Autonomous Region', 'location']]);
});

test("a title's portfolio is not part of the name after it, even when the word names something else in the document", () => {
  const doc = analyze('The Islamic State struck again. U.S. Secretary of State Jane Holloway met the minister in Geneva.');
  const e = byName(doc, 'Jane Holloway');
  assert.ok(e, JSON.stringify(doc.entities.map((x) => [x.name, x.type])));
  assert.equal(e.type, 'person');
  assert.ok(!doc.entities.some((x) => x.name.startsWith('State ')), JSON.stringify(doc.entities.map((x) => x.name)));
});

test('pronouns, interjections and caption words are never names; a capitals dateline is a place', async () => {
  const { isDatelineRun } = await import('./recognize.js');
  const rows: [string, string][] = [
    ["I'm sure Maria Lopez will come back to Lisbon, she said.", "I'm"],
    ["You'll see, Maria Lopez said in Lisbon.", "You'll"],
    ['Yeah, Maria Lopez said in Lisbon.', 'Yeah'],
    ['Everyone knows Maria Lopez lives in Lisbon.', 'Everyone'],
    ['The team won in Lisbon. Photo via Maria Lopez Academy', 'Photo'],
  ];
  for (const [text, junk] of rows) {
    const doc = analyze(text);
    for (const m of doc.mentions) assert.notEqual(text.slice(m.start, m.end), junk, text);
  }
  const dl: [string, string, boolean][] = [
    ['A caption line.\nWEST PALM BEACH — The family of a player said.', 'WEST PALM BEACH', true],
    ['NEW YORK, May 3 (Reuters) - Stocks rose.', 'NEW YORK', true],
    ['Shares of IBM — the company — rose.', 'IBM', false],
    ['A line.\nNew York — Stocks rose.', 'New York', false],
  ];
  for (const [text, name, expected] of dl) {
    const at = text.indexOf(name);
    assert.equal(isDatelineRun(text, at, at + name.length), expected, text);
  }
});
