import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunFile } from '../model/run.js';
import type { SegmentTexts } from '../model/texts.js';
import { saveSegmentTexts } from '../pipeline/save-texts.js';
import { writeBriefs } from '../brief/write-briefs.js';
import { REPORT_HTML, writeReport } from '../brief/report/build-report.js';

/**
 * Save one segment's new texts (the old ones go to textsHistory) and regenerate everything
 * made from them: the briefs always, the HTML report when the Run has one. A brief that
 * still showed the old copy would be worse than none.
 */
export async function saveAndRefresh(dir: string, run: RunFile, segment: number, texts: SegmentTexts, options: { log?: (line: string) => void } = {}): Promise<void> {
  // Under the Run's lock, on a fresh read (pipeline/save-texts.ts); `run` gets the saved state.
  await saveSegmentTexts(dir, run, segment, texts, new Date(), options);
  writeBriefs(dir, run);
  if (existsSync(join(dir, REPORT_HTML))) writeReport(dir, run);
}
