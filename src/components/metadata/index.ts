import { defineComponent } from '../../pipeline/component.js';
import type { Doc } from '../../doc/doc.js';
import type { Span } from '../../doc/span.js';
import { dateLineOf, inferDate, isoDateOf, MONTHS, type DateLine } from './dates.js';
import { findOutlet, hostOf, type OutletInfo } from './outlets.js';

export { findOutlet, type OutletInfo } from './outlets.js';

/** Lines of the text searched for a title and a dateline. */
const HEAD_LINES = 8;
/**
 * Datelines: "MOSCOW, March 3. /TASS/. …", "PARIS (AFP) – …", "WASHINGTON (Reuters) - …",
 * "LONDON, May 3 (Reuters) -", "KABUL, Afghanistan (AP) —", "NEW DELHI: …".
 * Groups: 1 place, 2 region, 3 month, 4 day, 5 year, 6 agency in parens, 7 agency in slashes.
 */
const DATELINE =
  /^([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})(?:,\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?))?(?:,\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?)?\s*(?:\(([^)]{2,40})\)|[.,]?\s*\/([^/]{2,30})\/)?\s*[.,]?\s*(?:[-–—:]|(?=\s*[A-Z"“]))/;
/** "© Copyright IBTimes 2024.", "Copyright 2019 The Associated Press", "(c) Reuters 2015". */
const COPYRIGHT_HOLDER = /(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?([^\d.,©]+?)(?:\s*\d{4})?\s*(?:[.,]|all rights|$)/i;
/** English function words: a text where they make up this share of words is English. */
const EN_STOPWORDS = new Set('the of and to in a is that for on was with as by at from it he said his are be has have not an this which were their they but its who been will'.split(' '));
const EN_MIN_RATIO = 0.18;
const EN_STOPWORD_MAX = Math.max(...[...EN_STOPWORDS].map((w) => w.length));

/**
 * Outlet, title, dateline, publication date (evidence only) and language.
 * @example createRegistry().get('metadata').create().run(doc); doc.meta.published // '2015-10-22'
 */
export const metadata = defineComponent({
  name: 'metadata',
  requires: ['text'],
  assigns: ['meta'],
  summary: 'Outlet (registry-backed), title, dateline, evidence-only publication date and language.',
  create: () => (doc) => {
    fillMetadata(doc);
  },
});

interface HeadLine {
  start: number;
  end: number;
  text: string;
}

function headLines(text: string): HeadLine[] {
  const out: HeadLine[] = [];
  let i = 0;
  while (i < text.length && out.length < HEAD_LINES) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const raw = text.slice(i, j);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: i + lead, end: i + lead + t.length, text: t });
    i = j + 1;
  }
  return out;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Fill `doc.meta` from the record, the HTML hints, the text and the removed lines. */
export function fillMetadata(doc: Doc): void {
  const meta = doc.meta;
  const src = doc.source;
  const hints = meta.hints ?? {};
  const text = doc.text;
  const lines = headLines(text);
  // Date lines near the top ("May 3, 2013", "Updated: November 11, 2011 4:05 PM"): the first stated as published,
  // else the first bare date, else the first update.
  const dateLines = new Map<HeadLine, DateLine>();
  for (const l of lines) {
    const d = dateLineOf(l.text);
    if (d) dateLines.set(l, d);
  }
  const found = [...dateLines.entries()];
  const dateLine = found.find(([, d]) => d.label === 'published') ?? found.find(([, d]) => d.label === null) ?? found[0] ?? null;

  // Dateline
  let datelineAgency: string | null = null;
  let datelineMonth = 0;
  let datelineDay = 0;
  let datelineYear = 0;
  for (const l of lines) {
    const m = DATELINE.exec(l.text);
    if (!m) continue;
    const hasMarker = m[6] || m[7] || m[3] || /^[^\s]+(?:\s[^\s]+){0,3}\s*[-–—]/.test(l.text) || /^[A-Z .'-]+:/.test(l.text);
    if (!hasMarker || m[1]!.length < 3) continue;
    if (m[3] && !MONTHS[m[3].toLowerCase()]) continue;
    // The place part must be all caps and followed by body text, not a whole capitalised headline.
    if (l.text.length < 40) continue;
    meta.dateline = titleCase(m[1]!.replace(/[.,]+$/, ''));
    meta.datelineSpan = { start: l.start, end: l.start + m[1]!.replace(/[.,]+$/, '').length };
    datelineAgency = (m[6] ?? m[7] ?? '').trim() || null;
    if (m[3]) {
      datelineMonth = MONTHS[m[3].toLowerCase()]!;
      datelineDay = +m[4]!;
      datelineYear = m[5] ? +m[5] : 0;
    }
    break;
  }

  // Outlet: record, page hints, URL domain, dateline agency, copyright holder, caption credit.
  const url = src.url ?? hints.url ?? null;
  meta.url = url;
  const candidates: (string | null | undefined)[] = [src.outlet, hints.siteName];
  let outletInfo: OutletInfo | null = null;
  let outletName: string | null = null;
  for (const c of candidates) {
    if (c && c.trim()) {
      outletInfo = findOutlet(c);
      outletName = outletInfo?.name ?? c.trim();
      break;
    }
  }
  if (!outletName && url) {
    outletInfo = findOutlet(url);
    outletName = outletInfo?.name ?? null;
  }
  if (!outletName && datelineAgency) {
    outletInfo = findOutlet(datelineAgency);
    outletName = outletInfo?.name ?? null;
  }
  if (!outletName) {
    for (const r of doc.removed) {
      if (r.reason !== 'copyright') continue;
      const m = COPYRIGHT_HOLDER.exec(r.text);
      const holder = m?.[1]?.trim();
      const hit = holder ? findOutlet(holder) : null;
      if (hit) {
        outletInfo = hit;
        outletName = hit.name;
        break;
      }
    }
  }
  if (!outletName) {
    const counts = new Map<string, number>();
    for (const r of doc.removed) {
      if (r.reason !== 'caption') continue;
      const m = /\s[-–—|]\s([^-–—|]+)$/.exec(r.text);
      const hit = m ? findOutlet(m[1]!.trim()) : null;
      if (hit) counts.set(hit.name, (counts.get(hit.name) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) {
      outletInfo = findOutlet(best[0]);
      outletName = best[0];
    }
  }
  meta.outlet = outletName;
  if (outletName) {
    const attrs: Record<string, string> = { role: 'outlet' };
    if (outletInfo) {
      attrs.country = outletInfo.country;
      attrs.kind = outletInfo.kind;
      if (outletInfo.domains[0]) attrs.domain = outletInfo.domains[0];
    } else if (url) {
      const h = hostOf(url);
      if (h) attrs.domain = h;
    }
    meta.outletEntity = doc.addEntity({ name: outletName, type: 'organization', aliases: outletInfo ? outletInfo.aliases.slice() : [], roles: [], attrs });
  }

  // Title: record, hints, else the first headline-like line before the dateline.
  const givenTitle = src.title ?? hints.title ?? null;
  if (givenTitle) {
    meta.title = givenTitle.replace(/\s+/g, ' ').trim();
    const at = text.indexOf(meta.title);
    meta.titleSpan = at >= 0 && at < 2000 ? { start: at, end: at + meta.title.length } : null;
  } else {
    for (const l of lines) {
      if (meta.datelineSpan && l.start >= meta.datelineSpan.start) break;
      if (dateLines.has(l)) continue;
      if (l.text.length <= 200 && l.text.length >= 10 && !/[.;,]$/.test(l.text) && l.text.split(/\s+/).length >= 3) {
        meta.title = l.text;
        meta.titleSpan = { start: l.start, end: l.end } satisfies Span;
        break;
      }
    }
  }

  // Published: record, hints, dateline with a year, a date line near the top, dateline + weekday.
  meta.published = null;
  meta.publishedInferred = false;
  meta.publishedFrom = null;
  meta.publishedSpan = null;
  const fromRecord = isoDateOf(src.published);
  const fromHints = fromRecord ? null : isoDateOf(hints.published);
  if (fromRecord) {
    meta.published = fromRecord;
    meta.publishedFrom = 'record';
  } else if (fromHints) {
    meta.published = fromHints;
    meta.publishedFrom = 'meta';
  } else if (datelineMonth && datelineYear) {
    meta.published = isoDateOf(`${datelineYear}-${datelineMonth}-${datelineDay}`);
    meta.publishedFrom = meta.published ? 'dateline' : null;
  } else if (dateLine) {
    const [l, d] = dateLine;
    meta.published = d.date;
    // An update time only bounds the publication date from above.
    meta.publishedInferred = d.label === 'updated';
    meta.publishedFrom = d.label === 'updated' ? 'date line (updated)' : 'date line';
    meta.publishedSpan = { start: l.start + d.start, end: l.start + d.end };
  } else if (datelineMonth) {
    const inferred = inferDate(datelineMonth, datelineDay, text);
    if (inferred) {
      meta.published = inferred;
      meta.publishedInferred = true;
      meta.publishedFrom = 'dateline+weekday';
    }
  }

  meta.language = src.language ?? (hints.language ? hints.language.split(/[-_]/)[0]!.toLowerCase() : null) ?? guessLanguage(text);
}

/** Latin-script words read to decide whether a text is English. */
const LANGUAGE_SAMPLE_WORDS = 400;
/** Stopwords that make EN_MIN_RATIO of a full sample: past them the answer is English. */
const EN_SURE_STOPWORDS = Math.ceil(EN_MIN_RATIO * LANGUAGE_SAMPLE_WORDS);

/**
 * 'en' when English function words are frequent; otherwise a language only an unambiguous script gives; else null.
 * @example guessLanguage('The minister said that the talks were over.') // 'en'
 */
export function guessLanguage(text: string): string | null {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let words = 0;
  let stop = 0;
  // A few hundred words decide it; reading more only costs time. Runs of ASCII letters, read by char code;
  // only words as short as the longest stopword are sliced and looked up.
  for (let i = 0, start = -1; i <= sample.length && words < LANGUAGE_SAMPLE_WORDS; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) | 32 : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= EN_STOPWORD_MAX && EN_STOPWORDS.has(sample.slice(start, i).toLowerCase())) {
      // Enough function words for the ratio over the whole sample, whatever the rest holds: English (the same answer, sooner).
      if (++stop >= EN_SURE_STOPWORDS) return 'en';
    }
    start = -1;
  }
  if (words >= 5 && stop / words >= EN_MIN_RATIO) return 'en';
  let hangul = 0;
  let kana = 0;
  let greek = 0;
  let hebrew = 0;
  let thai = 0;
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 65) continue;
    letters++;
    if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
    else if (c >= 0x590 && c <= 0x5ff) hebrew++;
    else if (c >= 0xe00 && c <= 0xe7f) thai++;
  }
  if (!letters) return null;
  const share = (n: number) => n / letters > 0.3;
  if (share(hangul)) return 'ko';
  if (kana / letters > 0.1) return 'ja';
  if (share(greek)) return 'el';
  if (share(hebrew)) return 'he';
  if (share(thai)) return 'th';
  return null;
}
