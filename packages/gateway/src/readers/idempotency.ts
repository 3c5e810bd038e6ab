/**
 * Idempotency keys for writes: the first request with a key runs; a repeat with the same key
 * and the same request gets the first result (while it runs, the same promise), and writes
 * nothing; the same key with another request is refused. A failed request frees its key, so a
 * client can retry it. Bounded in size and age; kept in memory (a restart forgets them).
 */
import { hcardError } from '@hcard/card-core';

interface Entry {
  readonly fingerprint: string;
  readonly result: Promise<unknown>;
  readonly at: number;
}

export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly maxEntries = 10_000,
    readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  run<T>(
    key: string,
    fingerprint: string,
    job: () => Promise<T>,
    now = Date.now(),
  ): { result: Promise<T>; replayed: boolean } {
    const known = this.#entries.get(key);
    if (known && now - known.at < this.ttlMs) {
      if (known.fingerprint !== fingerprint) throw hcardError('HCARD_E_IDEMPOTENCY_CONFLICT');
      return { result: known.result as Promise<T>, replayed: true };
    }
    const result = job();
    this.#entries.set(key, { fingerprint, result, at: now });
    result.catch(() => this.#entries.delete(key));
    // Oldest first: Map keeps insertion order.
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return { result, replayed: false };
  }
}
