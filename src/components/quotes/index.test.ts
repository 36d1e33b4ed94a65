import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Doc } from '../../doc/doc.js';
import type { EntityType, Quote, Role } from '../../doc/types.js';
import { sentences } from '../sentences/index.js';
import { afterDateline, findQuotes, invertedSpeaker, isNameShaped, isPassiveCue, isPerceptionCue, isReceivedCue, participleSubject, keepTagged, normalizedSource, subjectOutsideRelative, notSourceReason, speechReportRate, opensNounPhrase, quotePairs, speakerBefore, splitTitle } from './index.js';
import { findOpenAttributions, leadingName } from './find-open.js';
import { findQuoteCandidates, type QuoteCandidate } from './find-quotes.js';
import { accordingBefore, isActionCue, isContentfulCue, isLexiconCue, notSpeechCue } from './find-tagged.js';

interface EntitySpec {
  name: string;
  type: EntityType;
  roles?: Role[];
  /** Substrings of the text that mention the entity (every occurrence). */
  mentions: string[];
}

/** A Doc built by hand: text, sentences, entities and mentions (no dependency on the NER component). */
function makeDoc(text: string, entities: EntitySpec[] = []): Doc {
  const doc = new Doc('t', { text });
  doc.text = text;
  sentences.create().run(doc);
  for (const e of entities) {
    const idx = doc.addEntity({ name: e.name, type: e.type, aliases: [], roles: e.roles ?? [] });
    for (const m of e.mentions) {
      let at = text.indexOf(m);
      while (at >= 0) {
        doc.mentions.push({ start: at, end: at + m.length, entity: idx, via: 'name' });
        at = text.indexOf(m, at + m.length);
      }
    }
  }
  return doc;
}

interface Row {
  kind: string;
  content: string;
  source: string | null;
  cue: string | null;
  speaker: string | null;
  via: string[];
}

function rows(doc: Doc, qs: Quote[] = findQuotes(doc)): Row[] {
  const t = doc.text;
  return qs.map((q) => ({
    kind: q.kind,
    content: t.slice(q.start, q.end),
    source: q.source ? t.slice(q.source.start, q.source.end) : null,
    cue: q.cue,
    speaker: q.speaker === null ? null : doc.entities[q.speaker]!.name,
    via: q.via.map((v) => doc.entities[v]!.name),
  }));
}

const ANNA: EntitySpec = { name: 'Anna Petrova', type: 'person', mentions: ['Anna Petrova', 'Petrova'] };

