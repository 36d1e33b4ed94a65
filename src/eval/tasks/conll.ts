/**
 * CoNLL-2003 reader: each document becomes one text (tokens joined by spaces, sentences by
 * newlines, so each sentence is its own paragraph) with gold entity spans as character offsets.
 */
import { readFileSync } from 'node:fs';

export interface ConllEntity {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

export interface ConllDoc {
  text: string;
  entities: ConllEntity[];
}

/**
 * Parse a CoNLL-2003 file (token + IOB1/IOB2 tag per line, last column is the tag). Files without
 * -DOCSTART- lines are cut into documents of `sentencesPerDoc` sentences.
 * @example readConll('../shared/datasets/conll2003/dev.txt').length // documents
 */
export function readConll(path: string, sentencesPerDoc = 40): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let parts: string[] = [];
  let len = 0;
  let entities: ConllEntity[] = [];
  let sentenceHasTokens = false;
  let sentencesInDoc = 0;
  let sawDocStart = false;
  let open: ConllEntity | null = null;
  const flushDoc = (): void => {
    if (open) entities.push(open);
    open = null;
    if (parts.length) docs.push({ text: parts.join(''), entities });
    parts = [];
    len = 0;
    entities = [];
    sentenceHasTokens = false;
    sentencesInDoc = 0;
  };
  const push = (s: string): void => {
    parts.push(s);
    len += s.length;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      sawDocStart = true;
      flushDoc();
      continue;
    }
    if (!trimmed) {
      if (open) entities.push(open);
      open = null;
      if (sentenceHasTokens) {
        push('\n');
        sentencesInDoc++;
      }
      sentenceHasTokens = false;
      if (!sawDocStart && sentencesInDoc >= sentencesPerDoc) flushDoc();
      continue;
    }
    const cols = trimmed.split(/\s+/);
    const word = cols[0]!;
    const tag = cols[cols.length - 1]!;
    if (sentenceHasTokens) push(' ');
    const start = len;
    push(word);
    sentenceHasTokens = true;
    if (tag === 'O') {
      if (open) entities.push(open);
      open = null;
      continue;
    }
    const [bio, type] = tag.split('-') as [string, ConllEntity['type']];
    const cur = open as ConllEntity | null;
    if (cur && bio === 'I' && cur.type === type) {
      cur.end = len;
    } else {
      if (cur) entities.push(cur);
      open = { start, end: len, type };
    }
  }
  flushDoc();
  return docs;
}
