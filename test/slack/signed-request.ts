import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them, signed with node:crypto (v0 HMAC-SHA256 over
 * `v0:<timestamp>:<raw body>`), for the tests that drive the real Bolt receiver over HTTP.
 */
export function sign(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlashFields {
  text: string;
  responseUrl: string;
  team?: string;
  channel?: string;
  user?: string;
}

/** A slash command's form body, as Slack posts it. */
export function slashBody(f: SlashFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: f.team ?? 'T1',
    team_domain: 'acme',
    channel_id: f.channel ?? 'C1',
    channel_name: 'marketing',
    user_id: f.user ?? 'U1',
    user_name: 'maria',
    command: '/segmenta',
    text: f.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
}

/** An app_mention event callback (JSON), as Slack posts it. */
export function mentionBody(text: string, opts: { team?: string; channel?: string; user?: string; ts?: string } = {}): string {
  const ts = opts.ts ?? '1700000001.000100';
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: opts.team ?? 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: 1700000001,
    authorizations: [{ team_id: opts.team ?? 'T1', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: { type: 'app_mention', user: opts.user ?? 'U1', text, ts, channel: opts.channel ?? 'C1', event_ts: ts },
  });
}

export interface Sent {
  status: number;
  body: string;
  /** Time from sending to the full response (the ack, for a slash command). */
  ms: number;
}

export interface SendOptions {
  secret: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Override the signature (forgeries). */
  signature?: string;
  contentType?: string;
}

export async function send(url: string, body: string, o: SendOptions): Promise<Sent> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = o.contentType ?? (body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': o.signature ?? sign(o.secret, timestamp, body) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - t0 };
}
