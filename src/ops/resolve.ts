import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { RUN_JSON, readRunFile, resolveRun } from '../run/store.js';
import type { RunFile, RunSegment } from '../model/run.js';
import { resolveSegment } from './segments.js';

export { resolveSegment, describedTexts, segmentWordsZh } from './segments.js';
export { pickSegment, valueFeature, type Superlative } from './pick-segment.js';

/**
 * The one way every surface names things (CLI, REPL, agent tools, Slack):
 * - a Run by id, unique id prefix, `latest` (also "newest", "last", "current" when no session
 *   Run is set) or a path — the `runDir` that `segment --json` prints, or its run.json;
 * - a segment by number, by a word of its name, or by a superlative (run/segments.ts).
 */
export function resolveRunRef(workspace: string, ref?: string): { dir: string; run: RunFile } {
  const r = ref?.trim();
  if (r && looksLikePath(r)) {
    const dir = basename(r) === RUN_JSON ? dirname(resolve(r)) : resolve(r);
    if (!existsSync(join(dir, RUN_JSON))) {
      throw new UsageError(`${r}: not a Run folder (no ${RUN_JSON} in it). Give a Run id, \`latest\`, or the runDir that \`segmenta segment --json\` prints.`);
    }
    return { dir, run: readRunFile(dir) };
  }
  if (r && /^(newest|last|most recent|current)$/i.test(r)) return resolveRun(workspace, 'latest');
  return resolveRun(workspace, r || undefined);
}

/** A path rather than an id: it has a separator, starts with ~ or ., or is an existing folder. */
function looksLikePath(ref: string): boolean {
  if (/[\\/]/.test(ref) || ref.startsWith('.')) return true;
  try {
    return statSync(ref).isDirectory();
  } catch {
    return false;
  }
}

/** A Run and one of its segments, both named the usual way. */
export function resolveSegmentRef(workspace: string, runRef: string | undefined, segmentRef: string | number): { dir: string; run: RunFile; segment: RunSegment } {
  const { dir, run } = resolveRunRef(workspace, runRef);
  return { dir, run, segment: resolveSegment(run, segmentRef) };
}

/**
 * Words typed after a command ("show 2026 3", "show biggest", "brief most valuable") → the Run
 * they name first, if any, and the segment the rest names. The first word is a Run when it is a
 * path, `latest`, or an id or prefix (four digits or more: segment numbers are never that long).
 */
export function splitRunAndSegment(words: string[]): { run?: string; segment?: string } {
  const [first, ...rest] = words.map((w) => w.trim()).filter(Boolean);
  if (first === undefined) return {};
  const isRun = first === 'latest' || /^\d{4,}/.test(first) || looksLikePath(first);
  if (isRun) return { run: first, segment: rest.length ? rest.join(' ') : undefined };
  return { segment: [first, ...rest].join(' ') };
}

/**
 * Words after `quotes` ("3 delivery", "most valuable delivery times", "lapsed about the app")
 * → the segment they name and the topic. "about" splits them when it is there; else a
 * two-word superlative ("most valuable", "least valuable", "most lapsed") or one word is the
 * segment and the rest the topic.
 */
export function splitSegmentAndTopic(words: string[]): { segment?: string; about?: string } {
  const w = words.map((x) => x.trim()).filter(Boolean);
  const at = w.findIndex((x) => x.toLowerCase() === 'about');
  const join = (xs: string[]) => (xs.length ? xs.join(' ') : undefined);
  if (at > 0) return { segment: join(w.slice(0, at)), about: join(w.slice(at + 1)) };
  const take = /^(most|least)$/i.test(w[0] ?? '') && w.length > 1 ? 2 : 1;
  return { segment: join(w.slice(0, take)), about: join(w.slice(take)) };
}
