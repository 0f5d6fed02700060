import { parseIntent } from '../agent/intent.js';
import { resolveRunRef } from '../ops/resolve.js';
import type { RunFile } from '../model/run.js';
import type { Config } from '../config.js';
import type { OpContext } from '../ops/operation.js';
import type { SegmentaAgent } from '../agent/agent.js';
import type { ToolArtifact } from '../../tools/index.js';
import { SLACK_OPS } from './commands.js';
import { BLOCKS_PER_MESSAGE, plainMessage, toMessages } from './blocks.js';
import type { Dispatcher, Reply } from './dispatch.js';

/** Mentions longer than this are cut before parsing: a request is a sentence, not a document. */
const MAX_MENTION = 500;

/** `<@U123> write an sms for segment 2` → `write an sms for segment 2` (Slack's user/channel/link markup removed). */
export function mentionText(raw: string): string {
  return raw
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(https?:[^|>]+)(\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MENTION);
}

/** Channels whose conversation the agent remembers at once (least recently used forgotten first). */
const MAX_CHANNELS = 100;
/** Turns of conversation the agent keeps per channel. */
const MAX_TURNS = 10;
/** Thread posts for one answer at most: tool outputs, then the answer. */
const MAX_POSTS = 5;
/** One agent turn (model calls and the operations they run) may take this long. */
const TURN_TIMEOUT_MS = 5 * 60_000;

/** Told to the agent on top of its usual prompt: where it is and what it cannot do here. */
const SLACK_PROMPT = [
  'You are answering in a Slack thread. The user sees each tool\'s output in the thread, above your answer.',
  'Only the tools you are given are available here: nothing that reads or writes files on the machine segmenta runs on',
  '(segmenting or inspecting a file, exporting or assigning customers). When asked for that, say it must be run with the',
  'segmenta CLI on that machine; its new Run can then be discussed here.',
].join(' ');

interface ChannelAgent {
  agent: Promise<SegmentaAgent>;
  /** The channel's last turn: turns run one after another, so the history stays in order. */
  last: Promise<unknown>;
}

/**
 * @mentions in plain words. With an LLM configured they go to the chat agent (one per channel,
 * remembering its last turns), whose tools are held to SLACK_OPS; offline, to the intent parser.
 * Either way operations run in the channel's session, as `/segmenta` does.
 */
