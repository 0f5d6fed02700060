import type { CategoricalColumn } from '../model/data.js';
import type { CategoryFact } from '../model/profile.js';
import type { Groups } from './groups.js';
import { liftOf } from './numeric-facts.js';

/** Tuning of which levels a profile reports; exported so tests and docs name the same numbers. */
export const CATEGORY_RULES = {
  /** An over-represented level must cover at least this share of the segment… */
  minShare: 0.1,
  /** …and be at least this much more common than in everyone. */
  minLift: 1.1,
  /** Over-represented levels kept per column (the most common level is always kept too). */
  perColumn: 3,
  /** The missing-value level is a data gap, not a trait a marketer can act on. */
  missingLevel: '(missing)',
};

/**
 * Category facts of one column for every segment: the over-represented levels (top by lift
 * among those with share ≥ 10%) plus the segment's most common level, whatever its lift.
 */
export function categoryFacts(col: CategoricalColumn, labels: Int32Array, groups: Groups): CategoryFact[][] {
  const { k, n, sizes } = groups;
  const L = col.levels.length;
  const counts = new Int32Array(k * L);
  const totals = new Int32Array(L);
  const codes = col.codes;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0 || c >= L) continue;
    counts[labels[i] * L + c]++;
    totals[c]++;
  }
  const out: CategoryFact[][] = [];
  for (let s = 0; s < k; s++) {
    const size = sizes[s];
    const facts: CategoryFact[] = [];
    if (size > 0 && n > 0) {
      for (let l = 0; l < L; l++) {
        if (col.levels[l] === CATEGORY_RULES.missingLevel) continue;
        const share = counts[s * L + l] / size;
        if (share === 0) continue;
        const overallShare = totals[l] / n;
        facts.push({ column: col.name, level: col.levels[l], share, overallShare, lift: liftOf(share, overallShare) });
      }
    }
    const top = facts.reduce<CategoryFact | undefined>((best, f) => (!best || f.share > best.share ? f : best), undefined);
    const over = facts
      .filter((f) => f.share >= CATEGORY_RULES.minShare && f.lift >= CATEGORY_RULES.minLift)
      .sort((a, b) => b.lift - a.lift || b.share - a.share)
      .slice(0, CATEGORY_RULES.perColumn);
    if (top && !over.includes(top)) over.push(top);
    out.push(over);
  }
  return out;
}
