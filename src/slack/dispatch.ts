import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { findOperation, type AnyOperation } from '../ops/index.js';
import { runOperation, type OpContext, type Session } from '../ops/operation.js';
import { isSegmentaError } from '../errors.js';
import { SLACK_OPS } from './commands.js';
import { plainMessage, scrub, toMessages, type SlackMessage } from './blocks.js';
import { viewFor } from './views.js';

/** A file to post instead of (long) blocks: a brief is a document, not a chat message. */
export interface SlackFile {
  filename: string;
  title: string;
  content: string;
}

export type Reply =
  | { ok: true; op: string; messages: SlackMessage[]; file?: SlackFile }
  | { ok: false; op?: string; messages: SlackMessage[] };

export interface DispatcherDeps {
  config: Config;
  /** Which operation a name means (default: the operations registry). */
  lookup?: (name: string) => AnyOperation | undefined;
  /** Runs an operation (default: runOperation); tests count calls here. */
  run?: (op: AnyOperation, input: unknown, ctx: OpContext) => Promise<unknown>;
  /** Server log lines (never posted to Slack). */
  log?: (line: string) => void;
  /** One operation may take this long before it is cancelled and answered as an error. */
  timeoutMs?: number;
}

/** One operation to run, as plain data: what crosses into a worker thread and back. */
export interface OpTask {
  opName: string;
  input: unknown;
  config: Config;
  /** The channel's session before the operation (a copy; `use` changes it). */
  session: Session;
  timeoutMs: number;
}

export interface OpOutcome {
  reply: Reply;
  /** The session after the operation, copied back into the channel's session. */
  session: Session;
}

/** Runs an OpTask somewhere (a worker pool off the event loop); the dispatcher does not care where. */
export interface OpRunner {
  run(task: OpTask): Promise<OpOutcome>;
  close?(): Promise<void>;
}

/**
 * Where the Slack surface runs operations: name + input → runOperation → op.render → Block Kit
 * messages (the one exception: a mention answered by the agent runs them as its tools, which
 * are held to the same SLACK_OPS, in the same channel session). Each channel has its own session
 * (its current Run). With a runner (the worker pool: `segmenta slack` always has one) the
 * operation runs off the event loop, so acks never wait behind it; without one (tests that
 * count or replace operations: functions cannot cross into a thread) it runs here.
 */
export class Dispatcher {
  private readonly sessions = new Map<string, Session>();
  constructor(
    private readonly deps: DispatcherDeps,
    private runner?: OpRunner,
  ) {}

  /** From now on, operations run through `runner` (the bot sets its worker pool once started). */
  useRunner(runner: OpRunner | undefined): void {
    this.runner = runner;
  }

  /** The session of a conversation (a channel or DM), created on first use. */
  session(channel: string): Session {
    let s = this.sessions.get(channel);
    if (!s) this.sessions.set(channel, (s = {}));
    return s;
  }

  async run(opName: string, input: unknown, channel: string): Promise<Reply> {
    const session = this.session(channel);
    const log = this.deps.log ?? (() => {});
    const task: OpTask = { opName, input, config: this.deps.config, session: { ...session }, timeoutMs: this.deps.timeoutMs ?? 5 * 60_000 };
    if (!this.runner) return dispatchOp(task, session, log, this.deps);
    try {
      const out = await this.runner.run(task);
      Object.assign(session, out.session);
      return out.reply;
    } catch (err) {
      // The worker died (out of memory, killed) or the hard time limit cut it off.
      const e = err as Error;
      log(`[${opName}] the worker failed: ${e?.message ?? String(err)}`);
      return fail(e?.name === 'AbortError' ? 'that took too long, so I stopped it. Try again, or run it with the segmenta CLI.' : OWN_FAULT, opName);
    }
  }

  async close(): Promise<void> {
    const r = this.runner;
    this.runner = undefined;
    await r?.close?.();
  }
}

const OWN_FAULT = "something went wrong on my side running that. The details are in the bot's log; please try again or tell whoever runs segmenta.";

/**
 * One operation, start to Reply, in whatever thread calls it (the worker, or the dispatcher
 * when it has no runner). `session` is changed in place (`use` picks a Run).
 */
export async function dispatchOp(task: OpTask, session: Session, log: (line: string) => void, deps: Pick<DispatcherDeps, 'lookup' | 'run'> = {}): Promise<Reply> {
  const { opName, input } = task;
  const op = SLACK_OPS.has(opName) ? (deps.lookup ?? findOperation)(opName) : undefined;
  if (!op) return fail(`\`${opName}\` is not available from Slack in this version of segmenta.`, opName);
  // Slack names Runs by id, prefix or `latest`: a path would let a Slack user read folders on the bot's machine.
  const run = (input as { run?: unknown } | undefined)?.run;
  if (typeof run === 'string' && /[\\/~]|^\./.test(run)) return fail('from Slack, name a Run by its id (`/segmenta runs` lists them), not by a path.', opName);
  const ctx: OpContext = {
    config: task.config,
    // Progress lines are for a terminal; the bot's log keeps them.
    log: (line) => log(`[${op.name}] ${line}`),
    session,
    signal: AbortSignal.timeout(task.timeoutMs),
  };
  try {
    const result = await (deps.run ?? runOperation)(op, input, ctx);
    // Segments, a segment card and compare have Block Kit views; the rest is their rendered text.
    return { ok: true, op: op.name, messages: viewFor(op.name, result) ?? toMessages(hidePaths(op.render(result))), file: fileOf(op.name, result) };
  } catch (err) {
    if (isSegmentaError(err)) return fail(hidePaths(err.message.split('\n')[0]), op.name);
    log(`[${op.name}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fail(OWN_FAULT, op.name);
  }
}

// Absolute paths on the bot's machine (POSIX or Windows), two segments or more.
const SERVER_PATH = /(?<![\w:/.])(?:\/(?:[\w.@+-]+\/)+[\w.@+-]*|[A-Za-z]:\\(?:[\w .@+-]+\\)+[\w.@+-]*)/g;

/** Slack users never see where the bot keeps its files: a path becomes its last part. */
export function hidePaths(text: string): string {
  return text.replace(SERVER_PATH, (p) => {
    const last = p.split(/[\\/]/).filter(Boolean).pop();
    return last ? `…/${last}` : '…';
  });
}

function fail(text: string, op?: string): Reply {
  return { ok: false, op, messages: [plainMessage(`:warning: ${text}`)] };
}

/**
 * One segment's brief goes out as a Markdown file (blocks would cut a document into pieces),
 * the HTML report as an HTML file. The report is built from the Run, which stores scrubbed
 * text only; it is not run through the text scrubber, whose digit patterns would mangle the
 * chart coordinates (test/slack/files.test.ts checks it holds no PII from the file).
 */
function fileOf(op: string, result: unknown): SlackFile | undefined {
  const r = result as { markdown?: unknown; segment?: unknown; runId?: unknown; path?: unknown };
  if (op === 'report' && typeof r.path === 'string') {
    return { filename: `segmenta-report-${r.runId}.html`, title: `Report of Run ${r.runId}`, content: readFileSync(r.path, 'utf8') };
  }
  if (op !== 'brief' || typeof r.markdown !== 'string') return undefined;
  return { filename: `segment-${r.segment}-brief.md`, title: `Campaign brief — segment ${r.segment} (Run ${r.runId})`, content: hidePaths(scrub(r.markdown)) };
}
