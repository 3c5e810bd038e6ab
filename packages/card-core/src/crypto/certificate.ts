/**
 * The compact certificate: hcard's own stand-in for the on-card issuer certificate (EF05 tag 05
 * and SAM DF01/001B, a 180-byte field) and the SAM certificate (190-byte field) written with
 * signed encounter records (health-card.md §6.7, §7). The real formats are not public
 * (architecture.md §4), so this module defines a small DER structure and keeps every use of it
 * behind `encodeCertificate` / `decodeCertificate`, so a real format can replace it.
 *
 * ```
 * CompactCertificate ::= SEQUENCE {
 *   tbs SEQUENCE {
 *     version   INTEGER (0),
 *     serial    OCTET STRING (SIZE 8),
 *     issuerId  OCTET STRING (SIZE 1..16),
 *     subjectId OCTET STRING (SIZE 1..16),
 *     role      ENUMERATED { issuer(1), sam(2) },
 *     notBefore OCTET STRING (SIZE 4),  -- BCD YYYYMMDD, first valid day
 *     notAfter  OCTET STRING (SIZE 4),  -- BCD YYYYMMDD, last valid day
 *     publicKey OCTET STRING (SIZE 33)  -- compressed SM2 point
 *   },
 *   signature OCTET STRING (SIZE 64)    -- SM2 r‖s by the issuer's key over DER(tbs), default user ID
 * }
 * ```
 *
 * Size (measured in certificate.test.ts): tbs is 69 + |issuerId| + |subjectId| bytes (`30 LL`
 * header), the whole certificate 138 + |issuerId| + |subjectId| bytes (`30 81 LL` header), i.e.
 * 140 to 170 bytes: even with two 16-byte identifiers it fits the 180-byte field with 10 bytes to
 * spare (and the 190-byte SAM field with 20). Shorter encodings
 * are right-padded with 00 to the field size; the decoder accepts that padding.
 */
import {
  AsnParser,
  AsnProp,
  AsnPropTypes,
  AsnSerializer,
  AsnType,
  AsnTypeTypes,
} from '@peculiar/asn1-schema';
import { equalBytes, toHex } from '../bytes.js';
import { type ErrorCode, hcardError, isHcardError } from '../errors.js';
import {
  SM2_COMPRESSED_PUBLIC_KEY_LENGTH,
  SM2_SIGNATURE_LENGTH,
  type Sm2SignOptions,
  sm2CompressPublicKey,
  sm2DecompressPublicKey,
  sm2Sign,
  sm2Verify,
} from './sm2.js';

/** Size of the issuer certificate field (card EF05 tag 05, SAM DF01/001B). */
export const ISSUER_CERTIFICATE_FIELD_SIZE = 180;
/** Size of the SAM certificate field written after a signed encounter record. */
export const SAM_CERTIFICATE_FIELD_SIZE = 190;
/** Longest DER encoding this codec produces (two 16-byte identifiers). */
export const COMPACT_CERTIFICATE_MAX_LENGTH = 170;

export const CERTIFICATE_SERIAL_LENGTH = 8;
export const CERTIFICATE_ID_MAX_LENGTH = 16;

export type CertificateRole = 'issuer' | 'sam';

const ROLE_CODES: Readonly<Record<CertificateRole, number>> = { issuer: 1, sam: 2 };

/** What a certificate says, before it is signed. */
export interface CertificateFields {
  /** Always 0 in this format; optional on input. */
  readonly version?: 0;
  /** 8 bytes. */
  readonly serial: Uint8Array;
  /** 1–16 bytes identifying the signing key's owner. */
  readonly issuerId: Uint8Array;
  /** 1–16 bytes identifying the certified key's owner. */
  readonly subjectId: Uint8Array;
  readonly role: CertificateRole;
  /** First valid day, `YYYYMMDD` (Beijing time). */
  readonly notBefore: string;
  /** Last valid day, `YYYYMMDD` (Beijing time), inclusive. */
  readonly notAfter: string;
  /** The certified SM2 public key, 33 or 65 bytes on input; stored compressed. */
  readonly publicKey: Uint8Array;
}

/** A decoded compact certificate. */
export interface CompactCertificate extends CertificateFields {
  readonly version: 0;
  /** Uncompressed `04‖x‖y`, 65 bytes. */
  readonly publicKey: Uint8Array;
  /** SM2 r‖s over `tbs`, 64 bytes. */
  readonly signature: Uint8Array;
  /** DER of the tbs SEQUENCE: the bytes the signature covers. */
  readonly tbs: Uint8Array;
}

