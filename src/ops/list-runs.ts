import { z } from 'zod';
import { defineOperation } from './operation.js';
import { listRuns, type BrokenRun, type RunSummary } from '../run/store.js';
import { formatCount, textTable } from '../util/format.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export interface ListRunsResult {
  runs: RunSummary[];
  /** Folders in runs/ that hold a run.json segmenta cannot read: named, never silently skipped. */
  broken: { id: string; why: string }[];
}

export const listRunsOp = defineOperation({
  name: 'runs',
  description: OP_DESCRIPTIONS.listRuns,
  input: z.object({}),
  async run(_input, ctx): Promise<ListRunsResult> {
    const broken: BrokenRun[] = [];
    const runs = listRuns(ctx.config.workspace, broken);
    return { runs, broken: broken.map((b) => ({ id: b.id, why: brokenWhy(b.error) })) };
  },
  render({ runs, broken = [] }) {
    const lines = broken.map((b) => `Run ${b.id} cannot be read (${b.why}): restore its run.json from a backup or remove the folder.`);
    if (runs.length === 0) return ['No Runs yet. Make one with `segmenta segment FILE`.', ...lines].join('\n');
    const table = textTable(
      ['run', 'created', 'customers', 'k', 'writer', 'file'],
      runs.map((r) => [r.id, r.createdAt.slice(0, 16).replace('T', ' '), formatCount(r.customers), r.k, r.writer, r.file]),
    );
    return [table, ...(lines.length ? ['', ...lines] : [])].join('\n');
  },
});

/** "run.json is cut short or not JSON" rather than the parser's words and the server path. */
function brokenWhy(err: Error): string {
  if (/cannot read the Run \((Unexpected end|Unterminated|Expected|Unexpected token)/.test(err.message)) return 'its run.json is cut short or not JSON';
  if (/not a segmenta Run/.test(err.message)) return 'its run.json is not a segmenta Run';
  return err.message.replace(/^.*?run\.json: /, '').split('\n')[0];
}
