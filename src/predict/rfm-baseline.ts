import { midRanks } from './rank.js';
import type { Histories } from './read-orders.js';

/**
 * The honest baseline: the RFM score marketers already use, R + F + M as percentile ranks
 * (recency reversed: recent is good). Percentile ranks rather than the usual quintile scores
 * so the baseline is not handicapped by ties; one score ranks customers for future purchases,
 * future spend and (reversed) churn, as an RFM score is used in practice.
 */
export function rfmScores(h: Histories): Float64Array {
  const n = h.ids.length;
  const recency = new Float64Array(n);
  const monetary = new Float64Array(n);
  let hasMoney = false;
  for (let i = 0; i < n; i++) {
    recency[i] = -(h.T[i] - h.tx[i]); // days since the last order, negated: higher is better
    monetary[i] = h.meanValue[i] * h.orders[i];
    if (Number.isFinite(monetary[i])) hasMoney = true;
  }
  const r = midRanks(recency);
  const f = midRanks(h.orders);
  const m = hasMoney ? midRanks(monetary.map((v) => (Number.isFinite(v) ? v : 0))) : undefined;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (r[i] + f[i] + (m ? m[i] : 0)) / n;
  return out;
}
