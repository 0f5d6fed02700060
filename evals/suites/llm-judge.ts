import type { LlmConfig } from '../../src/config.js';
import { SegmentaError } from '../../src/errors.js';
import { createPrivacyGuard } from '../../src/llm/privacy.js';
import { promptHash } from '../../src/llm/prompts.js';
import { UsageMeter } from '../../src/llm/usage.js';
import { mapLimit } from '../../src/util/map-limit.js';
import type { EvalContext } from '../context.js';
import { llmJudge } from '../judge/llm-judge.js';
import { fleissKappa } from '../stats/fleiss-kappa.js';
import type { Measurement } from '../types.js';
import { accuracyOf, type HeldoutCase } from './heldout.js';
import { labelTexts } from './labels.js';

/**
 * With an LLM configured: the LLM judge on a few held-out members, each asked `samples` times.
 * Accuracy is of the majority answer; Fleiss' κ over the samples says whether the labels lead
 * the judge to the same segment every time (consistent labels) or to a coin toss.
 */
export const LLM_JUDGE = {
  members: 30,
  samples: 3,
  /** Sampling must be able to disagree for agreement to mean anything. */
  minTemperature: 0.7,
};

export interface LlmJudgeRecord {
  model: string;
  promptHash: string;
  usage: ReturnType<UsageMeter['snapshot']>;
  /** Per member: the Run's segment and each sampled answer (null: unusable). */
  answers: { truth: number; answers: (number | null)[] }[];
}

export async function measureLlmJudge(
  ctx: EvalContext,
  llm: LlmConfig,
  cases: HeldoutCase[],
  options: { members?: number; samples?: number } = {},
): Promise<{ measurements: Measurement[]; record: LlmJudgeRecord }> {
  const labels = labelTexts(ctx.run);
  const chosen = cases.slice(0, options.members ?? LLM_JUDGE.members);
  const samples = Math.max(2, options.samples ?? LLM_JUDGE.samples);
  const guard = createPrivacyGuard(ctx.table.piiValues);
  const usage = new UsageMeter();
  const sampling: LlmConfig = { ...llm, temperature: Math.max(llm.temperature, LLM_JUDGE.minTemperature) };
  const jobs = chosen.flatMap((c, i) => Array.from({ length: samples }, () => i));
  ctx.log(`LLM judge: ${chosen.length} held-out members × ${samples} samples`);
  // A failed call (after the client's retries) is an unusable answer, not the end of the eval;
  // only when every call fails is the server's error the result.
  let lastError: unknown;
  const answers = await mapLimit(jobs, llm.concurrency, async (i) => {
    try {
      return (await llmJudge(sampling, labels, chosen[i].description, { guard, usage, log: ctx.log })) ?? null;
    } catch (err) {
      if (!(err instanceof SegmentaError)) throw err;
      lastError = err;
      return null;
    }
  });
  if (jobs.length > 0 && lastError && answers.every((a) => a === null)) throw lastError;
  const perMember = chosen.map((_, i) => answers.slice(i * samples, (i + 1) * samples));
  const majority = perMember.map((a) => majorityOf(a));
  const kappa = chosen.length > 0 ? fleissKappa(perMember.map((a) => a.map((x) => x ?? 'none'))) : NaN;
  const unusable = answers.filter((a) => a === null).length;
  const measurements: Measurement[] = [
    { ...accuracyOf('llm_heldout_accuracy', chosen, majority, labels), name: 'llm_heldout_accuracy' },
    {
      name: 'judge_fleiss_kappa',
      value: Number.isFinite(kappa) ? kappa : null,
      detail: `${samples} samples of ${chosen.length} members at temperature ${sampling.temperature}; ${unusable} unusable answers`,
    },
  ];
  return {
    measurements,
    record: { model: llm.model, promptHash: promptHash('judge'), usage: usage.snapshot(), answers: chosen.map((c, i) => ({ truth: c.truth, answers: perMember[i] })) },
  };
}

/** The most common usable answer (ties: the earliest); undefined when none is usable. */
function majorityOf(answers: (number | null)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const a of answers) if (a !== null) counts.set(a, (counts.get(a) ?? 0) + 1);
  let best: number | undefined;
  for (const [a, n] of counts) if (best === undefined || n > counts.get(best)!) best = a;
  return best;
}
