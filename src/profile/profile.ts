import type { CustomerTable } from '../model/data.js';
import { createScrubber } from '../util/pii.js';
import type { CategoryFact, NumericFact, SegmentProfile } from '../model/profile.js';
import { groupRows } from './groups.js';
import { numericFacts } from './numeric-facts.js';
import { categoryFacts } from './category-facts.js';
import { distinctiveTerms } from './terms.js';
import { detectRfmColumns, rfmMix, rfmTierCodes } from './rfm.js';
import { describeMember, pickRepresentatives } from './representatives.js';
import { stageCounter, type ProgressHook } from '../util/progress.js';

export interface ProfileOptions {
  /** Bootstrap stability per segment (0-based like the labels); 0 where not measured. */
  stability?: number[];
  minSegmentSize: number;
  /** The customers' vectors and the segments' centroids, for members near the centre. */
  vectors?: { data: Float32Array; dim: number };
  centroids?: Float32Array;
  /** Seed of the text sample and of random representatives (default 1). */
  seed?: number;
  /** Texts read per segment for terms (default 20,000). */
  textSampleSize?: number;
  /** Terms kept per segment (default 10). */
  maxTerms?: number;
  /**
   * The table's scrubber, when the caller keeps one (the evals profile the same table three
   * times and remember what each text scrubbed to); built from table.piiValues otherwise.
   */
  scrub?: (text: string) => string;
  /** Columns and summaries done of all (each numeric and category column, terms, RFM mix, representatives). */
  progress?: ProgressHook;
}

/**
 * Per-segment facts from the customer table and the cluster labels: numbers a writer may
 * cite, nothing else. Label 0 becomes segment 1. Each column is read in one pass over its
 * typed array; text is sampled. Segments under the minimum size get their numbers but no
 * terms and no representatives: a handful of people can be recognised from their words.
 */
export function profileSegments(table: CustomerTable, labels: Int32Array, k: number, opts: ProfileOptions): SegmentProfile[] {
  const n = table.ids.length;
  if (labels.length !== n) throw new Error(`labels (${labels.length}) and customers (${n}) differ in length`);
  const seed = opts.seed ?? 1;
  const groups = groupRows(labels, k);
  const small = (s: number) => groups.sizes[s] < opts.minSegmentSize;

  const parts = stageCounter(opts.progress, 'profile', 'columns and summaries', table.numeric.length + table.categorical.length + 3);
  parts.start();
  const numeric: NumericFact[][] = Array.from({ length: k }, () => []);
  const scratch = new Float64Array(Math.max(0, ...groups.sizes));
  for (const col of table.numeric) {
    numericFacts(col, labels, groups, scratch).forEach((f, s) => numeric[s].push(f));
    parts.tick();
  }
  for (const facts of numeric) facts.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));

  const categories: CategoryFact[][] = Array.from({ length: k }, () => []);
  for (const col of table.categorical) {
    categoryFacts(col, labels, groups).forEach((f, s) => categories[s].push(...f));
    parts.tick();
  }
  for (const facts of categories) facts.sort((a, b) => b.lift - a.lift || b.share - a.share);

  // Building the scrubber reads every PII value; only text needs it (terms and quotes).
  const scrub = table.text.length > 0 ? (opts.scrub ?? createScrubber(table.piiValues)) : (t: string) => t;
  const terms = distinctiveTerms(table.text, groups, {
    sampleSize: opts.textSampleSize ?? 20_000,
    maxTerms: opts.maxTerms ?? 10,
    seed,
    scrub,
    skip: small,
  });
  parts.tick();

  const rfmColumns = detectRfmColumns(table);
  const rfm = rfmColumns ? rfmMix(rfmTierCodes(rfmColumns), labels, groups.sizes) : undefined;
  parts.tick();

  const reps = pickRepresentatives(table, labels, groups, { vectors: opts.vectors, centroids: opts.centroids, seed, skip: small });
  parts.tick();

  return Array.from({ length: k }, (_, s) => ({
    id: s + 1,
    size: groups.sizes[s],
    share: n > 0 ? groups.sizes[s] / n : 0,
    small: small(s),
    stability: opts.stability?.[s] ?? 0,
    numeric: numeric[s],
    categories: categories[s],
    terms: terms[s],
    rfm: rfm?.[s] ?? {},
    representatives: reps[s].map((row) => describeMember(table, row, { numeric: numeric[s], categories: categories[s] }, scrub)),
  }));
}
