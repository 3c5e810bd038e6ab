/**
 * The resident ID-card reader (GA 467 SAM protocol, spec C) over any IdCardTransport.
 *
 * Each command is data (CMD, PARA, time limit from spec C.3, expected success status); each
 * answer is classified by the SW3 table (status.ts): success, a typed refusal the caller acts
 * on (no card, select/read failed, no content), or a catalogue error. A frame the SAM received
 * damaged (SW3 10/11) is sent once more, as spec E advises; nothing else is retried here.
 * `readIdCard` adds what desks do: find repeatedly while the card settles, then select and read.
 */
import { hcardError, isHcardError } from '@hcard/card-core';
import { encodeCommandFrame, type ResponseFrame } from './frame.js';
import {
  type BaseInfoParts,
  type FingerprintData,
  fingerprintData,
  parseSamId,
  type SamId,
  splitBaseInfo,
  type WltPhoto,
  wltPhoto,
} from './payloads.js';
import { type IdCardRefusalKind, lookupIdCardStatus, RESEND_STATUSES, sw3Hex } from './status.js';
import { type IdCardText, parseAppendedAddress, parseIdCardText } from './text-layout.js';
import type { IdCardTransport } from './transport.js';

/** Time limits in ms (spec C.3: one production driver's values; status and reset are ours). */
export interface IdCardTimeouts {
  readonly find: number;
  readonly select: number;
  readonly read: number;
  readonly readWithFingerprint: number;
  readonly appendedAddress: number;
  readonly samId: number;
  readonly status: number;
  readonly reset: number;
}

export const IDCARD_TIMEOUTS: IdCardTimeouts = {
  find: 100,
  select: 100,
  read: 2000,
  readWithFingerprint: 3000,
  appendedAddress: 1500,
  samId: 300,
  status: 300,
  reset: 1000,
};

interface IdCardCommand {
  readonly name: string;
  readonly cmd: number;
  readonly para: number;
  readonly timeout: keyof IdCardTimeouts;
}

/** Spec C.2/C.3 commands. */
export const IDCARD_COMMANDS = {
  resetSam: { name: 'SAM reset', cmd: 0x10, para: 0xff, timeout: 'reset' },
  samStatus: { name: 'SAM status', cmd: 0x11, para: 0xff, timeout: 'status' },
  samId: { name: 'read SAM ID', cmd: 0x12, para: 0xff, timeout: 'samId' },
  find: { name: 'find card', cmd: 0x20, para: 0x01, timeout: 'find' },
  select: { name: 'select card', cmd: 0x20, para: 0x02, timeout: 'select' },
  read: { name: 'read text and photo', cmd: 0x30, para: 0x01, timeout: 'read' },
  appendedAddress: { name: 'read appended address', cmd: 0x30, para: 0x03, timeout: 'appendedAddress' },
  readWithFingerprint: {
    name: 'read text, photo and fingerprint',
    cmd: 0x30,
    para: 0x10,
    timeout: 'readWithFingerprint',
  },
} as const satisfies Record<string, IdCardCommand>;

/** A refusal the caller acts on: `no-card` (poll again), `select-failed` / `read-failed` (the card moved), `no-content`. */
export interface IdCardRefusal {
  readonly kind: IdCardRefusalKind;
  readonly command: string;
  readonly sw3: number;
  readonly meaning: string;
}

export type IdCardResult<T> =
  | { readonly ok: true; readonly value: T; readonly sw3: number }
  | { readonly ok: false; readonly refusal: IdCardRefusal };

export interface IdCardData {
  readonly text: IdCardText;
  readonly photo: WltPhoto;
  readonly fingerprint?: FingerprintData;
  /** 追加住址, when asked for and the card has one. */
  readonly appendedAddress?: string;
}

export interface IdCardReaderOptions {
  readonly timeouts?: Partial<IdCardTimeouts>;
}

export class IdCardReader {
  readonly #transport: IdCardTransport;
  readonly #timeouts: IdCardTimeouts;

  constructor(transport: IdCardTransport, options: IdCardReaderOptions = {}) {
    this.#transport = transport;
    this.#timeouts = { ...IDCARD_TIMEOUTS, ...options.timeouts };
  }

  get description(): string {
    return this.#transport.description;
  }

  /** Find card (20 01): success carries 4 bytes. */
  findCard(): Promise<IdCardResult<Uint8Array>> {
    return this.#run(IDCARD_COMMANDS.find, (data) => data);
  }

  /** Select card (20 02): success carries 8 bytes of unknown meaning (spec F.1). */
  selectCard(): Promise<IdCardResult<Uint8Array>> {
    return this.#run(IDCARD_COMMANDS.select, (data) => data);
  }

