import type { PredictedTraits } from './predict.js';
import type { NumericUnit } from './data.js';

/** Facts about one segment: numbers, not prose. Everything a writer may claim comes from here. */
export interface NumericFact {
  feature: string;
  kind: 'numeric' | 'boolean';
  /** What the number measures (from the data stage): show money as money, days as days. */
  unit?: NumericUnit;
  /** Segment mean of the values as read (outliers unclipped, missing values left out); a share 0..1 for booleans. */
  mean: number;
  /** Median of the cleaned values (missing filled, outliers clipped): call it "median" or "typical", never "mean". */
  median: number;
  overallMean: number;
  /** mean / overallMean (1 = like everyone). */
  lift: number;
  /** Standardised difference (segment mean − overall mean) / overall sd: how distinctive. */
  z: number;
}

export interface CategoryFact {
  column: string;
  level: string;
  /** Share of the segment with this level (0..1). */
  share: number;
  overallShare: number;
  lift: number;
}

export interface TermFact {
  column: string;
  term: string;
  /** c-TF-IDF weight of the term in this segment. */
  score: number;
  /** Share of members whose text contains the term. */
  share: number;
}

export type RfmTier = 'Champions' | 'Loyal' | 'Potential' | 'New' | 'At risk' | 'Hibernating';

export interface Representative {
  /** A PII-scrubbed description of one member near the centroid: a few feature values and a quoted snippet. */
  traits: Record<string, string | number>;
  snippet?: string;
}

export interface SegmentProfile {
  /** 1-based, segment 1 is the largest. */
  id: number;
  size: number;
  share: number;
  /** Below the minimum size: never described to an LLM, never exported. */
  small: boolean;
  stability: number;
  numeric: NumericFact[];
  categories: CategoryFact[];
  terms: TermFact[];
  /** Share of the segment in each RFM tier (empty when the data has no recency/frequency/monetary columns). */
  rfm: Partial<Record<RfmTier, number>>;
  representatives: Representative[];
  /** Predicted traits from `segmenta predict` on the Run's event log (absent until then). */
  predicted?: PredictedTraits;
}
