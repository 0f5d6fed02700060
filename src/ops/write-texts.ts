import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { runField } from './fields.js';
import { defineOperation } from './operation.js';
import { updateRunFile } from '../run/store.js';
import { writeContextOf } from '../pipeline/save-texts.js';
import { makeLabels } from '../write/labels.js';
import { openRun } from './session.js';
import { createWriter } from '../write/create-writer.js';
import { applyTexts, appendTranscript, writePhase } from '../pipeline/write-phase.js';
import { SegmentTextsSchema, type SegmentTexts } from '../model/texts.js';
import { writeBriefs } from '../brief/write-briefs.js';
import { REPORT_HTML, writeReport } from '../brief/report/build-report.js';
import { loadCustomers } from '../data/load.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from '../errors.js';
import type { LlmRecord } from '../model/run.js';
import { OP_DESCRIPTIONS } from './descriptions.js';
import { RENDER_WORDS } from './render-words.js';
import type { Language } from '../util/script.js';

export const WriteInput = z.object({
  run: runField,
  resume: z.boolean().default(false).describe('Continue an interrupted write without repeating finished segments'),
});

/** Progress of a write in flight, saved after each segment so `--resume` can skip it. */
const PROGRESS = 'write-progress.json';
const ProgressSchema = z.object({
  startedAt: z.string(),
  writer: z.string(),
  texts: z.record(z.string(), SegmentTextsSchema),
  llm: z.unknown().optional(),
});

export interface WriteResult {
  runId: string;
  writer: string;
  written: number;
  resumed: number;
  fallbacks: number;
  segments: { id: number; name: string; writer: string }[];
  /** The language the texts were written in, and the answer is printed in. */
  lang?: Language;
}

export const writeTextsOp = defineOperation({
  name: 'write',
  description: OP_DESCRIPTIONS.writeTexts,
  input: WriteInput,
  async run(input, ctx): Promise<WriteResult> {
    const { dir, run } = openRun(ctx, input.run);
    const progressPath = join(dir, PROGRESS);
    const writerName = ctx.config.llm ? `llm (${ctx.config.llm.model})` : 'offline';
    let done: Record<number, SegmentTexts> = {};
    let previousLlm: LlmRecord | undefined;
    if (input.resume) {
      if (!existsSync(progressPath)) throw new UsageError(`Run ${run.id} has no interrupted write to resume. Run \`segmenta write ${run.id}\` to re-write it.`);
      const progress = ProgressSchema.parse(JSON.parse(readFileSync(progressPath, 'utf8')));
      if (progress.writer !== writerName) {
        throw new UsageError(`the interrupted write of Run ${run.id} used ${progress.writer}, not ${writerName}. Resume with the same model, or start over without --resume.`);
      }
      done = Object.fromEntries(Object.entries(progress.texts).map(([k, v]) => [Number(k), v]));
      previousLlm = progress.llm as LlmRecord | undefined;
      ctx.log(`resuming: ${Object.keys(done).length} segment(s) already written`);
    }

    // The PII values of the source file let the privacy guard scrub by value, not only by
    // pattern; if the file has moved, the profiles (already scrubbed) are all that is sent.
    const piiValues = existsSync(run.config.file)
      ? (await loadCustomers(run.config.file, { idColumn: run.config.idColumn, ignore: run.config.ignore, text: run.config.text })).piiValues
      : undefined;
    const writer = await createWriter(ctx.config, { log: ctx.log, piiValues, signal: ctx.signal });
    const startedAt = new Date().toISOString();
    const saveProgress = (texts: Record<number, SegmentTexts>) =>
      writeFileAtomic(progressPath, JSON.stringify({ startedAt, writer: writerName, texts, llm: writer.record?.(previousLlm) }));

    const lang = ctx.config.lang ?? run.config.lang ?? 'en';
    const wctx = writeContextOf(run);
    wctx.labels ??= makeLabels(wctx.profiles);
    run.labels = wctx.labels;
    const { texts } = await writePhase(run.segments.map((s) => s.profile), {
      config: ctx.config,
      labels: wctx.labels,
      brand: wctx.brand,
      lang,
      log: ctx.log,
      progress: ctx.progress,
      signal: ctx.signal,
      writer,
      done,
      onSegmentDone: (_id, _texts, all) => saveProgress(all),
      // A tone or offer set with `copy N --tone/--offer` is kept: re-writing is not changing it.
      // (A copy language other than English needs the LLM: offline, it is left out, not an error.)
      copySettings: Object.fromEntries(
        run.segments.flatMap((s) => {
          const c = s.texts?.copySettings;
          return c ? [[s.id, ctx.config.llm ? c : { tone: c.tone, offer: c.offer }]] : [];
        }),
      ),
    });
    // Under the Run's lock, on a fresh read: a `copy … --offer` saved meanwhile is kept in the history.
    const fresh = await updateRunFile(dir, (r) => {
      applyTexts(r, texts, writer, previousLlm);
      r.config.lang = lang;
      r.labels = run.labels;
    }, { log: ctx.log });
    Object.assign(run, fresh);
    appendTranscript(dir, writer);
    // Everything made from the texts is made again: a report quoting the old copy would mislead.
    writeBriefs(dir, run);
    if (existsSync(join(dir, REPORT_HTML))) writeReport(dir, run);
    rmSync(progressPath, { force: true });

    const segments = run.segments.filter((s) => s.texts).map((s) => ({ id: s.id, name: s.texts!.name, writer: s.texts!.writer.fallback ? 'offline (fallback)' : s.texts!.writer.kind }));
    return { runId: run.id, writer: writerName, written: segments.length - Object.keys(done).length, resumed: Object.keys(done).length, fallbacks: run.llm?.fallbacks.length ?? 0, segments, lang };
  },
  render(r) {
    const w = RENDER_WORDS[r.lang ?? 'en'];
    return [
      w.runs.rewrote(r.runId, w.texts.writer(r.writer), r.written, r.resumed, r.fallbacks),
      ...r.segments.map((s) => `  ${String(s.id).padStart(2)}  ${s.name}  (${w.texts.writer(s.writer)})`),
      w.runs.kept,
    ].join('\n');
  },
});