// [text, expected quotes as (kind, content, source, cue)]
const PATTERNS: [string, [string, string, string | null, string | null][]][] = [
  ['"We will win," Anna Petrova said.', [['direct', 'We will win', 'Anna Petrova', 'said']]],
  ['“We will win,” said Anna Petrova.', [['direct', 'We will win', 'Anna Petrova', 'said']]],
  ['Anna Petrova said: “We will win. They will lose.”', [['direct', 'We will win. They will lose.', 'Anna Petrova', 'said']]],
  // A continuation shares the cue of the quote it continues (one attribution, content in pieces).
  ['“We will win,” Anna Petrova said. “They will lose.”', [['direct', 'We will win', 'Anna Petrova', 'said'], ['direct', 'They will lose.', null, 'said']]],
  ['Anna Petrova said the group "has already settled in the north."', [['partial', 'has already settled in the north.', 'Anna Petrova', 'said']]],
  ['Anna Petrova said that prices will rise next year.', [['indirect', 'prices will rise next year', 'Anna Petrova', 'said']]],
  ['Prices will rise next year, Anna Petrova said on Thursday.', [['indirect', 'Prices will rise next year', 'Anna Petrova', 'said']]],
  // An adjunct before the speaker's comma is no content; a noun and a past tense after "said" are a clause, not a speaker.
  ['In an interview last week, Anna Petrova said troops would stay.', [['indirect', 'troops would stay', 'Anna Petrova', 'said']]],
  ['Anna Petrova, speaking on condition of anonymity, said the talks failed.', [['indirect', 'the talks failed', 'Anna Petrova', 'said']]],
  // "told" + addressee + a clause without "that".
  ['Anna Petrova told reporters the border would stay closed.', [['indirect', 'the border would stay closed', 'Anna Petrova', 'told']]],
  // A figure someone gives: "X put the toll at N"; the clause ends at a contrast.
  ['Anna Petrova put the death toll at more than 200, while others placed it lower.', [['indirect', 'the death toll at more than 200', 'Anna Petrova', 'put ... at']]],
  ['Anna Petrova put the book on the table at noon.', []],
  // The speaker's anonymity is not something said.
  ['Anna Petrova, who asked not to be identified, said the talks had stalled.', [['indirect', 'the talks had stalled', 'Anna Petrova', 'said']]],
  // Channels and pages are where something was said, not what or who.
  ['The ministry said on its Telegram channel that the border was closed.', [['indirect', 'the border was closed', 'The ministry', 'said']]],
  ['The ministry on its website said the border was closed.', [['indirect', 'the border was closed', 'The ministry', 'said']]],
  // Relayed speech: the one quoted or cited is the source, the outlet a relay.
  ['The agency quoted Anna Petrova as saying that prices would fall.', [['indirect', 'prices would fall', 'Anna Petrova', 'quoted as saying']]],
  ['“Prices will fall,” the agency quoted Anna Petrova as saying.', [['direct', 'Prices will fall', 'Anna Petrova', 'quoted as saying']]],
  ['The agency reported, quoting Anna Petrova, that prices would fall.', [['indirect', 'prices would fall', 'Anna Petrova', 'reported']]],
  ['The newspaper, citing Anna Petrova, said the plan had been dropped.', [['indirect', 'the plan had been dropped', 'Anna Petrova', 'said']]],
  // "said it" opens a clause when a verb follows; a subordinate clause's content ends at its comma.
  ['The ministry said yesterday it was satisfied that classes can go on.', [['indirect', 'it was satisfied that classes can go on', 'The ministry', 'said']]],
  ['While the ministry says it is cutting costs, the deficit keeps growing.', [['indirect', 'it is cutting costs', 'the ministry', 'says']]],
  // A one-word colon label naming no one is a topic; a source of information is an attribution.
  ['Coronavirus: fines for false reports of a contact\nThe rules start today.', []],
  ['Poll: the senator leads the race by four points\nThe rules start today.', [['indirect', 'the senator leads the race by four points', 'Poll', ':']]],
  // What the speaker was asked is not what was said.
  ['Asked about the plan, the minister said it would pass.', [['indirect', 'it would pass', 'the minister', 'said']]],
  // "According to X, ..." after a connective.
  ['But according to a new poll by the institute, support for the plan fell to 35%.', [['indirect', 'support for the plan fell to 35%', 'a new poll by the institute', 'according to']]],
  ['Prices will rise next year, said Anna Petrova.', [['indirect', 'Prices will rise next year', 'Anna Petrova', 'said']]],
  ['“We will win,” said the 46-year-old.', [['direct', 'We will win', 'the 46-year-old', 'said']]],
  // Any verb in the speech slot after a quote closing on a comma, "?" or "!" (not only lexicon cues).
  ['“Everything you said has overlapped,” the judge exclaimed.', [['direct', 'Everything you said has overlapped', 'the judge', 'exclaimed']]],
  ['“Why are you here?” interrupted the judge.', [['direct', 'Why are you here?', 'the judge', 'interrupted']]],
  ['“We will win!” beamed Anna Petrova of Riga, who came with her family.', [['direct', 'We will win!', 'Anna Petrova of Riga', 'beamed']]],
  ['“We will win,” grinned the mayor of Riga.', [['direct', 'We will win', 'the mayor of Riga', 'grinned']]],
  ['According to Anna Petrova, prices will rise next year.', [['indirect', 'prices will rise next year', 'Anna Petrova', 'According to']]],
  ['Prices will rise next year, according to Anna Petrova.', [['indirect', 'Prices will rise next year', 'Anna Petrova', 'according to']]],
  // A cue that needs a clause takes one opened by a subject pronoun and an auxiliary, not a bare object.
  ['On Monday, the ministry announced it will close the border.', [['indirect', 'it will close the border', 'the ministry', 'announced']]],
  ['The group announced it on Twitter.', []],
  // Criticism received, run into the source span: no source.
  ['In 2009, the council came under withering criticism for its failure to speak out.', [['indirect', 'its failure to speak out', null, 'criticism for']]],
  // "As X put it, ...", "As reported by X, ...": source and cue open the sentence; "As expected" and "As a result" report nothing.
  ['As Anna Petrova, a tax lawyer, recently put it, the plan is a gamble.', [['indirect', 'the plan is a gamble', 'Anna Petrova', 'As ... put it']]],
  ['As reported by the Riga Times, the deal collapsed on Monday.', [['indirect', 'the deal collapsed on Monday', 'the Riga Times', 'As ... reported by']]],
  ['As a result, prices will rise next year.', []],
  // A bare noun phrase after "according to" is a source; an idiom is no attribution.
  ['Prices will rise next year, according to federal statistics.', [['indirect', 'Prices will rise next year', 'federal statistics', 'according to']]],
  ['The work went according to plan.', []],
  // "That’s according to X": the pronoun is the content (it stands for the sentence before).
  ['That’s according to Anna Petrova.', [['indirect', 'That', 'Anna Petrova', 'according to']]],
  ['Anna Petrova warned Wednesday that prices will rise.', [['indirect', 'prices will rise', 'Anna Petrova', 'warned']]],
  // Speaker phrases opened by a quantifier, a possessive name or a possessive noun; a subordinator is no part of one.
  ['At a forum in Riga on Monday, one questioner claimed that the reforms had failed.', [['indirect', 'the reforms had failed', 'one questioner', 'claimed']]],
  ['However, Anna Petrova’s brief said that was not her view.', [['indirect', 'was not her view', 'Anna Petrova’s brief', 'said']]],
  ['The company’s lawyer said the case was closed.', [['indirect', 'the case was closed', 'The company’s lawyer', 'said']]],
  ['After campaign aides insisted that the minister would stay, he left.', [['indirect', 'the minister would stay, he left', 'campaign aides', 'insisted']]],
  // A cue coordinated with the verb before it takes that verb's subject; a nominative pronoun opens a clause.
  ['She became upset, and I laughed and said, “I do not believe in ghosts.”', [['direct', 'I do not believe in ghosts.', 'I', 'said']]],
  ['The ministry announced they were closing the border.', [['indirect', 'they were closing the border', 'The ministry', 'announced']]],
  // "Even" opening a subject is no part of it; a relative "which" after a dash is a source.
  ['Even Riga, the capital’s only ally and its lifeline to the outside world, said it firmly opposed the test.', [['indirect', 'it firmly opposed the test', 'Riga', 'said']]],
  ['Instead, the study -- which notes that 58 companies would owe billions -- is a start.', [['indirect', '58 companies would owe billions', 'which', 'notes']]],
  // A clause after the cue is no inverted speaker: the subject with its appositive speaks.
  ['Anna Petrova, the campaign’s press secretary, noted that the campaign faced a crossroads back in May.', [['indirect', 'the campaign faced a crossroads back in May', 'Anna Petrova', 'noted']]],
  // A name and an appositive opened by an article between a quote and its cue.
  ['“It places all the blame on young people,” Anna Petrova, a writer for the magazine, said on Twitter.', [['direct', 'It places all the blame on young people', 'Anna Petrova', 'said']]],
  // A time adjunct between subject and cue; a participle opening the sentence is no speaker.
  ['The minister last week said the talks had failed.', [['indirect', 'the talks had failed', 'The minister', 'said']]],
  ['Based on the tax return, Anna Petrova on Tuesday said she wants to close four loopholes.', [['indirect', 'she wants to close four loopholes', 'Anna Petrova', 'said']]],
  ['Anna Petrova, the head of the central bank, said prices will rise.', [['indirect', 'prices will rise', 'Anna Petrova', 'said']]],
  ['The prices, she said, will rise next year.', [['indirect', 'The prices, she said, will rise next year', 'she', 'said']]],
  // Subject with apposition + cue + clause: not an inverted "..., says <speaker>" (the clause's subject is no speaker).
  ['Anna Petrova, 55, a teacher from Riga, says prices will rise next year.', [['indirect', 'prices will rise next year', 'Anna Petrova', 'says']]],
  ['Anna Petrova, a teacher from Riga, said she expects prices to rise.', [['indirect', 'she expects prices to rise', 'Anna Petrova', 'said']]],
  ['Anna Petrova, a teacher from Riga, warned Saturday that prices will rise.', [['indirect', 'prices will rise', 'Anna Petrova', 'warned']]],
  ['But Anna Petrova, a teacher from Riga, said prices will rise.', [['indirect', 'prices will rise', 'Anna Petrova', 'said']]],
  // A role phrase, then an appositive name, then the cue: the name closes the subject, the clause after the cue is the content.
  ['One of the lawyers, Anna Petrova, said the videos show the driver leaving his car.', [['indirect', 'the videos show the driver leaving his car', 'One of the lawyers, Anna Petrova', 'said']]],
  ['In a statement, one of the family’s lawyers, Anna Petrova, said the videos show the driver leaving his car.', [['indirect', 'the videos show the driver leaving his car', 'Anna Petrova', 'said']]],
  // "told" + object + a clause without "that", opened by a subject pronoun.
  ['Anna Petrova told a party gathering in Riga she will protect the budget.', [['indirect', 'she will protect the budget', 'Anna Petrova', 'told']]],
  // A dash byline after a quote that fills its paragraph (testimonials, epigraphs): the dash is the cue.
  ['“Prices will rise next year.” ― Anna Petrova', [['direct', 'Prices will rise next year.', 'Anna Petrova', '―']]],
  ['“Prices will rise next year.” — Anna Petrova, a teacher from Riga.', [['direct', 'Prices will rise next year.', 'Anna Petrova', '—']]],
  ['“Prices will rise.” ―\u00a0Anna Petrova\n“They will fall.” ― Ivan Sidorov', [['direct', 'Prices will rise.', 'Anna Petrova', '―'], ['direct', 'They will fall.', 'Ivan Sidorov', '―']]],
  // An embedded post: the byline "— Name (@handle) date" closes its line, or stands on a line of its own under it.
  ['Prices will rise next year, no doubt. https://t.co/x1 — Anna Petrova (@apetrova) June 28, 2016', [['direct', 'Prices will rise next year, no doubt.', 'Anna Petrova', '—']]],
  ['Prices will rise next year. pic.twitter.com/x1\n— Anna Petrova (@apetrova) June 28, 2016', [['direct', 'Prices will rise next year.', 'Anna Petrova', '—']]],
  // Not a byline: a clause after the dash, or a quote that does not open its paragraph.
  ['“Prices will rise next year.” — and then they fell.', [['direct', 'Prices will rise next year.', null, null]]],
  // Before the opening mark: a bracketed aside between speaker and cue; a participle cue whose speaker is the
  // main clause's subject; an inverted cue opening the sentence.
  ['After the vote, Anna Petrova (D-Riga), said, “We will win.”', [['direct', 'We will win.', 'Anna Petrova', 'said']]],
  ['The minister rallied supporters, saying: “We will win.”', [['direct', 'We will win.', 'The minister', 'saying']]],
  ['Stated Anna Petrova: “We will win.”', [['direct', 'We will win.', 'Anna Petrova', 'Stated']]],
  // The main clause's subject after an opening adjunct, a possessive name's phrase, or a verb coordinated with the main one.
  ['Hours later, the minister returned the favour, telling reporters, “We will win.”', [['direct', 'We will win.', 'the minister', 'telling']]],
  ['Responding to the plan, Anna Petrova’s campaign manager rallied supporters, saying: “We will win.”', [['direct', 'We will win.', 'Anna Petrova’s campaign manager', 'saying']]],
  ['The minister paused, then leaned in and boomed: “We will win.”', [['direct', 'We will win.', 'The minister', 'boomed']]],
  // The agent of a reduced relative is no speaker: the document is (the agent a relay when it only saw it).
  ['A memo seen by Sputnik News said the plant would close in March.', [['indirect', 'the plant would close in March', 'A memo', 'said']]],
  ['The plant will close in March, according to a document obtained by Sputnik News.', [['indirect', 'The plant will close in March', 'a document', 'according to']]],
  ['A letter from the ministry obtained by Sputnik News warns that the talks will fail.', [['indirect', 'the talks will fail', 'A letter from the ministry', 'warns']]],
  ['A survey conducted by the Levada Center found that most voters want change.', [['indirect', 'most voters want change', 'A survey conducted by the Levada Center', 'found']]],
  // A pronoun's clitic auxiliary is no part of the source; a name may modify the speaker's noun.
  ['And he’s predicted big wins in the races ahead.', [['indirect', 'big wins in the races ahead', 'he', '’s predicted']]],
  ['At the meeting, the Petrova supporter retorted: “There is a special place for them.”', [['direct', 'There is a special place for them.', 'the Petrova supporter', 'retorted']]],
  // A noun homograph of a cue ("show") before a coordinated clause, and a reporter's credit ("reported from"): no speech.
  ['She is a star on the hit TV show, but he is a fan of the genre.', []],
  ['The correspondent reported from Riga on Monday.', []],
  // A report inside another speaker's quote marks is part of that quote, not an attribution of its own.
  ['Indeed, “We cite in our memo a dozen cases far worse than the defendant’s.”', [['partial', 'We cite in our memo a dozen cases far worse than the defendant’s.', null, null]]],
  // A naming participle after a comma or an indefinite noun phrase names, it reports nothing.
  ['Petrova now leads a program called Clean Rivers.', []],
  ['Her group, called the Riga Rivers Fund, took over the park.', []],
  ['The minister called the plan a disaster.', [['indirect', 'the plan a disaster', 'The minister', 'called']]],
  ['Anna Petrova, a senior adviser to the campaign, called the remarks a wake-up call.', [['indirect', 'the remarks a wake-up call', 'Anna Petrova', 'called']]],
  // Scare quotes of 1-3 words with no speech around them are not quotes.
  ['The group announced the "Islamic caliphate" on the seized lands in the east.', []],
  ['He described the plan as a "terrorist ram" in the region.', []],
];

