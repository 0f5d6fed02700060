import type { Config } from '../config.js';
import type { EmbeddingModel, TextEmbedder } from '../model/vectors.js';

/**
 * The text embedder: undefined means the offline TF-IDF → SVD block; an embedding model on the
 * configured server is used only when SEGMENTA_EMBEDDING_MODEL names one. Imported lazily: the
 * OpenAI client stack loads only when it is asked for.
 */
export async function createTextEmbedder(config: Config, log?: (line: string) => void, piiValues?: Iterable<string>): Promise<TextEmbedder | undefined> {
  if (!config.llm?.embeddingModel) return undefined;
  const { OpenAIEmbedder } = await import('./openai-embedder.js');
  return new OpenAIEmbedder(config.llm, { log, piiValues });
}

/**
 * The text embedder a saved model needs to embed new customers' text: only a Run whose text
 * block came from an OpenAI-compatible server needs one (the offline TF-IDF basis is saved
 * in the model).
 */
export async function textEmbedderFor(
  model: EmbeddingModel,
  config: Config,
  log?: (line: string) => void,
  /** The new customers' PII values, scrubbed from their text before it is sent to the embedder. */
  piiValues?: Iterable<string>,
): Promise<TextEmbedder | undefined> {
  if (model.text?.kind !== 'openai') return undefined;
  return createTextEmbedder(config, log, piiValues);
}
