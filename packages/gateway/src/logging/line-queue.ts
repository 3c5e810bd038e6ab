/**
 * Lines appended to an open file descriptor (a file opened O_APPEND) or a stream
 * (`process.stderr`), in batches. `write` queues a line and returns at once; one write takes a
 * batch `delayMs` after its first line was queued. Under load that is one system call for the
 * lines of many requests (BENCHMARKS.md, "2026-12-01 (second session)"). When idle, the line goes
 * out that long after its answer, off the answer's way: work done in the turn that sent the
 * answer delays the client's wake-up on this VM, a timer a few ms later does not (BENCHMARKS.md,
 * "2026-12-01 (fourth session)"). The write is synchronous: a batch into the page cache costs
 * less than handing it to libuv's thread pool and back. Lines keep their order; at process exit
 * whatever is still queued is written too.
 *
 * `writeLater(format)` queues a line made only when its batch is written: the request path then
 * keeps a few values, and the lines of a batch are made together. Under load the gateway's two
 * lines cost it about 29 µs of CPU a request made in place, 18–22 µs made so (BENCHMARKS.md,
 * "2026-12-01 (third session)").
 *
 * It has pino's `DestinationStream` shape (`write(line)`), so the logger writes through it too.
 */
import { writeSync } from 'node:fs';

/** A file descriptor or a stream written whole (`process.stderr`, synchronous on Linux). */
export type LineTarget = number | { write(chunk: string): unknown };

/** Default time from a batch's first line to its write, ms: what a crash can lose, no more. */
const LINE_QUEUE_DELAY_MS = 10;

export class LineQueue {
  readonly target: LineTarget;
  readonly #delayMs: number;
  #queue: (string | (() => string))[] = [];
  #scheduled: Promise<void> | undefined;
  #failure: Error | undefined;
  readonly #onExit = (): void => this.#writeQueued();

  constructor(target: LineTarget, delayMs = LINE_QUEUE_DELAY_MS) {
    this.target = target;
    this.#delayMs = delayMs;
    process.on('exit', this.#onExit);
  }

  /**
   * The error of the last failed write, if one failed (the lines it held are lost), or of a line
   * that could not be made (only that line is lost).
   */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Queues one line (with its newline); returns at once. */
  write(line: string): void {
    this.#enqueue(line);
  }

  /** Queues the line `format` makes (with its newline) when its batch is written. */
  writeLater(format: () => string): void {
    this.#enqueue(format);
  }

  #enqueue(line: string | (() => string)): void {
    this.#queue.push(line);
    this.#scheduled ??= new Promise((resolve) =>
      setTimeout(() => {
        this.#scheduled = undefined;
        this.#writeQueued();
        resolve();
      }, this.#delayMs),
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

  /** The line `format` makes, or nothing when it throws: the rest of the batch still goes out. */
  #made(format: () => string): string {
    try {
      return format();
    } catch (e) {
      this.#failure = e as Error;
      return '';
    }
  }

  #writeQueued(): void {
    if (this.#queue.length === 0) return;
    const queued = this.#queue;
    this.#queue = [];
    try {
      let text = '';
      for (const line of queued) text += typeof line === 'string' ? line : this.#made(line);
      if (typeof this.target !== 'number') {
        this.target.write(text);
        return;
      }
      // The text as it is: a Buffer per batch would cost fresh memory, and so page faults, each
      // time. A short write (rare for a file) goes on from where it stopped.
      const done = writeSync(this.target, text);
      if (done < Buffer.byteLength(text)) {
        const chunk = Buffer.from(text);
        for (let at = done; at < chunk.length; ) at += writeSync(this.target, chunk, at, chunk.length - at);
      }
    } catch (e) {
      this.#failure = e as Error;
    }
  }
}
