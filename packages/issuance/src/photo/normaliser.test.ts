import { isHcardError } from '@hcard/card-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeToPixels, encodePixels } from './jpeg-codec.js';
import { encodeAt, prepareJpeg } from './jpeg-encoder.js';
import { normalisePhoto, PhotoNormaliser } from './normaliser.js';
import { DEFAULT_PHOTO_SETTINGS, ID_PHOTO_SIZE, PHOTO_JPEG_LIMIT } from './settings.js';
import { generateEnrolmentPhoto } from './synthetic-photo.js';

/** Marker codes of a JPEG's header segments, SOI up to and including SOS (ITU T.81 B.1). */
function headerMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  let i = 2;
  while (i + 4 <= jpeg.length) {
    expect(jpeg[i]).toBe(0xff);
    const marker = jpeg[i + 1] as number;
    markers.push(marker);
    if (marker === 0xda) break;
    i += 2 + (((jpeg[i + 2] as number) << 8) | (jpeg[i + 3] as number));
  }
  return markers;
}
const SOF0 = 0xc0;
const SOF2 = 0xc2;
const APP1 = 0xe1; // EXIF / XMP
const APP2 = 0xe2; // ICC profile

const solid = (width: number, height: number, r: number, g: number, b: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } });

/** A photo of uniform random pixels: nothing a JPEG can save on. */
async function whiteNoise(width: number, height: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = 12345;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    pixels[i] = state >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

const size = async (jpeg: Uint8Array) => {
  const m = await sharp(jpeg).metadata();
  return [m.width, m.height];
};
const { width: WIDTH, height: HEIGHT } = ID_PHOTO_SIZE;
const third = (n: number) => Math.floor(n / 3);

describe('normalisePhoto', () => {
  it('makes a baseline JPEG of exactly the ID-photo size within the card limit, without metadata', async () => {
    // A camera file with EXIF and an ICC profile: neither may reach the card.
    const camera = await sharp(await generateEnrolmentPhoto(1))
      .withExif({ IFD0: { Make: 'SyntheticCam', Copyright: 'test' } })
      .withIccProfile('p3')
      .jpeg({ quality: 92 })
      .toBuffer();
    expect(headerMarkers(camera)).toContain(APP1);
    const jpeg = await normalisePhoto(camera);
    const markers = headerMarkers(jpeg);
    expect(markers).toContain(SOF0);
    expect(markers).not.toContain(SOF2);
    expect(markers).not.toContain(APP1);
    expect(markers).not.toContain(APP2);
    expect(await size(jpeg)).toEqual([WIDTH, HEIGHT]);
    expect(jpeg.length).toBeLessThanOrEqual(PHOTO_JPEG_LIMIT);
    expect((await sharp(jpeg).metadata()).chromaSubsampling).toBe('4:2:0');
  });

  it('limits the JPEG to the photo item less its 2-byte length (card-core: item 385 is 3074 bytes)', () => {
    expect(PHOTO_JPEG_LIMIT).toBe(3072);
    expect(DEFAULT_PHOTO_SETTINGS.maxBytes).toBe(PHOTO_JPEG_LIMIT);
  });

  it('keeps the ID-photo aspect (26 × 32 mm) to the pixel at whatever size is set', () => {
    expect(DEFAULT_PHOTO_SETTINGS).toMatchObject(ID_PHOTO_SIZE);
    expect(Math.abs((WIDTH * 32) / 26 - HEIGHT)).toBeLessThanOrEqual(0.5);
  });

  it('gives the best quality: a smooth photo gets more than a noisy one, and one more does not fit', async () => {
    const normaliser = new PhotoNormaliser();
    const smooth = await generateEnrolmentPhoto(2, { detail: 0 });
    const noisy = await generateEnrolmentPhoto(3, { detail: 40 });
    const a = await normaliser.normalise(smooth);
    const b = await normaliser.normalise(noisy);
    expect(a.jpeg.length).toBeLessThanOrEqual(PHOTO_JPEG_LIMIT);
    expect(b.jpeg.length).toBeLessThanOrEqual(PHOTO_JPEG_LIMIT);
    expect(a.quality).toBeGreaterThan(b.quality);
    for (const [input, result] of [
      [smooth, a],
      [noisy, b],
    ] as const) {
      const { width, height, position } = DEFAULT_PHOTO_SETTINGS;
      const pixels = await decodeToPixels(input, width, height, position);
      const prepared = prepareJpeg(pixels);
      expect(encodeAt(prepared, result.quality)).toEqual(result.jpeg); // same encoder
      expect(encodeAt(prepared, result.quality + 1).length).toBeGreaterThan(PHOTO_JPEG_LIMIT);
      // …and what sharp itself writes at that quality (jpeg-encoder.test.ts proves it at every quality).
      expect(Buffer.from(result.jpeg).equals(await encodePixels(pixels, result.quality))).toBe(true);
    }
  });

  it('starts each photo from what earlier photos needed: a settled batch takes two encodes a photo', async () => {
    // Start far above where the photo lands. (From below, the moving estimate stays a fraction
    // under the answer for a long while, and floor() then costs a third encode.)
    const normaliser = new PhotoNormaliser({ initialQuality: DEFAULT_PHOTO_SETTINGS.maxQuality });
    const photo = await generateEnrolmentPhoto(4);
    const first = await normaliser.normalise(photo);
    let last = first;
    for (let i = 0; i < 12; i++) last = await normaliser.normalise(photo);
    expect(first.encodes).toBeGreaterThan(2);
    expect(last.encodes).toBe(2);
    expect(last.quality).toBe(first.quality);
    expect(normaliser.stats.photos).toBe(13);
  });

  it('refuses undecodable and truncated input with a catalogue error', async () => {
    const truncated = (await generateEnrolmentPhoto(5)).subarray(0, 5000);
    for (const bad of [new TextEncoder().encode('not a photo at all'), truncated]) {
      const error = await normalisePhoto(bad).catch((e) => e);
      expect(isHcardError(error, 'HCARD_E_PHOTO_UNDECODABLE')).toBe(true);
      expect(error.message).toMatch(/cannot be decoded/);
    }
  });

  it('refuses a photo that does not fit even at the lowest quality', async () => {
    // At the card's small photo size even white noise fits at the default floor (quality 5:
    // ≈ 0.8 KB; full-swing black/white noise ≈ 2 KB), so the test raises the floor: noise at
    // quality 30 is ≈ 3.8 KB. The error's byte count shows the refusal is real, not a bug.
    const minQuality = 30;
    const error = await normalisePhoto(await whiteNoise(WIDTH, HEIGHT), { minQuality }).catch((e) => e);
    expect(isHcardError(error, 'HCARD_E_PHOTO_TOO_DETAILED')).toBe(true);
    expect(String(error)).toMatch(`even at JPEG quality ${minQuality} (`);
    expect(error.details.bytes).toBeGreaterThan(PHOTO_JPEG_LIMIT);
  });

  it('handles tiny and huge inputs', async () => {
    const tiny = await solid(12, 15, 200, 180, 160).jpeg().toBuffer();
    const huge = await generateEnrolmentPhoto(6, { width: 3000, height: 4000, detail: 4 });
    for (const input of [tiny, huge]) {
      const jpeg = await normalisePhoto(input);
      expect(await size(jpeg)).toEqual([WIDTH, HEIGHT]);
      expect(jpeg.length).toBeLessThanOrEqual(PHOTO_JPEG_LIMIT);
    }
  });

  it('crops portrait and landscape inputs to the aspect around the centre', async () => {
    // Three bands across the long axis: red, green, blue. A centre crop keeps the green middle.
    const bands = async (width: number, height: number) => {
      const landscape = width > height;
      const band = Math.floor((landscape ? width : height) / 3);
      const overlay = (left: number, top: number, r: number, g: number, b: number) => ({
        input: {
          create: {
            width: landscape ? band : width,
            height: landscape ? height : band,
            channels: 3 as const,
            background: { r, g, b },
          },
        },
        left,
        top,
      });
      return solid(width, height, 255, 0, 0)
        .composite([
          landscape ? overlay(band, 0, 0, 255, 0) : overlay(0, band, 0, 255, 0),
          landscape ? overlay(2 * band, 0, 0, 0, 255) : overlay(0, 2 * band, 0, 0, 255),
        ])
        .jpeg()
        .toBuffer();
    };
    for (const [w, h] of [
      [1500, 600],
      [600, 2400],
    ] as const) {
      const jpeg = await normalisePhoto(await bands(w, h));
      expect(await size(jpeg)).toEqual([WIDTH, HEIGHT]);
      // stats() reads the input, not the pipeline: extract to a buffer first.
      const centre = await sharp(jpeg)
        .extract({ left: third(WIDTH), top: third(HEIGHT), width: third(WIDTH), height: third(HEIGHT) })
        .png()
        .toBuffer();
      const { channels } = await sharp(centre).stats();
      const [r, g, b] = channels.map((c) => c.mean);
      expect(g).toBeGreaterThan(200);
      expect(r).toBeLessThan(60);
      expect(b).toBeLessThan(60);
    }
  });
});
