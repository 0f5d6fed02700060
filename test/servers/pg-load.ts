import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** psql from the same PostgreSQL install the test server runs (a client: root may run it). */
function psqlPath(): string {
  const root = '/usr/lib/postgresql';
  for (const v of existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []) {
    const p = join(root, v, 'bin', 'psql');
    if (existsSync(p)) return p;
  }
  return 'psql';
}

/** Run SQL (psql meta-commands such as \copy allowed) against the server, stopping at the first error. */
export function psql(url: string, sql: string): string {
  return execFileSync(psqlPath(), [url, '-v', 'ON_ERROR_STOP=1', '-q', '-X'], { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** examples/customers.csv as a typed table, the way a warehouse holds it (numbers, dates, text). */
export const CUSTOMERS_DDL = `CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY, name TEXT, email TEXT, phone TEXT, street_address TEXT,
  age INTEGER, orders_12m INTEGER, total_spend DOUBLE PRECISION, avg_order_value DOUBLE PRECISION,
  days_since_last_order INTEGER, discount_rate DOUBLE PRECISION, return_rate DOUBLE PRECISION,
  favourite_category TEXT, preferred_channel TEXT, newsletter TEXT, signup_date DATE, review TEXT)`;

export function loadCustomersCsv(url: string, csv: string, table = 'customers'): void {
  psql(url, `${CUSTOMERS_DDL.replace('customers', table)};\n\\copy ${table} FROM '${csv}' WITH (FORMAT csv, HEADER true)\n`);
}

/** test/fixtures/planted-events.ts as a typed event table: timestamps, amounts, categories. */
export const EVENTS_DDL = 'CREATE TABLE events (customer_id TEXT, event_time TIMESTAMP, amount DOUBLE PRECISION, category TEXT, channel TEXT)';
