/**
 * A session with the SSSE application of one card (spec A.1–A.6): SELECT by DF name, the EF05
 * card data, the EF06 holder data, and the authentication commands of 3.0 cards. It remembers
 * the selected EF so it never sends a redundant SELECT. Card refusals come back as typed
 * failures; transport errors and card data that does not decode throw HcardErrors.
 *
 * T=0 readers answer 61xx / 6Cxx: the session talks through the `withT0` decorator, which
 * fetches and resends as needed, so nothing here deals with it.
 */
import { randomBytes } from 'node:crypto';
import { concatBytes, fromHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { withT0 } from '../channel/t0.js';
import { type CommandDescriptor, type Refusal, run } from '../commands/descriptor.js';
import {
  APPLICATION_NOT_THERE,
  externalAuthenticate,
  getChallenge,
  readRecord,
} from '../commands/iso7816.js';
import { hcardError } from '../errors.js';
import {
  algorithmFromFci,
  generationOf,
  hasNameExtension,
  SSSE_AID,
  SSSE_FILES,
  type SsseFileId,
} from './ssse-application.js';
import { decodeSsseRecord } from './ssse-codec.js';
import { type SsseItem, type SsseItemKey, ssseItemsOf, ssseRecordNumber } from './ssse-items.js';
import { SSSE_SECURITY, type SsseSecurity } from './ssse-security.js';

/**
 * Why something could not be read or done. Each kind has a MOHRSS error code
 * (mohrss-errors.ts); `refused` carries the card's status word, mapped generically.
 */
export type SsseFailure =
  /** The card has no SSSE application (SELECT by name → 6A82, or 6A86/6D00: no selection by name). */
  | { readonly kind: 'no-application' }
  /** The card refused a command. */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** A 3.0 card, and no PSAM to authenticate with. */
  | { readonly kind: 'psam-missing' }
  /** The card's algorithm (9F0C) has no PSAM key slots in the configuration. */
  | { readonly kind: 'algorithm-unsupported'; readonly algorithm: number }
  /** The PSAM has no SSSE key at the configured slot (80 DE → 6A88). */
  | { readonly kind: 'psam-key-missing' }
  /** The PSAM's key at the slot has other diversification levels or type (80 DE → 6A86). */
  | { readonly kind: 'psam-key-level' }
  /** The card's INTERNAL AUTHENTICATE answer is wrong: the card is not genuine. */
  | { readonly kind: 'internal-auth-failed' }
  /** The card's INTERNAL AUTHENTICATE answer differs from the HSM's (pKey). */
  | { readonly kind: 'hsm-mismatch' }
  /** HSM step 2 runs on another card than step 1. */
  | { readonly kind: 'card-changed' };

export type SsseOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: SsseFailure };

export type SsseAddressing = 'tag' | 'number' | 'sfi';

/** Terminal-side choices the spec leaves open (A.5, A.6), in one place. */
export interface SsseSettings {
  /** SELECT EF P1: 02 = EF under the current DF (`00 A4 02 00 02 EF05`, A.5) or 00. */
  readonly selectEfP1: 0x00 | 0x02;
  /**
   * READ RECORD addressing (A.5): by record identifier = tag (P2=00, recommended: the same on
   * every generation), by positional number in the selected EF (P2=04), or by number with the
   * file's SFI (P2=(SFI<<3)|4, no SELECT EF). Numbers follow the card's generation.
   */
  readonly addressing: SsseAddressing;
  readonly security: SsseSecurity;
  /** Terminal randomness for authentication data. */
  readonly random: (n: number) => Uint8Array;
}

export const DEFAULT_SSSE_SETTINGS: SsseSettings = {
  selectEfP1: 0x02,
  addressing: 'tag',
  security: SSSE_SECURITY,
  random: (n) => new Uint8Array(randomBytes(n)),
};

