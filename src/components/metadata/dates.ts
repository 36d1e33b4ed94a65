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

const MONTH_ALT = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** "May 3, 2013", "Dec. 19 2008", "May 3rd, 2013": groups 1 month, 2 day, 3 year. */
const DATE_MDY = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`, 'i');
/** "16 December 2008", "3rd May, 2013": groups 1 day, 2 month, 3 year. */
const DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?\\s*,?\\s+(\\d{4})\\b`, 'i');
/** "2013-09-26", "2013/09/26": groups 1 year, 2 month, 3 day. */
const DATE_YMD = /\b(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})\b/;
/** "12/16/2008", "27.09.2013": day and month order is known only when one of them exceeds 12 (or both are equal). */
const DATE_NUMERIC = /\b(\d{1,2})\s?[/.]\s?(\d{1,2})\s?[/.]\s?(\d{4})\b/;
/** What may stand beside the date on a date line: labels, weekdays, times, time zones, separators. */
const DATE_LINE_FILLER = new RegExp(
  '^(?:[\\s|,.;:()\\[\\]/–—-]+' +
    '|(?:first|originally|last|updated?|published|posted|modified|created|date|on|at)\\b' +
    '|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\b' +
    '|\\d{1,2}\\s?:\\s?\\d{2}(?:\\s?:\\s?\\d{2})?(?:\\s*[ap]\\.?\\s?m\\b\\.?)?' +
    '|(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|AE[SD]T|HKT|SGT|JST|MSK)(?:\\s?[+-]\\s?\\d{1,2}(?:\\s?:\\s?\\d{2})?)?\\b' +
    ')*$',
  'i',
);
const UPDATED_LABEL = /\b(?:updated?|modified|last)\b/i;
const PUBLISHED_LABEL = /\b(?:published|posted|first|originally|created)\b/i;

/** A date stated on a line of its own near the top of an article. */
export interface DateLine {
  /** YYYY-MM-DD. */
  date: string;
  /** Offsets of the date within the line. */
  start: number;
  end: number;
  /** What the line says the date is: 'published' ("Published", "Posted", "First published"), 'updated', or null (a bare date). */
  label: 'published' | 'updated' | null;
}

/**
 * The date of a line that holds only a date (with a label such as "Updated:" or "Published", a weekday, a time and a
 * time zone), or null. Numeric dates count only when day and month cannot be swapped.
 * @example dateLineOf('Updated: November 11, 2011 4:05 PM EST') // { date: '2011-11-11', start: 9, end: 26, label: 'updated' }
 */
export function dateLineOf(line: string): DateLine | null {
  if (line.length > 100 || !/\d{4}/.test(line)) return null;
  let date: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = DATE_MDY.exec(line))) date = validDate(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  else if ((m = DATE_DMY.exec(line))) date = validDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  else if ((m = DATE_YMD.exec(line))) date = validDate(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = DATE_NUMERIC.exec(line))) {
    const a = +m[1]!;
    const b = +m[2]!;
    date = a > 12 && b <= 12 ? validDate(+m[3]!, b, a) : b > 12 && a <= 12 ? validDate(+m[3]!, a, b) : a === b ? validDate(+m[3]!, a, b) : null;
  }
  if (!m || !date) return null;
  const before = line.slice(0, m.index);
  const after = line.slice(m.index + m[0].length);
  if (!DATE_LINE_FILLER.test(before) || !DATE_LINE_FILLER.test(after)) return null;
  const label = PUBLISHED_LABEL.test(before) ? 'published' : UPDATED_LABEL.test(before) ? 'updated' : null;
  return { date, start: m.index, end: m.index + m[0].length, label };
}
