import type { Config } from '../config.js';
import { parseIntent, type Intent } from '../agent/intent.js';
import type { SegmentaAgent, ToolCallEvent } from '../agent/agent.js';
import { findOperation } from '../ops/index.js';
import { runOperation, type OpContext, type Session } from '../ops/operation.js';
import { errorText, isAbort } from '../ops/error-text.js';
import { listRuns } from '../run/store.js';
import { resolveRunRef } from '../ops/resolve.js';
import type { RunFile } from '../model/run.js';
import { CancelledError } from '../errors.js';
import { findSlash, slashHelp } from './slash.js';
import type { Style } from './style.js';
import { RENDER_WORDS, answerLanguage } from '../ops/render-words.js';

/** Where a chat session's output goes; the REPL maps these onto the terminal or pipes. */
export interface ChatIo {
  /** A block of results: an operation's rendering, an answer, an error. */
  print(text: string): void;
  /** Raw streamed text (the agent's answer tokens). */
  write(chunk: string): void;
  /** A progress or status line (dim on a terminal, stderr when piped). */
  note(line: string): void;
  /** The next page of the last long answer (`/more`); false when nothing is left. */
  more?(): boolean;
  style: Style;
}

/**
 * The chat speaks chat: a hint written for the CLI (`segmenta show biggest`, "Make one with
 * `segmenta segment FILE`") names the same request typed here without the program name —
 * every CLI command is also a chat request.
 */
