import type { CategoryFact, NumericFact, RfmTier, SegmentProfile, TermFact } from '../model/profile.js';

/**
 * The one way numbers from a profile are written, everywhere texts cite them (summaries,
 * persona evidence, briefs). checkGrounding reads numbers back with the same conventions:
 * plain values, percentages of 0..1 shares, and lifts suffixed with "×".
 */

/** 1,234 · 412.50 · 0.034 — thousands rounded, otherwise two decimals (two significant under 1). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 1 || a < 0.001) return a === 0 || a >= 1 ? v.toFixed(2) : '0.00';
  return String(Number(v.toPrecision(2)));
}

/** A whole count: 1,234. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A 0..1 share as a percentage: 34% · 0.4% (one decimal under 1%). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'n/a';
  const p = share * 100;
  if (p === 0 || Math.abs(p) >= 1) return `${Math.round(p)}%`;
  return `${p.toFixed(1)}%`;
}

/** A lift: 2.1× (two decimals under 0.1, so "0.0×" never hides a real difference). */
export function formatLift(lift: number): string {
  if (!Number.isFinite(lift)) return 'n/a';
  return `${Math.abs(lift) < 0.1 ? lift.toFixed(2) : lift.toFixed(1)}×`;
}

// Rates and shares stored as 0..1 read better as percentages ("email_open_rate 34%").
const RATE_NAME = /rate|share|ratio|pct|percent|propensity|probability|prob\b/i;

/** Whether a numeric feature's values are shown as percentages. */
export function isPercentFeature(f: Pick<NumericFact, 'feature' | 'kind' | 'mean' | 'overallMean'>): boolean {
  if (f.kind === 'boolean') return true;
  return RATE_NAME.test(f.feature) && Math.abs(f.mean) <= 1 && Math.abs(f.overallMean) <= 1;
}

/** A value of a numeric feature in its display form (a percentage for rates and flags). */
export function formatFeatureValue(f: Pick<NumericFact, 'feature' | 'kind' | 'mean' | 'overallMean'>, v: number, currency?: string): string {
  if (isPercentFeature(f)) return formatPercent(v);
  const num = formatNumber(v);
  if (!currency || !MONEY_NAME.test(f.feature)) return num;
  return /^[A-Za-z]{3}$/.test(currency) ? `${num} ${currency.toUpperCase()}` : `${currency}${num}`;
}

const MONEY_NAME = /spend|revenue|monetary|value|amount|price|ltv|clv|aov|sales/i;

/** "total_spend averages 412.50 vs 196.40 for everyone (2.1×)" · "is_member: 62% vs 30% of everyone (2.1×)". */
export function describeNumeric(f: NumericFact, currency?: string): string {
  const v = formatFeatureValue(f, f.mean, currency);
  const all = formatFeatureValue(f, f.overallMean, currency);
  if (f.kind === 'boolean') return `${f.feature}: ${v} vs ${all} of everyone (${formatLift(f.lift)})`;
  return `${f.feature} averages ${v} vs ${all} for everyone (${formatLift(f.lift)})`;
}

/** "channel = email for 34% vs 19% of everyone (1.8×)". */
export function describeCategory(c: CategoryFact): string {
  return `${c.column} = ${c.level} for ${formatPercent(c.share)} vs ${formatPercent(c.overallShare)} of everyone (${formatLift(c.lift)})`;
}

/** '"fast delivery" in 22% of their review texts'. */
export function describeTerm(t: TermFact): string {
  return `"${t.term}" in ${formatPercent(t.share)} of their ${t.column} texts`;
}

/** "41% are RFM Champions". */
export function describeTier(tier: RfmTier, share: number): string {
  return `${formatPercent(share)} are RFM ${tier}`;
}

/** "1,234 customers, 12% of everyone". */
export function describeSize(p: Pick<SegmentProfile, 'size' | 'share'>): string {
  return `${formatCount(p.size)} customers, ${formatPercent(p.share)} of everyone`;
}

/** A feature or level name cut to fit a short text (names come from user headers). */
export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
