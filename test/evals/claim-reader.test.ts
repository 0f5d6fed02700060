import { describe, expect, it } from 'vitest';
import { readClaims } from '../../evals/checks/claim-reader.js';

const vocab = {
  numeric: ['age', 'orders_12m', 'total_spend', 'days_since_last_order', 'discount_rate', 'return_rate', 'newsletter'],
  levels: [
    { column: 'favourite_category', level: 'Electronics' },
    { column: 'favourite_category', level: 'Fashion' },
    { column: 'preferred_channel', level: 'sms' },
  ],
};
const keys = (text: string, traitWords = true) => readClaims(text, vocab, { traitWords }).map((c) => c.key).sort();

describe('readClaims (the evals’ own trait vocabulary)', () => {
  it('reads trait words that name no column', () => {
    expect(keys('Lapsed Big Spenders')).toEqual(['recency:high', 'spend:high']);
    expect(keys('Young Deal Hunters')).toEqual(['age:low', 'discount:high']);
    expect(keys('Full-Price Big Spenders')).toEqual(['discount:low', 'spend:high']);
    expect(keys('Occasional Lapsed Customers')).toEqual(['frequency:low', 'recency:high']);
  });

  it('reads a feature cited with a ratio or a comparison, in the direction of the numbers', () => {
    expect(keys('days_since_last_order averages 273.87 vs 68.06 for everyone (4.0×)')).toEqual(['recency:high']);
    expect(keys('Days since last order: 15 days on average vs 65 days for everyone (0.2×)')).toEqual(['recency:low']);
    expect(keys('age averages 26.00 vs 35.95 for everyone (0.7×)')).toEqual(['age:low']);
    expect(keys('customers who spend 2.1× the average')).toEqual(['spend:high']);
    expect(keys('fewer orders than anyone')).toEqual(['frequency:low']);
    expect(keys('Orders in the last year: 25.18 on average vs 10.85 for everyone (2.3×)')).toEqual(['frequency:high']);
    expect(keys('Total spend: 595.17 on average vs 1,623 for everyone')).toEqual(['spend:low']);
  });

  it('reads a middle claim beside a mention, hyphenated or not, and "above average" as high', () => {
    const mall = { numeric: ['Annual Income (k$)', 'Spending Score (1-100)', 'Age'], levels: [] };
    const mk = (text: string) => readClaims(text, mall).map((c) => c.key).sort();
    expect(mk('Mid-Income Moderate Spenders')).toEqual(['income:middle', 'spend:middle']);
    expect(mk('Mid-Income Big Spenders')).toEqual(['income:middle', 'spend:high']);
    expect(mk('Low-Income Budget Shoppers')).toEqual(['income:low', 'spend:low']);
    expect(mk('Above average spenders')).toEqual(['spend:high']);
    expect(mk('Typical spending, middle income')).toEqual(['income:middle', 'spend:middle']);
    expect(readClaims('消费金额中等', { numeric: ['消费金额'], levels: [] }).map((c) => c.key)).toEqual(['spend:middle']);
  });

  it('reads "Affluent" as income where the table has income, as spend where it has only spend', () => {
    expect(readClaims('Affluent Budget Shoppers', { numeric: ['Annual Income (k$)', 'Spending Score (1-100)'], levels: [] }).map((c) => c.key).sort()).toEqual(['income:high', 'spend:low']);
    expect(keys('Affluent Shoppers')).toEqual(['spend:high']);
  });

  it('reads category levels, and a ratio under 1 as leaning away', () => {
    expect(keys('Fashion Serial Returners')).toEqual(['favourite_category=Fashion:high', 'returns:high']);
    expect(keys('preferred_channel = sms for 5% vs 9% of everyone (0.6×)')).toEqual(['preferred_channel=sms:low']);
  });

  it('reads Chinese trait words and levels inside a run of characters', () => {
    const zh = { numeric: ['return_rate', 'days_since_last_order'], levels: [{ column: 'category', level: '零食饮料' }] };
    expect(readClaims('零食饮料高退货客群', zh).map((c) => c.key).sort()).toEqual(['category=零食饮料:high', 'returns:high']);
    expect(readClaims('沉睡客户', zh).map((c) => c.key)).toEqual(['recency:high']);
    expect(readClaims('近期活跃客户', zh).map((c) => c.key)).toEqual(['recency:low']);
    const orders = { numeric: ['orders_12m'], levels: [] };
    expect(readClaims('他们常买', orders).map((c) => c.key)).toEqual(['frequency:high']);
    expect(readClaims('不少人以前常买', orders)).toEqual([]);
  });

  it('does not read quoted customer words, RFM tier names or features the data lacks as claims', () => {
    expect(keys('"coupon" in 30% of their review texts; 41% are RFM At risk')).toEqual([]);
    expect(readClaims('Mobile-First Gamers', { numeric: ['age'], levels: [] })).toEqual([]);
  });

  it('reads only explicit claims when trait words are off (copy says "deal" as an offer)', () => {
    expect(keys('A deal for our members: come back for more', false)).toEqual([]);
    expect(keys('Your total_spend is 2.0× the average', false)).toEqual(['spend:high']);
  });
});