  /** Read text and photo (30 01). */
  readBaseInfo(): Promise<IdCardResult<IdCardData>> {
    return this.#run(IDCARD_COMMANDS.read, (data) => toCardData(splitBaseInfo(data, false)));
  }

  /** Read text, photo and fingerprint (30 10). */
  readWithFingerprint(): Promise<IdCardResult<IdCardData>> {
    return this.#run(IDCARD_COMMANDS.readWithFingerprint, (data) => toCardData(splitBaseInfo(data, true)));
  }

  /** Read the appended address (30 03); a card without one answers the `no-content` refusal. */
  readAppendedAddress(): Promise<IdCardResult<string>> {
    return this.#run(IDCARD_COMMANDS.appendedAddress, parseAppendedAddress);
  }

  /** The SAM's management number (12 FF). */
  readSamId(): Promise<IdCardResult<SamId>> {
    return this.#run(IDCARD_COMMANDS.samId, parseSamId);
  }

  /** SAM status check (11 FF), the "is the module alive" probe. */
  samStatus(): Promise<IdCardResult<void>> {
    return this.#run(IDCARD_COMMANDS.samStatus, () => undefined);
  }

  /** SAM reset (10 FF). */
  resetSam(): Promise<IdCardResult<void>> {
    return this.#run(IDCARD_COMMANDS.resetSam, () => undefined);
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  async #run<T>(command: IdCardCommand, parse: (data: Uint8Array) => T): Promise<IdCardResult<T>> {
    let response = await this.#exchange(command);
    if (RESEND_STATUSES.has(response.sw3)) response = await this.#exchange(command);
    const status = lookupIdCardStatus(response.sw3);
    switch (status.outcome) {
      case 'success':
        return { ok: true, value: parse(response.data), sw3: response.sw3 };
      case 'refusal':
        return {
          ok: false,
          refusal: { kind: status.kind, command: command.name, sw3: response.sw3, meaning: status.meaning },
        };
      case 'error':
        throw hcardError(status.code, `${command.name} → SW3 ${sw3Hex(response.sw3)} (${status.meaning})`, {
          command: command.name,
          sw3: sw3Hex(response.sw3),
        });
    }
  }

  async #exchange(command: IdCardCommand): Promise<ResponseFrame> {
    // Whatever arrived before this command answers an earlier one (one that timed out).
    this.#transport.discardPending();
    await this.#transport.write(encodeCommandFrame(command.cmd, command.para));
    return this.#transport.receive(this.#timeouts[command.timeout]);
  }
}

function toCardData(parts: BaseInfoParts): IdCardData {
  const text = parseIdCardText(parts.text);
  const photo = wltPhoto(parts.photo);
  return parts.fingerprint === undefined
    ? { text, photo }
    : { text, photo, fingerprint: fingerprintData(parts.fingerprint) };
}

export interface ReadIdCardOptions {
  /** Attempts at find (and select) before giving up; default 3. */
  readonly findAttempts?: number;
  /** Pause between attempts (ms); default 50. */
  readonly findIntervalMs?: number;
  /** Read with fingerprint (30 10) instead of text and photo (30 01). */
  readonly fingerprint?: boolean;
  /** Also read the appended address (30 03). */
  readonly appendedAddress?: boolean;
}

/**
 * Find → select → read, as desks do. A card just placed often needs more than one find (the
 * first ones answer 80 while it settles in the field), and find and select have 100 ms to
 * answer, so an attempt that finds no card or times out is repeated; both commands are safe to
 * repeat. A refusal that remains (no card, select or read failed) comes back as it is; a
 * time-out that remains is thrown.
 */
export async function readIdCard(
  reader: IdCardReader,
  options: ReadIdCardOptions = {},
): Promise<IdCardResult<IdCardData>> {
  const attempts = Math.max(1, options.findAttempts ?? 3);
  let selected: IdCardResult<Uint8Array> | undefined;
  for (let i = 1; i <= attempts; i++) {
    if (i > 1) await sleep(options.findIntervalMs ?? 50);
    try {
      const found = await reader.findCard();
      if (!found.ok) {
        if (found.refusal.kind === 'no-card' && i < attempts) continue;
        return found;
      }
      selected = await reader.selectCard();
      break;
    } catch (e) {
      if (isHcardError(e, 'HCARD_E_IDCARD_TIMEOUT') && i < attempts) continue;
      throw e;
    }
  }
  if (!selected!.ok) return selected!;
  const read = options.fingerprint ? await reader.readWithFingerprint() : await reader.readBaseInfo();
  if (!read.ok || !options.appendedAddress) return read;
  const address = await reader.readAppendedAddress();
  // No appended address is the common case, not a failure of the read.
  if (!address.ok) return address.refusal.kind === 'no-content' ? read : address;
  return { ...read, value: { ...read.value, appendedAddress: address.value } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
