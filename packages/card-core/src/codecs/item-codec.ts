/** Encodes and decodes a data item's value as the card API shows it: ans text, cn digits, b hex. */

import { HcardError } from '../errors.js';
import type { DataItem } from '../profiles/types.js';
import { type AnsCharset, decodeAns, encodeAns } from './ans.js';
import { decodeB, encodeB } from './b.js';
import { decodeCn, encodeCn } from './cn.js';

export interface CodecOptions {
  /** Code page for ans fields; GBK by default (what the national interface carries). */
  readonly charset?: AnsCharset;
}

function withItem<T>(item: DataItem, f: () => T): T {
  try {
    return f();
  } catch (e) {
    // Name the item (never the value) so the caller knows which field failed.
    if (e instanceof HcardError) {
      const detail = `item ${item.no} ${item.key}${e.detail ? `: ${e.detail}` : ''}`;
      throw new HcardError(e.code, detail, { ...e.details, item: item.no, key: item.key }, e.cause);
    }
    throw e;
  }
}

export function encodeItemValue(item: DataItem, value: string, options: CodecOptions = {}): Uint8Array {
  return withItem(item, () => {
    switch (item.type) {
      case 'ans':
        return encodeAns(value, item.length, options.charset);
      case 'cn':
        return encodeCn(value, item.length);
      case 'b':
        return encodeB(value, item.length);
    }
  });
}

export function decodeItemValue(item: DataItem, bytes: Uint8Array, options: CodecOptions = {}): string {
  return withItem(item, () => {
    switch (item.type) {
      case 'ans':
        return decodeAns(bytes, options.charset);
      case 'cn':
        return decodeCn(bytes);
      case 'b':
        return decodeB(bytes);
    }
  });
}
