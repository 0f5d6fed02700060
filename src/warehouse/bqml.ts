/**
 * `--engine-kmeans` on BigQuery: refine our centroids with BigQuery ML's own k-means over every
 * customer, warm-started from them (kmeans_init_method = 'CUSTOM': the rows whose
 * kmeans_init_col is TRUE are the initial centroids). The model trains on the same scaled
 * vectors the assignment uses (vectorSql), with standardize_features off since they are scaled
 * already; only its k × dim centroids come back (ML.CENTROIDS), and everyone is then assigned
 * to them by the same SQL as without the flag.
 */
import type { Dialect } from './dialect.js';
import type { Engine } from './engine.js';
import type { PlanInput } from './plan.js';

export const KMEANS_MODEL = 'segmenta_kmeans';
const INIT = 'segmenta_init';

/** The model's name for one Run (a model per Run: BigQuery keeps them until dropped). */
export function kmeansModelName(runId: string): string {
  return `${KMEANS_MODEL}_${runId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

const num = (d: Dialect, x: number) => d.float(Number.isFinite(x) ? String(x) : '0');

/** The training query: every customer's vector, plus the k initial centroids marked TRUE. */
export function kmeansTrainingSql(p: PlanInput, vector: string[], centroids: Float32Array, k: number): string {
  const d = p.dialect;
  const dim = vector.length;
  const customers = `SELECT ${vector.map((e, i) => `${e} AS f${i}`).join(', ')}, FALSE AS ${INIT} FROM ${p.relation} WHERE ${d.ident(p.id)} IS NOT NULL`;
  const seeds = Array.from({ length: k }, (_, j) => `SELECT ${Array.from({ length: dim }, (_, i) => `${num(d, centroids[j * dim + i])} AS f${i}`).join(', ')}, TRUE AS ${INIT}`);
  return [customers, ...seeds].join(' UNION ALL ');
}

export function createKmeansModelSql(p: PlanInput, vector: string[], centroids: Float32Array, k: number, model: string): string {
  const d = p.dialect;
  return (
    `CREATE OR REPLACE MODEL ${d.table(model)} OPTIONS(model_type='kmeans', num_clusters=${k}, kmeans_init_method='CUSTOM', kmeans_init_col='${INIT}', standardize_features=FALSE, distance_type='EUCLIDEAN') AS ` +
    kmeansTrainingSql(p, vector, centroids, k)
  );
}

export function kmeansCentroidsSql(d: Dialect, model: string): string {
  return `SELECT centroid_id, feature, numerical_value FROM ML.CENTROIDS(MODEL ${d.table(model)}) ORDER BY centroid_id, feature`;
}

/**
 * Train the model, read its centroids back, and return them in our centroids' order: BigQuery
 * numbers its centroids itself, so each refined one goes to the slot of the initial centroid
 * it is nearest to (greedy, closest pair first), which keeps segment ids stable.
 */
export async function refineWithBigQueryMl(engine: Engine, p: PlanInput, vector: string[], centroids: Float32Array, k: number, model: string): Promise<Float32Array> {
  const dim = vector.length;
  await engine.query(createKmeansModelSql(p, vector, centroids, k, model), 'engine k-means');
  const rows = await engine.query(kmeansCentroidsSql(p.dialect, model), 'engine k-means');
  const byId = new Map<number, Float64Array>();
  for (const r of rows) {
    const id = Number(r.centroid_id);
    const f = /^f(\d+)$/.exec(String(r.feature));
    if (!f) continue;
    const c = byId.get(id) ?? new Float64Array(dim);
    c[Number(f[1])] = Number(r.numerical_value);
    byId.set(id, c);
  }
  const refined = [...byId.values()];
  if (refined.length !== k) throw new Error(`BigQuery ML returned ${refined.length} centroids for k = ${k} (internal)`);
  const pairs: { from: number; to: number; d: number }[] = [];
  refined.forEach((c, from) => {
    for (let to = 0; to < k; to++) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += (c[i] - centroids[to * dim + i]) ** 2;
      pairs.push({ from, to, d: s });
    }
  });
  pairs.sort((a, b) => a.d - b.d);
  const out = new Float32Array(k * dim);
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  for (const pr of pairs) {
    if (usedFrom.has(pr.from) || usedTo.has(pr.to)) continue;
    usedFrom.add(pr.from);
    usedTo.add(pr.to);
    out.set(refined[pr.from], pr.to * dim);
  }
  return out;
}
