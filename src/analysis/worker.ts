/** Worker thread body: analyzes records sent by the pool and posts back bundles (or errors). */
import { parentPort } from 'node:worker_threads';
import { Analyzer } from './analyze.js';
import { asCrosscheckError } from '../errors.js';
import type { SourceRecord } from '../doc/types.js';

const analyzer = new Analyzer();
parentPort!.on('message', (msg: { id: number; record: SourceRecord }) => {
  try {
    parentPort!.postMessage({ id: msg.id, bundle: analyzer.analyze(msg.record) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: asCrosscheckError(err).toJSON() });
  }
});
