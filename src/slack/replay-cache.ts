import { SIGNATURE_WINDOW_SECONDS } from './verify.js';

/**
 * Signatures seen in the last signature window. A valid signature replayed within the window
 * would pass verification again; Bolt has no replay protection, so we refuse a signature seen
 * before. Entries expire with the window: after it, the timestamp check refuses the request anyway.
 */
export class ReplayCache {
  private readonly seenAt = new Map<string, number>();
  constructor(
    private readonly ttlMs = SIGNATURE_WINDOW_SECONDS * 1000 + 60_000,
    private readonly now: () => number = Date.now,
    /** A bound on memory whatever the traffic: oldest entries go first. */
    private readonly maxEntries = 50_000,
  ) {}

  /** True when `key` was seen within the ttl; records it otherwise. */
  seen(key: string): boolean {
    const t = this.now();
    this.prune(t);
    const at = this.seenAt.get(key);
    if (at !== undefined && t - at < this.ttlMs) return true;
    this.seenAt.set(key, t);
    if (this.seenAt.size > this.maxEntries) this.seenAt.delete(this.seenAt.keys().next().value as string);
    return false;
  }

  private prune(t: number): void {
    // Map iteration is insertion order, which is time order: stop at the first live entry.
    for (const [key, at] of this.seenAt) {
      if (t - at < this.ttlMs) break;
      this.seenAt.delete(key);
    }
  }
}
