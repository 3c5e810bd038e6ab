/**
 * Terminal-side client of the health-card PSAM (spec §5.1, §6.9, IF2012 附录A). All symmetric
 * crypto of a reading terminal happens in here: the PSAM derives the card's key from the
 * diversification factors (80 DE) and encrypts or MACs with the session key (80 FA). A PSAM
 * refusal is a terminal configuration problem, so it throws HCARD_E_PSAM_REFUSED.
 *
 * A desk PSAM blocks after a few wrong PINs, and a blocked PSAM stops the desk. So the client
 * never presents a PIN that a PSAM has refused once in this process (`PsamPinGuard`), and a
 * missing PIN fails before any APDU is sent.
 */
import { createHash } from 'node:crypto';
import { concatBytes, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { withT0 } from '../channel/t0.js';
import { decodeCn } from '../codecs/cn.js';
import { type CommandDescriptor, refusalError, run } from '../commands/descriptor.js';
import { readBinary, selectFile, verifyPin } from '../commands/iso7816.js';
import { authInput, foldCryptogram, macInput, smHeader, smPlaintext } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';
import type { KeyDef } from '../profiles/types.js';

/** PSAM data files (IF2012 附录A): where they are and how long. */
export const PSAM_FILES = {
  publicInfo: { df: 'MF', fid: '0015', size: 14 },
  terminalInfo: { df: 'MF', fid: '0016', size: 6 },
  applicationInfo: { df: 'DF01', fid: '001A', size: 25 },
  issuerCertificate: { df: 'DF01', fid: '001B', size: 180 },
  samCertificate: { df: 'DF01', fid: '001C', size: 190 },
} as const;

export type PsamFile = keyof typeof PSAM_FILES;

export interface PsamPublicInfo {
  readonly serial: string;
  readonly version: number;
  readonly keyCardType: number;
  readonly commandSetVersion: number;
  readonly issuerFci: number;
}

export interface PsamApplicationInfo {
  readonly nationalKeyIndex: number;
  readonly issuerId: string;
  readonly receiverId: string;
  readonly startDate: string;
  readonly expiryDate: string;
}

const psamCommand = (
  name: string,
  ins: number,
  p1: number,
  p2: number,
  data: Uint8Array,
): CommandDescriptor => ({
  name,
  apdu: { cla: 0x80, ins, p1, p2, data },
});

/**
 * PINs a PSAM has refused, so they are never presented to it again: each try burns one of the
 * PSAM's few. A PSAM is known by its ATR; PINs are kept as hashes only.
 */
export class PsamPinGuard {
  readonly #refused = new Map<string, number | undefined>();

  static #key(atr: Uint8Array, pin: string): string {
    return `${toHex(atr)}:${createHash('sha256').update(pin).digest('hex')}`;
  }

  /** Tries left when this PSAM refused this PIN (undefined if it did not say), or 'not-refused'. */
  refusal(atr: Uint8Array, pin: string): number | undefined | 'not-refused' {
    const key = PsamPinGuard.#key(atr, pin);
    return this.#refused.has(key) ? this.#refused.get(key) : 'not-refused';
  }

  remember(atr: Uint8Array, pin: string, retriesLeft: number | undefined): void {
    this.#refused.set(PsamPinGuard.#key(atr, pin), retriesLeft);
  }
}

/** The guard every PsamClient shares unless given its own: one per process. */
export const PROCESS_PSAM_PIN_GUARD = new PsamPinGuard();

const triesText = (left: number | undefined) =>
  left === undefined
    ? 'the PSAM did not say how many tries are left'
    : `${left} ${left === 1 ? 'try' : 'tries'} left`;

export interface PsamClientOptions {
  readonly pinGuard?: PsamPinGuard;
}

export class PsamClient {
  readonly channel: CardChannel;
  readonly #pinGuard: PsamPinGuard;
  #df: 'MF' | 'DF01' | undefined;
  #pinVerified = false;

  constructor(channel: CardChannel, options: PsamClientOptions = {}) {
    // 80 FA answers 61xx; the T=0 decorator fetches the data whatever the protocol.
    this.channel = withT0(channel);
    this.#pinGuard = options.pinGuard ?? PROCESS_PSAM_PIN_GUARD;
  }

