/**
 * Speaker resolution: turn a speaker phrase (a span) into an entity index, using mentions,
 * pronouns (previous quote's speaker first), role nouns matched against entity roles, and
 * names the entity recognizer missed (added as new entities).
 */
import type { Doc } from '../../doc/doc.js';
import type { Span } from '../../doc/span.js';
import type { EntityType, Mention, Role } from '../../doc/types.js';
import { isCommonOrGazetteerWord } from '../entities/gazetteer.js';
import { matchRoleNoun } from '../entities/roles.js';
import { findOutlet } from '../metadata/outlets.js';
import { OUTLET_WORDS_RE, ORG_WORDS_RE } from './data/outlets.js';
import { speakerBefore } from './find-quotes.js';
import { DIPLOMATIC_ORG_WORDS, GENERIC_SOURCES, PRONOUNS, ROLE_CLASSES, ROLE_NOUNS } from './data/role-nouns.js';

/** Heads naming a text or figures, not a person ("the study", "our data", "the report"): never resolved to a person. */
const DOCUMENT_HEADS = new Set(['report', 'reports', 'poll', 'polls', 'survey', 'study', 'statement', 'document', 'documents', 'data', 'figures']);

/** Cues that after "it" make it an expletive subject rather than a speaker ("is understood", "seems", "follows"). */
const EXPLETIVE_CUE_RE = /^(?:is|was|'s|’s|has been|had been|will be|would be|could be|may be|might be|seems?|seemed|appears?|appeared|follows|followed|feels|felt|looks|looked|remains|remained|does seem|did seem|goes without|became|becomes)\b/i;

/** Organization-like heads: "the ministry said" resolves to the latest organization naming one. */
const ORG_HEADS = new Set(['ministry', 'agency', 'department', 'service', 'government', 'campaign', 'committee', 'council', 'military', 'army', 'police', 'court', 'office', 'administration', 'newspaper', 'outlet', 'website', 'channel', 'broadcaster', 'group', 'organization', 'authorities']);

/** Per-document state for resolution in reading order. */
export class SpeakerResolver {
  private readonly doc: Doc;
  private readonly mentions: Mention[];
  /** Speaker of the previous resolved quote. */
  lastSpeaker: number | null = null;
  /** Offset of the previous resolved quote's speaker phrase (how far back "it" and "they" may reach). */
  lastSpeakerAt = -1;
  /** Earlier speakers, most recent last (distinct; at most 8), for "he"/"she" when the last speaker is of the other gender. */
  private readonly recent: number[] = [];

  /**
   * Record the speaker of a resolved quote whose speaker phrase (or content) starts at `at`.
   * @example resolver.noteSpeaker(3, 120)
   */
  noteSpeaker(entity: number, at: number): void {
    this.lastSpeaker = entity;
    this.lastSpeakerAt = at;
    const i = this.recent.indexOf(entity);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.push(entity);
    if (this.recent.length > 8) this.recent.shift();
  }
  /** Speaker phrases of every quote candidate in the doc, for forward (cataphoric) role nouns. */
  sourceSpans: Span[] = [];

  constructor(doc: Doc) {
    this.doc = doc;
    this.mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
  }

  /**
   * Entity index for the phrase at `span`, or null. A pronoun's antecedent is sought before `before` (the
   * quote's start when the pronoun follows its quote: "“I was running the firm ...,” she said" does not
   * refer to a name inside the quote).
   * @example new SpeakerResolver(doc).resolve({ start: 0, end: 15 })
   */
  resolve(span: Span, cue: string | null = null, before: number = span.start): number | null {
    const text = this.doc.text;
    const phrase = text.slice(span.start, span.end);
    const lower = phrase.toLowerCase();
    // Expletive "it" ("it is no wonder that", "it seems that", "it follows that") names no one.
    if (lower === 'it' && cue !== null && EXPLETIVE_CUE_RE.test(cue)) return null;
    if (PRONOUNS.has(lower)) return this.pronoun(lower, Math.min(before, span.start));
    if (lower === 'who') {
      // "Barkley, who said ...": the antecedent noun phrase before the comma.
      let c = span.start - 1;
      while (c >= 0 && text.charCodeAt(c) === 32) c--;
      const ante = c > 0 && text[c] === ',' ? speakerBefore(text, Math.max(0, c - 200), c) : null;
      return ante ? this.resolve(ante) : null;
    }
    const inside = this.mentionsIn(span);
    const roled = this.orgRole(span, phrase, inside);
    if (roled !== undefined) return roled;
    if (inside.length) {
      const pick = (t: EntityType[]): number | null => {
        for (let i = inside.length - 1; i >= 0; i--) if (t.includes(this.doc.entities[inside[i]!.entity]!.type)) return inside[i]!.entity;
        return null;
      };
      // A person named in the phrase is the speaker ("Police Chief Jane Doe"), unless the phrase is headed by an outlet.
      return pick(['person']) ?? pick(['organization', 'group']) ?? inside[inside.length - 1]!.entity;
    }
    const words = phrase.split(/\s+/).map((w) => w.replace(/[’']s$/, ''));
    const lw = words.map((w) => w.toLowerCase());
    const head = [...lw].reverse().find((w) => ROLE_NOUNS.has(w));
    const caps = words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w));
    if (head && (GENERIC_SOURCES.has(head) || DOCUMENT_HEADS.has(head))) return null;
    if (head && (lw[lw.length - 1] === head || !caps.length)) {
      if (ORG_HEADS.has(head) && !caps.length) return this.recentOrg(head, span.start);
      if (ORG_HEADS.has(head) && caps.length) return this.byName(span, phrase, caps);
      // A person role noun ("the Foreign Ministry's spokesperson") is never itself a new entity.
      return this.roleNoun(phrase, lw, head, span.start);
    }
    if (!caps.length) return null;
    return this.byName(span, phrase, caps);
  }

  /**
   * "the Russian Foreign Ministry’s spokesperson", "Defense Ministry spokesman": a person role of the
   * organization named in the phrase, with no person named. The holder is an earlier person with
   * that role, else the next person named as a speaker within two paragraphs when no other person
   * is mentioned first (news leads name the role and give the name in the next paragraph). The
   * holder gets the role. Undefined when the phrase is not of this shape; the organization itself
   * when no holder is found (its spokesperson speaks for it).
   */
  private orgRole(span: Span, phrase: string, inside: Mention[]): number | null | undefined {
    const ents = this.doc.entities;
    const m = ORG_ROLE_RE.exec(phrase);
    if (!m) return undefined;
    const title = m[2]!.toLowerCase();
    const head = title.split(/\s+/).pop()!;
    if (!ROLE_NOUNS.has(head) || ORG_HEADS.has(head) || GENERIC_SOURCES.has(head) || DOCUMENT_HEADS.has(head)) return undefined;
    if (inside.some((x) => ents[x.entity]!.type === 'person')) return undefined;
    const orgM = [...inside].reverse().find((x) => ents[x.entity]!.type !== 'person' && x.start < span.start + m[1]!.length + (m.index ?? 0) + 2);
    const orgName = orgM ? ents[orgM.entity]!.name : m[1]!.replace(/^(?:the|a|an)\s+/i, '').trim();
    const role: Role = { title, organization: orgName };
    let holder = matchRoleNoun(this.doc, phrase, span.start);
    // An earlier holder of the same kind of role ("spokesman" for "spokesperson").
    if (holder !== null && !ents[holder]!.roles.some((r) => sameRoleClass(r.title, head))) holder = null;
    if (holder === null) holder = this.forwardPerson(span);
    if (holder === null) return orgM ? orgM.entity : undefined;
    const e = ents[holder]!;
    if (!e.roles.some((r) => r.title.toLowerCase() === title && r.organization === orgName)) e.roles.push(role);
    return holder;
  }

  /** The first person mentioned after `span` within the next two paragraphs, when that mention is a quote's speaker phrase. */
  private forwardPerson(span: Span): number | null {
    const paras = this.doc.paragraphs;
    let pi = 0;
    while (pi < paras.length && paras[pi]!.end <= span.start) pi++;
    const limit = paras[Math.min(paras.length - 1, pi + 2)]?.end ?? this.doc.text.length;
    const ents = this.doc.entities;
    for (const m of this.mentions) {
      if (m.start < span.end) continue;
      if (m.start >= limit) break;
      if (ents[m.entity]?.type !== 'person') continue;
      return this.sourceSpans.some((s) => s.start <= m.start && m.end <= s.end) ? m.entity : null;
    }
    return null;
  }

  private mentionsIn(span: Span): Mention[] {
    const out: Mention[] = [];
    const ms = this.mentions;
    // Mentions are sorted by start: binary search for the first starting at or after span.start - 1.
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < span.start - 1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ms.length; i++) {
      const m = ms[i]!;
      if (m.start >= span.end) break;
      if (m.end > span.start && m.start >= span.start - 1) out.push(m);
    }
    return out;
  }

  private pronoun(p: string, before: number): number | null {
    const ents = this.doc.entities;
    const wantPerson = p === 'he' || p === 'she' || p === 'i';
    // "he"/"she" skip persons the text marks with the other gender (honorifics, gendered role nouns, pronouns).
    const want = p === 'he' ? GENDER_MALE : p === 'she' ? GENDER_FEMALE : 0;
    const fits = (e: number): boolean => want === 0 || ents[e]!.type !== 'person' || ((this.genders()[e] ?? 0) | want) !== (GENDER_MALE | GENDER_FEMALE);
    const last = this.lastSpeaker;
    // "it" and "they" refer to an organization or group named close by: the last speaker only when it spoke within
    // the current or previous paragraph, otherwise an organization mentioned there.
    const near = wantPerson ? 0 : this.nearStart(before);
    if (last !== null && ents[last] && (wantPerson || this.lastSpeakerAt >= near)) {
      const t = ents[last]!.type;
      if (wantPerson ? t === 'person' && fits(last) : t !== 'person' && t !== 'location') return last;
      if (p === 'they' || p === 'we') {
        if (t === 'person' && p === 'we') return last;
      }
    }
    // The last speaker is of the other gender: an earlier speaker of this one, when the text marks its gender.
    if (want !== 0 && last !== null && ents[last]?.type === 'person' && !fits(last)) {
      for (let i = this.recent.length - 1; i >= 0; i--) {
        const e = this.recent[i]!;
        if (e !== last && ents[e]?.type === 'person' && this.genders()[e] === want) return e;
      }
    }
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start >= before) continue;
      if (m.start < near) break;
      const t = ents[m.entity]?.type;
      if (wantPerson ? t === 'person' && fits(m.entity) : t === 'organization' || t === 'group') return m.entity;
    }
    return null;
  }

  /** Start of the paragraph before the one holding `at` (the window "it" and "they" look back in). */
  private nearStart(at: number): number {
    const pi = this.doc.paragraphAt(at);
    if (pi < 0) return at;
    return this.doc.paragraphs[Math.max(0, pi - 1)]!.start;
  }

  /** Per-entity gender marks (GENDER_MALE, GENDER_FEMALE or 0), computed once per doc on first use. */
  private genders(): Uint8Array {
    if (!this.genderOf || this.genderOf.length < this.doc.entities.length) this.genderOf = entityGenders(this.doc, this.mentions);
    return this.genderOf;
  }

  private genderOf: Uint8Array | null = null;

  private recentOrg(head: string, before: number): number | null {
    const ents = this.doc.entities;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start >= before) continue;
      const e = ents[m.entity];
      if (e && e.type !== 'person' && e.type !== 'location' && e.name.toLowerCase().includes(head)) return m.entity;
    }
    return null;
  }

  /** Role nouns ("the police chief", "the diplomat", "the official") against entity roles. */
  private roleNoun(phrase: string, lw: string[], head: string, before: number): number | null {
    // The entities component's matcher first (roles it extracted), then ours (synonym classes, last speaker).
    const hit = matchRoleNoun(this.doc, phrase, before);
    if (hit !== null) return hit;
    return matchRoleNounFallback(this.doc, phrase, before, this.lastSpeaker, lw, head);
  }

  private byName(span: Span, phrase: string, capsIn: string[]): number | null {
    const doc = this.doc;
    const { name, role } = splitTitle(phrase);
    const caps = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (!caps.length) return null;
    void capsIn;
    const key = name.toLowerCase();
    const last = caps[caps.length - 1]!.toLowerCase();
    let found = doc.entities.findIndex((e) => e.name.toLowerCase() === key || e.aliases.some((a) => a.toLowerCase() === key));
    let via: Mention['via'] = 'name';
    if (found < 0 && caps.length === 1) {
      found = doc.entities.findIndex((e) => e.type === 'person' && e.name.toLowerCase().split(/\s+/).pop() === last);
      via = 'surname';
    }
    if (found < 0) {
      // Only a name-shaped phrase becomes a new entity ("Jane Doe", not "Many shoppers still" or "One commenter").
      if (!isNameShaped(name)) return null;
      // One word the entity recognizer passed over that is an ordinary word or a place or people ("Accept", "Syrian"): no new entity.
      if (caps.length === 1 && !/\s/.test(name) && isCommonOrGazetteerWord(name)) return null;
      const type: EntityType = ORG_WORDS_RE.test(name) || OUTLET_WORDS_RE.test(name) || /^\p{Lu}{2,}$/u.test(name) ? 'organization' : 'person';
      if (type === 'person' && caps.length > 4) return null;
      found = doc.addEntity({ name, type, aliases: [], roles: [] });
      via = 'name';
    }
    if (role && doc.entities[found]!.type === 'person') {
      const e = doc.entities[found]!;
      if (!e.roles.some((r) => r.title === role.title)) e.roles.push(role);
    }
    const start = span.start + phrase.indexOf(name);
    const m: Mention = { start, end: start + name.length, entity: found, via };
    doc.mentions.push(m);
    insertSorted(this.mentions, m);
    return found;
  }

  /** Entity index of an outlet named at `span` (mention, or a new organization when it looks like an outlet). */
  outlet(span: Span): number | null {
    const key = span.start * 65536 + (span.end - span.start);
    const hit = this.outletCache.get(key);
    if (hit !== undefined) return hit;
    const r = this.outletOf(span);
    this.outletCache.set(key, r);
    return r;
  }

  private readonly outletCache = new Map<number, number | null>();

  private outletOf(span: Span): number | null {
    const phrase = this.doc.text.slice(span.start, span.end).replace(/^the\s+/i, '').trim();
    const inside = this.mentionsIn(span);
    for (let i = inside.length - 1; i >= 0; i--) {
      const e = this.doc.entities[inside[i]!.entity]!;
      if (e.type === 'organization' && (findOutlet(e.name) || isOutletName(e.name) || e.aliases.some(isOutletName))) return inside[i]!.entity;
    }
    // The outlet registry first ("RIA Novosti", "the Associated Press"), then outlet-like words.
    const info = findOutlet(phrase);
    if (!info && !isOutletName(phrase)) return null;
    const attrs: Record<string, string> | undefined = info ? { role: 'outlet', country: info.country, kind: info.kind, ...(info.domains[0] ? { domain: info.domains[0] } : {}) } : undefined;
    const known = info ? this.doc.entities.findIndex((e) => e.type === 'organization' && findOutlet(e.name)?.name === info.name) : -1;
    // Named as written ("Sputnik News"), with the registry's name as an alias so documents link.
    const idx = known >= 0 ? known : this.doc.addEntity({ name: phrase, type: 'organization', aliases: info && info.name !== phrase ? [info.name] : [], roles: [], ...(attrs ? { attrs } : {}) });
    const start = span.start + this.doc.text.slice(span.start, span.end).indexOf(phrase);
    const m: Mention = { start, end: start + phrase.length, entity: idx, via: 'name' };
    this.doc.mentions.push(m);
    insertSorted(this.mentions, m);
    return idx;
  }
}

