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

/**
 * Cells inside the GB 2312 rows that code page 936 fills with characters GB 2312-80 does not
 * have: small Roman numerals ⅰ–ⅹ, vertical punctuation forms and four pinyin letters. (Cells
 * GB 2312 leaves empty otherwise decode to the Private Use Area, which is excluded as a whole.)
 */
const GBK_ADDITIONS_IN_GB2312_ROWS: readonly (readonly [number, number])[] = [
  [0xa2a1, 0xa2aa],
  [0xa6e0, 0xa6eb],
  [0xa6ee, 0xa6f2],
  [0xa6f4, 0xa6f5],
  [0xa8bb, 0xa8bb],
  [0xa8bd, 0xa8be],
  [0xa8c0, 0xa8c0],
];

let gb2312Codes: Set<number> | undefined;

/** The 7445 two-byte codes of GB 2312-80 (682 symbols, 6763 hanzi), as lead << 8 | trail. */
function gb2312(): Set<number> {
  if (gb2312Codes) return gb2312Codes;
  const decoder = new TextDecoder('gbk');
  const codes = new Set<number>();
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    if (lead >= 0xaa && lead <= 0xaf) continue; // rows 10–15 are empty (user-defined in GBK)
    pair[0] = lead;
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[1] = trail;
      const code = (lead << 8) | trail;
      const s = decoder.decode(pair);
      const cp = s.codePointAt(0)!;
      const privateUse = cp >= 0xe000 && cp <= 0xf8ff;
      const added = GBK_ADDITIONS_IN_GB2312_ROWS.some(([from, to]) => code >= from && code <= to);
      if (s.length === 1 && cp !== 0xfffd && !privateUse && !added) codes.add(code);
    }
  }
  gb2312Codes = codes;
  return codes;
}

/**
 * Whether two bytes are a character of GB 2312-80 (EUC-CN): rows A1–A9 symbols and B0–F7
 * hanzi, cells A1–FE, and only the cells GB 2312 assigns. Rejected: the user-defined rows
 * AA–AF and F8–FE, GBK trail bytes 40–A0, and the cells of the GB 2312 rows that GB 2312 leaves
 * empty (code page 936 puts GBK additions or user-defined characters there).
 */
export function isGb2312Pair(lead: number, trail: number): boolean {
  const inRows = (lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7);
  return inRows && trail >= 0xa1 && trail <= 0xfe && gb2312().has((lead << 8) | trail);
}
