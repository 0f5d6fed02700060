import type { ChatOpenAI } from '@langchain/openai';
import type { LlmConfig } from '../config.js';
import { createChatModel } from '../llm/chat-model.js';
import type { PrivacyGuard } from '../llm/privacy.js';

/**
 * The agent's traffic is the user's own words plus operation summaries, which are aggregates by
 * construction (test/ops/ops.test.ts checks they carry no customer text). The pattern guard
 * the writer uses reads Run ids ("20260101-120000-ab12") as phone numbers and would refuse
 * every turn that mentions one, so the agent passes bodies through unchanged.
 */
const passThrough: PrivacyGuard = { scrub: (t) => t, quote: (t) => t, assertClean: () => {} };

/**
 * The chat model the agent talks to: any OpenAI-compatible server from Config.llm, from the one
 * client factory, so the agent has the writer's retry and timeout policy and streams its answer.
 */
export function createAgentModel(llm: LlmConfig, log?: (line: string) => void): ChatOpenAI {
  return createChatModel(llm, { label: 'chat', guard: passThrough, log }, { streaming: true });
}
