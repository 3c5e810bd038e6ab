/**
 * SSSE card authentication for the reference PSAM and COS (spec A.6, A.7). The public sources
 * name the steps (INTERNAL AUTHENTICATE for card validity, EXTERNAL AUTHENTICATE `00 82 00 0A 10`
 * with the RKSSSE key before EF06 on 3.0 cards) but not the PSAM commands or the cryptograms.
 * This file defines them once, as data plus three pure functions that the terminal (through the
 * PSAM's existing 80 DE / 80 FA), the emulated card and an emulated HSM all share:
 *
 *   card key   = the PSAM master diversified with the 卡识别码 (16 bytes = two 8-byte factors,
 *                so the PSAM key has 2 levels and 80 DE carries 卡识别码 ‖ session factor)
 *   session key SK = diversify(card key, session factor)          (80 DE, key-derivation.ts)
 *   internal:  the terminal sends factor F(8) ‖ data D(8); the card answers
 *              fold(ECB_SK(D ‖ 00×8)) with SK from its internal-auth key and F — 8 bytes, which
 *              is what an HSM's pKey carries as its first 16 hex characters
 *   external:  the card's challenge R is the session factor; the terminal sends the 16-byte
 *              C = ECB_SK(D ‖ R) with SK from RKSSSE and R, D its own 8 random bytes; the card
 *              decrypts C and accepts when the second half is R
 *
 * Everything a deployment may need to change (key references, PSAM key slots per algorithm,
 * the factor rule) is in `SsseSecurity`; `SSSE_SECURITY` is the reference.
 */
import { concatBytes, equalBytes } from '../bytes.js';
import {
  DEFAULT_DERIVATION,
  deriveCardKey,
  deriveSessionKey,
  type KeyDerivation,
} from '../crypto/key-derivation.js';
import { externalAuthCryptogram } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';

/** Where a PSAM keeps a master: 80 DE P2 (index) and P1 (usage: levels in the high 3 bits). */
export interface PsamKeySlot {
  readonly psamIndex: number;
  readonly psamUsage: number;
}

export type SsseKeyId = 'RKSSSE' | 'IKSSSE';
export const SSSE_KEY_IDS: readonly SsseKeyId[] = ['RKSSSE', 'IKSSSE'];

export interface SsseSecurity {
  /** EXTERNAL AUTHENTICATE P2 of RKSSSE (A.7: `00 82 00 0A`). */
  readonly externalKeyRef: number;
  /** INTERNAL AUTHENTICATE P2 of the card's internal-auth key IKSSSE (reference COS). */
  readonly internalKeyRef: number;
  /** Algorithm id assumed when the SELECT answer has no 9F0C (A.1: 01). */
  readonly defaultAlgorithm: number;
  /**
   * PSAM key slots per algorithm id (9F0C, A.1). An algorithm without an entry is one the
   * terminal's PSAM does not support (MOHRSS -2202).
   */
  readonly psamKeys: Readonly<Record<number, Readonly<Record<SsseKeyId, PsamKeySlot>>>>;
  /** The diversification factors in 80 DE order, from the 卡识别码. */
  readonly factors: (cardIdCode: Uint8Array) => readonly Uint8Array[];
}

/** 2 diversification levels (two 8-byte halves of the 卡识别码), key type 07 like the health RK keys. */
const TWO_LEVEL_AUTH_KEY = 0x47;

export const SSSE_SECURITY: SsseSecurity = {
  externalKeyRef: 0x0a,
  internalKeyRef: 0x0b,
  defaultAlgorithm: 0x01,
  // 03 is the SM (国密) branch in one integration (A.1); the reference PSAM computes with SM4.
  psamKeys: {
    3: {
      RKSSSE: { psamIndex: 0x60, psamUsage: TWO_LEVEL_AUTH_KEY },
      IKSSSE: { psamIndex: 0x61, psamUsage: TWO_LEVEL_AUTH_KEY },
    },
  },
  factors: (cardIdCode) => {
    if (cardIdCode.length !== 16)
      throw hcardError('HCARD_E_ARG_INVALID', `卡识别码 of ${cardIdCode.length} bytes, expected 16`);
    return [cardIdCode.subarray(0, 8), cardIdCode.subarray(8, 16)];
  },
};

/** The card's key `id` from its master: what the PSAM derives and what an image stores. */
export function ssseCardKey(
  master: Uint8Array,
  cardIdCode: Uint8Array,
  security: SsseSecurity = SSSE_SECURITY,
  derivation: KeyDerivation = DEFAULT_DERIVATION,
): Uint8Array {
  return deriveCardKey(derivation, master, security.factors(cardIdCode));
}

/** INTERNAL AUTHENTICATE answer: fold(ECB_SK(D ‖ 00×8)), SK = diversify(card key, F). */
export function ssseInternalAuthResult(
  cardKey: Uint8Array,
  factor: Uint8Array,
  data: Uint8Array,
  derivation: KeyDerivation = DEFAULT_DERIVATION,
): Uint8Array {
  return externalAuthCryptogram(derivation.cipher, deriveSessionKey(derivation, cardKey, factor), data);
}

/** The 16 bytes the terminal has encrypted for EXTERNAL AUTHENTICATE: D ‖ R. */
export const ssseExternalAuthInput = (data: Uint8Array, challenge: Uint8Array): Uint8Array =>
  concatBytes(data, challenge);

/** EXTERNAL AUTHENTICATE cryptogram C = ECB_SK(D ‖ R), SK = diversify(RKSSSE card key, R). */
export function ssseExternalCryptogram(
  cardKey: Uint8Array,
  challenge: Uint8Array,
  data: Uint8Array,
  derivation: KeyDerivation = DEFAULT_DERIVATION,
): Uint8Array {
  const sk = deriveSessionKey(derivation, cardKey, challenge);
  return derivation.cipher.encryptEcb(sk, ssseExternalAuthInput(data, challenge));
}

/** Card side: C decrypts to something ending in the card's challenge R. */
export function ssseCheckExternalCryptogram(
  cardKey: Uint8Array,
  challenge: Uint8Array,
  cryptogram: Uint8Array,
  derivation: KeyDerivation = DEFAULT_DERIVATION,
): boolean {
  if (cryptogram.length !== 16 || challenge.length !== 8) return false;
  const sk = deriveSessionKey(derivation, cardKey, challenge);
  return equalBytes(derivation.cipher.decryptEcb(sk, cryptogram).subarray(8), challenge);
}
