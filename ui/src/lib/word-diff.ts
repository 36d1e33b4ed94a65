/**
 * Word-level difference of two quote texts: marks the words of `b` that are not in the longest
 * common word subsequence with `a` (compared case- and punctuation-insensitively).
 */
export interface DiffWord {
  text: string;
  /** True when the word is not shared with the other text. */
  changed: boolean;
}

const WORD_RE = /\S+\s*/g;

function norm(w: string): string {
  return w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Split into words keeping trailing whitespace, so joining the parts gives back the text. */
export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/**
 * Words of `b` with those missing from `a` flagged.
 * @example diffWords('about 300 fighters', 'up to 500 fighters').filter(w => w.changed).map(w => w.text.trim()) // ['up', 'to', '500']
 */
export function diffWords(a: string, b: string): DiffWord[] {
  const wa = words(a).map(norm);
  const wbRaw = words(b);
  const wb = wbRaw.map(norm);
  // Quotes are short; cap the table so a pathological pair stays cheap.
  if (wa.length * wb.length > 250_000) return wbRaw.map((text) => ({ text, changed: false }));
  const n = wa.length;
  const m = wb.length;
  const L: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) L[i]![j] = wa[i] === wb[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const keep = new Uint8Array(m);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (wa[i] === wb[j]) {
      keep[j] = 1;
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return wbRaw.map((text, k) => ({ text, changed: keep[k] === 0 && wb[k] !== '' }));
}
