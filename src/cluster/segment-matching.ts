/**
 * Which new segment is which old one (issue 21): Hungarian matching on Jaccard overlap, then
 * the MONIC transitions (Spiliopoulou et al., "MONIC: modeling and monitoring cluster
 * transitions", KDD 2006) — survive, split, absorb, disappear, emerge — read off the same
 * overlap table. Pure arrays: the caller decides who counts as a member of an old segment
 * (returning customers by their old segment; new customers by the nearest old centre).
 */
import { maximizeAssignment } from './hungarian.js';
import type { MatchThresholds, SegmentEvent, SegmentMatch } from '../model/run.js';

export const MATCH_DEFAULTS: MatchThresholds = {
  // An old segment survives into the one new segment holding at least this share of it.
  survive: 0.5,
  // A new segment holding at least this share of an old one is a part of it (two parts: split).
  split: 0.2,
  // Below this share of its old size still present in the new data, a segment disappeared.
  present: 0.25,
  // Below this Jaccard the Hungarian pairing is not an identity (the new segment gets a new id).
  match: 0.25,
  // A kept segment whose members moved this far (largest feature PSI) gets its texts rewritten.
  rewritePsi: 0.25,
  // New customers count for the old segment whose centre is nearest, if within this quantile of its members' distances.
  radiusQuantile: 0.95,
};

export interface OverlapTable {
  /** Old segment ids (1-based), one per row. */
  oldIds: number[];
  /** Each old segment's size in its own Run. */
  oldSizes: number[];
  /** counts[r][j]: customers of old row r (present in the new data) in new label j. */
  counts: number[][];
  /** Customers per new label. */
  newSizes: number[];
}

/**
 * Count the overlap: `oldOf[i]` is the old segment id of new-data customer i (0 for none),
 * `labels[i]` its new 0-based label.
 */
export function overlapTable(oldOf: ArrayLike<number>, labels: ArrayLike<number>, kNew: number, oldIds: number[], oldSizes: number[]): OverlapTable {
  const row = new Map(oldIds.map((id, r) => [id, r]));
  const counts = oldIds.map(() => new Array<number>(kNew).fill(0));
  const newSizes = new Array<number>(kNew).fill(0);
  for (let i = 0; i < labels.length; i++) {
    newSizes[labels[i]]++;
    const r = oldOf[i] ? row.get(oldOf[i]) : undefined;
    if (r !== undefined) counts[r][labels[i]]++;
  }
  return { oldIds, oldSizes, counts, newSizes };
}

export interface MatchResult {
  /** New 0-based label → the id it takes in the new Run (1..kNew). */
  idOf: number[];
  matches: SegmentMatch[];
  events: SegmentEvent[];
}

/**
 * Identity first (Hungarian on Jaccard; pairs under `match` are not identities), then ids: a
 * matched segment keeps its old id; the others take the free ids 1..kNew, largest first. Ids
 * stay 1..k because everything downstream (centroid rows, assign, the index) reads segment j
 * as row j − 1, so an old id above the new k is renumbered (and said so in the match).
 */
export function matchSegments(t: OverlapTable, thresholds: MatchThresholds = MATCH_DEFAULTS): MatchResult {
  const kNew = t.newSizes.length;
  const present = t.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const jaccard = t.counts.map((r, i) => r.map((c, j) => (c === 0 ? 0 : c / (present[i] + t.newSizes[j] - c))));
  const gone = t.oldIds.map((_, i) => t.oldSizes[i] === 0 || present[i] < thresholds.present * t.oldSizes[i]);

  const pair = jaccard.length && kNew ? maximizeAssignment(jaccard) : new Int32Array(t.oldIds.length).fill(-1);
  const oldRowOf = new Array<number>(kNew).fill(-1);
  pair.forEach((j, i) => {
    if (j >= 0 && !gone[i] && jaccard[i][j] >= thresholds.match) oldRowOf[j] = i;
  });

  // Ids: matched keep theirs where it fits 1..kNew; the rest fill the gaps, largest first.
  const idOf = new Array<number>(kNew).fill(0);
  const taken = new Set<number>();
  for (let j = 0; j < kNew; j++) {
    const i = oldRowOf[j];
    if (i >= 0 && t.oldIds[i] <= kNew && !taken.has(t.oldIds[i])) {
      idOf[j] = t.oldIds[i];
      taken.add(idOf[j]);
    }
  }
  const free = Array.from({ length: kNew }, (_, x) => x + 1).filter((id) => !taken.has(id));
  const rest = Array.from({ length: kNew }, (_, j) => j).filter((j) => idOf[j] === 0).sort((a, b) => t.newSizes[b] - t.newSizes[a] || a - b);
  rest.forEach((j, x) => (idOf[j] = free[x]));

  const matches: SegmentMatch[] = [];
  for (let j = 0; j < kNew; j++) {
    const i = oldRowOf[j];
    if (i < 0) continue;
    matches.push({ from: t.oldIds[i], to: idOf[j], jaccard: round(jaccard[i][j]), ...(idOf[j] !== t.oldIds[i] ? { renumbered: true } : {}) });
  }

  // MONIC transitions, per old segment, from the share of it each new segment holds.
  const events: SegmentEvent[] = [];
  const reached = new Set<number>();
  t.oldIds.forEach((from, i) => {
    if (gone[i]) {
      events.push({ kind: 'disappear', from, present: round(t.oldSizes[i] ? present[i] / t.oldSizes[i] : 0) });
      return;
    }
    const share = t.counts[i].map((c) => c / present[i]);
    const parts = share.map((s, j) => ({ s, j })).filter((p) => p.s >= thresholds.split).sort((a, b) => b.s - a.s);
    if (parts.length >= 2 && parts.reduce((a, p) => a + p.s, 0) >= thresholds.survive) {
      events.push({ kind: 'split', from, into: parts.map((p) => idOf[p.j]), shares: parts.map((p) => round(p.s)) });
      for (const p of parts) reached.add(p.j);
    } else if (parts.length === 1 && parts[0].s >= thresholds.survive) {
      const j = parts[0].j;
      reached.add(j);
      if (oldRowOf[j] === i) events.push({ kind: 'survive', from, to: idOf[j], share: round(parts[0].s) });
      else events.push({ kind: 'absorb', from, into: idOf[j], share: round(parts[0].s) });
    } else {
      events.push({ kind: 'disappear', from, present: round(present[i] / t.oldSizes[i]) });
    }
  });
  for (let j = 0; j < kNew; j++) if (!reached.has(j) && oldRowOf[j] < 0) events.push({ kind: 'emerge', to: idOf[j] });
  return { idOf, matches, events };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
