/**
 * Issue #19: "10M order lines → per-customer features ≤ 8 s". An Online Retail–shaped CSV
 * (bench/generate.ts ensureOrderLines: "C…" cancellations, a quarter of lines without
 * CustomerID, m/d/yyyy H:MM dates), or its European export (`--european`: `;`, decimal commas,
 * dd.mm.yyyy HH:MM), read into features (`loadCustomers`, what `segmenta segment` does before
 * embedding) in a fresh process per repetition, so its peak RSS is its own.
 *
 *   npx tsx bench/order-lines.ts --lines 10M --reps 3 [--european] [--seed 7] [--data DIR]
 *
 * Prints min / median / max of the seconds inside the job, of the process's wall and CPU
 * seconds, peak RSS, and the load average beside each repetition: the machine is shared, so
 * CPU seconds (user + system, all DuckDB threads) are the figure to compare between commits.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { BENCH_DIR, DEFAULT_DATA_DIR, ensureOrderLines, sizeLabel } from './generate.js';
import { featuresJob } from './job.js';

const ROOT = resolve(BENCH_DIR, '..');

export interface OrderLinesOptions {
  lines: number;
  reps: number;
  seed?: number;
  european?: boolean;
  dataDir?: string;
  /** Run the job in this process (tests): no child process; RSS and CPU are this process's. */
  inProcess?: boolean;
  /** When given, the results are also written to order-lines.json there. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface Spread3 {
  min: number;
  median: number;
  max: number;
}

export interface OrderLinesResult {
  file: string;
  lines: number;
  customers: number;
  features: number;
  /** loadCustomers inside the job; the process's wall and CPU (user + system) seconds; peak RSS. */
  seconds: Spread3;
  processSeconds: Spread3;
  cpuSeconds: Spread3;
  peakRssMb: Spread3;
  /** 1-minute load average before each repetition. */
  loadAverage: number[];
  targetSeconds: number;
}

function spread3(xs: number[]): Spread3 {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { min: r(s[0]), median: r(m), max: r(s[s.length - 1]) };
}

/** The same lines as the European export of a continental spreadsheet, converted by DuckDB (and kept beside the plain file). */
async function ensureEuropean(plain: string): Promise<string> {
  const path = plain.replace(/\.csv$/, '-eu.csv');
  if (existsSync(path) && statSync(path).size > 0) return path;
  const tmp = `${path}.${process.pid}.tmp`;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    await conn.run(`COPY (
      SELECT InvoiceNo, StockCode, Description, Quantity, strftime(strptime(InvoiceDate, '%m/%d/%Y %H:%M'), '%d.%m.%Y %H:%M') AS InvoiceDate,
        replace(printf('%.2f', UnitPrice), '.', ',') AS UnitPrice, CustomerID, Country
      FROM read_csv(${q(plain)}, header = true, columns = {'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'VARCHAR', 'UnitPrice': 'DOUBLE', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})
    ) TO ${q(tmp)} (FORMAT csv, HEADER true, DELIMITER ';', QUOTE '"')`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  renameSync(tmp, path);
  return path;
}

interface Rep {
  seconds: number;
  wall: number;
  cpu: number;
  peakRssMb: number;
  customers: number;
  features: number;
  events: number;
}

/** One `bench/job.ts features FILE` in its own process, with its CPU time from /usr/bin/time. */
function featuresRep(file: string): Promise<Rep> {
  return new Promise((res, rej) => {
    const args = ['-f', 'TIME %e %U %S %M', process.execPath, '--import', 'tsx', join(BENCH_DIR, 'job.ts'), 'features', file];
    const child = spawn('/usr/bin/time', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const time = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(err);
      if (code !== 0 || !time) return rej(new Error(`features job failed (exit ${code}): ${err.slice(-800)}`));
      const job = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; peakRssMb: number; customers: number; features: number; events: number };
      res({ seconds: job.seconds, wall: Number(time[1]), cpu: Number(time[2]) + Number(time[3]), peakRssMb: Math.round(Number(time[4]) / 1024), customers: job.customers, features: job.features, events: job.events });
    });
  });
}

async function featuresInProcess(file: string): Promise<Rep> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const job = await featuresJob(file);
  const c = process.cpuUsage(c0);
  return { ...job, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export async function orderLinesBench(o: OrderLinesOptions): Promise<OrderLinesResult> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  mkdirSync(o.dataDir ?? DEFAULT_DATA_DIR, { recursive: true });
  const t0 = performance.now();
  const plain = await ensureOrderLines(o.lines, o.seed ?? 7, o.dataDir ?? DEFAULT_DATA_DIR);
  const file = o.european ? await ensureEuropean(plain) : plain;
  log(`${sizeLabel(o.lines)} order lines: ${file} (${((performance.now() - t0) / 1000).toFixed(1)} s to generate or find)`);
  const reps: Rep[] = [];
  const loads: number[] = [];
  for (let i = 0; i < o.reps; i++) {
    loads.push(Math.round(loadavg()[0] * 100) / 100);
    const r = o.inProcess ? await featuresInProcess(file) : await featuresRep(file);
    reps.push(r);
    log(`  rep ${i + 1}/${o.reps}: ${r.seconds.toFixed(2)} s in the job, ${r.wall.toFixed(2)} s process, ${r.cpu.toFixed(1)} s CPU, peak RSS ${r.peakRssMb} MB, load ${loads[i]} (${r.customers} customers × ${r.features} features)`);
  }
  const last = reps[reps.length - 1];
  const result: OrderLinesResult = {
    file,
    lines: last.events,
    customers: last.customers,
    features: last.features,
    seconds: spread3(reps.map((r) => r.seconds)),
    processSeconds: spread3(reps.map((r) => r.wall)),
    cpuSeconds: spread3(reps.map((r) => r.cpu)),
    peakRssMb: spread3(reps.map((r) => r.peakRssMb)),
    loadAverage: loads,
    targetSeconds: 8,
  };
  if (o.outDir) {
    mkdirSync(o.outDir, { recursive: true });
    writeFileSync(join(o.outDir, 'order-lines.json'), JSON.stringify(result, null, 2) + '\n');
  }
  return result;
}

function parseCount(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`not a count: ${s} (e.g. 10M, 500k)`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1e6 : m[2].toLowerCase() === 'k' ? 1e3 : 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const get = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const r = await orderLinesBench({
    lines: parseCount(get('--lines') ?? '10M'),
    reps: Number(get('--reps') ?? 3),
    seed: Number(get('--seed') ?? 7),
    european: argv.includes('--european'),
    dataDir: get('--data'),
  });
  const f = (s: Spread3, d = 2) => `${s.min.toFixed(d)} / ${s.median.toFixed(d)} / ${s.max.toFixed(d)}`;
  process.stdout.write(
    [
      `${sizeLabel(r.lines)} order lines → ${r.customers} customers × ${r.features} features (min / median / max of ${r.loadAverage.length})`,
      `  seconds (in the job): ${f(r.seconds)}   target ≤ ${r.targetSeconds} s`,
      `  process wall s:       ${f(r.processSeconds)}`,
      `  CPU s (user + sys):   ${f(r.cpuSeconds, 1)}`,
      `  peak RSS MB:          ${f(r.peakRssMb, 0)}`,
      `  load average:         ${r.loadAverage.join(', ')} (2 cores)`,
    ].join('\n') + '\n',
  );
}
