/**
 * The emulated PBOC / UnionPay bank application of a three-in-one card (spec B), for the
 * multi-application chip (`EmulatedApplication`) or alone behind a small channel adapter:
 *
 * - SELECT by name (`00 A4 04 00/02`): the PSE `1PAY.SYS.DDF01` when the image has one, the AID
 *   in full or as a partial name of at least 5 bytes (P2 `02`, next occurrence: there is none);
 * - READ RECORD by SFI (`00 B2 rec SFI<<3|4`): the PSE directory, or the records the AFL names;
 *   the log files of the FCI are empty. Records are readable without GPO, as on the cards that
 *   spec B.6 pattern 1 reads;
 * - GET PROCESSING OPTIONS (`80 A8 00 00 83 L data`): format 1 or 2 as the image says; the
 *   data must fill the PDOL exactly, or be empty; the ATC goes up by one each time;
 * - GET DATA (`80 CA`) of the ATC (9F36) and PIN try counter (9F17).
 *
 * GENERATE AC and everything else answer 6D00: no cryptogram is ever computed. Responses are
 * T=1 style (data ‖ SW); the chip does T=0. Behaviour the spec leaves open is in the emulator
 * README ("Bank application").
 */
import {
  asciiBytes,
  type CommandApdu,
  dolDataLength,
  equalBytes,
  fromHex,
  PSE_NAME,
  parseDol,
  u16be,
} from '@hcard/card-core';
import type { EmulatedApplication } from '../chip/emulated-application.js';
import { type Reply, respond, reply as sw } from '../reply.js';
import { type BankImage, validateBankImage } from './bank-image.js';
import {
  applicationFci,
  gpoResponse,
  PSE_DIRECTORY_SFI,
  pseDirectoryRecord,
  pseFci,
  recordsOf,
} from './bank-layout.js';

const SW = {
  OK: 0x9000,
  END_OF_RECORD: 0x6282,
  WRONG_LENGTH: 0x6700,
  CONDITIONS: 0x6985,
  NO_CURRENT_EF: 0x6986,
  WRONG_DATA: 0x6a80,
  NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  WRONG_P1P2: 0x6a86,
  DATA_NOT_FOUND: 0x6a88,
  INS: 0x6d00,
  CLA: 0x6e00,
} as const;

/** Shortest partial DF name the application answers to: its RID (ISO 7816-5). */
const MIN_PARTIAL_NAME = 5;
const MAX_ATC = 0xffff;

type Selected = 'none' | 'pse' | 'application';

export class EmulatedBankApp implements EmulatedApplication {
  readonly name = 'bank';
  readonly aids: readonly Uint8Array[];
  readonly #image: BankImage;
  readonly #aid: Uint8Array;
  readonly #pdolLength: number | undefined;
  readonly #records: Map<number, Uint8Array[]>;
  readonly #directory: Uint8Array[];
  #selected: Selected = 'none';
  #atc: number;
  /** Commands processed since creation (tests and benchmarks). */
  commandCount = 0;

  constructor(image: BankImage | unknown) {
    this.#image = validateBankImage(image);
    this.#aid = fromHex(this.#image.aid);
    this.#pdolLength =
      this.#image.pdol === undefined ? undefined : dolDataLength(parseDol(fromHex(this.#image.pdol)));
    this.#records = recordsOf(this.#image);
    this.#directory = [pseDirectoryRecord(this.#image)];
    this.#atc = this.#image.atc;
    this.aids = this.#image.pse ? [asciiBytes(PSE_NAME), this.#aid] : [this.#aid];
  }

  /** The application transaction counter now. */
  get atc(): number {
    return this.#atc;
  }

