import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { RunFile } from '../model/run.js';

/** proper-lockfile, loaded when a lock is first taken or checked: reading Runs (`segmenta runs`, `show`) needs none, and its import was ~0.06 s of start-up. */
const lockfile = (): typeof import('proper-lockfile') => createRequire(import.meta.url)('proper-lockfile');

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

const STAGING = '.staging-';
// A staging folder's lock is refreshed every few seconds while its Run is being made; one left
// by a killed process goes stale and the folder is removed the next time a Run starts.
const STAGING_LOCK = { realpath: false, stale: 30_000, update: 5_000 } as const;

/** A staging folder for a new Run; `commit()` moves it into place, `abort()` removes it. */
export function stageRun(workspace: string, id: string) {
  cleanStaleStaging(workspace);
  const dir = join(runsDir(workspace), `${STAGING}${id}`);
  mkdirSync(dir, { recursive: true });
  let release: (() => void) | undefined;
  try {
    release = lockfile().lockSync(dir, { ...STAGING_LOCK, lockfilePath: `${dir}.lock` });
  } catch {
    // Without a lock the folder is still ours; it is only at risk from a cleanup 30 s from now.
  }
  const unlock = () => {
    try {
      release?.();
    } catch {
      // Already released or compromised: nothing left to do.
    }
    release = undefined;
  };
  return {
    dir,
    commit(): string {
      const final = runDir(workspace, id);
      renameSync(dir, final);
      unlock();
      return final;
    },
    abort(): void {
      rmSync(dir, { recursive: true, force: true });
      unlock();
    },
  };
}

/** Remove staging folders no live process holds (left by a crash or kill -9 during a save). */
export function cleanStaleStaging(workspace: string): string[] {
  const root = runsDir(workspace);
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(STAGING) || name.endsWith('.lock')) continue;
    const dir = join(root, name);
    let held = false;
    try {
      held = lockfile().checkSync(dir, { ...STAGING_LOCK, lockfilePath: `${dir}.lock` });
    } catch {
      held = false;
    }
    if (held) continue;
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.lock`, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
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

export interface UpdateOptions {
  /** Told once when another writer holds the Run and this one waits ("waiting for …"). */
  log?: (line: string) => void;
  /** Longest wait for the lock before giving up with a clear error (default 60 s). */
  waitMs?: number;
}

/**
 * Run `work` holding the Run's lock (proper-lockfile: a lock directory next to run.json, with
 * mtime-refresh so a crashed holder's lock goes stale instead of blocking forever). Every change
 * to a Run that exists — run.json updates, a cache built into its folder — takes this one lock,
 * so two commands never write the same Run at once.
 */
export async function withRunLock<T>(dir: string, work: () => Promise<T> | T, options: UpdateOptions = {}): Promise<T> {
  const target = join(dir, RUN_JSON);
  const lockOpts = { realpath: false, stale: 10_000, update: 2_000, lockfilePath: `${target}.lock` };
  let release: () => Promise<void>;
  try {
    release = await lockfile().lock(target, { ...lockOpts, retries: 0 });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw new UsageError(`${target}: cannot lock the Run for an update (${(err as Error).message}).`);
    options.log?.(`waiting for another update of Run ${dir.split(/[\\/]/).pop()} to finish…`);
    const waitMs = options.waitMs ?? 60_000;
    try {
      release = await lockfile().lock(target, { ...lockOpts, retries: { retries: Math.ceil(waitMs / 100), factor: 1, minTimeout: 50, maxTimeout: 150, randomize: true } });
    } catch {
      throw new UsageError(`Run ${dir.split(/[\\/]/).pop()} is being updated by another command and stayed locked for ${Math.round(waitMs / 1000)} s; try again when it has finished.`);
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}

/**
 * Change run.json without losing anyone else's change: under the Run's lock, re-read the file,
 * apply `change` to what is there now, write it atomically, release. Long work (an LLM call)
 * happens before, outside the lock; only the read-modify-write is inside it. Returns the Run as
 * written.
 */
export async function updateRunFile(dir: string, change: (run: RunFile) => void, options: UpdateOptions = {}): Promise<RunFile> {
  return withRunLock(
    dir,
    () => {
      const run = readRunFile(dir);
      change(run);
      writeRunFile(dir, run);
      return run;
    },
    options,
  );
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

export interface BrokenRun {
  id: string;
  dir: string;
  error: Error;
}

/** Every complete Run in the workspace, newest first; unreadable ones go to `broken`. */
export function listRuns(workspace: string, broken?: BrokenRun[]): RunSummary[] {
  const root = runsDir(workspace);
  if (!existsSync(root)) return [];
  const out: RunSummary[] = [];
  for (const name of readdirSync(root)) {
    if (name.startsWith('.')) continue;
    const dir = join(root, name);
    try {
      // statSync follows links: a symlink loop or a dangling link is skipped, not fatal.
      if (!statSync(dir).isDirectory() || !existsSync(join(dir, RUN_JSON))) continue;
    } catch {
      continue;
    }
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
    } catch (err) {
      // A folder that is not a readable Run is not fatal for listing; it is kept aside so that
      // asking for it by id says what is wrong instead of "no such Run".
      broken?.push({ id: name, dir, error: err as Error });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/**
 * Find a Run by id, unique id prefix, or "latest" (the default). The REPL and Slack work on
 * the latest Run unless told otherwise.
 */
export function resolveRun(workspace: string, ref?: string): { dir: string; run: RunFile } {
  const broken: BrokenRun[] = [];
  const runs = listRuns(workspace, broken);
  // A Run whose run.json is truncated or corrupt is named with its error, never silently missing.
  const brokenMatch = ref && ref !== 'latest' ? broken.find((b) => b.id === ref || b.id.startsWith(ref)) : undefined;
  const newestBroken = broken.sort((a, b) => (a.id < b.id ? 1 : -1))[0];
  if (brokenMatch && !runs.some((r) => r.id === ref)) throw brokenMatch.error;
  if ((!ref || ref === 'latest') && newestBroken && (runs.length === 0 || newestBroken.id > runs[0].id)) throw newestBroken.error;
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
