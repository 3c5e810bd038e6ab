/**
 * The PSAM's "MAC with initial value" (80 FA 05, spec §6.4 step 7): CBC over the already padded
 * data with the given 16-byte IV, first 4 bytes of the last block (ISO/IEC 9797-1 MAC
 * algorithm 1 with a 4-byte truncation).
 */
import { xorBytes } from '../bytes.js';
import { hcardError } from '../errors.js';
import type { BlockCipher } from './block-cipher.js';

export const MAC_LENGTH = 4;

export function cbcMac(
  cipher: BlockCipher,
  key: Uint8Array,
  iv: Uint8Array,
  paddedData: Uint8Array,
): Uint8Array {
  if (iv.length !== 16) throw hcardError('HCARD_E_ARG_INVALID', 'IV must be 16 bytes');
  if (paddedData.length === 0 || paddedData.length % 16 !== 0) {
    throw hcardError('HCARD_E_ARG_INVALID', 'MAC data must be whole 16-byte blocks');
  }
  let chain = iv;
  for (let o = 0; o < paddedData.length; o += 16) {
    chain = cipher.encryptEcb(key, xorBytes(chain, paddedData.subarray(o, o + 16)));
  }
  return chain.slice(0, MAC_LENGTH);
}
