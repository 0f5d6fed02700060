import { join } from 'node:path';
import type { RunFile } from '../model/run.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { stageCounter, type ProgressHook } from '../util/progress.js';
import { renderBrief } from './render-brief.js';
import { renderBriefIndex } from './render-index.js';

export const BRIEFS_DIR = 'briefs';

/**
 * Write runDir/briefs/segment-<id>.md for every describable segment and briefs/index.md,
 * each file atomically. Segments under the minimum size get no brief (never exported).
 * Returns the paths written, index last.
 */
export function writeBriefs(runDir: string, run: RunFile, progress?: ProgressHook): string[] {
  const dir = join(runDir, BRIEFS_DIR);
  const written: string[] = [];
  const described = run.segments.filter((s) => !s.small);
  const briefs = stageCounter(progress, 'briefs', 'briefs', described.length + 1);
  for (const segment of described) {
    const path = join(dir, `segment-${segment.id}.md`);
    writeFileAtomic(path, renderBrief(run, segment));
    written.push(path);
    briefs.tick();
  }
  const index = join(dir, 'index.md');
  writeFileAtomic(index, renderBriefIndex(run));
  written.push(index);
  briefs.tick();
  return written;
}