export const GENDER_MALE = 1;
export const GENDER_FEMALE = 2;

/** Honorifics and gendered nouns right before a name ("Mr.", "Ms", "spokeswoman", "his wife"). */
const MALE_BEFORE_RE = /(?:^|[^\p{L}])(?:Mr|Sir|Lord|King|Prince|Father|Brother|[Ss]pokesman|[Cc]ongressman|[Bb]usinessman|[Hh]usband|[Ss]on|[Bb]rother|[Ff]ather|[Kk]ing|[Pp]rince|[Ee]mperor|[Dd]uke|[Bb]oyfriend|[Ee]x-husband|[Gg]randfather|[Uu]ncle|[Nn]ephew|[Aa]ctor)\.?,?\s+$/u;
const FEMALE_BEFORE_RE = /(?:^|[^\p{L}])(?:Mrs|Ms|Miss|Dame|Lady|Madam|Madame|Queen|Princess|Sister|Mother|[Ss]pokeswoman|[Cc]ongresswoman|[Bb]usinesswoman|[Cc]hairwoman|[Ww]ife|[Dd]aughter|[Ss]ister|[Mm]other|[Qq]ueen|[Pp]rincess|[Ee]mpress|[Dd]uchess|[Gg]irlfriend|[Ee]x-wife|[Gg]randmother|[Aa]unt|[Nn]iece|[Aa]ctress|[Ww]aitress)\.?,?\s+$/u;
/** Third-person singular pronouns, for the first pronoun after a person's mention in its sentence. */
const PRONOUN_SCAN_RE = /\b(?:he|him|his|himself|she|her|hers|herself)\b/gi;

