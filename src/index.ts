/**
 * segmenta as a library: the pipeline the CLI runs, its stage contracts and the stages a user
 * swaps most (their own embeddings, labels or writer), and the operations every surface uses.
 */
export { makeRun, type MakeRunOptions, type MadeRun, type Stages } from './pipeline/make-run.js';
export {
  blockEmbedder,
  defaultProfiler,
  fileSource,
  givenLabelsClusterer,
  kmeansClusterer,
  mlKmeansClusterer,
  precomputedEmbedder,
} from './pipeline/stages.js';
export { OfflineWriter } from './write/offline-writer.js';
export { loadConfig, type Config } from './config.js';
export { operations, findOperation } from './ops/index.js';
export { runOperation, type OpContext } from './ops/operation.js';
export { SegmentaError, CancelledError, InputError } from './errors.js';
export type { Clusterer, Embedder, Profiler, Source, StageContext, Writer } from './model/stages.js';
export type { CustomerTable } from './model/data.js';
export type { Vectors } from './model/vectors.js';
export type { RunFile, RunSegment } from './model/run.js';
export type { SegmentProfile } from './model/profile.js';
export type { SegmentTexts } from './model/texts.js';
