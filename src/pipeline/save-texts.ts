import type { SegmentTexts } from '../model/texts.js';
import type { WriteContext } from '../model/writer.js';
import { updateRunFile, type UpdateOptions } from '../run/store.js';
import type { RunFile } from '../model/run.js';

/** What a writer may see of a Run: every describable profile (small segments never reach a writer). */
export function writeContextOf(run: RunFile): WriteContext {
  const profiles = run.segments.filter((s) => !s.small).map((s) => s.profile);
  // A Run made before labels were kept has none: the writer guesses them (makeLabels).
  return { profiles, labels: run.labels, brand: run.config.brand, lang: run.config.lang };
}

/**
 * Replace one segment's texts in run.json, under the Run's lock and on a fresh read of it (so
 * six parallel `copy … --offer` edits all survive). The texts being replaced are appended to
 * `textsHistory` first, so a re-written persona or copy can be compared with (or restored
 * from) what was there before. `run` (the caller's copy) gets the same change.
 */
export async function saveSegmentTexts(dir: string, run: RunFile, segment: number, texts: SegmentTexts, now = new Date(), options: UpdateOptions = {}): Promise<RunFile> {
  const apply = (r: RunFile) => {
    const seg = r.segments.find((s) => s.id === segment);
    if (!seg) throw new Error(`saveSegmentTexts: no segment ${segment} in Run ${r.id}`);
    if (seg.texts) {
      const w = seg.texts.writer;
      r.textsHistory = [
        ...(r.textsHistory ?? []),
        { writtenAt: now.toISOString(), writer: w.model ? `${w.kind} (${w.model})` : w.kind, texts: { [segment]: seg.texts } },
      ];
    }
    seg.texts = texts;
  };
  const fresh = await updateRunFile(dir, apply, options);
  Object.assign(run, fresh);
  return fresh;
}
