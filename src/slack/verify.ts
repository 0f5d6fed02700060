import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack request signing (v0), as a pure function with an injectable clock — the bolt-js
 * `verify-request.ts` pattern — so stale, future, tampered and malformed requests can be
 * tested without a server. Unlike Bolt's check we also refuse timestamps too far in the
 * future: a clock-skewed attacker must not get a longer replay window.
 */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export interface SignedRequest {
  signingSecret: string;
  /** The raw body exactly as received (the signature covers the bytes, not a parsed form). */
  body: string;
  /** X-Slack-Request-Timestamp (seconds since the epoch, as sent). */
  timestamp: string | undefined;
  /** X-Slack-Signature ("v0=<hex>"). */
  signature: string | undefined;
  /** The clock, in milliseconds; tests pin it. */
  nowMs?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale' | 'bad_version' | 'bad_signature' };

export function signatureFor(signingSecret: string, timestamp: string | number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function verifySlackSignature(req: SignedRequest): VerifyResult {
  const { timestamp, signature } = req;
  if (!req.signingSecret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const nowSec = Math.floor((req.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSec - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  if (!signature.startsWith('v0=')) return { ok: false, reason: 'bad_version' };
  const expected = Buffer.from(signatureFor(req.signingSecret, timestamp, req.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is a mismatch, and says nothing secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
