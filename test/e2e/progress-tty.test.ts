/**
 * `segment` on a pseudo-terminal (util-linux `script`): stderr is a TTY, so the progress bars
 * are drawn with the counts inside each stage; with --json nothing but warnings reaches stderr.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './cli.js';
import { SEGMENT_STEPS } from '../../src/cli/progress.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run the CLI with stderr on a pseudo-terminal and stdout in a file; returns both. */
function onTerminal(args: string[], workspace?: string): { status: number | null; terminal: string; stdout: string } {
  const dir = tempDir('segmenta-tty-');
  dirs.push(dir);
  const out = join(dir, 'stdout');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${[TSX, join(ROOT, 'src/cli/main.ts'), ...args].map(quote).join(' ')} > ${quote(out)}`;
  const r = spawnSync('script', ['-qefc', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', SEGMENTA_WORKSPACE: workspace ?? join(dir, 'ws'), COLUMNS: '120' },
    timeout: 120_000,
  });
  return { status: r.status, terminal: r.stdout, stdout: readFileSync(out, 'utf8') };
}

describe.skipIf(!HAS_SCRIPT)('progress on a terminal', () => {
  let workspace: string;

  it('segment draws the steps and the counts inside them, ending at their totals', () => {
    workspace = tempDir('segmenta-tty-ws-');
    dirs.push(workspace);
    const r = onTerminal(['segment', 'examples/customers.csv', '--k', '4'], workspace);
    expect(r.status).toBe(0);
    const screen = r.terminal.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '');
    const steps = SEGMENT_STEPS.length;
    expect(screen).toContain(`${steps}/${steps} steps`);
    expect(screen).toMatch(/ingest: 100% of customers\.csv read/);
    expect(screen).toMatch(/cluster: (\d+)\/\1 k-means runs \(100%\)/);
    expect(screen).toMatch(/write: (\d+)\/\1 texts \(100%\)/);
    expect(r.stdout).toMatch(/^Run \S+: 3,000 customers/);
  });

  it('eval counts its suites, takes its bar down and exits', () => {
    const r = onTerminal(['eval'], workspace);
    // 0 or 1 is the verdict; null would be the process kept alive by a bar never stopped.
    expect([0, 1]).toContain(r.status);
    expect(r.terminal.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '')).toMatch(/eval: 8\/8 suites \(100%\)/);
    expect(r.stdout).toMatch(/Saved to .*evals\.json/);
  });

  it('with --json, no progress byte reaches the terminal and stdout is one JSON document', () => {
    const r = onTerminal(['segment', 'examples/customers.csv', '--k', '4', '--json']);
    expect(r.status).toBe(0);
    expect(r.terminal).toBe('');
    expect(JSON.parse(r.stdout).runDir).toMatch(/runs/);
  });
});
