/** CSV (RFC 4180) writing. */

/** One CSV field, quoted when it must be. @example csvField('a,"b"') // '"a,""b"""' */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** One CSV line (CRLF-terminated, as RFC 4180 says). @example csvLine(['a', 1]) // 'a,1\r\n' */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Columns of a table: header and how to read it from a row. */
export type Columns<T> = [string, (row: T) => unknown][];

/** Header line plus rows. @example csvTable([{ a: 1 }], [['a', (r) => r.a]]) // 'a\r\n1\r\n' */
export function csvTable<T>(rows: readonly T[], columns: Columns<T>, header = true): string {
  let out = header ? csvLine(columns.map((c) => c[0])) : '';
  for (const r of rows) out += csvLine(columns.map((c) => c[1](r)));
  return out;
}

/** A plain-text table for terminals: columns padded, long cells cut. */
export function textTable<T>(rows: readonly T[], columns: Columns<T>, maxWidth = 60): string {
  const cells = rows.map((r) => columns.map((c) => {
    const v = c[1](r);
    const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ');
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s;
  }));
  const widths = columns.map((c, i) => Math.max(c[0].length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
  return line(columns.map((c) => c[0].toUpperCase())) + cells.map(line).join('');
}
