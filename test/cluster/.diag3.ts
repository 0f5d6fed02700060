import { fitEmbedding } from '../../src/embed/fit.js';
import { denseOperator, svd } from '../../src/embed/svd.js';
import { plantedTable } from './planted.js';
for (const [groups, shape] of [[6, 'full'], [4, 'full'], [5, 'lean'], [8, 'full']] as const) {
  for (const seed of [1, 2]) {
    const { table } = plantedTable({ n: 3000, groups, seed: 1000 * seed + groups, shape });
    const { vectors } = await fitEmbedding(table, { seed: 7 });
    const { n, dim, data } = vectors;
    const center = new Float64Array(dim);
    for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) center[t] += data[i * dim + t] / n;
    const fit = svd(denseOperator(data, n, dim, center), Math.min(dim, 24), { seed: 1 });
    const ev = Array.from(fit.singularValues, (s) => (s * s) / n);
    // null: permute each column independently
    const perm = new Float32Array(n * dim);
    let r = 12345;
    const rnd = () => ((r = (r * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < dim; t++) { const idx = Array.from({ length: n }, (_, i) => i); for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]]; } for (let i = 0; i < n; i++) perm[i * dim + t] = data[idx[i] * dim + t]; }
    const nf = svd(denseOperator(perm, n, dim, center), Math.min(dim, 24), { seed: 1 });
    const nev = Array.from(nf.singularValues, (s) => (s * s) / n);
    const keep = ev.findIndex((e, i) => e <= nev[i]);
    console.log(`G=${groups} ${shape} seed ${seed}: keep ${keep}\n  ev  ${ev.slice(0, 16).map((x) => x.toFixed(3)).join(' ')}\n  null ${nev.slice(0, 16).map((x) => x.toFixed(3)).join(' ')}`);
  }
}
