/**
 * Split a text into flat segments by annotation boundaries, so overlapping highlights
 * (a claim inside a quote, a name inside both) render as plain text nodes with classes.
 */
export interface Annotation {
  start: number;
  end: number;
  kind: 'mention' | 'quote' | 'claim' | 'source';
  id: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Annotations covering this segment, shortest first (the first is the one a click opens). */
  covers: Annotation[];
}

/**
 * Segments of [0, length) at every annotation boundary.
 * @example segmentsOf(10, [{ start: 2, end: 4, kind: 'mention', id: 'e1' }]).length // 3
 */
export function segmentsOf(length: number, anns: readonly Annotation[]): Segment[] {
  const valid = anns.filter((a) => a.start >= 0 && a.end <= length && a.start < a.end);
  const cuts = new Set<number>([0, length]);
  for (const a of valid) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const byStart = [...valid].sort((x, y) => x.start - y.start);
  const out: Segment[] = [];
  let open: Annotation[] = [];
  let k = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i]!;
    const e = sorted[i + 1]!;
    open = open.filter((a) => a.end > s);
    while (k < byStart.length && byStart[k]!.start <= s) {
      if (byStart[k]!.end > s) open.push(byStart[k]!);
      k++;
    }
    out.push({ start: s, end: e, covers: [...open].sort((x, y) => x.end - x.start - (y.end - y.start)) });
  }
  return out;
}
