import { z } from 'zod';
import { defineOperation } from './operation.js';
import { openRun } from './session.js';
import { writeReport } from '../brief/report/build-report.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const ReportInput = z.object({
  run: z.string().optional().describe('Run id, id prefix, "latest" or a Run folder path; the latest Run when omitted'),
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
    const { dir, run: opened } = openRun(ctx, input.run);
    // --lang writes the report's own words in that language; the texts stay as written.
    const run = ctx.config.lang ? { ...opened, config: { ...opened.config, lang: ctx.config.lang } } : opened;
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
