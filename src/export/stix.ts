/**
 * STIX 2.1 bundle of the corpus: a report per document, identities (outlets, people, organizations),
 * locations (countries), threat actors (armed groups) and notes (quotes, claims, conflicting measures).
 * Ids are UUIDv5 of our ids, so the same corpus gives the same bundle.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ClaimOut, EntityOut, MeasureOut, QuoteOut } from '../analysis/types.js';
import type { DocumentSummary } from '../store/types.js';

/** The OASIS STIX 2.1 namespace for deterministic identifiers. */
const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** UUIDv5 (SHA-1, RFC 4122). @example uuidV5('x', STIX_NAMESPACE).length // 36 */
export function uuidV5(name: string, namespace = STIX_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export type StixObject = { type: string; id: string; spec_version: '2.1'; [k: string]: unknown };

let alpha2: Map<string, string> | null = null;
function countryAlpha2(cca3: string | null): string | null {
  if (!cca3) return null;
  if (!alpha2) {
    const require = createRequire(import.meta.url);
    alpha2 = new Map((require('world-countries/countries.json') as { cca3: string; cca2: string }[]).map((c) => [c.cca3, c.cca2]));
  }
  return alpha2.get(cca3) ?? null;
}

function ts(date: string | null, fallback: string): string {
  if (!date) return fallback;
  const t = Date.parse(date.length === 10 ? date + 'T00:00:00Z' : date);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

export interface StixDocumentInput {
  document: DocumentSummary;
  entities: (EntityOut & { country?: string | null })[];
  quotes: QuoteOut[];
  claims: ClaimOut[];
}

/**
 * Builds a STIX bundle incrementally (one document at a time) so large corpora stream.
 * @example const b = new StixBuilder(now); b.addDocument(input); JSON.stringify(b.bundle())
 */
export class StixBuilder {
  private readonly objects = new Map<string, StixObject>();
  private readonly entityRef = new Map<string, string>();
  private readonly reportOf = new Map<string, string>();
  constructor(private readonly now = new Date().toISOString()) {}

  private sdo(type: string, key: string, props: Record<string, unknown>): string {
    const id = `${type}--${uuidV5(`${type}:${key}`)}`;
    if (!this.objects.has(id)) this.objects.set(id, { type, spec_version: '2.1', id, created: this.now, modified: this.now, ...props });
    return id;
  }

  /** The STIX object for an entity, or null when STIX has no fitting type (a place with no known country). */
  entity(e: EntityOut & { country?: string | null }): string | null {
    const known = this.entityRef.get(e.id);
    if (known !== undefined) return known;
    let id: string | null = null;
    if (e.type === 'person') id = this.sdo('identity', e.id, { name: e.name, identity_class: 'individual', ...(e.roles.length ? { roles: e.roles.map((r) => r.title) } : {}) });
    else if (e.type === 'organization') id = this.sdo('identity', e.id, { name: e.name, identity_class: 'organization' });
    else if (e.type === 'group')
      // Armed and militant groups: threat-actor; the type stays 'unknown' because nothing here classifies motives.
      id = this.sdo('threat-actor', e.id, { name: e.name, threat_actor_types: ['unknown'], ...(e.aliases.length ? { aliases: e.aliases } : {}) });
    else {
      const cc = countryAlpha2(e.country ?? null);
      if (cc) id = this.sdo('location', e.id, { name: e.name, country: cc });
    }
    this.entityRef.set(e.id, id ?? '');
    return id;
  }

  addDocument(input: StixDocumentInput): void {
    const d = input.document;
    const refs = new Set<string>();
    const byId = new Map(input.entities.map((e) => [e.id, e]));
    if (d.outlet) refs.add(this.sdo('identity', 'outlet:' + d.outlet, { name: d.outlet, identity_class: 'organization', sectors: ['communications'] }));
    for (const e of input.entities) {
      const id = this.entity(e);
      if (id) refs.add(id);
    }
    const reportId = `report--${uuidV5('report:' + d.id)}`;
    this.reportOf.set(d.id, reportId);

    for (const q of input.quotes) {
      const speaker = q.speaker ? byId.get(q.speaker) : undefined;
      const sref = speaker ? this.entity(speaker) : null;
      this.sdo('note', q.id, {
        abstract: `${q.kind} quote${speaker ? ' of ' + speaker.name : ''}`,
        content: q.text,
        ...(speaker ? { authors: [speaker.name] } : {}),
        object_refs: [reportId, ...(sref ? [sref] : [])],
        external_references: [{ source_name: 'crosscheck', external_id: q.id, description: `characters ${q.start}-${q.end} of document ${d.id}` }],
      });
    }
    for (const c of input.claims) {
      const claimant = c.claimant ? byId.get(c.claimant) : undefined;
      const cref = claimant ? this.entity(claimant) : null;
      this.sdo('note', c.id, {
        abstract: `claim: ${c.low === c.high ? c.low : `${c.low}-${c.high}`}${c.of ? ' ' + c.of : ''} (${c.qualifier})`,
        content: c.text,
        ...(claimant ? { authors: [claimant.name] } : {}),
        object_refs: [reportId, ...(cref ? [cref] : [])],
        external_references: [{ source_name: 'crosscheck', external_id: c.id, description: `characters ${c.start}-${c.end} of document ${d.id}` }],
      });
    }
    const published = ts(d.published, this.now);
    this.objects.set(reportId, {
      type: 'report', spec_version: '2.1', id: reportId, created: this.now, modified: this.now,
      name: d.title ?? d.id, published, report_types: ['threat-report'],
      object_refs: refs.size ? [...refs] : [this.sdo('identity', 'crosscheck', { name: 'Crosscheck', identity_class: 'system' })],
      ...(d.url ? { external_references: [{ source_name: d.outlet ?? 'source', url: d.url }] } : {}),
      ...(d.publishedInferred ? { labels: ['published-date-inferred'] } : {}),
    });
  }

  /** A note on a measure whose sources disagree, pointing at the reports that state it. */
  addMeasure(m: MeasureOut, claimDocs: Map<string, string>): void {
    if (!m.conflict) return;
    const refs = [...new Set(m.claims.map((c) => this.reportOf.get(claimDocs.get(c) ?? '')).filter((x): x is string => !!x))];
    if (!refs.length) return;
    this.sdo('note', 'measure:' + m.id, { abstract: `conflicting figures: ${m.label}`, content: m.explanation, object_refs: refs });
  }

  bundle(): { type: 'bundle'; id: string; objects: StixObject[] } {
    const objects = [...this.objects.values()];
    return { type: 'bundle', id: `bundle--${uuidV5('bundle:' + objects.map((o) => o.id).sort().join(','))}`, objects };
  }
}