test('quote patterns (kind, content, source, cue)', () => {
  for (const [text, expected] of PATTERNS) {
    const got = rows(makeDoc(text, [ANNA])).map((r) => [r.kind, r.content, r.source, r.cue]);
    assert.deepEqual(got, expected, text);
  }
});

test('isPassiveCue: a passive cue has no source in its subject; a state participle keeps it', () => {
  const rows: [string, boolean][] = [
    ['is expected', true],
    ['was asked', true],
    ['were widely seen', true],
    ['has been told', true],
    ['was not expected', true],
    ['are concerned', false],
    ['is convinced', false],
    ['said', false],
    ['has said', false],
    ['is saying', false],
    // Negated, progressive, with a particle or an -ing verb after the participle.
    ['isn’t expected', true],
    ['was being challenged on', true],
    ['has been asked about', true],
    ['is shown discussing', true],
    ['is telling', false],
    ['have often been criticized for', true],
    ['have sometimes been accused of', true],
  ];
  for (const [cue, want] of rows) assert.equal(isPassiveCue(cue), want, cue);
});

test('isReceivedCue: criticism, questions or praise received have no source in their subject', () => {
  for (const cue of ['has faced questions about', 'came under withering criticism for', 'took heat for', 'has faced sharp criticism for', 'drew praise']) assert.equal(isReceivedCue(cue), true, cue);
  for (const cue of ['criticized', 'faced the press', 'questioned', 'took questions']) assert.equal(isReceivedCue(cue), false, cue);
  // The participle alone as cue, its passive auxiliary in the text before it.
  const text = 'Perhaps most damaging, peacekeepers have been blamed for introducing cholera to the island.';
  const doc = makeDoc(text);
  for (const q of findQuotes(doc)) assert.notEqual(q.source && text.slice(q.source.start, q.source.end), 'peacekeepers');
});

test('isPerceptionCue: verbs of appearance have no source in their subject', () => {
  for (const cue of ['appears', 'seemed', 'now seem', 'appeared']) assert.equal(isPerceptionCue(cue), true, cue);
  for (const cue of ['said', 'appealed', 'seemingly said']) assert.equal(isPerceptionCue(cue), false, cue);
  const text = 'The statistics appear to show that crime has fallen.';
  const doc = makeDoc(text);
  for (const q of findQuotes(doc)) assert.equal(q.source, null, text.slice(q.start, q.end));
});

test('a passive cue’s subject is not the source; the content stays', () => {
  const r = rows(makeDoc('Anna Petrova was asked whether prices will rise next year.', [ANNA]));
  assert.deepEqual(r.map((x) => [x.content, x.source, x.cue]), [['whether prices will rise next year', null, 'was asked']]);
});

test('invertedSpeaker: the phrase after an inverted cue is a speaker, not a clause subject', () => {
  const rows: [string, boolean][] = [
    ['the police chief', true],
    ['Anna Petrova', true],
    ['Secretary of State Anna Petrova', true],
    ['he', true],
    ['officials', true],
    ['Cruz will', false],
    ['she turned out', false],
    ['despite being a Riga native', false],
    ['Petrova expects', false],
    ['Saturday', false],
    ['a weekly column and', false],
  ];
  for (const [phrase, want] of rows) assert.equal(invertedSpeaker(phrase), want, phrase);
});

test('a scare quote inside reported speech is a partial quote', () => {
  const doc = makeDoc('Anna Petrova said the plan relied on a "terrorist ram" to reach strategic goals.', [ANNA]);
  const r = rows(doc);
  assert.deepEqual(r.map((x) => [x.kind, x.content, x.speaker]), [
    ['indirect', 'the plan relied on a "terrorist ram" to reach strategic goals', 'Anna Petrova'],
    ['partial', 'terrorist ram', 'Anna Petrova'],
  ]);
});

