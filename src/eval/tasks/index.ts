/** Every evaluation task, in the order the table prints them. Add one import and one entry per task. */
import type { EvalTask } from '../task.js';
import { extractionTask } from './extraction.js';
import { attributionTask, attributionTrainTask } from './attribution.js';
import { nerTask } from './ner.js';
import { quantitiesTask } from './quantities.js';
import { quantulum3Task } from './quantulum3.js';
import { clusteringTask } from './clustering.js';

export const EVAL_TASKS: EvalTask[] = [extractionTask, attributionTask, attributionTrainTask, nerTask, quantitiesTask, quantulum3Task, clusteringTask];
