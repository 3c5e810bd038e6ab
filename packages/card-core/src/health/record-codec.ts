/**
 * Byte layouts of the health card's records, driven by the profile: SIMPLE-TLV records
 * (items 1–57), raw records (allergy, immunisation, index) and encounter files (EE/ED).
 * Shared by the session (reading a card), the emulator and issuance (building images).
 */
import { type CodecOptions, decodeItemValue, encodeItemValue } from '../codecs/item-codec.js';
import { hcardError, isHcardError } from '../errors.js';
import { fileDef, itemsOfFile, itemsOfLayout } from '../profiles/lookup.js';
import type { CardProfile, DataItem, LayoutId } from '../profiles/types.js';
import { decodeSimpleTlv, encodeSimpleTlv } from '../tlv/simple-tlv.js';

/** Card bytes that do not decode are the card's fault, not the caller's. */
function decodeFromCard(item: DataItem, bytes: Uint8Array, options: CodecOptions): string {
  try {
    return decodeItemValue(item, bytes, options);
  } catch (e) {
    if (isHcardError(e)) throw hcardError('HCARD_E_CARD_DATA_INVALID', e.detail, e.details, e);
    throw e;
  }
}

/** tag ‖ len ‖ value padded to the item's fixed length (spec §3.3). */
export function encodeTlvRecord(item: DataItem, value: string, options: CodecOptions = {}): Uint8Array {
  if (item.location.kind !== 'tlv')
    throw hcardError('HCARD_E_ARG_INVALID', `item ${item.key} is not a TLV item`);
  return encodeSimpleTlv({ tag: item.location.tag, value: encodeItemValue(item, value, options) });
}

/** Checks tag and fixed length, then decodes the value. */
export function decodeTlvRecord(item: DataItem, record: Uint8Array, options: CodecOptions = {}): string {
  const loc = item.location;
  let tlv: ReturnType<typeof decodeSimpleTlv>;
  try {
    tlv = decodeSimpleTlv(record);
  } catch (e) {
    throw hcardError(
      'HCARD_E_CARD_DATA_INVALID',
      `record of item ${item.no} is not SIMPLE-TLV`,
      { item: item.no },
      e,
    );
  }
  if (loc.kind !== 'tlv' || tlv.tag !== loc.tag || tlv.value.length !== item.length) {
    throw hcardError(
      'HCARD_E_CARD_DATA_INVALID',
      `record of item ${item.no} has tag ${tlv.tag} and ${tlv.value.length} bytes`,
      { item: item.no },
    );
  }
  return decodeFromCard(item, tlv.value, options);
}

/** The value an unwritten field gets: empty text or digits; zero bytes for b. */
export const emptyValue = (item: DataItem): string => (item.type === 'b' ? '00'.repeat(item.length) : '');

/** One raw record (allergy, immunisation) from field values; missing fields are empty. */
export function encodeRawRecord(
  profile: CardProfile,
  path: string,
  values: Readonly<Record<string, string>>,
  options: CodecOptions = {},
): Uint8Array {
  const record = new Uint8Array(fileDef(profile, path).recordLength!);
  for (const item of itemsOfFile(profile, path)) {
    if (item.location.kind !== 'record') continue;
    record.set(encodeItemValue(item, values[item.key] ?? emptyValue(item), options), item.location.offset);
  }
  return record;
}

/** Field values of a raw record, or undefined for an empty record (all 00 or all FF). */
export function decodeRawRecord(
  profile: CardProfile,
  path: string,
  record: Uint8Array,
  options: CodecOptions = {},
): Record<string, string> | undefined {
  if (record.every((b) => b === 0x00) || record.every((b) => b === 0xff)) return undefined;
  const values: Record<string, string> = {};
  for (const item of itemsOfFile(profile, path)) {
    if (item.location.kind !== 'record') continue;
    const { offset } = item.location;
    values[item.key] = decodeFromCard(item, record.subarray(offset, offset + item.length), options);
  }
  return values;
}

/**
 * The data part of an encounter record (before the signature) from item values; fields not
 * given are empty. Unknown keys are an error, so a typo never silently drops data.
 */
export function encodeEncounter(
  profile: CardProfile,
  kind: LayoutId,
  values: Readonly<Record<string, string>>,
  options: CodecOptions = {},
  length = profile.layouts[kind].dataLength,
): Uint8Array {
  const out = new Uint8Array(length);
  const written = new Set<string>();
  for (const item of itemsOfLayout(profile, kind)) {
    if (item.location.kind !== 'binary' || item.location.offset + item.length > length) continue;
    written.add(item.key);
    out.set(encodeItemValue(item, values[item.key] ?? emptyValue(item), options), item.location.offset);
  }
  for (const key of Object.keys(values)) {
    if (!written.has(key))
      throw hcardError('HCARD_E_PROFILE_ITEM_UNKNOWN', `${key} is not a ${kind} data item`);
  }
  return out;
}

/** Every field of an encounter file (signature and certificate as hex). */
export function decodeEncounter(
  profile: CardProfile,
  kind: LayoutId,
  bytes: Uint8Array,
  options: CodecOptions = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of itemsOfLayout(profile, kind)) {
    if (item.location.kind !== 'binary') continue;
    const { offset } = item.location;
    out[item.key] = decodeFromCard(item, bytes.subarray(offset, offset + item.length), options);
  }
  return out;
}
