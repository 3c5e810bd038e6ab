/**
 * The image of an emulated SSSE application (JSON, hex for bytes): its generation, the records
 * of EF05 and EF06 in record order (each `tag ‖ len ‖ value`, so a 2.0 card's EF06 has 姓名扩展
 * as record 3, spec A.5), and on 3.0 cards the algorithm id of its SELECT answer and its two
 * diversified keys. Test images carry keys in clear; they are for emulators and tests only.
 *
 * `validateSsseImage` checks every field when an image is loaded and names the bad one as a
 * JSON path (`files.EF06[2]`, `keys.RKSSSE.remaining`) in HCARD_E_IMAGE_INVALID; messages never
 * repeat record contents or key material.
 */
import {
  decodeSimpleTlv,
  generationOf,
  SSSE_ITEMS,
  type SsseFileId,
  ssseItem,
  ssseItemsOf,
} from '@hcard/card-core';
import { at, type JsonObject, jsonFields, own } from '../images/json-fields.js';

export const SSSE_IMAGE_FORMAT = 'hcard-ssse-image/1';
export const SSSE_GENERATIONS = ['1.00', '2.00', '3.00'] as const;
export type SsseGenerationText = (typeof SSSE_GENERATIONS)[number];

export interface SsseKeyCounterImage {
  /** The card's diversified key, 16 bytes hex. */
  readonly value: string;
  /** EXTERNAL AUTHENTICATE tries; the counter goes back to this after a success. */
  readonly tries: number;
  /** Tries left now (default `tries`). */
  readonly remaining?: number;
}

export interface SsseImage {
  readonly format: typeof SSSE_IMAGE_FORMAT;
  readonly description?: string;
  /** The ATR when the application is served as a card of its own. */
  readonly atr: string;
  /** Which documented key set the keys come from. */
  readonly keySet?: string;
  /** Equal to EF05 record 03 (规范版本). */
  readonly generation: SsseGenerationText;
  /** 3.0 cards: the `xx` of `9F0C 03 86 01 xx` in the SELECT answer; absent = no 9F0C. */
  readonly algorithm?: number;
  /** 3.0 cards: RKSSSE (external authentication, with a retry counter) and IKSSSE (internal). */
  readonly keys?: { readonly RKSSSE: SsseKeyCounterImage; readonly IKSSSE: { readonly value: string } };
  readonly files: Readonly<Record<SsseFileId, readonly string[]>>;
}

const FIELDS = ['format', 'description', 'atr', 'keySet', 'generation', 'algorithm', 'keys', 'files'];
const TRIES = { min: 1, max: 15 } as const;

type Json = JsonObject;

const fields = jsonFields('HCARD_E_IMAGE_INVALID');
const { invalid, integer } = fields;

function object(value: unknown, path: string, allowed: readonly string[], what: string): Json {
  const o = fields.object(value, path, what);
  fields.onlyFields(o, path, allowed, what);
  return o;
}

const hex = (value: unknown, path: string, min: number, max: number) => fields.hex(value, path, { min, max });
const optionalString = (value: unknown, path: string) =>
  fields.optionalString(value, path, { nonEmpty: true });

