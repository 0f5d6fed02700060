import type { SegmentProfile } from '../model/profile.js';
import type { Channel } from '../model/texts.js';
import { leading, offerKindOf, segmentTraits } from '../write/traits.js';
import type { OfferKind } from '../write/vocabulary.js';

const OFFER_KPIS: Record<OfferKind, string> = {
  winback: 'Win-back redemption rate',
  discount: 'Incremental revenue vs a hold-out group (is the discount paying for itself?)',
  vip: 'Early-access conversion rate',
  welcome: 'Second-purchase rate within the welcome window',
  loyalty: 'Loyalty points redemption rate',
  service: 'Satisfaction after contact',
  referral: 'Referrals sent and converted',
  picks: 'Click-through on recommended items',
};

const CHANNEL_KPIS: Record<Channel, string> = {
  email: 'Email open and click-through rates',
  sms: 'SMS click-through and opt-out rates',
  push: 'Push open rate',
  ad: 'Ad click-through rate and cost per acquisition',
};

/**
 * KPIs to watch for a segment, chosen by its traits (lapsed → reactivation, deal hunters →
 * redemption and margin, big spenders → order value…), its offer and its channels, with the
 * unsubscribe rate always last as the guardrail.
 */
export function kpisFor(profile: SegmentProfile, all: SegmentProfile[], channels: Channel[] = []): string[] {
  const traits = segmentTraits(profile, all);
  const out: string[] = [];
  out.push(OFFER_KPIS[offerKindOf(traits).kind]);
  for (const t of leading(traits)) out.push(...t.phrase.kpis);
  for (const c of channels.slice(0, 2)) out.push(CHANNEL_KPIS[c]);
  const unique = [...new Set(out)].slice(0, 6);
  unique.push('Unsubscribe and spam-complaint rates (guardrail)');
  return unique;
}
