/**
 * Card and PSAM images: what an emulated card holds, as JSON (hex for bytes). Test images carry
 * their keys in clear; they are for emulators and tests only.
 */

import {
  type CardProfile,
  DEFAULT_HEALTH_CARD_SETTINGS,
  HEALTH_CARD_PROFILE,
  type HealthCardSettings,
  type KeyId,
  PSAM_FILES,
} from '@hcard/card-core';
import { at, jsonFields, own } from './json-fields.js';

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

/**
 * Where a card is in its life (reference COS, architecture §5): `factory` (blank: file tree and
 * transport key), `personalisation` (a transport authentication happened; keys and data may be
 * partly loaded), `issued` (personalisation ended; what terminals see).
 */
export const LIFECYCLES = ['factory', 'personalisation', 'issued'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export interface CardImage {
  readonly format: typeof CARD_IMAGE_FORMAT;
  readonly profile: string;
  readonly description?: string;
  readonly atr: string;
  /** Which documented key set the keys come from. */
  readonly keySet: string;
  /** Absent means `issued`. */
  readonly lifecycle?: Lifecycle;
  /** The diversified transport key: present before the end of personalisation, absent after. */
  readonly transportKey?: KeyImage;
  /** The chip serial GET DATA returns (10 printable ASCII characters), when the chip has one. */
  readonly chipSerial?: string;
  /** Every key of the profile once issued; before that, the keys loaded so far. */
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

// ---- validation ------------------------------------------------------------------------------
//
// Every field of an image is checked when it is loaded, so a bad file fails at once with
// HCARD_E_IMAGE_INVALID naming the field as a path (`keys.RK_DDF1.remaining`,
// `files["DDF1/EF05"].records[3]`), not later with a crash or a wrong status word. Unknown
// fields are rejected too: a misspelt one would otherwise be ignored. Messages never repeat
// file contents or key material.

/** Bytes an ATR may have (ISO/IEC 7816-3: TS, T0 and up to 31 more). */
const ATR_BYTES = { min: 2, max: 33 } as const;
/** Retry counters fit the low nibble of 63Cx. */
const TRIES = { min: 1, max: 15 } as const;

const CARD_FIELDS = [
  'format',
  'profile',
  'description',
  'atr',
  'keySet',
  'lifecycle',
  'transportKey',
  'chipSerial',
  'keys',
  'files',
] as const;
const KEY_FIELDS = ['value', 'tries', 'remaining'] as const;
const PSAM_FIELDS = [
  'format',
  'description',
  'atr',
  'pin',
  'pinTries',
  'files',
  'keys',
  'signingKey',
] as const;
const PSAM_KEY_FIELDS = ['index', 'usage', 'value'] as const;

const { invalid, object, onlyFields, string, optionalString, integer, hex } =
  jsonFields('HCARD_E_IMAGE_INVALID');

function keyImage(value: unknown, path: string): void {
  const key = object(value, path);
  onlyFields(key, path, KEY_FIELDS, 'a key');
  hex(own(key, 'value'), at(path, 'value'), { length: 16 });
  const tries = integer(own(key, 'tries'), at(path, 'tries'), TRIES.min, TRIES.max);
  const remaining = own(key, 'remaining');
  if (remaining !== undefined) integer(remaining, at(path, 'remaining'), 0, tries, ' (0 to tries)');
}

/** Checks an image against its profile; returns the decoded files. Throws HCARD_E_IMAGE_INVALID. */
export function validateCardImage(
  image: unknown,
  profile: CardProfile = HEALTH_CARD_PROFILE,
  settings: Pick<HealthCardSettings, 'cardFactorOffset'> = DEFAULT_HEALTH_CARD_SETTINGS,
): { image: CardImage; files: Map<string, { records?: Uint8Array[]; data?: Uint8Array }> } {
  const img = object(image, '', 'a JSON object (a card image)');
  // Format and profile first: a file of another kind gets that message, not a list of faults.
  if (own(img, 'format') !== CARD_IMAGE_FORMAT) throw invalid('format', `must be ${CARD_IMAGE_FORMAT}`);
  const profileId = own(img, 'profile');
  if (profileId !== profile.id) {
    const shown = typeof profileId === 'string' && /^[\w./:-]{1,40}$/.test(profileId) ? `${profileId} ` : '';
    throw invalid('profile', `${shown}is not ${profile.id}`);
  }
  onlyFields(img, '', CARD_FIELDS, 'a card image');
  optionalString(own(img, 'description'), 'description');
  // The card factor CN is read from the ATR (settings.cardFactorOffset, 8 bytes).
  const factorEnd = settings.cardFactorOffset + 8;
  hex(own(img, 'atr'), 'atr', {
    min: Math.max(ATR_BYTES.min, factorEnd),
    max: ATR_BYTES.max,
    note: ` (an ATR holding the card factor at bytes ${settings.cardFactorOffset}–${factorEnd - 1})`,
  });
  string(own(img, 'keySet'), 'keySet');

  const lifecycle = own(img, 'lifecycle') ?? 'issued';
  if (!LIFECYCLES.includes(lifecycle as Lifecycle))
    throw invalid('lifecycle', `must be one of ${LIFECYCLES.join(', ')}`);
  const issued = lifecycle === 'issued';
  // The transport key exists exactly until personalisation ends (END PERSONALISATION deletes it).
  const transportKey = own(img, 'transportKey');
  if (issued && transportKey !== undefined)
    throw invalid('transportKey', 'must be absent once the card is issued (lifecycle issued or absent)');
  if (!issued) keyImage(transportKey, 'transportKey');
  const chipSerial = own(img, 'chipSerial');
  if (chipSerial !== undefined && (typeof chipSerial !== 'string' || !/^[\x20-\x7e]{10}$/.test(chipSerial)))
    throw invalid('chipSerial', 'must be 10 printable ASCII characters');

  const keys = object(own(img, 'keys'), 'keys');
  for (const id of Object.keys(keys)) {
    if (!profile.keys.some((k) => k.id === id))
      throw invalid(at('keys', id), `is not a key of ${profile.id}`);
  }
  for (const def of profile.keys) {
    // Before the end of personalisation a key may not be loaded yet.
    if (!issued && own(keys, def.id) === undefined) continue;
    keyImage(own(keys, def.id), at('keys', def.id));
  }

  const files = new Map<string, { records?: Uint8Array[]; data?: Uint8Array }>();
  const fileImages = object(own(img, 'files'), 'files');
  for (const name of Object.keys(fileImages)) {
    if (!profile.files.some((f) => f.path === name))
      throw invalid(at('files', name), `is not a file of ${profile.id}`);
  }
  for (const def of profile.files) {
    const path = at('files', def.path);
    if (def.structure === 'transparent') {
      const f = object(own(fileImages, def.path), path, 'an object { "data": hex }');
      onlyFields(f, path, ['data'], 'a transparent file');
      files.set(def.path, { data: hex(own(f, 'data'), at(path, 'data'), { length: def.size! }) });
    } else {
      const f = object(own(fileImages, def.path), path, 'an object { "records": [hex, …] }');
      onlyFields(f, path, ['records'], 'a record file');
      const records = own(f, 'records');
      const recordsPath = at(path, 'records');
      if (records === undefined) throw invalid(recordsPath, 'is missing');
      if (!Array.isArray(records) || records.length !== def.records)
        throw invalid(recordsPath, `must be an array of ${def.records} records`);
      files.set(def.path, {
        records: records.map((r, i) => hex(r, at(recordsPath, i), { max: def.recordLength! })),
      });
    }
  }
  return { image: img as unknown as CardImage, files };
}

/** Checks a PSAM image: every field, the five files at their sizes. Throws HCARD_E_IMAGE_INVALID. */
export function validatePsamImage(image: unknown): PsamImage {
  const img = object(image, '', 'a JSON object (a PSAM image)');
  if (own(img, 'format') !== PSAM_IMAGE_FORMAT) throw invalid('format', `must be ${PSAM_IMAGE_FORMAT}`);
  onlyFields(img, '', PSAM_FIELDS, 'a PSAM image');
  optionalString(own(img, 'description'), 'description');
  hex(own(img, 'atr'), 'atr', ATR_BYTES);
  // VERIFY packs the PIN two digits a byte (commands/iso7816.ts verifyPin).
  const pin = own(img, 'pin');
  if (pin === undefined) throw invalid('pin', 'is missing');
  if (typeof pin !== 'string' || !/^\d{4,16}$/.test(pin) || pin.length % 2 !== 0)
    throw invalid('pin', 'must be an even number (4–16) of digits');
  integer(own(img, 'pinTries'), 'pinTries', TRIES.min, TRIES.max);

  const fileImages = object(own(img, 'files'), 'files');
  const expected = Object.values(PSAM_FILES);
  for (const fid of Object.keys(fileImages)) {
    if (!expected.some((f) => f.fid === fid))
      throw invalid(
        at('files', fid),
        `is not a PSAM file (expected ${expected.map((f) => f.fid).join(', ')})`,
      );
  }
  for (const f of expected) hex(own(fileImages, f.fid), at('files', f.fid), { length: f.size });

  const keys = own(img, 'keys');
  if (keys === undefined) throw invalid('keys', 'is missing');
  if (!Array.isArray(keys)) throw invalid('keys', 'must be an array');
  const indexes = new Map<number, number>();
  for (const [i, k] of keys.entries()) {
    const path = at('keys', i);
    const key = object(k, path);
    onlyFields(key, path, PSAM_KEY_FIELDS, 'a PSAM key');
    const index = integer(own(key, 'index'), at(path, 'index'), 0, 255);
    integer(own(key, 'usage'), at(path, 'usage'), 0, 255);
    hex(own(key, 'value'), at(path, 'value'), { length: 16 });
    // 80 DE finds a key by its index: a second one with the same index could never be used.
    const first = indexes.get(index);
    if (first !== undefined) throw invalid(at(path, 'index'), `repeats ${at(at('keys', first), 'index')}`);
    indexes.set(index, i);
  }
  hex(own(img, 'signingKey'), 'signingKey', { length: 32 });
  return img as unknown as PsamImage;
}
