import { fitEmbedding } from '../../src/embed/fit.js';
import { kmeans } from '../../src/cluster/kmeans.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable } from '../../test/cluster/planted.js';
const groups = Number(process.env.G ?? 6);
for (const seed of [1, 2, 3]) {
  const { table, truth } = plantedTable({ n: 5000, groups, seed: 1000 * seed + groups, shape: (process.env.SHAPE as any) ?? 'full' });
  const { vectors, model } = await fitEmbedding(table, { seed: 7 });
  const line: string[] = [];
  for (const b of model.blocks) {
    const n = vectors.n, w = b.width;
    const data = new Float32Array(n * w);
    for (let i = 0; i < n; i++) for (let c = 0; c < w; c++) data[i * w + c] = vectors.data[i * vectors.dim + b.offset + c];
    // between-group share of variance
    const mean = new Float64Array(w), gm = new Float64Array(groups * w), gc = new Float64Array(groups);
    for (let i = 0; i < n; i++) { gc[truth[i]]++; for (let c = 0; c < w; c++) { mean[c] += data[i * w + c] / n; gm[truth[i] * w + c] += data[i * w + c]; } }
    let tot = 0, between = 0;
    for (let i = 0; i < n; i++) for (let c = 0; c < w; c++) tot += (data[i * w + c] - mean[c]) ** 2;
    for (let g = 0; g < groups; g++) for (let c = 0; c < w; c++) between += gc[g] * (gm[g * w + c] / gc[g] - mean[c]) ** 2;
    const fit = kmeans({ n, dim: w, data }, groups, { seed: 1, restarts: 4 });
    line.push(`${b.name}(w=${w}) R2=${(between / tot).toFixed(3)} ARI=${adjustedRandIndex(fit.labels, truth).toFixed(3)} var=${(tot / n).toFixed(3)}`);
  }
  const fit = kmeans(vectors, groups, { seed: 1, restarts: 4 });
  line.push(`all ARI=${adjustedRandIndex(fit.labels, truth).toFixed(3)}`);
  console.log(`seed ${seed}: ${line.join(' | ')}`);
}
