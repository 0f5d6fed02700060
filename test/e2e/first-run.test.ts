import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue #17, a new user's first minutes, in a fresh copy of the repository (the committed tree,
 * with this checkout's node_modules and `npm run build` standing in for `npm install`):
 * `npm run demo && npx segmenta show && npx segmenta show biggest && npx segmenta brief "most valuable"`
 * all exit 0, the demo ends with three next commands, and `eval` / `assign --run` take the
 * runDir that `segment --json` prints.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let clone: string;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, {
    cwd: clone,
    encoding: 'utf8',
    timeout: 180_000,
    // No LLM, and no workspace from the environment: the default one is what a new user gets.
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', SEGMENTA_WORKSPACE: '', NO_COLOR: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'segmenta-clone-'));
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${clone}"`]);
  if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  // What `npm install` runs through "prepare": the bin runs the compiled JavaScript.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: clone, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
}, 300_000);

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe('first run', () => {
  it('npm run demo, then show, show biggest and brief "most valuable" all work on what the demo made', () => {
    const demo = run('npm', ['run', '--silent', 'demo']);
    expect(demo.status, demo.stderr).toBe(0);
    // It wrote to the default workspace, where every later command looks.
    expect(readdirSync(join(clone, 'segmenta-workspace', 'runs')).filter((n) => !n.startsWith('.'))).toHaveLength(1);
    // And ends with the three next commands to try.
    const tail = demo.stdout.trimEnd().split('\n').slice(-4);
    expect(tail[0]).toBe('Next, try:');
    expect(tail.slice(1).map((l) => l.trim())).toEqual(['segmenta show biggest', 'segmenta brief "most valuable"', expect.stringMatching(/^segmenta compare \d+ \d+$/)]);

    const show = run('npx', ['segmenta', 'show']);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Run \d{8}-\d{6}-[0-9a-f]{4} — 3,000 customers/);

    const biggest = run('npx', ['segmenta', 'show', 'biggest']);
    expect(biggest.status, biggest.stderr).toBe(0);
    // The biggest by size, as listed by `show`.
    const sizes = [...show.stdout.matchAll(/^(\d+)\s{2}.+?\s{2,}([\d,]+)\s{2}/gm)].map((m) => ({ id: Number(m[1]), size: Number(m[2].replace(/,/g, '')) }));
    const top = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    expect(biggest.stdout).toMatch(new RegExp(`^Segment ${top.id}: `));

    const brief = run('npx', ['segmenta', 'brief', 'most valuable']);
    expect(brief.status, brief.stderr).toBe(0);
    expect(brief.stdout).toMatch(/^# Segment \d+: /);
    // Unquoted words are one segment reference too.
    const unquoted = run('npx', ['segmenta', 'brief', 'most', 'valuable']);
    expect(unquoted.status).toBe(0);
    expect(unquoted.stdout.split('\n')[0]).toBe(brief.stdout.split('\n')[0]);
  }, 300_000);

  it('eval and assign --run take the runDir that segment --json prints', () => {
    const ws = join(clone, 'elsewhere');
    const seg = run('npx', ['segmenta', 'segment', 'examples/customers.csv', '--workspace', ws, '--json', '-q']);
    expect(seg.status, seg.stderr).toBe(0);
    const { runDir, runId } = JSON.parse(seg.stdout) as { runDir: string; runId: string };
    expect(existsSync(runDir)).toBe(true);
    // From another workspace entirely: the path alone names the Run.
    const ev = run('npx', ['segmenta', 'eval', runDir, '--json']);
    expect([0, 1]).toContain(ev.status); // 1 is a missed threshold (a verdict), never a refused path
    expect(ev.stderr).not.toMatch(/no Run/);
    const card = JSON.parse(ev.stdout) as { passed: boolean; metrics: unknown[] };
    expect(typeof card.passed).toBe('boolean');
    expect(card.metrics.length).toBeGreaterThan(3);
    // The scorecard is saved with the Run the path names.
    expect(JSON.parse(readFileSync(join(runDir, 'evals.json'), 'utf8')).runId).toBe(runId);
    const assign = run('npx', ['segmenta', 'assign', 'examples/customers.csv', '--run', runDir, '--json']);
    expect(assign.status, assign.stderr).toBe(0);
    const out = JSON.parse(assign.stdout) as { runId: string; customers: number };
    expect(out.runId).toBe(runId);
    expect(out.customers).toBe(3000);
    // A path that is not a Run is one clear line, exit 1.
    const bad = run('npx', ['segmenta', 'eval', join(clone, 'examples')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/not a Run folder/);
  }, 300_000);
});
