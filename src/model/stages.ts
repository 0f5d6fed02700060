/**
 * The contracts of the pipeline's stages (src/pipeline/make-run.ts takes them as objects, the
 * way BERTopic injects its embedder, clusterer and representation). Each is small on purpose:
 * a library user brings precomputed embeddings by writing an Embedder of three lines, or their
 * own labels as a Clusterer, and the rest of the pipeline — profiles, texts, briefs, the Run —
 * is the same one the CLI runs. Today's implementations are the defaults (src/pipeline/stages.ts).
 */
import type { ClusterOptions, ClusterResult } from './cluster.js';
import type { CustomerTable } from './data.js';
import type { SegmentProfile } from './profile.js';
import type { EmbedResult, Vectors } from './vectors.js';
import type { ProgressHook } from './progress.js';

/** What every stage is given besides its data: the seed and the user's cancellation. */
export interface StageContext {
  seed: number;
  /** Aborted when the user cancels (Ctrl-C in the REPL, a Slack time-out): stop and throw. */
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Counts inside the stage for a progress bar (rows read, k-means fits, LLM calls); optional. */
  progress?: ProgressHook;
}

/** Yields the customer table: a file read by DuckDB today, a SQL engine tomorrow. */
export interface Source {
  /** What the Run records as where the data came from (a path, a connection without secrets). */
  readonly name: string;
  load(ctx: StageContext): Promise<CustomerTable>;
}

/** Turns customers into vectors, with the model that embeds new customers the same way. */
export interface Embedder {
  readonly name: string;
  embed(table: CustomerTable, ctx: StageContext): Promise<EmbedResult>;
}

export interface ClusterRequest extends Pick<ClusterOptions, 'k' | 'timings'> {}

/** Finds segments in the vectors; labels are 0-based with segment 0 the largest. */
export interface Clusterer {
  readonly name: string;
  cluster(vectors: Vectors, request: ClusterRequest, ctx: StageContext): Promise<ClusterResult>;
}

export interface ProfileRequest {
  cluster: ClusterResult;
  vectors: Vectors;
  minSegmentSize: number;
}

/** Describes each segment in numbers a writer may cite. */
export interface Profiler {
  profile(table: CustomerTable, request: ProfileRequest, ctx: StageContext): Promise<SegmentProfile[]>;
}

export type { Writer } from './writer.js';
