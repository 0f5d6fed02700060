import type { SegmentProfile } from '../model/profile.js';
import type { Domain } from './phrases/index.js';

// Column names that say what business the data comes from. B2B first: a B2B file usually
// has plans and renewals too, a subscription file rarely has companies and seats.
const B2B = /company|compan(y|ies)_|account_(size|tier|manager)|seats|industry|employees|headcount|firm|business|organi[sz]ation|arr\b|contract|licen[cs]e/i;
const SUBSCRIPTION = /plan\b|plan_|subscri(ption|ber)_?(tier|type|plan|months|status)|renewal|renew|churn|mrr|billing|trial|monthly_fee|cancel|seat|months_subscribed|tenure_months/i;

/**
 * Retail, subscription or B2B, from the columns the profiles describe: copy for a B2B file
 * talks about accounts and renewals, not baskets and returns.
 */
export function domainOf(profiles: SegmentProfile[]): Domain {
  const names = new Set<string>();
  for (const p of profiles) {
    for (const f of p.numeric) names.add(f.feature);
    for (const c of p.categories) names.add(c.column);
  }
  const all = [...names];
  if (all.filter((n) => B2B.test(n)).length >= 1 && all.some((n) => B2B.test(n) || SUBSCRIPTION.test(n))) return 'b2b';
  if (all.some((n) => SUBSCRIPTION.test(n))) return 'subscription';
  return 'retail';
}
