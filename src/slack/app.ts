import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, type Logger, type webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import type { SlackSettings } from './config.js';
import { GuardedReceiver, type RefusalReason } from './receiver.js';
import { Guards } from './guards.js';
import { Dispatcher, type DispatcherDeps } from './dispatch.js';
import { helpText, parseCommand } from './commands.js';
import { plainMessage } from './blocks.js';
import { deliverToCommand, deliverToMention } from './deliver.js';
import { Mentions, mentionText } from './mentions.js';
import { registerActions } from './actions.js';
import { WorkQueue, queuedText, type Admission } from './work-queue.js';
import { WorkerPool } from './worker-pool.js';

export interface SlackBotOptions {
  settings: SlackSettings;
  config: Config;
  /** Server log (stderr in the CLI); nothing here is posted to Slack. */
  log?: (line: string) => void;
  /** The clock for signatures, replays and rate limits (tests pin it). */
  now?: () => number;
  /** Test seams: count or replace the operation runner and registry. */
  run?: DispatcherDeps['run'];
  lookup?: DispatcherDeps['lookup'];
  /** Extra Web API client options (tests turn retries off). */
  clientOptions?: webApi.WebClientOptions;
  onRefused?: (reason: RefusalReason) => void;
  /** Run operations on the event loop instead of worker threads (implied by `run` and `lookup`). */
  inline?: boolean;
}

export interface SlackBot {
  app: App;
  dispatcher: Dispatcher;
  /** The line every command waits in (its size, for the log and tests). */
  queue: WorkQueue;
  /** The worker threads operations run in, once started (undefined when inline). */
  pool(): WorkerPool | undefined;
  /** Checks the bot token (auth.test), then listens; resolves with the HTTP port (HTTP mode). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/**
 * The Bolt app behind `segmenta slack`: `/segmenta` and @mentions, both thin — parse, guard,
 * ack, run an operation through the dispatcher, deliver. Socket Mode when an app token is
 * set; else HTTP on Bolt's receiver behind our guard (size, signature, replay).
 */
export function createSlackBot(opts: SlackBotOptions): SlackBot {
  const { settings, config } = opts;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = opts.now ?? Date.now;
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    // The Web API client's default retries for ~30 minutes: longer than a response_url lives, and
    // a start-up against an unreachable API would hang. A few quick tries, then a clear error.
    retryConfig: { retries: 2, minTimeout: 500 },
    timeout: 15_000,
    ...opts.clientOptions,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  };

  const receiver =
    settings.mode === 'http'
      ? new GuardedReceiver(
          {
            signingSecret: settings.signingSecret!,
            maxBodyBytes: settings.maxBodyBytes,
            now,
            onRefused: (reason) => {
              log(`refused a request: ${reason.replace('_', ' ')}`);
              opts.onRefused?.(reason);
            },
          },
          { logger, port: settings.port },
        )
      : undefined;

