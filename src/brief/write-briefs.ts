import { join } from 'node:path';
import type { RunFile } from '../model/run.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { renderBrief } from './render-brief.js';
import { renderBriefIndex } from './render-index.js';

export const BRIEFS_DIR = 'briefs';

/**
 * Write runDir/briefs/segment-<id>.md for every describable segment and briefs/index.md,
 * each file atomically. Segments under the minimum size get no brief (never exported).
 * Returns the paths written, index last.
 */
export function writeBriefs(runDir: string, run: RunFile): string[] {
  const dir = join(runDir, BRIEFS_DIR);
  const written: string[] = [];
  for (const segment of run.segments) {
    if (segment.small) continue;
    const path = join(dir, `segment-${segment.id}.md`);
    writeFileAtomic(path, renderBrief(run, segment));
    written.push(path);
  }
  const index = join(dir, 'index.md');
  writeFileAtomic(index, renderBriefIndex(run));
  written.push(index);
  return written;
}
