/** `b` fields (spec §4.1): raw bytes; the interface exposes them as hex ("01" → 0x01). */
import { fromHex, toHex } from '../bytes.js';
import { hcardError, isHcardError } from '../errors.js';

export function encodeB(hex: string, length: number): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromHex(hex);
  } catch (e) {
    throw isHcardError(e) ? hcardError('HCARD_E_B_INVALID', 'not hex', {}, e) : e;
  }
  if (bytes.length !== length) {
    throw hcardError('HCARD_E_B_INVALID', `${bytes.length} bytes for a ${length}-byte field`, {
      bytes: bytes.length,
      length,
    });
  }
  return bytes;
}

export const decodeB = (bytes: Uint8Array): string => toHex(bytes);
