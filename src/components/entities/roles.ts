/**
 * Roles from pre-name titles ("Russian Deputy Defense Minister X", "Director of the Y Service (YS) X",
 * "Defense Ministry spokesman Maj. Gen. X") and appositions ("X, the Foreign Ministry's spokesperson",
 * "X, the head of the ... department in the Y Ministry"), plus `matchRoleNoun` for role-noun references.
 */
import type { Doc } from '../../doc/doc.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import type { Role } from '../../doc/types.js';
import { GazKind, loadGazetteer } from './gazetteer.js';
import { mentionTokens } from './link.js';

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their']);
const PREPS = new Set(['of', 'in', 'at', 'for', 'with']);
const STOP_AFTER = new Set(['said', 'says', 'told', 'added', 'noted', 'stressed', 'who', 'which', 'was', 'is', 'has', 'had', 'and', 'but', 'when', 'while', 'on', 'as']);

interface Lex {
  heads: Set<string>;
  ranks: Set<string>;
  modifiers: Set<string>;
  /** Lower-case demonym ("russian") -> country name ("Russia"). */
  demonyms: Map<string, string>;
}
let lex: Lex | null = null;
function lexicon(): Lex {
  if (lex) return lex;
  const gaz = loadGazetteer();
  const t = gaz.titles;
  const names = new Map<string, string>();
  for (const e of gaz.entries) if (e.kind === GazKind.COUNTRY && e.country && e.form === e.name) names.set(e.country, e.name);
  const demonyms = new Map<string, string>();
  for (const e of gaz.entries) if (e.kind === GazKind.DEMONYM && e.country && names.has(e.country)) demonyms.set(e.form.toLowerCase(), names.get(e.country)!);
  lex = { heads: new Set(t.heads.filter((h) => !h.includes(' '))), ranks: t.ranks, modifiers: t.modifiers, demonyms };
  return lex;
}

/** Entity index of an organization/group mention covering token j, or -1. */
function orgAt(doc: Doc, mentionAt: Int32Array, j: number): number {
  const m = mentionAt[j]!;
  if (m < 0) return -1;
  const e = doc.mentions[m]!.entity;
  const t = doc.entities[e]!.type;
  return t === 'organization' || t === 'group' ? e : -1;
}

/**
 * Attach roles to person entities from the words around their mentions. Needs doc.mentions set.
 * @example extractRoles(doc); doc.entities[0].roles // [{ title: 'Director', organization: '...' }]
 */
export function extractRoles(doc: Doc): void {
  const { heads, ranks, modifiers } = lexicon();
  const tokens = doc.tokens;
  const text = doc.text;
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  doc.mentions.forEach((m, mi) => {
    const [a, b] = mentionTokens(tokens, m);
    for (let j = a; j <= b; j++) mentionAt[j] = mi;
  });
  const lw = (j: number): string => tokens.text(text, j).toLowerCase();
  const isWord = (j: number): boolean => j >= 0 && j < tokens.length && tokens.kind[j] === TokenKind.WORD;
  const sameSentence = (a: number, b: number): boolean => tokens.sentence[a] === tokens.sentence[b];
  for (const m of doc.mentions) {
    const person = doc.entities[m.entity]!;
    if (person.type !== 'person') continue;
    const [first, last] = mentionTokens(tokens, m);
    const roles: Role[] = [];
    // Pre-name: skip ranks ("Maj. Gen."), then read the title phrase backwards.
    let j = first - 1;
    while (j >= 0 && sameSentence(j, first) && ranks.has(lw(j))) j--;
    let comma = false;
    if (j >= 0 && tokens.text(text, j) === ',' && sameSentence(j, first)) {
      comma = true;
      j--;
    }
    let a = j + 1;
    for (let k = j; k >= 0 && sameSentence(k, first) && j - k < 16; k--) {
      const w = tokens.text(text, k);
      const l = w.toLowerCase();
      if (w === ')' || w === ']') {
        let o = k;
        while (o >= 0 && tokens.text(text, o) !== '(' && tokens.text(text, o) !== '[') o--;
        if (o < 0 || k - o > 6) break;
        k = o;
        a = o;
        continue;
      }
      const cap = isWord(k) && (tokens.flags[k]! & TokenFlag.CAPITALIZED) !== 0;
      if (cap || heads.has(l) || modifiers.has(l) || l === "'s" || l === '’s' || ((l === 'of' || l === 'the' || l === 'for') && k < j) || mentionAt[k]! >= 0) a = k;
      else break;
    }
    while (a <= j && (DETERMINERS.has(lw(a)) || PREPS.has(lw(a)))) a++;
    if (a <= j) {
      const role = parseTitle(doc, mentionAt, a, j, heads, modifiers);
      if (role && (!comma || role.organization)) roles.push(role);
    }
    // Apposition: "X, the Foreign Ministry's spokesperson," / "X, the head of ... in the Y Ministry,".
    let s = last + 1;
    if (s < tokens.length && tokens.text(text, s) === ',' && sameSentence(s, last)) {
      s++;
      let e = s;
      while (e < tokens.length && sameSentence(e, s) && e - s < 16) {
        const w = tokens.text(text, e);
        if (w === ',' || w === '.' || w === ';' || tokens.kind[e] === TokenKind.QUOTE || STOP_AFTER.has(w.toLowerCase())) break;
        e++;
      }
      if (e > s && (DETERMINERS.has(lw(s)) || orgAt(doc, mentionAt, s) >= 0 || heads.has(lw(s)) || modifiers.has(lw(s)))) {
        let a2 = s;
        while (a2 < e && DETERMINERS.has(lw(a2))) a2++;
        const role = parseTitle(doc, mentionAt, a2, e - 1, heads, modifiers);
        if (role) roles.push(role);
      }
    }
    if (roles.length) doc.addEntity({ ...person, aliases: [], roles });
  }
}

