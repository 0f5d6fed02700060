import { z } from 'zod';
import { defineOperation } from './operation.js';
import { makeRun } from '../pipeline/make-run.js';
import { describeSchema } from '../data/load.js';
import { formatShare } from '../util/format.js';

export const SegmentInput = z.object({
  file: z.string().min(1).describe('Path to a customer file or event log (CSV, TSV, JSONL or Parquet)'),
  k: z.coerce.number().int().min(2).max(50).optional().describe('Number of segments; chosen automatically when omitted'),
  seed: z.coerce.number().int().min(0).default(42).describe('Random seed (same seed, same segments)'),
  idColumn: z.string().optional().describe('Name of the customer id column, when it cannot be inferred'),
  ignore: z.array(z.string()).optional().describe('Columns to leave out'),
  text: z.array(z.string()).optional().describe('Columns to treat as free text'),
});

export interface SegmentResult {
  runId: string;
  runDir: string;
  k: number;
  customers: number;
  writer: string;
  schema: string;
  segments: { id: number; name: string; size: number; share: number; small: boolean }[];
}

export const segmentOp = defineOperation({
  name: 'segment',
  description: 'Split a customer file into segments and write a name, persona, copy and brief for each.',
  input: SegmentInput,
  async run(input, ctx) {
    const made = await makeRun({ ...input, config: ctx.config, log: ctx.log, signal: ctx.signal });
    if (ctx.session) {
      ctx.session.runId = made.runId;
      ctx.session.file = input.file;
    }
    return {
      runId: made.runId,
      runDir: made.runDir,
      k: made.run.metrics.k,
      customers: made.run.metrics.customers,
      writer: made.run.config.writer === 'llm' ? `LLM (${made.run.config.model})` : 'offline writer (no LLM configured)',
      schema: describeSchema(made.run.schema),
      segments: made.run.segments.map((s) => ({ id: s.id, name: s.texts?.name ?? '(under the minimum size)', size: s.size, share: s.share, small: s.small })),
    };
  },
  render(r) {
    const lines = [
      `Run ${r.runId}: ${r.customers.toLocaleString('en-US')} customers in ${r.k} segments — texts by the ${r.writer}`,
      '',
      ...r.segments.map((s) => `  ${String(s.id).padStart(2)}  ${s.name.padEnd(30)} ${s.size.toLocaleString('en-US').padStart(8)}  ${formatShare(s.share).padStart(6)}`),
      '',
      `Briefs: ${r.runDir}/briefs/index.md`,
    ];
    return lines.join('\n');
  },
  summarize(r) {
    return `Made Run ${r.runId} with ${r.k} segments: ${r.segments.map((s) => `${s.id} "${s.name}" (${s.size})`).join('; ')}.`;
  },
});
