/**
 * Lines appended to an open file descriptor (a file opened O_APPEND) or a stream
 * (`process.stderr`), once per turn of the event loop. `write` queues a line and returns at once;
 * when the turn's I/O is done (`setImmediate`), one write takes every line queued meanwhile, so
 * a busy gateway pays one system call for many lines instead of one per line. The write is
 * synchronous: a few kilobytes into the page cache cost less than handing them to libuv's
 * thread pool and back. Lines keep their order; at process exit whatever is still queued is
 * written too.
 *
 * It has pino's `DestinationStream` shape (`write(line)`), so the logger writes through it too.
 */
import { writeSync } from 'node:fs';

/** A file descriptor or a stream written whole (`process.stderr`, synchronous on Linux). */
export type LineTarget = number | { write(chunk: string): unknown };

export class LineQueue {
  readonly target: LineTarget;
  #queue: string[] = [];
  #scheduled: Promise<void> | undefined;
  #failure: Error | undefined;
  readonly #onExit = (): void => this.#writeQueued();

  constructor(target: LineTarget) {
    this.target = target;
    process.on('exit', this.#onExit);
  }

  /** The error of the last failed write, if one failed (the lines it held are lost). */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Queues one line (with its newline); returns at once. */
  write(line: string): void {
    this.#queue.push(line);
    this.#scheduled ??= new Promise((resolve) =>
      setImmediate(() => {
        this.#scheduled = undefined;
        this.#writeQueued();
        resolve();
      }),
    );
  }

  /** Resolves when every line queued so far is written (or its write failed: see `failure`). */
  async flush(): Promise<void> {
    while (this.#scheduled) await this.#scheduled;
  }

  /** Flushes, and stops writing at process exit; the descriptor stays open (its owner closes it). */
  async end(): Promise<void> {
    await this.flush();
    process.off('exit', this.#onExit);
  }

  #writeQueued(): void {
    if (this.#queue.length === 0) return;
    const text = this.#queue.join('');
    this.#queue = [];
    try {
      if (typeof this.target !== 'number') {
        this.target.write(text);
        return;
      }
      const chunk = Buffer.from(text);
      let done = 0;
      while (done < chunk.length) done += writeSync(this.target, chunk, done, chunk.length - done);
    } catch (e) {
      this.#failure = e as Error;
    }
  }
}