/**
 * Gender marks per entity from the text itself: an honorific or gendered noun right before a person's
 * mention (weight 3), and the first he/she/his/her after the mention in the same sentence before any
 * other person is mentioned (weight 1). A mark needs more votes for it than for the other.
 * @example entityGenders(doc, mentions)[0] // GENDER_FEMALE for "Ms Doe said her ..."
 */
export function entityGenders(doc: Doc, sortedMentions: Mention[]): Uint8Array {
  const ents = doc.entities;
  const text = doc.text;
  const male = new Float32Array(ents.length);
  const female = new Float32Array(ents.length);
  // Pronoun offsets and genders in one pass over the text.
  const pos: number[] = [];
  const fem: boolean[] = [];
  PRONOUN_SCAN_RE.lastIndex = 0;
  for (let m = PRONOUN_SCAN_RE.exec(text); m; m = PRONOUN_SCAN_RE.exec(text)) {
    pos.push(m.index);
    const w = m[0].toLowerCase();
    fem.push(w.charCodeAt(0) === 115 || (w.charCodeAt(0) === 104 && w.charCodeAt(1) === 101 && w.charCodeAt(2) === 114));
  }
  const persons = sortedMentions.filter((m) => ents[m.entity]?.type === 'person');
  let pi = 0;
  for (let i = 0; i < persons.length; i++) {
    const m = persons[i]!;
    const before = text.slice(Math.max(0, m.start - 16), m.start);
    if (MALE_BEFORE_RE.test(before)) male[m.entity]! += 3;
    else if (FEMALE_BEFORE_RE.test(before)) female[m.entity]! += 3;
    const si = doc.sentenceAt(m.start);
    const sentEnd = si >= 0 ? doc.sentences[si]!.end : m.end;
    let limit = sentEnd;
    for (let j = i + 1; j < persons.length; j++) {
      const n = persons[j]!;
      if (n.start < m.end) continue;
      if (n.entity !== m.entity && n.start < limit) limit = n.start;
      break;
    }
    while (pi < pos.length && pos[pi]! < m.end) pi++;
    if (pi < pos.length && pos[pi]! < limit) {
      if (fem[pi]) female[m.entity]! += 1;
      else male[m.entity]! += 1;
    }
  }
  const out = new Uint8Array(ents.length);
  for (let e = 0; e < ents.length; e++) out[e] = male[e]! > female[e]! ? GENDER_MALE : female[e]! > male[e]! ? GENDER_FEMALE : 0;
  return out;
}

