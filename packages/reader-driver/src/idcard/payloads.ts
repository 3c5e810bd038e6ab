/**
 * The data after SW3 of the read commands (spec C.5): 2-byte big-endian lengths, then the parts.
 * `30 01`: text (256) + photo (1024); `30 10`: text + photo + fingerprint (1024, two 512-byte
 * templates); `12 FF`: the SAM's 16-byte management number.
 */
import { hcardError, toHex } from '@hcard/card-core';

export const PHOTO_LENGTH = 1024;
export const SAM_ID_LENGTH = 16;

/** The photo as the card holds it: WLT, a proprietary format only licensed libraries decode. */
export interface WltPhoto {
  readonly format: 'wlt';
  readonly bytes: Uint8Array;
  readonly decoded: false;
  readonly note: string;
}

export const WLT_NOTE =
  'WLT is a proprietary compressed format; no licensed WLT decoder is available here, so the photo is kept as read (spec C.8)';

/** Fingerprint templates: only a licensed fingerprint module can match them. */
export interface FingerprintData {
  readonly bytes: Uint8Array;
  readonly note: string;
}

export const FINGERPRINT_NOTE =
  'two 512-byte templates; matching them needs a licensed fingerprint module (spec C.5)';

export interface BaseInfoParts {
  readonly text: Uint8Array;
  readonly photo: Uint8Array;
  /** Present for `30 10`; empty when the card holds no fingerprint. */
  readonly fingerprint?: Uint8Array;
}

/** Splits the data of `30 01` (`withFingerprint` false) or `30 10` into its parts. */
export function splitBaseInfo(data: Uint8Array, withFingerprint: boolean): BaseInfoParts {
  const count = withFingerprint ? 3 : 2;
  if (data.length < 2 * count)
    throw malformed(`base info of ${data.length} bytes has no length header`, data.length);
  const lengths = Array.from({ length: count }, (_, i) => (data[2 * i]! << 8) | data[2 * i + 1]!);
  const expected = 2 * count + lengths.reduce((a, b) => a + b, 0);
  if (expected !== data.length) {
    throw malformed(
      `the lengths ${lengths.join('+')} do not add up to ${data.length - 2 * count} data bytes`,
      data.length,
    );
  }
  const parts: Uint8Array[] = [];
  let offset = 2 * count;
  for (const n of lengths) {
    parts.push(data.slice(offset, offset + n));
    offset += n;
  }
  const [text, photo, fingerprint] = parts as [Uint8Array, Uint8Array, Uint8Array?];
  return fingerprint === undefined ? { text, photo } : { text, photo, fingerprint };
}

export function wltPhoto(bytes: Uint8Array): WltPhoto {
  return { format: 'wlt', bytes, decoded: false, note: WLT_NOTE };
}

export function fingerprintData(bytes: Uint8Array): FingerprintData {
  return { bytes, note: FINGERPRINT_NOTE };
}

/**
 * The SAM's management number (`12 FF`). The raw 16 bytes are the identifier; vendors render
 * it differently (spec C.5, E), so `display` is one rendering: the little-endian fields
 * 2 + 2 + 4 + 4 + 4 bytes in decimal, `05.01-20240601-0000001234-0000005678`.
 */
export interface SamId {
  readonly bytes: Uint8Array;
  readonly hex: string;
  readonly display: string;
}

export function parseSamId(data: Uint8Array): SamId {
  if (data.length !== SAM_ID_LENGTH) {
    throw malformed(`SAM ID of ${data.length} bytes, expected ${SAM_ID_LENGTH}`, data.length);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const a = view.getUint16(0, true);
  const b = view.getUint16(2, true);
  const c = view.getUint32(4, true);
  const d = view.getUint32(8, true);
  const e = view.getUint32(12, true);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return {
    bytes: data.slice(),
    hex: toHex(data),
    display: `${pad(a, 2)}.${pad(b, 2)}-${pad(c, 8)}-${pad(d, 10)}-${pad(e, 10)}`,
  };
}

function malformed(detail: string, length: number) {
  return hcardError('HCARD_E_IDCARD_FRAME_MALFORMED', detail, { dataLength: length });
}
