/**
 * Requests per client in fixed windows (`rateLimit.max` per `rateLimit.windowMs`), counted as
 * they arrive, so concurrent requests count too. A request without a token counts against its
 * address. Kept in memory: the gateway serves one desk.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`: undefined if it may go on, else the seconds until it may. */
  take(key: string): number | undefined {
    const now = this.now();
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      if (!window && this.#windows.size >= 10_000) this.#dropEnded(now);
      window = { count: 0, endsAt: now + this.windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return window.count <= this.max ? undefined : Math.max(1, Math.ceil((window.endsAt - now) / 1000));
  }

  #dropEnded(now: number): void {
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
  }
}
