import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPredictBench } from '../../bench/predict.js';
import { tempDir } from '../e2e/cli.js';

/** Issue 22, acceptance 2 in small: the bench script runs and the model beats RFM (the committed table is 20,000 customers × 3 seeds). */
describe('bench/predict.ts', () => {
  it('writes the comparison table, model ahead of the RFM baseline on ρ and churn AUC', async () => {
    const out = tempDir();
    const r = await runPredictBench(['--customers', '3000', '--seeds', '4', '--holdouts', '90', '--out', out]);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0];
    expect(row.model.purchases_spearman).toBeGreaterThan(row.baseline.purchases_spearman);
    expect(row.model.churn_auc).toBeGreaterThan(row.baseline.churn_auc);
    expect(row.cancelled).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'predict.md'), 'utf8')).toMatch(/\| 4 \| 90 d \|/);
  }, 120_000);
});
