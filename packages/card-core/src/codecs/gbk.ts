/**
 * Code page 936 (GBK) encoding, checked character by character. iconv-lite silently turns an
 * unencodable character into '?' (architecture.md §10); here the encode table is the exact
 * inverse of Node's WHATWG `gbk` decoder, so encode and decode always agree, and a missing
 * character is reported by the caller with its name.
 */

let encodeTable: Map<number, number> | undefined;

/** code point → 2-byte GBK value (lead << 8 | trail); ASCII is handled by the caller. */
function table(): Map<number, number> {
  if (encodeTable) return encodeTable;
  const decoder = new TextDecoder('gbk');
  const map = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const s = decoder.decode(pair);
      const cp = s.codePointAt(0)!;
      // First pointer wins, as in the WHATWG index lookup.
      if (s.length === 1 && cp !== 0xfffd && !map.has(cp)) map.set(cp, (lead << 8) | trail);
    }
  }
  encodeTable = map;
  return map;
}

/** Code page 936's one non-ASCII single byte: 0x80 is the euro sign. */
export const GBK_EURO = 0x80;

/**
 * GBK bytes of one non-ASCII code point as a number (0x80 for '€', lead << 8 | trail for the
 * rest), or undefined when code page 936 has no such character.
 */
export function gbkCodeOf(codePoint: number): number | undefined {
  return codePoint === 0x20ac ? GBK_EURO : table().get(codePoint);
}

/** GB 2312 (EUC-CN) two-byte ranges: rows A1–A9 symbols, B0–F7 hanzi; cells A1–FE. */
export function isGb2312Pair(lead: number, trail: number): boolean {
  return ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe;
}
