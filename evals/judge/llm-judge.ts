import { z } from 'zod';
import type { LlmConfig } from '../../src/config.js';
import type { PrivacyGuard } from '../../src/llm/privacy.js';
import { loadPrompt } from '../../src/llm/prompts.js';
import { callStructured } from '../../src/llm/structured-call.js';
import type { UsageMeter } from '../../src/llm/usage.js';
import type { LabelText } from './types.js';

/**
 * The LLM variant of the held-out judge: prompts/judge.md filled with the label texts (one line
 * per segment: name, summary and the persona's evidence, as the offline judge reads them) and the
 * member's description, answered as json_schema `{ segment, confidence }` through the project's
 * one LLM client (privacy guard, retry policy, timeouts). Like the offline judge it is given
 * the labels and the member and nothing else.
 */
export const JudgeAnswerSchema = z.object({
  segment: z.number().int().describe('The number of the segment the customer belongs to'),
  confidence: z.number().min(0).max(1).describe('How sure, from 0 to 1'),
});

export interface LlmJudgeOptions {
  guard: PrivacyGuard;
  usage?: UsageMeter;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * The filled judge prompt. Everything in it goes through the privacy guard's scrubber first:
 * a label word can be a PII value too ("Young" is a surname as well as a trait), and the guard
 * would rather send "[name]" than block the request.
 */
export function judgePrompt(labels: readonly LabelText[], member: string, guard: PrivacyGuard) {
  const line = (l: LabelText) => [`${l.id}. ${l.name} — ${l.summary}`, l.evidence?.length ? `Evidence: ${l.evidence.join('; ')}` : ''].filter(Boolean).join(' ');
  const segments = labels.map((l) => guard.scrub(line(l)).replace(/\s+/g, ' ')).join('\n');
  return loadPrompt('judge', { segments, customer: guard.scrub(member) });
}

/** The segment the LLM picks, or undefined when its answer is unusable (refusal, bad JSON, a segment not listed). */
export async function llmJudge(llm: LlmConfig, labels: readonly LabelText[], member: string, o: LlmJudgeOptions): Promise<number | undefined> {
  const prompt = judgePrompt(labels, member, o.guard);
  const reply = await callStructured(
    llm,
    JudgeAnswerSchema,
    [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
    { label: 'eval judge', schemaName: 'segment_choice', guard: o.guard, usage: o.usage, log: o.log, signal: o.signal },
  );
  const segment = reply.value?.segment;
  return segment !== undefined && labels.some((l) => l.id === segment) ? segment : undefined;
}
