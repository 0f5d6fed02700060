import type { CategoryFact, NumericFact, RfmTier, SegmentProfile, TermFact } from '../../src/model/profile.js';
import { createRng, gaussian } from '../../src/util/random.js';

const NUMERIC: { feature: string; kind: 'numeric' | 'boolean'; mean: number; sd: number }[] = [
  { feature: 'total_spend', kind: 'numeric', mean: 450, sd: 300 },
  { feature: 'recency_days', kind: 'numeric', mean: 60, sd: 50 },
  { feature: 'orders', kind: 'numeric', mean: 6, sd: 4 },
  { feature: 'discount_rate', kind: 'numeric', mean: 0.25, sd: 0.15 },
  { feature: 'age', kind: 'numeric', mean: 40, sd: 12 },
  { feature: 'tenure_months', kind: 'numeric', mean: 24, sd: 18 },
  { feature: 'return_rate', kind: 'numeric', mean: 0.08, sd: 0.06 },
  { feature: 'email_open_rate', kind: 'numeric', mean: 0.3, sd: 0.15 },
  { feature: 'is_member', kind: 'boolean', mean: 0.4, sd: 0.49 },
  { feature: 'support_tickets', kind: 'numeric', mean: 1.2, sd: 1.5 },
  { feature: 'page_views_30d', kind: 'numeric', mean: 35, sd: 25 },
  { feature: 'avg_session_minutes', kind: 'numeric', mean: 7, sd: 4 },
  { feature: 'nps_score', kind: 'numeric', mean: 7, sd: 2 },
  { feature: 'lifetime_value', kind: 'numeric', mean: 1800, sd: 1500 },
];
const CATEGORIES: { column: string; levels: string[] }[] = [
  { column: 'favourite_category', levels: ['electronics', 'fashion', 'home', 'beauty', 'garden', 'sports', 'toys', 'books'] },
  { column: 'preferred_channel', levels: ['email', 'sms', 'push', 'social'] },
  { column: 'region', levels: ['North', 'South', 'East', 'West', 'Central'] },
  { column: 'device', levels: ['ios', 'android', 'desktop'] },
  { column: 'age_band', levels: ['18-24', '25-34', '35-44', '45+'] },
];
const TERMS = ['fast delivery', 'great price', 'sizing', 'customer service', 'battery', 'gift', 'eco friendly', 'discount code', 'late', 'quality'];
const TIERS: RfmTier[] = ['Champions', 'Loyal', 'Potential', 'New', 'At risk', 'Hibernating'];

/**
 * k random but internally consistent profiles (each a random subset of features, means
 * drawn around the population, lifts and z computed from them), for property tests.
 */
export function randomProfiles(k: number, seed: number): SegmentProfile[] {
  const rng = createRng(seed);
  const sizes = Array.from({ length: k }, () => 50 + Math.floor(rng() * 5000));
  const total = sizes.reduce((a, b) => a + b, 0);
  const features = NUMERIC.filter(() => rng() < 0.7);
  if (features.length === 0) features.push(NUMERIC[0]);
  const cats = CATEGORIES.filter(() => rng() < 0.6);
  return sizes.map((size, s) => {
    const numeric: NumericFact[] = features.map((f) => {
      const z = gaussian(rng) * 1.2;
      let mean = f.mean + z * f.sd;
      if (f.kind === 'boolean') mean = Math.min(1, Math.max(0, mean));
      else if (f.feature.endsWith('rate')) mean = Math.min(1, Math.max(0, mean));
      else mean = Math.max(0, mean);
      return { feature: f.feature, kind: f.kind, mean, median: mean * (0.9 + 0.2 * rng()), overallMean: f.mean, lift: mean / f.mean, z: (mean - f.mean) / f.sd };
    });
    numeric.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
    const categories: CategoryFact[] = cats.flatMap((c) => {
      const level = c.levels[Math.floor(rng() * c.levels.length)];
      const overallShare = 1 / c.levels.length;
      const share = Math.min(1, overallShare * (0.5 + 3 * rng()));
      return [{ column: c.column, level, share, overallShare, lift: share / overallShare }];
    });
    const terms: TermFact[] = TERMS.filter(() => rng() < 0.3).map((term) => ({ column: 'review', term, score: rng() * 0.3, share: 0.05 + rng() * 0.5 }));
    const rfm: Partial<Record<RfmTier, number>> = {};
    if (features.some((f) => f.feature === 'recency_days')) {
      const w = TIERS.map(() => rng() ** 2);
      const sum = w.reduce((a, b) => a + b, 0);
      TIERS.forEach((t, i) => (rfm[t] = w[i] / sum));
    }
    return {
      id: s + 1, size, share: size / total, small: false, stability: 0.5 + rng() / 2,
      numeric, categories, terms, rfm, representatives: [],
    };
  });
}