/** True when a name looks like a news outlet or agency (registry name or outlet-like words). */
export function isOutletName(name: string): boolean {
  return OUTLET_WORDS_RE.test(name) || findOutlet(name) !== null;
}

/**
 * "<Org>’s <role>" or "<Org> <role>": group 1 the organization words, group 2 the role title
 * (lower-case words ending in a role noun). "the Russian Foreign Ministry’s spokesperson".
 */
const ORG_ROLE_RE = /^(?:the\s+)?((?:\p{Lu}[\p{L}.’'-]*\s+(?:of\s+(?:the\s+)?)?)*\p{Lu}[\p{L}.-]*)(?:[’']s)?\s+((?:[a-z-]+\s+){0,2}[a-z-]+)$/u;

const TITLE_ABBR_RE = /^(?:Gen|Maj|Col|Lt|Capt|Adm|Sgt|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof|President|Director|Minister|Chief|Secretary|Chairman|Deputy|General|Colonel|Major|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Senator|Governor|Mayor|Premier|Prime|Foreign|Defense|Defence|Interior)\.?$/;


/** Words a name may hold in lower case ("Bank of England", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['of', 'and', 'for', 'the', 'on', 'at', 'de', 'van', 'von', 'der', 'den', 'da', 'du', 'des', 'del', 'della', 'di', 'la', 'le', 'les', 'y', 'e', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ben', 'zu', '&']);
const CONNECTIVES = new Set(['of', 'and', 'for', 'the', 'on', 'at', '&']);
/** Determiners, quantifiers, pronouns and subordinators that open a speaker phrase but never a name ("One commenter", "Another individual", "As Major"). */
const NOT_NAME_START = new Set([
  'one', 'two', 'three', 'four', 'five', 'another', 'many', 'some', 'most', 'several', 'all', 'both', 'each', 'every', 'other', 'others', 'such', 'no', 'none',
  'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'as', 'where', 'when', 'while', 'if', 'asked', 'after', 'before',
  'i', "i'm", 'i’m', "i've", 'i’ve', 'you', 'we', 'they', 'it', 'he', 'she', 'everyone', 'someone', 'anyone', 'nobody',
]);

/**
 * True when a speaker phrase is shaped like a proper name: every word capitalized or a name particle, and
 * not opened by a determiner, quantifier or pronoun.
 * @example isNameShaped('Jane van Doe') // true; isNameShaped('Many shoppers still') // false
 */
export function isNameShaped(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  if (!words.length || NOT_NAME_START.has(words[0]!.toLowerCase().replace(/['\u2019]\p{L}{1,2}$/u, ''))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[\p{Lu}\d]/u.test(w)) continue;
    if (i < words.length - 1 && NAME_PARTICLES.has(w.toLowerCase()) && (i > 0 || !CONNECTIVES.has(w.toLowerCase()))) continue;
    if (/^(?:al|el|bin|ibn|abu|van|von|de|di|da|du|le|la|d['’]|o['’])[-'’]?\p{Lu}/u.test(w)) continue;
    return false;
  }
  return true;
}

/**
 * Split "Interior Ministry spokesman Col. Peter Grant" into the trailing name and a role.
 * @example splitTitle('Police Chief Jane Doe').name // 'Jane Doe'
 */
export function splitTitle(phrase: string): { name: string; role: { title: string; organization: string | null } | null } {
  const clean = phrase.replace(/^(?:the|a|an)\s+/i, '').replace(/[’']s$/, '').trim();
  // Appositive name after a comma: "the head of the service, Jane Doe".
  const comma = clean.lastIndexOf(',');
  if (comma > 0 && /^\s*\p{Lu}/u.test(clean.slice(comma + 1))) {
    const title = clean.slice(0, comma).trim();
    const name = clean.slice(comma + 1).trim();
    const orgM = /((?:\p{Lu}[\p{L}’'\-]*\s?)+)/u.exec(title);
    return { name, role: { title, organization: orgM ? orgM[1]!.trim() : null } };
  }
  void clean;
  const words = clean.split(/\s+/);
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1]!;
    if (!/^\p{Lu}/u.test(w) || w.endsWith(')') || TITLE_ABBR_RE.test(w) || ROLE_NOUNS.has(w.toLowerCase())) break;
    i--;
  }
  if (i === 0 || i === words.length) return { name: clean, role: null };
  const name = words.slice(i).join(' ');
  const before = words.slice(0, i).join(' ').replace(/\s*\([^)]*\)\s*$/, '');
  const hasRole = words.slice(0, i).some((w) => TITLE_ABBR_RE.test(w) || ROLE_NOUNS.has(w.toLowerCase()));
  // Organizations never end in a bare personal name run of one word that is an org word.
  if (ORG_WORDS_RE.test(name) || !hasRole) return { name: ORG_WORDS_RE.test(name) ? name : clean, role: null };
  const orgM = /((?:\p{Lu}[\p{L}’'\-]*\s?)+)/u.exec(before);
  return { name, role: { title: before, organization: orgM ? orgM[1]!.trim() : null } };
}

/** True when a role title holds `head` or a synonym of it ("spokesman" ~ "spokesperson"). */
function sameRoleClass(title: string, head: string): boolean {
  const t = title.toLowerCase();
  if (t.includes(head)) return true;
  for (const syn of Object.values(ROLE_CLASSES)) if (syn.includes(head) && syn.some((w) => t.includes(w))) return true;
  return false;
}

function insertSorted(list: Mention[], m: Mention): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > m.start) i--;
  list.splice(i, 0, m);
}

/**
 * Fallback role-noun matcher: the person entity whose role title shares the phrase's head's synonym
 * class and whose organization shares the phrase's modifiers; ties go to the previous speaker.
 * @example matchRoleNounFallback(doc, 'the police chief', 120, null)
 */
export function matchRoleNounFallback(doc: Doc, phrase: string, before: number, lastSpeaker: number | null, lw?: string[], head?: string): number | null {
  const words = lw ?? phrase.toLowerCase().split(/\s+/).map((w) => w.replace(/[’']s$/, ''));
  const h = head ?? [...words].reverse().find((w) => ROLE_NOUNS.has(w));
  if (!h) return null;
  const classes = Object.entries(ROLE_CLASSES).filter(([, syn]) => syn.includes(h)).map(([, syn]) => syn);
  const mods = words.filter((w) => w !== h && !['the', 'a', 'an', 'of', 'and'].includes(w));
  let best = -1;
  let bestScore = 0;
  doc.entities.forEach((e, i) => {
    if (e.type !== 'person') return;
    let score = 0;
    for (const r of e.roles) {
      const title = r.title.toLowerCase();
      const org = `${r.organization ?? ''} ${title}`.toLowerCase();
      let s = 0;
      if (title.includes(h)) s += 3;
      else if (classes.some((syn) => syn.some((w) => new RegExp(`\\b${w}\\b`).test(title)))) s += 2;
      if (h === 'diplomat' && DIPLOMATIC_ORG_WORDS.some((w) => org.includes(w))) s += 2;
      if (h === 'official' && s === 0) s += 1;
      if (s > 0) for (const m of mods) if (m.length > 1 && org.includes(m)) s += 1;
      score = Math.max(score, s);
    }
    if (score > 0 && i === lastSpeaker) score += 1.5;
    if (score > bestScore) { bestScore = score; best = i; }
  });
  if (best >= 0) return best;
  // Without roles on entities, a generic person role ("the official", "the diplomat") refers back to the last speaker.
  if (lastSpeaker !== null && doc.entities[lastSpeaker]?.type === 'person' && !ORG_HEADS.has(h)) return lastSpeaker;
  void before;
  return null;
}
