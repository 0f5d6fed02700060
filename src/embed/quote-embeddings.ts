import { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';
import { patternGuard } from '../llm/privacy.js';
import { OpenAIEmbedder } from './openai-embedder.js';
import { TermHashEmbeddings } from './term-hash-embeddings.js';

/**
 * The embeddings of the quote store (src/vectors/quotes.ts): offline term hashing by default;
 * the configured server's embedding model only when SEGMENTA_EMBEDDING_MODEL names one. `name`
 * keys the store's folder in the Run, so switching models builds a second store beside the
 * first instead of querying one space with another's vectors.
 */
export interface QuoteEmbeddings {
  name: string;
  embeddings: Embeddings;
}

export interface QuoteEmbeddingsOptions {
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export function offlineQuoteEmbeddings(): QuoteEmbeddings {
  const offline = new TermHashEmbeddings();
  return { name: offline.name, embeddings: offline };
}

export function quoteEmbeddingsFor(config: Config, o: QuoteEmbeddingsOptions = {}): QuoteEmbeddings {
  const model = config.llm?.embeddingModel;
  if (!config.llm || !model) return offlineQuoteEmbeddings();
  return { name: `openai-${model}`, embeddings: new ServerEmbeddings(new OpenAIEmbedder(config.llm, { model, log: o.log, signal: o.signal, guard: patternGuard })) };
}

/**
 * OpenAIEmbeddings through the one client factory (src/llm/chat-model.ts), as a LangChain
 * Embeddings: OpenAIEmbedder sends every text through the privacy guard (scrubbed, and the body
 * checked again before it leaves) and checks every vector that comes back. The guard here knows
 * patterns only, which is enough: the store's texts were scrubbed with the table's PII values
 * when the Run was made (the values are not kept), and the query is what the user typed.
 */
export class ServerEmbeddings extends Embeddings {
  constructor(private readonly embedder: OpenAIEmbedder) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.embedder.embed(documents)).map((v) => Array.from(v));
  }

  async embedQuery(document: string): Promise<number[]> {
    const [v] = await this.embedder.embed([document]);
    return Array.from(v);
  }
}
