/**
 * Chinese feature labels (write/labels-zh.ts): a column name is read word by word with the
 * dictionary only when every word is known, a Chinese label or column name wins, and anything
 * else is the column itself quoted as data — never the English label, never half a translation.
 */
import { describe, expect, it } from 'vitest';
import { labelIn, zhLabel, zhLabelOf } from '../../src/write/labels-zh.js';
import { RFM_TIERS_ZH } from '../../src/write/phrases/zh-labels.js';
import { RFM_TIERS } from '../../src/profile/rfm.js';
import { formatFeatureValue } from '../../src/write/format.js';

describe('Chinese feature labels', () => {
  it.each([
    ['total_spend', '累计消费金额'],
    ['orders', '订单数'],
    ['num_orders', '订单数'],
    ['orders_12m', '近12个月订单数'],
    ['sessions_last_30d', '近30天访问次数'],
    ['days_since_last_order', '距上次下单天数'],
    ['recency', '距上次下单天数'],
    ['signup_date_days_ago', '距注册天数'],
    ['return_rate', '退货率'],
    ['discount_share', '折扣占比'],
    ['email_open_rate', '邮件打开率'],
    ['avgOrderValue', '客单价'],
    ['is_member', '是否会员'],
    ['favourite_category', '偏好品类'],
    ['age', '年龄'],
    ['income', '收入'],
    ['tenure_months', '成为客户月数'],
    ['support_tickets', '客服工单数'],
  ])('%s → %s', (column, label) => expect(zhLabelOf(column)).toBe(label));

  it('leaves a column with an unknown word unread, and shows it quoted as data', () => {
    expect(zhLabelOf('churn_flag_v2')).toBeUndefined();
    expect(zhLabelOf('orders_per_visit')).toBeUndefined();
    expect(zhLabelOf('last_gizmo_days_ago')).toBeUndefined();
    expect(zhLabel({}, 'churn_flag_v2')).toBe('「churn_flag_v2」');
    // The English label the Run keeps is not used in Chinese…
    expect(zhLabel({ churn_flag_v2: { label: 'churn flag v2', unit: 'number' } }, 'churn_flag_v2')).toBe('「churn_flag_v2」');
  });

  it('prefers a Chinese label from --labels, or a column already named in Chinese', () => {
    expect(zhLabel({ total_spend: { label: '年度消费', unit: 'money' } }, 'total_spend')).toBe('年度消费');
    expect(zhLabel({}, '消费金额')).toBe('消费金额');
  });

  it('keeps the English label in English', () => {
    expect(labelIn({ total_spend: { label: 'total spend', unit: 'money' } }, 'total_spend', 'en', true)).toBe('Total spend');
    expect(labelIn({ total_spend: { label: 'total spend', unit: 'money' } }, 'total_spend', 'zh')).toBe('累计消费金额');
  });

  it('names every RFM tier with a Chinese RFM class name', () => {
    for (const t of RFM_TIERS) expect(RFM_TIERS_ZH[t], t).toMatch(/^[\p{Script=Han}]+客户$/u);
    expect(new Set(RFM_TIERS.map((t) => RFM_TIERS_ZH[t])).size).toBe(RFM_TIERS.length);
    expect(RFM_TIERS_ZH.Champions).toBe('重要价值客户');
    expect(RFM_TIERS_ZH['At risk']).toBe('重要挽留客户');
  });

  it('writes units the Chinese way: days as 天, yuan as ¥, others as the code', () => {
    const f = { feature: 'days_since_last_order', kind: 'numeric' as const, mean: 6.2, overallMean: 45 };
    expect(formatFeatureValue(f, 1234.4, undefined, 'days', 'zh')).toBe('1,234天');
    expect(formatFeatureValue(f, 1234.4, undefined, 'days', 'en')).toBe('1,234 days');
    const m = { feature: 'total_spend', kind: 'numeric' as const, mean: 553, overallMean: 4262 };
    expect(formatFeatureValue(m, 553.04, 'CNY', 'money', 'zh')).toBe('¥553.04');
    expect(formatFeatureValue(m, 553.04, 'EUR', 'money', 'zh')).toBe('553.04 EUR');
    const r = { feature: 'return_rate', kind: 'numeric' as const, mean: 0.26, overallMean: 0.12 };
    expect(formatFeatureValue(r, 0.26, undefined, 'rate', 'zh')).toBe('26%');
  });
});
