import { createRng, sampleIndices } from '../../src/util/random.js';
import type { EvalContext } from '../context.js';
import { memberDescriber } from '../describe-member.js';
import { offlineJudge } from '../judge/offline-judge.js';
import type { LabelText, OfflineJudge } from '../judge/types.js';
import type { Measurement } from '../types.js';
import { labelTexts } from './labels.js';
import { cohenKappa } from '../stats/cohen-kappa.js';
import { fitOnSplit } from '../split.js';
import { EVAL_WORDS, detailWords, type EvalWords } from '../eval-words.js';

/**
 * Held-out assignment (as in TnT-LLM and Kura): a judge that sees only the segments' labels
 * and one member's description puts the member in a segment; the share it puts in the member's
 * segment is how well the labels describe their members. The members are held out for real
 * (split.ts): no fit saw them, and their segment is the one the saved model of a fit without
 * them gives, through `assign`'s code.
 */
export const HELDOUT = {
  /** Members judged: at most this many of the held-out fifth (seeded). The judge is fast (~3 ms a member); more members, less sampling noise. */
  max: 2000,
};

export interface HeldoutCase {
  row: number;
  /** The member's segment id (1-based) by the split model, in the Run's numbering. */
  truth: number;
  description: string;
}

export async function heldoutCases(ctx: EvalContext, seed: number, max = HELDOUT.max): Promise<HeldoutCase[]> {
  const split = await fitOnSplit(ctx, seed);
  const described = new Set(labelTexts(ctx.run).map((l) => l.id - 1));
  // A member the split model puts in an undescribed segment (or one matched to none) has no label to find.
  const pool = split.heldout.map((row, i) => ({ row, truth: split.truth[i] })).filter((c) => described.has(c.truth));
  const picked = pool.length > max ? Array.from(sampleIndices(pool.length, max, createRng(seed)), (j) => pool[j]).sort((a, b) => a.row - b.row) : pool;
  if (split.heldout.length > 0) {
    ctx.notes.push(
      detailWords(ctx).heldOut(split.heldout.length, ctx.labels.length, split.via, Math.round(split.agreement * 100), picked.length),
    );
  }
  const describer = memberDescriber(ctx.table, picked.map((c) => c.row));
  return picked.map(({ row, truth }) => ({ row, truth: truth + 1, description: describer.describe(row) }));
}

/** Accuracy of assignments against the truth, with the worst segment named for the scorecard. */
export function accuracyOf(name: string, cases: HeldoutCase[], assigned: (number | undefined)[], labels: LabelText[], d: EvalWords['d'] = EVAL_WORDS.en.d): Measurement {
  if (cases.length === 0) return { name, value: null, detail: d.noHeldout };
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
  const nameOf = labels.find((l) => l.id === worstId)?.name ?? d.segment(worstId);
  return {
    name,
    value: right / cases.length,
    detail: d.placed(right, cases.length, worstId, nameOf, worst.right, worst.total),
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
    const accuracy = accuracyOf(read === 'label' ? 'heldout_accuracy' : 'heldout_name_accuracy', cases, assigned, labels, detailWords(ctx));
    return [accuracy, kappaOf(read === 'label' ? 'heldout_kappa' : 'heldout_name_kappa', cases, assigned, detailWords(ctx))];
  });
}

/** Cohen's κ of the judge's placements against the Run's segments: accuracy corrected for chance. */
export function kappaOf(name: string, cases: HeldoutCase[], assigned: (number | undefined)[], d: EvalWords['d'] = EVAL_WORDS.en.d): Measurement {
  if (cases.length === 0) return { name, value: null, detail: d.noHeldout };
  const kappa = cohenKappa(cases.map((c) => c.truth), assigned);
  const shares = new Map<number, number>();
  for (const c of cases) shares.set(c.truth, (shares.get(c.truth) ?? 0) + 1 / cases.length);
  const chance = [...shares.values()].reduce((s, x) => s + x * x, 0);
  return { name, value: Math.round(kappa * 1000) / 1000, detail: d.kappa(cases.length, chance.toFixed(2)) };
}
