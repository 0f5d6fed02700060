import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/slack/rate-limit.js';
import { ReplayCache } from '../../src/slack/replay-cache.js';
import { Guards } from '../../src/slack/guards.js';

describe('RateLimiter (token bucket)', () => {
  it('allows a burst of N a minute per key, then refuses until tokens refill', () => {
    let t = 0;
    const rl = new RateLimiter(10, () => t);
    for (let i = 0; i < 10; i++) expect(rl.take('u1')).toBe(true);
    expect(rl.take('u1')).toBe(false);
    expect(rl.take('u2')).toBe(true); // another user has their own bucket
    expect(rl.retryAfterSeconds('u1')).toBe(6);
    t += 6_000; // one token per 6 s at 10/minute
    expect(rl.take('u1')).toBe(true);
    expect(rl.take('u1')).toBe(false);
    t += 120_000; // a long pause refills to the burst size, not beyond
    for (let i = 0; i < 10; i++) expect(rl.take('u1')).toBe(true);
    expect(rl.take('u1')).toBe(false);
  });

  it('0 means no limit', () => {
    const rl = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(rl.take('u')).toBe(true);
  });
});

describe('ReplayCache', () => {
  it('sees a key again within its ttl, and forgets it after', () => {
    let t = 0;
    const c = new ReplayCache(1000, () => t);
    expect(c.seen('a')).toBe(false);
    expect(c.seen('a')).toBe(true);
    t = 1500;
    expect(c.seen('a')).toBe(false);
  });

  it('stays bounded', () => {
    const c = new ReplayCache(60_000, () => 0, 3);
    for (const k of ['a', 'b', 'c', 'd']) c.seen(k);
    expect(c.seen('a')).toBe(false); // evicted as the oldest
    expect(c.seen('d')).toBe(true);
  });
});

describe('Guards', () => {
  it('checks the workspace and channel allow-lists before the rate limit', () => {
    const g = new Guards({ allowedTeams: ['T1'], allowedChannels: ['C1'], commandsPerMinute: 1 }, () => 0);
    expect(g.refusal({ team: 'T2', channel: 'C1', user: 'U1' })).toMatch(/not enabled for this workspace/);
    expect(g.refusal({ team: 'T1', channel: 'C2', user: 'U1' })).toMatch(/not enabled in this channel/);
    expect(g.refusal({ team: 'T1', channel: 'C1', user: 'U1' })).toBeUndefined();
    expect(g.refusal({ team: 'T1', channel: 'C1', user: 'U1' })).toMatch(/faster than I can take them \(1 a minute\)\. Try again in 60 seconds/);
  });

  it('empty allow-lists allow everyone', () => {
    const g = new Guards({ allowedTeams: [], allowedChannels: [], commandsPerMinute: 10 });
    expect(g.refusal({ team: 'T9', channel: 'C9', user: 'U9' })).toBeUndefined();
  });
});