/** EF05 (A.3), values as text: b as hex, dates YYYYMMDD. */
export interface SsseCardData {
  /** 卡识别码, 32 hex digits. */
  readonly cardIdCode: string;
  /** 发卡地区行政区划代码: the first 6 digits of the 卡识别码. */
  readonly regionCode: string;
  readonly cardType: string;
  /** 规范版本 as on the card: "1.00", "2.00", "3.00". */
  readonly specVersion: string;
  /** Its first digit. */
  readonly generation: number;
  /** 初始化机构编号, hex. */
  readonly initOrgNumber: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  /** 卡号, its first 9 characters. */
  readonly cardNumber: string;
}

/** EF06 (A.4). */
export interface SsseHolderData {
  readonly socialSecurityNumber: string;
  /** 姓名 followed by 姓名扩展 (2.0 and 3.0 cards). */
  readonly name: string;
  /** "1" male, "2" female. */
  readonly sex: string;
  /** GB 3304 code, two digits. */
  readonly ethnicity: string;
  /** GB/T 2260 region code. */
  readonly birthPlace: string;
  readonly birthDate: string;
}

/** Unwinds to the API edge on a card refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.meaning);
  }
}

const SW_RECORD_NOT_FOUND = 0x6a83;

export class SsseSession {
  readonly card: CardChannel;
  readonly settings: SsseSettings;
  /** The SELECT answer (FCI). */
  readonly fci: Uint8Array;
  /** The algorithm id of 9F0C in the FCI, or the configured default when it has none. */
  readonly algorithm: number;
  /** Number of APDUs sent to the card. */
  apduCount = 1;
  #ef: SsseFileId | undefined;

  private constructor(card: CardChannel, settings: SsseSettings, fci: Uint8Array) {
    this.card = card;
    this.settings = settings;
    this.fci = fci;
    this.algorithm = algorithmFromFci(fci) ?? settings.security.defaultAlgorithm;
  }

  /** SELECT by DF name (`00 A4 04 00 0F` + the 15-byte name, A.1). */
  static async select(
    channel: CardChannel,
    settings: Partial<SsseSettings> = {},
  ): Promise<SsseOutcome<SsseSession>> {
    const card = withT0(channel);
    const select: CommandDescriptor = {
      name: 'SELECT SSSE',
      apdu: { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x00, data: SSSE_AID },
    };
    const result = await run(card, select);
    if (!result.ok) {
      return APPLICATION_NOT_THERE.has(result.refusal.sw)
        ? { ok: false, failure: { kind: 'no-application' } }
        : { ok: false, failure: { kind: 'refused', refusal: result.refusal } };
    }
    return {
      ok: true,
      value: new SsseSession(card, { ...DEFAULT_SSSE_SETTINGS, ...settings }, result.value),
    };
  }

  /** EF05: every card-data item, read before any authentication (A.3, A.6). */
  readCardData(): Promise<SsseOutcome<SsseCardData>> {
    return this.#outcome(async () => {
      // EF05 items are the same on every generation, so generation 1 numbers them.
      const v = await this.#readItems('EF05', 1);
      const generation = generationOf(v.specVersion!);
      if (generation === undefined)
        throw hcardError('HCARD_E_CARD_DATA_INVALID', 'SSSE 规范版本 does not start with a digit 1–9');
      return {
        cardIdCode: v.cardIdCode!,
        regionCode: v.cardIdCode!.slice(0, 6),
        cardType: v.cardType!,
        specVersion: v.specVersion!,
        generation,
        initOrgNumber: v.initOrgNumber!,
        issueDate: v.issueDate!,
        expiryDate: v.expiryDate!,
        cardNumber: v.cardNumber!,
      };
    });
  }

  /** EF06 of a card of `generation` (on 3.0 cards only after external authentication). */
  readHolderData(generation: number): Promise<SsseOutcome<SsseHolderData>> {
    return this.#outcome(async () => {
      const v = await this.#readItems('EF06', generation);
      return {
        socialSecurityNumber: v.socialSecurityNumber!,
        name: v.name! + (v.nameExtension ?? ''),
        sex: v.sex!,
        ethnicity: v.ethnicity!,
        birthPlace: v.birthPlace!,
        birthDate: v.birthDate!,
      };
    });
  }

  /** INTERNAL AUTHENTICATE `00 88 00 ref 10 F‖D 08`: the card's 8-byte answer (ssse-security.ts). */
  internalAuthenticate(factor: Uint8Array, data: Uint8Array): Promise<SsseOutcome<Uint8Array>> {
    return this.#outcome(async () => {
      const ref = this.settings.security.internalKeyRef;
      const answer = await this.#send({
        name: 'INTERNAL AUTHENTICATE',
        apdu: { cla: 0x00, ins: 0x88, p1: 0x00, p2: ref, data: concatBytes(factor, data), ne: 8 },
      });
      if (answer.length !== 8)
        throw hcardError('HCARD_E_CARD_DATA_INVALID', `INTERNAL AUTHENTICATE gave ${answer.length} bytes`);
      return answer;
    });
  }

  /** GET CHALLENGE `00 84 00 00 08`. */
  getChallenge(): Promise<SsseOutcome<Uint8Array>> {
    return this.#outcome(async () => {
      const challenge = await this.#send(getChallenge(8));
      if (challenge.length !== 8)
        throw hcardError('HCARD_E_CARD_DATA_INVALID', `GET CHALLENGE gave ${challenge.length} bytes`);
      return challenge;
    });
  }

  /** EXTERNAL AUTHENTICATE `00 82 00 0A 10` + the 16-byte cryptogram (A.7 step 2); 63Cx is a refusal. */
  externalAuthenticate(cryptogram: Uint8Array): Promise<SsseOutcome<void>> {
    return this.#outcome(async () => {
      await this.#send(externalAuthenticate(this.settings.security.externalKeyRef, cryptogram));
    });
  }

  // ---- internals -------------------------------------------------------------------------

  async #outcome<T>(body: () => Promise<T>): Promise<SsseOutcome<T>> {
    try {
      return { ok: true, value: await body() };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, failure: { kind: 'refused', refusal: e.refusal } };
      throw e;
    }
  }

  async #send(command: CommandDescriptor): Promise<Uint8Array> {
    this.apduCount++;
    const result = await run(this.card, command);
    if (!result.ok) throw new Refused(result.refusal);
    return result.value;
  }

  async #selectEf(file: SsseFileId): Promise<void> {
    if (this.#ef === file) return;
    await this.#send({
      name: `SELECT ${file}`,
      apdu: {
        cla: 0x00,
        ins: 0xa4,
        p1: this.settings.selectEfP1,
        p2: 0x00,
        data: fromHex(file),
      },
    });
    this.#ef = file;
  }

  async #readItems(file: SsseFileId, generation: number): Promise<Partial<Record<SsseItemKey, string>>> {
    const out: Partial<Record<SsseItemKey, string>> = {};
    for (const item of ssseItemsOf(file, generation)) {
      try {
        out[item.key] = decodeSsseRecord(item, await this.#readRecord(item, generation));
      } catch (e) {
        // 姓名扩展 is "missing on older cards" (A.4): a card without the record has no extension.
        const absent = e instanceof Refused && e.refusal.sw === SW_RECORD_NOT_FOUND;
        if (!(absent && item.key === 'nameExtension' && hasNameExtension(generation))) throw e;
      }
    }
    return out;
  }

  async #readRecord(item: SsseItem, generation: number): Promise<Uint8Array> {
    const ne = item.length + 2;
    const { addressing } = this.settings;
    if (addressing === 'sfi') {
      const n = ssseRecordNumber(item.key, generation);
      // A READ RECORD with an SFI makes that file the current EF (ISO/IEC 7816-4 §7.3.3).
      this.#ef = item.file;
      return this.#send({
        name: `READ RECORD ${item.file} #${n}`,
        apdu: { cla: 0x00, ins: 0xb2, p1: n, p2: (SSSE_FILES[item.file].sfi << 3) | 0x04, ne },
      });
    }
    await this.#selectEf(item.file);
    return addressing === 'tag'
      ? this.#send(readRecord(item.tag, 'identifier', ne))
      : this.#send(readRecord(ssseRecordNumber(item.key, generation), 'number', ne));
  }
}
