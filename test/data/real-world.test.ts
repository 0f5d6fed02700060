import { afterAll, describe, expect, it } from 'vitest';
import { describeSchema, loadCustomers } from '../../src/data/load.js';
import type { CustomerTable } from '../../src/model/data.js';
import { generateRetail, writeRetailSync } from '../fixtures/online-retail.js';
import { writeNormalisedShop } from '../fixtures/normalised-shop.js';
import { expectInputError, makeTempDir } from './helpers.js';

const tmp = makeTempDir('segmenta-real-');
afterAll(() => tmp.cleanup());

function value(t: CustomerTable, id: string, feature: string): number {
  const i = t.ids.indexOf(id);
  const col = t.numeric.find((c) => c.name === feature);
  if (!col || i < 0) throw new Error(`no ${feature} for ${id}`);
  return col.values[i];
}

/** A seeded event log: 300 users × 3–8 events, an amount each; the id column's name is the parameter. */
function eventLog(idName: string, opts: { european?: boolean } = {}): { text: string; spend: Map<string, number>; count: Map<string, number> } {
  const d = opts.european ? ';' : ',';
  const lines = [[idName, opts.european ? 'Datum' : 'timestamp', opts.european ? 'Betrag' : 'amount', opts.european ? 'Kategorie' : 'category'].join(d)];
  const spend = new Map<string, number>();
  const count = new Map<string, number>();
  let x = 7;
  const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
  for (let u = 0; u < 300; u++) {
    const id = `u${1000 + u}`;
    const n = 3 + Math.floor(next() * 6);
    for (let e = 0; e < n; e++) {
      const cents = 100 + Math.floor(next() * 20000);
      const day = 1 + Math.floor(next() * 28);
      const amount = opts.european ? `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}` : (cents / 100).toFixed(2);
      const date = opts.european ? `${String(day).padStart(2, '0')}.03.2024` : `2024-03-${String(day).padStart(2, '0')}`;
      lines.push([id, date, amount, ['Bücher', 'Spiele', 'Garten'][u % 3]].join(d));
      spend.set(id, (spend.get(id) ?? 0) + cents / 100);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  return { text: lines.join('\n') + '\n', spend, count };
}

describe('event logs whose id column has any name', () => {
  it('an id column called `user` is the customer: aggregated per user, not 1 row = 1 customer', async () => {
    const log = eventLog('user');
    const t = await loadCustomers(tmp.file('user-events.csv', log.text));
    expect(t.schema.kind).toBe('events');
    expect(t.schema.idColumn).toBe('user');
    expect(t.ids).toHaveLength(300);
    expect(value(t, 'u1000', 'frequency')).toBe(log.count.get('u1000'));
    expect(value(t, 'u1007', 'monetary')).toBeCloseTo(log.spend.get('u1007')!, 6);
  });

  it('a German export with `Kunde`, `;`, decimal commas and dd.mm.yyyy is read right', async () => {
    const log = eventLog('Kunde', { european: true });
    const t = await loadCustomers(tmp.file('kunden.csv', log.text));
    expect(t.schema.kind).toBe('events');
    expect(t.schema.idColumn).toBe('Kunde');
    expect(t.ids).toHaveLength(300);
    expect(t.schema.mapping).toMatchObject({ customer: 'Kunde', time: 'Datum', amount: 'Betrag', category: 'Kategorie' });
    for (const id of ['u1000', 'u1123', 'u1299']) expect(value(t, id, 'monetary')).toBeCloseTo(log.spend.get(id)!, 6);
    expect(t.numeric.find((c) => c.name === 'monetary')?.unit).toBe('money');
    expect(t.numeric.find((c) => c.name === 'recency_days')?.unit).toBe('days');
  });

  it('with no id-like name at all, the one repeated code column beside a timestamp is the customer (and the user is told)', async () => {
    const log = eventLog('wer');
    const t = await loadCustomers(tmp.file('wer.csv', log.text));
    expect(t.schema.idColumn).toBe('wer');
    expect(t.ids).toHaveLength(300);
    expect(t.quality.warnings.join('\n')).toContain('"wer" repeats like one in an event log');
  });
});

describe('tables that are not about customers', () => {
  const payments = ['payment_id,order_id,payment_type,payment_value'];
  for (let i = 0; i < 200; i++) payments.push(`p${i},o${Math.floor(i / 2)},${['card', 'voucher', 'boleto'][i % 3]},${(10 + (i % 17) * 3.5).toFixed(2)}`);

  it('a payments table with only order ids stops with one line naming its keys and the fix', async () => {
    const err = await expectInputError(loadCustomers(tmp.file('payments.csv', payments.join('\n') + '\n')), ['no customer column', '"payment_id"', '"order_id"', '--id']);
    expect(err.message).toContain('payments.csv');
  });

  it('--id names the key when the user really means it', async () => {
    const t = await loadCustomers(tmp.file('payments2.csv', payments.join('\n') + '\n'), { idColumn: 'payment_id' });
    expect(t.ids).toHaveLength(200);
  });
});

describe('numbers and dates as exports write them', () => {
  it('currency signs, thousands separators and percent signs are numbers with units; dd.mm.yyyy becomes days', async () => {
    const rows = ['customer_id,spend,discount,signup'];
    for (let i = 0; i < 60; i++) rows.push(`c${i},"$${(1000 + i * 37).toLocaleString('en-US')}.50",${(i % 20) + 0.5}%,${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2023`);
    const t = await loadCustomers(tmp.file('formatted.csv', rows.join('\n') + '\n'));
    const spend = t.numeric.find((c) => c.name === 'spend')!;
    expect(spend.unit).toBe('money');
    expect(spend.values[1]).toBeCloseTo(1037.5, 6);
    const discount = t.numeric.find((c) => c.name === 'discount')!;
    expect(discount.unit).toBe('rate');
    expect(discount.values[3]).toBeCloseTo(0.035, 9);
    expect(t.numeric.map((c) => c.name)).toContain('signup_days_ago');
    expect(t.schema.columns.find((c) => c.name === 'signup')?.reason).toContain('dd.mm.yyyy');
  });

  it('a stray point-decimal in a decimal-comma column is a bad cell, not silently 15', async () => {
    const rows = ['Kunde;Umsatz'];
    for (let i = 0; i < 50; i++) rows.push(`k${i};${i},5`);
    rows.push('k99;1.5');
    await expectInputError(loadCustomers(tmp.file('mixed.csv', rows.join('\n') + '\n')), ['row 51', 'column "Umsatz"', '"1.5" is not a number', '--ignore Umsatz']);
  });
});

describe('order-line logs (small, hand-checkable)', () => {
  it('role flags override inference and a flag naming a column of the wrong kind is one clear line', async () => {
    const g = generateRetail({ customers: 40, minLines: 2000, seed: 3 });
    const file = tmp.file('retail-small.csv', '');
    writeRetailSync(file, g.lines);
    const t = await loadCustomers(file);
    expect(t.schema.kind).toBe('orders');
    expect(describeSchema(t.schema)).toContain('customer = CustomerID, order = InvoiceNo');
    await expectInputError(loadCustomers(file, { time: 'Country' }), ['column "Country"', '--time', 'not dates or times']);
    const flagged = await loadCustomers(file, { amount: 'UnitPrice' });
    expect(flagged.schema.mapping?.amount).toBe('UnitPrice');
  });

  it('the European variant of the same lines gives the same numbers', async () => {
    const g = generateRetail({ customers: 40, minLines: 2000, seed: 4 });
    const a = tmp.file('r4.csv', '');
    const b = tmp.file('r4-eu.csv', '');
    writeRetailSync(a, g.lines);
    writeRetailSync(b, g.lines, true);
    const [ta, tb] = [await loadCustomers(a), await loadCustomers(b)];
    expect(tb.ids).toEqual(ta.ids);
    for (const f of ['monetary', 'frequency', 'avg_order_value', 'recency_days', 'return_rate']) {
      const va = ta.numeric.find((c) => c.name === f)!.values;
      const vb = tb.numeric.find((c) => c.name === f)!.values;
      for (let i = 0; i < va.length; i++) expect(vb[i]).toBeCloseTo(va[i], 6);
    }
  });
});

describe('several tables joined (--join)', () => {
  it('a normalised five-table export becomes one row per customer with true spend and orders', async () => {
    const shop = writeNormalisedShop(tmp.dir);
    const f = shop.files;
    const t = await loadCustomers(f.customers, { join: [f.orders, f.order_items, f.payments, f.products] });
    expect(t.ids).toHaveLength(300);
    expect(new Set(t.ids).size).toBe(300);
    expect(t.schema.kind).toBe('orders');
    expect(t.schema.joined?.map((j) => j.on)).toEqual(expect.arrayContaining(['order_id', 'product_id', 'customer_id']));
    for (const id of ['cu0', 'cu1', 'cu150', 'cu299']) {
      expect(value(t, id, 'monetary')).toBeCloseTo(shop.spend.get(id)!, 6);
      expect(value(t, id, 'frequency')).toBe(shop.orders.get(id));
    }
    // The category mix comes from the products table; payments (2 rows for some orders) are left out, and said so.
    expect(t.schema.mapping?.category).toBe('category');
    expect(t.quality.warnings.join('\n')).toMatch(/payments\.csv: not joined/);
  });

  it('a joined file without any shared key stops with one clear line', async () => {
    const shop = writeNormalisedShop(tmp.dir, 6, 20);
    const other = tmp.file('weather.csv', 'day,rain_mm\n2024-01-01,3\n2024-01-02,0\n');
    await expectInputError(loadCustomers(shop.files.customers, { join: [other] }), ['weather.csv', 'shares no key column']);
  });
});
