/**
 * Values of SSSE items as text (spec A.3, A.4): the reader decodes records with these, the
 * emulator's image builder encodes them, so both sides share one definition. Card bytes that do
 * not decode are the card's fault (HCARD_E_CARD_DATA_INVALID); values that do not encode are
 * the caller's (the codec's own code). Messages name the item, never its value.
 */
import { decodeAns, encodeAns } from '../codecs/ans.js';
import { decodeB, encodeB } from '../codecs/b.js';
import { decodeCn, encodeCn } from '../codecs/cn.js';
import { HcardError, hcardError } from '../errors.js';
import { isCalendarDate } from '../ids/gb11643.js';
import { decodeSimpleTlv, encodeSimpleTlv } from '../tlv/simple-tlv.js';
import type { SsseItem } from './ssse-items.js';

function named<T>(item: SsseItem, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof HcardError)) throw e;
    const detail = `SSSE ${item.file} ${item.key}${e.detail ? `: ${e.detail}` : ''}`;
    throw new HcardError(e.code, detail, { ...e.details, item: item.key }, e.cause);
  }
}

export function encodeSsseValue(item: SsseItem, value: string): Uint8Array {
  return named(item, () => {
    switch (item.encoding) {
      case 'b':
        return encodeB(value, item.length);
      case 'cn':
        return encodeCn(value, item.length);
      case 'date':
        if (!isCalendarDate(value)) throw hcardError('HCARD_E_CN_INVALID', 'not a date YYYYMMDD');
        return encodeCn(value, item.length);
      case 'an':
        if (!/^[\x20-\x7e]*$/.test(value))
          throw hcardError('HCARD_E_ANS_UNMAPPABLE', 'an fields hold printable ASCII only');
        return encodeAns(value, item.length);
      case 'gbk':
        return encodeAns(value, item.length, 'gbk');
    }
  });
}

export function decodeSsseValue(item: SsseItem, bytes: Uint8Array): string {
  try {
    return named(item, () => {
      switch (item.encoding) {
        case 'b':
          return decodeB(bytes);
        case 'cn':
        case 'date':
          return decodeCn(bytes);
        case 'an':
        case 'gbk':
          // Padding is 00 (cut by decodeAns) or spaces on some cards (A.4: trim both).
          return decodeAns(bytes, 'gbk').trim();
      }
    });
  } catch (e) {
    if (e instanceof HcardError) throw hcardError('HCARD_E_CARD_DATA_INVALID', e.detail, e.details, e);
    throw e;
  }
}

/** The record of an item: tag ‖ length ‖ value (A.3). */
export const encodeSsseRecord = (item: SsseItem, value: string): Uint8Array =>
  encodeSimpleTlv({ tag: item.tag, value: encodeSsseValue(item, value) });

/**
 * Decodes a record read from the card: it must be one SIMPLE-TLV with the item's tag. 卡号 keeps
 * its first 9 characters whatever the length (the official driver's rule, A.6); every other
 * value must have the item's length.
 */
export function decodeSsseRecord(item: SsseItem, record: Uint8Array): string {
  let tlv: ReturnType<typeof decodeSimpleTlv>;
  try {
    tlv = decodeSimpleTlv(record);
  } catch (e) {
    throw hcardError('HCARD_E_CARD_DATA_INVALID', `SSSE ${item.key} record is not SIMPLE-TLV`, {}, e);
  }
  const lengthOk =
    item.key === 'cardNumber' ? tlv.value.length >= item.length : tlv.value.length === item.length;
  if (tlv.tag !== item.tag || !lengthOk) {
    throw hcardError(
      'HCARD_E_CARD_DATA_INVALID',
      `SSSE ${item.key} record has tag ${hex2(tlv.tag)} and ${tlv.value.length} bytes`,
      { item: item.key },
    );
  }
  return decodeSsseValue(item, tlv.value.subarray(0, item.length));
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
