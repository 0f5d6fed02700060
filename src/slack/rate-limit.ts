/**
 * A token bucket per user: `perMinute` commands in a burst, refilled evenly over a minute.
 * Operations read files and may call an LLM; one user must not be able to saturate either.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for `key`; false when the bucket is empty (refuse the command). */
  take(key: string): boolean {
    if (this.perMinute <= 0) return true; // 0 = no limit
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + ((t - b.at) / 60_000) * this.perMinute);
    b.at = t;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.forgetFull(t);
    return ok;
  }

  /** Seconds until `key` has a token again (for the refusal message). */
  retryAfterSeconds(key: string): number {
    const b = this.buckets.get(key);
    if (!b || b.tokens >= 1) return 0;
    return Math.ceil(((1 - b.tokens) * 60) / this.perMinute);
  }

  // A full bucket carries no state worth keeping.
  private forgetFull(t: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + ((t - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
  }
}
