/**
 * Whether text fits an ans item of the card: every character in the card's code page (GBK by
 * default, or strict GB 2312) and the byte count within the item's length.
 *
 * card-core's ans codec decides what a character encodes to; it throws on a character it cannot
 * store, which is far too slow for a million rows, so its answer is cached per code point
 * (BMP in a byte table, the rest in a map) and each character is asked about once per process.
 */
import { type AnsCharset, encodeAnsText } from '@hcard/card-core';

/** Byte length of a character in the code page; 0 = not yet asked, NOT_STORABLE = cannot be stored. */
const NOT_STORABLE = 255;

interface CharsetCache {
  readonly bmp: Uint8Array;
  readonly astral: Map<number, number>;
}

const caches: Record<AnsCharset, CharsetCache> = {
  gbk: { bmp: new Uint8Array(0x10000), astral: new Map() },
  gb2312: { bmp: new Uint8Array(0x10000), astral: new Map() },
};

function askCodec(ch: string, charset: AnsCharset): number {
  try {
    return encodeAnsText(ch, charset).length;
  } catch {
    return NOT_STORABLE;
  }
}

export type TextCheck =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly char: string; readonly position: number };

/** Byte length of `text` in the code page, or the first character it cannot store (1-based position in characters). */
export function measureCardText(text: string, charset: AnsCharset): TextCheck {
  const cache = caches[charset];
  let bytes = 0;
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f) {
      bytes++;
      continue;
    }
    let size: number;
    let ch: string;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      ch = text.slice(i, i + 2);
      const cp = ch.codePointAt(0)!;
      size = cache.astral.get(cp) ?? askCodec(ch, charset);
      cache.astral.set(cp, size);
      i++;
    } else {
      ch = text[i]!;
      size = cache.bmp[unit]!;
      if (size === 0) {
        size = askCodec(ch, charset);
        cache.bmp[unit] = size;
      }
    }
    if (size === NOT_STORABLE) return { ok: false, char: ch, position };
    bytes += size;
  }
  return { ok: true, bytes };
}

/** `'𠮷' (U+20BB7)` */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `'${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Length in characters (code points), for fields that are not on the card. */
export function countChars(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) n--;
  }
  return n;
}
