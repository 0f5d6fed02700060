import type { RunFile } from '../model/run.js';
import type { Vectors } from '../model/vectors.js';
import { IndexError } from '../errors.js';
import { readAssignments, type Assignments } from './assignments.js';
import { indexMeta, loadCentroids, loadVectorRows, loadVectors, openSegmentIndexes } from './load.js';
import { createRng, sampleIndices } from '../util/random.js';
import { annLookalikes, exactLookalikes, queriesFrom, type Neighbour } from './lookalike.js';

/** Member customers sampled as extra queries besides the segment centre (see lookalike.ts). */
export const MEMBER_PROBES = 32;
/** Seed customers used as queries besides their mean; a longer seed list is sampled. */
export const SEED_PROBES = 200;

export interface RunLookalikes {
  neighbours: Neighbour[];
  assignments: Assignments;
  queries: number;
}

function assignmentsFor(dir: string, run: RunFile): Assignments {
  const a = readAssignments(dir);
  const meta = indexMeta(run);
  if (a.ids.length !== meta.count) {
    throw new IndexError(`Run ${run.id}: assignments.csv has ${a.ids.length} customers but the index has ${meta.count}. Make the Run again with \`segmenta segment FILE\`.`);
  }
  return a;
}

/** The `top` customers outside `segment` nearest to its centre or to a sample of its members. */
export function segmentLookalikes(dir: string, run: RunFile, segment: number, top: number): RunLookalikes {
  const meta = indexMeta(run);
  const assignments = assignmentsFor(dir, run);
  const centroids = loadCentroids(dir, run);
  const members: number[] = [];
  assignments.segments.forEach((s, i) => s === segment && members.push(i));
  // Only the sampled members' vectors are read, not the whole file.
  const picked = Array.from(sampleIndices(members.length, MEMBER_PROBES, createRng(run.config.seed)), (p) => members[p]).sort((a, b) => a - b);
  const probes = loadVectorRows(dir, run, picked);
  const queries = queriesFrom(probes, Array.from({ length: probes.n }, (_, i) => i), MEMBER_PROBES, run.config.seed, centroids.data.subarray((segment - 1) * meta.dim, segment * meta.dim));
  if (meta.search === 'exact') {
    // A Run too large for graphs (index/types.ts GRAPHS_UP_TO): every customer outside the segment, exactly.
    const excluded = new Uint8Array(meta.count);
    for (const i of members) excluded[i] = 1;
    return { neighbours: exactLookalikes(loadVectors(dir, run), queries, top, excluded), assignments, queries: queries.n };
  }
  const others = run.segments.map((s) => s.id).filter((id) => id !== segment);
  const graphs = [...openSegmentIndexes(dir, run, others).values()];
  return { neighbours: annLookalikes(graphs, queries, top, meta.ef), assignments, queries: queries.n };
}

/**
 * The `top` customers nearest to a seed list (already embedded with the Run's saved
 * preprocessing): its mean and up to SEED_PROBES of the seeds. Seeds that are customers of
 * the Run (same id) are left out of the answer.
 */
export function seedLookalikes(dir: string, run: RunFile, seeds: Vectors, seedIds: string[], top: number): RunLookalikes & { seedsInRun: number } {
  const meta = indexMeta(run);
  if (seeds.dim !== meta.dim) throw new IndexError(`the seeds embed to ${seeds.dim} dimensions but Run ${run.id}'s index has ${meta.dim}.`);
  const assignments = assignmentsFor(dir, run);
  const rowOf = new Map<string, number>();
  assignments.ids.forEach((id, i) => rowOf.set(id, i));
  const excluded = new Uint8Array(meta.count);
  let seedsInRun = 0;
  for (const id of seedIds) {
    const row = rowOf.get(id);
    if (row !== undefined && !excluded[row]) {
      excluded[row] = 1;
      seedsInRun++;
    }
  }
  const all = Array.from({ length: seeds.n }, (_, i) => i);
  const queries = queriesFrom(seeds, all, SEED_PROBES, run.config.seed);
  if (meta.search === 'exact') {
    return { neighbours: exactLookalikes(loadVectors(dir, run), queries, top, excluded), assignments, queries: queries.n, seedsInRun };
  }
  const graphs = [...openSegmentIndexes(dir, run, run.segments.map((s) => s.id)).values()];
  return { neighbours: annLookalikes(graphs, queries, top, meta.ef, seedsInRun ? excluded : undefined), assignments, queries: queries.n, seedsInRun };
}