// [text, entities, expected speakers in order]
const SPEAKERS: [string, EntitySpec[], (string | null)[]][] = [
  // pronoun -> previous quote's speaker
  ['"Prices will rise," Anna Petrova said.\n"They will fall later," she added.', [ANNA], ['Anna Petrova', 'Anna Petrova']],
  // pronoun -> most recent person mention when no quote came before
  ['Anna Petrova arrived on Monday. "Prices will rise," she said.', [ANNA], ['Anna Petrova']],
  // role noun matched against entity roles
  [
    'Ivan Sokolov, the director of the Federal Service, spoke. Anna Petrova also spoke.\n"Prices will rise," said the service chief.',
    [{ name: 'Ivan Sokolov', type: 'person', roles: [{ title: 'director', organization: 'Federal Service' }], mentions: ['Ivan Sokolov'] }, ANNA],
    ['Ivan Sokolov'],
  ],
  // "the diplomat" -> person with a Foreign Ministry role
  [
    'Anna Petrova met Oleg Ivanov.\nThe diplomat said the talks would resume in May.',
    [ANNA, { name: 'Oleg Ivanov', type: 'person', roles: [{ title: 'head of department', organization: 'Foreign Ministry' }], mentions: ['Oleg Ivanov'] }],
    ['Oleg Ivanov'],
  ],
  // surname resolves to the full-name entity
  ['Anna Petrova spoke.\n"Prices will rise," Petrova told reporters.', [ANNA], ['Anna Petrova']],
  // "he"/"she" skip a last speaker the text marks with the other gender: an earlier speaker of the right one
  [
    'Ms Petrova said her team was ready. Mr Ivanov said his team was not.\n"We start on Monday," she said.',
    [ANNA, { name: 'Oleg Ivanov', type: 'person', mentions: ['Oleg Ivanov', 'Ivanov'] }],
    ['Anna Petrova', 'Oleg Ivanov', 'Anna Petrova'],
  ],
  // ... or the nearest person mention of the right gender
  [
    'Oleg Ivanov arrived with his wife Anna Petrova.\n"It will fail," he said.',
    [ANNA, { name: 'Oleg Ivanov', type: 'person', mentions: ['Oleg Ivanov'] }],
    ['Oleg Ivanov'],
  ],
  // a first-person source outside any quote is the author (unknown), not the last speaker
  ['Anna Petrova said prices would rise.\nI think the bank will wait.', [ANNA], ['Anna Petrova', null]],
  ['Anna Petrova said prices would rise.\nWe found that the bank waited.', [ANNA], ['Anna Petrova', null]],
  // ... inside a quote (here a labelled answer) it is that quote's speaker
  ['Anna Petrova: The bank has been slow. I think the bank will wait for a year.', [ANNA], ['Anna Petrova', 'Anna Petrova']],
  // a role phrase with a short appositive name: the name is the speaker, not a person named earlier
  [
    'Oleg Ivanov spoke first.\nThe bank’s chief economist, Anna Petrova, says prices will rise next year.',
    [ANNA, { name: 'Oleg Ivanov', type: 'person', mentions: ['Oleg Ivanov'] }],
    ['Anna Petrova'],
  ],
  ['Ivanov’s former adviser, Anna Petrova, had claimed that the plan was ready.', [ANNA, { name: 'Oleg Ivanov', type: 'person', mentions: ['Ivanov'] }], ['Anna Petrova']],
  // a study, report or data set is never a person
  ['Anna Petrova arrived on Monday.\n"Prices will rise," she said.\nThe study found that prices fell.', [ANNA], ['Anna Petrova', null]],
  // expletive "it" names no one; "they" does not reach an organization named paragraphs back
  ['The Central Bank said rates would rise.\nIt is no wonder that traders were nervous.', [{ name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }], ['Central Bank', null]],
  [
    'The Central Bank said rates would rise.\nMarkets fell on Tuesday.\nTraders sold bonds.\nThey said that the rise came too early.',
    [{ name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }],
    ['Central Bank', null],
  ],
  // continuation: a paragraph-opening quote with no attribution after a quote by X
  ['"Prices will rise," Anna Petrova said.\n"They will not fall before next year."', [ANNA], ['Anna Petrova', 'Anna Petrova']],
  // a name NER missed is added as an entity
  ['"Prices will rise," Boris Kuznetsov said.', [], ['Boris Kuznetsov']],
  // a relative "who" resolves to the noun phrase before its comma
  ['Anna Petrova, who said she typically votes for the incumbent, left early.', [ANNA], ['Anna Petrova']],
  // generic sources resolve to no entity
  ['Prices will rise next year, sources said.', [ANNA], [null]],
];

test('speaker resolution rules', () => {
  for (const [text, ents, expected] of SPEAKERS) {
    const got = rows(makeDoc(text, ents)).map((r) => r.speaker);
    assert.deepEqual(got, expected, text);
  }
});

test('a name NER missed becomes an entity with a mention', () => {
  const doc = makeDoc('"Prices will rise," Boris Kuznetsov said.');
  findQuotes(doc);
  assert.equal(doc.entities[0]!.name, 'Boris Kuznetsov');
  assert.equal(doc.entities[0]!.type, 'person');
  assert.equal(doc.mentions.length, 1);
});

test('a lone ordinary word or place word as a source does not become a person', () => {
  const rows: [string, string[]][] = [
    ['"Prices will rise," Kuznetsov said.', ['Kuznetsov']],
    ['"Prices will rise," Accept said.', []],
    ['"Prices will rise," Syrian said.', []],
  ];
  for (const [text, expected] of rows) {
    const doc = makeDoc(text);
    findQuotes(doc);
    assert.deepEqual(doc.entities.map((e) => e.name), expected, text);
  }
});

// [text, expected via names]
const RELAYS: [string, string[][]][] = [
  ['"Prices will rise," Anna Petrova told RIA Novosti.', [['RIA Novosti']]],
  ['"Prices will rise," she said, according to Sputnik News.', [['Sputnik News']]],
  // An outlet reporting is the speaker, never its own relay.
  ['Prices will rise in the region, the Associated Press reported.', [[]]],
  ['Prices will rise, Sputnik News reported, citing Anna Petrova.', [['Sputnik News']]],
  ['A memo seen by Sputnik News said prices will rise.', [['Sputnik News']]],
];

test('relays', () => {
  for (const [text, expected] of RELAYS) {
    const r = rows(makeDoc(text, [ANNA]));
    assert.deepEqual(r.map((x) => x.via), expected, text);
  }
  const cited = rows(makeDoc('Prices will rise, Sputnik News reported, citing Anna Petrova.', [ANNA]));
  assert.equal(cited[0]!.speaker, 'Anna Petrova');
});

test('quotePairs: curly, straight, doubled apostrophes, nested, unclosed at paragraph end', () => {
  const cases: [string, string[]][] = [
    ['“a b” and "c d"', ['a b', 'c d']],
    ["''This is it,'' he said.", ['This is it']],
    ['“Open to the end', ['Open to the end']],
    // A closing mark that opens the paragraph before a letter is a mistyped opener.
    ['”Fear. I am afraid.” ― A. B.', ['Fear. I am afraid.']],
    // A curly quote inside a straight one is nested: both pairs, in text order.
    ['"It is not about “law” any more," she said.', ['It is not about “law” any more', 'law']],
  ];
  for (const [text, expected] of cases) {
    const got = quotePairs(text, { start: 0, end: text.length }).map((p) => text.slice(p.start, p.end));
    assert.deepEqual(got, expected, text);
  }
});

test('speakerBefore and splitTitle', () => {
  const cases: [string, string | null][] = [
    ['Maria Ivanova said', 'Maria Ivanova'],
    ['the Russian Foreign Ministry’s spokesperson said', 'the Russian Foreign Ministry’s spokesperson'],
    ['Director of the Federal Security Service (FSB) Ivan Sokolov said', 'Director of the Federal Security Service (FSB) Ivan Sokolov'],
    ['Several cast members said', 'Several cast members'],
    ['the threat is growing as militants said', null],
    ['He said', 'He'],
    // An adjunct between subject and cue is no subject: the phrase before it is.
    ['Ana Silva at the time said', 'Ana Silva'],
    ['The mayor during the meeting said', 'The mayor'],
    ['The senator in a statement said', 'The senator'],
    ['A member of the public said', 'A member of the public'],
    ['Officials at the ministry said', 'Officials at the ministry'],
    // An adjective with its complement modifies the phrase before it.
    ['Two officials familiar with the matter said', 'Two officials familiar with the matter'],
    ['Analysts based in London said', 'Analysts based in London'],
  ];
  for (const [text, expected] of cases) {
    const end = text.lastIndexOf(' said');
    const sp = speakerBefore(text, 0, end);
    assert.equal(sp ? text.slice(sp.start, sp.end) : null, expected, text);
  }
  assert.equal(splitTitle('Defense Ministry spokesman Maj. Gen. Ivan Sokolov').name, 'Ivan Sokolov');
  assert.equal(splitTitle('the head of the Federal Service, Ivan Sokolov').name, 'Ivan Sokolov');
});