/**
 * Read a title phrase over tokens [a, b]: the title words around a head noun, and the organization
 * named before it ("Defense Ministry spokesman", "Foreign Ministry's spokesperson") or after a
 * preposition ("Director of the X Service", "head of the ... department in the Y Ministry").
 */
function parseTitle(doc: Doc, mentionAt: Int32Array, a: number, b: number, heads: Set<string>, modifiers: Set<string>): Role | null {
  const tokens = doc.tokens;
  const text = doc.text;
  let head = -1;
  for (let k = a; k <= b; k++) {
    if (mentionAt[k]! >= 0 && doc.entities[doc.mentions[mentionAt[k]!]!.entity]!.type !== 'location') continue;
    if (heads.has(tokens.text(text, k).toLowerCase())) {
      head = k;
      // "Deputy Defense Minister": keep going to the last head of a run of heads and modifiers.
      for (let k2 = head + 1; k2 <= b; k2++) {
        const w = tokens.text(text, k2).toLowerCase();
        if (heads.has(w)) head = k2;
        else if (!modifiers.has(w)) break;
      }
      break;
    }
  }
  if (head < 0) return null;
  // Title start: modifiers before the head ("Deputy Defense").
  let ts = head;
  while (ts - 1 >= a && mentionAt[ts - 1]! < 0 && (modifiers.has(tokens.text(text, ts - 1).toLowerCase()) || heads.has(tokens.text(text, ts - 1).toLowerCase()))) ts--;
  // Organization before the title: the last org mention ending before ts, possibly with "'s".
  let org = -1;
  for (let k = ts - 1; k >= a; k--) {
    const o = orgAt(doc, mentionAt, k);
    if (o >= 0) {
      org = o;
      break;
    }
  }
  // Organization after: the last org mention in the rest of the phrase; the title runs up to the preposition before it.
  let te = head;
  let after = -1;
  let afterStart = -1;
  for (let k = head + 1; k <= b; k++) {
    const o = orgAt(doc, mentionAt, k);
    if (o >= 0) {
      after = o;
      afterStart = k;
      while (k + 1 <= b && mentionAt[k + 1] === mentionAt[k]) k++;
    }
  }
  if (after >= 0) {
    org = after;
    let p = afterStart - 1;
    while (p > head && (tokens.text(text, p).toLowerCase() === 'the')) p--;
    if (p > head && PREPS.has(tokens.text(text, p).toLowerCase())) te = p - 1;
    else te = head;
  } else {
    // A portfolio named after the head is part of the title: "Secretary of State", "Minister for Foreign Affairs".
    const prep = head + 1 <= b ? tokens.text(text, head + 1).toLowerCase() : '';
    if (prep === 'of' || prep === 'for') {
      let k = head + 2;
      while (k <= b && mentionAt[k]! < 0 && tokens.kind[k] === TokenKind.WORD && (tokens.flags[k]! & TokenFlag.CAPITALIZED || ((tokens.text(text, k) === 'and' || tokens.text(text, k) === 'of') && k + 1 <= b && tokens.flags[k + 1]! & TokenFlag.CAPITALIZED))) k++;
      if (k > head + 2 && tokens.flags[k - 1]! & TokenFlag.CAPITALIZED) te = k - 1;
    }
  }
  // Otherwise the country before the title: "U.S. Secretary of State", "Russian Foreign Minister".
  let orgName = org >= 0 ? doc.entities[org]!.name : null;
  for (let k = ts - 1; orgName === null && k >= a; k--) {
    const m = mentionAt[k]!;
    if (m >= 0) {
      const e = doc.entities[doc.mentions[m]!.entity]!;
      if (e.type === 'location' && e.attrs?.country) orgName = e.name;
    } else {
      orgName = lexicon().demonyms.get(tokens.text(text, k).toLowerCase()) ?? null;
    }
  }
  const title = text.slice(tokens.start[ts]!, tokens.end[te]!).replace(/\s+/g, ' ');
  return { title, organization: orgName };
}

