/**
 * The one place the card photo's geometry and JPEG limits are set. Everything else in photo/
 * reads these; change the size here and the normaliser, its tests and the benchmark follow.
 */
import { HEALTH_CARD_PROFILE, itemDef } from '@hcard/card-core';

/** How many bytes in front of the JPEG the photo file spends on its length (spec §4.6). */
const LENGTH_PREFIX_BYTES = 2;

/**
 * The ID-photo aspect (26 × 32 mm) at 102 × 126 px: the size of the resident ID card's own photo
 * (about 100 dpi), which the emulator's photos use too. 3072 bytes hold it at a decent JPEG
 * quality; at 358 × 441 (350 dpi) they forced quality 10–20 and three times the encoding work.
 */
export const ID_PHOTO_SIZE = { width: 102, height: 126 } as const;

/** Largest JPEG the card's photo item holds: the item's length minus its 2-byte length prefix. */
export const PHOTO_JPEG_LIMIT = itemDef(HEALTH_CARD_PROFILE, 'photo').length - LENGTH_PREFIX_BYTES;

export type CropPosition = 'centre' | 'attention';

export interface PhotoSettings {
  readonly width: number;
  readonly height: number;
  /** The encoded JPEG must be at most this many bytes. */
  readonly maxBytes: number;
  /** Below this quality a face is no longer recognisable: the photo is refused instead. */
  readonly minQuality: number;
  readonly maxQuality: number;
  /** Where the crop to the aspect is taken (see normaliser.ts for why centre is the default). */
  readonly position: CropPosition;
  /**
   * First guess before any photo has been normalised: where the search lands on the synthetic
   * 600×800 set (synthetic-photo.ts, detail 2–12). At 102 × 126 the best qualities there are
   * 87–94, mean 90.9; at 358 × 441 they were 10–20.
   */
  readonly initialQuality: number;
  /** Photos decoded/encoded at once (each is one libuv pool task at a time). */
  readonly concurrency: number;
}

export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = {
  ...ID_PHOTO_SIZE,
  maxBytes: PHOTO_JPEG_LIMIT,
  minQuality: 5,
  maxQuality: 100,
  position: 'centre',
  initialQuality: 91,
  concurrency: 2,
};
