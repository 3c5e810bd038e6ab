/**
 * The EMV / PBOC commands the bank reader sends (spec B.1, B.3, B.4), as command descriptors.
 * Never GENERATE AC: reading the application must not start a payment. Descriptor names carry
 * no data (they end up in refusals and logs).
 */
import { concatBytes, toHex } from '../bytes.js';
import type { CommandDescriptor } from '../commands/descriptor.js';
import { hcardError } from '../errors.js';
import { EMV_TAG } from './bank-tags.js';

/** SELECT by DF name: P2 00 the first (or only) occurrence, 02 the next one (ISO 7816-4 §7.1.1). */
export function selectByName(name: Uint8Array, occurrence: 'first' | 'next' = 'first'): CommandDescriptor {
  if (name.length < 1 || name.length > 16)
    throw hcardError('HCARD_E_ARG_INVALID', `DF name of ${name.length} bytes (1–16)`);
  return {
    name: `SELECT ${toHex(name)}`,
    apdu: { cla: 0x00, ins: 0xa4, p1: 0x04, p2: occurrence === 'first' ? 0x00 : 0x02, data: name, ne: 256 },
  };
}

/** READ RECORD `record` of short file `sfi`: P2 = SFI << 3 | 4 (spec B.3). */
export function readRecordSfi(sfi: number, record: number): CommandDescriptor {
  if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30)
    throw hcardError('HCARD_E_ARG_INVALID', `SFI ${sfi} outside 1–30`);
  if (!Number.isInteger(record) || record < 1 || record > 254)
    throw hcardError('HCARD_E_ARG_INVALID', `record ${record} outside 1–254`);
  return {
    name: `READ RECORD SFI ${sfi} #${record}`,
    apdu: { cla: 0x00, ins: 0xb2, p1: record, p2: (sfi << 3) | 0x04, ne: 256 },
  };
}

/** GET PROCESSING OPTIONS with the PDOL values (empty when the card has no PDOL): `83 L values`. */
export function getProcessingOptions(pdolData: Uint8Array = new Uint8Array()): CommandDescriptor {
  if (pdolData.length > 252) throw hcardError('HCARD_E_ARG_INVALID', `PDOL data of ${pdolData.length} bytes`);
  return {
    name: pdolData.length === 0 ? 'GET PROCESSING OPTIONS (empty PDOL)' : 'GET PROCESSING OPTIONS',
    apdu: {
      cla: 0x80,
      ins: 0xa8,
      p1: 0x00,
      p2: 0x00,
      data: concatBytes(Uint8Array.of(EMV_TAG.COMMAND_TEMPLATE, pdolData.length), pdolData),
      ne: 256,
    },
  };
}

/** GET DATA of a primitive tag such as 9F36 (ATC) or 9F17 (PIN try counter): `80 CA tag 00`. */
export function getData(tag: number): CommandDescriptor {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffff)
    throw hcardError('HCARD_E_ARG_INVALID', `tag ${tag} is not 1–2 bytes`);
  return {
    name: `GET DATA ${tag.toString(16).toUpperCase().padStart(4, '0')}`,
    apdu: { cla: 0x80, ins: 0xca, p1: tag >> 8, p2: tag & 0xff, ne: 256 },
  };
}