// Role nouns and the role words that fit them (a "diplomat" is anyone in a foreign ministry, an envoy, ...).
const NOUN_FITS: Record<string, string[]> = {
  chief: ['chief', 'head', 'director', 'chairman', 'leader', 'commander'],
  head: ['chief', 'head', 'director', 'chairman', 'leader'],
  director: ['director', 'head', 'chief'],
  leader: ['leader', 'head', 'chief', 'president', 'chairman'],
  spokesman: ['spokesman', 'spokesperson', 'spokeswoman', 'representative', 'press secretary'],
  spokeswoman: ['spokesman', 'spokesperson', 'spokeswoman', 'representative'],
  spokesperson: ['spokesman', 'spokesperson', 'spokeswoman', 'representative'],
  diplomat: ['diplomat', 'envoy', 'ambassador', 'foreign', 'consul', 'state department', 'foreign minister'],
  envoy: ['envoy', 'ambassador', 'representative'],
  minister: ['minister'],
  general: ['general', 'gen.', 'commander'],
  commander: ['commander', 'general', 'chief'],
};
const GENERIC = new Set(['official', 'officer', 'diplomat', 'politician', 'source', 'representative', 'minister', 'spokesman', 'spokesperson', 'spokeswoman', 'leader', 'envoy', 'chief', 'head']);

/**
 * Resolve a role noun phrase ("the police chief", "the diplomat") to the person entity mentioned most recently
 * before offset `before` whose roles fit; generic nouns fall back to the most recent person. Null when none.
 * @example matchRoleNoun(doc, 'the deputy defense minister', quote.start) // entity index or null
 */
export function matchRoleNoun(doc: Doc, phrase: string, before: number): number | null {
  const words = phrase.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}.-]+/u).filter((w) => w && !DETERMINERS.has(w));
  if (!words.length) return null;
  const noun = words[words.length - 1]!;
  const mods = words.slice(0, -1);
  const fits = NOUN_FITS[noun] ?? [noun];
  // Most recent mention first, one candidate per person.
  const order: number[] = [];
  const seen = new Set<number>();
  for (let i = doc.mentions.length - 1; i >= 0; i--) {
    const m = doc.mentions[i]!;
    if (m.start >= before) continue;
    const e = m.entity;
    if (seen.has(e) || doc.entities[e]?.type !== 'person') continue;
    seen.add(e);
    order.push(e);
  }
  let best: number | null = null;
  let bestScore = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const e = order[rank]!;
    let score = 0;
    for (const r of doc.entities[e]!.roles) {
      const title = r.title.toLowerCase();
      const orgIdx = r.organization ? doc.entities.findIndex((x) => x.name === r.organization) : -1;
      const orgForms = [r.organization ?? '', ...(orgIdx >= 0 ? doc.entities[orgIdx]!.aliases : [])].map((s) => s.toLowerCase());
      const hay = `${title} ${orgForms.join(' ')}`;
      let s = 0;
      if (fits.some((f) => title.includes(f) || (f.includes(' ') || f === 'foreign' ? hay.includes(f) : false))) s += 2;
      else continue;
      for (const w of mods) if (hay.split(/[^\p{L}\p{N}.-]+/u).includes(w)) s += 1;
      score = Math.max(score, s);
    }
    // Every modifier should be accounted for in a strong match; prefer recency on ties.
    const adjusted = score - rank * 0.01;
    if (score > 0 && adjusted > bestScore) {
      best = e;
      bestScore = adjusted;
    }
  }
  if (best !== null) return best;
  if (GENERIC.has(noun) && mods.length === 0 && order.length) return order[0]!;
  return null;
}
