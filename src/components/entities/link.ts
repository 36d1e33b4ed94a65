/**
 * Fold recognized spans into entities: canonical names from lexicons, acronym definitions
 * ("Long Name (ACR)", "ACR (Long Name)", "(IS, formerly ISIS)"), known alias sets, and
 * surname-only mentions of people named in full elsewhere in the text.
 */
import type { Doc } from '../../doc/doc.js';
import type { TokenTable } from '../../doc/tokens.js';
import { TokenFlag, TokenKind } from '../../doc/tokens.js';
import type { EntityRecord, Mention } from '../../doc/types.js';
import { IntTable, hashLower, hashString, isUpperCode } from './hash.js';
import { GazKind } from './gazetteer.js';
import type { Gazetteer } from './gazetteer.js';
import type { EntitySpan } from './recognize.js';

type Via = NonNullable<Mention['via']>;

// Words allowed between acronyms inside a defining parenthesis: "(WFP, formerly WFO)", "(DPRK, also known as North Korea)".
const PAREN_GLUE = new Set([',', ';', '/', 'or', 'formerly', 'also', 'known', 'as', 'aka', 'a.k.a.', 'previously', 'later', 'and', 'its', 'acronym']);
const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', '&', 'de', 'des', 'du', 'al']);

/**
 * An acronym: 2-10 characters, an upper-case letter first, then upper-case letters, digits or . & -,
 * with at least two upper-case letters ("FSB", "U.S.", "G7" is not). Char-code tests, no regex.
 */
export function isAcronymAt(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 10 || !isUpperCode(text.charCodeAt(start))) return false;
  let upper = 1;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isUpperCode(c)) upper++;
    else if (!((c >= 48 && c <= 57) || c === 46 || c === 38 || c === 45)) return false;
  }
  return upper >= 2;
}

function isAcronymText(s: string): boolean {
  return isAcronymAt(s, 0, s.length);
}

/**
 * Doc.addEntity with an index: the same merging (same type and a lower-case name or alias match;
 * the earliest entity wins) without scanning every entity on every call.
 */
class EntityTable {
  /** Per entity type: lower-case name or alias -> earliest entity index. */
  private readonly index = new Map<string, Map<string, number>>();
  constructor(private readonly doc: Doc) {
    for (let i = 0; i < doc.entities.length; i++) this.indexEntity(i);
  }
  private forms(type: string): Map<string, number> {
    let m = this.index.get(type);
    if (!m) {
      m = new Map();
      this.index.set(type, m);
    }
    return m;
  }
  private indexForm(type: string, form: string, idx: number): void {
    const forms = this.forms(type);
    const k = form.toLowerCase();
    const had = forms.get(k);
    if (had === undefined || had > idx) forms.set(k, idx);
  }
  private indexEntity(i: number): void {
    const e = this.doc.entities[i]!;
    this.indexForm(e.type, e.name, i);
    for (const a of e.aliases) this.indexForm(e.type, a, i);
  }
  private addAliasTo(found: number, a: string): void {
    const e = this.doc.entities[found]!;
    if (a !== e.name && !e.aliases.includes(a)) {
      e.aliases.push(a);
      this.indexForm(e.type, a, found);
    }
  }
  /** Add `alias` to the entity that `idx`'s name and type resolve to (the earliest such entity). */
  addAlias(idx: number, alias: string): number {
    const e = this.doc.entities[idx]!;
    const found = this.forms(e.type).get(e.name.toLowerCase()) ?? idx;
    this.addAliasTo(found, alias);
    return found;
  }
  /**
   * `add` of a bare entity (no aliases, roles or attrs) whose lower-case name the caller has: the same
   * merging without the temporary record, its copy and two more lower-casings.
   */
  addName(name: string, type: EntityRecord['type'], lower: string): number {
    const forms = this.forms(type);
    const found = forms.get(lower);
    if (found !== undefined) {
      this.addAliasTo(found, name);
      return found;
    }
    const idx = this.doc.entities.push({ name, type, aliases: [], roles: [] }) - 1;
    forms.set(lower, idx);
    return idx;
  }
  add(entity: EntityRecord): number {
    const found = this.forms(entity.type).get(entity.name.toLowerCase());
    if (found !== undefined) {
      this.addAliasTo(found, entity.name);
      for (const a of entity.aliases) this.addAliasTo(found, a);
      const e = this.doc.entities[found]!;
      for (const r of entity.roles) if (!e.roles.some((x) => x.title === r.title && x.organization === r.organization)) e.roles.push(r);
      return found;
    }
    const copy: EntityRecord = { name: entity.name, type: entity.type, aliases: [...entity.aliases], roles: [...entity.roles] };
    if (entity.attrs) copy.attrs = entity.attrs;
    this.doc.entities.push(copy);
    const idx = this.doc.entities.length - 1;
    this.indexEntity(idx);
    return idx;
  }
}

