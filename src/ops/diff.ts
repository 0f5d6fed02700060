import { z } from 'zod';
import { defineOperation } from './operation.js';
import { openRun } from './session.js';
import { listRuns, resolveRun } from '../run/store.js';
import { UsageError } from '../errors.js';
import { diffRuns, type RunDiff } from '../pipeline/diff-runs.js';
import { diffMarkdown, eventLine } from '../pipeline/diff-markdown.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { answerLanguage } from './render-words.js';
import type { Language } from '../util/script.js';

export const DiffInput = z.object({
  from: z.string().optional().describe('The earlier Run (id or prefix); the one the later Run refreshed, else the Run before it'),
  to: z.string().optional().describe('The later Run (id or prefix); the current or latest when omitted'),
});

export const diffOp = defineOperation({
  name: 'diff',
  description: OP_DESCRIPTIONS.diff,
  input: DiffInput,
  async run(input, ctx): Promise<RunDiff & { lang?: Language }> {
    const later = openRun(ctx, input.to);
    const ref = input.from ?? later.run.refreshedFrom?.runId ?? listRuns(ctx.config.workspace).find((r) => r.id < later.run.id)?.id;
    if (!ref) throw new UsageError(`Run ${later.run.id} is the earliest in the workspace: there is nothing to compare it with. Name two Runs: \`segmenta diff RUN_A RUN_B\`.`);
    const earlier = resolveRun(ctx.config.workspace, ref);
    if (earlier.run.id === later.run.id) throw new UsageError(`both sides are Run ${later.run.id}; name two different Runs.`);
    // In the later Run's language (--lang first), as its changes.md is.
    return { ...diffRuns(earlier.dir, earlier.run, later.dir, later.run), lang: answerLanguage(ctx, later.run) };
  },
  render: diffMarkdown,
  // For a model: counts and drift only, never customer ids.
  summarize(d) {
    const drifted = d.segments.filter((s) => s.profileBand && s.profileBand !== 'stable');
    return [
      `Run ${d.from.id} → ${d.to.id}: ${d.shared} customers in both, ${d.movers} moved segment, ${d.added} new, ${d.gone} gone; size PSI ${d.sizePsi} (${d.sizeBand}).`,
      d.events?.filter((e) => e.kind !== 'survive').map((e) => eventLine(e)).join('; '),
      drifted.length ? `Profile drift: ${drifted.map((s) => `segment ${s.id} "${s.name}" PSI ${s.profilePsi} (${s.profileBand}${s.feature ? `, ${s.feature}` : ''})`).join('; ')}.` : 'No segment profile drifted past PSI 0.1.',
    ].filter(Boolean).join(' ');
  },
});
