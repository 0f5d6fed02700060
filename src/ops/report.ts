import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { openRunInLanguage } from './session.js';
import { writeReport } from '../brief/report/build-report.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const ReportInput = z.object({
  run: runField,
});

export interface ReportResult {
  runId: string;
  path: string;
}

export const reportOp = defineOperation({
  name: 'report',
  description: OP_DESCRIPTIONS.report,
  input: ReportInput,
  async run(input, ctx): Promise<ReportResult> {
    const { dir, run } = openRunInLanguage(ctx, input.run);
    ctx.log(`drawing the report of Run ${run.id}`);
    return { runId: run.id, path: writeReport(dir, run) };
  },
  render(r) {
    return r.path;
  },
  summarize(r) {
    return `Wrote the HTML report of Run ${r.runId} to ${r.path}.`;
  },
});
