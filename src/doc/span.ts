/** A half-open range [start, end) of UTF-16 code units into `doc.text`, as `String.slice` takes it. */
export interface Span {
  start: number;
  end: number;
}

/** The text a span covers. @example spanText('Hello world', { start: 6, end: 11 }) // 'world' */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the span in a sorted, non-overlapping list that contains `offset`, or -1. Binary search. */
export function findSpanAt(spans: ArrayLike<Span>, offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
