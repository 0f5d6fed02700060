import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { openRun } from './session.js';
import { runEvals, saveEvalReport, type FullEvalReport } from '../../evals/run-evals.js';
import { renderScorecard } from '../../evals/scorecard.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const EvalInput = z.object({
  run: runField,
  thresholds: z.record(z.string(), z.coerce.number()).optional().describe('Threshold overrides by metric name, e.g. { "heldout_accuracy": 0.85 }'),
  file: z.string().optional().describe("The Run's customer file, when it has moved since the Run was made"),
});

export type EvalResult = FullEvalReport & { savedTo: string };

export const evalOp = defineOperation({
  name: 'eval',
  description: OP_DESCRIPTIONS.eval,
  input: EvalInput,
  async run(input, ctx): Promise<EvalResult> {
    const { dir, run } = openRun(ctx, input.run);
    const report = await runEvals(dir, run, ctx.config, ctx.log, { thresholds: input.thresholds, file: input.file, signal: ctx.signal, progress: ctx.progress });
    return { ...report, savedTo: saveEvalReport(dir, report) };
  },
  render: renderScorecard,
  summarize(r) {
    const failed = r.metrics.filter((m) => !m.passed);
    const key = r.metrics.filter((m) => ['heldout_accuracy', 'min_bootstrap_jaccard'].includes(m.name)).map((m) => `${m.name} ${m.value?.toFixed(3) ?? 'n/a'}`);
    return `Evals of Run ${r.runId} ${r.passed ? 'passed' : `failed: ${failed.map((m) => `${m.name} ${m.value} (threshold ${m.threshold})`).join(', ')}`}; ${key.join(', ')}. Saved to ${r.savedTo}.`;
  },
});
