import { createRng, sampleIndices } from '../../src/util/random.js';
import type { EvalContext } from '../context.js';
import { memberDescriber } from '../describe-member.js';
import { offlineJudge } from '../judge/offline-judge.js';
import type { LabelText, OfflineJudge } from '../judge/types.js';
import type { Measurement } from '../types.js';
import { labelTexts } from './labels.js';
import { cohenKappa } from '../stats/cohen-kappa.js';

/**
 * Held-out assignment (as in TnT-LLM and Kura): a judge that sees only the segments' labels
 * and one member's description puts the member in a segment; the share it puts in the Run's
 * own segment is how well the labels describe their members.
 */
export const HELDOUT = {
  /** A tenth of the described customers, at least 200 (or all), at most 500. */
  share: 0.1,
  min: 200,
  max: 500,
};

/** A seeded sample of rows whose segment is described (a member of an undescribed segment has no label to find). */
export function heldoutRows(ctx: EvalContext, seed: number, max = HELDOUT.max): number[] {
  const described = new Set(labelTexts(ctx.run).map((l) => l.id - 1));
  const pool: number[] = [];
  for (let i = 0; i < ctx.labels.length; i++) if (described.has(ctx.labels[i])) pool.push(i);
  const size = Math.min(pool.length, max, Math.max(HELDOUT.min, Math.round(HELDOUT.share * pool.length)));
  return Array.from(sampleIndices(pool.length, size, createRng(seed)), (j) => pool[j]).sort((a, b) => a - b);
}

export interface HeldoutCase {
  row: number;
  /** The Run's segment id (1-based). */
  truth: number;
  description: string;
}

export function heldoutCases(ctx: EvalContext, seed: number, max?: number): HeldoutCase[] {
  const describer = memberDescriber(ctx.table);
  return heldoutRows(ctx, seed, max).map((row) => ({ row, truth: ctx.labels[row] + 1, description: describer.describe(row) }));
}

/** Accuracy of assignments against the truth, with the worst segment named for the scorecard. */
export function accuracyOf(name: string, cases: HeldoutCase[], assigned: (number | undefined)[], labels: LabelText[]): Measurement {
  if (cases.length === 0) return { name, value: null, detail: 'no described segment to hold members out of' };
  const per = new Map<number, { right: number; total: number }>();
  let right = 0;
  cases.forEach((c, i) => {
    const p = per.get(c.truth) ?? { right: 0, total: 0 };
    p.total++;
    if (assigned[i] === c.truth) {
      p.right++;
      right++;
    }
    per.set(c.truth, p);
  });
  const [worstId, worst] = [...per.entries()].sort((a, b) => a[1].right / a[1].total - b[1].right / b[1].total)[0];
  const nameOf = labels.find((l) => l.id === worstId)?.name ?? `segment ${worstId}`;
  return {
    name,
    value: right / cases.length,
    detail: `${right}/${cases.length} held-out members placed in their own segment; weakest: ${worstId} "${nameOf}" ${worst.right}/${worst.total}`,
  };
}

/**
 * Two readings of the same held-out members: the whole label (name, summary and the persona's
 * evidence) must describe the members; the name alone must still point to them — the name is
 * what people remember, and a name that has drifted from its segment (two names swapped) shows
 * here even when the facts under it are right.
 */
export function measureHeldout(ctx: EvalContext, cases: HeldoutCase[], judge: OfflineJudge = offlineJudge): Measurement[] {
  return (['label', 'name'] as const).flatMap((read) => {
    const labels = labelTexts(ctx.run, read);
    const assigned = cases.map((c) => judge(labels, c.description));
    const accuracy = accuracyOf(read === 'label' ? 'heldout_accuracy' : 'heldout_name_accuracy', cases, assigned, labels);
    return [accuracy, kappaOf(read === 'label' ? 'heldout_kappa' : 'heldout_name_kappa', cases, assigned)];
  });
}

/** Cohen's κ of the judge's placements against the Run's segments: accuracy corrected for chance. */
export function kappaOf(name: string, cases: HeldoutCase[], assigned: (number | undefined)[]): Measurement {
  if (cases.length === 0) return { name, value: null, detail: 'no described segment to hold members out of' };
  const kappa = cohenKappa(cases.map((c) => c.truth), assigned);
  const shares = new Map<number, number>();
  for (const c of cases) shares.set(c.truth, (shares.get(c.truth) ?? 0) + 1 / cases.length);
  const chance = [...shares.values()].reduce((s, x) => s + x * x, 0);
  return { name, value: Math.round(kappa * 1000) / 1000, detail: `Cohen's κ over ${cases.length} held-out members (accuracy a judge guessing by segment shares would reach: ${chance.toFixed(2)})` };
}
