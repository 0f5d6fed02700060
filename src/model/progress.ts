/** The progress hook of the pipeline and operations (defined in src/util/progress.ts with its counter). */
export type { ProgressEvent, ProgressHook } from '../util/progress.js';
