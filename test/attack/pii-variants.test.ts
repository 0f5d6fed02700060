import { describe, expect, it } from 'vitest';
import { createPiiMatcher, piiDoubt, piiKindFromName, piiKindOfValue } from '../../src/util/pii.js';
import { createPrivacyGuard, PrivacyError, textForModel } from '../../src/llm/privacy.js';
import { markupProblems } from '../../src/llm/injection.js';

/** Each PII form the attack run got through, one by one, against the one matcher the scrubber, guard and checks share. */
const known = ['Ana Haddad', 'Chloe Garcia', 'José Álvarez', '王伟', 'Kowalski'];
const m = createPiiMatcher(known);
const guard = createPrivacyGuard(known);

describe('variant forms are scrubbed and blocked', () => {
  const cases: [string, string, string][] = [
    ['spaced phone', 'call 0 7 2 6 3 4 2 5 6 2 1 today', '72634256'],
    ['dotted phone', 'ring 0726.342.5621', '0726'],
    ['dashed phone', 'ring 072-634-25621', '634'],
    ['bracketed phone', '+44 (0) 7700 900123', '900123'],
    ['phone across lines', '555\n123\n4567', '4567'],
    ['+86 mobile', '手机 +86 138 1234 5678', '1234'],
    ['+86 mobile, no spaces', '电话13812345678', '13812345678'],
    ['身份证', '身份证 11010519491231002X', '19491231'],
    ['upper-case reversed name', 'HADDAD, ANA wrote this', 'HADDAD'],
    ['lower-case name', 'ana haddad here', 'haddad'],
    ['reversed name', 'Haddad Ana says hi', 'Haddad'],
    ['accents dropped', 'JOSE ALVAREZ called', 'ALVAREZ'],
    ['single capitalised surname', 'thanks Kowalski', 'Kowalski'],
    ['upper-case surname', 'KOWALSKI again', 'KOWALSKI'],
    ['Chinese name from a column', '我是王伟，谢谢', '王伟'],
    ['labelled Chinese name', '联系人：李娜', '李娜'],
    ['spelled email', 'ana dot haddad at example dot com', 'example'],
    ['bracketed email', 'ana(at)shop(dot)com', 'shop'],
    ['spaced email', 'chloe @ example . com', 'chloe'],
    ['plain email', 'chloe.garcia41@example.com', 'garcia41'],
    // Found by hand after the first attack suite (issue 18, second pass):
    ['underscored email', 'mail ana_at_example_dot_com', 'example'],
    ['full-width email', 'ana＠example．com', 'example'],
    ['full-width digits', '电话 １３８１２３４５６７８', '１２３４５６７８'],
    ['Arabic-Indic digits', 'رقمي ٠٧٧٢٦٣٤٢٥٦٢', '٢٦٣٤٢٥٦'],
    ['spelled-out phone', 'my number is zero seven seven two six three four two five six two', 'four two five'],
    ['IBAN, grouped', 'refund to DE89 3704 0044 0532 0130 00 please', '0532'],
    ['IBAN, ungrouped', 'IBAN: GB29NWBK60161331926819', 'NWBK6016'],
    ['zero-width space inside a name', 'K\u200Bowalski complained', 'owalski'],
    ['soft hyphen inside a name', 'Kowa\u00ADlski complained', 'lski'],
    ['zero-width space between names', 'Haddad\u200BAna here', 'Haddad'],
    ['Cyrillic look-alike in a Latin name', '\u041Aowalski complained', 'owalski'],
  ];
  for (const [what, text, secret] of cases) {
    it(what, () => {
      const out = m.scrub(text);
      expect(out, out).not.toContain(secret);
      expect(() => guard.assertClean(JSON.stringify({ messages: [{ content: text }] }), 'x')).toThrow(PrivacyError);
      expect(() => guard.assertClean(JSON.stringify({ messages: [{ content: guard.scrub(text) }] }), 'x')).not.toThrow();
    });
  }

  it('leaves ordinary numbers, dates, Run ids and words alone', () => {
    for (const ok of ['ORDER AB12CDEF3456 shipped', 'meet at the shop at noon', 'open rate 0.25 0.31 0.40', 'Size: 1,234,567 customers', 'spend 196.40 (2.1×) vs 412.50', '2024-03-01T12:00:00Z', 'Run 20261124-173512-ab12', 'we will be there in may', '"maximum":9007199254740991']) {
      expect(m.kinds(ok), ok).toEqual([]);
    }
  });
});

