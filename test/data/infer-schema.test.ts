import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSchema, loadCustomers } from '../../src/data/load.js';
import type { CustomerTable } from '../../src/model/data.js';
import { generateCustomers } from '../../examples/generate.js';
import { csv, makeTempDir } from './helpers.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

function role(table: CustomerTable, column: string) {
  return table.schema.columns.find((c) => c.name === column);
}

function featureNames(table: CustomerTable): string[] {
  return [...table.numeric.map((c) => c.name), ...table.categorical.map((c) => c.name), ...table.text.map((c) => c.name)];
}

describe('schema inference on examples/customers.csv', () => {
  let table: CustomerTable;
  beforeAll(async () => {
    table = await loadCustomers('examples/customers.csv');
  });

  it('finds the id and one row per customer', () => {
    expect(table.schema.idColumn).toBe('customer_id');
    expect(table.schema.kind).toBe('customers');
    expect(table.ids).toHaveLength(3000);
    expect(table.ids[0]).toBe('C00001');
    expect(table.quality.customers).toBe(3000);
    expect(table.quality.duplicateIds).toBe(0);
  });

  it('gives every column the expected role', () => {
    const roles = Object.fromEntries(table.schema.columns.map((c) => [c.name, c.role]));
    expect(roles).toEqual({
      customer_id: 'id',
      name: 'pii',
      email: 'pii',
      phone: 'pii',
      street_address: 'pii',
      age: 'numeric',
      orders_12m: 'numeric',
      total_spend: 'numeric',
      avg_order_value: 'numeric',
      days_since_last_order: 'numeric',
      discount_rate: 'numeric',
      return_rate: 'numeric',
      favourite_category: 'categorical',
      preferred_channel: 'categorical',
      newsletter: 'boolean',
      signup_date: 'datetime',
      review: 'text',
    });
    expect(role(table, 'email')?.piiKind).toBe('email');
    expect(role(table, 'street_address')?.piiKind).toBe('address');
    for (const c of table.schema.columns) expect(c.reason.length).toBeGreaterThan(0);
  });

  it('never makes a PII column a feature, and keeps PII values only in piiValues', () => {
    const pii = table.schema.columns.filter((c) => c.role === 'pii').map((c) => c.name);
    expect(pii).toEqual(['name', 'email', 'phone', 'street_address']);
    for (const name of pii) expect(featureNames(table)).not.toContain(name);
    expect(table.piiValues.has('ella.adams1@example.net')).toBe(true);
    expect(table.piiValues.has('Ella Adams')).toBe(true);
    for (const cat of table.categorical) for (const level of cat.levels) expect(table.piiValues.has(level)).toBe(false);
  });

  it('derives numbers from booleans and dates', () => {
    const newsletter = table.numeric.find((c) => c.name === 'newsletter')!;
    expect(newsletter.kind).toBe('boolean');
    expect(new Set(newsletter.values)).toEqual(new Set([0, 1]));
    const days = table.numeric.find((c) => c.name === 'signup_date_days_ago')!;
    expect(Math.min(...days.values)).toBeGreaterThanOrEqual(0);
    expect(role(table, 'signup_date')?.reason).toContain('signup_date_days_ago');
  });

  it('cleans: imputes, flags skew, clips the planted typos', () => {
    const q = table.quality;
    const blankAges = generateCustomers({ n: 3000, seed: 42 }).rows.filter((r) => r[5] === '').length;
    expect(blankAges).toBeGreaterThan(20);
    expect(q.missing.find((m) => m.column === 'age')).toMatchObject({ count: blankAges, filledWith: expect.stringContaining('median') });
    expect(q.missing.find((m) => m.column === 'preferred_channel')?.filledWith).toContain('(missing)');
    expect(q.logTransformed).toContain('total_spend');
    expect(q.logTransformed).not.toContain('age');
    expect(q.clipped.find((c) => c.column === 'age')).toMatchObject({ count: 3 });
    const age = table.numeric.find((c) => c.name === 'age')!;
    expect(Math.max(...age.values)).toBeLessThan(100);
    for (const c of table.numeric) for (const v of c.values) expect(Number.isFinite(v)).toBe(true);
  });

  it('describes the schema as a compact table', () => {
    const text = describeSchema(table.schema);
    expect(text.split('\n')[0]).toContain('examples/customers.csv (csv): 3000 rows, one per customer; id column: customer_id');
    expect(text).toMatch(/email\s+pii \(email\)\s+name says emails/);
    expect(text).toMatch(/review\s+text\s+free text/);
  });
});