/** Checks an SSSE image; returns it with the decoded records. Throws HCARD_E_IMAGE_INVALID. */
export function validateSsseImage(value: unknown): {
  image: SsseImage;
  records: Map<SsseFileId, Uint8Array[]>;
} {
  const img = object(value, '', FIELDS, 'an SSSE image');
  if (own(img, 'format') !== SSSE_IMAGE_FORMAT) throw invalid('format', `must be ${SSSE_IMAGE_FORMAT}`);
  optionalString(own(img, 'description'), 'description');
  optionalString(own(img, 'keySet'), 'keySet');
  hex(own(img, 'atr'), 'atr', 2, 33);
  const generationText = own(img, 'generation');
  if (!SSSE_GENERATIONS.includes(generationText as SsseGenerationText))
    throw invalid('generation', `must be one of ${SSSE_GENERATIONS.join(', ')}`);
  const generation = generationOf(generationText as string)!;
  const protectedCard = generation >= 3;

  // 9F0C and the authentication keys belong to 3.0 cards (A.1, A.6).
  const algorithm = own(img, 'algorithm');
  if (algorithm !== undefined) {
    if (!protectedCard) throw invalid('algorithm', 'is only for 3.00 cards');
    integer(algorithm, 'algorithm', 0, 255);
  }
  const keys = own(img, 'keys');
  if (!protectedCard && keys !== undefined) throw invalid('keys', 'are only for 3.00 cards');
  if (protectedCard) {
    const k = object(keys, 'keys', ['RKSSSE', 'IKSSSE'], 'the SSSE keys');
    const rk = object(own(k, 'RKSSSE'), 'keys.RKSSSE', ['value', 'tries', 'remaining'], 'a key');
    hex(own(rk, 'value'), 'keys.RKSSSE.value', 16, 16);
    const tries = integer(own(rk, 'tries'), 'keys.RKSSSE.tries', TRIES.min, TRIES.max);
    if (own(rk, 'remaining') !== undefined) integer(own(rk, 'remaining'), 'keys.RKSSSE.remaining', 0, tries);
    const ik = object(own(k, 'IKSSSE'), 'keys.IKSSSE', ['value'], 'a key');
    hex(own(ik, 'value'), 'keys.IKSSSE.value', 16, 16);
  }

  const files = object(own(img, 'files'), 'files', ['EF05', 'EF06'], 'the SSSE files');
  const records = new Map<SsseFileId, Uint8Array[]>();
  for (const file of ['EF05', 'EF06'] as const) {
    records.set(file, fileRecords(own(files, file), at('files', file), file, generation));
  }
  const version = decodeSimpleTlv(records.get('EF05')!.find((r) => r[0] === ssseItem('specVersion').tag)!);
  if (new TextDecoder().decode(version.value) !== generationText)
    throw invalid('files.EF05', `has a 规范版本 record other than generation ${generationText}`);
  return { image: img as unknown as SsseImage, records };
}

/** Every record a SIMPLE-TLV of an item the generation has in the file, each item exactly once. */
function fileRecords(value: unknown, path: string, file: SsseFileId, generation: number): Uint8Array[] {
  if (value === undefined) throw invalid(path, 'is missing');
  if (!Array.isArray(value)) throw invalid(path, 'must be an array of records (hex)');
  const expected = ssseItemsOf(file, generation);
  const seen = new Set<number>();
  const out = value.map((r, i) => {
    const recordPath = at(path, i);
    const bytes = hex(r, recordPath, 3, 255);
    let tlv: ReturnType<typeof decodeSimpleTlv>;
    try {
      tlv = decodeSimpleTlv(bytes);
    } catch {
      throw invalid(recordPath, 'is not one SIMPLE-TLV (tag ‖ length ‖ value)');
    }
    const tag = tlv.tag.toString(16).toUpperCase().padStart(2, '0');
    const item = expected.find((e) => e.tag === tlv.tag);
    if (!item) {
      const later = SSSE_ITEMS.some((e) => e.file === file && e.tag === tlv.tag);
      throw invalid(
        recordPath,
        `has tag ${tag}, not a record of ${file}${later ? ` on ${generation}.00 cards` : ''}`,
      );
    }
    if (seen.has(tlv.tag)) throw invalid(recordPath, `repeats tag ${tag}`);
    seen.add(tlv.tag);
    // 卡号 may be longer than 9 characters: readers keep the first 9 (A.6).
    const lengthOk =
      item.key === 'cardNumber' ? tlv.value.length >= item.length : tlv.value.length === item.length;
    if (!lengthOk)
      throw invalid(recordPath, `(${item.key}) has ${tlv.value.length} bytes, expected ${item.length}`);
    return bytes;
  });
  const missing = expected.find((e) => !seen.has(e.tag));
  if (missing)
    throw invalid(
      path,
      `lacks the ${missing.key} record (tag ${missing.tag.toString(16).toUpperCase().padStart(2, '0')})`,
    );
  return out;
}
