import { z } from 'zod';
import { runField } from './fields.js';
import { resolve } from 'node:path';
import { defineOperation } from './operation.js';
import { resolveSegment } from './segments.js';
import { openRun } from './session.js';
import { formatCount, textTable } from '../util/format.js';
import { UsageError } from '../errors.js';
import { embedNewCustomers } from '../vectors/embed-new.js';
import { segmentLookalikes, seedLookalikes, type RunLookalikes } from '../vectors/run-lookalikes.js';
import { textEmbedderFor } from '../embed/create-text-embedder.js';
import { toCsv } from '../util/csv.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { RunFile } from '../model/run.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS, answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const LookalikeInput = z
  .object({
    segment: z.union([z.string(), z.number()]).optional().describe('Segment number, a word of its name or a superlative: find customers outside it who look like it'),
    seed: z.string().optional().describe('A customer file (same columns as the Run) to find lookalikes of, instead of a segment'),
    top: z.coerce.number().int().min(1).max(100_000).default(50).describe('How many lookalikes'),
    run: runField,
    out: z.string().optional().describe('CSV file to write "<id column>,segment,distance" to'),
  })
  .refine((v) => (v.segment === undefined) !== (v.seed === undefined), { message: 'give exactly one of a segment (--segment N) or a seed file (--seed FILE)' });

export interface Lookalike {
  id: string;
  /** The segment the customer is in now. */
  segment: number;
  /** Euclidean distance in the Run's vector space to the nearest query (segment centre, member or seed). */
  distance: number;
}

export interface LookalikeResult {
  runId: string;
  /** What they look like: "segment 3 (Bargain Hunters)" or "seed file seeds.csv (120 customers)". */
  of: string;
  segment?: number;
  seedFile?: string;
  seeds?: number;
  seedsInRun?: number;
  idColumn: string;
  queries: number;
  lookalikes: Lookalike[];
  /** Lookalikes per current segment. */
  bySegment: { segment: number; name: string; count: number }[];
  out?: string;
  /** The language the answer is printed in (--lang, else the Run's). */
  lang?: Language;
}

function shape(run: RunFile, found: RunLookalikes, small: string): Pick<LookalikeResult, 'idColumn' | 'queries' | 'lookalikes' | 'bySegment'> {
  const { ids, segments, idColumn } = found.assignments;
  const lookalikes = found.neighbours.map((n) => ({ id: ids[n.label], segment: segments[n.label], distance: Math.round(n.distance * 10_000) / 10_000 }));
  const counts = new Map<number, number>();
  for (const l of lookalikes) counts.set(l.segment, (counts.get(l.segment) ?? 0) + 1);
  const bySegment = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([segment, count]) => ({ segment, count, name: run.segments.find((s) => s.id === segment)?.texts?.name ?? small }));
  return { idColumn, queries: found.queries, lookalikes, bySegment };
}

export const lookalikeOp = defineOperation({
  name: 'lookalike',
  description: OP_DESCRIPTIONS.lookalike,
  input: LookalikeInput,
  async run(input, ctx): Promise<LookalikeResult> {
    const { dir, run } = openRun(ctx, input.run);
    const lang = answerLanguage(ctx, run);
    const w = RENDER_WORDS[lang];
    let result: LookalikeResult;
    if (input.segment !== undefined) {
      const seg = resolveSegment(run, input.segment);
      if (seg.size === run.metrics.customers) throw new UsageError(`segment ${seg.id} holds every customer of Run ${run.id}: there is no one outside it.`);
      const found = segmentLookalikes(dir, run, seg.id, input.top);
      result = { runId: run.id, of: w.lookalike.ofSegment(seg.id, seg.texts?.name), segment: seg.id, ...shape(run, found, w.list.small), lang };
    } else {
      const file = input.seed!;
      ctx.log(w.lookalike.reading(file, run.id));
      const { table, vectors } = await embedNewCustomers(dir, run, file, (model, t) => textEmbedderFor(model, ctx.config, ctx.log, t.piiValues));
      const found = seedLookalikes(dir, run, vectors, table.ids, input.top);
      result = {
        runId: run.id,
        of: w.lookalike.ofSeeds(formatCount(table.ids.length, lang), file),
        seedFile: file,
        seeds: table.ids.length,
        seedsInRun: found.seedsInRun,
        ...shape(run, found, w.list.small),
        lang,
      };
    }
    if (input.out) {
      const out = resolve(input.out);
      writeFileAtomic(out, toCsv([result.idColumn, 'segment', 'distance'], result.lookalikes.map((l) => [l.id, l.segment, l.distance])));
      ctx.log(w.lookalike.wrote(formatCount(result.lookalikes.length, lang), out));
      result.out = out;
    }
    return result;
  },
  render(r) {
    const lang = r.lang ?? 'en';
    const w = RENDER_WORDS[lang].lookalike;
    const shown = r.out ? r.lookalikes.slice(0, 20) : r.lookalikes;
    const lines = [
      w.title(formatCount(r.lookalikes.length, lang), r.of, r.runId),
      textTable(w.header(r.idColumn), shown.map((l) => [l.id, l.segment, l.distance.toFixed(3)])),
    ];
    if (shown.length < r.lookalikes.length) lines.push(w.more(formatCount(r.lookalikes.length - shown.length, lang), r.out));
    else if (r.out) lines.push(w.saved(r.out));
    if (r.seedsInRun) lines.push(w.seedsInRun(formatCount(r.seedsInRun, lang)));
    lines.push(w.whereNow(r.bySegment.map((b) => ({ count: String(b.count), segment: b.segment, name: b.name }))));
    return lines.join('\n');
  },
  // For a model: where the lookalikes sit and how near, never their ids.
  summarize(r) {
    const d = r.lookalikes.map((l) => l.distance);
    const range = d.length ? ` Distances ${d[0].toFixed(2)}–${d[d.length - 1].toFixed(2)}.` : '';
    return `Found ${r.lookalikes.length} lookalikes of ${r.of} in Run ${r.runId}: ${r.bySegment.map((b) => `${b.count} now in segment ${b.segment} "${b.name}"`).join('; ')}.${range}${r.out ? ` Saved to ${r.out}.` : ''}`;
  },
});
