import { describe, expect, it } from 'vitest';
import { fitsOneSms, smsLength } from '../../src/write/sms.js';
import { checkCopy } from '../../src/write/checks.js';
import type { Copy } from '../../src/model/texts.js';

/** Issue 15, item 4: SMS length counted the way carriers count it, by the writer and the checks alike. */
const copy = (sms: string): Copy => ({
  email: { subject: 'Your reward is ready', body: 'Hi there,\n\nYour reward is waiting. Shop now.\n\nSee you soon,\nThe team' },
  sms,
  push: 'Your reward is waiting. Shop now!',
  ad: { headline: 'Your reward is ready', primaryText: 'Your reward is waiting for you. Shop now!' },
  offer: 'A reward on the next order',
});
const OPT = ' Reply STOP to opt out.';

describe('SMS counting', () => {
  it('counts GSM-7 septets, two for each extension character', () => {
    expect(smsLength('Save 20% today!')).toEqual({ encoding: 'GSM-7', units: 15, limit: 160 });
    expect(smsLength('Use code {VIP} for 10€ off')).toMatchObject({ encoding: 'GSM-7', units: 26 + 3 });
  });

  it('switches the whole message to UCS-2 (70 units) on one character outside GSM-7', () => {
    expect(smsLength('It’s here')).toEqual({ encoding: 'UCS-2', units: 9, limit: 70 }); // curly apostrophe
    expect(smsLength('Hi 🎉')).toEqual({ encoding: 'UCS-2', units: 5, limit: 70 }); // an emoji is two UTF-16 units
  });

  it('fits one part at 160 GSM-7 septets or 70 UCS-2 units, not one more', () => {
    expect(fitsOneSms('a'.repeat(160))).toBe(true);
    expect(fitsOneSms('a'.repeat(161))).toBe(false);
    expect(fitsOneSms('a'.repeat(158) + '€')).toBe(true); // 158 + 2 septets = 160
    expect(fitsOneSms('a'.repeat(159) + '€')).toBe(false); // 159 characters, but 161 septets
    expect(fitsOneSms('’' + 'a'.repeat(69))).toBe(true);
    expect(fitsOneSms('’' + 'a'.repeat(70))).toBe(false);
  });

  it('the write-time (and eval) check rejects an SMS a curly quote pushes past 70, and passes the same text in straight quotes', () => {
    const body = 'Your reward is waiting, it is yours to use this week. Shop now.';
    const curly = body.replace('it is', 'it’s') + OPT;
    const straight = body.replace('it is', "it's") + OPT;
    expect(curly.length).toBeGreaterThan(70);
    expect(checkCopy(copy(straight))).toEqual([]);
    expect(checkCopy(copy(curly)).map((p) => p.problem).join('; ')).toMatch(/UCS-2 characters .* over the 70 limit/);
  });

  it('asks every SMS for an opt-out line', () => {
    expect(checkCopy(copy('Your reward is waiting. Shop now.')).map((p) => p.problem)).toContain('has no opt-out line (e.g. "Reply STOP to opt out.")');
  });
});
