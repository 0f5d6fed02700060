import type { Config } from '../config.js';
import { OfflineWriter } from './offline-writer.js';
import type { Writer } from '../model/writer.js';

/**
 * The writer the configuration asks for: the offline writer when no LLM is configured, else
 * the LLM writer with the offline writer behind it item by item. `piiValues` (the values of
 * the data's PII columns) let the privacy guard scrub them by value, not only by pattern.
 *
 * The LLM modules are imported only when an LLM is configured: @langchain/openai alone took
 * 2.9 s to import here, which every offline command would otherwise pay at start-up.
 */
export interface CreateWriterOptions {
  log?: (line: string) => void;
  piiValues?: Iterable<string>;
  /** The user's cancellation: every LLM request is aborted with it. */
  signal?: AbortSignal;
}

export async function createWriter(config: Config, options: CreateWriterOptions = {}): Promise<Writer> {
  if (!config.llm) return new OfflineWriter();
  const { createResilientWriter } = await import('./resilient-writer.js');
  return createResilientWriter(config.llm, new OfflineWriter(), options);
}
