/**
 * Fleiss' kappa (Fleiss 1971): agreement of a fixed number of raters who each put every item
 * in one of several categories, corrected for the agreement their category shares would give
 * by chance. 1 = always unanimous, 0 = chance, < 0 = worse than chance. Here the raters are
 * repeated LLM-judge samples and the items are held-out members.
 *
 * `ratings[i]` lists the categories the raters gave item i (every item the same number of raters).
 */
export function fleissKappa(ratings: readonly (readonly (string | number)[])[]): number {
  const items = ratings.filter((r) => r.length > 0);
  if (items.length === 0) return NaN;
  const raters = items[0].length;
  if (raters < 2) throw new RangeError('fleissKappa: needs at least 2 ratings per item');
  if (items.some((r) => r.length !== raters)) throw new RangeError('fleissKappa: every item needs the same number of ratings');
  const totals = new Map<string | number, number>();
  let observed = 0;
  for (const r of items) {
    const counts = new Map<string | number, number>();
    for (const c of r) counts.set(c, (counts.get(c) ?? 0) + 1);
    let agree = 0;
    for (const [c, n] of counts) {
      agree += n * (n - 1);
      totals.set(c, (totals.get(c) ?? 0) + n);
    }
    observed += agree / (raters * (raters - 1));
  }
  observed /= items.length;
  let chance = 0;
  for (const n of totals.values()) chance += (n / (items.length * raters)) ** 2;
  // Everyone always chose the same single category: perfect agreement, kappa undefined → 1.
  if (chance >= 1) return 1;
  return (observed - chance) / (1 - chance);
}
