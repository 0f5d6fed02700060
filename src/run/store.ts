import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { RunFile } from '../model/run.js';

/**
 * The Run folder: `<workspace>/runs/<id>/` with run.json, assignments.csv, the index and briefs.
 * A new Run is assembled in a hidden staging folder and renamed into place in one step, so a
 * crash never leaves a half-written Run behind; later updates rewrite single files atomically.
 */
export const RUN_JSON = 'run.json';
export const ASSIGNMENTS_CSV = 'assignments.csv';

export function runsDir(workspace: string): string {
  return join(resolve(workspace), 'runs');
}

export function runDir(workspace: string, id: string): string {
  return join(runsDir(workspace), id);
}

/** Run ids sort by time: 20261124-173512-ab12. */
export function newRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** A staging folder for a new Run; `commit()` moves it into place, `abort()` removes it. */
export function stageRun(workspace: string, id: string) {
  const dir = join(runsDir(workspace), `.staging-${id}`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    commit(): string {
      const final = runDir(workspace, id);
      renameSync(dir, final);
      return final;
    },
    abort(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// What must be true of any run.json we read back; the rest is trusted as our own output.
const RunFileShape = z.looseObject({
  version: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  segments: z.array(z.looseObject({ id: z.number(), size: z.number(), profile: z.looseObject({}) })),
});

export function readRunFile(dir: string): RunFile {
  const path = join(dir, RUN_JSON);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`${path}: cannot read the Run (${(err as Error).message}). Make a new one with \`segmenta segment FILE\`.`);
  }
  const parsed = RunFileShape.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`${path}: not a segmenta Run (${parsed.error.issues[0]?.message}). Make a new one with \`segmenta segment FILE\`.`);
  }
  return raw as RunFile;
}

export function writeRunFile(dir: string, run: RunFile): void {
  writeFileAtomic(join(dir, RUN_JSON), JSON.stringify(run, null, 2) + '\n');
}

export interface RunSummary {
  id: string;
  dir: string;
  createdAt: string;
  file: string;
  customers: number;
  k: number;
  writer: string;
}

/** Every complete Run in the workspace, newest first. */
export function listRuns(workspace: string): RunSummary[] {
  const root = runsDir(workspace);
  if (!existsSync(root)) return [];
  const out: RunSummary[] = [];
  for (const name of readdirSync(root)) {
    if (name.startsWith('.')) continue;
    const dir = join(root, name);
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, RUN_JSON))) continue;
    try {
      const run = readRunFile(dir);
      out.push({
        id: run.id,
        dir,
        createdAt: run.createdAt,
        file: run.config?.file ?? '',
        customers: run.metrics?.customers ?? 0,
        k: run.metrics?.k ?? run.segments.length,
        writer: run.config?.writer ?? 'offline',
      });
    } catch {
      // A folder that is not a readable Run is skipped, not fatal for listing.
    }
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/**
 * Find a Run by id, unique id prefix, or "latest" (the default). The REPL and Slack work on
 * the latest Run unless told otherwise.
 */
export function resolveRun(workspace: string, ref?: string): { dir: string; run: RunFile } {
  const runs = listRuns(workspace);
  if (runs.length === 0) {
    throw new UsageError(`no Runs in ${runsDir(workspace)} yet. Make one with \`segmenta segment FILE\`.`);
  }
  if (!ref || ref === 'latest') return { dir: runs[0].dir, run: readRunFile(runs[0].dir) };
  const exact = runs.find((r) => r.id === ref);
  const matches = exact ? [exact] : runs.filter((r) => r.id.startsWith(ref));
  if (matches.length === 1) return { dir: matches[0].dir, run: readRunFile(matches[0].dir) };
  if (matches.length === 0) {
    throw new UsageError(`no Run "${ref}" in ${runsDir(workspace)}. \`segmenta runs\` lists them.`);
  }
  throw new UsageError(`"${ref}" matches ${matches.length} Runs (${matches.slice(0, 3).map((r) => r.id).join(', ')}…). Give more of the id.`);
}
