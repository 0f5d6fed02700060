import { judgeScores } from '../judge/offline-judge.js';
import { detailWords } from '../eval-words.js';
import type { Measurement } from '../types.js';
import type { EvalContext } from '../context.js';
import type { HeldoutCase } from './heldout.js';
import { labelTexts } from './labels.js';

/**
 * Spillover: of the held-out members of segment A, the share the offline judge finds fitting
 * segment B's label strictly better than A's own — the worst ordered pair (A, B). Not 1 −
 * accuracy: a member counts towards every label that beats their own, so a label that claims
 * what a neighbour's members have (and pulls them in) shows against that neighbour even when
 * each member's best guess is spread over several.
 */
export function measureSpillover(ctx: EvalContext, cases: HeldoutCase[]): Measurement[] {
  const labels = labelTexts(ctx.run);
  const d = detailWords(ctx);
  if (cases.length === 0 || labels.length < 2) return [{ name: 'max_spillover', value: null, detail: d.spillNeeds }];
  const into = new Map<string, number>();
  const size = new Map<number, number>();
  for (const c of cases) {
    size.set(c.truth, (size.get(c.truth) ?? 0) + 1);
    const { scores } = judgeScores(labels, c.description);
    const own = scores.get(c.truth) ?? -Infinity;
    for (const [id, s] of scores) if (id !== c.truth && s > own) into.set(`${c.truth}→${id}`, (into.get(`${c.truth}→${id}`) ?? 0) + 1);
  }
  let worst: { pair: string; share: number; count: number; of: number } = { pair: '', share: 0, count: 0, of: 0 };
  for (const [pair, count] of into) {
    const of = size.get(Number(pair.split('→')[0]))!;
    if (count / of > worst.share) worst = { pair, share: count / of, count, of };
  }
  const nameOf = (id: number) => labels.find((l) => l.id === id)?.name ?? d.segment(id);
  const [a, b] = worst.pair ? worst.pair.split('→').map(Number) : [0, 0];
  return [
    {
      name: 'max_spillover',
      value: Math.round(worst.share * 1000) / 1000,
      detail: worst.pair ? d.spill(worst.count, worst.of, a, nameOf(a), b, nameOf(b)) : d.noSpill,
    },
  ];
}
