/**
 * Cohen's kappa (Cohen 1960): agreement of two labelings of the same items corrected for the
 * agreement their label shares would give by chance — (p_o − p_e) / (1 − p_e). Next to
 * held-out accuracy because accuracy alone flatters few segments: at k = 2, 0.5 is chance.
 * 1 = perfect, 0 = chance, < 0 = worse. NaN with no items; 1 when both use one label only.
 */
export function cohenKappa(truth: readonly number[], assigned: readonly (number | undefined)[]): number {
  const n = truth.length;
  if (n === 0) return NaN;
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const x = truth[i];
    const y = assigned[i] ?? -1;
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [label, count] of a) pe += (count / n) * ((b.get(label) ?? 0) / n);
  const po = agree / n;
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}
