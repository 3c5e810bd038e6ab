/**
 * BER-TLV (ISO/IEC 7816-4 §5.2.2, ISO/IEC 8825-1): multi-byte tags, definite lengths up to 4
 * bytes, constructed objects decoded recursively. Used for FCI/FCP templates and PBOC records.
 */
import { concatBytes } from '../bytes.js';
import { hcardError } from '../errors.js';

export interface BerTlv {
  /** Tag as an unsigned number of its bytes, e.g. 0x9F38. */
  readonly tag: number;
  readonly constructed: boolean;
  /** Raw value bytes (for constructed objects too). */
  readonly value: Uint8Array;
  /** Children of a constructed object. */
  readonly children?: readonly BerTlv[];
}

const MAX_DEPTH = 16;

function readTag(bytes: Uint8Array, p: number): { tag: number; constructed: boolean; next: number } {
  const first = bytes[p];
  if (first === undefined) throw hcardError('HCARD_E_TLV_MALFORMED', 'truncated tag');
  let tag = first;
  let q = p + 1;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent bytes follow while bit 8 is set (§5.2.2.1); we accept tags of up to 3 bytes.
    for (;;) {
      const b = bytes[q++];
      if (b === undefined) throw hcardError('HCARD_E_TLV_MALFORMED', 'truncated multi-byte tag');
      tag = tag * 256 + b;
      if ((b & 0x80) === 0) break;
      if (q - p >= 3) throw hcardError('HCARD_E_TLV_MALFORMED', 'tag longer than 3 bytes');
    }
  }
  return { tag, constructed: (first & 0x20) !== 0, next: q };
}

function readLength(bytes: Uint8Array, p: number): { length: number; next: number } {
  const first = bytes[p];
  if (first === undefined) throw hcardError('HCARD_E_TLV_MALFORMED', 'truncated length');
  if (first < 0x80) return { length: first, next: p + 1 };
  const n = first & 0x7f;
  if (n === 0) throw hcardError('HCARD_E_TLV_MALFORMED', 'indefinite length is not allowed');
  if (n > 4) throw hcardError('HCARD_E_TLV_MALFORMED', `length field of ${n} bytes`);
  if (p + 1 + n > bytes.length) throw hcardError('HCARD_E_TLV_MALFORMED', 'truncated length');
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[p + 1 + i]!;
  return { length, next: p + 1 + n };
}

function decodeAll(bytes: Uint8Array, depth: number): BerTlv[] {
  if (depth > MAX_DEPTH) throw hcardError('HCARD_E_TLV_MALFORMED', 'nesting too deep');
  const out: BerTlv[] = [];
  let p = 0;
  while (p < bytes.length) {
    // 00 and FF between objects are padding (ISO/IEC 7816-4 §5.2.2).
    if (bytes[p] === 0x00 || bytes[p] === 0xff) {
      p++;
      continue;
    }
    const t = readTag(bytes, p);
    const l = readLength(bytes, t.next);
    const end = l.next + l.length;
    if (end > bytes.length)
      throw hcardError('HCARD_E_TLV_MALFORMED', `value of tag ${t.tag.toString(16)} truncated`);
    const value = bytes.slice(l.next, end);
    out.push(
      t.constructed
        ? { tag: t.tag, constructed: true, value, children: decodeAll(value, depth + 1) }
        : { tag: t.tag, constructed: false, value },
    );
    p = end;
  }
  return out;
}

/** Decodes a sequence of BER-TLV objects. Any malformed input throws HCARD_E_TLV_MALFORMED. */
export function decodeBerTlv(bytes: Uint8Array): BerTlv[] {
  return decodeAll(bytes, 0);
}

/** The tag's bytes, checked against ISO/IEC 7816-4 §5.2.2.1 so the decoder can read them back. */
function tagBytes(tag: number): number[] {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xffffff) {
    throw hcardError('HCARD_E_TLV_MALFORMED', `tag ${tag}`);
  }
  const out: number[] = [];
  for (let t = tag; t > 0; t = Math.floor(t / 256)) out.unshift(t & 0xff);
  const [first, ...rest] = out as [number, ...number[]];
  // Low 5 bits all set announce more tag bytes: each has bit 8 set except the last.
  const valid =
    first !== 0xff &&
    ((first & 0x1f) === 0x1f
      ? rest.length > 0 && rest.every((b, i) => (i === rest.length - 1 ? b < 0x80 : b >= 0x80))
      : rest.length === 0);
  if (!valid)
    throw hcardError('HCARD_E_TLV_MALFORMED', `tag ${tag.toString(16).toUpperCase()} is not a valid BER tag`);
  return out;
}

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** Encodes one object; a constructed object with `children` is encoded from them. */
export function encodeBerTlv(tlv: {
  tag: number;
  value?: Uint8Array;
  children?: readonly BerTlv[];
}): Uint8Array {
  const value = tlv.children
    ? concatBytes(...tlv.children.map(encodeBerTlv))
    : (tlv.value ?? new Uint8Array());
  const head = [...tagBytes(tlv.tag), ...lengthBytes(value.length)];
  const out = new Uint8Array(head.length + value.length);
  out.set(head);
  out.set(value, head.length);
  return out;
}

/** Depth-first search for the first object with `tag`. */
export function findBerTlv(objects: readonly BerTlv[], tag: number): BerTlv | undefined {
  for (const o of objects) {
    if (o.tag === tag) return o;
    const inner = o.children && findBerTlv(o.children, tag);
    if (inner) return inner;
  }
  return undefined;
}
