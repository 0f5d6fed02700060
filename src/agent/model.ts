import type { ChatOpenAI } from '@langchain/openai';
import type { LlmConfig } from '../config.js';
import { createChatModel } from '../llm/chat-model.js';
import { patternGuard, type PrivacyGuard } from '../llm/privacy.js';

/**
 * The agent's traffic is the user's own words plus operation summaries, which are aggregates by
 * construction (test/ops/ops.test.ts checks they carry no customer text). Both are scrubbed
 * before they join the conversation (agent.ts, tools/from-operation.ts); the pattern guard's
 * last look at each body is the net (Run ids and ISO dates are not read as phone numbers).
 */
const guard: PrivacyGuard = patternGuard;

/**
 * The chat model the agent talks to: any OpenAI-compatible server from Config.llm, from the one
 * client factory, so the agent has the writer's retry and timeout policy and streams its answer.
 */
export function createAgentModel(llm: LlmConfig, log?: (line: string) => void): ChatOpenAI {
  return createChatModel(llm, { label: 'chat', guard, log }, { streaming: true });
}
