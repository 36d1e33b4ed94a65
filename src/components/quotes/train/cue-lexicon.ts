/**
 * What the two cue-lexicon trainers share (train-cues.ts for the rules, train-tagger-cues.ts for the tagger):
 * word counting, the selection rule and the generated data file (articles come from polnear.ts). Each trainer keeps only its own counting rule.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Minimum cue count and cue rate for a word to enter a lexicon (train-tuned). */
export const MIN_CUES = 3;
export const MIN_RATE = 0.15;

/** The datasets folder: the first command-line argument, else ../shared/datasets beside the repository. */
export function datasetsArg(): string {
  return process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets');
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
