import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { z } from 'zod';
import type { LlmConfig } from '../config.js';
import { createChatModel, type ClientOptions } from './chat-model.js';
import type { Exchange } from './http.js';
import { toSegmentaError } from './provider-errors.js';

/**
 * One structured call: LangChain's `withStructuredOutput(zod)` builds the request (json_schema
 * response format or a forced tool call, per config), our fetch sends it. The reply is then
 * judged from what the server actually sent (kept by the fetch wrapper), because LangChain's
 * chat-completions converter drops `refusal`, and with the jsonSchema method a reply that is not
 * JSON or not schema-valid makes the client throw before any message exists.
 *
 * Transport failures (after retries) throw a SegmentaError; anything wrong with a reply that
 * did arrive is returned as `problems` so the caller can re-ask once with them.
 */
export interface Turn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StructuredReply<T> {
  /** Present when the reply parsed and matched the schema. */
  value?: T;
  /** What the model wrote: the message content, or the tool call's arguments. */
  rawText?: string;
  refusal?: string;
  /** Why `value` is missing (schema issues, bad JSON, refusal); empty when it is present. */
  problems: string[];
  usage: { promptTokens: number; completionTokens: number };
}

export interface StructuredCallOptions extends ClientOptions {
  /** The schema's name as the model sees it (json_schema name or tool name). */
  schemaName: string;
  signal?: AbortSignal;
}

const toMessage = (t: Turn): BaseMessage =>
  t.role === 'system' ? new SystemMessage(t.content) : t.role === 'user' ? new HumanMessage(t.content) : new AIMessage(t.content);

interface WireMessage {
  content?: string | null;
  refusal?: string | null;
  tool_calls?: { function?: { arguments?: string } }[];
}

function readReply(text: string | undefined): { message?: WireMessage; usage?: { prompt_tokens?: number; completion_tokens?: number } } {
  try {
    const body = JSON.parse(text ?? '');
    return { message: body?.choices?.[0]?.message, usage: body?.usage };
  } catch {
    return {};
  }
}

/** zod issues as short lines a model can act on ("names.segment_2.name: Too big: expected string to have <=40 characters"). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 8).map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
}

export async function callStructured<T>(llm: LlmConfig, schema: z.ZodType<T>, turns: Turn[], o: StructuredCallOptions): Promise<StructuredReply<T>> {
  let exchange: Exchange | undefined;
  const model = createChatModel(llm, {
    ...o,
    onExchange: (e) => {
      exchange = e;
      o.onExchange?.(e);
    },
  });
  const runnable = model.withStructuredOutput(schema, { name: o.schemaName, method: llm.structuredMethod, includeRaw: true });
  o.usage?.call();

  let rawUsage: { input_tokens?: number; output_tokens?: number } | undefined;
  try {
    const out = await runnable.invoke(turns.map(toMessage), { signal: o.signal });
    rawUsage = (out.raw as AIMessage).usage_metadata;
  } catch (err) {
    // A reply arrived (2xx) and the client choked on it: that is the model's output, judged below.
    const replied = exchange && exchange.status >= 200 && exchange.status < 300 && !o.signal?.aborted;
    if (!replied) {
      throw toSegmentaError(err, { label: o.label, model: llm.model, baseURL: llm.baseURL, timeoutMs: llm.timeoutMs, maxRetries: o.retry?.maxRetries ?? llm.maxRetries, signal: o.signal });
    }
  }

  const { message, usage } = readReply(exchange?.responseText);
  const tokens = {
    promptTokens: rawUsage?.input_tokens ?? usage?.prompt_tokens ?? 0,
    completionTokens: rawUsage?.output_tokens ?? usage?.completion_tokens ?? 0,
  };
  o.usage?.addTokens(tokens.promptTokens, tokens.completionTokens);

  if (!message) return { problems: ['the server sent no message'], usage: tokens };
  if (message.refusal) return { refusal: message.refusal, rawText: message.refusal, problems: [`the model refused: ${message.refusal.slice(0, 200)}`], usage: tokens };
  const rawText = message.tool_calls?.[0]?.function?.arguments ?? message.content ?? undefined;
  if (!rawText) return { problems: ['the answer was empty'], usage: tokens };
  let json: unknown;
  try {
    json = JSON.parse(rawText);
  } catch {
    return { rawText, problems: ['the answer was not valid JSON; answer with one JSON object that matches the schema'], usage: tokens };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { rawText, problems: describeIssues(parsed.error.issues), usage: tokens };
  return { value: parsed.data, rawText, problems: [], usage: tokens };
}
