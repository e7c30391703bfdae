/** A token bucket: `capacity` tokens, refilled continuously at `perSecond`. Time comes from an injected clock. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token if there is one; false means the caller is over the limit. */
  take(): boolean {
    const t = this.now();
    // Refill lazily on use, so an idle connection costs no timer.
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
