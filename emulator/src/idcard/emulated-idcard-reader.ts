/**
 * An emulated resident ID-card reader: the SAM's side of the serial protocol (spec C.2–C.5)
 * over any byte stream. Feed it the host's bytes with `receive`; it returns the bytes to send
 * back. `serveIdCardReader` (pty-serve.ts) connects it to one end of a pseudo-terminal pair.
 *
 * Behaviour a driver has to cope with, as real SAMs show it:
 * - find (20 01) answers 9F + 4 bytes with a card in the field, 80 without;
 * - select (20 02) needs a found card (else 81); the reads need a selected card (else 34);
 * - after a successful read (30 01 / 30 10) find answers 80 until the card has left the field
 *   and come back (`remove()` then `insert()`): "the card must leave before the next read";
 * - 30 03 answers 91 when the card has no appended address;
 * - a damaged command frame is answered 10 (checksum) or 11 (length); an unknown command 21.
 *
 * Faults (`injectFault`) make it misbehave on purpose: a wrong checksum on the next response,
 * any SW3 instead of the next answers, or the card leaving in the middle of the next read.
 */

import type { SyntheticIdCard } from './synthetic-id-card.js';
import { encodeAppendedAddress } from './text-block.js';
import { CommandDecoder, type CommandFrame, responseFrame } from './wire.js';

export type IdCardFault =
  /** The next response goes out with its checksum byte inverted. */
  | { readonly kind: 'bad-checksum' }
  /** The next `times` commands (default 1), or only those with this CMD, are answered `sw3` with no data. */
  | { readonly kind: 'status'; readonly sw3: number; readonly times?: number; readonly cmd?: number }
  /**
   * The card leaves during the next read: `'status'` answers 41 (read card failed); `'stop'`
   * sends the first part of the response and then nothing (the SAM lost the card mid-transfer).
   */
  | { readonly kind: 'remove-during-read'; readonly answer: 'status' | 'stop' };

export interface EmulatedIdCardReaderOptions {
  /** The card in the field at start; none when absent. */
  readonly card?: SyntheticIdCard;
  /** The SAM's 16-byte management number. */
  readonly samId?: Uint8Array;
}

/** A fixed, made-up SAM ID: 05.01-20240601-0000001234-0000005678 in the usual rendering. */
export const DEFAULT_SAM_ID: Uint8Array = samIdBytes(5, 1, 20240601, 1234, 5678);

/** The 16-byte SAM ID from its little-endian fields of 2 + 2 + 4 + 4 + 4 bytes (spec C.5). */
export function samIdBytes(a: number, b: number, c: number, d: number, e: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(16));
  view.setUint16(0, a, true);
  view.setUint16(2, b, true);
  view.setUint32(4, c, true);
  view.setUint32(8, d, true);
  view.setUint32(12, e, true);
  return new Uint8Array(view.buffer);
}

type Phase = 'idle' | 'found' | 'selected';

export class EmulatedIdCardReader {
  readonly #decoder = new CommandDecoder();
  readonly #samId: Uint8Array;
  readonly #faults: IdCardFault[] = [];
  #card: SyntheticIdCard | undefined;
  #inField = false;
  #phase: Phase = 'idle';
  /** Read since it came into the field: find answers 80 until it leaves and comes back. */
  #readDone = false;
  #commandCount = 0;

  constructor(options: EmulatedIdCardReaderOptions = {}) {
    this.#samId = options.samId ?? DEFAULT_SAM_ID;
    if (options.card) this.insert(options.card);
  }

  /** Frames received so far, damaged ones included. */
  get commandCount(): number {
    return this.#commandCount;
  }

  get card(): SyntheticIdCard | undefined {
    return this.#inField ? this.#card : undefined;
  }

  /** Places a card in the field (a new placement: it may be read again). */
  insert(card: SyntheticIdCard): void {
    this.#card = card;
    this.#inField = true;
    this.#readDone = false;
    this.#phase = 'idle';
  }

  /** Takes the card out of the field. */
  remove(): void {
    this.#inField = false;
  }

  injectFault(fault: IdCardFault): void {
    this.#faults.push(fault);
  }

