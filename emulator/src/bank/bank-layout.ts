/**
 * Where an emulated bank application keeps its data elements: the FCI of spec B.2, the PSE
 * directory (B.1), the records the AFL names and the GPO response (B.3). The record layout is a
 * table; it follows the common PBOC personalisation (track 2 and name first, then PAN and dates,
 * then the holder's ID), so a reader that stops at PAN and name reads two records.
 */
import {
  asciiBytes,
  type BerTlv,
  BANK_DATA_TAG as DATA,
  EMV_TAG as EMV,
  encodeAnsText,
  encodeBerTlv,
  fromHex,
  PSE_NAME,
  u16be,
} from '@hcard/card-core';
import type { BankImage } from './bank-image.js';

type Element = { readonly tag: number; readonly value: Uint8Array };

const tlv = (tag: number, value: Uint8Array): BerTlv => ({ tag, constructed: false, value });
const template = (tag: number, children: readonly BerTlv[]): Uint8Array =>
  encodeBerTlv({ tag, children: children as BerTlv[] });
const constructed = (tag: number, children: readonly BerTlv[]): BerTlv => ({
  tag,
  constructed: true,
  value: new Uint8Array(),
  children,
});

/** Digits as BCD, right-padded with F to whole bytes. */
export function bcd(digits: string): Uint8Array {
  return fromHex(digits.length % 2 === 0 ? digits : `${digits}F`);
}

/** Track 2 equivalent data (57): PAN D YYMM service-code discretionary, padded with F (spec B.4). */
export function track2Of(image: BankImage): Uint8Array {
  return fromHex(
    padF(`${image.pan}D${image.expiryDate.slice(0, 4)}${image.serviceCode}${image.track2Discretionary}`),
  );
}

const padF = (nibbles: string) => (nibbles.length % 2 === 0 ? nibbles : `${nibbles}F`);

/** The data elements of the image by tag; absent ones (no name, no ID) are left out. */
function elements(image: BankImage): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>([
    [DATA.TRACK_2, track2Of(image)],
    [DATA.PAN, bcd(image.pan)],
    [DATA.PAN_SEQUENCE, fromHex(String(image.panSequence).padStart(2, '0'))],
    [DATA.EFFECTIVE, fromHex(image.effectiveDate)],
    [DATA.EXPIRY, fromHex(image.expiryDate)],
    [DATA.ISSUER_COUNTRY, fromHex('0156')],
  ]);
  if (image.holderName !== undefined) out.set(DATA.HOLDER_NAME, encodeAnsText(image.holderName, 'gbk'));
  if (image.holderIdNumber !== undefined) {
    out.set(DATA.HOLDER_ID_NUMBER, asciiBytes(image.holderIdNumber));
    out.set(DATA.HOLDER_ID_TYPE, fromHex(image.holderIdType ?? '00'));
  }
  return out;
}

export interface RecordSlot {
  readonly sfi: number;
  readonly record: number;
  readonly tags: readonly number[];
  /** Whether the record takes part in offline data authentication (AFL byte 4). */
  readonly oda: boolean;
}

/** The application's records (template 70), in AFL order. */
export const RECORD_LAYOUT: readonly RecordSlot[] = [
  { sfi: 1, record: 1, tags: [DATA.TRACK_2, DATA.HOLDER_NAME], oda: false },
  {
    sfi: 2,
    record: 1,
    tags: [DATA.EXPIRY, DATA.EFFECTIVE, DATA.PAN, DATA.PAN_SEQUENCE, DATA.ISSUER_COUNTRY],
    oda: true,
  },
  { sfi: 2, record: 2, tags: [DATA.HOLDER_ID_NUMBER, DATA.HOLDER_ID_TYPE], oda: false },
];

/** Log files named in the FCI (9F4D, DF4D): present and empty, READ RECORD answers 6A83. */
export const LOG_FILES = { transactions: 0x0b, loads: 0x0c } as const;
const LOG_RECORDS = 10;