  const app = new App({
    token: settings.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken }),
    clientOptions,
    logger,
    // Bolt would otherwise set its logger (and the Web API client's) to INFO.
    logLevel: LogLevel.WARN,
    // auth.test runs in start(), so a bad token is one clear error there, not a failed first command.
    deferInitialization: true,
  });

  const dispatcher = new Dispatcher({ config, log, run: opts.run, lookup: opts.lookup });
  const guards = new Guards(settings, now);
  const mentions = new Mentions(dispatcher, config, log);
  const inline = opts.inline || !!opts.run || !!opts.lookup;
  let pool: WorkerPool | undefined;
  // Waiting commands are few per user (queuePerUser) and bounded overall: a line, not a backlog.
  const queue = new WorkQueue({ concurrency: settings.concurrency, perUser: settings.queuePerUser, maxWaiting: 500 });
  /** Every surface waits in the same line, one per user per workspace. */
  const enqueue = <T>(who: { team?: string; user?: string }, job: () => Promise<T>): Admission<T> => queue.submit(`${who.team ?? ''}:${who.user ?? ''}`, job);

  app.command('/segmenta', async ({ ack, command, respond, client }) => {
    const who = { team: command.team_id, channel: command.channel_id, user: command.user_id };
    const refusal = guards.refusal(who);
    // Everything that needs no operation is answered in the ack itself, instantly.
    if (refusal) return ack({ response_type: 'ephemeral', ...plainMessage(`:no_entry: ${refusal}`) });
    const parsed = parseCommand(command.text ?? '');
    if (parsed.kind === 'help') return ack({ response_type: 'ephemeral', ...plainMessage(helpText()) });
    if (parsed.kind === 'usage') return ack({ response_type: 'ephemeral', ...plainMessage(parsed.text) });
    // Ack first, always: Slack gives 3 seconds; the operation answers through response_url. The
    // line decides at once, so a refusal or a place in line is the ack itself.
    const t0 = performance.now();
    const admitted = enqueue(who, () => dispatcher.run(parsed.op, parsed.input, who.channel));
    if (admitted.kind === 'refused') return ack({ response_type: 'ephemeral', ...plainMessage(`:no_entry: ${admitted.text}`) });
    await ack(admitted.position ? { response_type: 'ephemeral', ...plainMessage(queuedText(admitted.position)) } : undefined);
    try {
      const reply = await admitted.done;
      await deliverToCommand(reply, respond, client, { channel: who.channel, user: who.user }, log);
      log(`/segmenta ${parsed.label} (${who.user} in ${who.channel}): ${reply.ok ? 'answered' : 'error answered'} in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      log(`/segmenta ${parsed.label}: could not answer (${describeError(err)})`);
    }
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    // Bolt acks events at once; Slack retries only when it thinks we did not: answer once.
    if (context.retryNum) return;
    const who = { team: body.team_id, channel: event.channel, user: event.user ?? '' };
    const where = { channel: event.channel, user: who.user, threadTs: event.thread_ts ?? event.ts };
    try {
      const refusal = guards.refusal(who);
      if (refusal) {
        await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...plainMessage(`:no_entry: ${refusal}`) });
        return;
      }
      const admitted = enqueue(who, () => mentions.answer(mentionText(event.text), event.channel));
      if (admitted.kind === 'refused') {
        await client.chat.postEphemeral({ channel: where.channel, user: where.user, thread_ts: where.threadTs, ...plainMessage(`:no_entry: ${admitted.text}`) });
        return;
      }
      if (admitted.position) await client.chat.postEphemeral({ channel: where.channel, user: where.user, thread_ts: where.threadTs, ...plainMessage(queuedText(admitted.position)) });
      await deliverToMention(await admitted.done, client, where, log);
    } catch (err) {
      log(`mention in ${event.channel}: could not answer (${describeError(err)})`);
    }
  });

  registerActions(app, dispatcher, guards, enqueue, log);

  app.error(async (err) => log(`slack: ${err.message}`));

  return {
    app,
    dispatcher,
    queue,
    pool: () => pool,
    async start() {
      try {
        await app.init();
      } catch (err) {
        const e = err as Error & { code?: string; data?: { error?: string }; original?: Error };
        if (e.code === 'slack_webapi_platform_error') {
          throw new ConfigError(`Slack refused SLACK_BOT_TOKEN (${e.data?.error}): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page.`);
        }
        const cause = e.original?.cause as { code?: string; message?: string } | undefined;
        const why = cause?.code ?? cause?.message ?? e.original?.message ?? e.message;
        throw new ConfigError(`could not reach the Slack Web API at ${settings.apiUrl ?? 'https://slack.com/api/'} (${why}): check the network or proxy${settings.apiUrl ? ', and SLACK_API_URL' : ''}.`);
      }
      // Threads start once the token is known good. Listening only once they are ready: their
      // start-up is CPU-heavy, and a first burst of commands would compete with it for the acks.
      if (!inline && !pool) {
        dispatcher.useRunner((pool = new WorkerPool({ threads: settings.concurrency, log })));
        await pool.ready();
        log(`operations run in ${settings.concurrency} worker thread${settings.concurrency === 1 ? '' : 's'}; a user may have ${settings.queuePerUser} commands in line`);
      }
      if (!receiver) {
        await app.start();
        return {};
      }
      const server = (await app.start({ port: settings.port, host: settings.host })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
      await dispatcher.close();
      pool = undefined;
    },
  };
}

/** An error and its cause in one line ("fetch failed: ECONNRESET …"). */
function describeError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause ? `: ${e.cause.code ?? ''} ${e.cause.message ?? ''}`.trimEnd() : '';
  return `${e.message ?? String(err)}${cause}`;
}

/** Bolt's log lines into ours, warnings and errors only: its info lines are noise for a CLI. */
function boltLogger(log: (line: string) => void): Logger {
  let level = LogLevel.WARN;
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
  const at = (l: LogLevel) => (...msg: unknown[]) => {
    if (rank[l] >= rank[level]) log(`bolt ${l}: ${msg.map(String).join(' ')}`);
  };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
