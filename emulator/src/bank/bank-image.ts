/**
 * Bank application images: what an emulated PBOC / UnionPay application holds, as JSON (hex for
 * bytes, text and digit strings for the data elements). `EmulatedBankApp` lays the elements out
 * in its FCI, GPO response and records (bank-layout.ts). Synthetic cards only.
 */
import { dolDataLength, encodeAnsText, fromHex, isHcardError, parseDol } from '@hcard/card-core';
import { type JsonObject, jsonFields, own } from '../images/json-fields.js';

export const BANK_IMAGE_FORMAT = 'hcard-bank-image/1';

export interface BankImage {
  readonly format: typeof BANK_IMAGE_FORMAT;
  readonly description?: string;
  /** Full AID (84, 4F), 5–16 bytes hex. */
  readonly aid: string;
  /** Application label (50, 9F12): 1–16 printable ASCII characters. */
  readonly label: string;
  /** Application priority (87): 1 (highest) – 15. */
  readonly priority: number;
  /** Whether the chip has the PSE 1PAY.SYS.DDF01 with a directory listing this application. */
  readonly pse: boolean;
  /** The FCI's PDOL (9F38) as hex; absent: no PDOL, GPO takes `83 00`. */
  readonly pdol?: string;
  /** GPO response: 1 = `80` AIP ‖ AFL; 2 = `77` with 82, 94, track 2 and ATC (qPBOC-like). */
  readonly gpoFormat: 1 | 2;
  /** Application interchange profile (82), 2 bytes hex. */
  readonly aip: string;
  /** PAN (5A): 12–19 digits. */
  readonly pan: string;
  /** PAN sequence number (5F34): 0–99. */
  readonly panSequence: number;
  /** Effective (5F25) and expiry (5F24) dates, YYMMDD. */
  readonly effectiveDate: string;
  readonly expiryDate: string;
  /** Track 2 (57): service code (3 digits) and discretionary data (0–13 digits). */
  readonly serviceCode: string;
  readonly track2Discretionary: string;
  /** Cardholder name (5F20) as text, written in GBK (ASCII stays ASCII), at most 26 bytes; absent: no 5F20. */
  readonly holderName?: string;
  /** Cardholder ID number (9F61): 1–40 ASCII letters and digits; absent: no 9F61 / 9F62. */
  readonly holderIdNumber?: string;
  /** Cardholder ID type (9F62), 1 byte hex: `00` 身份证. */
  readonly holderIdType?: string;
  /** Application transaction counter (9F36) now: 0–65535; every GPO increments it. */
  readonly atc: number;
  /** PIN try counter (9F17): 0–15. */
  readonly pinTriesLeft: number;
}

const FIELDS = [
  'format',
  'description',
  'aid',
  'label',
  'priority',
  'pse',
  'pdol',
  'gpoFormat',
  'aip',
  'pan',
  'panSequence',
  'effectiveDate',
  'expiryDate',
  'serviceCode',
  'track2Discretionary',
  'holderName',
  'holderIdNumber',
  'holderIdType',
  'atc',
  'pinTriesLeft',
] as const;

/** Track 2 equivalent data holds at most 19 bytes (37 digits and the separator, padded). */
export const TRACK2_MAX_BYTES = 19;
/** 5F20 is ans 2–26 (spec B.4). */
export const HOLDER_NAME_MAX_BYTES = 26;

// Messages name the field and what it must be; they never repeat its value (a PAN, a name).
const { invalid } = jsonFields('HCARD_E_BANK_IMAGE_INVALID');

function required(o: JsonObject, key: string): unknown {
  const value = own(o, key);
  if (value === undefined) throw invalid(key, 'is missing');
  return value;
}

function stringMatching(o: JsonObject, key: string, pattern: RegExp, what: string): string {
  const value = required(o, key);
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(key, `must be ${what}`);
  return value;
}

function integer(o: JsonObject, key: string, min: number, max: number): number {
  const value = required(o, key);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalid(key, `must be an integer ${min}–${max}`);
  return value;
}

function hexBytes(o: JsonObject, key: string, min: number, max: number): Uint8Array {
  const value = stringMatching(o, key, /^([0-9A-Fa-f]{2})*$/, 'a hex string (pairs of 0–9/A–F digits)');
  const bytes = fromHex(value);
  if (bytes.length < min || bytes.length > max)
    throw invalid(key, `has ${bytes.length} bytes, expected ${min === max ? min : `${min}–${max}`}`);
  return bytes;
}

