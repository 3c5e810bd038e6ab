/**
 * ISO/IEC 7816-4 command factories, in the forms the health card uses (spec §6, §9.2).
 * Arguments are checked here so a bad call fails before anything reaches the card.
 */

import type { SwTable } from '../apdu/status-words.js';
import { fromHex } from '../bytes.js';
import { hcardError } from '../errors.js';
import type { CommandDescriptor } from './descriptor.js';

function checkRange(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw hcardError('HCARD_E_ARG_INVALID', `${name} ${v} outside ${min}–${max}`);
}

/** Authentication failures are refusals even though ISO files 63Cx under warnings. */
const AUTH_STATUSES: SwTable = [
  {
    pattern: '63Cx',
    outcome: 'refused',
    meaning: 'authentication failed, x tries left',
    source: 'ISO 7816-4',
  },
  { pattern: '6300', outcome: 'refused', meaning: 'authentication failed', source: 'ISO 7816-4' },
];

/**
 * What a card answers to a SELECT of an application it does not hold: 6A82 (not found), or 6A86
 * (P1-P2) and 6D00 (instruction) from a COS that cannot select that way at all, as a health card
 * alone answers a SELECT by DF name: it cannot hold an application selected by name.
 */
export const APPLICATION_NOT_THERE: ReadonlySet<number> = new Set([0x6a82, 0x6a86, 0x6d00]);

/** SELECT by file identifier, P1=00 P2=00 (spec §3.2: the DLL selects everything by FID). */
export function selectFile(fid: string): CommandDescriptor {
  if (!/^[0-9A-Fa-f]{4}$/.test(fid))
    throw hcardError('HCARD_E_ARG_INVALID', `FID ${fid} is not 4 hex digits`);
  return {
    name: `SELECT ${fid.toUpperCase()}`,
    apdu: { cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex(fid) },
  };
}

/** READ RECORD by number (P2=04) or by record identifier = SIMPLE-TLV tag (P2=00), spec §3.3. */
export function readRecord(ref: number, by: 'number' | 'identifier' = 'number', ne = 256): CommandDescriptor {
  checkRange('record', ref, 1, 254);
  checkRange('Le', ne, 1, 256);
  return {
    name: `READ RECORD ${by === 'number' ? '#' : 'id '}${ref}`,
    apdu: { cla: 0x00, ins: 0xb2, p1: ref, p2: by === 'number' ? 0x04 : 0x00, ne },
  };
}

/** READ BINARY with a 15-bit offset (P1 bit 8 = 0). */
export function readBinary(offset: number, ne: number): CommandDescriptor {
  checkRange('offset', offset, 0, 0x7fff);
  checkRange('Le', ne, 1, 256);
  return { name: 'READ BINARY', apdu: { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne } };
}

export function updateBinary(offset: number, data: Uint8Array): CommandDescriptor {
  checkRange('offset', offset, 0, 0x7fff);
  checkRange('length', data.length, 1, 255);
  return { name: 'UPDATE BINARY', apdu: { cla: 0x00, ins: 0xd6, p1: offset >> 8, p2: offset & 0xff, data } };
}

/** Plain UPDATE RECORD; P2=04 updates record P1, P2=03 (P1=00) adds a cyclic record. */
export function updateRecord(record: number, p2: 0x04 | 0x03, data: Uint8Array): CommandDescriptor {
  checkRange('record', record, 0, 254);
  return { name: 'UPDATE RECORD', apdu: { cla: 0x00, ins: 0xdc, p1: record, p2, data } };
}

export function getChallenge(length = 8): CommandDescriptor {
  return { name: 'GET CHALLENGE', apdu: { cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, ne: length } };
}

/** EXTERNAL AUTHENTICATE in the health card's 17-byte form A(8) ‖ T(8) ‖ 01 (spec §6.2). */
export function externalAuthenticate(keyRef: number, data: Uint8Array): CommandDescriptor {
  checkRange('key reference', keyRef, 0, 255);
  return {
    name: 'EXTERNAL AUTHENTICATE',
    apdu: { cla: 0x00, ins: 0x82, p1: 0x00, p2: keyRef, data },
    statuses: AUTH_STATUSES,
  };
}

export function getResponse(ne: number): CommandDescriptor {
  checkRange('Le', ne, 1, 256);
  return { name: 'GET RESPONSE', apdu: { cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, ne } };
}

/** VERIFY with a PIN given as decimal digits, packed two per byte ("123456" → 12 34 56). */
export function verifyPin(pin: string): CommandDescriptor {
  if (!/^\d{4,16}$/.test(pin) || pin.length % 2 !== 0) {
    throw hcardError('HCARD_E_ARG_INVALID', 'PIN must be an even number (4–16) of digits');
  }
  return {
    name: 'VERIFY',
    apdu: { cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x00, data: fromHex(pin) },
    statuses: AUTH_STATUSES,
  };
}

/** A command built elsewhere (secure messaging), sent as it is. */
export function rawCommand(
  name: string,
  cla: number,
  ins: number,
  p1: number,
  p2: number,
  data?: Uint8Array,
): CommandDescriptor {
  return data === undefined
    ? { name, apdu: { cla, ins, p1, p2 } }
    : { name, apdu: { cla, ins, p1, p2, data } };
}