// The ASN.1 schema. `@peculiar/asn1-schema`'s decorators are legacy (experimentalDecorators)
// ones, `(target, propertyKey)`. Without that flag, `@AsnProp` fails in all three toolchains
// (tsc: TS1240; Vitest 4: the decorator syntax reaches Node untransformed, SyntaxError; tsx: TC39
// semantics call it with `(undefined, context)`, TypeError). Calling the decorator factories as
// plain functions, in field order, registers the same schema with no compiler setting at all.
class TbsSchema {
  version = 0;
  serial = new ArrayBuffer(0);
  issuerId = new ArrayBuffer(0);
  subjectId = new ArrayBuffer(0);
  role = 0;
  notBefore = new ArrayBuffer(0);
  notAfter = new ArrayBuffer(0);
  publicKey = new ArrayBuffer(0);
}
AsnType({ type: AsnTypeTypes.Sequence })(TbsSchema);
AsnProp({ type: AsnPropTypes.Integer })(TbsSchema.prototype, 'version');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'serial');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'issuerId');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'subjectId');
AsnProp({ type: AsnPropTypes.Enumerated })(TbsSchema.prototype, 'role');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'notBefore');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'notAfter');
AsnProp({ type: AsnPropTypes.OctetString })(TbsSchema.prototype, 'publicKey');

class CertificateSchema {
  tbs = new TbsSchema();
  signature = new ArrayBuffer(0);
}
AsnType({ type: AsnTypeTypes.Sequence })(CertificateSchema);
AsnProp({ type: TbsSchema })(CertificateSchema.prototype, 'tbs');
AsnProp({ type: AsnPropTypes.OctetString })(CertificateSchema.prototype, 'signature');

/** `YYYYMMDD` → 4 BCD bytes; the string must be a real calendar date. */
function dateToBcd(date: string, field: string, code: ErrorCode): Uint8Array {
  if (!isCalendarDate(date)) throw hcardError(code, `${field} is not a YYYYMMDD date`, { field });
  return Uint8Array.from({ length: 4 }, (_, i) => Number.parseInt(date.slice(2 * i, 2 * i + 2), 16));
}

function bcdToDate(bytes: Uint8Array, field: string): string {
  let date = '';
  for (const b of bytes) date += b.toString(16).padStart(2, '0');
  if (bytes.length !== 4 || !isCalendarDate(date)) {
    throw hcardError('HCARD_E_CERT_MALFORMED', `${field} is not a BCD YYYYMMDD date`, { field });
  }
  return date;
}

