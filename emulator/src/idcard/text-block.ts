/**
 * Builds the 256-byte text block an ID card's chip holds (spec C.6): UTF-16LE fields at fixed
 * offsets, padded with spaces, and the type flag at byte 248. The layouts are written down here
 * from the spec, independently of the driver's parser, so the two check each other.
 */
import { hcardError } from '@hcard/card-core';

/** The card types by their flag: space (resident), J, I, Y. */
export type IdCardKind = 'resident' | 'J' | 'I' | 'Y';

export const ID_CARD_KINDS: readonly IdCardKind[] = ['resident', 'J', 'I', 'Y'];

const FLAG: Record<IdCardKind, string> = { resident: ' ', J: 'J', I: 'I', Y: 'Y' };

/** field → [byte offset, byte length]. */
type Layout = Readonly<Record<string, readonly [number, number]>>;

export const LAYOUTS: Readonly<Record<IdCardKind, Layout>> = {
  resident: {
    name: [0, 30],
    sex: [30, 2],
    ethnicity: [32, 4],
    birthDate: [36, 16],
    address: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
  },
  J: {
    name: [0, 30],
    sex: [30, 2],
    birthDate: [36, 16],
    address: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    passNumber: [220, 18],
    issueCount: [238, 4],
  },
  I: {
    englishName: [0, 120],
    sex: [120, 2],
    permitNumber: [122, 30],
    nationality: [152, 6],
    chineseName: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    birthDate: [220, 16],
    cardVersion: [236, 4],
    issuerCode: [240, 8],
  },
  Y: {
    chineseName: [0, 30],
    sex: [30, 2],
    birthDate: [36, 16],
    foreignName: [52, 70],
    idNumber: [122, 36],
    issuer: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    previousNumber: [220, 18],
    issueCount: [238, 4],
    nationality: [242, 6],
  },
};

/** Characters a field holds (2 bytes each). */
export function fieldCapacity(kind: IdCardKind, field: string): number {
  const spec = LAYOUTS[kind][field];
  if (!spec) throw hcardError('HCARD_E_ARG_INVALID', `the ${kind} layout has no field ${field}`);
  return spec[1] / 2;
}

/** The text block for `fields` (missing fields are blank); a value too long is an error. */
export function encodeTextBlock(kind: IdCardKind, fields: Readonly<Record<string, string>>): Uint8Array {
  const block = spaces(256);
  for (const [field, value] of Object.entries(fields)) {
    const spec = LAYOUTS[kind][field];
    if (!spec) throw hcardError('HCARD_E_ARG_INVALID', `the ${kind} layout has no field ${field}`);
    const [offset, bytes] = spec;
    const encoded = utf16le(value);
    if (encoded.length > bytes) {
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `${field} needs ${encoded.length} bytes, the field has ${bytes}`,
      );
    }
    block.set(encoded, offset);
  }
  block.set(utf16le(FLAG[kind]), 248);
  return block;
}

/** 70-byte appended address (30 03), space-padded. */
export function encodeAppendedAddress(address: string): Uint8Array {
  const out = spaces(70);
  const encoded = utf16le(address);
  if (encoded.length > 70)
    throw hcardError('HCARD_E_ARG_INVALID', 'the appended address is longer than 35 characters');
  out.set(encoded, 0);
  return out;
}

export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >> 8;
  }
  return out;
}

/** `n` bytes of UTF-16LE spaces (20 00 …). */
function spaces(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 2) out[i] = 0x20;
  return out;
}
