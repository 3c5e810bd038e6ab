/**
 * The social-security application (SSSE) of an emulated three-in-one card: the reference COS
 * of spec A (documented in emulator/README.md, "SSSE application"). SELECT by DF name with an
 * FCI (`9F0C 03 86 01 xx` on 3.0 cards); SELECT EF05/EF06 by FID; READ RECORD by record
 * identifier (P2=00), by positional number (P2=04) and by number with an SFI (P2=(SFI<<3)|4);
 * GET CHALLENGE; on 3.0 cards INTERNAL AUTHENTICATE and EXTERNAL AUTHENTICATE (RKSSSE, with a
 * retry counter), EF06 closed until the latter succeeds. It plugs into EmulatedChip through
 * `EmulatedApplication`; answers are T=1 style (the chip does T=0).
 */
import { randomBytes } from 'node:crypto';
import {
  type CommandApdu,
  DEFAULT_DERIVATION,
  fromHex,
  generationOf,
  holderDataProtected,
  type KeyDerivation,
  SSSE_AID,
  SSSE_FILES,
  SSSE_SECURITY,
  type SsseFileId,
  type SsseSecurity,
  ssseCheckExternalCryptogram,
  ssseInternalAuthResult,
  toHex,
} from '@hcard/card-core';
import type { EmulatedApplication } from '../chip/emulated-application.js';
import { type Reply, respond, reply as sw } from '../reply.js';
import { type SsseImage, validateSsseImage } from './ssse-image.js';

const SW = {
  OK: 0x9000,
  END_OF_RECORD: 0x6282,
  WRONG_LENGTH: 0x6700,
  SECURITY: 0x6982,
  BLOCKED: 0x6983,
  CONDITIONS: 0x6985,
  NO_EF: 0x6986,
  NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  WRONG_P1P2: 0x6a86,
  KEY_NOT_FOUND: 0x6a88,
  INS: 0x6d00,
  CLA: 0x6e00,
} as const;

export interface EmulatedSsseAppOptions {
  readonly derivation?: KeyDerivation;
  /** Key references of the authentication commands (card-core SSSE_SECURITY by default). */
  readonly security?: SsseSecurity;
  /** Source of GET CHALLENGE bytes; random by default. */
  readonly random?: (n: number) => Uint8Array;
}

export class EmulatedSsseApp implements EmulatedApplication {
  readonly name = 'ssse';
  readonly aids: readonly Uint8Array[] = [SSSE_AID];
  /** The ATR to use when the application is served as a card of its own. */
  readonly atr: Uint8Array;
  readonly generation: number;
  readonly #image: SsseImage;
  readonly #records: ReadonlyMap<SsseFileId, readonly Uint8Array[]>;
  readonly #derivation: KeyDerivation;
  readonly #security: SsseSecurity;
  readonly #random: (n: number) => Uint8Array;
  readonly #externalKey:
    | { readonly value: Uint8Array; readonly tries: number; remaining: number }
    | undefined;
  readonly #internalKey: Uint8Array | undefined;
  #selected = false;
  #ef: SsseFileId | undefined;
  #challenge: Uint8Array | undefined;
  #granted = false;
  /** Commands processed since creation. */
  commandCount = 0;