function isCalendarDate(date: string): boolean {
  if (typeof date !== 'string' || !/^\d{8}$/.test(date)) return false;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

function checkLength(bytes: unknown, field: string, min: number, max: number, code: ErrorCode): Uint8Array {
  if (!(bytes instanceof Uint8Array) || bytes.length < min || bytes.length > max) {
    const size = min === max ? `${min}` : `${min}–${max}`;
    throw hcardError(code, `${field} must be ${size} bytes`, { field });
  }
  return bytes;
}

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

/** Validates the fields and builds the tbs schema object; `code` is the error to throw. */
function tbsSchemaOf(fields: CertificateFields, code: ErrorCode): TbsSchema {
  if (fields.version !== undefined && fields.version !== 0) throw hcardError(code, 'version must be 0');
  const role = ROLE_CODES[fields.role];
  if (!Object.hasOwn(ROLE_CODES, fields.role) || role === undefined) {
    throw hcardError(code, 'role must be issuer or sam');
  }
  const notBefore = dateToBcd(fields.notBefore, 'notBefore', code);
  const notAfter = dateToBcd(fields.notAfter, 'notAfter', code);
  if (fields.notBefore > fields.notAfter) throw hcardError(code, 'notBefore is after notAfter');
  const tbs = new TbsSchema();
  tbs.version = 0;
  tbs.serial = buffer(
    checkLength(fields.serial, 'serial', CERTIFICATE_SERIAL_LENGTH, CERTIFICATE_SERIAL_LENGTH, code),
  );
  tbs.issuerId = buffer(checkLength(fields.issuerId, 'issuerId', 1, CERTIFICATE_ID_MAX_LENGTH, code));
  tbs.subjectId = buffer(checkLength(fields.subjectId, 'subjectId', 1, CERTIFICATE_ID_MAX_LENGTH, code));
  tbs.role = role;
  tbs.notBefore = buffer(notBefore);
  tbs.notAfter = buffer(notAfter);
  tbs.publicKey = buffer(sm2CompressPublicKey(fields.publicKey));
  return tbs;
}

/** DER of the tbs SEQUENCE for `fields`: what the issuer signs (useful when a PSAM or HSM signs). */
export function encodeCertificateTbs(fields: CertificateFields): Uint8Array {
  return new Uint8Array(AsnSerializer.serialize(tbsSchemaOf(fields, 'HCARD_E_ARG_INVALID')));
}

/**
 * DER-encodes a signed certificate. The tbs is rebuilt from the fields (a `tbs` property is
 * ignored). With `fieldSize` (180 for the issuer, 190 for the SAM certificate) the result is
 * right-padded with 00 to that size; it is an error if it does not fit.
 */
export function encodeCertificate(
  certificate: CertificateFields & { readonly signature: Uint8Array },
  fieldSize?: number,
): Uint8Array {
  return encodeWith(certificate, fieldSize, 'HCARD_E_ARG_INVALID');
}

function encodeWith(
  certificate: CertificateFields & { readonly signature: Uint8Array },
  fieldSize: number | undefined,
  code: ErrorCode,
): Uint8Array {
  const schema = new CertificateSchema();
  schema.tbs = tbsSchemaOf(certificate, code);
  schema.signature = buffer(
    checkLength(certificate.signature, 'signature', SM2_SIGNATURE_LENGTH, SM2_SIGNATURE_LENGTH, code),
  );
  const der = new Uint8Array(AsnSerializer.serialize(schema));
  if (fieldSize === undefined) return der;
  if (!Number.isInteger(fieldSize) || fieldSize < der.length) {
    throw hcardError('HCARD_E_ARG_INVALID', `certificate of ${der.length} bytes does not fit ${fieldSize}`, {
      length: der.length,
      fieldSize,
    });
  }
  const out = new Uint8Array(fieldSize);
  out.set(der);
  return out;
}

/** Length of the outer DER TLV at the start of `bytes` (definite short or 1–2 byte long form). */
function outerLength(bytes: Uint8Array): number {
  if (bytes[0] !== 0x30 || bytes.length < 2) throw hcardError('HCARD_E_CERT_MALFORMED', 'not a DER SEQUENCE');
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  if (first === 0x81 && bytes.length >= 3) return 3 + bytes[2]!;
  if (first === 0x82 && bytes.length >= 4) return 4 + ((bytes[2]! << 8) | bytes[3]!);
  throw hcardError('HCARD_E_CERT_MALFORMED', 'unsupported DER length');
}

/**
 * Decodes a certificate, with or without its 00 padding. Anything that is not exactly the DER
 * this codec writes (including BER variants, wrong sizes, bad dates, a key off the curve)
 * throws HCARD_E_CERT_MALFORMED, and nothing else.
 */
export function decodeCertificate(bytes: Uint8Array): CompactCertificate {
  try {
    return decodeStrict(bytes);
  } catch (e) {
    if (isHcardError(e, 'HCARD_E_CERT_MALFORMED')) throw e;
    throw hcardError('HCARD_E_CERT_MALFORMED', e instanceof Error ? e.message : undefined, {}, e);
  }
}

function decodeStrict(bytes: Uint8Array): CompactCertificate {
  if (!(bytes instanceof Uint8Array)) throw hcardError('HCARD_E_CERT_MALFORMED', 'not bytes');
  const length = outerLength(bytes);
  if (length > bytes.length) throw hcardError('HCARD_E_CERT_MALFORMED', 'truncated');
  if (bytes.subarray(length).some((b) => b !== 0)) {
    throw hcardError('HCARD_E_CERT_MALFORMED', 'non-zero bytes after the certificate');
  }
  const der = bytes.slice(0, length);
  const parsed = AsnParser.parse(der, CertificateSchema);
  const { tbs } = parsed;
  if (tbs.version !== 0) throw hcardError('HCARD_E_CERT_MALFORMED', 'unsupported version');
  const role = (Object.keys(ROLE_CODES) as CertificateRole[]).find((r) => ROLE_CODES[r] === tbs.role);
  if (role === undefined) throw hcardError('HCARD_E_CERT_MALFORMED', 'unknown role');
  const compressedKey = checkLength(
    new Uint8Array(tbs.publicKey),
    'publicKey',
    SM2_COMPRESSED_PUBLIC_KEY_LENGTH,
    SM2_COMPRESSED_PUBLIC_KEY_LENGTH,
    'HCARD_E_CERT_MALFORMED',
  );
  const certificate: CompactCertificate = {
    version: 0,
    serial: new Uint8Array(tbs.serial),
    issuerId: new Uint8Array(tbs.issuerId),
    subjectId: new Uint8Array(tbs.subjectId),
    role,
    notBefore: bcdToDate(new Uint8Array(tbs.notBefore), 'notBefore'),
    notAfter: bcdToDate(new Uint8Array(tbs.notAfter), 'notAfter'),
    publicKey: sm2DecompressPublicKey(compressedKey),
    signature: new Uint8Array(parsed.signature),
    tbs: new Uint8Array(AsnSerializer.serialize(tbs)),
  };
  // Canonical form only: re-encoding must give back the very bytes read. This rejects BER
  // leniencies of the parser (long-form lengths, constructed strings, extra elements), so the
  // signature is always checked over the one DER encoding of these fields.
  if (!equalBytes(encodeWith(certificate, undefined, 'HCARD_E_CERT_MALFORMED'), der)) {
    throw hcardError('HCARD_E_CERT_MALFORMED', 'not the canonical DER encoding');
  }
  return certificate;
}

/**
 * Signs `fields` with the issuer's private key (SM2, default user ID, over DER(tbs)) and returns
 * the encoded certificate, padded to `fieldSize` when given.
 */
export function issueCertificate(
  fields: CertificateFields,
  issuerPrivateKey: Uint8Array,
  fieldSize?: number,
  signOptions: Sm2SignOptions = {},
): Uint8Array {
  const signature = sm2Sign(issuerPrivateKey, encodeCertificateTbs(fields), signOptions);
  return encodeCertificate({ ...fields, signature }, fieldSize);
}

export interface VerifyCertificateOptions {
  /** The day to check validity on, `YYYYMMDD`; default today in Beijing time (UTC+8). */
  at?: string;
  /** When given, a certificate of another role is untrusted (e.g. a SAM key posing as an issuer). */
  role?: CertificateRole;
}

/** Today's date in Beijing time (UTC+8, no daylight saving), the time zone of card validity dates. */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Checks the issuer's signature with `trustedPublicKey` (over DER of the certificate's fields),
 * the role when asked, then the validity period (both ends inclusive), and returns the certified
 * public key (65 bytes). Throws HCARD_E_CERT_UNTRUSTED
 * or HCARD_E_CERT_EXPIRED (HCARD_E_CERT_MALFORMED for undecodable bytes).
 */
