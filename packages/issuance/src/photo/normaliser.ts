/**
 * Photo normalisation for the card: any decodable photo → the best JPEG at the ID-photo size
 * that fits the card's photo item.
 *
 * Speed (the benchmark holds it against bare sharp doing one resize + one encode): sharp decodes
 * and resizes each photo once, to raw pixels, which are made ready for JPEG once (colour
 * conversion, downsampling, DCT: `prepareJpeg`); each quality the search tries is then only
 * quantisation and entropy coding in JS (`encodeAt`, jpeg-encoder.ts: a fraction of the fixed
 * cost of one sharp call, and byte for byte what sharp would write). The search starts from what
 * earlier photos needed: a `PhotoNormaliser` shared by a batch keeps a moving estimate of the
 * quality photos end at and of the size-per-quality slope near it. When the estimate is right
 * that is two encodes a photo: one at the quality that fits and one at quality + 1 that does not,
 * which is what makes the answer the best. (The input file's size was tried as a per-photo
 * predictor and dropped: camera noise inflates the input but is mostly averaged away by the
 * resize, so it predicted worse than the batch's running estimate.) Several photos run at once
 * (`concurrency`): their decodes on libuv's pool, their encodes on the JS thread.
 *
 * Crop: centre, not sharp's attention strategy. Enrolment photos are framed with the face in the
 * middle, the crop to the ID-photo aspect trims a little off one axis, and attention (saliency) costs an
 * extra analysis per photo and can be drawn to a high-contrast collar instead of the face.
 * `position: 'attention'` is a setting for sources that are framed loosely.
 */
import { hcardError } from '@hcard/card-core';
import { decodeToPixels } from './jpeg-codec.js';
import { encodeAt, prepareJpeg } from './jpeg-encoder.js';
import { Limiter } from './limiter.js';
import { searchBestQuality } from './quality-search.js';
import { DEFAULT_PHOTO_SETTINGS, type PhotoSettings } from './settings.js';

export interface NormalisedPhoto {
  readonly jpeg: Uint8Array;
  readonly quality: number;
  /** JPEG encodes this photo took (the decode + resize is always one). */
  readonly encodes: number;
}

export interface NormaliserStats {
  readonly photos: number;
  readonly encodes: number;
  readonly encodesPerPhoto: number;
  /** The quality the next photo starts from. */
  readonly estimate: number;
}

/**
 * ln(bytes) per quality step before any photo has measured it: measured between the best quality
 * and the next on the synthetic 600×800 set at 102 × 126 (q 87–94: 0.03–0.11, mean 0.06).
 */
const INITIAL_SLOPE = 0.06;
/** Weight of the newest photo in the moving estimates: follows a drift within a few photos. */
const ESTIMATE_WEIGHT = 0.3;

export class PhotoNormaliser {
  readonly settings: PhotoSettings;
  readonly #limiter: Limiter;
  #quality: number;
  #slope = INITIAL_SLOPE;
  #photos = 0;
  #encodes = 0;

  constructor(settings: Partial<PhotoSettings> = {}) {
    this.settings = { ...DEFAULT_PHOTO_SETTINGS, ...settings };
    this.#limiter = new Limiter(this.settings.concurrency);
    this.#quality = this.settings.initialQuality;
  }

  /** Throws a catalogue error for undecodable input and for a photo too detailed to fit. */
  normalise(input: Uint8Array): Promise<NormalisedPhoto> {
    return this.#limiter.run(() => this.#normalise(input));
  }

  get stats(): NormaliserStats {
    return {
      photos: this.#photos,
      encodes: this.#encodes,
      encodesPerPhoto: this.#photos === 0 ? 0 : this.#encodes / this.#photos,
      estimate: Math.round(this.#quality),
    };
  }

  async #normalise(input: Uint8Array): Promise<NormalisedPhoto> {
    const { width, height, position, maxBytes, minQuality, maxQuality } = this.settings;
    const prepared = prepareJpeg(await decodeToPixels(input, width, height, position));
    const result = await searchBestQuality(
      async (quality) => encodeAt(prepared, quality),
      maxBytes,
      { min: minQuality, max: maxQuality },
      { quality: this.#quality, slope: this.#slope },
    );
    this.#photos++;
    this.#encodes += result.encodes;
    if (result.quality === undefined) {
      throw hcardError(
        'HCARD_E_PHOTO_TOO_DETAILED',
        `the photo does not fit ${maxBytes} bytes even at JPEG quality ${minQuality} (${result.jpeg.length} bytes)`,
        { maxBytes, minQuality, bytes: result.jpeg.length },
      );
    }
    this.#slope += ESTIMATE_WEIGHT * (result.slope - this.#slope);
    this.#quality += ESTIMATE_WEIGHT * (result.quality - this.#quality);
    return { jpeg: result.jpeg, quality: result.quality, encodes: result.encodes };
  }
}

/** One photo with a fresh normaliser; a batch should share one `PhotoNormaliser` instead. */
export async function normalisePhoto(
  input: Uint8Array,
  options: Partial<PhotoSettings> = {},
): Promise<Uint8Array> {
  return (await new PhotoNormaliser(options).normalise(input)).jpeg;
}
