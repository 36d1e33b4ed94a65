/**
 * Publication dates from evidence only: ISO-ish hints, or a dateline's month+day with a weekday named in the text.
 */

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "on Thursday", "last Monday", "said Wednesday": a weekday name (capitalised, as in running text). */
export const WEEKDAY_RE = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/;
/** Four-digit years a news text may mention: "In 2013-2014", "since September 2014". */
const YEAR_RE = /\b(1[89]\d\d|20\d\d)\b/g;
/** How many years past the latest mentioned year a weekday-inferred date may fall. */
export const MAX_YEARS_AFTER_MENTION = 6;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * YYYY-MM-DD from a date hint ("2015-10-22T10:00:00Z", "2015-10-22", "Oct 22, 2015", "22 October 2015"), or null.
 * @example isoDateOf('2015-10-22T10:00:00+03:00') // '2015-10-22'
 */
export function isoDateOf(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(t);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[1]!.toLowerCase()]) return validDate(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()]) return validDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  return null;
}

function validDate(y: number, mo: number, d: number): string | null {
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Latest four-digit year mentioned in the text, or null. */
export function latestYearIn(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(YEAR_RE)) {
    const y = +m[1]!;
    if (best === null || y > best) best = y;
  }
  return best;
}

/**
 * The year (≥ minYear, nearest) in which month/day falls on `weekday` (0 = Sunday), within MAX_YEARS_AFTER_MENTION, or null.
 * @example yearForWeekday(10, 22, 4, 2014) // 2015 (22 October 2015 was a Thursday)
 */
export function yearForWeekday(month: number, day: number, weekday: number, minYear: number): number | null {
  for (let y = minYear; y <= minYear + MAX_YEARS_AFTER_MENTION; y++) {
    const dt = new Date(Date.UTC(y, month - 1, day));
    if (dt.getUTCMonth() !== month - 1) continue; // Feb 29 in a common year
    if (dt.getUTCDay() === weekday) return y;
  }
  return null;
}

/**
 * Infer a publication date from a dateline's month/day, a weekday named in the text, and the latest year it mentions.
 * @example inferDate(10, 22, 'said on Thursday. In 2013-2014 ...') // '2015-10-22'
 */
export function inferDate(month: number, day: number, text: string): string | null {
  const wd = WEEKDAY_RE.exec(text);
  if (!wd) return null;
  const minYear = latestYearIn(text);
  if (minYear === null) return null;
  const y = yearForWeekday(month, day, WEEKDAYS.indexOf(wd[1]!.toLowerCase()), minYear);
  return y === null ? null : validDate(y, month, day);
}
