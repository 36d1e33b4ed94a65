/**
 * PolNeAR input shared by the quotes trainers: the train split's articles (first annotator file each, through the
 * eval's `polnearFiles`) and an article's text as a Doc with paragraphs, sentences and tokens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../../doc/doc.js';
import { polnearFiles } from '../../../eval/tasks/attribution.js';
import { sentences } from '../../sentences/index.js';

/**
 * PolNeAR train articles in name order, each once (its first annotator's file), after the first `skip`: text and annotation lines.
 * @example for (const a of await polnearTrainArticles(datasets, 150)) a.text.length
 */
export async function polnearTrainArticles(datasets: string, skip = 0): Promise<{ text: string; annotations: string[] }[]> {
  const files = (await polnearFiles(join(datasets, 'polnear', 'data', 'train'))).slice(skip);
  return files.map((f) => ({ text: readFileSync(f.text, 'utf8'), annotations: readFileSync(f.ann, 'utf8').split('\n') }));
}

let splitter: ReturnType<typeof sentences.create> | null = null;

/**
 * A PolNeAR text file as a Doc with paragraphs, sentences and tokens (as the quotes component sees it), or null when it cannot be read.
 * @example sentencedDoc(f.text)?.tokens.length
 */
export function sentencedDoc(textPath: string): Doc | null {
  let text: string;
  try {
    text = readFileSync(textPath, 'utf8');
  } catch {
    return null;
  }
  const doc = new Doc('t', { text });
  doc.text = text;
  (splitter ??= sentences.create()).run(doc);
  return doc;
}
