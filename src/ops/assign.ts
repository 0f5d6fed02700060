import { z } from 'zod';
import { runField } from './fields.js';
import { resolve } from 'node:path';
import { defineOperation } from './operation.js';
import { openRun } from './session.js';
import { formatCount, formatShare, textTable } from '../util/format.js';
import { assignNewCustomers } from '../vectors/embed-new.js';
import { loadCentroids } from '../vectors/load.js';
import { textEmbedderFor } from '../embed/create-text-embedder.js';
import { toCsv } from '../util/csv.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const AssignInput = z.object({
  file: z.string().min(1).describe('Customer file with the same columns as the Run was made from'),
  run: runField,
  out: z.string().optional().describe('CSV file to write "<id column>,segment" to; printed when omitted'),
});

export interface AssignResult {
  runId: string;
  file: string;
  customers: number;
  idColumn: string;
  /** Customers per segment, every segment of the Run listed. */
  counts: { segment: number; name: string; count: number }[];
  /** Where the CSV went; absent when it is returned in `csv` (stdout). */
  out?: string;
  csv?: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}


export const assignOp = defineOperation({
  name: 'assign',
  description: OP_DESCRIPTIONS.assign,
  input: AssignInput,
  async run(input, ctx): Promise<AssignResult> {
    const { dir, run } = openRun(ctx, input.run);
    const lang = answerLanguage(ctx, run);
    const w = RENDER_WORDS[lang];
    const centroids = loadCentroids(dir, run);
    ctx.log(w.assign.reading(input.file, run.id));
    const { table, labels } = await assignNewCustomers(dir, run, input.file, centroids, (model, t) => textEmbedderFor(model, ctx.config, ctx.log, t.piiValues));
    const perSegment = new Array<number>(centroids.k).fill(0);
    for (const l of labels) perSegment[l]++;
    const idColumn = table.schema.idColumn;
    const csv = toCsv([idColumn, 'segment'], (function* () {
      for (let i = 0; i < labels.length; i++) yield [table.ids[i], labels[i] + 1];
    })());
    const result: AssignResult = {
      runId: run.id,
      file: input.file,
      customers: labels.length,
      idColumn,
      counts: run.segments.map((s) => ({ segment: s.id, name: s.texts?.name ?? w.list.small, count: perSegment[s.id - 1] ?? 0 })),
      lang,
    };
    if (input.out) {
      const out = resolve(input.out);
      writeFileAtomic(out, csv);
      ctx.log(w.assign.wrote(formatCount(labels.length, lang), out));
      return { ...result, out };
    }
    return { ...result, csv };
  },
  render(r) {
    if (r.csv !== undefined) return r.csv.trimEnd();
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].assign;
    return [
      w.done(formatCount(r.customers, lang), r.file, r.runId, r.out),
      textTable(w.header, r.counts.map((c) => [c.segment, c.name, formatCount(c.count, lang), formatShare(r.customers ? c.count / r.customers : 0, lang)])),
    ].join('\n');
  },
  // For a model: counts only. Customer ids never reach an LLM.
  summarize(r) {
    const where = r.out ? ` Written to ${r.out}.` : '';
    return `Assigned ${r.customers} customers from ${r.file} to Run ${r.runId}: ${r.counts.map((c) => `segment ${c.segment} "${c.name}" ${c.count}`).join('; ')}.${where}`;
  },
});
