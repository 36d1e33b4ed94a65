/**
 * Entity resolution across documents: a document's local entities are matched to global ones
 * by normalised names and aliases, acronyms, surname-only names (only when one person holds
 * the surname) and roles (only for entities named by their role).
 */
import type { EntityOut } from '../analysis/types.js';
import type { EntityType, Role } from '../doc/types.js';
import type { CorpusIndex, EntityRecord } from './corpus-index.js';
import { normKey, slug } from './text.js';

/** Organizations and armed groups are matched with each other: extractors disagree about which an entity is. */
function typeClass(type: EntityType): string {
  return type === 'person' ? 'p' : type === 'location' ? 'l' : 'o';
}

/** Words skipped when building an acronym ("Federal Security Service" -> FSS, "Commonwealth of Independent States" -> CIS). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'in', 'on']);
/** Honorifics and ranks dropped from person names before keys are built ("Maj. Gen. X" -> "X"). */
const PERSON_PREFIX_RE = /^(?:(?:mr|mrs|ms|dr|prof|sir|gen|maj|col|lt|capt|sgt|adm|president|minister|director|general)\.?\s+)+/i;

/**
 * Acronym of a multi-word name of ordinary capitalised words, or null. Words that are themselves acronyms
 * ("RIA Novosti", "ITAR-TASS") give none: their initials are not how anyone abbreviates them.
 * @example acronymOf('Commonwealth of Independent States') // 'cis'
 */
export function acronymOf(name: string): string | null {
  const parts = name.split(/\s+/).filter((w) => w && !ACRONYM_SKIP.has(w.toLowerCase()));
  if (parts.length < 2) return null;
  if (!parts.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
  return parts.map((w) => w[0]!.toLowerCase()).join('');
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}\d&.]{2,8}$/u.test(name.replace(/\s+/g, ''));
}

const PAREN_RE = /^(.+?)\s*\(([^()]+)\)\s*$/;

/**
 * Name variants of a name: itself, or its two halves for "Name (ABBR)".
 * @example nameVariants('Russian Federal Security Service (FSB)') // ['Russian Federal Security Service', 'FSB']
 */
export function nameVariants(name: string): string[] {
  const m = PAREN_RE.exec(name.trim());
  return m ? [m[1]!.trim(), m[2]!.trim()] : [name];
}

/** All proper-name variants of an entity (descriptions dropped, parentheses split). */
function properNames(e: { name: string; aliases: string[] }): string[] {
  const out: string[] = [];
  for (const n of [e.name, ...e.aliases]) if (n && !isDescriptive(n)) for (const v of nameVariants(n)) if (v && !isDescriptive(v)) out.push(v);
  return out;
}

/** Token lists of names seen so far: matching asks for the same candidates' names again and again. Read-only. */
const PERSON_TOKENS = new Map<string, readonly string[]>();
const PERSON_TOKENS_MAX = 50_000;

/** Person name tokens after honorifics are dropped (a shared list: never changed by callers). */
function personTokens(name: string): readonly string[] {
  let t = PERSON_TOKENS.get(name);
  if (t === undefined) {
    if (PERSON_TOKENS.size >= PERSON_TOKENS_MAX) PERSON_TOKENS.clear();
    PERSON_TOKENS.set(name, (t = normKey(name.replace(PERSON_PREFIX_RE, '')).split(' ').filter(Boolean)));
  }
  return t;
}

/** True when a name is only a description ("the police chief"), not a proper name. */
function isDescriptive(name: string): boolean {
  return !/^\p{Lu}/u.test(name.trim()) || /^(?:the|a|an)\s/i.test(name.trim());
}

function roleKey(role: Role): string {
  return `r:${normKey(role.title)}|${normKey(role.organization ?? '')}`;
}

/**
 * Lookup keys of an entity: names/aliases ('n:'), literal acronyms ('a:'), acronyms of multi-word names ('x:'), surnames ('s:'), roles ('r:').
 * @example entityKeys({ name: 'Jane Doe', type: 'person', aliases: [], roles: [] }) // ['n:p:jane doe', 's:doe']
 */