/** True when token j is the one-character bracket `a` or `b` (char codes). */
function isBracket(text: string, tokens: TokenTable, j: number, a: number, b: number): boolean {
  if (j < 0 || j >= tokens.length || tokens.end[j]! - tokens.start[j]! !== 1) return false;
  const c = text.charCodeAt(tokens.start[j]!);
  return c === a || c === b;
}

/** True when `acr` can be read as the initials of `name`, allowing skipped small words. @example initialsMatch('UNHCR', 'United Nations High Commissioner for Refugees') // true */
export function initialsMatch(acr: string, name: string): boolean {
  const letters = acr.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = name.split(/[\s-]+/).filter(Boolean);
  const all = words.map((w) => w[0]!.toLowerCase()).join('');
  const content = words.filter((w) => !INITIAL_SKIP.has(w.toLowerCase())).map((w) => w[0]!.toLowerCase()).join('');
  if (letters === all || letters === content) return true;
  // A leading demonym or country is often left out: "Russian Federal Security Service (FSB)".
  return letters.length >= 2 && (content.endsWith(letters) || content.slice(1) === letters);
}

interface Pending {
  span: EntitySpan;
  start: number;
  end: number;
  text: string;
}

/**
 * Link spans to entities (merging like `doc.addEntity`) and return mentions sorted by start.
 * `lw` (token hashes) and `headline` (title-case sentence flags) come from recognizeSpans.
 * @example const mentions = linkSpans(doc, spans, loadGazetteer())
 */