  constructor(image: SsseImage | unknown, options: EmulatedSsseAppOptions = {}) {
    const { image: img, records } = validateSsseImage(image);
    this.#image = img;
    this.#records = records;
    this.atr = fromHex(img.atr);
    this.generation = generationOf(img.generation)!;
    this.#derivation = options.derivation ?? DEFAULT_DERIVATION;
    this.#security = options.security ?? SSSE_SECURITY;
    this.#random = options.random ?? ((n) => new Uint8Array(randomBytes(n)));
    const rk = img.keys?.RKSSSE;
    this.#externalKey = rk && {
      value: fromHex(rk.value),
      tries: rk.tries,
      remaining: rk.remaining ?? rk.tries,
    };
    this.#internalKey = img.keys && fromHex(img.keys.IKSSSE.value);
  }

  /** Reset or deselection: selection, challenge and the external-authentication grant are lost. */
  reset(): void {
    this.#selected = false;
    this.#ef = undefined;
    this.#challenge = undefined;
    this.#granted = false;
  }

  /** EXTERNAL AUTHENTICATE tries left (3.0 cards), for tests. */
  triesLeft(): number | undefined {
    return this.#externalKey?.remaining;
  }

  /** The current state as an image (the retry counter included). */
  toImage(): SsseImage {
    const img = this.#image;
    if (!img.keys || !this.#externalKey) return img;
    return {
      ...img,
      keys: { ...img.keys, RKSSSE: { ...img.keys.RKSSSE, remaining: this.#externalKey.remaining } },
    };
  }

  process(command: Uint8Array): Uint8Array {
    this.commandCount++;
    return respond(command, (apdu) => this.#dispatch(apdu));
  }

  #dispatch(apdu: CommandApdu): Reply {
    if (apdu.cla !== 0x00) return sw(SW.CLA);
    if (apdu.ins === 0xa4 && apdu.p1 === 0x04) return this.#selectByName(apdu);
    // Outside the application nothing of it is visible (the chip routes here once selected).
    if (!this.#selected) return sw(apdu.ins === 0xa4 ? SW.NOT_FOUND : SW.CONDITIONS);
    const auth = holderDataProtected(this.generation);
    switch (apdu.ins) {
      case 0xa4:
        return this.#selectEf(apdu);
      case 0xb2:
        return this.#readRecord(apdu);
      case 0x84:
        return this.#getChallenge(apdu);
      case 0x88:
        return auth ? this.#internalAuthenticate(apdu) : sw(SW.INS);
      case 0x82:
        return auth ? this.#externalAuthenticate(apdu) : sw(SW.INS);
      default:
        return sw(SW.INS);
    }
  }

  /** `00 A4 04 00 Lc name`: the AID or a prefix of it (ISO 7816-4 partial name). */
  #selectByName(apdu: CommandApdu): Reply {
    const name = apdu.data ?? new Uint8Array();
    const matches =
      name.length > 0 && name.length <= SSSE_AID.length && name.every((b, i) => b === SSSE_AID[i]);
    if (!matches) return sw(SW.NOT_FOUND);
    if (apdu.p2 !== 0x00 && apdu.p2 !== 0x0c) return sw(SW.WRONG_P1P2);
    this.reset();
    this.#selected = true;
    return apdu.p2 === 0x0c ? sw(SW.OK) : sw(SW.OK, this.#fci());
  }

  /** 6F { 84 DF name, A5 { 9F0C 03 { 86 01 algorithm } } } — A5 only on 3.0 cards with an algorithm. */
  #fci(): Uint8Array {
    const algorithm = this.#image.algorithm;
    const proprietary = algorithm === undefined ? [] : [0xa5, 0x06, 0x9f, 0x0c, 0x03, 0x86, 0x01, algorithm];
    const body = [0x84, SSSE_AID.length, ...SSSE_AID, ...proprietary];
    return Uint8Array.from([0x6f, body.length, ...body]);
  }

  /** `00 A4 00|02 00|0C 02 EF05|EF06`. */
  #selectEf(apdu: CommandApdu): Reply {
    if ((apdu.p1 !== 0x00 && apdu.p1 !== 0x02) || (apdu.p2 !== 0x00 && apdu.p2 !== 0x0c))
      return sw(SW.WRONG_P1P2);
    if (apdu.data?.length !== 2) return sw(SW.WRONG_LENGTH);
    const fid = toHex(apdu.data);
    if (fid !== 'EF05' && fid !== 'EF06') return sw(SW.NOT_FOUND);
    this.#ef = fid;
    return sw(SW.OK);
  }

  /**
   * `00 B2 P1 P2 Le`: P2 low bits 100 = record number P1, 000 = first record whose tag is P1;
   * P2 high 5 bits = SFI (EF05 = 5, EF06 = 6), which makes that file the current EF.
   */
  #readRecord(apdu: CommandApdu): Reply {
    const sfi = apdu.p2 >> 3;
    const mode = apdu.p2 & 0x07;
    if (mode !== 0x04 && mode !== 0x00) return sw(SW.WRONG_P1P2);
    if (sfi !== 0) {
      const file = (Object.keys(SSSE_FILES) as SsseFileId[]).find((f) => SSSE_FILES[f].sfi === sfi);
      if (!file) return sw(SW.NOT_FOUND);
      this.#ef = file;
    }
    const file = this.#ef;
    if (!file) return sw(SW.NO_EF);
    if (file === 'EF06' && holderDataProtected(this.generation) && !this.#granted) return sw(SW.SECURITY);
    const records = this.#records.get(file)!;
    const record = mode === 0x04 ? records[apdu.p1 - 1] : records.find((r) => r[0] === apdu.p1);
    if (!record || apdu.p1 === 0) return sw(SW.RECORD_NOT_FOUND);
    return withLe(record, apdu.ne);
  }

  /** `00 84 00 00 Le` with Le 4 or 8; the challenge is good for one authentication. */
  #getChallenge(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00 || apdu.p2 !== 0x00) return sw(SW.WRONG_P1P2);
    if (apdu.ne !== 4 && apdu.ne !== 8) return sw(SW.WRONG_LENGTH);
    this.#challenge = this.#random(apdu.ne);
    return sw(SW.OK, this.#challenge);
  }

  /**
   * `00 88 00 0B 10 F‖D [08]`: fold(ECB_SK(D ‖ 00×8)), SK = diversify(IKSSSE, F). It leaves the
   * challenge alone, so an HSM's step 2 can authenticate internally before externally.
   */
  #internalAuthenticate(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00) return sw(SW.WRONG_P1P2);
    if (apdu.p2 !== this.#security.internalKeyRef || !this.#internalKey) return sw(SW.KEY_NOT_FOUND);
    const data = apdu.data;
    if (data?.length !== 16) return sw(SW.WRONG_LENGTH);
    const answer = ssseInternalAuthResult(
      this.#internalKey,
      data.subarray(0, 8),
      data.subarray(8),
      this.#derivation,
    );
    return withLe(answer, apdu.ne);
  }

  /**
   * `00 82 00 0A 10 C`: accepted when C decrypts under diversify(RKSSSE, R) to D ‖ R, R the last
   * challenge (consumed either way). Wrong → 63Cx with x tries left; at zero the key is blocked
   * (6983 from then on); success resets the counter.
   */
  #externalAuthenticate(apdu: CommandApdu): Reply {
    const key = this.#externalKey;
    if (apdu.p1 !== 0x00) return sw(SW.WRONG_P1P2);
    if (apdu.p2 !== this.#security.externalKeyRef || !key) return sw(SW.KEY_NOT_FOUND);
    if (key.remaining === 0) return sw(SW.BLOCKED);
    if (apdu.data?.length !== 16 || apdu.ne !== undefined) return sw(SW.WRONG_LENGTH);
    const challenge = this.#challenge;
    if (challenge?.length !== 8) return sw(SW.CONDITIONS);
    this.#challenge = undefined;
    if (!ssseCheckExternalCryptogram(key.value, challenge, apdu.data, this.#derivation)) {
      key.remaining--;
      this.#granted = false;
      return sw(0x63c0 | key.remaining);
    }
    key.remaining = key.tries;
    this.#granted = true;
    return sw(SW.OK);
  }
}

/** Le 00 (256) or absent = all of it; a shorter Le gets 6Cxx with the length; a longer one 6282. */
function withLe(data: Uint8Array, ne: number | undefined): Reply {
  if (ne === undefined || ne === 256 || ne === data.length) return sw(SW.OK, data);
  if (ne < data.length) return sw(0x6c00 | data.length);
  return sw(SW.END_OF_RECORD, data);
}
