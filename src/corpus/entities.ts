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

/** Acronym of a multi-word name, or null. @example acronymOf('Commonwealth of Independent States') // 'cis' */
export function acronymOf(name: string): string | null {
  const parts = name.split(/[\s-]+/).filter((w) => w && !ACRONYM_SKIP.has(w.toLowerCase()));
  if (parts.length < 2) return null;
  if (!parts.every((w) => /^\p{Lu}/u.test(w))) return null;
  return parts.map((w) => w[0]!.toLowerCase()).join('');
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}\d&.]{2,8}$/u.test(name.replace(/\s+/g, ''));
}

/** Person name tokens after honorifics are dropped. */
function personTokens(name: string): string[] {
  return normKey(name.replace(PERSON_PREFIX_RE, '')).split(' ').filter(Boolean);
}

/** True when a name is only a description ("the FSB chief"), not a proper name. */
function isDescriptive(name: string): boolean {
  return !/^\p{Lu}/u.test(name.trim()) || /^(?:the|a|an)\s/i.test(name.trim());
}

function roleKey(role: Role): string {
  return `r:${normKey(role.title)}|${normKey(role.organization ?? '')}`;
}

/**
 * Lookup keys of an entity: names/aliases, acronyms, surnames, roles.
 * @example entityKeys({ name: 'Alexander Bortnikov', type: 'person', aliases: [], roles: [] }) // ['n:p:alexander bortnikov', 's:bortnikov']
 */
export function entityKeys(e: { name: string; type: EntityType; aliases: string[]; roles: Role[] }): string[] {
  const tc = typeClass(e.type);
  const keys = new Set<string>();
  const fullName = tc === 'p' && [e.name, ...e.aliases].some((n) => n && !isDescriptive(n) && personTokens(n).length > 1);
  for (const n of [e.name, ...e.aliases]) {
    if (!n || isDescriptive(n)) continue;
    const k = tc === 'p' ? personTokens(n).join(' ') : normKey(n);
    if (!k) continue;
    // A bare surname of a person with a full name is a surname key only: another person may share it.
    if (!(fullName && !k.includes(' '))) keys.add(`n:${tc}:${k}`);
    if (tc === 'o') {
      if (isAcronym(n)) keys.add(`a:${n.replace(/[\s.]/g, '').toLowerCase()}`);
      const acr = acronymOf(n);
      if (acr) keys.add(`a:${acr}`);
    }
    if (tc === 'p') {
      const toks = personTokens(n);
      if (toks.length >= 1) keys.add(`s:${toks[toks.length - 1]}`);
    }
  }
  for (const r of e.roles) if (r.title) keys.add(roleKey(r));
  return [...keys];
}

/** Whether two person names can name the same person ("A. Bortnikov" ~ "Alexander Bortnikov", not "Igor Bortnikov"). */
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
    const byAcr = same.filter((c) => has(c, 'a:'));
    if (byAcr.length === 1) return byAcr[0]!;
  }
  // 3. Surname: a one-word name needs exactly one person holding the surname; a full name needs compatible given names.
  if (tc === 'p') {
    const names = [local.name, ...local.aliases].filter((n) => n && !isDescriptive(n));
    // Compare with the candidate's full names when it has any (its bare-surname aliases fit everyone of that surname).
    const fullNames = (c: EntityRecord) => {
      const all = [c.name, ...c.aliases].filter((n) => n && !isDescriptive(n));
      const full = all.filter((n) => personTokens(n).length > 1);
      return full.length ? full : all;
    };
    const bySurname = same.filter((c) => has(c, 's:') && names.some((n) => fullNames(c).some((cn) => personNamesCompatible(n, cn))));
    const compatible = bySurname.filter((c) => names.every((n) => fullNames(c).some((cn) => personNamesCompatible(n, cn))));
    if (compatible.length === 1) return compatible[0]!;
    if (names.length === 0) {
      // 4. Named only by a role ("the FSB chief"): one holder of the role.
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
  // A full person name replaces a surname-only one ("Bortnikov" -> "Alexander Bortnikov").
  if (type === 'person' && !isDescriptive(incoming) && personTokens(incoming).length > personTokens(current).length && personNamesCompatible(current, incoming)) return incoming;
  return current;
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
    let cands = keys.length ? await index.entitiesByKeys(keys) : [];
    // Records changed earlier in this document are fresher than the index copy.
    cands = cands.map((c) => changed.get(c.id) ?? c);
    for (const c of changed.values()) if (!cands.some((x) => x.id === c.id) && c.keys.some((k) => keys.includes(k))) cands.push(c);
    const hit = matchEntity(local, keys, cands);
    let rec: EntityRecord;
    if (hit) {
      rec = structuredClone(hit);
      const aliases = new Set(rec.aliases);
      for (const n of [local.name, ...local.aliases]) if (n && n !== rec.name) aliases.add(n);
      const name = preferName(rec.name, local.name, rec.type);
      if (name !== rec.name) aliases.add(rec.name);
      aliases.delete(name);
      rec.name = name;
      rec.aliases = [...aliases];
      rec.roles = mergeRoles(rec.roles, local.roles);
      rec.keys = [...new Set([...rec.keys.filter((k) => !k.startsWith('n:')), ...entityKeys(rec)])];
    } else {
      let id = `${local.type}:${slug(local.name)}`;
      for (let n = 2; changed.has(id) || (await index.getEntity(id)); n++) id = `${local.type}:${slug(local.name)}~${n}`;
      rec = { id, name: local.name, type: local.type, aliases: local.aliases.filter((a) => a !== local.name), roles: [...local.roles], keys, docCount: 0 };
    }
    if (!counted.has(rec.id)) (counted.add(rec.id), rec.docCount++);
    changed.set(rec.id, rec);
    ids.set(local.id, rec.id);
  }
  for (const rec of changed.values()) await index.putEntity(rec);
  return { ids, changed };
}
