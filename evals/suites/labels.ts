import type { RunFile, RunSegment } from '../../src/run/types.js';
import type { SegmentTexts } from '../../src/write/schemas.js';
import type { LabelText } from '../judge/types.js';

/** The segments that have texts (segments under the minimum size are never described). */
export function describedSegments(run: RunFile): (RunSegment & { texts: SegmentTexts })[] {
  return run.segments.filter((s): s is RunSegment & { texts: SegmentTexts } => !!s.texts);
}

/** What a judge may see of each described segment: its name and summary. */
export function labelTexts(run: RunFile): LabelText[] {
  return describedSegments(run).map((s) => ({ id: s.id, name: s.texts.name, summary: s.texts.summary }));
}