export function entityKeys(e: { name: string; type: EntityType; aliases: string[]; roles: Role[] }): string[] {
  const tc = typeClass(e.type);
  const keys = new Set<string>();
  const names = properNames(e);
  const fullName = tc === 'p' && names.some((n) => personTokens(n).length > 1);
  for (const n of names) {
    const k = tc === 'p' ? personTokens(n).join(' ') : normKey(n);
    if (!k) continue;
    // A bare surname of a person with a full name is a surname key only: another person may share it.
    if (!(fullName && !k.includes(' '))) keys.add(`n:${tc}:${k}`);
    if (tc === 'o') {
      if (isAcronym(n)) keys.add(`a:${n.replace(/[\s.]/g, '').toLowerCase()}`);
      const acr = acronymOf(n);
      if (acr) keys.add(`x:${acr}`);
    }
    if (tc === 'p') {
      const toks = personTokens(n);
      if (toks.length >= 1) keys.add(`s:${toks[toks.length - 1]}`);
    }
  }
  for (const r of e.roles) if (r.title) keys.add(roleKey(r));
  return [...keys];
}

/**
 * Whether an acronym links two organizations: one side writes it literally ('a:X'), the other has a
 * multi-word name with those initials ('x:X'). Two different multi-word names with the same initials
 * ("Russian Navy", "Regional News") are different organizations.
 * @example acronymLinks(['a:fsb'], ['x:fsb', 'n:o:federal security bureau']) // true
 */
export function acronymLinks(localKeys: readonly string[], candKeys: readonly string[]): boolean {
  const cand = new Set(candKeys);
  for (const k of localKeys) {
    if (k.startsWith('a:') && cand.has(`x:${k.slice(2)}`)) return true;
    if (k.startsWith('x:') && cand.has(`a:${k.slice(2)}`)) return true;
  }
  return false;
}

