/**
 * The device side of the ID-card SAM frame (spec C.2): decode commands from a byte stream,
 * encode responses. Written here from the spec rather than shared with the driver (the
 * emulator depends on card-core only), which also means a misreading of the spec on one side
 * does not cancel itself out on the other.
 */

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const HEADER = PREAMBLE.length + 2;

export interface CommandFrame {
  readonly cmd: number;
  readonly para: number;
  readonly data: Uint8Array;
}

/** A decoded command, or the SW3 the SAM answers to a damaged one (10 checksum, 11 length). */
export type IncomingCommand = { readonly command: CommandFrame } | { readonly rejectWith: 0x10 | 0x11 };

/** `AA AA AA 96 69 | LEN | SW1 SW2 SW3 | data | CHK`, CHK = XOR from LEN to the last data byte. */
export function responseFrame(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = 3 + data.length + 1;
  const out = new Uint8Array(HEADER + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out[7] = 0x00;
  out[8] = 0x00;
  out[9] = sw3;
  out.set(data, 10);
  let chk = 0;
  for (let i = 5; i < out.length - 1; i++) chk ^= out[i]!;
  out[out.length - 1] = chk;
  return out;
}

/** Largest command LEN the SAM accepts: commands carry CMD PARA and at most a little data. */
const MAX_COMMAND_LEN = 0x100;

/** Accumulates bytes from the host and yields the commands in them. */
export class CommandDecoder {
  #bytes: number[] = [];

  push(chunk: Uint8Array): IncomingCommand[] {
    for (const b of chunk) this.#bytes.push(b);
    const out: IncomingCommand[] = [];
    for (;;) {
      const start = this.#preambleAt();
      if (start < 0) {
        this.#bytes = this.#bytes.slice(-(PREAMBLE.length - 1));
        return out;
      }
      this.#bytes = this.#bytes.slice(start);
      if (this.#bytes.length < HEADER) return out;
      const len = (this.#bytes[5]! << 8) | this.#bytes[6]!;
      if (len < 3 || len > MAX_COMMAND_LEN) {
        out.push({ rejectWith: 0x11 });
        this.#bytes = this.#bytes.slice(1);
        continue;
      }
      if (this.#bytes.length < HEADER + len) return out;
      const frame = this.#bytes.slice(0, HEADER + len);
      this.#bytes = this.#bytes.slice(HEADER + len);
      let chk = 0;
      for (let i = 5; i < frame.length - 1; i++) chk ^= frame[i]!;
      if (chk !== frame[frame.length - 1]) {
        out.push({ rejectWith: 0x10 });
        continue;
      }
      out.push({ command: { cmd: frame[7]!, para: frame[8]!, data: Uint8Array.from(frame.slice(9, -1)) } });
    }
  }

  #preambleAt(): number {
    for (let i = 0; i + PREAMBLE.length <= this.#bytes.length; i++) {
      if (PREAMBLE.every((b, j) => this.#bytes[i + j] === b)) return i;
    }
    return -1;
  }
}
