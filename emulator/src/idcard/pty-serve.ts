/**
 * Serves an emulated ID-card reader on a pseudo-terminal (one end of a PtyPair), through
 * Node's own TTY stream: the emulator needs no serial-port library.
 */
import { closeSync, constants, openSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import { hcardError } from '@hcard/card-core';
import type { EmulatedIdCardReader } from './emulated-idcard-reader.js';

export interface ServedIdCardReader {
  readonly path: string;
  close(): Promise<void>;
}

export interface ServeIdCardReaderOptions {
  /**
   * Send replies no faster than a serial line at this rate (8N1: 10 bits a byte) would carry
   * them. A pty has no line rate of its own; this shows what a real reader's line costs.
   */
  readonly baudRate?: number;
}

/** Bytes sent per paced write: about 10 ms of line time at 115200 bps. */
const PACED_CHUNK = 128;

export function serveIdCardReader(
  reader: EmulatedIdCardReader,
  path: string,
  options: ServeIdCardReaderOptions = {},
): ServedIdCardReader {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  } catch (e) {
    throw hcardError('HCARD_E_IDCARD_PTY_FAILED', `${path} cannot be opened`, {}, e);
  }
  let stream: WriteStream;
  try {
    // A tty.WriteStream reads as well as writes (it is a net.Socket over libuv's TTY handle).
    stream = new WriteStream(fd);
  } catch (e) {
    closeSync(fd);
    throw hcardError('HCARD_E_IDCARD_PTY_FAILED', `${path} is not a terminal`, {}, e);
  }
  const send =
    options.baudRate === undefined
      ? (bytes: Uint8Array) => stream.write(bytes)
      : pacedWriter(stream, options.baudRate);
  stream.on('data', (chunk: Buffer) => {
    for (const reply of reader.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)))
      send(reply);
  });
  // The other side going away is not the emulator's problem; it serves whoever opens the pty next.
  stream.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    path,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        if (stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        stream.destroy();
      });
      return closing;
    },
  };
}

/**
 * Writes in chunks, each at the moment the line would have finished carrying it, so the last
 * byte of a reply arrives no earlier than a real line at `baudRate` would deliver it.
 */
function pacedWriter(stream: WriteStream, baudRate: number): (bytes: Uint8Array) => void {
  const msPerByte = 10_000 / baudRate;
  let lineFreeAt = 0;
  return (bytes) => {
    lineFreeAt = Math.max(lineFreeAt, performance.now());
    for (let offset = 0; offset < bytes.length; offset += PACED_CHUNK) {
      const chunk = bytes.slice(offset, offset + PACED_CHUNK);
      lineFreeAt += chunk.length * msPerByte;
      setTimeout(
        () => {
          if (!stream.destroyed) stream.write(chunk);
        },
        Math.max(0, lineFreeAt - performance.now()),
      );
    }
  };
}
