import type { CustomerTable } from './data.js';

/** A row-major matrix of n vectors of `dim` Float32 values. */
export interface Vectors {
  n: number;
  dim: number;
  data: Float32Array;
}

export interface BlockInfo {
  name: string;
  kind: 'numeric' | 'categorical' | 'text';
  offset: number;
  width: number;
  /** Multiplier applied so that no block dominates the distance. */
  weight: number;
  /** Human-readable feature name of each dimension (for explanations), e.g. "spend", "channel=email", "svd3". */
  features: string[];
  /**
   * Per-dimension factor applied with the block weight: 0 for a feature that carries no
   * structure (independent of every other feature, weights.ts), up to 1. Absent: all 1.
   */
  featureWeights?: number[];
}

/** What the structure test found per feature (embed/weights.ts), saved so the Run can say why a column was left out. */
export interface StructureReport {
  /** The z a feature's strongest dependence had to reach. */
  critical: number;
  features: { name: string; z: number; kept: boolean; factor: number }[];
  /** Set when no feature showed structure and all were kept. */
  noneFound?: boolean;
}

/**
 * Everything needed to turn a new customer row into the same vector space without refitting:
 * the saved preprocessing of a Run (scalers, vocabularies, SVD components, weights).
 * Plain JSON so it can live in the Run folder.
 */
export interface EmbeddingModel {
  version: 1;
  dim: number;
  blocks: BlockInfo[];
  numeric: { name: string; transform: 'none' | 'log1p'; center: number; scale: number; low: number; high: number }[];
  categorical: { name: string; levels: string[]; pooled: string }[];
  text?: TextModel;
  structure?: StructureReport;
  /**
   * Set when the vectors were brought by a library user (src/pipeline/stages.ts) rather than
   * computed here: there is no preprocessing to replay on new customers.
   */
  precomputed?: string;
}

export interface TextModel {
  kind: 'tfidf-svd' | 'openai';
  columns: string[];
  /** tfidf-svd: vocabulary and idf; the SVD basis as rows of length vocabulary.length. */
  vocabulary?: string[];
  idf?: number[];
  components?: number[][];
  /** openai: the embedding model name; `components` then holds the PCA basis down to `width`, if any. */
  model?: string;
  /** openai: mean of the unit-length embeddings, subtracted before projecting (PCA centring). */
  center?: number[];
  /**
   * The block's value for a customer with no text (or no known term): the mean of the
   * customers that have text. Empty text then says nothing, instead of forming a segment of
   * its own at the origin.
   */
  fill?: number[];
  width: number;
}

export interface TextEmbedder {
  readonly name: string;
  /** Embed documents; returns one vector per document (all the same width). */
  embed(texts: string[]): Promise<Float32Array[]>;
}

export interface EmbedResult {
  vectors: Vectors;
  model: EmbeddingModel;
}
