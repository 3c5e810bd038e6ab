/** At most `slots` tasks at once; the rest wait in arrival order. */
export class Limiter {
  readonly #waiting: Array<() => void> = [];
  #free: number;

  constructor(slots: number) {
    this.#free = Math.max(1, Math.floor(slots));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
