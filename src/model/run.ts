import type { DataQuality, DataSchema } from './data.js';
import type { KScore } from './cluster.js';
import type { SegmentProfile } from './profile.js';
import type { SegmentTexts } from './texts.js';
import type { BlockInfo } from './vectors.js';
import type { IndexMeta } from './vector-index.js';

/** Everything a segmentation produced, as stored in runs/<id>/run.json. */
export interface RunFile {
  version: 1;
  id: string;
  createdAt: string;
  /** The options the Run was made with (file, k, seed, overrides, min size). */
  config: RunConfig;
  schema: DataSchema;
  quality: DataQuality;
  embedding: { dim: number; blocks: Omit<BlockInfo, 'features'>[]; textEmbedder: string };
  metrics: RunMetrics;
  segments: RunSegment[];
  /** Earlier texts, kept when `segmenta write` re-writes a Run. */
  textsHistory: { writtenAt: string; writer: string; texts: Record<number, SegmentTexts> }[];
  /** LLM usage of the latest write (absent for the offline writer). */
  llm?: LlmRecord;
  /** The vector index, vectors and centroids saved in the Run folder (src/index/). */
  index?: IndexMeta;
}

export interface RunConfig {
  file: string;
  k?: number;
  seed: number;
  minSegmentSize: number;
  idColumn?: string;
  ignore?: string[];
  text?: string[];
  writer: string;
  model?: string;
}

export interface RunMetrics {
  customers: number;
  k: number;
  kChosen: 'auto' | 'given';
  silhouette: number;
  inertia: number;
  iterations: number;
  kScores: KScore[];
  seconds: Record<string, number>;
}

export interface RunSegment {
  id: number;
  size: number;
  share: number;
  small: boolean;
  profile: SegmentProfile;
  /** Absent for segments under the minimum size. */
  texts?: SegmentTexts;
}

export interface LlmRecord {
  model: string;
  baseUrl?: string;
  promptHashes: Record<string, string>;
  usage: { promptTokens: number; completionTokens: number; calls: number; retries: number };
  /** Items that fell back to the offline writer, with why. */
  fallbacks: { segment: number; item: string; reason: string }[];
}
