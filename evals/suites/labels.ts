import type { RunFile, RunSegment } from '../../src/model/run.js';
import type { SegmentTexts } from '../../src/model/texts.js';
import type { LabelText } from '../judge/types.js';

/** The segments that have texts (segments under the minimum size are never described). */
export function describedSegments(run: RunFile): (RunSegment & { texts: SegmentTexts })[] {
  return run.segments.filter((s): s is RunSegment & { texts: SegmentTexts } => !!s.texts);
}

/**
 * What a judge may see of each described segment: 'label' is the name, the summary and the
 * persona's evidence lines (what a marketer reads about the segment); 'name' is the name alone.
 */
export function labelTexts(run: RunFile, read: 'label' | 'name' = 'label'): LabelText[] {
  return describedSegments(run).map((s) =>
    read === 'name' ? { id: s.id, name: s.texts.name, summary: '' } : { id: s.id, name: s.texts.name, summary: s.texts.summary, evidence: s.texts.persona.evidence },
  );
}
