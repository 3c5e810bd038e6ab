/**
 * Terminal-side defaults for facts the spec marks med/low (spec §2, §6.1–§6.6, §10). They live
 * here, in one place, so a deployment whose cards or PSAMs differ changes data, not code.
 */
import { asciiBytes, concatBytes, fromHex } from '../../bytes.js';
import type { AnsCharset } from '../../codecs/ans.js';
import { DEFAULT_DERIVATION, type KeyDerivation } from '../../crypto/key-derivation.js';

export interface HealthCardSettings {
  /** Where the 8-byte card diversification factor CN sits in the ATR (DLL: bytes 5–12). [low–med] */
  readonly cardFactorOffset: number;
  /** CITY factor from the 3-byte cn city code (DLL: first 2 bytes ‖ ASCII "000000"). [low] */
  readonly cityFactor: (cityCode: Uint8Array) => Uint8Array;
  /** Terminal data T in EXTERNAL AUTHENTICATE for read keys (DLL constant). [med] */
  readonly terminalData: Uint8Array;
  /** Key diversification and session-key functions, and the block cipher under them. [low] */
  readonly derivation: KeyDerivation;
  /** Code page of ans fields. */
  readonly charset: AnsCharset;
  /** Bytes per READ/UPDATE BINARY (DLL: 0x80). [med] */
  readonly binaryChunk: number;
  /**
   * PSAM PIN. No default: a real PSAM blocks after a few wrong tries, so every deployment
   * configures its own (the CLI and gateway: HCARD_PSAM_PIN or `psamPin` in the config file).
   */
  readonly psamPin?: string;
  /** Check the index flag (00 = in use) before reading an encounter record (IF2012 remark). */
  readonly checkIndexBeforeRead: boolean;
}

export const DEFAULT_HEALTH_CARD_SETTINGS: HealthCardSettings = {
  cardFactorOffset: 5,
  cityFactor: (cityCode) => concatBytes(cityCode.subarray(0, 2), asciiBytes('000000')),
  terminalData: fromHex('1122334455667788'),
  derivation: DEFAULT_DERIVATION,
  charset: 'gbk',
  binaryChunk: 0x80,
  checkIndexBeforeRead: true,
};