function seedDoc(file: string, ents: EntitySpec[]): Doc {
  return makeDoc(readFileSync(new URL(`../../../examples/seeds/${file}`, import.meta.url), 'utf8'), ents);
}

test('seed 002: spokesperson quotes, partial, "He stressed that", cataphoric role noun', () => {
  const doc = seedDoc('002_77de7551dcb319c9.txt', [
    { name: 'Maria Zakharova', type: 'person', roles: [{ title: 'spokesperson', organization: 'Russian Foreign Ministry' }], mentions: ['Maria Zakharova', 'Zakharova'] },
    { name: 'Igor Konashenkov', type: 'person', roles: [{ title: 'spokesman', organization: 'Defense Ministry' }], mentions: ['Igor Konashenkov'] },
  ]);
  const r = rows(doc);
  const byZ = r.filter((x) => x.speaker === 'Maria Zakharova' && x.kind !== 'indirect');
  assert.equal(byZ.length, 5);
  assert.ok(byZ.some((x) => x.kind === 'partial' && x.content.startsWith('has already settled in 25 out of the country’s 34 provinces')));
  const stressed = r.find((x) => x.cue === 'stressed')!;
  assert.equal(stressed.kind, 'indirect');
  assert.ok(stressed.content.startsWith('all strikes were made after air reconnaissance'));
  assert.equal(stressed.speaker, 'Igor Konashenkov');
  // The first speech quote (a stance before it, "Moscow is concerned with ...", is an attribution too).
  const first = r.find((x) => x.cue === 'said')!;
  assert.equal(first.source, 'the Russian Foreign Ministry’s spokesperson');
  assert.equal(first.speaker, 'Maria Zakharova');
});

test('seed 001: "said the FSB chief", "he said", "Bortnikov told"', () => {
  const doc = seedDoc('001_0495cbc14da840bc.txt', [
    { name: 'Alexander Bortnikov', type: 'person', roles: [{ title: 'Director', organization: 'Russian Federal Security Service (FSB)' }], mentions: ['Alexander Bortnikov', 'Bortnikov'] },
  ]);
  const r = rows(doc);
  const chief = r.find((x) => x.source === 'the FSB chief')!;
  assert.equal(chief.kind, 'direct');
  assert.equal(chief.speaker, 'Alexander Bortnikov');
  assert.ok(r.filter((x) => x.source === 'he').every((x) => x.speaker === 'Alexander Bortnikov'));
  assert.ok(r.some((x) => x.source === 'Bortnikov' && x.cue === 'told' && x.kind === 'direct'));
  assert.ok(!r.some((x) => x.content === 'Islamic caliphate'));
});

test('seed 003: "he told RIA Novosti" relay; seed 004: "he said, according to Sputnik News"', () => {
  const d3 = seedDoc('003_8810225d187fbb5a.txt', [{ name: 'Zamir Kabulov', type: 'person', mentions: ['Zamir Kabulov', 'Kabulov'] }]);
  const told = rows(d3).find((x) => x.cue === 'told')!;
  assert.equal(told.speaker, 'Zamir Kabulov');
  assert.deepEqual(told.via, ['RIA Novosti']);
  const d4 = seedDoc('004_b34fac47b658cdc9.txt', [{ name: 'Alexander Bortnikov', type: 'person', mentions: ['Alexander Bortnikov', 'Bortnikov'] }]);
  const he = rows(d4).find((x) => x.source === 'he')!;
  assert.equal(he.kind, 'direct');
  assert.equal(he.speaker, 'Alexander Bortnikov');
  assert.deepEqual(he.via, ['Sputnik News']);
});

// Forward (cataphoric) role nouns: [text, entities, expected first speaker, expected role added to it or null]
const FORWARD: [string, EntitySpec[], string | null, Role | null][] = [
  [
    'Prices will rise next year, the Central Bank’s spokesperson said on Monday.\n\n"We are ready," Anna Petrova said.',
    [ANNA, { name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }],
    'Anna Petrova',
    { title: 'spokesperson', organization: 'Central Bank' },
  ],
  [
    'Prices will rise next year, Finance Ministry spokesman said.\n\nThe ministry has warned before.\n\n"We are ready," Anna Petrova added.',
    [ANNA, { name: 'Finance Ministry', type: 'organization', mentions: ['Finance Ministry'] }],
    'Anna Petrova',
    { title: 'spokesman', organization: 'Finance Ministry' },
  ],
  // Another person named first: no forward link; the organization speaks.
  [
    'Prices will rise next year, the Central Bank’s spokesperson said.\n\nIvan Sokolov disagreed. "We are ready," Anna Petrova said.',
    [ANNA, { name: 'Ivan Sokolov', type: 'person', mentions: ['Ivan Sokolov'] }, { name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }],
    'Central Bank',
    null,
  ],
  // The speaker is three paragraphs away: too far.
  [
    'Prices will rise, the Central Bank’s spokesperson said.\n\nMarkets fell.\n\nBonds fell.\n\n"We are ready," Anna Petrova said.',
    [ANNA, { name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }],
    'Central Bank',
    null,
  ],
  // An earlier person with the role holds it.
  [
    'Anna Petrova, the spokesperson of the Central Bank, spoke on Monday.\n\nPrices will rise, the Central Bank’s spokesperson said.',
    [{ ...ANNA, roles: [{ title: 'spokesperson', organization: 'Central Bank' }] }, { name: 'Central Bank', type: 'organization', mentions: ['Central Bank'] }],
    'Anna Petrova',
    null,
  ],
];

test('forward role nouns: "the <Org>’s <role> said" resolves to the speaker named next', () => {
  for (const [text, ents, speaker, role] of FORWARD) {
    const doc = makeDoc(text, ents);
    const r = rows(doc);
    const first = r.find((x) => x.content.startsWith('Prices will rise'))!;
    assert.equal(first.speaker, speaker, text);
    if (role) assert.ok(doc.entities.find((e) => e.name === speaker)!.roles.some((x) => x.title === role.title && x.organization === role.organization), text);
  }
});

// Open pass (learned cue lexicon): [text, expected (content, source, cue) rows]
const OPEN: [string, [string, string | null, string | null][]][] = [
  ['Jeb Bush called Trump “unhinged” and dangerous.', [['Trump “unhinged” and dangerous', 'Jeb Bush', 'called'], ['unhinged', 'Jeb Bush', 'called']]],
  ['Seventy-three percent said they would vote for him again.', [['they would vote for him again', 'Seventy-three percent', 'said']]],
  ['About 4 in 10 voters endorsed the plan to cut taxes.', [['the plan to cut taxes', 'About 4 in 10 voters', 'endorsed']]],
  // A relative pronoun is the source span itself (PolNeAR: no coreference in spans); the speaker is its antecedent.
  ['Barkley, who said he typically votes for Democrats, left early.', [['he typically votes for Democrats', 'who', 'said']]],
  ['Graham: Trump’s rhetoric is destroying the party.', [['Trump’s rhetoric is destroying the party', 'Graham', ':']]],
  // A passive cue with its agent: the agent is the source; the content is the clause after it, or the subject.
  ['Petrova was asked by the moderator whether taxes will rise.', [['whether taxes will rise', 'the moderator', 'was asked by']]],
  ['These proposals have been applauded by critics of the bank.', [['These proposals', 'critics of the bank', 'have been applauded by']]],
  ['The bridge was built by engineers in 1990.', []],
  // A strong cue far from its subject takes the name opening the sentence, and skips a time adjunct before "that".
  ['Petrova was quick to praise the plan after the vote and said this week that prices will rise.', [['prices will rise', 'Petrova', 'said']]],
  // An adverb in -ly between subject and cue; a noun in -ly is the subject's head.
  // A subordinate clause's content ends at its comma.
  ['While Petrova wrongly claimed that the videos exist, the risk of a leak is real.', [['the videos exist', 'Petrova', 'claimed']]],
  ['The family said that the boy was safe.', [['the boy was safe', 'The family', 'said']]],
  // Naming and passives are not attributions.
  ['The group calls itself a movement for the poor.', []],
  ['The meeting was called off after the storm.', []],
];