/** Whether two person names can name the same person ("J. Doe" ~ "Jane Doe", not "John Doe"). */
function personNamesCompatible(a: string, b: string): boolean {
  const ta = personTokens(a);
  const tb = personTokens(b);
  if (!ta.length || !tb.length) return false;
  if (ta[ta.length - 1] !== tb[tb.length - 1]) return false;
  if (ta.length === 1 || tb.length === 1) return true;
  const fa = ta[0]!;
  const fb = tb[0]!;
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

function bestByDocs(cands: EntityRecord[]): EntityRecord | null {
  let best: EntityRecord | null = null;
  for (const c of cands) if (!best || c.docCount > best.docCount || (c.docCount === best.docCount && c.id < best.id)) best = c;
  return best;
}

/** Pick the global entity a local one refers to, or null for a new one. */
function matchEntity(local: EntityOut, keys: string[], cands: EntityRecord[]): EntityRecord | null {
  const tc = typeClass(local.type);
  const same = cands.filter((c) => typeClass(c.type) === tc);
  const has = (c: EntityRecord, prefix: string) => keys.some((k) => k.startsWith(prefix) && c.keys.includes(k));
  // 1. A shared name or alias.
  const byName = same.filter((c) => has(c, 'n:'));
  if (byName.length) return bestByDocs(byName);
  // 2. Acronym against expansion (organizations).
  if (tc === 'o') {
    const byAcr = same.filter((c) => acronymLinks(keys, c.keys));
    if (byAcr.length === 1) return byAcr[0]!;
  }
  // 3. Surname: a one-word name needs exactly one person holding the surname; a full name needs compatible given names.
  if (tc === 'p') {
    const names = properNames(local);
    // Compare with the candidate's full names when it has any (its bare-surname aliases fit everyone of that surname).
    const fullNames = (c: EntityRecord) => {
      const all = properNames(c);
      const full = all.filter((n) => personTokens(n).length > 1);
      return full.length ? full : all;
    };
    const bySurname = same.filter((c) => has(c, 's:') && names.some((n) => fullNames(c).some((cn) => personNamesCompatible(n, cn))));
    const compatible = bySurname.filter((c) => names.every((n) => fullNames(c).some((cn) => personNamesCompatible(n, cn))));
    if (compatible.length === 1) return compatible[0]!;
    if (names.length === 0) {
      // 4. Named only by a role ("the police chief"): one holder of the role.
      const byRole = same.filter((c) => has(c, 'r:'));
      if (byRole.length === 1) return byRole[0]!;
    }
  }
  return null;
}

function mergeRoles(a: Role[], b: Role[]): Role[] {
  const out = [...a];
  const seen = new Set(a.map(roleKey));
  for (const r of b) if (!seen.has(roleKey(r))) (seen.add(roleKey(r)), out.push(r));
  return out;
}

function preferName(current: string, incoming: string, type: EntityType): string {
  if (isDescriptive(current) && !isDescriptive(incoming)) return incoming;
  // A full person name replaces a surname-only one ("Doe" -> "Jane Doe").
  if (type === 'person' && !isDescriptive(incoming) && personTokens(incoming).length > personTokens(current).length && personNamesCompatible(current, incoming)) return incoming;
  return current;
}

/** Aliases in first-seen order, without the name itself or spelling repeats (case, spacing, punctuation). */
function distinctAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([normKey(name)]);
  const out: string[] = [];
  for (const a of aliases) {
    const k = normKey(a);
    if (!a || !k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

/** Result of resolving one document's entities. */
export interface ResolvedEntities {
  /** Local id -> global id. */
  ids: Map<string, string>;
  /** Global records created or changed, by id. */
  changed: Map<string, EntityRecord>;
}

/**
 * Resolve a document's local entities to global ones, updating the index.
 * @example const { ids } = await resolveEntities(bundle.entities, index);
 */
export async function resolveEntities(locals: EntityOut[], index: CorpusIndex): Promise<ResolvedEntities> {
  const ids = new Map<string, string>();
  const changed = new Map<string, EntityRecord>();
  // Full names first, so that a surname-only mention in the same document finds its full name.
  const order = [...locals].sort((a, b) => personTokens(b.name).length - personTokens(a.name).length);
  const counted = new Set<string>();
  for (const local of order) {
    const keys = entityKeys(local);
    // A literal acronym finds expansions with those initials, and the other way round.
    const lookup = [...keys];
    for (const k of keys) if (k.startsWith('a:') || k.startsWith('x:')) lookup.push(`${k[0] === 'a' ? 'x' : 'a'}:${k.slice(2)}`);
    let cands = keys.length ? await index.entitiesByKeys(lookup) : [];
    // Records changed earlier in this document are fresher than the index copy.
    cands = cands.map((c) => changed.get(c.id) ?? c);
    for (const c of changed.values()) if (!cands.some((x) => x.id === c.id) && c.keys.some((k) => lookup.includes(k))) cands.push(c);
    const hit = matchEntity(local, keys, cands);
    let rec: EntityRecord;
    if (hit) {
      rec = structuredClone(hit);
      const name = preferName(rec.name, local.name, rec.type);
      rec.aliases = distinctAliases(name, [rec.name, ...rec.aliases, local.name, ...local.aliases]);
      rec.name = name;
      rec.roles = mergeRoles(rec.roles, local.roles);
      rec.keys = [...new Set([...rec.keys.filter((k) => !k.startsWith('n:')), ...entityKeys(rec)])];
    } else {
      let id = `${local.type}:${slug(local.name)}`;
      for (let n = 2; changed.has(id) || (await index.getEntity(id)); n++) id = `${local.type}:${slug(local.name)}~${n}`;
      rec = { id, name: local.name, type: local.type, aliases: distinctAliases(local.name, local.aliases), roles: [...local.roles], keys, docCount: 0 };
    }
    if (!counted.has(rec.id)) (counted.add(rec.id), rec.docCount++);
    changed.set(rec.id, rec);
    ids.set(local.id, rec.id);
  }
  // Entity records are never changed in place, once put or read back (a match is cloned above): the SQL index keeps them as they are.
  for (const rec of changed.values()) await index.putEntity(rec);
  return { ids, changed };
}
