/**
 * What the two cue-lexicon trainers share (train-cues.ts for the rules, train-tagger-cues.ts for the tagger):
 * PolNeAR train articles with their first annotator's file, word counting, the selection rule, and the
 * generated data file. Each trainer keeps only its own counting rule.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Minimum cue count and cue rate for a word to enter a lexicon (train-tuned). */
export const MIN_CUES = 3;
export const MIN_RATE = 0.15;

/** The datasets folder: the first command-line argument, else ../shared/datasets beside the repository. */
export function datasetsArg(): string {
  return process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets');
}

/**
 * PolNeAR train articles in name order, each once (its first annotator's file), after the first `skip`.
 * @example for (const a of polnearTrainArticles(datasetsArg(), 150)) a.text.length
 */
export function* polnearTrainArticles(datasets: string, skip = 0): Generator<{ text: string; annotations: string[] }> {
  const dir = join(datasets, 'polnear', 'data', 'train');
  const names = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const seen = new Set<string>();
  for (const n of names) {
    const stem = n.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(stem)) continue;
    seen.add(stem);
    if (seen.size <= skip) continue;
    yield { text: readFileSync(join(dir, 'text', `${stem}.txt`), 'utf8'), annotations: readFileSync(join(dir, 'attributions', n), 'utf8').split('\n') };
  }
}

/** Cue and total counts per lower-cased word. */
export class CueWordCounts {
  readonly cue = new Map<string, number>();
  readonly all = new Map<string, number>();
  articles = 0;
  /** Count one occurrence of `word`, as a cue word or not. */
  add(word: string, isCue: boolean): void {
    this.all.set(word, (this.all.get(word) ?? 0) + 1);
    if (isCue) this.cue.set(word, (this.cue.get(word) ?? 0) + 1);
  }
  /** Words with enough cues at a high enough rate (adverbs in -ly sit next to cues but are not cues), most cues first. */
  lexicon(): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    for (const [w, c] of [...this.cue].sort((a, b) => b[1] - a[1])) {
      const total = this.all.get(w) ?? c;
      if (c >= MIN_CUES && c / total >= MIN_RATE && !w.endsWith('ly')) out[w] = [c, total];
    }
    return out;
  }
}

/** Words as the trainers count them. */
export const WORD_RE = /[A-Za-z][A-Za-z’'-]*/g;

/** Write a generated lexicon module: `export const NAME: Record<string, [number, number]>` with a header comment. */
export function writeCueLexicon(file: string, constName: string, header: string, out: Record<string, [number, number]>): void {
  const body = Object.entries(out).map(([w, [c, t]]) => `  ${JSON.stringify(w)}: [${c}, ${t}],`).join('\n');
  writeFileSync(file, `/**\n * ${header}\n * Words with at least ${MIN_CUES} cues and a cue rate of at least ${MIN_RATE}. Do not edit by hand.\n */\nexport const ${constName}: Record<string, [number, number]> = {\n${body}\n};\n`);
}
