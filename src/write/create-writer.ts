import type { Config } from '../config.js';
import type { TextEmbedder } from '../model/vectors.js';
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
export async function createWriter(config: Config, log?: (line: string) => void, piiValues?: Iterable<string>): Promise<Writer> {
  if (!config.llm) return new OfflineWriter();
  const { createResilientWriter } = await import('./resilient-writer.js');
  return createResilientWriter(config.llm, new OfflineWriter(), { log, piiValues });
}

/**
 * The text embedder: undefined means the offline TF-IDF → SVD block; an embedding model on the
 * configured server is used only when SEGMENTA_EMBEDDING_MODEL names one.
 */
export async function createTextEmbedder(config: Config, log?: (line: string) => void, piiValues?: Iterable<string>): Promise<TextEmbedder | undefined> {
  if (!config.llm?.embeddingModel) return undefined;
  const { OpenAIEmbedder } = await import('../embed/openai-embedder.js');
  return new OpenAIEmbedder(config.llm, { log, piiValues });
}