  /** The image with the current ATC, so a saved card carries on counting. */
  toImage(): BankImage {
    return { ...this.#image, atc: this.#atc };
  }

  reset(): void {
    this.#selected = 'none';
  }

  process(command: Uint8Array): Uint8Array {
    this.commandCount++;
    return respond(command, (apdu) => this.#dispatch(apdu));
  }

  #dispatch(apdu: CommandApdu): Reply {
    switch (apdu.ins) {
      case 0xa4:
        return apdu.cla === 0x00 ? this.#select(apdu) : sw(SW.CLA);
      case 0xb2:
        return apdu.cla === 0x00 ? this.#readRecord(apdu) : sw(SW.CLA);
      case 0xa8:
        return apdu.cla === 0x80 ? this.#getProcessingOptions(apdu) : sw(SW.CLA);
      case 0xca:
        return apdu.cla === 0x80 ? this.#getData(apdu) : sw(SW.CLA);
      default:
        return sw(SW.INS);
    }
  }

  /** SELECT by name; a name that selects nothing leaves the selection as it was (ISO 7816-4 §7.1.1). */
  #select(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x04 || (apdu.p2 !== 0x00 && apdu.p2 !== 0x02)) return sw(SW.WRONG_P1P2);
    const name = apdu.data ?? new Uint8Array();
    if (name.length === 0 || name.length > 16) return sw(SW.WRONG_LENGTH);
    if (this.#image.pse && equalBytes(name, asciiBytes(PSE_NAME))) {
      if (apdu.p2 === 0x02) return sw(SW.NOT_FOUND);
      this.#selected = 'pse';
      return sw(SW.OK, pseFci());
    }
    const prefix = name.length >= MIN_PARTIAL_NAME && equalBytes(this.#aid.subarray(0, name.length), name);
    // One application: a "next occurrence" of any name finds nothing.
    if (!prefix || apdu.p2 === 0x02) return sw(SW.NOT_FOUND);
    this.#selected = 'application';
    return sw(SW.OK, applicationFci(this.#image));
  }

  /** READ RECORD by SFI (P2 = SFI << 3 | 4); Le 00 = up to 256, shorter → 6Cxx, longer → 6282. */
  #readRecord(apdu: CommandApdu): Reply {
    if ((apdu.p2 & 0x07) !== 0x04 || apdu.p2 >> 3 === 0 || apdu.p1 === 0) return sw(SW.WRONG_P1P2);
    if (this.#selected === 'none') return sw(SW.NO_CURRENT_EF);
    const sfi = apdu.p2 >> 3;
    const file =
      this.#selected === 'pse'
        ? sfi === PSE_DIRECTORY_SFI
          ? this.#directory
          : undefined
        : this.#records.get(sfi);
    if (!file) return sw(SW.NOT_FOUND);
    const record = file[apdu.p1 - 1];
    if (!record) return sw(SW.RECORD_NOT_FOUND);
    const ne = apdu.ne ?? 256;
    if (ne < record.length) return sw(0x6c00 | record.length);
    return sw(ne === 256 || ne === record.length ? SW.OK : SW.END_OF_RECORD, record);
  }

  /** GPO: `83 L data` with the PDOL data exactly, or empty (`83 00`); the ATC goes up. */
  #getProcessingOptions(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00 || apdu.p2 !== 0x00) return sw(SW.WRONG_P1P2);
    if (this.#selected !== 'application') return sw(SW.CONDITIONS);
    const data = apdu.data ?? new Uint8Array();
    if (data[0] !== 0x83 || data[1] === undefined || data[1] !== data.length - 2) return sw(SW.WRONG_DATA);
    const length = data[1];
    // Lenient like many cards: an empty PDOL is accepted even when the FCI has one.
    if (length !== 0 && length !== this.#pdolLength) return sw(SW.WRONG_LENGTH);
    // A card whose ATC has run out refuses every further transaction.
    if (this.#atc >= MAX_ATC) return sw(SW.CONDITIONS);
    this.#atc++;
    return sw(SW.OK, gpoResponse(this.#image, this.#atc));
  }

  /** GET DATA of 9F36 (ATC) or 9F17 (PIN try counter), as a TLV. */
  #getData(apdu: CommandApdu): Reply {
    if (this.#selected !== 'application') return sw(SW.CONDITIONS);
    const tag = (apdu.p1 << 8) | apdu.p2;
    if (tag === 0x9f36) return sw(SW.OK, Uint8Array.of(0x9f, 0x36, 0x02, ...u16be(this.#atc)));
    if (tag === 0x9f17) return sw(SW.OK, Uint8Array.of(0x9f, 0x17, 0x01, this.#image.pinTriesLeft));
    return sw(SW.DATA_NOT_FOUND);
  }
}