/** YYMMDD with a real month and day (2000–2099). */
function yymmdd(o: JsonObject, key: string): string {
  const value = stringMatching(o, key, /^\d{6}$/, 'a YYMMDD date');
  const [y, m, d] = [0, 2, 4].map((i) => Number(value.slice(i, i + 2))) as [number, number, number];
  const date = new Date(Date.UTC(2000 + y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw invalid(key, 'must be a YYMMDD date');
  return value;
}

/**
 * Checks every field of a bank image and returns it typed. Throws HCARD_E_BANK_IMAGE_INVALID
 * naming the field; unknown fields are rejected (a misspelt one would otherwise be ignored).
 */
export function validateBankImage(value: unknown): BankImage {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('', 'must be a JSON object (a bank application image)');
  const img = value as JsonObject;
  if (own(img, 'format') !== BANK_IMAGE_FORMAT) throw invalid('format', `must be ${BANK_IMAGE_FORMAT}`);
  for (const key of Object.keys(img)) {
    if (!(FIELDS as readonly string[]).includes(key))
      throw invalid(
        JSON.stringify(key.slice(0, 40)),
        `is not a field of a bank image (expected ${FIELDS.join(', ')})`,
      );
  }
  const description = own(img, 'description');
  if (description !== undefined && typeof description !== 'string')
    throw invalid('description', 'must be a string');
  hexBytes(img, 'aid', 5, 16);
  stringMatching(img, 'label', /^[\x20-\x7e]{1,16}$/, '1–16 printable ASCII characters');
  integer(img, 'priority', 1, 15);
  if (typeof required(img, 'pse') !== 'boolean') throw invalid('pse', 'must be true or false');
  if (own(img, 'pdol') !== undefined) {
    const pdol = hexBytes(img, 'pdol', 2, 252);
    try {
      // GPO carries the PDOL data in one short APDU: 83 L data.
      if (dolDataLength(parseDol(pdol)) > 252) throw invalid('pdol', 'asks for more than 252 bytes');
    } catch (e) {
      if (isHcardError(e, 'HCARD_E_BANK_IMAGE_INVALID')) throw e;
      throw invalid('pdol', 'must be a data object list (tag, length …)');
    }
  }
  const format = required(img, 'gpoFormat');
  if (format !== 1 && format !== 2) throw invalid('gpoFormat', 'must be 1 or 2');
  hexBytes(img, 'aip', 2, 2);
  const pan = stringMatching(img, 'pan', /^\d{12,19}$/, '12–19 digits');
  integer(img, 'panSequence', 0, 99);
  yymmdd(img, 'effectiveDate');
  yymmdd(img, 'expiryDate');
  stringMatching(img, 'serviceCode', /^\d{3}$/, '3 digits');
  const discretionary = stringMatching(img, 'track2Discretionary', /^\d{0,13}$/, '0–13 digits');
  // PAN, D, YYMM, service code, discretionary data, padded to whole bytes.
  const track2Bytes = Math.ceil((pan.length + 8 + discretionary.length) / 2);
  if (track2Bytes > TRACK2_MAX_BYTES)
    throw invalid('track2Discretionary', `makes track 2 ${track2Bytes} bytes (at most ${TRACK2_MAX_BYTES})`);
  if (own(img, 'holderName') !== undefined) {
    const name = stringMatching(
      img,
      'holderName',
      /^\S(.*\S)?$/u,
      'non-empty text without leading or trailing spaces',
    );
    let bytes: Uint8Array;
    try {
      bytes = encodeAnsText(name, 'gbk');
    } catch {
      throw invalid('holderName', 'must be text GBK (code page 936) can encode');
    }
    if (bytes.length > HOLDER_NAME_MAX_BYTES)
      throw invalid('holderName', `takes ${bytes.length} bytes in GBK (at most ${HOLDER_NAME_MAX_BYTES})`);
  }
  if (own(img, 'holderIdNumber') !== undefined)
    stringMatching(img, 'holderIdNumber', /^[0-9A-Za-z]{1,40}$/, '1–40 ASCII letters and digits');
  if (own(img, 'holderIdType') !== undefined) {
    if (own(img, 'holderIdNumber') === undefined) throw invalid('holderIdType', 'needs holderIdNumber');
    hexBytes(img, 'holderIdType', 1, 1);
  }
  integer(img, 'atc', 0, 0xffff);
  integer(img, 'pinTriesLeft', 0, 15);
  return img as unknown as BankImage;
}