/** SFI → its records, each a template 70. */
export function recordsOf(image: BankImage): Map<number, Uint8Array[]> {
  const values = elements(image);
  const files = new Map<number, Uint8Array[]>();
  for (const slot of RECORD_LAYOUT) {
    const present: Element[] = slot.tags.flatMap((tag) => {
      const value = values.get(tag);
      return value ? [{ tag, value }] : [];
    });
    const records = files.get(slot.sfi) ?? [];
    records[slot.record - 1] = template(
      EMV.RECORD_TEMPLATE,
      present.map((e) => tlv(e.tag, e.value)),
    );
    files.set(slot.sfi, records);
  }
  for (const sfi of Object.values(LOG_FILES)) files.set(sfi, []);
  return files;
}

/** AFL: one entry per SFI of the layout (first record, last record, ODA records). */
export function aflOf(): Uint8Array {
  const bySfi = new Map<number, RecordSlot[]>();
  for (const slot of RECORD_LAYOUT) bySfi.set(slot.sfi, [...(bySfi.get(slot.sfi) ?? []), slot]);
  return Uint8Array.from(
    [...bySfi].flatMap(([sfi, slots]) => {
      const numbers = slots.map((s) => s.record);
      return [sfi << 3, Math.min(...numbers), Math.max(...numbers), slots.filter((s) => s.oda).length];
    }),
  );
}

/** The application's FCI (spec B.2): 6F { 84, A5 { 50, 87, 9F38?, 5F2D, 9F11, 9F12, BF0C } }. */
export function applicationFci(image: BankImage): Uint8Array {
  const label = asciiBytes(image.label);
  const proprietary = [
    tlv(EMV.LABEL, label),
    tlv(EMV.PRIORITY, Uint8Array.of(image.priority)),
    ...(image.pdol === undefined ? [] : [tlv(EMV.PDOL, fromHex(image.pdol))]),
    tlv(EMV.LANGUAGE, asciiBytes('zh')),
    tlv(EMV.CODE_TABLE, Uint8Array.of(0x01)),
    tlv(EMV.PREFERRED_NAME, label),
    constructed(EMV.FCI_ISSUER_DISCRETIONARY, [
      tlv(DATA.LOG_ENTRY, Uint8Array.of(LOG_FILES.transactions, LOG_RECORDS)),
      tlv(DATA.LOAD_LOG_ENTRY, Uint8Array.of(LOG_FILES.loads, LOG_RECORDS)),
      tlv(0xdf61, Uint8Array.of(0x02)), // 分段扣费应用标识
    ]),
  ];
  return template(EMV.FCI, [
    tlv(EMV.DF_NAME, fromHex(image.aid)),
    constructed(EMV.FCI_PROPRIETARY, proprietary),
  ]);
}

/** The PSE's directory file. */
export const PSE_DIRECTORY_SFI = 1;

/** The PSE's FCI: 6F { 84 1PAY.SYS.DDF01, A5 { 88 SFI, 5F2D } }. */
export function pseFci(): Uint8Array {
  return template(EMV.FCI, [
    tlv(EMV.DF_NAME, asciiBytes(PSE_NAME)),
    constructed(EMV.FCI_PROPRIETARY, [
      tlv(EMV.SFI_OF_DIRECTORY, Uint8Array.of(PSE_DIRECTORY_SFI)),
      tlv(EMV.LANGUAGE, asciiBytes('zh')),
    ]),
  ]);
}

/** The directory's one record: 70 { 61 { 4F, 50, 87 } }. */
export function pseDirectoryRecord(image: BankImage): Uint8Array {
  return template(EMV.RECORD_TEMPLATE, [
    constructed(EMV.APPLICATION_TEMPLATE, [
      tlv(EMV.AID, fromHex(image.aid)),
      tlv(EMV.LABEL, asciiBytes(image.label)),
      tlv(EMV.PRIORITY, Uint8Array.of(image.priority)),
    ]),
  ]);
}

/** GPO response: format 1 `80` AIP ‖ AFL, or format 2 `77` { 82, 94, 57, 9F36 } (spec B.3). */
export function gpoResponse(image: BankImage, atc: number): Uint8Array {
  const aip = fromHex(image.aip);
  if (image.gpoFormat === 1)
    return encodeBerTlv({ tag: EMV.GPO_FORMAT_1, value: Uint8Array.of(...aip, ...aflOf()) });
  return template(EMV.GPO_FORMAT_2, [
    tlv(EMV.AIP, aip),
    tlv(EMV.AFL, aflOf()),
    tlv(DATA.TRACK_2, track2Of(image)),
    tlv(DATA.ATC, u16be(atc)),
  ]);
}
