import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { generatePhoto, PHOTO_HEIGHT, PHOTO_MAX_BYTES, PHOTO_WIDTH } from './photo.js';

describe('generatePhoto', () => {
  it('fits the photo file, has JPEG markers and decodes to the portrait size', () => {
    for (let seed = 0; seed < 40; seed++) {
      const photo = generatePhoto(seed, { sex: seed % 2 === 0 ? 'male' : 'female' });
      expect(photo.length).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
      expect([photo[0], photo[1]]).toEqual([0xff, 0xd8]);
      expect([photo.at(-2), photo.at(-1)]).toEqual([0xff, 0xd9]);
      const image = jpeg.decode(photo, { useTArray: true });
      expect([image.width, image.height]).toEqual([PHOTO_WIDTH, PHOTO_HEIGHT]);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generatePhoto('synthetic-7')).toEqual(generatePhoto('synthetic-7'));
    expect(generatePhoto('synthetic-7')).not.toEqual(generatePhoto('synthetic-8'));
  });

  it('is a portrait, not a blank: the middle differs from the corner', () => {
    const image = jpeg.decode(generatePhoto(3), { useTArray: true });
    const pixel = (x: number, y: number) =>
      Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    const corner = pixel(2, 2);
    const face = pixel(PHOTO_WIDTH / 2, 58);
    const distance = corner.reduce((sum, c, i) => sum + Math.abs(c - face[i]!), 0);
    expect(distance).toBeGreaterThan(30);
  });
});
