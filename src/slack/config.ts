import { availableParallelism } from 'node:os';
import { ConfigError } from '../errors.js';
import type { Config } from '../config.js';

/**
 * The Slack bot's settings: the tokens src/config.ts reads (config.slack), the other SLACK_*
 * variables and the `--port`/`--host` flags. Only `segmenta slack` needs them, so they are
 * checked here, when the bot starts: a missing secret or token is one ConfigError line that
 * names the variable and how to get it.
 */
export interface SlackSettings {
  /** Socket Mode when an app-level token is set (no public URL needed), else HTTP. */
  mode: 'socket' | 'http';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Web API base URL (Bolt's clientOptions.slackApiUrl), for proxies and tests. */
  apiUrl?: string;
  port: number;
  /** Interface to listen on (default: all, as Slack must reach it through your proxy or tunnel). */
  host?: string;
  /** Workspace (team) ids allowed to use the bot; empty = all. */
  allowedTeams: string[];
  /** Channel ids allowed; empty = all. */
  allowedChannels: string[];
  /** Commands per user per minute (token bucket); 0 = no limit. */
  commandsPerMinute: number;
  /** Request bodies above this many bytes are refused with 413 before anything reads them. */
  maxBodyBytes: number;
  /** Operations running at once (worker threads); the rest wait in line. */
  concurrency: number;
  /** Commands one user may have running or waiting at once. */
  queuePerUser: number;
}

export const SLACK_DEFAULTS = { port: 3000, commandsPerMinute: 10, maxBodyBytes: 64 * 1024, queuePerUser: 4 } as const;

/**
 * One core is left to the bot's event loop (acks, signatures, posting answers): with every core
 * busy in an operation, acks would compete with them for CPU. Measured on 2 cores: see
 * test/slack/load.test.ts.
 */
export function defaultConcurrency(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

type Env = Record<string, string | undefined>;

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function int(name: string, value: string | number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

export interface SlackFlags {
  port?: string | number;
  host?: string;
}

export function loadSlackSettings(tokens: Config['slack'], flags: SlackFlags = {}, env: Env = process.env): SlackSettings {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const botToken = blank(tokens.botToken);
  const appToken = blank(tokens.appToken);
  const signingSecret = blank(tokens.signingSecret);
  const apiUrl = blank(env.SLACK_API_URL);

  if (!botToken) {
    throw new ConfigError('SLACK_BOT_TOKEN is not set: create the app from slack/manifest.yml, install it to your workspace, and export its Bot User OAuth Token (xoxb-…).');
  }
  if (appToken && !appToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN must be an app-level token (xapp-…, with the connections:write scope); unset it to use HTTP mode instead.');
  }
  if (!appToken && !signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is not set: copy it from your app\'s Basic Information page (or set SLACK_APP_TOKEN, xapp-…, to use Socket Mode).');
  }
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) {
    throw new ConfigError(`SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (got "${apiUrl}").`);
  }
  return {
    mode: appToken ? 'socket' : 'http',
    botToken,
    appToken,
    signingSecret,
    apiUrl: apiUrl && !apiUrl.endsWith('/') ? `${apiUrl}/` : apiUrl,
    port: int('--port', flags.port, SLACK_DEFAULTS.port, 0, 65535),
    host: blank(flags.host),
    allowedTeams: list(env.SLACK_ALLOWED_TEAMS),
    allowedChannels: list(env.SLACK_ALLOWED_CHANNELS),
    commandsPerMinute: int('SLACK_RATE_LIMIT', env.SLACK_RATE_LIMIT, SLACK_DEFAULTS.commandsPerMinute, 0, 10_000),
    maxBodyBytes: int('SLACK_MAX_BODY_BYTES', env.SLACK_MAX_BODY_BYTES, SLACK_DEFAULTS.maxBodyBytes, 1024, 4 * 1024 * 1024),
    concurrency: int('SLACK_CONCURRENCY', env.SLACK_CONCURRENCY, defaultConcurrency(), 1, 64),
    queuePerUser: int('SLACK_QUEUE_PER_USER', env.SLACK_QUEUE_PER_USER, SLACK_DEFAULTS.queuePerUser, 1, 100),
  };
}
