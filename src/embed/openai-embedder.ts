import type { LlmConfig } from '../config.js';
import { ProviderError } from '../errors.js';
import { createEmbeddingsClient } from '../llm/chat-model.js';
import { createPrivacyGuard, PrivacyError, type PrivacyGuard } from '../llm/privacy.js';
import { toSegmentaError } from '../llm/provider-errors.js';
import type { RetryPolicy } from '../llm/retry.js';
import type { UsageMeter } from '../llm/usage.js';
import { mapLimit } from '../util/map-limit.js';
import { throwIfCancelled } from '../util/cancel.js';
import type { TextEmbedder } from '../model/vectors.js';

/**
 * Text embeddings from an OpenAI-compatible server (LangChain OpenAIEmbeddings), behind the
 * same privacy guard and retry policy as the chat calls: every text is scrubbed before it is
 * sent, and the HTTP layer checks each body again. Batched, a few batches at a time, and every
 * vector checked (count, width, finite, not all zero) — a server that silently answers in the
 * wrong encoding gives zero vectors, which must not reach k-means.
 */
export interface OpenAIEmbedderOptions {
  /** Defaults to config.embeddingModel, then text-embedding-3-small. */
  model?: string;
  /** Ask the server for this width (models that support `dimensions`); checked either way. */
  dimensions?: number;
  batchSize?: number;
  concurrency?: number;
  /** Longest text sent, in characters (embedding models stop at ~8k tokens). */
  maxChars?: number;
  piiValues?: Iterable<string>;
  guard?: PrivacyGuard;
  log?: (line: string) => void;
  usage?: UsageMeter;
  retry?: Partial<RetryPolicy>;
  /** The user's cancellation: a batch in flight is aborted and no further batch is sent. */
  signal?: AbortSignal;
}

export class OpenAIEmbedder implements TextEmbedder {
  readonly name: string;
  readonly model: string;
  private guard: PrivacyGuard;
  /** Whether the table's PII values were given (possibly none): raw customer text needs them. */
  private valuesKnown: boolean;
  private width?: number;

  constructor(
    private readonly llm: LlmConfig,
    private readonly options: OpenAIEmbedderOptions = {},
  ) {
    this.model = options.model ?? llm.embeddingModel ?? 'text-embedding-3-small';
    this.name = `openai:${this.model}`;
    this.guard = options.guard ?? createPrivacyGuard(options.piiValues);
    this.valuesKnown = options.piiValues !== undefined || options.guard !== undefined;
  }

  /** The table's PII values, when known only after the embedder was made. */
  setPiiValues(values: Iterable<string>): void {
    this.guard = createPrivacyGuard(values);
    this.valuesKnown = true;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    // Unlike profile snippets, these are whole customer texts: patterns alone would let names
    // through, so without the table's PII values nothing is sent (fail closed).
    if (!this.valuesKnown) throw new PrivacyError('embeddings', ["customer text, but not the table's PII values to scrub it with (call setPiiValues first)"]);
    const size = this.options.batchSize ?? 128;
    const maxChars = this.options.maxChars ?? 8000;
    // Empty strings are rejected by OpenAI's API; a single space embeds as "nothing said".
    const clean = texts.map((t) => this.guard.scrub(t).slice(0, maxChars).trim() || ' ');
    const batches: string[][] = [];
    for (let i = 0; i < clean.length; i += size) batches.push(clean.slice(i, i + size));

    const results = await mapLimit(batches, this.options.concurrency ?? 2, async (batch, b) => {
      throwIfCancelled(this.options.signal);
      const label = batches.length > 1 ? `embeddings batch ${b + 1}/${batches.length}` : 'embeddings';
      const client = createEmbeddingsClient(
        this.llm,
        { label, guard: this.guard, log: this.options.log, usage: this.options.usage, retry: this.options.retry, signal: this.options.signal },
        { model: this.model, batchSize: batch.length, dimensions: this.options.dimensions },
      );
      this.options.usage?.call();
      let vectors: number[][];
      try {
        vectors = await client.embedDocuments(batch);
      } catch (err) {
        throwIfCancelled(this.options.signal);
        throw toSegmentaError(err, { label, model: this.model, baseURL: this.llm.baseURL, timeoutMs: this.llm.timeoutMs, maxRetries: this.options.retry?.maxRetries ?? this.llm.maxRetries });
      }
      return this.checked(vectors, batch.length, label);
    });
    return results.flat();
  }

  private checked(vectors: number[][], expected: number, label: string): Float32Array[] {
    const where = this.llm.baseURL ?? 'api.openai.com';
    if (!Array.isArray(vectors) || vectors.length !== expected) {
      throw new ProviderError(`${label}: ${where} returned ${vectors?.length ?? 0} vectors for ${expected} texts`);
    }
    return vectors.map((v) => {
      const width = this.options.dimensions ?? this.width ?? v?.length;
      if (!Array.isArray(v) || v.length === 0 || v.length !== width) {
        throw new ProviderError(`${label}: ${where} returned a vector of width ${v?.length ?? 0}, expected ${width} (model ${this.model}). Check SEGMENTA_EMBEDDING_MODEL.`);
      }
      this.width = width;
      let norm = 0;
      for (const x of v) {
        if (!Number.isFinite(x)) throw new ProviderError(`${label}: ${where} returned a non-finite value`);
        norm += x * x;
      }
      if (norm === 0) throw new ProviderError(`${label}: ${where} returned an all-zero vector (a server answering in another encoding than asked does this)`);
      return Float32Array.from(v);
    });
  }
}
