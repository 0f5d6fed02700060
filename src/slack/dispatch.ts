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

/**
 * Where the Slack surface runs operations: name + input → runOperation → op.render → Block Kit
 * messages (the one exception: a mention answered by the agent runs them as its tools, which
 * are held to the same SLACK_OPS, in the same channel session). Each channel has its own session (its current Run). Errors come back as
 * plain words: ours say what to do; anything else is logged here and only named in Slack.
 */
export class Dispatcher {
  private readonly sessions = new Map<string, Session>();
  constructor(private readonly deps: DispatcherDeps) {}

  /** The session of a conversation (a channel or DM), created on first use. */
  session(channel: string): Session {
    let s = this.sessions.get(channel);
    if (!s) this.sessions.set(channel, (s = {}));
    return s;
  }

  async run(opName: string, input: unknown, channel: string): Promise<Reply> {
    const op = SLACK_OPS.has(opName) ? (this.deps.lookup ?? findOperation)(opName) : undefined;
    if (!op) return fail(`\`${opName}\` is not available from Slack in this version of segmenta.`, opName);
    // Slack names Runs by id, prefix or `latest`: a path would let a Slack user read folders on the bot's machine.
    const run = (input as { run?: unknown } | undefined)?.run;
    if (typeof run === 'string' && /[\\/~]|^\./.test(run)) return fail('from Slack, name a Run by its id (`/segmenta runs` lists them), not by a path.', opName);
    const log = this.deps.log ?? (() => {});
    const ctx: OpContext = {
      config: this.deps.config,
      // Progress lines are for a terminal; the bot's log keeps them.
      log: (line) => log(`[${op.name}] ${line}`),
      session: this.session(channel),
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? 5 * 60_000),
    };
    try {
      const result = await (this.deps.run ?? runOperation)(op, input, ctx);
      // Segments, a segment card and compare have Block Kit views; the rest is their rendered text.
      return { ok: true, op: op.name, messages: viewFor(op.name, result) ?? toMessages(hidePaths(op.render(result))), file: fileOf(op.name, result) };
    } catch (err) {
      if (isSegmentaError(err)) return fail(hidePaths(err.message.split('\n')[0]), op.name);
      log(`[${op.name}] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('something went wrong on my side running that. The details are in the bot\'s log; please try again or tell whoever runs segmenta.', op.name);
    }
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

/** One segment's brief goes out as a Markdown file (blocks would cut a document into pieces). */
function fileOf(op: string, result: unknown): SlackFile | undefined {
  const r = result as { markdown?: unknown; segment?: unknown; runId?: unknown };
  if (op !== 'brief' || typeof r.markdown !== 'string') return undefined;
  return { filename: `segment-${r.segment}-brief.md`, title: `Campaign brief — segment ${r.segment} (Run ${r.runId})`, content: hidePaths(scrub(r.markdown)) };
}
