import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import { verifySlackSignature } from './verify.js';
import { ReplayCache } from './replay-cache.js';

export type RefusalReason = 'too_large' | 'missing_headers' | 'stale' | 'bad_version' | 'bad_signature' | 'replayed';

export interface GuardOptions {
  signingSecret: string;
  maxBodyBytes: number;
  /** The clock for the signature window and the replay cache (tests pin it). */
  now?: () => number;
  /** Told about every refused request (the reason only: never the body). */
  onRefused?: (reason: RefusalReason) => void;
}

// Past the limit we keep reading (and discarding) this much more so the client can read our
// 413; beyond it the socket is cut.
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Bolt's own HTTPReceiver with a guard in front of its events endpoint. Before Bolt sees a
 * byte: bodies over the limit get 413, then our signature check (pure, in verify.ts) and a
 * replay cache — which Bolt lacks — refuse forged, stale and replayed requests with 401 and
 * no body. A request that passes is handed to Bolt with its body already buffered (Bolt reuses
 * `req.rawBody`), and Bolt verifies the signature again: two checks, one secret.
 */
export class GuardedReceiver extends HTTPReceiver {
  constructor(guard: GuardOptions, options: Omit<HTTPReceiverOptions, 'signingSecret' | 'bodyLimit'> = {}) {
    const endpoints = options.endpoints ?? '/slack/events';
    super({ ...options, endpoints, signingSecret: guard.signingSecret, bodyLimit: guard.maxBodyBytes });
    const paths = new Set(Array.isArray(endpoints) ? endpoints : [endpoints]);
    const now = guard.now ?? Date.now;
    const replays = new ReplayCache(undefined, now);
    const bolt = this.requestListener;

    this.requestListener = (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      // Anything but a POST to the events endpoint is Bolt's to route (and to 404).
      if (req.method !== 'POST' || !paths.has(path)) return bolt(req, res);
      const refuse = (status: 401 | 413, reason: RefusalReason) => {
        guard.onRefused?.(reason);
        if (!res.headersSent) {
          res.writeHead(status, { connection: 'close' });
          res.end();
        }
      };
      readBody(req, guard.maxBodyBytes).then(
        (body) => {
          if (body === 'too_large') return refuse(413, 'too_large');
          const text = body.toString('utf8');
          // Slack's certificate check may come unsigned (Bolt exempts it too): answer 200, run nothing.
          if (isSslCheck(req, text)) {
            res.writeHead(200);
            return res.end();
          }
          const signature = header(req, 'x-slack-signature');
          const verdict = verifySlackSignature({ signingSecret: guard.signingSecret, body: text, timestamp: header(req, 'x-slack-request-timestamp'), signature, nowMs: now() });
          if (!verdict.ok) return refuse(401, verdict.reason);
          // Recorded only once verified, so forged requests cannot fill the cache.
          if (replays.seen(signature!)) return refuse(401, 'replayed');
          (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
          bolt(req, res);
        },
        () => refuse(413, 'too_large'),
      );
    };
  }
}

function isSslCheck(req: IncomingMessage, body: string): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') && new URLSearchParams(body).get('ssl_check') === '1';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** The whole body, or 'too_large' as soon as the declared or actual size passes the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    if (over) resolve('too_large');
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > DRAIN_LIMIT_BYTES) req.destroy();
        return;
      }
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return resolve('too_large');
      }
      chunks.push(chunk);
    });
    req.on('end', () => !over && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
