import type { CustomerTable, NumericColumn } from '../../src/model/data.js';
import { createRng, gaussian } from '../../src/util/random.js';

/** A CustomerTable from plain arrays, the way the data stage would hand it over. */
export function makeTable(cols: {
  ids?: string[];
  numeric?: Record<string, number[]>;
  booleans?: Record<string, number[]>;
  categorical?: Record<string, string[]>;
  text?: Record<string, string[]>;
  pii?: string[];
}): CustomerTable {
  const n =
    cols.ids?.length ??
    Object.values({ ...cols.numeric, ...cols.booleans, ...cols.categorical, ...cols.text })[0]?.length ??
    0;
  const numeric: NumericColumn[] = [
    ...Object.entries(cols.numeric ?? {}).map(([name, v]) => ({ name, values: Float64Array.from(v), kind: 'numeric' as const, transform: 'none' as const })),
    ...Object.entries(cols.booleans ?? {}).map(([name, v]) => ({ name, values: Float64Array.from(v), kind: 'boolean' as const, transform: 'none' as const })),
  ];
  const categorical = Object.entries(cols.categorical ?? {}).map(([name, v]) => {
    const levels = [...new Set(v)];
    return { name, levels, codes: Int32Array.from(v.map((x) => levels.indexOf(x))) };
  });
  return {
    schema: { source: 'test.csv', format: 'csv', kind: 'customers', idColumn: 'customer_id', columns: [], rowsRead: n },
    quality: { rowsRead: n, customers: n, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [] },
    ids: cols.ids ?? Array.from({ length: n }, (_, i) => `C${String(i).padStart(6, '0')}`),
    numeric,
    categorical,
    text: Object.entries(cols.text ?? {}).map(([name, values]) => ({ name, values })),
    piiValues: new Set(cols.pii ?? []),
  };
}

export const FIRST = ['Jane', 'Omar', 'Priya', 'Lukas', 'Maria', 'Kenji', 'Aisha', 'Tom'];
export const LAST = ['Doe', 'Haddad', 'Sharma', 'Becker', 'Rossi', 'Tanaka', 'Bello', 'Wright'];

/**
 * Customers in `groups` planted groups, shaped like a retail file: age, orders, spend,
 * recency, discount rate, a member flag, favourite category, preferred channel, a review.
 * Each group leans one way on a few features; the review plants a group-specific phrase.
 * PII (name, email, phone) is mixed into some reviews to test scrubbing.
 */
export function plantedTable(n: number, seed = 7, groups = 6): { table: CustomerTable; labels: Int32Array } {
  const rng = createRng(seed);
  const shapes = [
    { age: 24, orders: 3, spend: 120, recency: 20, discount: 0.6, member: 0.2, cat: 'fashion', channel: 'sms', phrase: 'great deals' },
    { age: 52, orders: 14, spend: 1400, recency: 10, discount: 0.05, member: 0.9, cat: 'home', channel: 'email', phrase: 'excellent quality' },
    { age: 38, orders: 2, spend: 300, recency: 240, discount: 0.2, member: 0.3, cat: 'electronics', channel: 'email', phrase: 'slow delivery' },
    { age: 29, orders: 9, spend: 500, recency: 15, discount: 0.25, member: 0.5, cat: 'beauty', channel: 'push', phrase: 'love the app' },
    { age: 65, orders: 5, spend: 450, recency: 60, discount: 0.15, member: 0.6, cat: 'garden', channel: 'email', phrase: 'friendly staff' },
    { age: 33, orders: 1, spend: 60, recency: 5, discount: 0.3, member: 0.1, cat: 'sports', channel: 'social', phrase: 'first order' },
  ].slice(0, groups);
  const filler = ['the order arrived', 'would buy again', 'nice packaging', 'okay experience', 'good value overall', 'the website works'];
  const cols = {
    age: [] as number[], orders: [] as number[], total_spend: [] as number[], recency_days: [] as number[], discount_rate: [] as number[],
    is_member: [] as number[], favourite_category: [] as string[], preferred_channel: [] as string[], review: [] as string[],
  };
  const pii: string[] = [];
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % shapes.length;
    labels[i] = g;
    const s = shapes[g];
    cols.age.push(Math.max(18, Math.round(s.age + 5 * gaussian(rng))));
    cols.orders.push(Math.max(0, Math.round(s.orders + 1.5 * gaussian(rng))));
    cols.total_spend.push(Math.max(0, Math.round(s.spend * (1 + 0.2 * gaussian(rng)) * 100) / 100));
    cols.recency_days.push(Math.max(0, Math.round(s.recency * (1 + 0.25 * gaussian(rng)))));
    cols.discount_rate.push(Math.min(1, Math.max(0, s.discount + 0.08 * gaussian(rng))));
    cols.is_member.push(rng() < s.member ? 1 : 0);
    cols.favourite_category.push(rng() < 0.7 ? s.cat : shapes[Math.floor(rng() * shapes.length)].cat);
    cols.preferred_channel.push(rng() < 0.7 ? s.channel : 'email');
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i >> 3) % LAST.length];
    pii.push(`${first} ${last}`, `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`, `+44 7700 ${String(900000 + i).slice(-6)}`);
    const parts = [filler[Math.floor(rng() * filler.length)]];
    if (rng() < 0.6) parts.push(s.phrase);
    if (rng() < 0.1) parts.push(`contact ${first} ${last} at ${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com or +44 7700 ${String(900000 + i).slice(-6)}`);
    cols.review.push(parts.join('. '));
  }
  const table = makeTable({
    numeric: { age: cols.age, orders: cols.orders, total_spend: cols.total_spend, recency_days: cols.recency_days, discount_rate: cols.discount_rate },
    booleans: { is_member: cols.is_member },
    categorical: { favourite_category: cols.favourite_category, preferred_channel: cols.preferred_channel },
    text: { review: cols.review },
    pii,
  });
  return { table, labels };
}
