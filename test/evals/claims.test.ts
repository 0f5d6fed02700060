import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../evals/claims.js';

const vocab = {
  numeric: ['age', 'orders_12m', 'total_spend', 'days_since_last_order', 'discount_rate', 'return_rate', 'newsletter'],
  levels: [
    { column: 'favourite_category', level: 'Electronics' },
    { column: 'favourite_category', level: 'Fashion' },
    { column: 'preferred_channel', level: 'sms' },
  ],
};
const keys = (text: string, traitWords = true) => extractClaims(text, vocab, { traitWords }).map((c) => c.key).sort();

describe('extractClaims', () => {
  it('reads the writers’ trait words', () => {
    expect(keys('Lapsed Big Spenders')).toEqual(['recency:high', 'spend:high']);
    expect(keys('Young Deal Hunters')).toEqual(['age:low', 'discount:high']);
  });

  it('reads a feature cited with a lift or a comparison, in the direction of the numbers', () => {
    expect(keys('days_since_last_order averages 273.87 vs 68.06 for everyone (4.0×)')).toEqual(['recency:high']);
    expect(keys('age averages 26.00 vs 35.95 for everyone (0.7×)')).toEqual(['age:low']);
    expect(keys('customers who spend 2.1× the average')).toEqual(['spend:high']);
    expect(keys('fewer orders than anyone')).toEqual(['frequency:low']);
  });

  it('reads category levels, and a lift under 1 as leaning away', () => {
    expect(keys('Fashion Serial Returners')).toEqual(['favourite_category=Fashion:high', 'returns:high']);
    expect(keys('preferred_channel = sms for 5% vs 9% of everyone (0.6×)')).toEqual(['preferred_channel=sms:low']);
  });

  it('does not read quoted customer words, RFM tier mixes or features the data lacks as claims', () => {
    expect(keys('"coupon" in 30% of their review texts; 41% are RFM At risk')).toEqual([]);
    expect(extractClaims('Mobile-First Gamers', { numeric: ['age'], levels: [] })).toEqual([]);
  });

  it('reads only explicit claims when trait words are off (copy says "deal" as an offer)', () => {
    expect(keys('A deal for our members: come back for more', false)).toEqual([]);
    expect(keys('Your total_spend is 2.0× the average', false)).toEqual(['spend:high']);
  });
});
