import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureFor, verifySlackSignature } from '../../src/slack/verify.js';

// Signed with node:crypto directly (not with signatureFor) so the test checks the scheme, not itself.
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=x&team_id=T1&command=%2Fsegmenta&text=segments';
const nowMs = 1_700_000_000_000;
const ts = String(nowMs / 1000);
const sign = (t: string, b: string, s = secret) => `v0=${createHmac('sha256', s).update(`v0:${t}:${b}`).digest('hex')}`;

describe('verifySlackSignature', () => {
  it('accepts a request signed with the secret, within the window', () => {
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sign(ts, body), nowMs })).toEqual({ ok: true });
    expect(signatureFor(secret, ts, body)).toBe(sign(ts, body));
  });

  it('refuses a tampered body, a wrong secret and a truncated signature', () => {
    const good = sign(ts, body);
    expect(verifySlackSignature({ signingSecret: secret, body: body + '&x=1', timestamp: ts, signature: good, nowMs })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sign(ts, body, 'other'), nowMs })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: good.slice(0, 20), nowMs })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a timestamp more than 5 minutes old or ahead, and accepts one just inside', () => {
    const old = String(nowMs / 1000 - 301);
    const ahead = String(nowMs / 1000 + 301);
    const edge = String(nowMs / 1000 - 300);
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: old, signature: sign(old, body), nowMs })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ahead, signature: sign(ahead, body), nowMs })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: edge, signature: sign(edge, body), nowMs }).ok).toBe(true);
  });

  it('refuses missing headers, a non-numeric timestamp and an unknown version', () => {
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: undefined, signature: sign(ts, body), nowMs }).ok).toBe(false);
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: undefined, nowMs }).ok).toBe(false);
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: '1e9', signature: sign('1e9', body), nowMs }).ok).toBe(false);
    expect(verifySlackSignature({ signingSecret: '', body, timestamp: ts, signature: sign(ts, body, ''), nowMs }).ok).toBe(false);
    const v1 = sign(ts, body).replace('v0=', 'v1=');
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: v1, nowMs })).toEqual({ ok: false, reason: 'bad_version' });
  });
});
