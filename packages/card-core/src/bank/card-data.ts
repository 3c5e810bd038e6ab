/**
 * Decoders for the bank application's data elements (spec B.4). Their errors say which element
 * is wrong and never repeat its bytes: a PAN or track 2 must not reach a message, log or stack.
 */
import { toHex } from '../bytes.js';
import { decodeAns } from '../codecs/ans.js';
import { type HcardError, hcardError } from '../errors.js';
import { type BerTlv, decodeBerTlv } from '../tlv/ber-tlv.js';

/** HCARD_E_BANK_DATA_INVALID with a detail that names an element, never its value (and no cause). */
export function bankDataError(detail: string): HcardError {
  return hcardError('HCARD_E_BANK_DATA_INVALID', detail);
}

/** Decodes BER-TLV from the card; the decoder's own error (which names tags) is replaced. */
export function bankTlv(data: Uint8Array, what: string): BerTlv[] {
  try {
    return decodeBerTlv(data);
  } catch {
    throw bankDataError(`${what} is not valid BER-TLV`);
  }
}

/** PAN lengths ISO/IEC 7812 allows. */
const PAN_DIGITS = { min: 12, max: 19 } as const;

/** 5A: BCD digits, right-padded with F (cut at the first F). */
export function decodePan(value: Uint8Array): string {
  const hex = toHex(value);
  const end = hex.indexOf('F');
  const digits = end < 0 ? hex : hex.slice(0, end);
  // Only F may follow the first F; a PAN of other characters is not one.
  if (!/^\d*$/.test(digits) || !/^F*$/.test(end < 0 ? '' : hex.slice(end)))
    throw bankDataError('PAN (5A) is not BCD digits padded with F');
  if (digits.length < PAN_DIGITS.min || digits.length > PAN_DIGITS.max)
    throw bankDataError(`PAN (5A) has ${digits.length} digits, not ${PAN_DIGITS.min}–${PAN_DIGITS.max}`);
  return digits;
}

export interface Track2 {
  readonly pan: string;
  /** YYMM. */
  readonly expiry: string;
}

/** 57: PAN, separator D, YYMM expiry, service code, discretionary data, F padding (spec B.4). */
export function decodeTrack2(value: Uint8Array): Track2 {
  const match = /^(\d{12,19})D(\d{4})\d{3}\d*F?$/.exec(toHex(value));
  if (!match) throw bankDataError('track 2 equivalent (57) is not PAN D YYMM service-code data');
  return { pan: match[1]!, expiry: match[2]! };
}

/** YYMM (track 2) or the first 2 bytes of YYMMDD (5F24) → YYYY-MM, PBOC cards being post-2000. */
export function expiryMonthOf(yymm: string, source: string): string {
  const month = Number(yymm.slice(2, 4));
  if (!/^\d{4}$/.test(yymm) || month < 1 || month > 12) throw bankDataError(`${source} is not a YYMM date`);
  return `20${yymm.slice(0, 2)}-${yymm.slice(2, 4)}`;
}

/** 5F24 (YYMMDD, BCD) → YYYY-MM: the day is dropped (spec B.7). */
export function decodeExpiryMonth(value: Uint8Array): string {
  if (value.length !== 3) throw bankDataError(`expiry date (5F24) of ${value.length} bytes, not 3`);
  return expiryMonthOf(toHex(value).slice(0, 4), 'expiry date (5F24)');
}

const isPrintableAscii = (bytes: Uint8Array) => bytes.every((b) => b >= 0x20 && b < 0x7f);

/**
 * Text of an `ans` element (label, cardholder name): printable ASCII as it is ("ZHANG/SAN",
 * "PBOC DEBIT"), else GBK as Chinese cards write names (codecs/ans.ts); padding (00, FF, spaces)
 * dropped. Undefined when empty or not decodable: a name is never worth failing the read for.
 */
export function decodeCardText(value: Uint8Array): string | undefined {
  let end = value.length;
  while (end > 0 && (value[end - 1] === 0x00 || value[end - 1] === 0xff || value[end - 1] === 0x20)) end--;
  const body = value.subarray(0, end);
  let text: string;
  if (isPrintableAscii(body)) text = String.fromCharCode(...body);
  else {
    try {
      text = decodeAns(body, 'gbk');
    } catch {
      return undefined;
    }
  }
  text = text.trim();
  return text === '' ? undefined : text;
}

/** A cardholder name; "/" alone (the EMV "no name" value) counts as none. */
export function decodeHolderName(value: Uint8Array): string | undefined {
  const text = decodeCardText(value);
  return text === undefined || text === '/' ? undefined : text;
}

/** 9F61 holder ID number (ans): digits and letters, padding dropped, uppercase. */
export function decodeIdNumber(value: Uint8Array): string | undefined {
  return decodeCardText(value)?.toUpperCase();
}

/** The Luhn (ISO/IEC 7812-1 annex B) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw hcardError('HCARD_E_ARG_INVALID', 'Luhn needs decimal digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts with the rightmost digit of the payload (it sits left of the check digit).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether the last digit is the Luhn check digit of the others. */
export function isLuhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}
