import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { RunFile } from '../model/run.js';
import { diffRuns } from './diff-runs.js';
import { diffMarkdown } from './diff-markdown.js';

export const CHANGES_MD = 'changes.md';

/** A refreshed Run carries its "what changed" section beside its briefs, in the Run's language. */
export function writeChanges(prevDir: string, prev: RunFile, dir: string, run: RunFile): void {
  writeFileAtomic(join(dir, CHANGES_MD), diffMarkdown({ ...diffRuns(prevDir, prev, dir, run), lang: run.config.lang }) + '\n');
}
