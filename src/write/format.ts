import { formatCount as formatCountIn, formatDecimal, formatPercent as formatPercentIn } from '../util/format.js';
import type { CategoryFact, NumericFact, RfmTier, SegmentProfile, TermFact } from '../model/profile.js';
import type { PredictedTraits } from '../model/predict.js';
import type { FeatureLabels, FeatureUnit } from '../model/texts.js';
import { capitalLabel, labelFor } from './labels.js';

/**
 * The one way numbers from a profile are written, everywhere texts cite them (summaries,
 * persona evidence, briefs). checkGrounding reads numbers back with the same conventions:
 * plain values, percentages of 0..1 shares, and lifts suffixed with "×".
 */

/** 1,234 · 412.50 · 0.034 — thousands rounded, otherwise two decimals (two significant under 1); grouping per language. */
export function formatNumber(v: number, lang = 'en'): string {
  if (!Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  if (a >= 1000) return formatCountIn(v, lang);
  if (a >= 1 || a < 0.001) return a === 0 || a >= 1 ? formatDecimal(v, 2, lang) : formatDecimal(0, 2, lang);
  return String(Number(v.toPrecision(2)));
}

/** A whole count: 1,234. */
export function formatCount(n: number, lang = 'en'): string {
  return formatCountIn(n, lang);
}

/** A 0..1 share as a percentage: 34% · 0.4% (one decimal under 1%). */
export function formatPercent(share: number, lang = 'en'): string {
  if (!Number.isFinite(share)) return 'n/a';
  const p = share * 100;
  return formatPercentIn(share, lang, p === 0 || Math.abs(p) >= 1 ? 0 : 1);
}

/** A lift: 2.1× (two decimals under 0.1, so "0.0×" never hides a real difference). */
export function formatLift(lift: number): string {
  if (!Number.isFinite(lift)) return 'n/a';
  return `${Math.abs(lift) < 0.1 ? lift.toFixed(2) : lift.toFixed(1)}×`;
}

// Rates and shares stored as 0..1 read better as percentages ("email_open_rate 34%").
const RATE_NAME = /rate|share|ratio|pct|percent|propensity|probability|prob\b/i;

/** Whether a numeric feature's values are shown as percentages. */
export function isPercentFeature(f: Pick<NumericFact, 'feature' | 'kind' | 'mean' | 'overallMean'>, unit?: FeatureUnit): boolean {
  if (f.kind === 'boolean') return true;
  return (unit === 'rate' || RATE_NAME.test(f.feature)) && Math.abs(f.mean) <= 1 && Math.abs(f.overallMean) <= 1;
}

/**
 * A value of a numeric feature in its display form (a percentage for rates and flags, whole
 * days), with the number grouping and the unit words of `lang`: "269 days" · "269天"; money
 * with an ISO code "412.50 EUR" · "412.50 EUR", yuan as "¥412.50" in Chinese.
 */
export function formatFeatureValue(f: Pick<NumericFact, 'feature' | 'kind' | 'mean' | 'overallMean'>, v: number, currency?: string, unit?: FeatureUnit, lang = 'en'): string {
  const zh = lang === 'zh';
  if (isPercentFeature(f, unit)) return formatPercent(v, lang);
  // Days read as whole days ("269 days"); the grounding check accepts the rounding.
  if (unit === 'days' && Math.abs(v) >= 1) return zh ? `${formatCount(v, lang)}天` : `${formatCount(v, lang)} days`;
  const num = formatNumber(v, lang);
  if (!currency || !(unit ? unit === 'money' : MONEY_NAME.test(f.feature))) return num;
  if (zh && /^(cny|rmb|¥|￥|元)$/i.test(currency)) return `¥${num}`;
  return /^[A-Za-z]{3}$/.test(currency) ? `${num} ${currency.toUpperCase()}` : `${currency}${num}`;
}

const MONEY_NAME = /spend|revenue|monetary|value|amount|price|ltv|clv|aov|sales/i;

/**
 * "Total spend: 412.50 on average vs 196.40 for everyone (2.1×)" · "Member: 62% vs 30% of everyone (2.1×)".
 * With `labels` (the Run's) the feature is named in plain words; without, as the column is
 * named (the LLM payload keeps column names so a model can tell features apart).
 */
export function describeNumeric(f: NumericFact, currency?: string, labels?: FeatureLabels): string {
  const unit = labels?.[f.feature]?.unit;
  const v = formatFeatureValue(f, f.mean, currency, unit);
  const all = formatFeatureValue(f, f.overallMean, currency, unit);
  const name = labels ? capitalLabel(labels, f.feature) : f.feature;
  if (f.kind === 'boolean') return `${name}: ${v} vs ${all} of everyone (${formatLift(f.lift)})`;
  // The payload sent to an LLM keeps its established form; labelled text reads as a sentence.
  if (!labels) return `${name} averages ${v} vs ${all} for everyone (${formatLift(f.lift)})`;
  return `${name}: ${v} on average vs ${all} for everyone (${formatLift(f.lift)})`;
}

/**
 * "Annual income: 55.00 on average, close to everyone's 54.83" — a segment in the middle of a
 * feature, said without a lift or a "vs", which would read as a claim of a direction.
 */
export function describeMiddle(f: NumericFact, currency?: string, labels?: FeatureLabels): string {
  const unit = labels?.[f.feature]?.unit;
  const name = labels ? capitalLabel(labels, f.feature) : f.feature;
  return `${name}: ${formatFeatureValue(f, f.mean, currency, unit)} on average, close to everyone's ${formatFeatureValue(f, f.overallMean, currency, unit)}`;
}

/** "Preferred channel is email for 34% vs 19% of everyone (1.8×)" (column = level without labels). */
export function describeCategory(c: CategoryFact, labels?: FeatureLabels): string {
  const head = labels ? `${capitalLabel(labels, c.column)} is ${c.level}` : `${c.column} = ${c.level}`;
  return `${head} for ${formatPercent(c.share)} vs ${formatPercent(c.overallShare)} of everyone (${formatLift(c.lift)})`;
}

/** '"fast delivery" in 22% of their review texts'. */
export function describeTerm(t: TermFact, labels?: FeatureLabels): string {
  return `"${t.term}" in ${formatPercent(t.share)} of their ${labels ? labelFor(labels, t.column) : t.column} texts`;
}

// What each RFM tier means, in words a marketer uses.
const TIER_WORDS: Record<RfmTier, string> = {
  Champions: 'are top customers by recency, frequency and spend',
  Loyal: 'are loyal, steady buyers',
  Potential: 'are promising, growing buyers',
  New: 'are new customers',
  'At risk': 'are at risk of lapsing',
  Hibernating: 'have gone quiet',
};

/** "41% are RFM Champions" · with plain words: "41% are top customers by recency, frequency and spend". */
export function describeTier(tier: RfmTier, share: number, plain = false): string {
  return plain ? `${formatPercent(share)} ${TIER_WORDS[tier]} (RFM ${tier})` : `${formatPercent(share)} are RFM ${tier}`;
}

/** "1,234 customers, 12% of everyone". */
export function describeSize(p: Pick<SegmentProfile, 'size' | 'share'>): string {
  return `${formatCount(p.size)} customers, ${formatPercent(p.share)} of everyone`;
}

/** A feature or level name cut to fit a short text (names come from user headers). */
export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A segment's predicted traits (BG/NBD + Gamma-Gamma, from `segmenta predict`), each against
 * everyone: "likely to buy again within 30 days: 62% (everyone 40%)". Value is left out when
 * the event log had no amounts.
 */
export function describePredicted(p: PredictedTraits, currency?: string): { buy: string; churn: string; value?: string } {
  const money = (v: number) => `${currency ?? ''}${formatNumber(v)}`;
  return {
    buy: `likely to buy again within 30 days: ${formatPercent(p.buy30)} (everyone ${formatPercent(p.overall.buy30)})`,
    churn: `at risk of churning: ${formatPercent(p.churnRisk)} (everyone ${formatPercent(p.overall.churnRisk)})`,
    value: p.clv !== null && p.overall.clv !== null ? `predicted value over ${formatCount(p.clvDays)} days: ${money(p.clv)} per customer (everyone ${money(p.overall.clv)})` : undefined,
  };
}
