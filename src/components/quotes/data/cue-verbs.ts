/**
 * Cue verbs and phrases that introduce reported speech, with the reason each is listed.
 * `forms` are the inflections as written in news text; matching is case-insensitive.
 * `inverts`: the form may precede its subject after a quote (`," said the minister`).
 * `participle`: "-ing" forms that hang off a main clause (`X said, adding that ...`); the speaker
 * is the main clause's speaker.
 */
export interface CueVerb {
  lemma: string;
  forms: string[];
  reason: string;
  inverts?: boolean;
  /** True for belief/estimate verbs that rarely attribute direct quotes. */
  belief?: boolean;
}

export const CUE_VERBS: CueVerb[] = [
  { lemma: 'say', forms: ['said', 'says', 'say', 'saying'], inverts: true, reason: 'the neutral speech verb; the bulk of attributions ("X said", "said X")' },
  { lemma: 'tell', forms: ['told', 'tells', 'telling'], reason: 'speech to an addressee; "told RIA Novosti" also names a relay' },
  { lemma: 'add', forms: ['added', 'adds', 'adding'], inverts: true, reason: 'continues an earlier quote by the same speaker' },
  { lemma: 'stress', forms: ['stressed', 'stresses', 'stressing'], inverts: true, reason: 'emphatic speech verb common in agency copy' },
  { lemma: 'emphasize', forms: ['emphasized', 'emphasised', 'emphasizes', 'emphasises', 'emphasizing'], reason: 'emphatic speech verb' },
  { lemma: 'note', forms: ['noted', 'notes', 'noting'], inverts: true, reason: 'speech verb ("she noted")' },
  { lemma: 'warn', forms: ['warned', 'warns', 'warning'], inverts: true, reason: 'speech verb for threats and risks' },
  { lemma: 'claim', forms: ['claimed', 'claims', 'claiming'], reason: 'assertion the outlet does not endorse' },
  { lemma: 'announce', forms: ['announced', 'announces', 'announcing'], reason: 'official statements' },
  { lemma: 'reiterate', forms: ['reiterated', 'reiterates', 'reiterating'], reason: 'repeated statement' },
  { lemma: 'explain', forms: ['explained', 'explains', 'explaining'], inverts: true, reason: 'speech verb' },
  { lemma: 'insist', forms: ['insisted', 'insists', 'insisting'], inverts: true, reason: 'speech verb' },
  { lemma: 'believe', forms: ['believes', 'believed', 'believe'], belief: true, reason: 'belief attribution ("Moscow believes the US ...")' },
  { lemma: 'think', forms: ['thinks', 'think', 'thought'], belief: true, reason: 'belief attribution' },
  { lemma: 'report', forms: ['reported', 'reports', 'reporting'], inverts: true, reason: 'outlets and agencies as sources or relays ("the Associated Press reported")' },
  { lemma: 'state', forms: ['stated'], inverts: true, reason: 'formal speech verb' },
  { lemma: 'declare', forms: ['declared', 'declares'], inverts: true, reason: 'formal speech verb' },
  { lemma: 'assert', forms: ['asserted', 'asserts'], inverts: true, reason: 'assertion' },
  { lemma: 'argue', forms: ['argued', 'argues', 'arguing'], inverts: true, reason: 'assertion in debate' },
  { lemma: 'write', forms: ['wrote', 'writes', 'writing'], inverts: true, reason: 'written statements, op-eds, posts' },
  { lemma: 'tweet', forms: ['tweeted', 'tweets'], inverts: true, reason: 'statements on social media' },
  { lemma: 'acknowledge', forms: ['acknowledged', 'acknowledges'], inverts: true, reason: 'admission' },
  { lemma: 'admit', forms: ['admitted', 'admits'], inverts: true, reason: 'admission' },
  { lemma: 'suggest', forms: ['suggested', 'suggests'], reason: 'tentative assertion' },
  { lemma: 'predict', forms: ['predicted', 'predicts'], reason: 'forecast attributed to a source' },
  { lemma: 'confirm', forms: ['confirmed', 'confirms'], reason: 'official confirmation' },
  { lemma: 'deny', forms: ['denied', 'denies'], reason: 'denial of a claim' },
  { lemma: 'urge', forms: ['urged', 'urges', 'called for', 'calls for'], reason: 'appeal ("urged X to ...")' },
  { lemma: 'point out', forms: ['pointed out', 'points out'], inverts: true, reason: 'speech verb' },
  { lemma: 'recall', forms: ['recalled', 'recalls'], inverts: true, reason: 'speech verb' },
  { lemma: 'remind', forms: ['reminded'], reason: 'speech verb ("He reminded that ...", agency English)' },
  { lemma: 'continue', forms: ['continued'], inverts: true, reason: 'continues a quote ("..., X continued.")' },
  { lemma: 'allege', forms: ['alleged', 'alleges'], reason: 'unproven claim' },
  { lemma: 'estimate', forms: ['estimated', 'estimates'], belief: true, reason: 'figures attributed to a source' },
  { lemma: 'conclude', forms: ['concluded', 'concludes'], reason: 'findings of a report or person' },
  { lemma: 'promise', forms: ['promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges'], reason: 'commitments' },
  { lemma: 'complain', forms: ['complained', 'complains'], inverts: true, reason: 'speech verb' },
  { lemma: 'ask', forms: ['asked'], inverts: true, reason: 'questions ("asked X")' },
  { lemma: 'reply', forms: ['replied', 'responded', 'answered'], inverts: true, reason: 'speech verb' },
  { lemma: 'observe', forms: ['observed', 'remarked', 'commented'], inverts: true, reason: 'speech verb' },
  { lemma: 'hope', forms: ['hopes', 'fears', 'expects', 'expected'], belief: true, reason: 'attitude attributions ("the ministry expects ...")' },
  { lemma: 'know', forms: ['knows', 'learned', 'has learned', 'understands'], belief: true, reason: 'knowledge claims ("The Post has learned")' },
  { lemma: 'show', forms: ['show', 'shows', 'showed', 'found', 'finds'], belief: true, reason: 'polls and studies as sources ("a poll found")' },
  { lemma: 'according to', forms: ['according to'], reason: 'source phrase without a verb ("According to X, ...", "..., according to X")' },
];

/** Participles that hang off a main clause: the speaker is the main clause's speaker. */
export const PARTICIPLE_CUES = new Set(['adding', 'saying', 'noting', 'stressing', 'warning', 'claiming', 'explaining', 'insisting', 'arguing', 'telling', 'announcing', 'reiterating', 'emphasizing']);