// Learned tagger (find-tagged.ts) on top of the rules: [text, expected (content, source, cue) rows].
// These depend on the trained weights; they pin behaviour the rules alone do not give.
const TAGGED: [string, [string, string | null, string | null][]][] = [
  // A quote-mark quote the cue grammar leaves without a speaker takes a tagged source and cue.
  ['“It’s a never ending line!” one person tweeted.', [['It’s a never ending line!', 'one person', 'tweeted']]],
  // A tagged source before a tagged cue with no content run: the rest of the sentence is the content.
  ['Frontman Boris Kuznetsov recently revealed the record is almost complete.', [['the record is almost complete', 'Frontman Boris Kuznetsov', 'revealed']]],
  // A tagged source is never a lone quote mark.
  ['“Gov. Smith, blink twice if you’re in trouble!” one voter tweeted.', [['Gov. Smith, blink twice if you’re in trouble!', 'one voter', 'tweeted']]],
];

// [text, expected quotes as (content, source, cue)]: verbs of possession, state or action are not speech.
const NOT_SPEECH: [string, [string, string | null, string | null][]][] = [
  // An auxiliary is never a cue on its own (the verb after it may be).
  ['The country has been mired in a civil war since 2011.', []],
  ['The group has over 10,000 fighters in the region, officials estimate.', []],
  ['The ministry has dismissed such allegations as baseless.', [['such allegations as baseless', 'The ministry', 'dismissed']]],
  // A passive "is opposed by" is not an attribution.
  ['The plan is opposed by the United States and its allies.', []],
  // A noun followed by a place is not a cue.
  ['There is strong anti-government sentiment among military commanders in the north.', []],
  // A content cut off before the quoted label it introduces is dropped (the label is a scare quote).
  ['The country has been supporting the so-called "moderate opposition" in the war.', []],
  // The real cue after an auxiliary still counts.
  ['The minister has said that the talks will resume next week.', [['the talks will resume next week', 'The minister', 'said']]],
  // Where or how something was said is not what was said.
  ['The operator said in an official statement.', []],
  ['The ministry said in a statement released on Friday.', []],
  ['The minister said on Twitter that the talks will resume.', [['the talks will resume', 'The minister', 'said']]],
];

test('non-speech verbs give no attribution', () => {
  for (const [text, expected] of NOT_SPEECH) {
    const got = rows(makeDoc(text)).map((r) => [r.content, r.source, r.cue]);
    assert.deepEqual(got, expected, text);
  }
});

const CONTENTFUL_CUES: [string, boolean][] = [
  ['has', false],
  ['has been', false],
  ['is', false],
  ['would not', false],
  ['has said', true],
  ['has been supporting', true],
  ['dismissed', true],
  // A preposition or conjunction alone is no cue ("were not used to hit ...").
  ['to', false],
  ['as', false],
  ['according to', true],
  // Negated auxiliaries written as one word.
  ['don’t', false],
  ["can't", false],
  ['didn’t say', true],
];

test('isContentfulCue: auxiliaries, modals and adverbs alone are no cue', () => {
  for (const [cue, expected] of CONTENTFUL_CUES) assert.equal(isContentfulCue(cue), expected, cue);
});

const LEXICON_CUES: [string, boolean][] = [
  ['said', true],
  ['has said', true],
  ['according', true],
  ['is offering', true],
  ['are fighting against', false],
  ['has been', false],
  ['has', false],
];

test('isLexiconCue: a sourceless tagged cue must be a speech or cognition word from the lexicons', () => {
  for (const [cue, expected] of LEXICON_CUES) assert.equal(isLexiconCue(cue), expected, cue);
});

test('seed 000: an action verb before a clause is no cue of an unknown speaker', () => {
  const r = rows(seedDoc('000_5b2ce79cc8b8b045.txt', []));
  assert.ok(!r.some((x) => x.source === null && x.cue !== null && /fighting/.test(x.cue)), JSON.stringify(r.filter((x) => x.source === null)));
  assert.ok(r.some((x) => x.cue === 'said'));
});

test('tagger-backed attributions', () => {
  for (const [text, expected] of TAGGED) {
    const got = rows(makeDoc(text)).map((r) => [r.content, r.source, r.cue]);
    assert.deepEqual(got, expected, text);
  }
});

test('a lone "according" with "to X" after it is no attribution of its own (the tagger split "according to X")', () => {
  const text = 'Petrova, who is the sister of the party chair, campaigned on the issue and called the reversal “heartbreaking,” according to the Daily Post. She declared victory on Wednesday.';
  const got = rows(makeDoc(text));
  assert.ok(!got.some((r) => r.cue === 'according' && r.content.startsWith('to ')), JSON.stringify(got));
  assert.ok(got.some((r) => r.cue === 'declared'), JSON.stringify(got));
});

test('leadingName: the name opening a phrase, or the phrase', () => {
  const rows: [string, string][] = [
    ['Petrova was quick to act', 'Petrova'],
    ['Anna Petrova celebrated in Riga', 'Anna Petrova'],
    ['Secretary of State Anna Petrova said', 'Secretary of State Anna Petrova'],
    ['The senator from Ohio', 'The senator from Ohio'],
    ['the senator', 'the senator'],
  ];
  for (const [text, want] of rows) {
    const s = leadingName(text, { start: 0, end: text.length });
    assert.equal(text.slice(s.start, s.end), want, text);
  }
});

test('open attribution rules', () => {
  for (const [text, expected] of OPEN) {
    const got = rows(makeDoc(text)).map((r) => [r.content, r.source, r.cue]);
    assert.deepEqual(got, expected, text);
  }
});

test('relays resolve through the outlet registry to its canonical name', () => {
  const r = rows(makeDoc('"Prices will rise," Anna Petrova told the AP.', [ANNA]));
  assert.equal(r[0]!.speaker, 'Anna Petrova');
  assert.equal(r[0]!.via.length, 1);
});

const DATELINE_TAILS: [string, number, string][] = [
  // [text, dateline end, where the body starts]
  ['BEIJING (Sputnik) – The group said it would.', 7, 'The group said it would.'],
  ['MOSCOW, June 3 (Reuters) - Russia said it would.', 6, 'Russia said it would.'],
  ['PARIS — The minister said so.', 5, 'The minister said so.'],
  ['LONDON The minister said so.', 6, ' The minister said so.'],
];

test('agency credit and dash after a dateline are not part of the body', () => {
  for (const [text, end, body] of DATELINE_TAILS) assert.equal(text.slice(afterDateline(text, end)), body, text);
});

