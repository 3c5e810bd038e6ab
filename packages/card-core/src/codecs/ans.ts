/**
 * `ans` fields (spec §4.1): text as code-page-936 (GBK) bytes, which is what the national
 * interface's ANSI strings carry, right-padded with 0x00 to the field length. Limits count
 * bytes (a hanzi takes 2). A strict GB2312 mode is offered for issuers that demand it.
 */
import { toHex } from '../bytes.js';
import { hcardError } from '../errors.js';
import { GBK_EURO, gbkCodeOf, isGb2312Pair } from './gbk.js';

export type AnsCharset = 'gbk' | 'gb2312';

function describeChar(ch: string): string {
  return `'${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** ` (GBK reads them as 'x' (U+….))` for bytes code page 936 has a character for; else empty. */
function gbkName(pair: Uint8Array): string {
  const s = new TextDecoder('gbk').decode(pair);
  return s.length === 1 && s !== '\ufffd' ? ` (GBK reads them as ${describeChar(s)})` : '';
}

/** Encodes text without padding; throws HCARD_E_ANS_UNMAPPABLE naming the first bad character. */
export function encodeAnsText(text: string, charset: AnsCharset = 'gbk'): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp < 0x7f) {
      out.push(cp);
      continue;
    }
    const code = cp >= 0x80 ? gbkCodeOf(cp) : undefined;
    if (code === GBK_EURO && charset === 'gbk') {
      out.push(GBK_EURO);
      continue;
    }
    const lead = code === undefined ? 0 : code >> 8;
    const trail = code === undefined ? 0 : code & 0xff;
    if (code === undefined || code === GBK_EURO || (charset === 'gb2312' && !isGb2312Pair(lead, trail))) {
      const where = charset === 'gb2312' ? 'GB 2312' : 'GBK (code page 936)';
      throw hcardError('HCARD_E_ANS_UNMAPPABLE', `${describeChar(ch)} is not in ${where}`, {
        codePoint: cp,
        charset,
      });
    }
    out.push(lead, trail);
  }
  return Uint8Array.from(out);
}

/** Encodes text into a field of `length` bytes, right-padded with 0x00. */
export function encodeAns(text: string, length: number, charset: AnsCharset = 'gbk'): Uint8Array {
  const bytes = encodeAnsText(text, charset);
  if (bytes.length > length) {
    throw hcardError('HCARD_E_ANS_TOO_LONG', `${bytes.length} bytes for a ${length}-byte field`, {
      bytes: bytes.length,
      limit: length,
    });
  }
  const out = new Uint8Array(length);
  out.set(bytes);
  return out;
}

let fatalDecoder: { decode(bytes: Uint8Array): string } | undefined;
const fatalGbk = () => (fatalDecoder ??= new TextDecoder('gbk', { fatal: true }));

/**
 * Decodes a field: cuts at the first 0x00 (the padding) or 0xFF (erased EEPROM; never a GBK
 * lead byte), then decodes GBK (or checks GB 2312 ranges).
 */
export function decodeAns(bytes: Uint8Array, charset: AnsCharset = 'gbk'): string {
  let end = bytes.findIndex((b) => b === 0x00 || b === 0xff);
  if (end < 0) end = bytes.length;
  const body = bytes.subarray(0, end);
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b < 0x80) {
      if (b < 0x20 || b === 0x7f)
        throw hcardError('HCARD_E_ANS_BYTES_INVALID', `control byte at ${i}`, { offset: i });
      continue;
    }
    if (b === GBK_EURO && charset === 'gbk') continue; // a single byte in code page 936
    const trail = body[i + 1];
    if (trail === undefined)
      throw hcardError('HCARD_E_ANS_BYTES_INVALID', `truncated character at ${i}`, { offset: i });
    if (charset === 'gb2312' && !isGb2312Pair(b, trail)) {
      throw hcardError(
        'HCARD_E_ANS_BYTES_INVALID',
        `bytes ${toHex(body.subarray(i, i + 2))} at ${i} are not a GB 2312 character${gbkName(body.subarray(i, i + 2))}`,
        { offset: i },
      );
    }
    i++;
  }
  try {
    return fatalGbk().decode(body);
  } catch (e) {
    throw hcardError('HCARD_E_ANS_BYTES_INVALID', 'not valid GBK', {}, e);
  }
}
