import { detailWords } from './eval-words.js';
import type { Writer } from '../src/model/writer.js';
import { OfflineWriter } from '../src/write/offline-writer.js';
import type { EvalContext } from './context.js';

/**
 * The writer that wrote the Run's names, for the stability suite to re-name resampled segments
 * the same way. The one module of evals/ that imports src/write/ (the floor plan's
 * `judge-apart-from-writer` rule names it as its only exception): it runs the writer under
 * test; it does not judge with the writer's code. Everything that compares or checks texts is
 * in evals/checks/.
 */
export async function writerUnderTest(ctx: EvalContext): Promise<{ writer?: Writer; why?: string }> {
  if (ctx.run.config?.writer !== 'llm') return { writer: new OfflineWriter() };
  if (!ctx.config.llm) return { why: detailWords(ctx).llmNoWriter };
  // Loaded only now: the LLM client libraries cost seconds of start-up that offline evals skip.
  const { createResilientWriter } = await import('../src/write/resilient-writer.js');
  return { writer: createResilientWriter(ctx.config.llm, new OfflineWriter(), { piiValues: ctx.table.piiValues, log: ctx.log }) };
}

/** The offline writer, for a worker thread that re-names resampled segments as the main thread would. */
export function offlineWriter(): Writer {
  return new OfflineWriter();
}

/** Is this the offline writer (deterministic, so its re-naming can run on worker threads)? */
export function isOfflineWriter(writer: Writer | undefined): boolean {
  return writer === undefined || writer instanceof OfflineWriter;
}
