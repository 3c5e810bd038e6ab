/**
 * SIMPLE-TLV (ISO/IEC 7816-4 §5.2.1): tag 1 byte (01–FE), length 1 byte (00–FE) or FF + 2 bytes.
 * The health card keeps one SIMPLE-TLV per record, tag = item number (spec §3.3).
 */
import { hcardError } from '../errors.js';

export interface SimpleTlv {
  readonly tag: number;
  readonly value: Uint8Array;
}

export function encodeSimpleTlv({ tag, value }: SimpleTlv): Uint8Array {
  if (!Number.isInteger(tag) || tag < 0x01 || tag > 0xfe) {
    throw hcardError('HCARD_E_TLV_MALFORMED', `SIMPLE-TLV tag ${tag} outside 01–FE`);
  }
  if (value.length > 0xffff) throw hcardError('HCARD_E_TLV_MALFORMED', 'SIMPLE-TLV value over 65535 bytes');
  const head =
    value.length < 0xff ? [tag, value.length] : [tag, 0xff, value.length >> 8, value.length & 0xff];
  const out = new Uint8Array(head.length + value.length);
  out.set(head);
  out.set(value, head.length);
  return out;
}

/** Decodes one SIMPLE-TLV at `offset`; returns it and the offset after it. */
export function decodeSimpleTlvAt(bytes: Uint8Array, offset = 0): { tlv: SimpleTlv; next: number } {
  const tag = bytes[offset];
  if (tag === undefined) throw hcardError('HCARD_E_TLV_MALFORMED', 'no tag');
  if (tag === 0x00 || tag === 0xff)
    throw hcardError('HCARD_E_TLV_MALFORMED', `invalid SIMPLE-TLV tag ${tag}`);
  let p = offset + 1;
  let len = bytes[p++];
  if (len === undefined) throw hcardError('HCARD_E_TLV_MALFORMED', 'no length');
  if (len === 0xff) {
    if (p + 2 > bytes.length) throw hcardError('HCARD_E_TLV_MALFORMED', 'truncated 3-byte length');
    len = (bytes[p]! << 8) | bytes[p + 1]!;
    p += 2;
  }
  if (p + len > bytes.length) throw hcardError('HCARD_E_TLV_MALFORMED', `value of ${len} bytes truncated`);
  return { tlv: { tag, value: bytes.slice(p, p + len) }, next: p + len };
}

/** Decodes a whole buffer that must be exactly one SIMPLE-TLV. */
export function decodeSimpleTlv(bytes: Uint8Array): SimpleTlv {
  const { tlv, next } = decodeSimpleTlvAt(bytes, 0);
  if (next !== bytes.length)
    throw hcardError('HCARD_E_TLV_MALFORMED', `${bytes.length - next} bytes after the TLV`);
  return tlv;
}