export class Mentions {
  private readonly agents = new Map<string, ChannelAgent>();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly config: Config,
    private readonly log: (line: string) => void = () => {},
  ) {}

  answer(text: string, channel: string): Promise<Reply> {
    return this.config.llm ? this.ask(text, channel) : answerOffline(text, channel, this.dispatcher, this.config);
  }

  private ask(text: string, channel: string): Promise<Reply> {
    const entry = this.channelAgent(channel);
    const turn = entry.last.then(() => this.turn(entry.agent, text, channel));
    entry.last = turn.catch(() => {});
    return turn;
  }

  private async turn(agentP: Promise<SegmentaAgent>, text: string, channel: string): Promise<Reply> {
    const outputs: ToolArtifact[] = [];
    const signal = AbortSignal.timeout(TURN_TIMEOUT_MS);
    try {
      const agent = await agentP;
      const listener = {
        // Like the REPL: what an operation returned is shown; a failed call is the model's to explain.
        onToolResult: (_name: string, _content: string, artifact: ToolArtifact | undefined) => {
          if (artifact?.ok) outputs.push(artifact);
        },
      };
      const turn = await agent.ask(text, listener, signal);
      const answer = toMessages(turn.answer.trim() || 'I have no answer to that. `/segmenta help` lists what I can do.').slice(0, 2);
      const shown = outputs.flatMap((a) => toMessages(a.text));
      const room = MAX_POSTS - answer.length;
      const tools = shown.length > room ? [...shown.slice(0, room - 1), plainMessage('… cut short here: that is too long for Slack. The `/segmenta` commands show one thing at a time.')] : shown;
      return { ok: true, op: outputs.map((a) => a.op).join(',') || 'answer', messages: [...tools, ...answer] };
    } catch (err) {
      // The details (a server URL, a status) are for the bot's log; Slack gets plain words.
      const e = err as Error & { cause?: Error };
      this.log(`mention in ${channel}: the agent failed (${e?.message ?? String(err)}${e?.cause?.message ? `: ${e.cause.message}` : ''})`);
      const why = signal.aborted ? 'that took too long' : 'I could not reach the chat model just now';
      return { ok: false, messages: [plainMessage(`:warning: Sorry, ${why}. Try again in a minute, or use the \`/segmenta\` commands (\`/segmenta help\`), which work without it.`)] };
    }
  }

  /** The channel's agent, created on first use; the least recently used channel is forgotten past MAX_CHANNELS. */
  private channelAgent(channel: string): ChannelAgent {
    let entry = this.agents.get(channel);
    if (entry) this.agents.delete(channel);
    else {
      const created: ChannelAgent = { agent: this.createAgent(channel), last: Promise.resolve() };
      // An agent that could not be made is not kept: the next mention tries again.
      created.agent.catch(() => this.agents.get(channel) === created && this.agents.delete(channel));
      entry = created;
    }
    this.agents.set(channel, entry);
    if (this.agents.size > MAX_CHANNELS) this.agents.delete(this.agents.keys().next().value!);
    return entry;
  }

  private async createAgent(channel: string): Promise<SegmentaAgent> {
    // Loaded on the first mention only: LangChain takes seconds to import.
    const [{ SegmentaAgent }, { agentSystemPrompt }] = await Promise.all([import('../agent/agent.js'), import('../agent/system-prompt.js')]);
    const ctx: OpContext = {
      config: this.config,
      log: (line) => this.log(`[agent ${channel}] ${line}`),
      // The channel's session: a Run chosen with `use` here is the one `/segmenta` works on too.
      session: this.dispatcher.session(channel),
    };
    return new SegmentaAgent(ctx, { operations: [...SLACK_OPS], maxTurns: MAX_TURNS, systemPrompt: `${agentSystemPrompt()}\n\n${SLACK_PROMPT}` });
  }
}

/**
 * Offline: the intent parser (deterministic: it reads only what the user typed) → an operation
 * through the same dispatcher as `/segmenta`. Operations Slack does not allow (reading a server
 * file: segment, inspect) are refused in plain words.
 */
async function answerOffline(text: string, channel: string, dispatcher: Dispatcher, config: Config): Promise<Reply> {
  const session = dispatcher.session(channel);
  const intent = parseIntent(text, { run: currentRun(config, session.runId), file: session.file });
  if (intent.kind === 'reply') {
    // The parser's help speaks REPL ("/help", "segment FILE"); point Slack users at /segmenta.
    return { ok: true, op: 'help', messages: toMessages(intent.text ? `${intent.text}\n\nIn Slack: \`/segmenta help\` lists the commands.` : 'Ask me about your segments, e.g. "show the biggest segment" — `/segmenta help` lists the commands.') };
  }
  if (!SLACK_OPS.has(intent.op)) {
    return { ok: false, op: intent.op, messages: [plainMessage(`I can't \`${intent.op}\` from Slack: it reads files on the machine segmenta runs on. Run \`segmenta ${intent.op} FILE\` there; I'll then work on the new Run.`)] };
  }
  const reply = await dispatcher.run(intent.op, intent.input, channel);
  if (reply.ok && intent.note) withNote(reply, intent.note);
  return reply;
}

/** "The biggest segment is #1 …" heads the answer it explains, in the same message when it fits. */
function withNote(reply: Reply, note: string): void {
  const head = plainMessage(note);
  const first = reply.messages[0];
  if (first?.blocks && first.blocks.length < BLOCKS_PER_MESSAGE) first.blocks.unshift(...head.blocks!);
  else reply.messages.unshift(head);
}

function currentRun(config: Config, runId: string | undefined): RunFile | undefined {
  try {
    return resolveRunRef(config.workspace, runId).run;
  } catch {
    return undefined; // no Run yet: the parser asks for one when it needs it
  }
}
