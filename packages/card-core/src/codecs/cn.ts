/**
 * `cn` fields (spec §4.1): compressed numeric, packed BCD, left-aligned, right-padded with
 * nibble F. "1" is stored as 1F, "01" as 01, dates YYYYMMDD in 4 bytes.
 */
import { hcardError } from '../errors.js';

export function encodeCn(digits: string, length: number): Uint8Array {
  if (!/^\d*$/.test(digits)) throw hcardError('HCARD_E_CN_INVALID', 'cn values are decimal digits only');
  if (digits.length > length * 2) {
    throw hcardError('HCARD_E_CN_INVALID', `${digits.length} digits for a ${length}-byte field`, {
      digits: digits.length,
      limit: length * 2,
    });
  }
  const out = new Uint8Array(length).fill(0xff);
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    out[i >> 1] = i % 2 === 0 ? (d << 4) | 0x0f : (out[i >> 1]! & 0xf0) | d;
  }
  return out;
}

/** Decodes up to the first F nibble; every nibble after it must be F too. */
export function decodeCn(bytes: Uint8Array): string {
  let s = '';
  let ended = false;
  for (let i = 0; i < bytes.length * 2; i++) {
    const nibble = i % 2 === 0 ? bytes[i >> 1]! >> 4 : bytes[i >> 1]! & 0x0f;
    if (ended) {
      if (nibble !== 0x0f) throw hcardError('HCARD_E_CN_INVALID', `digit after the F padding at nibble ${i}`);
    } else if (nibble === 0x0f) {
      ended = true;
    } else if (nibble > 9) {
      throw hcardError(
        'HCARD_E_CN_INVALID',
        `nibble ${nibble.toString(16).toUpperCase()} at ${i} is not a digit`,
      );
    } else {
      s += String.fromCharCode(48 + nibble);
    }
  }
  return s;
}
