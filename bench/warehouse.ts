/**
 * Warehouse mode at scale: N planted customers generated inside a real PostgreSQL server (the
 * test helper's: temp folder, loopback port), then one Run with `--source postgres://…`.
 * Reports the time spent in the engine and in segmenta, segmenta's peak RSS (the engine is
 * another process: what must stay small is ours, since the rows stay in the engine), the rows
 * fetched, and the ARI of the engine's assignments against the planted groups (from a
 * contingency table computed in SQL, so the bench does not pull the rows either).
 *
 *   npm run bench:warehouse                 # 1M customers
 *   npm run bench:warehouse -- --n 10000000
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { makeWarehouseRun } from '../src/pipeline/warehouse-run.js';
import { startPostgres } from '../test/servers/postgres.js';
import { psql } from '../test/servers/pg-load.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('n', '1000000'));
const K = 4;

/** Four planted groups; the truth lives in its own table, which segmenta never reads. */
const GENERATE = `
SELECT setseed(0.42);
CREATE UNLOGGED TABLE planted AS
SELECT i, i % ${K} AS g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
FROM generate_series(1, ${N}) AS i;
CREATE UNLOGGED TABLE customers AS
SELECT 'C' || lpad(i::text, 9, '0') AS customer_id,
  'user' || i || '@example.com' AS email,
  round((24 + 11 * g + (r1 - 0.5) * 10)::numeric, 0)::integer AS age,
  round(exp(4 + 0.9 * g + (r2 - 0.5))::numeric, 2)::double precision AS total_spend,
  (1 + 3 * g + floor(r3 * 3))::integer AS orders_12m,
  round((0.04 + 0.18 * (g % 2) + r4 * 0.04)::numeric, 3)::double precision AS discount_rate,
  CASE WHEN r5 < 0.85 THEN (ARRAY['email', 'app', 'web', 'store'])[g + 1] ELSE (ARRAY['email', 'app', 'web', 'store'])[1 + floor(r1 * 4)::int] END AS preferred_channel,
  DATE '2025-06-01' - (60 + 250 * g + floor(r2 * 120))::integer AS signup_date
FROM planted;
CREATE UNLOGGED TABLE truth AS SELECT 'C' || lpad(i::text, 9, '0') AS customer_id, g FROM planted;
DROP TABLE planted;
ANALYZE customers; ANALYZE truth;
`;

function ariFromContingency(cells: { a: number; b: number; n: number }[]): number {
  const c2 = (x: number) => (x * (x - 1)) / 2;
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  let n = 0;
  let index = 0;
  for (const { a, b, n: m } of cells) {
    rows.set(a, (rows.get(a) ?? 0) + m);
    cols.set(b, (cols.get(b) ?? 0) + m);
    n += m;
    index += c2(m);
  }
  const sa = [...rows.values()].reduce((s, x) => s + c2(x), 0);
  const sb = [...cols.values()].reduce((s, x) => s + c2(x), 0);
  const expected = (sa * sb) / c2(n);
  return (index - expected) / ((sa + sb) / 2 - expected);
}

async function main() {
  const server = await startPostgres();
  const ws = mkdtempSync(join(tmpdir(), 'segmenta-bench-wh-'));
  // The machine is shared: the load beside the figures says how much of it the bench had.
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
  const loadAtStart = load();
  try {
    let t0 = performance.now();
    psql(server.url, GENERATE);
    const generate = (performance.now() - t0) / 1000;
    console.error(`generated ${N.toLocaleString('en-US')} customers in PostgreSQL in ${generate.toFixed(1)} s`);
    t0 = performance.now();
    const made = await makeWarehouseRun({ seed: 42, k: K, config: loadConfig({ workspace: ws }, {}), log: (l) => console.error(`  ${l}`), warehouse: { url: server.url, table: 'customers' } });
    const wall = (performance.now() - t0) / 1000;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const wh = made.run.warehouse!;
    const engine = Object.values(wh.engineSeconds).reduce((s, x) => s + x, 0);
    const cells = psql(server.url, `\\pset format unaligned\n\\pset tuples_only on\nSELECT t.g, a.segment, count(*) FROM truth t JOIN segmenta_assignments a ON a.customer_id = t.customer_id AND a.run_id = '${made.runId}' GROUP BY 1, 2;\n`)
      .trim().split('\n').map((l) => l.split('|').map(Number)).map(([a, b, n]) => ({ a, b, n }));
    const ari = ariFromContingency(cells);
    const fetched = Object.values(wh.rowsFetched).reduce((s, x) => s + x, 0);
    const loadAtEnd = load();
    const result = { loadAtStart, loadAtEnd, n: N, generateSeconds: +generate.toFixed(1), runSeconds: +wall.toFixed(1), engineSeconds: +engine.toFixed(1), segmentaSeconds: +(wall - engine).toFixed(1), peakRssMb: Math.round(rssMb), rowsFetched: wh.rowsFetched, fetchedTotal: fetched, ari: +ari.toFixed(4), engineSecondsByPurpose: wh.engineSeconds };
    console.log(JSON.stringify(result, null, 2));
    const md = [
      `# Warehouse mode: ${N.toLocaleString('en-US')} customers in PostgreSQL → Run`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:warehouse -- --n ${N}\` (2-core shared machine, PostgreSQL 15, fsync off).`,
      '',
      '| step | seconds |',
      '|---|---|',
      `| generate the planted table (SQL) | ${result.generateSeconds} |`,
      `| Run, wall | ${result.runSeconds} |`,
      `| … waiting for the engine | ${result.engineSeconds} (${Object.entries(wh.engineSeconds).map(([k, v]) => `${k} ${v}`).join(', ')}) |`,
      `| … in segmenta | ${result.segmentaSeconds} |`,
      '',
      `Load average (1 / 5 / 15 min, 2 cores) at the start ${loadAtStart}, at the end ${loadAtEnd}.`,
      '',
      `segmenta peak RSS ${result.peakRssMb} MB; rows fetched ${fetched.toLocaleString('en-US')} (${Object.entries(wh.rowsFetched).map(([k, v]) => `${k} ${v}`).join(', ')}); ARI against the planted groups ${result.ari}.`,
      '',
    ].join('\n');
    writeFileSync(join(import.meta.dirname, 'results', `warehouse-${N >= 1e6 ? `${N / 1e6}M` : N}.md`), md);
  } finally {
    server.stop();
    rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
