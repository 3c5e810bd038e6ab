/**
 * What the photo path takes from sharp: decode + crop + resize once to raw pixels (the
 * normaliser then encodes those pixels itself, jpeg-encoder.ts), and, as references, bare
 * sharp's decode + resize + encode in one pass (the benchmark's floor) and sharp's encode of raw
 * pixels (what the tests hold jpeg-encoder.ts to, byte for byte).
 */
import { hcardError } from '@hcard/card-core';
import sharp, { type Sharp } from 'sharp';
import type { CropPosition } from './settings.js';

export interface RawPixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

const SHARP_POSITION: Record<CropPosition, string | number> = {
  centre: 'centre',
  attention: sharp.strategy.attention,
};

/**
 * Any image sharp reads → `width` × `height` raw pixels: turned upright by its EXIF orientation,
 * cropped to the aspect, resized (sharp's default Lanczos 3), alpha flattened onto white.
 * Undecodable or truncated input is a catalogue error.
 */
export async function decodeToPixels(
  input: Uint8Array,
  width: number,
  height: number,
  position: CropPosition,
): Promise<RawPixels> {
  try {
    const { data, info } = await fitToSize(input, width, height, position)
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (e) {
    throw hcardError('HCARD_E_PHOTO_UNDECODABLE', 'the photo cannot be decoded', { reason: String(e) }, e);
  }
}

/** The decode, orientation, crop and resize every path here shares. */
function fitToSize(input: Uint8Array, width: number, height: number, position: CropPosition): Sharp {
  return sharp(input, { failOn: 'warning' })
    .autoOrient()
    .resize(width, height, { fit: 'cover', position: SHARP_POSITION[position] })
    .flatten({ background: '#ffffff' });
}

const JPEG_OPTIONS = {
  progressive: false,
  chromaSubsampling: '4:2:0',
  optimiseCoding: true,
  mozjpeg: false,
} as const;

/**
 * Bare sharp: the same decode + resize and one encode at a fixed quality, in one pass, no
 * search. The benchmark's floor; it lives here so its resize cannot drift from the normaliser's.
 */
export async function resizeAndEncodeOnce(
  input: Uint8Array,
  width: number,
  height: number,
  position: CropPosition,
  quality: number,
): Promise<Uint8Array> {
  return fitToSize(input, width, height, position)
    .jpeg({ quality, ...JPEG_OPTIONS })
    .toBuffer();
}

/**
 * sharp's baseline (SOF0), 4:2:0, Huffman-optimised JPEG of raw pixels, without metadata (sharp
 * writes none by default): the reference jpeg-encoder.ts matches; the normaliser does not call it.
 */
export async function encodePixels(pixels: RawPixels, quality: number): Promise<Uint8Array> {
  const { data, width, height, channels } = pixels;
  return sharp(data, { raw: { width, height, channels } })
    .jpeg({ quality, ...JPEG_OPTIONS })
    .toBuffer();
}
