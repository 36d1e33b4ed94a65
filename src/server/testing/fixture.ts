/** TEST-ONLY: a small hand-made Analysis (invented names) for the server's unit tests. */
import type { Analysis } from '../../analysis/types.js';

const t1 = 'Ministry spokesperson Jane Roe said on Monday that "about 300 fighters crossed the border." Officials in Norland disputed this.';
const t2 = 'Jane Roe told Daily Wire that "up to 500 fighters crossed the border," according to the report.';

/** Two documents in one story, one speaker, a quote group and a conflicting measure. */
export const FIXTURE: Analysis = {
  documents: [
    { id: 'd1', path: null, url: null, outlet: 'Daily Wire', title: 'Fighters cross the border', published: '2024-03-04', publishedInferred: false, dateline: null, language: 'en', text: t1, removed: [{ text: 'Subscribe now', reason: 'subscribe-prompt' }], contentHash: 'h1' },
    { id: 'd2', path: null, url: null, outlet: 'Evening Post', title: 'Border crossing figures', published: '2024-03-05', publishedInferred: false, dateline: null, language: 'en', text: t2, removed: [], contentHash: 'h2' },
  ],
  entities: [
    { id: 'e1', name: 'Jane Roe', type: 'person', aliases: ['Roe'], roles: [{ title: 'spokesperson', organization: 'Ministry' }] },
    { id: 'e2', name: 'Norland', type: 'location', aliases: [], roles: [] },
    { id: 'e3', name: 'Daily Wire', type: 'organization', aliases: [], roles: [] },
  ],
  mentions: [
    { entity: 'e1', doc: 'd1', start: t1.indexOf('Jane Roe'), end: t1.indexOf('Jane Roe') + 8 },
    { entity: 'e2', doc: 'd1', start: t1.indexOf('Norland'), end: t1.indexOf('Norland') + 7 },
    { entity: 'e1', doc: 'd2', start: 0, end: 8 },
    { entity: 'e3', doc: 'd2', start: t2.indexOf('Daily Wire'), end: t2.indexOf('Daily Wire') + 10 },
  ],
  quotes: [
    { id: 'q1', doc: 'd1', start: t1.indexOf('"about'), end: t1.indexOf('."') + 2, text: 'about 300 fighters crossed the border.', kind: 'direct', speaker: 'e1', source: { start: t1.indexOf('Ministry'), end: t1.indexOf(' said') }, cue: 'said', via: [] },
    { id: 'q2', doc: 'd2', start: t2.indexOf('"up'), end: t2.indexOf(',"') + 2, text: 'up to 500 fighters crossed the border,', kind: 'direct', speaker: 'e1', source: { start: 0, end: 8 }, cue: 'told', via: ['e3'] },
  ],
  claims: [
    { id: 'c1', doc: 'd1', start: t1.indexOf('about'), end: t1.indexOf('border') + 6, text: 'about 300 fighters crossed the border', low: 300, high: 300, qualifier: 'approx', of: 'fighters', unit: null, direction: null, subject: null, place: 'Norland', claimant: 'e1', quote: 'q1', baseline: null, background: false, value: { start: t1.indexOf('about'), end: t1.indexOf('300') + 3 }, outOf: null, claimantFrom: 'speaker' },
    { id: 'c2', doc: 'd2', start: t2.indexOf('up to'), end: t2.indexOf('border') + 6, text: 'up to 500 fighters crossed the border', low: 0, high: 500, qualifier: 'up_to', of: 'fighters', unit: null, direction: null, subject: null, place: 'Norland', claimant: 'e1', quote: 'q2', baseline: null, background: false, value: { start: t2.indexOf('up to'), end: t2.indexOf('500') + 3 }, outOf: null, claimantFrom: 'speaker' },
  ],
  stories: [{ id: 's1', documents: ['d1', 'd2'], label: 'Fighters cross the border' }],
  quoteGroups: [{
    id: 'g1', quotes: ['q1', 'q2'], speaker: 'e1',
    provenance: [
      { entity: 'e1', name: 'Jane Roe', role: 'speaker', doc: null, date: null },
      { entity: 'e3', name: 'Daily Wire', role: 'outlet', doc: 'd1', date: '2024-03-04' },
      { entity: null, name: 'Evening Post', role: 'relay', doc: 'd2', date: '2024-03-05' },
    ],
  }],
  measures: [{
    id: 'm1', label: 'fighters crossing the border', claims: ['c1', 'c2'], conflict: true, explanation: 'about 300 vs up to 500',
    of: 'fighters', subject: null, place: 'Norland',
    points: [
      { claim: 'c1', claimant: 'e1', date: '2024-03-04', low: 300, high: 300, qualifier: 'approx' },
      { claim: 'c2', claimant: 'e1', date: '2024-03-05', low: 0, high: 500, qualifier: 'up_to' },
    ],
  }],
  errors: [],
};
