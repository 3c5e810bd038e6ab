/**
 * Key diversification and session keys (spec §6.2, §6.8, §6.11). The exact functions are not
 * public; this is the common convention for a 128-bit block cipher, kept in one replaceable
 * object:
 *   child   = E_parent(f ‖ ~f)              for an 8-byte factor f
 *   card key = child(child(master, CITY), CN) for a 2-level key (PSAM usage 0x47)
 *   card key = child(master, CN)              for a 1-level key (usage 0x27)
 *   session  = child(card key, challenge)
 * The PSAM command carries the factors as CN ‖ CITY ‖ R: the lowest level first, so they are
 * applied from the last factor to the first.
 */
import { concatBytes } from '../bytes.js';
import { hcardError } from '../errors.js';
import { type BlockCipher, SM4 } from './block-cipher.js';

export interface KeyDerivation {
  readonly cipher: BlockCipher;
  /** One level: parent key + 8-byte factor → child key. */
  diversify(parent: Uint8Array, factor: Uint8Array): Uint8Array;
}

export function standardDerivation(cipher: BlockCipher = SM4): KeyDerivation {
  return {
    cipher,
    diversify(parent, factor) {
      if (factor.length !== 8)
        throw hcardError('HCARD_E_ARG_INVALID', `diversification factor of ${factor.length} bytes`);
      const inverted = factor.map((b) => b ^ 0xff);
      return cipher.encryptEcb(parent, concatBytes(factor, inverted));
    },
  };
}

export const DEFAULT_DERIVATION: KeyDerivation = standardDerivation();

/** Card key from a master key and the factors in command order (lowest level first). */
export function deriveCardKey(
  kd: KeyDerivation,
  master: Uint8Array,
  factors: readonly Uint8Array[],
): Uint8Array {
  let key = master;
  for (let i = factors.length - 1; i >= 0; i--) key = kd.diversify(key, factors[i]!);
  return key;
}

/** Session key from a (card) key and the card's 8-byte challenge. */
export function deriveSessionKey(kd: KeyDerivation, cardKey: Uint8Array, challenge: Uint8Array): Uint8Array {
  return kd.diversify(cardKey, challenge);
}
