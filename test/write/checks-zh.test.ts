import { describe, expect, it } from 'vitest';
import { channelLength, checkCopy, checkName, checkScript, hasCallToAction, numbersIn } from '../../src/write/checks.js';
import type { Copy } from '../../src/model/texts.js';

const zhCopy: Copy = {
  email: { subject: '老朋友专享：新品抢先看', body: '亲爱的会员，\n\n感谢你一直以来的支持，新品已为你预留。\n\n立即查看新品！' },
  sms: '【店铺】会员专享新品抢先购，立即下单享优先发货。回T退订',
  push: '新品已到，立即查看！',
  ad: { headline: '新品抢先看', primaryText: '老客户专享新品优先购，立即查看。' },
  offer: '会员新品优先购',
};

describe('checks by script', () => {
  it('counts a Chinese SMS in UCS-2 (70 a message) and a subject line in display width', () => {
    expect(checkCopy(zhCopy, 'copy', 'zh')).toEqual([]);
    const long = `${'会员专享新品抢先购，'.repeat(7)}立即下单。回T退订`;
    expect(long.length).toBeLessThan(160);
    expect(checkCopy({ ...zhCopy, sms: long })).toEqual([{ field: 'copy.sms', problem: `is ${long.length} UCS-2 characters (one SMS holds 70 once it is not GSM-7), over the 70 limit` }]);
    // 31 Han characters are 62 columns: too wide for a subject line of 60.
    const subject = '老'.repeat(31);
    expect(channelLength('email.subject', subject)).toEqual({ length: 62, limit: 60, unit: 'display columns' });
    expect(checkCopy({ ...zhCopy, email: { ...zhCopy.email, subject } }).map((p) => p.field)).toEqual(['copy.email.subject']);
  });

  it('finds Chinese calls to action and ignores the opt-out line', () => {
    expect(hasCallToAction('新品到了，立即查看')).toBe(true);
    expect(hasCallToAction('新品到了。回T退订')).toBe(false);
  });

  it('a Chinese name is 3–12 characters, no word count', () => {
    expect(checkName('高价值忠实会员')).toEqual([]);
    expect(checkName('会员')).toEqual([{ field: 'name', problem: 'has 2 characters; a Chinese name has 3–12' }]);
  });

  it('verifies the script asked for, leaving column names and quoted terms aside', () => {
    expect(checkScript('total_spend 平均 412.50，是整体的 2.1 倍', 'zh')).toEqual([]);
    expect(checkScript('Loyal big spenders', 'zh')[0].problem).toMatch(/not written in Chinese/);
    expect(checkScript('"物流很快" in 22% of their review texts', 'en')).toEqual([]);
    expect(checkScript('忠实的高消费客户', 'en')[0].problem).toMatch(/not written in English/);
  });

  it('reads numbers written between Han characters, and 倍 as a lift', () => {
    expect(numbersIn('平均消费412.50元，高出2.1倍，占34%').map((n) => [n.raw, n.kind])).toEqual([
      ['412.50', 'plain'],
      ['2.1倍', 'lift'],
      ['34%', 'percent'],
    ]);
    expect(numbersIn('orders_90d v2 3rd')).toEqual([]);
  });
});