describe('name columns in several languages', () => {
  it('by name hints', () => {
    for (const c of ['Vorname', 'nachname', 'billing_last_name', 'billingLastName', 'shipping_first_name', 'prénom', 'apellido', 'nazwisko', '姓名', '客户姓名', 'full_name', 'Name', 'username']) expect(piiKindFromName(c), c).toBe('name');
    for (const c of ['product_name', 'campaign_name', 'store_name', 'nom_produit', 'plan']) expect(piiKindFromName(c), c).toBeUndefined();
    for (const c of ['fname', 'lname', 'last_nm', 'surname1', 'Ansprechpartner', 'contact_person', 'cognome', 'achternaam', 'Фамилия', '氏名', '이름', 'recipient']) expect(piiKindFromName(c), c).toBe('name');
    for (const c of ['date_of_birth', 'geburtstag', 'fecha_de_nacimiento', 'kontonummer', 'card_number', 'account_number', 'tax_id', 'IBAN']) expect(piiKindFromName(c), c).toBe('other');
    for (const c of ['recipient_country', 'last_order_date', 'account_age_days', 'card_type']) expect(piiKindFromName(c), c).toBeUndefined();
    expect(piiKindFromName('Telefonnummer')).toBe('phone');
    expect(piiKindFromName('手机号')).toBe('phone');
  });

  it('by values, and unclear columns are flagged', () => {
    expect(piiKindOfValue('HADDAD, ANA')).toBe('name');
    expect(piiKindOfValue('王伟')).toBe('name');
    expect(piiKindOfValue('0 7 2 6 3 4 2 5 6 2 1')).toBe('phone');
    expect(piiDoubt('mystery_name', [])).toMatch(/not clearly/);
    const surnames = Array.from({ length: 60 }, (_, i) => ['Kowalski', 'Haddad', 'Lindqvist', 'Nakamura', 'Okonkwo', 'Petrov'][i % 6] + 'abcdefghij'[Math.floor(i / 6)]);
    expect(piiDoubt('col_7', surnames)).toMatch(/person names/);
    expect(piiDoubt('city', Array.from({ length: 60 }, (_, i) => ['Berlin', 'Paris', 'Madrid'][i % 3]))).toBeUndefined();
    // A contact column repeating 25 full names over 400 rows: too few distinct for piiBySample, still unclear.
    const contacts = Array.from({ length: 400 }, (_, i) => `${['Ana', 'Zofia', 'Kenji', 'Chidi', 'Oskar'][i % 5]} ${['Haddad', 'Kowalski', 'Petrov', 'Mbeki', 'Rossi'][Math.floor(i / 5) % 5]}`);
    expect(piiDoubt('owner', contacts)).toMatch(/person names/);
    expect(piiDoubt('city', Array.from({ length: 60 }, (_, i) => ['New York', 'San Francisco', 'Los Angeles'][i % 3]))).toBeUndefined();
  });
});

describe('error text shown to a model', () => {
  it('elides a quoted cell and scrubs the rest', () => {
    const t = textForModel('customers.csv, row 12, column "total_spend": "chloe.garcia41@example.com Chloe Garcia" is not a number');
    expect(t).not.toMatch(/chloe|garcia/i);
    expect(t).toContain('"total_spend"');
  });
});

describe('answers with links or markup', () => {
  it('are rejected in any form', () => {
    for (const bad of ['Tap [win](javascript:alert(1))', 'javascript:alert(1)', 'JaVaScRiPt : x', 'data:text/html,hi', '<b>Shop</b>', '<img src=x onerror=y>', 'see ftp://x.y', '[x][1]', '&#x3C;script']) {
      expect(markupProblems(bad), bad).not.toEqual([]);
    }
    for (const ok of ['Shop now: 20% off this weekend', 'Note: offer ends Sunday', 'Save 3 < 5 times']) expect(markupProblems(ok), ok).toEqual([]);
  });
});
