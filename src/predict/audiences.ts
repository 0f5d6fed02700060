import { CHURN_RISK_P_ALIVE } from './run-store.js';
import type { CustomerPrediction } from '../model/predict.js';

/**
 * Predictive audiences: who to reach, chosen by the models rather than by segment. Each rule
 * is stated in its description, which export prints; membership ties are broken by id so the
 * same predictions always give the same audience.
 */
export const AUDIENCES = {
  'top-value': 'top 10% by predicted lifetime value',
  'at-risk-value': `high value at risk: the top 20% by past spend with P(still active) under ${CHURN_RISK_P_ALIVE * 100}%`,
  'ready-to-buy': 'ready to buy: P(an order within 30 days) of 50% or more',
} as const;

export type AudienceKind = keyof typeof AUDIENCES;
export const AUDIENCE_KINDS = Object.keys(AUDIENCES) as AudienceKind[];
/** The audience's display name (as a segment name is shown). */
export const AUDIENCE_NAMES: Record<AudienceKind, string> = { 'top-value': 'Top 10% value', 'at-risk-value': 'At risk among high value', 'ready-to-buy': 'Ready to buy' };

function topShare(customers: CustomerPrediction[], key: (c: CustomerPrediction) => number, share: number): CustomerPrediction[] {
  const usable = customers.filter((c) => Number.isFinite(key(c)));
  const sorted = usable.sort((a, b) => key(b) - key(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.slice(0, Math.round(customers.length * share));
}

/** The members of one audience, or why it cannot be made from these predictions. */
export function selectAudience(kind: AudienceKind, customers: CustomerPrediction[]): { ids: string[]; note?: string } {
  const spend = customers.some((c) => Number.isFinite(c.clv));
  if ((kind === 'top-value' || kind === 'at-risk-value') && !spend) return { ids: [], note: 'the event log has no amounts, so there is no value to rank by' };
  if (kind === 'top-value') return { ids: topShare(customers, (c) => c.clv, 0.1).map((c) => c.id) };
  if (kind === 'at-risk-value') {
    return { ids: topShare(customers, (c) => c.pastSpend, 0.2).filter((c) => c.pAlive < CHURN_RISK_P_ALIVE).map((c) => c.id).sort() };
  }
  return { ids: customers.filter((c) => c.pBuy30 >= 0.5).map((c) => c.id).sort() };
}
