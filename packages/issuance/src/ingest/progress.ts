/** How far through the input file a reader is, by bytes read (for progress bars and ETA). */
import type { Readable } from 'node:stream';

export class ByteProgress {
  private read = 0;
  constructor(private readonly size: number) {}

  /** Counts what `stream` reads, without changing its flow. */
  watch(stream: Readable): Readable {
    stream.on('data', (chunk: Buffer) => {
      this.read += chunk.length;
    });
    return stream;
  }

  add(bytes: number): void {
    this.read += bytes;
  }

  /** 0–1. */
  fraction(): number {
    return this.size === 0 ? 1 : Math.min(1, this.read / this.size);
  }
}
