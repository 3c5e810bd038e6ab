/**
 * Text files (CSV, JSONL) in UTF-8 or GBK/GB18030. `auto` decides on the first block of bytes:
 * strict UTF-8 (fatal TextDecoder, streaming so a character cut at the block's end is not an
 * error) means UTF-8, anything else is the GBK family, decoded as GB18030 (a superset of GBK).
 * UTF-8 stays strict to the end of the file: a GBK byte after a first block that happened to be
 * ASCII is an error that says to pass `--encoding gbk`, never mojibake.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { inputMalformedError } from './errors.js';

export type EncodingOption = 'auto' | 'utf-8' | 'gbk';
export type DetectedEncoding = 'utf-8' | 'gbk' | 'gb18030';

/** Bytes looked at by `auto`. */
export const DETECTION_BYTES = 64 * 1024;

/** Reads the first block of `path` and decides its encoding. */
export async function detectFileEncoding(path: string): Promise<DetectedEncoding> {
  const handle = await open(path, 'r');
  try {
    const block = new Uint8Array(DETECTION_BYTES);
    const { bytesRead } = await handle.read(block, 0, DETECTION_BYTES, 0);
    const { size } = await handle.stat();
    return detectEncoding(block.subarray(0, bytesRead), bytesRead >= size);
  } finally {
    await handle.close();
  }
}

/**
 * UTF-8 when `block` is valid UTF-8 (an incomplete character at its end is allowed unless the
 * block is the whole file); else 'gb18030' when it has a GB18030 four-byte sequence, else 'gbk'.
 */
export function detectEncoding(block: Uint8Array, wholeFile: boolean): DetectedEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(block, { stream: !wholeFile });
    return 'utf-8';
  } catch {
    return hasFourByteSequence(block) ? 'gb18030' : 'gbk';
  }
}

/** GB18030's four-byte form: lead 81–FE, then 30–39, 81–FE, 30–39 (GBK never has 30–39 second). */
function hasFourByteSequence(block: Uint8Array): boolean {
  for (let i = 0; i + 3 < block.length; i++) {
    const b = block[i]!;
    if (b < 0x81) continue;
    const b2 = block[i + 1]!;
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = block[i + 2]!;
      const b4 = block[i + 3]!;
      if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) return true;
    }
    i++; // a two-byte character: skip its trail byte
  }
  return false;
}

export interface DecodeOptions {
  /** Bytes per read; small values exercise characters cut between reads (tests). */
  readonly readSize?: number;
  /** Told the size of every block read. */
  readonly onBytes?: (bytes: number) => void;
}

/** The file's text in pieces, BOM removed. */
export async function* decodeFile(
  path: string,
  encoding: DetectedEncoding,
  options: DecodeOptions = {},
): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: options.readSize ?? 256 * 1024 });
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        options.onBytes?.(chunk.length);
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      throw inputMalformedError(
        `the file is not valid UTF-8 near byte ${offset}; if it is GBK, pass --encoding gbk`,
        { byte: offset },
        e,
      );
    }
    return;
  }
  // GBK is read as GB18030, its superset, with the WHATWG decoder: streaming keeps a character cut
  // between reads for the next one. (iconv-lite 0.7.3's gb18030 decoder loses the low surrogate
  // of a four-byte character fed to it byte by byte: checked here.) Bytes that are not
  // GB18030 become U+FFFD, which validation rejects as CHAR_NOT_ENCODABLE naming the position.
  const decoder = new TextDecoder('gb18030');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    options.onBytes?.(chunk.length);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
