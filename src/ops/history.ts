import { z } from 'zod';
import { resolve } from 'node:path';
import { defineOperation } from './operation.js';
import { listRuns, readRunFile } from '../run/store.js';
import { readAssignments } from '../vectors/assignments.js';
import { UsageError } from '../errors.js';
import { textTable, formatCount } from '../util/format.js';
import { toCsv } from '../util/csv.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';
import { OP_DESCRIPTIONS } from './descriptions.js';

export const HistoryInput = z.object({
  customer: z.string().min(1).optional().describe('A customer id: their segment in every Run of the workspace'),
  out: z.string().optional().describe('Write every customer × Run as CSV here (for audience syncs: entries and exits)'),
});

export interface HistoryResult {
  customer?: string;
  /** Oldest Run first. */
  runs: { runId: string; createdAt: string; segment?: number; name?: string }[];
  out?: string;
  customers?: number;
  /** The language the answer is printed in (--lang, else the latest Run's). */
  lang?: Language;
}

export const historyOp = defineOperation({
  name: 'history',
  description: OP_DESCRIPTIONS.history,
  input: HistoryInput,
  async run(input, ctx): Promise<HistoryResult> {
    if (!input.customer && !input.out) throw new UsageError('history: give a customer id, or --out FILE for the whole table.');
    const runs = listRuns(ctx.config.workspace).reverse();
    if (runs.length === 0) throw new UsageError('no Runs in this workspace yet. Make one with `segmenta segment FILE`.');
    const loaded = runs.map((r) => ({ summary: r, run: readRunFile(r.dir), assignments: readAssignments(r.dir) }));
    const lang = answerLanguage(ctx, loaded[loaded.length - 1].run);
    const w = RENDER_WORDS[lang].runs;
    if (input.out) {
      // One row per customer seen in any Run, one column per Run (blank: not in that Run).
      const columns = loaded.map((l) => new Map(l.assignments.ids.map((id, i) => [id, l.assignments.segments[i]])));
      const ids = [...new Set(loaded.flatMap((l) => l.assignments.ids))];
      const out = resolve(input.out);
      writeFileAtomic(out, toCsv([loaded[0].assignments.idColumn, ...loaded.map((l) => l.run.id)], ids.map((id) => [id, ...columns.map((c) => c.get(id) ?? '')])));
      return { runs: loaded.map((l) => ({ runId: l.run.id, createdAt: l.run.createdAt })), out, customers: ids.length, lang };
    }
    const customer = input.customer!;
    const rows = loaded.map(({ run, assignments }) => {
      const i = assignments.ids.indexOf(customer);
      if (i < 0) return { runId: run.id, createdAt: run.createdAt };
      const segment = assignments.segments[i];
      return { runId: run.id, createdAt: run.createdAt, segment, name: run.segments.find((s) => s.id === segment)?.texts?.name ?? w.small };
    });
    if (rows.every((r) => r.segment === undefined)) throw new UsageError(`customer "${customer}" is in none of the ${rows.length} Runs of this workspace. Check the id (as in the file's id column).`);
    return { customer, runs: rows, lang };
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].runs;
    if (r.out) return w.historyWrote(formatCount(r.customers ?? 0, lang), r.runs.length, r.out);
    return [
      w.historyHead(r.customer!),
      textTable(w.historyHeader, r.runs.map((x) => [x.runId, x.createdAt.slice(0, 16).replace('T', ' '), x.segment ?? '–', x.name ?? w.absent])),
    ].join('\n');
  },
  // For a model: the path of segments, not the customer id.
  summarize(r) {
    if (r.out) return `Wrote the segment history of ${r.customers} customers over ${r.runs.length} Runs to ${r.out}.`;
    return `The customer's segment over ${r.runs.length} Runs: ${r.runs.map((x) => (x.segment ? `${x.runId} segment ${x.segment} "${x.name}"` : `${x.runId} absent`)).join('; ')}.`;
  },
});
