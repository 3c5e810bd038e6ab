/**
 * One FIFO queue per key (a reader slot): a job starts when every job queued before it on any
 * of its keys has settled. What a job waits for is fixed when it is queued, so two jobs that
 * share keys can never wait on each other, in whatever order they name them.
 */
export class KeyedFifo {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(keys: readonly string[], job: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const before = unique.map((k) => this.#tails.get(k) ?? Promise.resolve());
    const result = Promise.allSettled(before).then(job);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of unique) {
      this.#tails.set(key, done);
      // Forget an idle key once its last job is done.
      void done.then(() => {
        if (this.#tails.get(key) === done) this.#tails.delete(key);
      });
    }
    return result;
  }

  /** Keys with queued or running jobs. */
  get busy(): number {
    return this.#tails.size;
  }
}
