import { describe, expect, it } from 'vitest';
import { citedNumbers } from '../../evals/checks/numbers.js';
import { numberPool, ungroundedNumbers } from '../../evals/checks/profile-numbers.js';
import { channelOverruns, columns, smsCount } from '../../evals/checks/channel-limits.js';
import { asksToAct, copyProblems, hasLink, hasOptOut } from '../../evals/checks/copy-rules.js';
import { createPiiFinder } from '../../evals/checks/pii.js';
import { nameShapeProblems, sameName } from '../../evals/checks/name-shape.js';
import { nameClaimProblems } from '../../evals/checks/name-claims.js';
import type { SegmentProfile } from '../../src/model/profile.js';

/**
 * The evals' own checks (evals/checks/, issue 14: apart from the writer's), on the inputs that
 * trip a parser or a counter: thousands separators, European decimals, GSM-7 extension
 * characters, the 70-unit UCS-2 SMS, Chinese text, PII in forms a scrubber may miss.
 */
const read = (text: string) => citedNumbers(text).map((n) => [n.value, n.kind, n.slack]);

describe('citedNumbers', () => {
  it('reads thousands separators, European decimals, percentages, units and ratios', () => {
    expect(read('1,623 customers')).toEqual([[1623, 'plain', 0.5]]);
    expect(read('595.17 vs 1,623.40')).toEqual([
      [595.17, 'plain', 0.005],
      [1623.4, 'plain', 0.005],
    ]);
    expect(read('Umsatz 1.234,50 €')).toEqual([[1234.5, 'plain', 0.005]]);
    expect(read('Rabatt 12,5 %')).toEqual([[12.5, 'percent', 0.05]]);
    expect(read('1.234.567 Kunden')).toEqual([[1234567, 'plain', 0.5]]);
    expect(read('38% of them, 6 days ago')).toEqual([
      [38, 'percent', 0.5],
      [6, 'plain', 0.5],
    ]);
    expect(read('worth €1.2k each')).toEqual([[1200, 'plain', 50]]);
    expect(read('spend 2.1× or 0.4x the average')).toEqual([
      [2.1, 'ratio', 0.05],
      [0.4, 'ratio', 0.05],
    ]);
    expect(read('about 1,200 people')).toEqual([[1200, 'plain', 50]]);
    expect(read('1 623 Kunden')).toEqual([[1623, 'plain', 0.5]]);
  });

  it('reads Arabic digits inside Chinese text', () => {
    expect(read('平均消费412.50元，高出2.1倍，占38%')).toEqual([
      [412.5, 'plain', 0.005],
      [2.1, 'ratio', 0.05],
      [38, 'percent', 0.5],
    ]);
  });

  it('leaves digits that are part of a word, and reads a range as two numbers', () => {
    expect(read('orders_12m, v2 and the 3rd')).toEqual([]);
    expect(read('ages 18–24')).toEqual([
      [18, 'plain', 0.5],
      [24, 'plain', 0.5],
    ]);
  });
});

const profile: SegmentProfile = {
  id: 1,
  size: 683,
  share: 0.2276,
  small: false,
  stability: 0.98,
  numeric: [
    { feature: 'discount_rate', kind: 'numeric', mean: 0.38, median: 0.37, overallMean: 0.2, lift: 1.9, z: 1.2 },
    { feature: 'total_spend', kind: 'numeric', mean: 595.17, median: 540, overallMean: 1623.4, lift: 0.3666, z: -0.8 },
  ],
  categories: [
    { column: 'preferred_channel', level: 'sms', share: 0.32, overallShare: 0.1, lift: 3.2 },
    { column: 'age_band', level: '25-34', share: 0.4, overallShare: 0.3, lift: 1.33 },
    { column: 'favourite_category', level: 'Home', share: 0.3, overallShare: 0.2, lift: 1.5 },
  ],
  terms: [],
  rfm: { Champions: 0.05 },
  representatives: [{ traits: { total_spend: 9876.54 } }],
};