test('a quote opening the body does not start with the agency credit', () => {
  const text = 'BEIJING (Sputnik) – The radical group is planning to expand its activities, Deputy Minister Anna Petrova said.';
  const doc = makeDoc(text, [ANNA]);
  doc.meta.datelineSpan = { start: 0, end: 7 };
  const q = findQuotes(doc);
  assert.equal(q.length, 1);
  assert.equal(text.slice(q[0]!.start, q[0]!.end), 'The radical group is planning to expand its activities');
});

test('"according to" right before a tagged source is the cue, and the word after the source stays in the content', () => {
  const rows_: [string, number, string | null][] = [
    ['According to the official around 40% left.', 'According to '.length, 'According to'],
    ['Prices rose, according to  the bank.', 'Prices rose, according to  '.length, 'according to'],
    ['The official said so.', 4, null],
  ];
  for (const [text, at, want] of rows_) {
    const got = accordingBefore(text, at);
    assert.equal(got ? text.slice(got.start, got.end) : null, want, text);
  }
  const doc = makeDoc('Officials met on Monday.\n\nAccording to the spokesman about 300 people were evacuated.');
  // Found by the tagger: the rule grammar needs a comma after the source; the content follows the source, not the cue.
  const got = rows(doc).find((r) => r.content.includes('300'));
  assert.ok(got, JSON.stringify(rows(doc)));
  assert.equal(got.cue, 'According to');
  assert.equal(got.content, 'about 300 people were evacuated');
  assert.equal(got.source, 'the spokesman');
});

test('only a name-shaped speaker phrase becomes a new entity', () => {
  const rows: [string, boolean][] = [
    ['Jane Doe', true],
    ['Ludwig van Beethoven', true],
    ['de Gaulle', true],
    ['Bashar al-Assad', true],
    ['Bank of England', true],
    ['Many FoodCorp shoppers still', false],
    ['One commenter', false],
    ['Another individual rather bluntly', false],
    ['As Major himself', false],
    ['Asked about the tattoo', false],
    ['Check back', false],
    ["I'm", false],
    ['You\u2019ll', false],
    ['Two loggers have since', false],
  ];
  for (const [input, expected] of rows) assert.equal(isNameShaped(input), expected, input);
});

test('an adverb the cue lexicon learned ("also") is never a cue on its own', () => {
  const rows: [string, string | null][] = [
    ['The singer performed in Paris last year. Dion also threw herself into the fashion world after her losses.', null],
    ['The minister also said the talks would resume next week.', 'said'],
  ];
  for (const [text, cue] of rows) {
    const doc = makeDoc(text);
    const cues = findQuotes(doc).filter((q) => q.kind === 'indirect').map((q) => q.cue);
    assert.ok(!cues.includes('also'), text);
    if (cue) assert.ok(cues.includes(cue), `${text} -> ${JSON.stringify(cues)}`);
  }
});

test('a source span opens with a word that can open a noun phrase', () => {
  const rows: [string, boolean][] = [
    ['the judge', true],
    ['He', true],
    ['about a quarter of voters', true],
    ['early voters', true],
    ['likely voters', true],
    ['elderly residents', true],
    ['Senator Smith', true],
    ['of the voters', false],
    ['which', false],
    ['that', false],
    ['In just the', false],
    ['singularly', false],
    ['whether', false],
    // A capitalised -ly word is a name unless a comma sets it off.
    ['Anatoly Petrov', true],
    ['Beverly Hills police', true],
    ['Reportedly, the', false],
    // Subordinators and a participle open a clause ("After saying ...", "Having announced ...").
    ['After', false],
    ['Having', false],
    ['since the vote', false],
    // A quantifier opens a noun phrase although its first word is a preposition.
    ['At least half of voters', true],
    ['more than 60 percent', true],
    ['at the rally', false],
    ['About 4 in 10 voters', true],
    ['about the plan', false],
    ['During the debate', false],
  ];
  for (const [text, want] of rows) assert.equal(opensNounPhrase(text, 0), want, text);
  // A relative "which" after a comma or a dash is its clause's subject, as "who" is.
  assert.equal(opensNounPhrase('the study, which notes', 11), true);
  assert.equal(opensNounPhrase('the study -- which notes', 13), true);
});

test('a tagged cue of a physical or military action verb and no speech word is an action, not an attribution', () => {
  const rows: [string, boolean][] = [
    ['are fighting against', true],
    ['has been targeting', true],
    ['started a military operation against', true],
    ['delivers weaponry to', true],
    ['said', false],
    ['warned', false],
    ['said after fighting', false],
    ['believes', false],
  ];
  for (const [cue, want] of rows) assert.equal(isActionCue(cue), want, cue);
  // End to end: the tagger's attribution with an action cue is dropped.
  const doc = makeDoc('Government forces are fighting against rebel groups in the north.');
  assert.deepEqual(rows_(doc), []);
  function rows_(d: Doc) {
    return findQuotes(d).filter((q) => q.cue && isActionCue(q.cue)).map((q) => q.cue);
  }
});

test('a tagged cue run across two phrases or onto an article is no speech cue, on every path a tagged cue takes', () => {
  const rows: [string, boolean][] = [
    ['reform and pushing for', true],
    ['talks or asking', true],
    ['announced the', true],
    ['are fighting against', true],
    ['said', false],
    ['has accused', false],
    ['told reporters', false],
  ];
  for (const [cue, want] of rows) assert.equal(notSpeechCue(cue), want, cue);
});

test('notSourceReason: clause-shaped, contraction and adverb-final spans are no sources', () => {
  const rows: [string, string | null][] = [
    ['he didn’t know much about it', 'clause'],
    ['The mayor is', 'clause'],
    ['Senator Smith will', 'clause'],
    ['It’s', 'contraction'],
    ['That’s', 'contraction'],
    ['who’s the sister of the party chair', 'contraction'],
    ['the already', 'adverb'],
    ['The unanimously', 'adverb'],
    ['the family', null],
    ['Abbott Kelly', null],
    ['a university official who is researching a book', null],
    ['the governor', null],
    ['his', null],
    ['Is', null],
  ];
  for (const [span, want] of rows) assert.equal(notSourceReason(span), want, span);
});

test('keepTagged: tagger attributions need a text that reports speech (or a lexicon cue), a whole source noun phrase, and no headline, event or coordination misreading', () => {
  const cand = (text: string, src: string | null, cue: string | null): QuoteCandidate => {
    const s = src ? text.indexOf(src) : -1;
    const c = cue ? text.indexOf(cue) : -1;
    return { start: 0, end: text.length, kind: 'indirect', source: s >= 0 ? { start: s, end: s + src!.length } : null, cue, cueSpan: c >= 0 ? { start: c, end: c + cue!.length } : null, relays: [], sameAs: null, words: 3, paragraph: 0 };
  };
  const rows: [string, string | null, string | null, number, boolean][] = [
    // [text, source, cue, curated speech reports per 1,000 characters, kept]
    ['Forty firms took out loans from the bank.', 'Forty firms', 'took out', 0, false],
    // The anonymity formula is no content.
    ['not to be identified', null, null, 1, false],
    ['Forty firms took out loans from the bank.', 'Forty firms', 'took out', 1, true],
    // One "said" in 10,000 characters: too sparse for a cue the lexicons do not know.
    ['I have received some inquiries from women.', 'I', 'have received', 0.1, false],
    ['I have received some inquiries from women.', 'I', 'have received', 0.2, true],
    ['Critics argued the plan would fail.', 'Critics', 'argued', 0, true],
    ['Critics argued the plan would fail.', 'Critics', 'argued', 0.1, true],
    ['Call the station staff and get the police.', null, 'Call', 0, false],
    ['The masks had been kept in a machine room.', 'officials', null, 0.1, false],
    ['The suspects allegedly rented apartments.', 'The', 'suspects', 1, false],
    ['Shrestha S, et al. Identifying the interaction.', 'et', 'al. Identifying', 1, false],
    ['The mayor warned the roads were closed.', 'The mayor', 'warned', 1, true],
    // A common word as the one-word source of a title-case headline; a past form that is no cue, without a source;
    // a passive cue's content opening with a conjunction.
    ['Senate Not Ready to Accept New Offer for More Talks', 'Accept', 'New Offer for', 1, false],
    ['Senate Leader Rejects New Offer for More Talks', 'Senate Leader', 'Rejects', 1, true],
    ['The criticism sparked some anger among commanders.', null, 'criticism sparked', 1, false],
    ['and backed by the army', 'the rebels', 'is opposed', 1, false],
    ['There is strong public anger among farmers.', null, 'strong public anger among', 1, false],
    ['There is strong public anger among farmers.', 'Critics', 'criticism of', 1, true],
    // A curated verb after a possessive is a noun or an adjective; a speech noun after one is an attribution.
    ['It aired on the network’s show that night.', 'the network’s', 'show', 1, false],
    ['Her warning that prices will rise went unheeded.', 'Her', 'warning', 1, true],
    // A reporter's credit, not a report: the non-speech frame the rules read.
    ['The correspondent reported from Riga.', 'The correspondent', 'reported', 1, false],
    ['The correspondent reported that the talks failed.', 'The correspondent', 'reported', 1, true],
  ];
  for (const [text, src, cue, reports, want] of rows) assert.equal(keepTagged(text, cand(text, src, cue), reports), want, text);
});

