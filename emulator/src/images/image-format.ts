/**
 * Card and PSAM images: what an emulated card holds, as JSON (hex for bytes). Test images carry
 * their keys in clear; they are for emulators and tests only.
 */
import { type CardProfile, fromHex, HEALTH_CARD_PROFILE, hcardError, type KeyId } from '@hcard/card-core';

export const CARD_IMAGE_FORMAT = 'hcard-card-image/1';
export const PSAM_IMAGE_FORMAT = 'hcard-psam-image/1';

export type FileImage = { readonly records: readonly string[] } | { readonly data: string };

export interface KeyImage {
  /** The card's (already diversified) key, 16 bytes hex. */
  readonly value: string;
  /** Tries allowed; the counter resets to this after a success. */
  readonly tries: number;
  /** Tries left now (defaults to `tries`). */
  readonly remaining?: number;
}

export interface CardImage {
  readonly format: typeof CARD_IMAGE_FORMAT;
  readonly profile: string;
  readonly description?: string;
  readonly atr: string;
  /** Which documented key set the keys come from. */
  readonly keySet: string;
  readonly keys: Readonly<Partial<Record<KeyId, KeyImage>>>;
  readonly files: Readonly<Record<string, FileImage>>;
}

export interface PsamKeyImage {
  /** 80 DE P2. */
  readonly index: number;
  /** 80 DE P1: levels (high 3 bits) and type. */
  readonly usage: number;
  /** Master key, 16 bytes hex. */
  readonly value: string;
}

export interface PsamImage {
  readonly format: typeof PSAM_IMAGE_FORMAT;
  readonly description?: string;
  readonly atr: string;
  readonly pin: string;
  readonly pinTries: number;
  /** FID → contents: 0015, 0016 (MF) and 001A, 001B, 001C (DF01). */
  readonly files: Readonly<Record<string, string>>;
  readonly keys: readonly PsamKeyImage[];
  /** The SAM's SM2 private key (hex), for record signing. */
  readonly signingKey: string;
}

const invalid = (detail: string) => hcardError('HCARD_E_IMAGE_INVALID', detail);

function hexOf(value: unknown, what: string, length?: number): Uint8Array {
  if (typeof value !== 'string') throw invalid(`${what} is not a hex string`);
  let bytes: Uint8Array;
  try {
    bytes = fromHex(value);
  } catch {
    throw invalid(`${what} is not a hex string`);
  }
  if (length !== undefined && bytes.length !== length)
    throw invalid(`${what} has ${bytes.length} bytes, expected ${length}`);
  return bytes;
}

/** Checks an image against its profile; returns the decoded files. Throws HCARD_E_IMAGE_INVALID. */
export function validateCardImage(
  image: unknown,
  profile: CardProfile = HEALTH_CARD_PROFILE,
): { image: CardImage; files: Map<string, { records?: Uint8Array[]; data?: Uint8Array }> } {
  if (typeof image !== 'object' || image === null) throw invalid('not an object');
  const img = image as CardImage;
  if (img.format !== CARD_IMAGE_FORMAT) throw invalid(`format is not ${CARD_IMAGE_FORMAT}`);
  if (img.profile !== profile.id) throw invalid(`profile ${String(img.profile)} is not ${profile.id}`);
  hexOf(img.atr, 'atr');
  for (const key of profile.keys) {
    const k = img.keys?.[key.id];
    if (!k) throw invalid(`key ${key.id} missing`);
    hexOf(k.value, `key ${key.id}`, 16);
    if (!Number.isInteger(k.tries) || k.tries < 1 || k.tries > 15)
      throw invalid(`key ${key.id} tries outside 1–15`);
  }
  const files = new Map<string, { records?: Uint8Array[]; data?: Uint8Array }>();
  for (const def of profile.files) {
    const f = img.files?.[def.path];
    if (!f) throw invalid(`file ${def.path} missing`);
    if (def.structure === 'transparent') {
      if (!('data' in f)) throw invalid(`${def.path} needs data`);
      files.set(def.path, { data: hexOf(f.data, def.path, def.size) });
    } else {
      if (!('records' in f) || !Array.isArray(f.records) || f.records.length !== def.records) {
        throw invalid(`${def.path} needs ${def.records} records`);
      }
      const records = f.records.map((r, i) => hexOf(r, `${def.path} record ${i + 1}`));
      for (const [i, r] of records.entries()) {
        if (r.length > def.recordLength!)
          throw invalid(`${def.path} record ${i + 1} is longer than ${def.recordLength}`);
      }
      files.set(def.path, { records });
    }
  }
  return { image: img, files };
}

export function validatePsamImage(image: unknown): PsamImage {
  if (typeof image !== 'object' || image === null) throw invalid('not an object');
  const img = image as PsamImage;
  if (img.format !== PSAM_IMAGE_FORMAT) throw invalid(`format is not ${PSAM_IMAGE_FORMAT}`);
  hexOf(img.atr, 'atr');
  for (const fid of ['0015', '0016', '001A', '001B', '001C']) hexOf(img.files?.[fid], `file ${fid}`);
  if (!Array.isArray(img.keys)) throw invalid('keys missing');
  for (const k of img.keys) hexOf(k.value, `PSAM key ${k.index}`, 16);
  hexOf(img.signingKey, 'signingKey', 32);
  if (typeof img.pin !== 'string' || !/^\d{4,16}$/.test(img.pin)) throw invalid('pin must be 4–16 digits');
  return img;
}