export function chatSpeak(text: string): string {
  return text.replace(/`segmenta ([^`]+)`/g, '"$1"').replace(/^(\s*)segmenta (?=[a-z])/gm, '$1');
}

/**
 * One conversation: turns a line into operation calls — slash commands and (offline) plain
 * requests through the intent parser, or (with an LLM) plain requests through the agent — and
 * prints what comes back. It holds no business logic: every action is an operation.
 */
export class ChatSession {
  readonly session: Session = {};
  /** The context every operation of this session runs with (tools share its session object). */
  readonly ctx: OpContext;
  private agent?: SegmentaAgent;
  /** The running step's signal. */
  private current?: AbortSignal;

  constructor(readonly config: Config, private readonly io: ChatIo) {
    // Progress of a step the user cancelled is not shown (it would be drawn over the prompt).
    this.ctx = { config, log: (line) => this.current?.aborted || io.note(line), session: this.session };
  }

  /**
   * With an LLM configured, plain requests go to the agent. It is loaded only then: LangChain
   * takes seconds to import, which an offline session should not pay for.
   */
  async startAgent(): Promise<void> {
    if (!this.config.llm || this.agent) return;
    const { SegmentaAgent } = await import('../agent/agent.js');
    this.agent = new SegmentaAgent(this.ctx);
  }

  get usesAgent(): boolean {
    return this.agent !== undefined;
  }

  /** Handle one line. Errors are printed in plain words; only /exit ends the session. */
  async handle(raw: string, signal?: AbortSignal): Promise<'exit' | void> {
    const line = raw.trim();
    if (!line) return;
    this.current = signal;
    try {
      if (line.startsWith('/')) return await this.slash(line, signal);
      if (/^(exit|quit|bye)$/i.test(line)) return 'exit';
      if (this.agent) await this.ask(line, signal);
      else await this.execute(parseIntent(line, { run: this.currentRun(), file: this.session.file, llm: Boolean(this.config.llm), lang: this.lang() }), signal);
    } catch (err) {
      if (isAbort(err, signal)) this.io.note('cancelled.');
      else this.io.print(`${this.io.style.red('✗')} ${chatSpeak(errorText(err))}`);
    }
  }

  /** The Run commands work on now (the session's, else the latest); undefined when there is none. */
  currentRun(): RunFile | undefined {
    try {
      return resolveRunRef(this.config.workspace, this.session.runId).run;
    } catch {
      return undefined;
    }
  }

  /** The session's language: --lang, else the current Run's. */
  private lang() {
    return answerLanguage(this.ctx, this.currentRun());
  }

  /** The chat's fixed phrases in the session's language. */
  private words() {
    return RENDER_WORDS[this.lang()].chat;
  }

  segmentIds(): number[] {
    return this.currentRun()?.segments.map((s) => s.id) ?? [];
  }

  runIds(): string[] {
    return listRuns(this.config.workspace).map((r) => r.id);
  }

  private async slash(line: string, signal?: AbortSignal): Promise<'exit' | void> {
    const [, name, args = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(line)!;
    const cmd = findSlash(name);
    if (!cmd) return this.io.print(this.words().unknownSlash(name));
    if (cmd.name === 'exit') return 'exit';
    if (cmd.name === 'help') return this.io.print(slashHelp(this.usesAgent, this.lang()));
    if (cmd.name === 'more') {
      if (!this.io.more?.()) this.io.print(this.words().nothingMore);
      return;
    }
    await this.execute(cmd.toIntent!(args.trim(), { file: this.session.file, lang: this.lang() }), signal);
  }

  private async execute(intent: Intent, signal?: AbortSignal): Promise<void> {
    if (intent.kind === 'reply') {
      // The greeting is the chat's own fixed phrase: said in the session's language.
      const text = intent.text === RENDER_WORDS.en.chat.hello ? this.words().hello : intent.text;
      if (text) this.io.print(chatSpeak(text));
      return;
    }
    const op = findOperation(intent.op);
    if (!op) return this.io.print(this.words().notAvailable(intent.op));
    // The note says how a request was read ("the biggest segment is #1 …"): part of the answer.
    if (intent.note) this.io.print(this.io.style.dim(intent.note));
    // The step works on a copy of the session, merged back only when it finishes: a cancelled
    // step (which may still be running in the background) cannot switch the current Run.
    const step: Session = { ...this.session };
    // A cancelled step may still be finishing in the background: its progress lines would be
    // drawn over the prompt, so they stop the moment Ctrl-C is pressed.
    const log = (line: string) => {
      if (!signal?.aborted) this.ctx.log(line);
    };
    const result = await untilAborted(runOperation(op, intent.input, { ...this.ctx, log, session: step, signal }), signal);
    Object.assign(this.session, step);
    this.io.print(chatSpeak(op.render(result)));
  }

  private async ask(line: string, signal?: AbortSignal): Promise<void> {
    // Tokens streamed since the last tool call: the final answer, when the model streams.
    let streamed = '';
    let turnHadTools = false;
    const endLine = () => {
      if (streamed && !streamed.endsWith('\n')) this.io.write('\n');
    };
    const turn = await this.agent!.ask(
      line,
      {
        onToken: (t) => {
          // A blank line between a tool's output and the answer that follows it.
          if (!streamed && turnHadTools) this.io.write('\n');
          streamed += t;
          this.io.write(t);
        },
        onToolCall: (call) => {
          endLine();
          streamed = '';
          turnHadTools = true;
          this.io.note(`→ ${formatCall(call)}`);
        },
        onToolResult: (_name, content, artifact) => {
          if (artifact?.ok) this.io.print(chatSpeak(artifact.text));
          else this.io.note(`  ✗ ${artifact?.text ?? content}`);
        },
      },
      signal,
    );
    endLine();
    // Nothing streamed (a model that does not stream) or the step limit: print the answer whole.
    if (turn.answer && (turn.stoppedAtLimit || !streamed.trim())) this.io.print(turn.answer);
  }
}

/** "show(segment: 3, channel: "sms")" — the progress line for a tool call. */
export function formatCall(call: ToolCallEvent): string {
  const args = Object.entries(call.args ?? {})
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return `${call.name}(${args})`;
}

/** Stop waiting when the user cancels: CPU-bound work cannot be interrupted, but the prompt can return. */
function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