export function linkSpans(doc: Doc, spans: EntitySpan[], gaz: Gazetteer, lw?: Uint32Array, headline?: Uint8Array, rows?: Uint8Array): Mention[] {
  const text = doc.text;
  const tokens = doc.tokens;
  const table = new EntityTable(doc);
  const items: Pending[] = spans.map((span) => {
    const start = tokens.start[span.first]!;
    const end = tokens.end[span.last]!;
    return { span, start, end, text: text.slice(start, end) };
  });
  // Index of the span starting at each token (-1 none): a typed array, not a Map keyed by token.
  const startsAtIdx = new Int32Array(tokens.length + 1).fill(-1);
  for (let k = 0; k < items.length; k++) startsAtIdx[items[k]!.span.first] = k;
  const startsAt = (j: number): number | undefined => {
    const k = j >= 0 && j < tokens.length ? startsAtIdx[j]! : -1;
    return k >= 0 ? k : undefined;
  };

  // Alias table built as we go: surface form -> entity index (case-sensitive for acronyms).
  const byForm = new Map<string, number>();
  const formKey = (s: string): string => (isAcronymText(s) ? s : s.toLowerCase());
  // Lower-case hashes of every remembered form: the per-token pass below slices a token only on a hit.
  const formHashes = new IntTable(spans.length + doc.entities.length + 8);
  const remember = (form: string, idx: number, key = formKey(form)): void => {
    if (!byForm.has(key)) {
      byForm.set(key, idx);
      formHashes.set(hashString(form), 1);
    }
  };
  for (let i = 0; i < doc.entities.length; i++) {
    const e = doc.entities[i]!;
    remember(e.name, i);
    for (const a of e.aliases) remember(a, i);
  }

  // Pass 1: acronym definitions. definedBy[k] = span index k' whose entity span k takes (k is the acronym/inner name).
  const acronymOf = new Map<number, number>(); // item index of an acronym span -> item index of its long name
  const extraAliases = new Map<number, string[]>(); // item index -> aliases from a parenthesis
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const after = it.span.last + 1;
    if (!isBracket(text, tokens, after, 40, 91)) continue; // ( [
    let close = after + 1;
    while (close < tokens.length && close - after < 14 && !isBracket(text, tokens, close, 41, 93)) close++;
    if (!isBracket(text, tokens, close, 41, 93)) continue;
    const inner = startsAt(after + 1);
    const isOrg = it.span.type === 'organization' || it.span.type === 'group';
    if (!isOrg && !isAcronymText(it.text)) continue;
    // "CIS (Commonwealth of Independent States)": acronym first, long name inside.
    if (isAcronymText(it.text) && inner !== undefined && items[inner]!.span.last === close - 1 && !isAcronymText(items[inner]!.text)) {
      const innerText = items[inner]!.text;
      if (initialsMatch(it.text, innerText) || items[inner]!.span.type !== 'location') {
        acronymOf.set(k, inner);
        continue;
      }
    }
    if (!isOrg) continue;
    // "Long Name (ACR)" or "(IS, formerly ISIS)": every acronym inside, joined only by glue words.
    const acrs: number[] = [];
    let clean = true;
    for (let j = after + 1; j < close; j++) {
      const w = tokens.text(text, j);
      if (isAcronymText(w) || (tokens.flags[j]! & TokenFlag.CAPITALIZED && tokens.kind[j] === TokenKind.WORD && acrs.length > 0)) acrs.push(j);
      else if (!PAREN_GLUE.has(w.toLowerCase())) {
        clean = false;
        break;
      }
    }
    if (!clean || acrs.length === 0) continue;
    const forms = acrs.map((j) => tokens.text(text, j));
    extraAliases.set(k, forms);
    for (const j of acrs) {
      const ak = startsAt(j);
      if (ak !== undefined) acronymOf.set(ak, k);
    }
  }

  // Full person names, for surname linking (also of surnames that come before the full name).
  const personBySurname = new Map<string, number>(); // surname (lower) -> item index of first full mention
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.span.type !== 'person' || it.span.last === it.span.first) continue;
    const sur = tokens.text(text, it.span.last).toLowerCase();
    if (!personBySurname.has(sur)) {
      personBySurname.set(sur, k);
      formHashes.set(hashString(sur), 1);
    }
  }

  const groupsSeen = new Set<string>();
  // Lexicon entry and type (entry * 8 + type code) -> the spellings seen so far and what they resolved to.
  const entrySeen = new Map<number, { text: string; idx: number; via: Via }[]>();
  const TYPE_CODE: Record<string, number> = { person: 1, organization: 2, location: 3, group: 4 };
  const entityOf = new Int32Array(items.length).fill(-1);
  const viaOf: Via[] = new Array(items.length).fill('name');
  const resolve = (k: number): number => {
    if (entityOf[k]! >= 0) return entityOf[k]!;
    const it = items[k]!;
    const sp = it.span;
    // An acronym defined by a neighbouring long name.
    const longK = acronymOf.get(k);
    if (longK !== undefined && longK !== k) {
      const idx = resolve(longK);
      table.addAlias(idx, it.text);
      remember(it.text, idx);
      entityOf[k] = idx;
      viaOf[k] = 'acronym';
      return idx;
    }
    const entry = sp.entry >= 0 ? gaz.entries[sp.entry]! : null;
    // The same lexicon entry written the same way resolves the same way: skip the merging work.
    const seenKey = entry && !extraAliases.has(k) ? sp.entry * 8 + (TYPE_CODE[sp.type] ?? 0) : -1;
    const seenList = seenKey >= 0 ? entrySeen.get(seenKey) : undefined;
    let seen: { text: string; idx: number; via: Via } | undefined;
    if (seenList) for (let x = 0; x < seenList.length && !seen; x++) if (seenList[x]!.text === it.text) seen = seenList[x];
    if (seen !== undefined) {
      entityOf[k] = seen.idx;
      viaOf[k] = seen.via;
      return seen.idx;
    }
    let idx: number;
    let key: string | undefined;
    if (entry && entry.kind === GazKind.GROUP) {
      const aliases = gaz.groupAliases.get(entry.name) ?? [];
      idx = byForm.get(formKey(entry.name)) ?? table.add({ name: entry.name, type: 'group', aliases: it.text === entry.name ? [] : [it.text], roles: [] });
      if (it.text !== entry.name) table.add({ name: entry.name, type: 'group', aliases: [it.text], roles: [] });
      remember(entry.name, idx);
      if (!groupsSeen.has(entry.name)) {
        groupsSeen.add(entry.name);
        for (const a of aliases) if (text.includes(a)) remember(a, idx);
      }
      viaOf[k] = it.text === entry.name ? 'name' : isAcronymText(it.text) ? 'acronym' : 'alias';
    } else if (entry && (entry.kind === GazKind.COUNTRY || entry.kind === GazKind.CITY) && sp.type === 'location') {
      idx = table.add({ name: entry.name, type: 'location', aliases: it.text === entry.name ? [] : [it.text], roles: [], attrs: entry.country ? { country: entry.country } : undefined });
      viaOf[k] = it.text === entry.name ? 'name' : 'alias';
    } else {
      const acr = isAcronymText(it.text);
      const lower = it.text.toLowerCase();
      key = acr ? it.text : lower;
      const known = byForm.get(key);
      const knownEntity = known !== undefined ? doc.entities[known] : undefined;
      const surnameOf = sp.first === sp.last && !acr ? personBySurname.get(lower) : undefined;
      if (knownEntity && (knownEntity.type === sp.type || sp.type !== 'person' || knownEntity.type === 'person')) {
        idx = known!;
        viaOf[k] = knownEntity.name === it.text ? 'name' : acr ? 'acronym' : knownEntity.type === 'person' ? 'surname' : 'alias';
      } else if (surnameOf !== undefined && surnameOf !== k) {
        idx = resolve(surnameOf);
        table.addAlias(idx, it.text);
        viaOf[k] = 'surname';
      } else {
        idx = table.addName(it.text, sp.type, lower);
      }
    }
    const extra = extraAliases.get(k);
    if (extra) {
      for (const a of extra) table.addAlias(idx, a);
      for (const a of extra) remember(a, idx);
    }
    remember(it.text, idx, key);
    entityOf[k] = idx;
    if (seenKey >= 0) {
      const seenNow = { text: it.text, idx, via: viaOf[k]! };
      if (seenList) seenList.push(seenNow);
      else entrySeen.set(seenKey, [seenNow]);
    }
    return idx;
  };
  // Definitions first, so acronyms used before their definition ("CIS states ... CIS (Commonwealth ...)") fold in.
  for (const [ak, lk] of acronymOf) {
    resolve(lk);
    resolve(ak);
  }
  for (const k of extraAliases.keys()) resolve(k);
  const mentions: Mention[] = [];
  for (let k = 0; k < items.length; k++) {
    const idx = resolve(k);
    mentions.push({ start: items[k]!.start, end: items[k]!.end, entity: idx, via: viaOf[k]! });
  }
  // Untagged tokens that are a known acronym or a known person's surname.
  const covered = new Uint8Array(tokens.length);
  for (const it of items) for (let j = it.span.first; j <= it.span.last; j++) covered[j] = 1;
  for (let j = 0; j < tokens.length; j++) {
    if (covered[j] || !(tokens.flags[j]! & TokenFlag.CAPITALIZED) || tokens.kind[j] !== TokenKind.WORD) continue;
    if (!formHashes.get(lw ? lw[j]! : hashLower(text, tokens.start[j]!, tokens.end[j]!))) continue;
    const w = tokens.text(text, j);
    const bySurname = personBySurname.get(w.toLowerCase());
    // A surname in a title-case headline above the full name ("Putin Says ..." above "Vladimir Putin said").
    const early = bySurname !== undefined && headline !== undefined && headline[tokens.sentence[j]!] === 1 && items[bySurname]!.start > tokens.start[j]! && !isAcronymText(w);
    const idx = byForm.get(formKey(w)) ?? (early ? resolve(bySurname!) : undefined);
    if (idx === undefined) continue;
    const e = doc.entities[idx]!;
    const acr = isAcronymText(w);
    if (!acr && e.type !== 'person') continue;
    // Tables and lists in capitals ("SEP", "KV", "FOB" columns) repeat short codes the model left out on purpose.
    if (acr && rows && rows[j]! & 1) continue;
    if (!acr && tokens.flags[j]! & TokenFlag.SENTENCE_START && !personBySurname.has(w.toLowerCase())) continue;
    mentions.push({ start: tokens.start[j]!, end: tokens.end[j]!, entity: idx, via: acr ? (e.name === w ? 'name' : 'acronym') : e.name === w ? 'name' : 'surname' });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/** The token range of a mention. */
export function mentionTokens(tokens: TokenTable, m: { start: number; end: number }): [number, number] {
  const first = tokens.indexAt(m.start);
  let last = first;
  while (last + 1 < tokens.length && tokens.start[last + 1]! < m.end) last++;
  return [first, last];
}
