/**
 * How describe-member.ts writes a member's values. The evals' own, on purpose: the judge reads
 * the writers' texts, and a member written with the writers' formatting (src/write/format.ts)
 * would let a judge succeed by matching the writers' conventions rather than the data.
 * Nothing here is parsed back; it only has to read plainly.
 */

const SHARE_LIKE = /rate|share|ratio|percent|pct|propensity|probability/i;

/** A 0..1 share in whole percent (one decimal under 1 %): 58% · 0.4%. */
export function memberPercent(share: number): string {
  if (!Number.isFinite(share)) return 'unknown';
  const p = share * 100;
  return `${p !== 0 && Math.abs(p) < 1 ? p.toFixed(1) : Math.round(p)}%`;
}

/** A member's value of a numeric column: a percentage for a 0..1 rate column, else a plain number. */
export function memberValue(column: string, v: number, populationMean: number): string {
  if (!Number.isFinite(v)) return 'unknown';
  if (SHARE_LIKE.test(column) && Math.abs(v) <= 1 && Math.abs(populationMean) <= 1) return memberPercent(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 1 || v === 0) return v.toFixed(2);
  return String(Number(v.toPrecision(2)));
}
