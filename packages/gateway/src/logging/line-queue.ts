/**
 * Lines appended in the background to an open file descriptor (a file opened O_APPEND) or a
 * stream (`process.stderr`). `write` queues a line and returns at once; one write per turn of the event loop
 * takes every line queued meanwhile, so a busy gateway pays one system call for many lines and a
 * request never waits for the disk. Lines keep their order. `flush()` waits until everything
 * queued so far is written; at process exit whatever is still queued is written synchronously.
 *
 * It has pino's `DestinationStream` shape (`write(line)`), so the logger writes through it too.
 */
import { write, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const writeAsync = promisify(write);

/** A file descriptor (written with `fs.write`) or a stream written whole (`process.stderr`). */
export type LineTarget = number | { write(chunk: string): unknown };

export class LineQueue {
  readonly target: LineTarget;
  #queue: string[] = [];
  #writing: Promise<void> | undefined;
  #failure: Error | undefined;
  readonly #onExit = (): void => this.#writeQueuedSync();

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
    this.#writing ??= this.#drain();
  }

  /** Resolves when every line queued so far is written (or its write failed: see `failure`). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Flushes, and stops writing at process exit; the descriptor stays open (its owner closes it). */
  async end(): Promise<void> {
    await this.flush();
    process.off('exit', this.#onExit);
  }

  async #drain(): Promise<void> {
    try {
      // Let the lines queued in this turn of the event loop go out in one write.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#queue.length > 0) {
        const text = this.#queue.join('');
        this.#queue = [];
        if (typeof this.target !== 'number') {
          this.target.write(text);
          continue;
        }
        const chunk = Buffer.from(text);
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await writeAsync(this.target, chunk, done, chunk.length - done);
          done += bytesWritten;
        }
      }
    } catch (e) {
      this.#failure = e as Error;
      this.#queue = [];
    } finally {
      this.#writing = undefined;
    }
  }

  #writeQueuedSync(): void {
    if (this.#queue.length === 0) return;
    const text = this.#queue.join('');
    this.#queue = [];
    if (typeof this.target !== 'number') {
      this.target.write(text);
      return;
    }
    const chunk = Buffer.from(text);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.target, chunk, done, chunk.length - done);
  }
}
