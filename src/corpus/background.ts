/**
 * Shared background: sentences an outlet repeats across its articles (boilerplate backgrounders)
 * are found by a normalised hash per outlet; claims inside them are background, not new statements.
 */
import type { CorpusIndex, ParagraphRecord } from './corpus-index.js';
import { hash64, normKey, textUnits } from './text.js';

/** Units shorter than this many words are too generic to call repeated boilerplate ("He said so."). */
export const MIN_UNIT_WORDS = 8;

/** One hashed unit of a document. */
export interface TextUnit {
  hash: string;
  start: number;
  end: number;
}

/**
 * Hashed sentence units of a text (normalised: case, punctuation and spacing ignored).
 * @example hashedUnits('The Islamic State is an extremist organization banned in many countries.')
 */
export function hashedUnits(text: string): TextUnit[] {
  const out: TextUnit[] = [];
  for (const u of textUnits(text)) {
    const norm = normKey(text.slice(u.start, u.end));
    if (norm.split(' ').length < MIN_UNIT_WORDS) continue;
    out.push({ hash: hash64(norm), start: u.start, end: u.end });
  }
  return out;
}

/** Outlet key: the normalised outlet name. */
export function outletKey(outlet: string | null): string | null {
  const k = outlet ? normKey(outlet) : '';
  return k || null;
}

/** What background detection found for one document. */
export interface BackgroundScan {
  outlet: string | null;
  units: TextUnit[];
  /** Existing records for this document's units, by hash (repeats seen in other documents). */
  seen: Map<string, ParagraphRecord>;
  /** Spans of this document repeated from the outlet's other documents. */
  repeated: TextUnit[];
}

/**
 * Find which of a document's units the outlet has published before.
 * @example const scan = await scanBackground(doc.id, doc.outlet, doc.text, index);
 */
export async function scanBackground(docId: string, outlet: string | null, text: string, index: CorpusIndex): Promise<BackgroundScan> {
  const key = outletKey(outlet);
  if (!key) return { outlet: null, units: [], seen: new Map(), repeated: [] };
  const units = hashedUnits(text);
  const recs = units.length ? await index.paragraphs(key, [...new Set(units.map((u) => u.hash))]) : [];
  const seen = new Map<string, ParagraphRecord>();
  for (const r of recs) if (r.occurrences.some((o) => o.doc !== docId)) seen.set(r.hash, r);
  return { outlet: key, units, seen, repeated: units.filter((u) => seen.has(u.hash)) };
}

/** True when a claim's value sits inside one of the spans. */
export function insideAny(pos: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => pos.start >= s.start && pos.end <= s.end);
}

/**
 * Record this document's units, and return earlier documents' claims that now turn out to be background.
 * @example const earlier = await recordBackground(scan, doc.id, claims, index);
 */
export async function recordBackground(
  scan: BackgroundScan,
  docId: string,
  claims: { id: string; value: { start: number; end: number }; measure: string | null }[],
  index: CorpusIndex,
): Promise<{ id: string; measure: string | null }[]> {
  if (!scan.outlet) return [];
  const earlier: { id: string; measure: string | null }[] = [];
  const done = new Set<string>();
  for (const u of scan.units) {
    if (done.has(u.hash)) continue;
    done.add(u.hash);
    const prev = scan.seen.get(u.hash);
    const rec: ParagraphRecord = prev ?? { id: `${scan.outlet}|${u.hash}`, outlet: scan.outlet, hash: u.hash, occurrences: [] };
    // The first repeat turns the earlier occurrences' claims into background too.
    if (prev && prev.occurrences.every((o) => o.doc !== docId)) {
      for (const o of prev.occurrences) {
        for (const c of o.claims) if (c.measure !== 'background') earlier.push({ ...c });
        // Marked so a later repeat does not report them again.
        o.claims = o.claims.map((c) => ({ id: c.id, measure: 'background' }));
      }
    }
    if (!rec.occurrences.some((o) => o.doc === docId)) {
      const inside = claims.filter((c) => c.value.start >= u.start && c.value.end <= u.end).map((c) => ({ id: c.id, measure: prev ? 'background' : c.measure }));
      rec.occurrences.push({ doc: docId, start: u.start, end: u.end, claims: inside });
    }
    // Keep records of units seen once small: a unit repeated in many documents keeps only the first few occurrences.
    if (rec.occurrences.length > 20) rec.occurrences.splice(1, rec.occurrences.length - 20);
    await index.putParagraph(rec);
  }
  // An earlier claim is reported once even when several of its units repeat.
  const uniq = new Map<string, { id: string; measure: string | null }>();
  for (const c of earlier) uniq.set(c.id, c);
  return [...uniq.values()];
}