  /** Faults not yet used up. */
  get pendingFaults(): readonly IdCardFault[] {
    return [...this.#faults];
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  /** Takes bytes from the host; returns the bytes to send back (possibly none). */
  receive(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const incoming of this.#decoder.push(chunk)) {
      this.#commandCount++;
      if ('rejectWith' in incoming) {
        out.push(this.#finish(responseFrame(incoming.rejectWith)));
        continue;
      }
      const reply = this.#answer(incoming.command);
      if (reply) out.push(reply);
    }
    return out;
  }

  #answer(command: CommandFrame): Uint8Array | undefined {
    const status = this.#takeStatusFault(command.cmd);
    if (status !== undefined) return this.#finish(responseFrame(status));
    const isRead = command.cmd === 0x30 && (command.para === 0x01 || command.para === 0x10);
    if (isRead && this.#phase === 'selected' && this.#inField) {
      const removal = this.#takeFault('remove-during-read');
      if (removal) {
        // With 'stop' the SAM had started sending when the card left: part of the frame, then silence.
        const partial = removal.answer === 'stop' ? this.#execute(command) : undefined;
        this.remove();
        this.#phase = 'idle';
        return partial ? partial.slice(0, Math.floor(partial.length / 2)) : this.#finish(responseFrame(0x41));
      }
    }
    return this.#finish(this.#execute(command));
  }

  #execute({ cmd, para }: CommandFrame): Uint8Array {
    const key = (cmd << 8) | para;
    switch (key) {
      case 0x10ff:
        this.#phase = 'idle';
        return responseFrame(0x90);
      case 0x11ff:
        return responseFrame(0x90);
      case 0x12ff:
        return responseFrame(0x90, this.#samId);
      case 0x2001:
        if (!this.#inField || this.#readDone) return responseFrame(0x80);
        this.#phase = 'found';
        return responseFrame(0x9f, new Uint8Array(4));
      case 0x2002:
        if (!this.#inField || this.#phase === 'idle') return responseFrame(0x81);
        this.#phase = 'selected';
        return responseFrame(0x90, new Uint8Array(8));
      case 0x3001:
      case 0x3010:
      case 0x3003:
        return this.#read(para);
      default:
        return responseFrame(0x21);
    }
  }

  #read(para: number): Uint8Array {
    if (this.#phase !== 'selected') return responseFrame(0x34);
    const card = this.#card;
    if (!this.#inField || !card) {
      this.#phase = 'idle';
      return responseFrame(0x41);
    }
    if (para === 0x03) {
      return card.appendedAddress === undefined
        ? responseFrame(0x91)
        : responseFrame(0x90, encodeAppendedAddress(card.appendedAddress));
    }
    this.#readDone = true;
    const parts =
      para === 0x10
        ? [card.text, card.photo, card.fingerprint ?? new Uint8Array(0)]
        : [card.text, card.photo];
    const header = new Uint8Array(2 * parts.length);
    parts.forEach((p, i) => {
      header[2 * i] = p.length >> 8;
      header[2 * i + 1] = p.length & 0xff;
    });
    return responseFrame(0x90, concat([header, ...parts]));
  }

  #takeStatusFault(cmd: number): number | undefined {
    const i = this.#faults.findIndex((f) => f.kind === 'status' && (f.cmd === undefined || f.cmd === cmd));
    if (i < 0) return undefined;
    const fault = this.#faults[i] as Extract<IdCardFault, { kind: 'status' }>;
    const left = (fault.times ?? 1) - 1;
    if (left > 0) this.#faults[i] = { ...fault, times: left };
    else this.#faults.splice(i, 1);
    return fault.sw3;
  }

  #takeFault<K extends IdCardFault['kind']>(kind: K): Extract<IdCardFault, { kind: K }> | undefined {
    const i = this.#faults.findIndex((f) => f.kind === kind);
    if (i < 0) return undefined;
    return this.#faults.splice(i, 1)[0] as Extract<IdCardFault, { kind: K }>;
  }

  /** Applies a pending bad-checksum fault to an outgoing frame. */
  #finish(frame: Uint8Array): Uint8Array {
    if (this.#takeFault('bad-checksum')) frame[frame.length - 1]! ^= 0xff;
    return frame;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
