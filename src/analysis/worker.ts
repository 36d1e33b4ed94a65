/** Worker thread body: analyzes records sent by the pool and posts back bundles (or errors). */
import { parentPort } from 'node:worker_threads';
import { Analyzer } from './analyze.js';
import { storyTextFeatures } from '../corpus/stories.js';
import { asCrosscheckError } from '../errors.js';
import type { SourceRecord } from '../doc/types.js';

const analyzer = new Analyzer();
parentPort!.on('message', (msg: { id: number; record: SourceRecord }) => {
  try {
    const bundle = analyzer.analyze(msg.record);
    // Story-clustering inputs that need no corpus index, computed here rather than on the single linking thread.
    parentPort!.postMessage({ id: msg.id, bundle, prepared: storyTextFeatures(bundle.document.text) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: asCrosscheckError(err).toJSON() });
  }
});
