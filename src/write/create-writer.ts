import type { Config } from '../config.js';
import { OpenAIEmbedder } from '../embed/openai-embedder.js';
import type { TextEmbedder } from '../embed/types.js';
import { OfflineWriter } from './offline-writer.js';
import { createResilientWriter } from './resilient-writer.js';
import type { Writer } from './writer.js';

/**
 * The writer the configuration asks for: the offline writer when no LLM is configured, else
 * the LLM writer with the offline writer behind it item by item. `piiValues` (the values of
 * the data's PII columns) let the privacy guard scrub them by value, not only by pattern.
 */
export function createWriter(config: Config, log?: (line: string) => void, piiValues?: Iterable<string>): Writer {
  if (!config.llm) return new OfflineWriter();
  return createResilientWriter(config.llm, new OfflineWriter(), { log, piiValues });
}

/**
 * The text embedder: undefined means the offline TF-IDF → SVD block; an embedding model on the
 * configured server is used only when SEGMENTA_EMBEDDING_MODEL names one.
 */
export function createTextEmbedder(config: Config, log?: (line: string) => void, piiValues?: Iterable<string>): TextEmbedder | undefined {
  if (!config.llm?.embeddingModel) return undefined;
  return new OpenAIEmbedder(config.llm, { log, piiValues });
}
