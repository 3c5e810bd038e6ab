/**
 * PC/SC return codes (pcsc-lite pcsclite.h, winscard) and the catalogue code each becomes. The
 * native name and value stay on the error (`details.pcsc`, `details.pcscCode`).
 */
import { type ErrorCode, HcardError } from '@hcard/card-core';

/** [name, value, catalogue code] */
const SCARD_CODES: readonly (readonly [string, number, ErrorCode])[] = [
  ['SCARD_F_INTERNAL_ERROR', 0x80100001, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_CANCELLED', 0x80100002, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_INVALID_HANDLE', 0x80100003, 'HCARD_E_CARD_REMOVED'],
  ['SCARD_E_INVALID_PARAMETER', 0x80100004, 'HCARD_E_ARG_INVALID'],
  ['SCARD_E_NO_MEMORY', 0x80100006, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_INSUFFICIENT_BUFFER', 0x80100008, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_UNKNOWN_READER', 0x80100009, 'HCARD_E_READER_NOT_FOUND'],
  ['SCARD_E_TIMEOUT', 0x8010000a, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_SHARING_VIOLATION', 0x8010000b, 'HCARD_E_READER_BUSY'],
  ['SCARD_E_NO_SMARTCARD', 0x8010000c, 'HCARD_E_NO_CARD'],
  ['SCARD_E_UNKNOWN_CARD', 0x8010000d, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_PROTO_MISMATCH', 0x8010000f, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_NOT_READY', 0x80100010, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_SYSTEM_CANCELLED', 0x80100012, 'HCARD_E_TRANSPORT'],
  ['SCARD_F_COMM_ERROR', 0x80100013, 'HCARD_E_TRANSPORT'],
  ['SCARD_F_UNKNOWN_ERROR', 0x80100014, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_INVALID_ATR', 0x80100015, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_NOT_TRANSACTED', 0x80100016, 'HCARD_E_TRANSPORT'],
  ['SCARD_E_READER_UNAVAILABLE', 0x80100017, 'HCARD_E_READER_NOT_FOUND'],
  ['SCARD_E_NO_SERVICE', 0x8010001d, 'HCARD_E_PCSC_NO_SERVICE'],
  ['SCARD_E_SERVICE_STOPPED', 0x8010001e, 'HCARD_E_PCSC_NO_SERVICE'],
  ['SCARD_E_NO_READERS_AVAILABLE', 0x8010002e, 'HCARD_E_READER_NOT_FOUND'],
  ['SCARD_E_COMM_DATA_LOST', 0x8010002f, 'HCARD_E_TRANSPORT'],
  ['SCARD_W_UNSUPPORTED_CARD', 0x80100065, 'HCARD_E_TRANSPORT'],
  ['SCARD_W_UNRESPONSIVE_CARD', 0x80100066, 'HCARD_E_TRANSPORT'],
  ['SCARD_W_UNPOWERED_CARD', 0x80100067, 'HCARD_E_CARD_REMOVED'],
  ['SCARD_W_RESET_CARD', 0x80100068, 'HCARD_E_CARD_REMOVED'],
  ['SCARD_W_REMOVED_CARD', 0x80100069, 'HCARD_E_CARD_REMOVED'],
];

const BY_VALUE = new Map(SCARD_CODES.map(([name, value, code]) => [value, { name, code }]));

/** The native code in a pcsclite error message: "SCardTransmit error: Card was removed.(0x80100069)". */
export function pcscCodeOf(error: unknown): number | undefined {
  const m = /\(0x([0-9a-f]{8})\)/i.exec(error instanceof Error ? error.message : String(error));
  return m ? Number.parseInt(m[1]!, 16) : undefined;
}

/** Turns a pcsclite failure into a catalogue error that keeps the native code. */
export function pcscError(error: unknown, context: { operation: string; reader?: string }): HcardError {
  const value = pcscCodeOf(error);
  const known = value === undefined ? undefined : BY_VALUE.get(value);
  const code: ErrorCode = known?.code ?? 'HCARD_E_TRANSPORT';
  const native = known?.name ?? (value === undefined ? 'unknown' : `0x${value.toString(16).toUpperCase()}`);
  return new HcardError(
    code,
    `${context.operation}${context.reader ? ` on "${context.reader}"` : ''}: ${native}`,
    {
      ...(context.reader ? { reader: context.reader } : {}),
      pcsc: native,
      ...(value === undefined ? {} : { pcscCode: value }),
      disconnected: code === 'HCARD_E_CARD_REMOVED' || code === 'HCARD_E_PCSC_NO_SERVICE',
    },
    error,
  );
}