describe('ungroundedNumbers', () => {
  const pool = numberPool(profile);
  const bad = (text: string) => ungroundedNumbers(text, pool).map((n) => n.raw);
  it('accepts the profile’s numbers in any of the forms a writer may use', () => {
    expect(bad('683 customers (23%); discount rate 38% vs 20% (1.9×)')).toEqual([]);
    expect(bad('Total spend: 595.17 on average vs 1,623 for everyone (0.37×)')).toEqual([]);
    expect(bad('Gesamtumsatz 595,17 gegenüber 1.623,40')).toEqual([]);
    expect(bad('683 of 3,001 customers')).toEqual([]); // size / share
    expect(bad('sms for 32% vs 10% of everyone (3.2×); the 25-34 band')).toEqual([]);
    expect(bad('平均折扣率38%，整体为20%（1.9倍）')).toEqual([]);
  });

  it('flags a number of no fact, a member’s own value, and a ratio that is no lift', () => {
    expect(bad('Average basket of 9,876.54 per order')).toEqual(['9,876.54']);
    expect(bad('spend 4.2× the average')).toEqual(['4.2×']);
    expect(bad('55% prefer SMS')).toEqual(['55%']);
  });

  it('reads a quoted label that names a column as a name, and still flags a number beside it', () => {
    expect(bad('「近12个月折扣率（discount_rate）」平均38%，整体为20%（1.9倍）')).toEqual([]);
    expect(bad('"Discount in 12 months (discount_rate)": 38% vs 20%')).toEqual([]);
    // The label's digits are excused only inside the quote that names the column.
    expect(bad('「近12个月折扣率（discount_rate）」平均38%，12个月内翻倍')).toEqual(['12']);
    // A quote that names no column is read like the rest of the text.
    expect(bad('“买了12次”')).toEqual(['12']);
  });

  it('lets the copy repeat the offer’s numbers', () => {
    expect(ungroundedNumbers('Take 15% off today', pool, [15])).toEqual([]);
    expect(ungroundedNumbers('Take 15% off today', pool).map((n) => n.raw)).toEqual(['15%']);
  });
});

