import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../e2e/cli.js';
import { VERSION } from '../../src/cli/version.js';

/**
 * Start-up without a stopwatch (issue #19: `--version` and `runs` in ≤ 0.3 s; the timing lives in
 * bench/run.ts): what a command loads is the cost, so the test lists it. Each command runs the
 * TypeScript sources under tsx with a hook that prints every module resolved or required.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const HEAVY = ['@duckdb/node-api', 'langchain', '@langchain/', 'openai', 'hnswlib-node', 'ml-kmeans', 'pg', '@google-cloud/bigquery', '@slack/bolt', 'marked', 'piscina', 'undici', 'node-sql-parser'];

function loaded(args: string[]): { status: number | null; stdout: string; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(ROOT, 'test/cli/record-imports.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
  });
  const modules = r.stderr.split('\n').filter((l) => l.startsWith('IMPORT ')).map((l) => l.slice(7));
  return { status: r.status, stdout: r.stdout, modules };
}

/** The packages among the modules, by their node_modules folder (or bare name when required). */
function packages(modules: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    const hit = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m);
    if (hit) out.add(hit[1]);
    else if (!/^(node:|file:|\.|\/)/.test(m)) out.add(m.split('/').slice(0, m.startsWith('@') ? 2 : 1).join('/'));
  }
  return out;
}

const heavyIn = (pkgs: Set<string>) => [...pkgs].filter((p) => HEAVY.some((h) => (h.endsWith('/') ? p.startsWith(h) : p === h)));

describe('CLI start-up loads only what the command needs', () => {
  it('the hook sees a heavy package when one is loaded (the check can fail)', () => {
    const r = loaded(['inspect', join(ROOT, 'examples/customers.csv')]);
    expect(r.status).toBe(0);
    expect(heavyIn(packages(r.modules))).toContain('@duckdb/node-api');
  });

  it('--version prints the package version and loads no package at all', () => {
    const r = loaded(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const pkgs = [...packages(r.modules)].filter((p) => p !== 'tsx' && p !== 'esbuild' && p !== 'get-tsconfig' && p !== 'resolve-pkg-maps');
    expect(pkgs).toEqual([]);
  });

  it('runs loads neither DuckDB, the LLM clients, the vector store nor the progress bars', () => {
    const r = loaded(['--workspace', tempDir('segmenta-startup-'), 'runs']);
    expect(r.status).toBe(0);
    const pkgs = packages(r.modules);
    expect(heavyIn(pkgs)).toEqual([]);
    expect(pkgs.has('cli-progress')).toBe(false);
    expect(pkgs.has('proper-lockfile')).toBe(false);
  });

  it('the bin says how to build when dist/ is missing (one line, exit 1)', () => {
    const dir = tempDir('segmenta-bin-');
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin/segmenta.js'), join(dir, 'bin/segmenta.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin/segmenta.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build');
  });
});
