/**
 * Single-article analysis and multi-article analysis: the library functions behind `crosscheck analyze`.
 */
import { Doc } from '../doc/doc.js';
import type { SourceRecord } from '../doc/types.js';
import { asCrosscheckError } from '../errors.js';
import { createRegistry, DEFAULT_PIPELINE } from '../pipeline/factories.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { readInputs } from '../ingest/read.js';
import { docIdFor } from '../ingest/read.js';
import { linkCorpus } from '../corpus/link.js';
import { bundleFromDoc } from './bundle.js';
import type { Analysis, DocBundle } from './types.js';

/** Runs the per-document pipeline. Build once, reuse for every document. */
export class Analyzer {
  readonly pipeline: Pipeline;
  constructor(components: readonly string[] = DEFAULT_PIPELINE) {
    this.pipeline = Pipeline.fromNames(createRegistry(), components);
  }
  /** Analyze one record into a Doc with every layer filled. */
  analyzeDoc(record: SourceRecord): Doc {
    return this.pipeline.run(new Doc(docIdFor(record), record));
  }
  /**
   * Analyze one record into its output bundle.
   * @example new Analyzer().analyze({ text: 'MOSCOW, May 1. /TASS/. ...' }).quotes
   */
  analyze(record: SourceRecord): DocBundle {
    return bundleFromDoc(this.analyzeDoc(record));
  }
}

let shared: Analyzer | null = null;

/**
 * Analyze one record with the default pipeline.
 * @example analyzeRecord({ id: 'a1', text: '"We are concerned," she said.' }).quotes[0].kind // 'direct'
 */
export function analyzeRecord(record: SourceRecord): DocBundle {
  shared ??= new Analyzer();
  return shared.analyze(record);
}

export interface AnalyzeOptions {
  maxInputBytes: number;
  stdin?: NodeJS.ReadableStream;
  /** Called after each input, for progress. */
  onProgress?: (done: number, input: string) => void;
}

/**
 * Analyze files, directories or stdin ('-') and link the documents across each other.
 * Bad inputs are reported in `errors` and the rest go on.
 * @example const analysis = await analyzeInputs(['examples/seeds'], { maxInputBytes: 20e6 })
 */
export async function analyzeInputs(inputs: string[], opts: AnalyzeOptions): Promise<Analysis> {
  const analyzer = new Analyzer();
  const bundles: DocBundle[] = [];
  const errors: Analysis['errors'] = [];
  const seen = new Set<string>();
  let done = 0;
  for await (const item of readInputs(inputs, { maxInputBytes: opts.maxInputBytes, stdin: opts.stdin })) {
    done++;
    if (!item.ok) {
      errors.push({ input: item.input, code: item.error.code, message: item.error.message });
    } else {
      try {
        const bundle = analyzer.analyze(item.record);
        // The same content given twice (e.g. a file and its copy) is one document.
        if (!seen.has(bundle.document.id)) {
          seen.add(bundle.document.id);
          bundles.push(bundle);
        }
      } catch (err) {
        const e = asCrosscheckError(err);
        errors.push({ input: item.input, code: e.code, message: e.message });
      }
    }
    opts.onProgress?.(done, item.input);
  }
  const linked = await linkCorpus(bundles);
  return { ...linked, errors };
}
