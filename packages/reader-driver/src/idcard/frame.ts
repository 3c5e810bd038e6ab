/**
 * The ID-card SAM's serial frame (spec C.2): `AA AA AA 96 69 | LEN (2, BE) | body | CHK`, where
 * LEN counts the body and CHK, and CHK is the XOR of every byte from LEN's first byte to the
 * byte before CHK. A command body is `CMD PARA [data]`; a response body is `SW1 SW2 SW3 [data]`.
 *
 * Bytes from a serial port arrive in arbitrary chunks, sometimes after line noise, so responses
 * go through a streaming decoder that resynchronises on the preamble.
 */
import { type HcardError, hcardError } from '@hcard/card-core';

export const FRAME_PREAMBLE: Uint8Array = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble + LEN. */
export const FRAME_HEADER_LENGTH = FRAME_PREAMBLE.length + 2;
/** Smallest response LEN: SW1 SW2 SW3 + CHK. */
export const MIN_RESPONSE_LEN = 4;
/**
 * Largest LEN accepted. The largest known frame is read-with-fingerprint, LEN 0x090A (spec C.5);
 * a bigger LEN is noise that happened to follow a preamble, and waiting for up to 64 KiB of it
 * would only turn a clear error into a time-out.
 */
export const MAX_FRAME_LEN = 0x1000;

export interface ResponseFrame {
  readonly sw1: number;
  readonly sw2: number;
  /** The status (spec C.4); SW1 and SW2 are 00 00 in every observed frame. */
  readonly sw3: number;
  readonly data: Uint8Array;
}

/** XOR of the bytes (the frame checksum over LEN and body). */
export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** A complete frame around `body`: preamble, LEN, body, CHK. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw hcardError('HCARD_E_ARG_INVALID', `frame body of ${body.length} bytes is too long`);
  const frame = new Uint8Array(FRAME_HEADER_LENGTH + len);
  frame.set(FRAME_PREAMBLE, 0);
  frame[5] = len >> 8;
  frame[6] = len & 0xff;
  frame.set(body, FRAME_HEADER_LENGTH);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

/** A command frame: `encodeCommandFrame(0x20, 0x01)` is find card, `AA AA AA 96 69 00 03 20 01 22`. */
export function encodeCommandFrame(
  cmd: number,
  para: number,
  data: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd & 0xff;
  body[1] = para & 0xff;
  body.set(data, 2);
  return encodeFrame(body);
}

/** Splits a response body into its status bytes and data. */
export function parseResponseBody(body: Uint8Array): ResponseFrame {
  if (body.length < 3) {
    throw hcardError(
      'HCARD_E_IDCARD_FRAME_MALFORMED',
      `response body of ${body.length} bytes has no status`,
      {
        bodyLength: body.length,
      },
    );
  }
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.slice(3) };
}

/** What the decoder found: a frame's body (between LEN and CHK), or a catalogue error. */
export type DecodedItem =
  | { readonly kind: 'frame'; readonly body: Uint8Array }
  | { readonly kind: 'error'; readonly error: HcardError };

export interface FrameDecoderOptions {
  /** Smallest LEN a frame may have: 4 for responses (the default), 3 for commands. */
  readonly minLen?: number;
  readonly maxLen?: number;
}

/**
 * Streaming frame decoder. `push` takes any chunk and returns what became complete; it never
 * throws. Bytes before a preamble are skipped. A LEN out of range is reported and decoding
 * resumes one byte after that preamble; a frame with a wrong checksum is reported and dropped
 * whole (its LEN was plausible, so its end is the best place to resume).
 */
export class FrameDecoder {
  readonly #minLen: number;
  readonly #maxLen: number;
  #buffer = new Uint8Array(0);

  constructor(options: FrameDecoderOptions = {}) {
    this.#minLen = options.minLen ?? MIN_RESPONSE_LEN;
    this.#maxLen = options.maxLen ?? MAX_FRAME_LEN;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number {
    return this.#buffer.length;
  }

  /** Forgets everything buffered (before a new command: stale bytes belong to an old one). */
  reset(): void {
    this.#buffer = new Uint8Array(0);
  }

  push(chunk: Uint8Array): DecodedItem[] {
    this.#append(chunk);
    const items: DecodedItem[] = [];
    for (;;) {
      const start = findPreamble(this.#buffer);
      if (start === -1) {
        // Keep a tail that may be the start of a preamble split across chunks.
        this.#buffer = this.#buffer.slice(Math.max(0, this.#buffer.length - (FRAME_PREAMBLE.length - 1)));
        return items;
      }
      if (start > 0) this.#buffer = this.#buffer.slice(start);
      if (this.#buffer.length < FRAME_HEADER_LENGTH) return items;
      const len = (this.#buffer[5]! << 8) | this.#buffer[6]!;
      if (len < this.#minLen || len > this.#maxLen) {
        items.push({
          kind: 'error',
          error: hcardError(
            'HCARD_E_IDCARD_FRAME_MALFORMED',
            `LEN ${len} is outside ${this.#minLen}–${this.#maxLen}`,
            {
              len,
            },
          ),
        });
        this.#buffer = this.#buffer.slice(1);
        continue;
      }
      const total = FRAME_HEADER_LENGTH + len;
      if (this.#buffer.length < total) return items;
      const frame = this.#buffer.subarray(0, total);
      const expected = xorChecksum(frame, 5, total - 1);
      const actual = frame[total - 1]!;
      if (expected !== actual) {
        items.push({
          kind: 'error',
          error: hcardError(
            'HCARD_E_IDCARD_FRAME_CHECKSUM',
            `XOR ${hex2(actual)} where ${hex2(expected)} was expected (LEN ${len})`,
            { len, checksum: actual, expected },
          ),
        });
      } else {
        items.push({ kind: 'frame', body: frame.slice(FRAME_HEADER_LENGTH, total - 1) });
      }
      this.#buffer = this.#buffer.slice(total);
    }
  }

  #append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer, 0);
    joined.set(chunk, this.#buffer.length);
    this.#buffer = joined;
  }
}

function findPreamble(bytes: Uint8Array): number {
  outer: for (let i = 0; i + FRAME_PREAMBLE.length <= bytes.length; i++) {
    for (let j = 0; j < FRAME_PREAMBLE.length; j++) if (bytes[i + j] !== FRAME_PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
