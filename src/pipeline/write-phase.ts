import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { LlmRecord, RunFile } from '../model/run.js';
import type { SegmentProfile } from '../model/profile.js';
import type { SegmentTexts } from '../model/texts.js';
import type { Writer } from '../model/writer.js';
import { createWriter } from '../write/create-writer.js';
import { writeAllTexts, type WriteAllOptions } from '../write/write-all.js';

export const TRANSCRIPT = 'llm-transcript.jsonl';

export interface WritePhaseOptions extends Pick<WriteAllOptions, 'done' | 'onSegmentDone' | 'labels' | 'brand' | 'lang' | 'progress' | 'copySettings'> {
  config: Config;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Values of the data's PII columns, so the privacy guard scrubs them by value. */
  piiValues?: Iterable<string>;
  /** A writer chosen by the caller (a library user's own); else the one the config asks for. */
  writer?: Writer;
}

/**
 * The write phase, the same for a new Run (makeRun) and a re-write (`segmenta write`): the
 * writer the configuration asks for, names for all segments in one call, persona and copy a few
 * segments at a time, stopped by the user's signal before any further request.
 */
export async function writePhase(profiles: SegmentProfile[], options: WritePhaseOptions): Promise<{ writer: Writer; texts: Record<number, SegmentTexts> }> {
  const writer = options.writer ?? (await createWriter(options.config, { log: options.log, piiValues: options.piiValues, signal: options.signal }));
  const texts = await writeAllTexts(writer, profiles, {
    log: options.log,
    progress: options.progress,
    signal: options.signal,
    concurrency: options.config.llm?.concurrency,
    done: options.done,
    onSegmentDone: options.onSegmentDone,
    labels: options.labels,
    brand: options.brand,
    lang: options.lang,
    copySettings: options.copySettings,
  });
  return { writer, texts };
}

/**
 * Put freshly written texts into a Run: what they replace goes to `textsHistory`, and the Run
 * records which writer (and model, usage, fallbacks) wrote them.
 */
export function applyTexts(run: RunFile, texts: Record<number, SegmentTexts>, writer: Writer, previousLlm?: LlmRecord, now = new Date()): void {
  const old: Record<number, SegmentTexts> = {};
  for (const seg of run.segments) if (seg.texts) old[seg.id] = seg.texts;
  if (Object.keys(old).length) run.textsHistory = [...(run.textsHistory ?? []), { writtenAt: now.toISOString(), writer: run.config.writer, texts: old }];
  for (const seg of run.segments) seg.texts = texts[seg.id];
  run.config.writer = writer.info.kind;
  run.config.model = writer.info.model;
  run.llm = writer.record?.(previousLlm);
}

/** Every prompt sent and reply received, appended to the Run's transcript so evals and debugging can replay them. */
export function appendTranscript(runDir: string, writer: Writer): void {
  if (writer.transcript?.length) appendFileSync(join(runDir, TRANSCRIPT), writer.transcript.map((t) => JSON.stringify(t)).join('\n') + '\n');
}
