import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { Config } from '../config.js';
import type { ProgressHook } from '../model/progress.js';

/**
 * An operation is one user action, written once: a zod input schema, a function that does
 * the work and returns plain data, and a renderer that turns that data into text for people.
 * The CLI, the REPL, the agent's tools and the Slack commands are thin adapters over these.
 */
export interface OpContext {
  config: Config;
  /** Progress lines for people (stderr in the CLI, dim lines in the REPL, nothing in Slack). */
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Counts inside a long step (the CLI's bar on a terminal); absent where nothing may be drawn (the REPL, Slack). */
  progress?: ProgressHook;
  /** The session's current Run and file (REPL and Slack remember them between commands). */
  session?: Session;
}

export interface Session {
  runId?: string;
  file?: string;
}

export interface Operation<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  /** One sentence for --help, /help and the agent's tool description. */
  description: string;
  input: S;
  run(input: z.output<S>, ctx: OpContext): Promise<R>;
  /** Human text (Markdown-ish: fits a terminal and Slack mrkdwn). */
  render(result: R): string;
  /** A short summary for a model to read (tool results stay compact); defaults to render(). */
  summarize?(result: R): string;
}

export function defineOperation<S extends z.ZodType, R>(op: Operation<S, R>): Operation<S, R> {
  return op;
}

/** Validate raw input against the operation's schema; a bad value is one clear line. */
export function parseInput<S extends z.ZodType>(op: Operation<S, unknown>, raw: unknown): z.output<S> {
  const parsed = op.input.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new UsageError(`${op.name}: ${where}${issue.message}`);
}

export async function runOperation<S extends z.ZodType, R>(op: Operation<S, R>, raw: unknown, ctx: OpContext): Promise<R> {
  return op.run(parseInput(op, raw), ctx);
}
