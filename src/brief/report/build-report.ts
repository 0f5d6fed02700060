import { join } from 'node:path';
import type { RunFile } from '../../model/run.js';
import type { Vectors } from '../../model/vectors.js';
import { createRng, sampleIndices } from '../../util/random.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { readAssignments } from '../../vectors/assignments.js';
import { indexMeta, loadCentroids, loadVectorRows } from '../../vectors/load.js';
import { IndexError } from '../../errors.js';
import { fitPca2, project } from './pca.js';
import { renderReport } from './render-report.js';
import type { MapData } from './map-chart.js';

export const REPORT_HTML = 'report.html';
/** Points on the map: enough to see the shape, few enough for a light SVG (~250 KB). */
export const MAP_SAMPLE = 5000;

/**
 * The 2-D map data: the sampled customers (their vectors and 1-based segments) and the
 * segment centres, on the sample's top two principal components.
 */
export function mapData(sample: Vectors, segments: ArrayLike<number>, centroids: { k: number; data: Float32Array }, total: number): MapData {
  const all = Array.from({ length: sample.n }, (_, i) => i);
  const pca = fitPca2(sample, all);
  const points = all.map((i) => {
    const [x, y] = project(pca, sample.data, i * sample.dim);
    return { x, y, segment: segments[i] };
  });
  const centres = Array.from({ length: centroids.k }, (_, j) => {
    const [x, y] = project(pca, centroids.data, j * sample.dim);
    return { x, y, segment: j + 1 };
  });
  return { points, centres, explained: pca.explained, total };
}

/**
 * Build the Run's report and write it to runDir/report.html atomically; returns its path.
 * Only the sampled rows of the vectors are read (MAP_SAMPLE, seeded by the Run's seed).
 */
export function writeReport(dir: string, run: RunFile): string {
  const { segments } = readAssignments(dir);
  const n = indexMeta(run).count;
  if (segments.length !== n) throw new IndexError(`Run ${run.id}: assignments.csv has ${segments.length} customers but the saved vectors ${n}.`);
  const rows = sampleIndices(n, MAP_SAMPLE, createRng(run.config.seed)).sort();
  const sample = loadVectorRows(dir, run, rows);
  const html = renderReport(run, mapData(sample, Array.from(rows, (i) => segments[i]), loadCentroids(dir, run), n));
  const path = join(dir, REPORT_HTML);
  writeFileAtomic(path, html);
  return path;
}
