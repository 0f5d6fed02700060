import { z } from 'zod';
import { defineOperation } from './operation.js';
import { listRuns, type RunSummary } from '../run/store.js';
import { formatCount, textTable } from '../util/format.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const listRunsOp = defineOperation({
  name: 'runs',
  description: OP_DESCRIPTIONS.listRuns,
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
