/**
 * Are two Runs the same, byte for byte? `tsx bench/same-run.ts RUNDIR_A RUNDIR_B` prints the
 * files that differ (exit 1) or "same" (exit 0). Used to check that a speed change leaves
 * the Run of a file and seed untouched (issue #19): a Run made by the base commit against one
 * made by the change, and two Runs of one build (test/pipeline/same-seed.test.ts).
 *
 * Every file is compared as bytes, after the Run's own id and creation time (which the briefs
 * print) are replaced by placeholders; in run.json the fields that name or time this particular
 * Run are set aside: its id, createdAt, the per-stage seconds and the index's build seconds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** run.json without what differs between any two Runs: which Run it is and how long it took. */
export function comparableRunJson(text: string): string {
  const run = JSON.parse(text) as Record<string, unknown> & { metrics?: Record<string, unknown> };
  delete run.id;
  delete run.createdAt;
  if (run.metrics) delete run.metrics.seconds;
  const index = run.index as Record<string, unknown> | undefined;
  if (index) delete index.buildSeconds;
  return JSON.stringify(run, null, 2);
}

/** The files that differ between two Run folders (missing on either side counts), [] when the same. */
export function runDifferences(a: string, b: string): string[] {
  const fa = filesUnder(a);
  const fb = filesUnder(b);
  const diffs = [...fa.filter((f) => !fb.includes(f)).map((f) => `${f}: only in the first`), ...fb.filter((f) => !fa.includes(f)).map((f) => `${f}: only in the second`)];
  const own = (dir: string) => {
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { id: string; createdAt: string };
    return (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replaceAll(run.id, '<run id>').replaceAll(run.createdAt, '<created>'), 'latin1');
  };
  const [ownA, ownB] = [own(a), own(b)];
  for (const f of fa.filter((x) => fb.includes(x))) {
    const x = readFileSync(join(a, f));
    const y = readFileSync(join(b, f));
    const same = f === 'run.json' ? comparableRunJson(x.toString('utf8')) === comparableRunJson(y.toString('utf8')) : ownA(x).equals(ownB(y));
    if (!same) diffs.push(`${f}: differs`);
  }
  return diffs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv.slice(2);
  const diffs = runDifferences(a, b);
  process.stdout.write(diffs.length ? `${diffs.join('\n')}\n` : 'same\n');
  process.exit(diffs.length ? 1 : 0);
}