describe('channel limits, counted as carriers and mail clients count', () => {
  it('an SMS of GSM-7 characters fits 160 septets; € and { count 2', () => {
    expect(smsCount('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, limit: 160 });
    expect(smsCount('a'.repeat(159) + '€')).toMatchObject({ encoding: 'GSM-7', units: 161 });
    expect(smsCount('{x}')).toMatchObject({ units: 5 });
    expect(channelOverruns({ sms: 'a'.repeat(158) + '€' })).toEqual([]);
    expect(channelOverruns({ sms: 'a'.repeat(159) + '€' }).map((p) => p.channel)).toEqual(['sms']);
    expect(channelOverruns({ sms: 'a'.repeat(161) }).map((p) => p.channel)).toEqual(['sms']);
  });

  it('one character outside GSM-7 makes it UCS-2: 70 fits, 71 does not; an emoji counts 2', () => {
    expect(channelOverruns({ sms: '优'.repeat(70) })).toEqual([]);
    expect(channelOverruns({ sms: '优'.repeat(71) })).toEqual([{ channel: 'sms', problem: 'is 71 UCS-2 units (not all GSM-7), over 70' }]);
    expect(smsCount('It’s here')).toMatchObject({ encoding: 'UCS-2', limit: 70 });
    expect(smsCount('🎉'.repeat(35))).toMatchObject({ units: 70 });
    expect(channelOverruns({ sms: 'a'.repeat(69) + '🎉' }).map((p) => p.channel)).toEqual(['sms']);
  });

  it('a subject and a push by display width (a Chinese character is two columns), a headline by characters', () => {
    expect(columns('优惠ab')).toBe(6);
    expect(channelOverruns({ email: { subject: '优'.repeat(30) } })).toEqual([]);
    expect(channelOverruns({ email: { subject: '优'.repeat(31) } }).map((p) => p.channel)).toEqual(['email.subject']);
    expect(channelOverruns({ email: { subject: 'a'.repeat(61) } }).map((p) => p.channel)).toEqual(['email.subject']);
    expect(channelOverruns({ push: '优'.repeat(61) }).map((p) => p.channel)).toEqual(['push']);
    expect(channelOverruns({ ad: { headline: '优'.repeat(40) } })).toEqual([]);
    expect(channelOverruns({ ad: { headline: 'a'.repeat(41) } }).map((p) => p.channel)).toEqual(['ad.headline']);
  });
});

describe('copy rules', () => {
  it('finds a call to action in English and Chinese, and not in an opt-out or a sign-off', () => {
    expect(asksToAct('Grab the deal!')).toBe(true);
    expect(asksToAct('Hi there, shop the sale now')).toBe(true);
    expect(asksToAct('A reward is waiting on your next order.')).toBe(false);
    expect(asksToAct('立即领取专属优惠券')).toBe(true);
    expect(asksToAct('新品到店，快来看看')).toBe(true);
    expect(asksToAct('A lower price is saved. Reply STOP to opt out.')).toBe(false);
    expect(asksToAct('Thanks for being with us.\n\nSee you soon,\nThe team')).toBe(false);
    expect(asksToAct('新品已上架。回T退订')).toBe(false);
  });

  it('finds an opt-out in English and Chinese', () => {
    expect(hasOptOut('Shop now. Reply STOP to opt out.')).toBe(true);
    expect(hasOptOut('Text STOP to end')).toBe(true);
    expect(hasOptOut('立即领取，回T退订')).toBe(true);
    expect(hasOptOut('Shop now. Stop by the store!')).toBe(false);
  });

  it('finds links, and not an email address or a decimal', () => {
    expect(hasLink('See shop.example.com/deals')).toBe(true);
    expect(hasLink('https://x.io')).toBe(true);
    expect(hasLink('www.example.de')).toBe(true);
    expect(hasLink('2.1× the average, 412.50 each')).toBe(false);
  });

  it('reports every rule a copy breaks', () => {
    const copy = { email: { subject: 'Hello', body: 'We have news.' }, sms: 'New in store.', push: 'Shop now', ad: { headline: 'Hi', primaryText: 'Visit shop.example.com' }, offer: 'none' };
    expect(copyProblems(copy)).toEqual([
      'email.body asks the reader to do nothing (no call to action)',
      'sms asks the reader to do nothing (no call to action)',
      'sms has no opt-out (e.g. "Reply STOP to opt out")',
      'ad.primaryText has a link',
    ]);
  });
});

describe('PII finder', () => {
  const find = createPiiFinder(['Ella Adams', 'Tom Young', '8732 Meadow Road, Riverton', '+1 555-152-6842', 'ella.adams1@example.net']);
  it('finds emails, phones, IPs and street addresses by their shape', () => {
    expect(find('Deals jane.doe@example.com')).toEqual(['email']);
    expect(find('call +44 20 7946 0958')).toEqual(['phone']);
    expect(find('call (555) 152 6842')).toEqual(['phone']);
    expect(find('13812345678 的客户')).toEqual(['phone']);
    expect(find('from 192.168.1.20')).toEqual(['ip']);
    expect(find('lives at 12 Oak Lane')).toEqual(['address']);
  });

  it('does not read dates, amounts or counts as phones', () => {
    expect(find('since 2021-06-29, 1,234,567.89 in sales, 683 customers, 1.9×')).toEqual([]);
  });

  it('finds the table’s values in any case or order, and a given name used to address the reader', () => {
    expect(find('a note for ella adams')).toEqual(['known value']);
    expect(find('Adams, Ella: a VIP')).toEqual(['known value']);
    expect(find('Hi Ella, your perk is here')).toEqual(['known value']);
    expect(find('Near 8732 meadow road riverton')).toContain('known value');
  });

  it('does not read a surname that is also a word as a name', () => {
    expect(find('Social-First Young Shoppers')).toEqual([]);
    expect(find('Hi there, welcome')).toEqual([]);
  });
});

describe('name shape', () => {
  it('takes 2–4 words, or 3–12 Chinese characters', () => {
    expect(nameShapeProblems('Budget Deal Hunters')).toEqual([]);
    expect(nameShapeProblems('Some Who Have Not Bought In A While')).toEqual(['has 8 words; a name has 2–4']);
    expect(nameShapeProblems('Hunters')).toEqual(['has 1 words; a name has 2–4']);
    expect(nameShapeProblems('沉睡客户')).toEqual([]);
    expect(nameShapeProblems('客户')).toEqual(['has 2 characters; a Chinese name has 3–12']);
  });

  it('refuses an @, a link, a phone number, a second line and more than 40 characters', () => {
    expect(nameShapeProblems('Deals jane.doe@example.com')).toContain('has an "@"');
    expect(nameShapeProblems('Visit deals.shop')).toEqual(['has a link']);
    expect(nameShapeProblems('Call 555 152 6842')).toEqual(['has a phone-like number']);
    expect(nameShapeProblems('Lapsed\nCustomers')).toEqual(['is more than one line']);
    expect(nameShapeProblems('Extraordinarily Loyal Marketplace Superconsumers')).toEqual(['is 48 characters, over 40']);
  });

  it('says two names are the same across case, order and plurals only', () => {
    expect(sameName('Loyal Regulars', 'regular loyal')).toBe(true);
    expect(sameName('Loyal Regulars', 'Loyal Customers')).toBe(false);
  });
});

describe('name claims against the profile', () => {
  const vocab = { numeric: ['discount_rate', 'total_spend'], levels: [...profile.categories, { column: 'favourite_category', level: 'Electronics' }] };
  it('passes a name the profile bears out', () => {
    expect(nameClaimProblems('Deal Hunters', profile, vocab)).toEqual([]);
    expect(nameClaimProblems('Budget Deal Hunters', profile, vocab)).toEqual([]);
  });
  it('flags a trait pointing against the profile, a level the segment does not lean to, and a minority level', () => {
    expect(nameClaimProblems('Big Spenders', profile, vocab)).toEqual(['"Spenders" says total_spend is high, the profile says otherwise (z -0.80)']);
    expect(nameClaimProblems('Electronics Fans', profile, vocab)).toEqual(['names favourite_category = Electronics, which the segment does not lean to']);
    expect(nameClaimProblems('Home Lovers', profile, vocab)).toEqual(['names favourite_category = Home, held by 30% of the segment']);
    expect(nameClaimProblems('Home Lovers (30%)', profile, vocab)).toEqual([]);
  });
});
