import OpenAI from 'openai';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { LlmConfig } from '../config.js';
import { createGuardedFetch, type Exchange } from './http.js';
import type { PrivacyGuard } from './privacy.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { UsageMeter } from './usage.js';

/**
 * The one client factory: LangChain clients (writer, embedder, agent) and the raw openai client
 * (doctor's model list) wired to our HTTP layer. Anything in segmenta that talks to the LLM
 * server builds its client here, so every request goes through the privacy guard and the one
 * retry and timeout policy.
 */
export interface ClientOptions {
  /** What the requests are for, used in log lines ("persona for segment 2"). */
  label: string;
  guard: PrivacyGuard;
  log?: (line: string) => void;
  usage?: UsageMeter;
  onExchange?: (exchange: Exchange) => void;
  /** Overrides of the policy derived from the config (tests use tiny delays). */
  retry?: Partial<RetryPolicy>;
  /**
   * The user's cancellation, for clients whose calls take no signal of their own
   * (OpenAIEmbeddings.embedDocuments): every request of the client stops with it.
   */
  signal?: AbortSignal;
}

/**
 * The openai client's own timeout wraps our whole retrying fetch, so it must not cut in first:
 * the per-attempt timeout lives in the fetch wrapper. A day is "never" for a CLI.
 */
const CLIENT_TIMEOUT_MS = 86_400_000;

export function retryPolicyFor(llm: LlmConfig, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, maxRetries: llm.maxRetries, timeoutMs: llm.timeoutMs, ...overrides };
}

function fetchFor(llm: LlmConfig, o: ClientOptions) {
  const guarded = createGuardedFetch({
    label: o.label,
    policy: retryPolicyFor(llm, o.retry),
    guard: o.guard,
    log: o.log,
    onRetry: o.usage ? () => o.usage!.retry() : undefined,
    onExchange: o.onExchange,
  });
  const own = o.signal;
  if (!own) return guarded;
  return (input: Parameters<typeof guarded>[0], init: RequestInit = {}) => guarded(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, own]) : own });
}

export function createChatModel(llm: LlmConfig, o: ClientOptions, fields: { temperature?: number; streaming?: boolean } = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    temperature: fields.temperature ?? llm.temperature,
    streaming: fields.streaming ?? false,
    // Retries happen once, in our fetch (src/llm/retry.ts); LangChain's AsyncCaller would add
    // its own on other rules (it skips 409, retries parse errors), so it is switched off.
    maxRetries: 0,
    timeout: CLIENT_TIMEOUT_MS,
    useResponsesApi: false,
    configuration: { baseURL: llm.baseURL, fetch: fetchFor(llm, o) },
  });
}

export function createEmbeddingsClient(llm: LlmConfig, o: ClientOptions, fields: { model: string; batchSize: number; dimensions?: number }): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: fields.model,
    apiKey: llm.apiKey,
    batchSize: fields.batchSize,
    dimensions: fields.dimensions,
    // openai 6 asks for base64 by default and decodes it; servers that answer float arrays
    // anyway then yield zero vectors of the wrong length without an error (DEPENDENCIES.md).
    encodingFormat: 'float',
    maxRetries: 0,
    maxConcurrency: 1,
    timeout: CLIENT_TIMEOUT_MS,
    configuration: { baseURL: llm.baseURL, fetch: fetchFor(llm, o) },
  });
}

/** The plain openai client, for what LangChain does not wrap (the doctor's model list). */
export function createRawClient(llm: LlmConfig, o: ClientOptions): OpenAI {
  return new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL, maxRetries: 0, timeout: CLIENT_TIMEOUT_MS, fetch: fetchFor(llm, o) });
}