test('a text reports speech (rate above 0) when a rule attribution has a curated speech cue', () => {
  const rows: [string, boolean][] = [
    ['“We are ready,” the mayor said on Monday.', true],
    ['According to the police, the road was closed.', true],
    ['Add the flour and stir until smooth. Bake for an hour.', false],
  ];
  for (const [text, want] of rows) {
    const doc = makeDoc(text);
    const raw = findQuoteCandidates(doc.text, doc.paragraphs, doc.sentences);
    raw.push(...findOpenAttributions(doc.text, doc.paragraphs, doc.sentences, doc.tokens, []));
    assert.equal(speechReportRate(text, raw) > 0, want, text);
  }
});

test('speechReportRate: curated speech reports per 1,000 characters', () => {
  const filler = ' The road was closed for repairs.'.repeat(60);
  const rows: [string, number][] = [
    ['“We are ready,” the mayor said on Monday.', 1000 / 41],
    ['“We are ready,” the mayor said on Monday.' + filler, 1000 / (41 + filler.length)],
    ['Add the flour and stir until smooth. Bake for an hour.', 0],
    ['', 0],
  ];
  for (const [text, want] of rows) {
    const doc = makeDoc(text);
    const raw = findQuoteCandidates(doc.text, doc.paragraphs, doc.sentences);
    assert.ok(Math.abs(speechReportRate(text, raw) - want) < 1e-9, `${text.slice(0, 40)}: ${speechReportRate(text, raw)} vs ${want}`);
  }
});

test('normalizedSource: whole hyphenated words, a pronoun opening a clause, no lone adverbs', () => {
  const rows: [string, number, string | null][] = [
    ['Post-mortem tests', 5, 'Post-mortem tests'],
    ['I’m glad', 0, 'I'],
    ['I happen to', 0, 'I'],
    ['you’ll', 0, 'you'],
    ['Surely', 0, null],
    ['all', 0, 'all'],
    ['the minister', 0, 'the minister'],
    ['Ian Smith', 0, 'Ian Smith'],
  ];
  for (const [text, start, want] of rows) {
    const got = normalizedSource(text, { start, end: text.length });
    assert.equal(got ? text.slice(got.start, got.end) : null, want, text);
  }
});

test('subjectOutsideRelative: a source inside a relative clause before the cue gives way to the clause\'s head noun phrase', () => {
  const text = 'The United States, which has been supporting the Syrian opposition, has accused Russia of bombing towns.';
  const doc = makeDoc(text);
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  const cue = text.indexOf('has accused');
  const got = subjectOutsideRelative(doc, at('Syrian'), cue);
  assert.equal(text.slice(got.start, got.end), 'The United States');
  // Outside such a clause the span stays.
  const plain = 'The United States has accused Russia of bombing towns.';
  const pd = makeDoc(plain);
  const kept = subjectOutsideRelative(pd, { start: 0, end: 17 }, plain.indexOf('has accused'));
  assert.equal(plain.slice(kept.start, kept.end), 'The United States');
});

test('a pronoun after its quote refers to someone before the quote, not a name inside it', () => {
  const text = 'Later, Anna Petrova moved to the coast.\n“I was running the firm with Ivan Sidorov, and that was stressful,” she said.';
  const doc = makeDoc(text, [ANNA, { name: 'Ivan Sidorov', type: 'person', mentions: ['Ivan Sidorov'] }]);
  const q = rows(doc).find((r) => r.kind === 'direct');
  assert.equal(q?.speaker, 'Anna Petrova', JSON.stringify(rows(doc)));
});


test('a tally after "added" or "posted" is no speech; a clause after them is', () => {
  const text = 'Smith added six rebounds for Duke. Jones posted a game-high 23 points in the win. The minister added that 12 people had died.';
  const quotes = findQuotes(makeDoc(text), { tagger: false });
  const cues = quotes.map((q) => `${q.cue}: ${text.slice(q.start, q.end)}`);
  assert.ok(!cues.some((c) => /rebounds|points/.test(c)), cues.join(' | '));
  assert.ok(cues.some((c) => /^added: .*12 people had died/.test(c)), cues.join(' | '));
});

/** The span of the first occurrence of a word in `text`. */
const spanOf = (text: string) => (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

test('participleSubject: a participle cue after a comma or "and" speaks for the main clause\'s subject', () => {
  const rows: [string, string | null, string, string | null][] = [
    // [text, source before, cue, source after]
    ['The minister attacked the opposition’s plan, saying it would fail.', 'the opposition’s', 'saying', 'The minister'],
    ['The minister attacked the plan, saying it would fail.', null, 'saying', 'The minister'],
    ['If elected, she promised lower taxes, hoping the economy grows.', null, 'hoping', 'she'],
    // Not after a comma or "and": the phrase may be a reduced relative ("voters saying ..."), left alone.
    ['The minister met voters saying the plan would fail.', 'voters', 'saying', 'voters'],
  ];
  for (const [text, src, cue, want] of rows) {
    const doc = makeDoc(text);
    const at = spanOf(text);
    const cueSpan = at(cue);
    const c: QuoteCandidate = { start: cueSpan.end + 1, end: text.length - 1, kind: 'indirect', source: src ? at(src) : null, cue, cueSpan, relays: [], sameAs: null, words: 4, paragraph: 0 };
    participleSubject(doc, c);
    assert.equal(c.source ? text.slice(c.source.start, c.source.end) : null, want, text);
  }
  // No clause subject at the sentence start: the participle continues the attribution before it.
  const text = '“We need to act,” she said in the capital, emphasizing it was time to end the sanctions.';
  const doc = makeDoc(text);
  const at = spanOf(text);
  const host: QuoteCandidate = { start: 1, end: 15, kind: 'direct', source: at('she'), cue: 'said', cueSpan: at('said'), relays: [], sameAs: null, words: 4, paragraph: 0 };
  const c: QuoteCandidate = { start: at('it was').start, end: text.length - 1, kind: 'indirect', source: at('the capital'), cue: 'emphasizing', cueSpan: at('emphasizing'), relays: [], sameAs: null, words: 7, paragraph: 0 };
  participleSubject(doc, c, [host, c]);
  assert.equal(c.source ? text.slice(c.source.start, c.source.end) : null, 'she');
});
