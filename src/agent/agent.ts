import { createAgent } from 'langchain';
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { OpContext } from '../ops/operation.js';
import { segmentaTools, type ToolArtifact } from '../../tools/index.js';
import { agentSystemPrompt } from './system-prompt.js';
import { createAgentModel } from './model.js';
import { ConfigError, ProviderError, isSegmentaError } from '../errors.js';
import { patternGuard, textForModel } from '../llm/privacy.js';

/** The node createAgent runs the model in (langchain's AGENT_NODE_NAME, not exported). */
const AGENT_NODE = 'model_request';

export interface ToolCallEvent {
  name: string;
  args: Record<string, unknown>;
}

/** What a surface hears while the agent works: answer tokens, tool calls, tool results. */
export interface AgentListener {
  onToken?(text: string): void;
  onToolCall?(call: ToolCallEvent): void;
  onToolResult?(name: string, content: string, artifact: ToolArtifact | undefined): void;
}

export interface AgentTurn {
  answer: string;
  toolCalls: ToolCallEvent[];
  /** True when the step limit stopped the agent before it answered. */
  stoppedAtLimit: boolean;
}

export interface AgentOptions {
  /** The model; the configured OpenAI-compatible one by default (tests may pass another). */
  model?: BaseChatModel;
  /** Model calls per turn at most (each may call tools). */
  maxSteps?: number;
  systemPrompt?: string;
  /** The operations it may call, by name (default: all); the others are not offered to the model. */
  operations?: readonly string[];
  /** Turns of conversation kept (default: all); older ones are dropped whole. */
  maxTurns?: number;
}

/**
 * The chat agent: a LangChain tool-calling agent over segmenta's operations (tools/). It holds
 * the conversation (memory for the session) and no business logic: every action is a tool,
 * every tool is an operation. The history is kept here rather than in a checkpointer so that a
 * cancelled or failed turn can be dropped whole — a dangling tool call without its result would
 * make every later request invalid.
 */
export class SegmentaAgent {
  private history: BaseMessage[] = [];
  private readonly agent;
  private readonly recursionLimit: number;
  private readonly maxTurns: number;
  readonly maxSteps: number;

  constructor(ctx: OpContext, options: AgentOptions = {}) {
    const model = options.model ?? (ctx.config.llm ? createAgentModel(ctx.config.llm, ctx.log) : undefined);
    if (!model) throw new ConfigError('the chat agent needs an LLM: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).');
    this.maxSteps = options.maxSteps ?? 8;
    // One model call and one tools step per round, plus the final answer.
    this.recursionLimit = this.maxSteps * 2 + 1;
    this.maxTurns = options.maxTurns ?? Infinity;
    this.agent = createAgent({ model, tools: segmentaTools(ctx, options.operations), systemPrompt: options.systemPrompt ?? agentSystemPrompt() });
  }

  /** The conversation so far (human, AI, tool messages), for tests and debugging. */
  messages(): readonly BaseMessage[] {
    return this.history;
  }

  async ask(text: string, listener: AgentListener = {}, signal?: AbortSignal): Promise<AgentTurn> {
    // The user's own words pass the same guard as everything else that leaves the process.
    const input = [...this.history, new HumanMessage(patternGuard.scrub(text))];
    const toolCalls: ToolCallEvent[] = [];
    let final: BaseMessage[] | undefined;
    try {
      const stream = await this.agent.stream({ messages: input }, { streamMode: ['messages', 'updates', 'values'], recursionLimit: this.recursionLimit, signal });
      for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
        if (mode === 'messages') {
          const [msg, meta] = chunk as [BaseMessage, { langgraph_node?: string } | undefined];
          // Only the agent model's answer tokens: an operation that calls an LLM itself (the
          // writer inside `segment` or `copy`) runs in the tools node, and its output is not an answer.
          if (meta?.langgraph_node === AGENT_NODE && AIMessageChunk.isInstance(msg) && msg.text) listener.onToken?.(msg.text);
        } else if (mode === 'updates') {
          for (const update of Object.values(chunk as Record<string, { messages?: BaseMessage[] } | undefined>)) {
            for (const m of update?.messages ?? []) {
              if (AIMessage.isInstance(m)) {
                for (const c of m.tool_calls ?? []) {
                  const call = { name: c.name, args: c.args };
                  toolCalls.push(call);
                  listener.onToolCall?.(call);
                }
              } else if (ToolMessage.isInstance(m)) {
                listener.onToolResult?.(m.name ?? '', m.text, m.artifact as ToolArtifact | undefined);
              }
            }
          }
        } else if (mode === 'values') {
          final = (chunk as { messages: BaseMessage[] }).messages;
        }
      }
    } catch (err) {
      if ((err as Error)?.name === 'GraphRecursionError') {
        return { answer: `I stopped after ${this.maxSteps} steps without finishing. Try asking for one thing at a time.`, toolCalls, stoppedAtLimit: true };
      }
      // A cancelled or failed turn leaves the history as it was.
      if (signal?.aborted || isSegmentaError(err)) throw err;
      // Anything else came from the model server or its client (connection, 4xx/5xx, bad reply).
      throw new ProviderError(`the chat model did not answer (${textForModel((err as Error)?.message ?? String(err))}). Check OPENAI_BASE_URL and the model name, or use /commands offline.`, { cause: err });
    }
    const messages = final ?? input;
    // A turn starts at a human message, so cutting there never leaves a tool call without its result.
    const starts = messages.flatMap((m, i) => (HumanMessage.isInstance(m) ? [i] : []));
    this.history = starts.length > this.maxTurns ? messages.slice(starts[starts.length - this.maxTurns]) : messages;
    const last = messages[messages.length - 1];
    return { answer: AIMessage.isInstance(last) ? last.text : '', toolCalls, stoppedAtLimit: false };
  }
}
