/** The contract every evaluation task implements; `tasks/index.ts` lists them. */

export interface EvalRow {
  /** e.g. 'snippet', 'value', 'value+unit', 'content overlap'. */
  metric: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of gold items scored. */
  n: number;
  /** Optional target from the accuracy issue, for the table. */
  target?: number;
}

export interface EvalResult {
  task: string;
  rows: EvalRow[];
  /** Human-readable error listing, filled when options.errors is set. */
  errors: string[];
  /** Set when the dataset is absent: the reason, and rows is empty. */
  skipped?: string;
  seconds?: number;
}

export interface EvalOptions {
  /** Folder holding the datasets (default ../shared/datasets relative to the repo). */
  datasetsDir: string;
  /** Collect per-item errors. */
  errors: boolean;
  /** Score only the first N items (for quick runs and the regression test). */
  limit?: number;
}

export interface EvalTask {
  name: string;
  /** Sub-folder of the datasets folder it reads. */
  dataset: string;
  summary: string;
  run(options: EvalOptions): Promise<EvalResult>;
}