describe('formats', () => {
  const rows: (string | number)[][] = [['customer_id', 'age', 'spend', 'plan', 'joined', 'vip']];
  for (let i = 1; i <= 60; i++) rows.push([`c${i}`, 20 + (i % 37), ((i * 37) % 500) + 0.5, ['gold', 'silver', 'bronze'][i % 3], `2024-0${(i % 9) + 1}-1${i % 10}`, i % 4 === 0 ? 'yes' : 'no']);
  const expectedRoles = { customer_id: 'id', age: 'numeric', spend: 'numeric', plan: 'categorical', joined: 'datetime', vip: 'boolean' };

  async function check(file: string) {
    const table = await loadCustomers(file);
    expect(Object.fromEntries(table.schema.columns.map((c) => [c.name, c.role]))).toEqual(expectedRoles);
    expect(table.ids).toHaveLength(60);
    expect(table.ids[59]).toBe('c60');
    const spend = table.numeric.find((c) => c.name === 'spend')!.values;
    expect(spend[1]).toBe(74.5);
    return table;
  }

  it('reads CSV, semicolon CSV, TSV, JSONL, a JSON array, gzip CSV and Parquet alike', async () => {
    const { gzipSync } = await import('node:zlib');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const text = csv(rows);
    const header = rows[0] as string[];
    const objects = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const csvFile = tmp.file('f.csv', text);
    await check(csvFile);
    expect((await check(tmp.file('f.csv', text))).schema.format).toBe('csv');
    await check(tmp.file('semi.csv', text.replace(/,/g, ';')));
    expect((await check(tmp.file('f.tsv', text.replace(/,/g, '\t')))).schema.format).toBe('tsv');
    expect((await check(tmp.file('f.jsonl', objects.map((o) => JSON.stringify(o)).join('\n') + '\n'))).schema.format).toBe('jsonl');
    await check(tmp.file('f.json', JSON.stringify(objects)));
    await check(tmp.file('f.csv.gz', gzipSync(text)));
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const parquet = `${tmp.dir}/f.parquet`;
    await conn.run(`COPY (SELECT * REPLACE (CAST(joined AS DATE) AS joined) FROM read_csv('${csvFile}')) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    instance.closeSync();
    expect((await check(parquet)).schema.format).toBe('parquet');
  });
});

describe('PII detection', () => {
  it('finds PII by value pattern under innocent column names, and never makes it a feature', async () => {
    const rows: string[][] = [['customer_id', 'contact', 'reach', 'who', 'host', 'location', 'city', 'spend']];
    const cities = ['New York', 'San Francisco', 'Los Angeles'];
    const first = ['Jane', 'John', 'Mary', 'Peter', 'Ann', 'Omar', 'Priya', 'Sven'];
    const last = ['Doe', 'Roe', 'Smith', 'Okafor', 'Patel', 'Larsen', 'Lee', 'King'];
    for (let i = 1; i <= 80; i++) {
      rows.push([
        `c${i}`,
        `person${i}@example.com`,
        i % 2 ? `+1 555-${String(100 + i).padStart(3, '0')}-${String(1000 + i)}` : `(555) ${String(200 + i)}-${String(3000 + i)}`,
        `${first[i % 8]} ${last[Math.floor(i / 8) % 8]}${i > 64 ? ` ${last[i % 8]}` : ''}`,
        `10.0.${i % 255}.${(i * 7) % 255}`,
        `"${i * 12} Maple Street, Springfield"`,
        cities[i % 3],
        String(i * 3),
      ]);
    }
    const table = await loadCustomers(tmp.file('pii.csv', rows.map((r) => r.join(',')).join('\n') + '\n'));
    const kinds = Object.fromEntries(table.schema.columns.map((c) => [c.name, c.role === 'pii' ? c.piiKind : c.role]));
    expect(kinds).toMatchObject({ contact: 'email', reach: 'phone', who: 'name', host: 'ip', location: 'address', city: 'categorical' });
    const features = featureNames(table);
    for (const c of ['contact', 'reach', 'who', 'host', 'location']) expect(features).not.toContain(c);
    expect(table.piiValues.has('person7@example.com')).toBe(true);
    expect(table.piiValues.has('10.0.3.21')).toBe(true);
  });

  it('free text that mentions an email stays text; an email used as the id is scrubbed too', async () => {
    const rows: string[][] = [['email', 'spend', 'note']];
    for (let i = 1; i <= 30; i++) rows.push([`u${i}@example.org`, String(i), `"great shop, write to me at u${i}@example.org any time"`]);
    const table = await loadCustomers(tmp.file('emailid.csv', rows.map((r) => r.join(',')).join('\n') + '\n'), { idColumn: 'email' });
    expect(table.schema.idColumn).toBe('email');
    expect(table.schema.columns.find((c) => c.name === 'email')).toMatchObject({ role: 'id', piiKind: 'email', overridden: true });
    expect(table.schema.columns.find((c) => c.name === 'note')?.role).toBe('text');
    expect(table.piiValues.has('u3@example.org')).toBe(true);
  });
});

describe('overrides and ids', () => {
  const rows: (string | number)[][] = [['user_id', 'age', 'spend', 'plan', 'comment_code']];
  for (let i = 1; i <= 40; i++) rows.push([`u${i}`, 20 + (i % 30), i * 2.5, ['a', 'b'][i % 2], `K${i}`]);

  it('--ignore and --text change roles and are marked as flags', async () => {
    const table = await loadCustomers(tmp.file('o.csv', csv(rows)), { ignore: ['age'], text: ['plan'] });
    expect(table.schema.columns.find((c) => c.name === 'age')).toMatchObject({ role: 'ignored', overridden: true });
    expect(table.schema.columns.find((c) => c.name === 'plan')).toMatchObject({ role: 'text', overridden: true });
    expect(table.numeric.map((c) => c.name)).not.toContain('age');
    expect(table.text.map((c) => c.name)).toEqual(['plan']);
    expect(describeSchema(table.schema)).toMatch(/age\s+ignored\s+given by --ignore/);
  });

  it('names are matched case-insensitively', async () => {
    const table = await loadCustomers(tmp.file('o2.csv', csv(rows)), { idColumn: 'USER_ID', ignore: ['Age'] });
    expect(table.schema.idColumn).toBe('user_id');
  });

  it('short unique codes are neither a category nor a feature', async () => {
    const table = await loadCustomers(tmp.file('o3.csv', csv([...rows, ...rows.slice(1).map((r) => [`x${r[0]}`, ...r.slice(1, 4), `Z${r[0]}`])])));
    expect(table.schema.columns.find((c) => c.name === 'comment_code')?.role).toBe('ignored');
  });

  it('repeated ids keep their first row, with a count and a warning', async () => {
    const dup = [...rows, ['u3', 99, 999, 'b', 'K3b'], ['u5', 98, 998, 'a', 'K5b']];
    const table = await loadCustomers(tmp.file('dups.csv', csv(dup)));
    expect(table.ids).toHaveLength(40);
    expect(table.quality.duplicateIds).toBe(2);
    expect(table.numeric.find((c) => c.name === 'age')!.values[2]).toBe(23);
    expect(table.quality.warnings.join('\n')).toContain('dups.csv, row 41, column "user_id": 2 repeated ids; the first row of each id was kept');
    expect(table.schema.columns[0].reason).toContain('2 repeated');
  });

  it('rows without an id are skipped with a warning', async () => {
    const holes = rows.map((r, i) => (i === 7 ? ['', ...r.slice(1)] : r));
    const table = await loadCustomers(tmp.file('holes.csv', csv(holes)));
    expect(table.ids).toHaveLength(39);
    expect(table.quality.warnings.join('\n')).toContain('row 7, column "user_id": 1 row has no user_id; skipped');
  });

  it('without an id column, rows are numbered and the user is told how to name one', async () => {
    const table = await loadCustomers(tmp.file('noid.csv', csv(rows.map((r) => r.slice(1)))));
    expect(table.schema.idColumn).toBe('row');
    expect(table.ids.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(table.quality.warnings.join('\n')).toContain('Pass --id COLUMN');
  });

  it('a constant column is dropped and recorded', async () => {
    const table = await loadCustomers(tmp.file('const.csv', csv(rows.map((r, i) => [...r, i === 0 ? 'country' : 'NL']))));
    expect(table.quality.droppedColumns).toContainEqual({ column: 'country', reason: 'every value is the same' });
  });
});