export function verifyCertificate(
  certificate: CompactCertificate | Uint8Array,
  trustedPublicKey: Uint8Array,
  options: VerifyCertificateOptions = {},
): Uint8Array {
  const cert = certificate instanceof Uint8Array ? decodeCertificate(certificate) : certificate;
  // The signature is checked over the tbs rebuilt from the very fields used below, not over
  // `cert.tbs`: an object whose fields were edited after decoding must not pass.
  const tbs = new Uint8Array(AsnSerializer.serialize(tbsSchemaOf(cert, 'HCARD_E_CERT_MALFORMED')));
  if (!sm2Verify(trustedPublicKey, tbs, cert.signature)) {
    throw hcardError('HCARD_E_CERT_UNTRUSTED', 'the signature does not verify with the trusted key', {
      serial: toHex(cert.serial),
    });
  }
  if (options.role !== undefined && cert.role !== options.role) {
    throw hcardError('HCARD_E_CERT_UNTRUSTED', `expected a ${options.role} certificate, got ${cert.role}`, {
      serial: toHex(cert.serial),
    });
  }
  const at = options.at ?? beijingDate();
  if (!isCalendarDate(at)) throw hcardError('HCARD_E_ARG_INVALID', 'at must be a YYYYMMDD date');
  if (at < cert.notBefore || at > cert.notAfter) {
    throw hcardError('HCARD_E_CERT_EXPIRED', `valid ${cert.notBefore}–${cert.notAfter}, checked on ${at}`, {
      serial: toHex(cert.serial),
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    });
  }
  return sm2DecompressPublicKey(cert.publicKey);
}
