import { fitEmbedding } from '../../src/embed/fit.js';
import { symmetricEigen } from '../../src/embed/linalg.js';
import { plantedTable } from './planted.js';
const cfgs = [[6, 'full', 0.3, true], [4, 'full', 0.3, true], [5, 'lean', 0.3, true], [8, 'full', 0.3, true], [6, 'lean', 0.5, true], [6, 'full', 0.3, false]] as const;
for (const [groups, shape, textNoise, text] of cfgs) {
  for (const seed of [1, 2, 3]) {
    const { table } = plantedTable({ n: 3000, groups, seed: 1000 * seed + groups, shape, textNoise, text });
    const { vectors } = await fitEmbedding(table, { seed: 7 });
    const { n, dim, data } = vectors;
    const mu = new Float64Array(dim);
    for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) mu[t] += data[i * dim + t] / n;
    const cov = new Float64Array(dim * dim);
    for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) { const x = data[i * dim + a] - mu[a]; for (let b = a; b < dim; b++) cov[a * dim + b] += x * (data[i * dim + b] - mu[b]) / n; }
    for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) cov[a * dim + b] = cov[b * dim + a];
    const { values } = symmetricEigen(cov, dim);
    const ev = Array.from(values);
    const sorted = ev.slice().sort((a, b) => a - b);
    const median = sorted[Math.floor(dim / 2)];
    const ratios = ev.slice(0, 12).map((e) => (e / median).toFixed(1));
    console.log(`G=${groups} ${shape} tn=${textNoise} text=${text} s${seed} dim=${dim} median=${median.toFixed(4)} ratios ${ratios.join(' ')}`);
  }
}
