import type { WarehouseRecord } from './warehouse.js';
import type { Language } from '../util/script.js';
import type { DataQuality, DataSchema, LoadOptions } from './data.js';
import type { KScore } from './cluster.js';
import type { SegmentProfile } from './profile.js';
import type { FeatureLabels, SegmentTexts } from './texts.js';
import type { BlockInfo, StructureReport } from './vectors.js';
import type { IndexMeta } from './vector-index.js';
import type { PredictionRecord } from './predict.js';

/** Everything a segmentation produced, as stored in runs/<id>/run.json. */
export interface RunFile {
  version: 1;
  id: string;
  createdAt: string;
  /** The options the Run was made with (file, k, seed, overrides, min size). */
  config: RunConfig;
  schema: DataSchema;
  quality: DataQuality;
  embedding: { dim: number; blocks: Omit<BlockInfo, 'features'>[]; textEmbedder: string; structure?: StructureReport };
  metrics: RunMetrics;
  segments: RunSegment[];
  /** Earlier texts, kept when `segmenta write` re-writes a Run. */
  textsHistory: { writtenAt: string; writer: string; texts: Record<number, SegmentTexts> }[];
  /** LLM usage of the latest write (absent for the offline writer). */
  llm?: LlmRecord;
  /** Plain-language labels of every feature, made once per Run (src/write/labels.ts, `--labels FILE`). */
  labels?: FeatureLabels;
  /** The vector index, vectors and centroids saved in the Run folder (src/index/). */
  index?: IndexMeta;
  /** `segmenta predict` on the Run's event log: backtest, parameters, per-segment traits. */
  predictions?: PredictionRecord;
  /** Set when the Run is a refresh of an earlier one (`segmenta refresh`, `segment --since`). */
  refreshedFrom?: RefreshRecord;
  /** Set when the customers were read from a SQL engine (`segment --source`): engine, tables, SQL, rows fetched. */
  warehouse?: WarehouseRecord;
}

/** How a refreshed Run's segments relate to the Run it refreshed (src/cluster/segment-matching.ts). */
export interface RefreshRecord {
  runId: string;
  /** Old segment id → new segment id, for the pairs that kept their identity. */
  matches: SegmentMatch[];
  events: SegmentEvent[];
  thresholds: MatchThresholds;
  /** Per kept segment: the largest feature PSI between its old and new members, and whether its texts were rewritten. */
  drift: { segment: number; psi: number; rewritten: boolean }[];
}

export interface SegmentMatch {
  from: number;
  to: number;
  jaccard: number;
  /** The old id was above the new number of segments, so the segment got a free id. */
  renumbered?: true;
}

/** MONIC transitions (Spiliopoulou et al. 2006); shares are of the old segment's members present in the new data. */
export type SegmentEvent =
  | { kind: 'survive'; from: number; to: number; share: number }
  | { kind: 'split'; from: number; into: number[]; shares: number[] }
  | { kind: 'absorb'; from: number; into: number; share: number }
  | { kind: 'disappear'; from: number; present: number }
  | { kind: 'emerge'; to: number };

export interface MatchThresholds {
  survive: number;
  split: number;
  present: number;
  match: number;
  rewritePsi: number;
  radiusQuantile: number;
}

/** The options a Run was made with; the reading flags are the data stage's own (LoadOptions). */
export interface RunConfig extends Pick<LoadOptions, 'idColumn' | 'ignore' | 'text' | 'orderId' | 'time' | 'amount' | 'quantity' | 'price' | 'category' | 'join'> {
  file: string;
  k?: number;
  seed: number;
  minSegmentSize: number;
  /** Which minimum the Run used and why (the default, as set, or one fitted to a small table). */
  minSegmentSizeWhy?: string;
  writer: string;
  model?: string;
  /** Brand name the copy signs with (`--brand`, SEGMENTA_BRAND). */
  brand?: string;
  /** The language the texts are written in (absent in Runs made before issue 16: English). */
  lang?: Language;
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
