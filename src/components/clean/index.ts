import { defineComponent } from '../../pipeline/component.js';
import type { Removed } from '../../doc/types.js';
import { findCruft } from './rules.js';

/**
 * The clean text: every line of `raw` not in `removed`, trimmed, joined with '\n'.
 * @example cleanText('All news\nA body line.').text // 'A body line.'
 */
export function cleanText(raw: string): { text: string; removed: Removed[] } {
  const removed = findCruft(raw);
  const kept: string[] = [];
  let r = 0;
  let i = 0;
  const n = raw.length;
  while (i <= n) {
    let j = raw.indexOf('\n', i);
    if (j < 0) j = n;
    const line = raw.slice(i, j).trim();
    while (r < removed.length && removed[r]!.end <= i) r++;
    const isRemoved = r < removed.length && removed[r]!.start >= i && removed[r]!.end <= j;
    if (line && !isRemoved) kept.push(line);
    i = j + 1;
  }
  return { text: kept.join('\n'), removed };
}

/** Removes page cruft lines (captions, credits, prompts, related headlines, nav strings) and records each in `doc.removed`. */
export const clean = defineComponent({
  name: 'clean',
  requires: ['raw'],
  assigns: ['text'],
  summary: 'Remove page cruft lines by general rules (captions, credits, prompts, related headlines), recording each in doc.removed.',
  create: () => (doc) => {
    const { text, removed } = cleanText(doc.rawText);
    doc.text = text;
    doc.removed = removed;
  },
});