  async #send(command: CommandDescriptor): Promise<Uint8Array> {
    const result = await run(this.channel, command);
    if (!result.ok) throw refusalError(result.refusal, 'HCARD_E_PSAM_REFUSED');
    return result.value;
  }

  async #selectDf(df: 'MF' | 'DF01'): Promise<void> {
    if (this.#df === df) return;
    if (df === 'DF01' && this.#df !== 'MF') await this.#send(selectFile('3F00'));
    await this.#send(selectFile(df === 'MF' ? '3F00' : 'DF01'));
    this.#df = df;
  }

  /**
   * Selects the health application DF01 and verifies the PSAM PIN (spec §6.1). Without a PIN,
   * or with one this PSAM has already refused, it fails before sending anything.
   */
  async open(pin: string | undefined): Promise<void> {
    if (this.#pinVerified) return this.#selectDf('DF01');
    if (pin === undefined || pin === '') throw hcardError('HCARD_E_PSAM_PIN_MISSING');
    const verify = verifyPin(pin); // checks the PIN's form before anything is sent
    const atr = this.channel.atr;
    const earlier = this.#pinGuard.refusal(atr, pin);
    if (earlier !== 'not-refused') {
      throw hcardError(
        'HCARD_E_PSAM_PIN_WRONG',
        `this PIN was refused earlier (${triesText(earlier)}); it is not presented again`,
        earlier === undefined ? {} : { retriesLeft: earlier },
      );
    }
    await this.#selectDf('DF01');
    const result = await run(this.channel, verify);
    if (!result.ok) {
      const { sw, retriesLeft } = result.refusal;
      if (sw === 0x6983 || retriesLeft === 0) {
        this.#pinGuard.remember(atr, pin, 0);
        throw hcardError('HCARD_E_PSAM_BLOCKED', undefined, { sw: '6983' });
      }
      if (sw === 0x6300 || (sw & 0xfff0) === 0x63c0) {
        this.#pinGuard.remember(atr, pin, retriesLeft);
        throw hcardError(
          'HCARD_E_PSAM_PIN_WRONG',
          triesText(retriesLeft),
          retriesLeft === undefined ? {} : { retriesLeft },
        );
      }
      throw refusalError(result.refusal, 'HCARD_E_PSAM_REFUSED');
    }
    this.#pinVerified = true;
  }

  async readFile(file: PsamFile): Promise<Uint8Array> {
    const f = PSAM_FILES[file];
    await this.#selectDf(f.df);
    await this.#send(selectFile(f.fid));
    // Commands that need the application select DF01 again when they run.
    return this.#send(readBinary(0, f.size));
  }

  async readPublicInfo(): Promise<PsamPublicInfo> {
    const b = await this.readFile('publicInfo');
    return {
      serial: toHex(b.subarray(0, 10)),
      version: b[10]!,
      keyCardType: b[11]!,
      commandSetVersion: b[12]!,
      issuerFci: b[13]!,
    };
  }

  /** Terminal number: province, city, issuer (1 byte each) and a 3-byte serial, as hex. */
  async readTerminalNumber(): Promise<string> {
    return toHex(await this.readFile('terminalInfo'));
  }

  async readApplicationInfo(): Promise<PsamApplicationInfo> {
    const b = await this.readFile('applicationInfo');
    return {
      nationalKeyIndex: b[0]!,
      issuerId: toHex(b.subarray(1, 9)),
      receiverId: toHex(b.subarray(9, 17)),
      startDate: decodeCn(b.subarray(17, 21)),
      expiryDate: decodeCn(b.subarray(21, 25)),
    };
  }

  /** 80 DE: derive the card key from the factors and a session key from the challenge. */
  async initKey(
    key: KeyDef,
    factors: { CN: Uint8Array; CITY: Uint8Array },
    challenge: Uint8Array,
  ): Promise<void> {
    await this.#selectDf('DF01');
    const data = concatBytes(...key.factors.map((f) => factors[f]), challenge);
    await this.#send(psamCommand('PSAM INIT KEY', 0xde, key.psamUsage, key.psamIndex, data));
  }

  /** 80 FA 00 00: ECB-encrypt whole 16-byte blocks with the current session key. */
  async encrypt(data: Uint8Array): Promise<Uint8Array> {
    return this.#send(psamCommand('PSAM ENCRYPT', 0xfa, 0x00, 0x00, data));
  }

  /**
   * 80 DE for a key of another application (the SSSE keys: ssse/ssse-security.ts), whose
   * diversification data the caller supplies, then 80 FA 00 00 over `blocks`.
   */
  async encryptWithKey(
    slot: { readonly psamIndex: number; readonly psamUsage: number },
    diversification: Uint8Array,
    sessionFactor: Uint8Array,
    blocks: Uint8Array,
  ): Promise<Uint8Array> {
    await this.#selectDf('DF01');
    const data = concatBytes(diversification, sessionFactor);
    await this.#send(psamCommand('PSAM INIT KEY', 0xde, slot.psamUsage, slot.psamIndex, data));
    return this.encrypt(blocks);
  }

  /** 80 FA 05 00: MAC over IV(16) ‖ padded data with the current session key. */
  async mac(ivAndData: Uint8Array): Promise<Uint8Array> {
    return this.#send(psamCommand('PSAM MAC', 0xfa, 0x05, 0x00, ivAndData));
  }

  /** The 8-byte EXTERNAL AUTHENTICATE cryptogram A for `key` (spec §6.2 steps 2–5). */
  async authCryptogram(
    key: KeyDef,
    factors: { CN: Uint8Array; CITY: Uint8Array },
    challenge: Uint8Array,
    terminalData: Uint8Array,
  ): Promise<Uint8Array> {
    await this.initKey(key, factors, challenge);
    return foldCryptogram(await this.encrypt(authInput(terminalData)));
  }

  /**
   * A secure-messaging command for the card (spec §6.4): encrypts `data` (if any) and MACs the
   * header and ciphertext with the session key of `stk` and the card's `challenge`.
   */
  async protect(
    stk: KeyDef,
    factors: { CN: Uint8Array; CITY: Uint8Array },
    challenge: Uint8Array,
    header: { cla: number; ins: number; p1: number; p2: number },
    data: Uint8Array | undefined,
  ): Promise<Uint8Array> {
    await this.initKey(stk, factors, challenge);
    const c = data === undefined ? new Uint8Array() : await this.encrypt(smPlaintext(data));
    const h = smHeader(header.cla, header.ins, header.p1, header.p2, c.length);
    // The DLL re-initialises the same session before the MAC (spec §6.4 step 6).
    await this.initKey(stk, factors, challenge);
    const mac = await this.mac(macInput(h, c));
    return concatBytes(h, c, mac);
  }

  /** SM2 signature over a digest e (reference COS: ISO PSO COMPUTE DIGITAL SIGNATURE). */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    await this.#selectDf('DF01');
    return this.#send({
      name: 'PSO COMPUTE DIGITAL SIGNATURE',
      apdu: { cla: 0x00, ins: 0x2a, p1: 0x9e, p2: 0x9a, data: digest, ne: 64 },
    });
  }

  /** Forget the selection state (after a reset of the PSAM). */
  reset(): void {
    this.#df = undefined;
    this.#pinVerified = false;
  }
}
