/** Response APDUs: data ‖ SW1 SW2 (ISO/IEC 7816-4 §5.1.3). */
import { hcardError } from '../errors.js';

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw hcardError(
      'HCARD_E_APDU_RESPONSE_MALFORMED',
      `${bytes.length} bytes is shorter than a status word`,
    );
  }
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export const swHex = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');
