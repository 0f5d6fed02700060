import type { EmbeddingModel, TextEmbedder } from '../model/vectors.js';
import type { Config } from '../config.js';

/**
 * The text embedder a saved model needs to embed new customers' text: only a Run whose text
 * block came from an OpenAI-compatible server needs one (the offline TF-IDF basis is saved
 * in the model). Imported lazily: the OpenAI client stack loads only for such Runs.
 */
export async function textEmbedderFor(
  model: EmbeddingModel,
  config: Config,
  log?: (line: string) => void,
  /** The new customers' PII values, scrubbed from their text before it is sent to the embedder. */
  piiValues?: Iterable<string>,
): Promise<TextEmbedder | undefined> {
  if (model.text?.kind !== 'openai') return undefined;
  const { createTextEmbedder } = await import('../write/create-writer.js');
  return createTextEmbedder(config, log, piiValues);
}
