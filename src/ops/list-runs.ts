import { z } from 'zod';
import { defineOperation } from './operation.js';
import { listRuns, type RunSummary } from '../run/store.js';
import { formatCount, textTable } from '../util/format.js';

export const listRunsOp = defineOperation({
  name: 'runs',
  description: 'List the Runs in the workspace, newest first.',
  input: z.object({}),
  async run(_input, ctx): Promise<{ runs: RunSummary[] }> {
    return { runs: listRuns(ctx.config.workspace) };
  },
  render({ runs }) {
    if (runs.length === 0) return 'No Runs yet. Make one with `segmenta segment FILE`.';
    return textTable(
      ['run', 'created', 'customers', 'k', 'writer', 'file'],
      runs.map((r) => [r.id, r.createdAt.slice(0, 16).replace('T', ' '), formatCount(r.customers), r.k, r.writer, r.file]),
    );
  },
});
