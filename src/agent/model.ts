import { ChatOpenAI } from '@langchain/openai';
import type { LlmConfig } from '../config.js';
import { createGuardedFetch } from '../llm/http.js';
import { patternGuard, type PrivacyGuard } from '../llm/privacy.js';
import { DEFAULT_RETRY_POLICY } from '../llm/retry.js';

/**
 * The agent's traffic is the user's own words plus operation summaries, which are aggregates by
 * construction (test/ops/ops.test.ts checks they carry no customer text). Both are scrubbed
 * before they join the conversation (agent.ts, tools/from-operation.ts); the pattern guard's
 * last look at each body is the net (Run ids and ISO dates are not read as phone numbers).
 */
const guard: PrivacyGuard = patternGuard;

/**
 * The chat model the agent talks to: any OpenAI-compatible server from Config.llm, through the
 * project's one fetch wrapper so the agent has the writer's retry and timeout policy (the
 * client's own retries are off: the fetch retries, and logs each retry).
 */
export function createAgentModel(llm: LlmConfig, log?: (line: string) => void): ChatOpenAI {
  const fetch = createGuardedFetch({
    label: 'chat',
    policy: { ...DEFAULT_RETRY_POLICY, maxRetries: llm.maxRetries, timeoutMs: llm.timeoutMs },
    guard,
    log,
  });
  return new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    temperature: llm.temperature,
    maxRetries: 0,
    streaming: true,
    configuration: { baseURL: llm.baseURL, fetch },
  });
}
