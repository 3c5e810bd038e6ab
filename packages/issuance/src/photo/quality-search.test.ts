import { describe, expect, it } from 'vitest';
import { searchBestQuality } from './quality-search.js';

/** A fake encoder whose output grows 3 % per quality step from `base` bytes at quality 1. */
function fakeEncoder(base: number) {
  const calls: number[] = [];
  const encode = async (q: number) => {
    calls.push(q);
    return new Uint8Array(Math.round(base * 1.03 ** (q - 1)));
  };
  return { encode, calls };
}
const size = (base: number, q: number) => Math.round(base * 1.03 ** (q - 1));

describe('searchBestQuality', () => {
  it('returns the quality that fits whose next quality does not, from any start', async () => {
    for (const start of [1, 5, 17, 40, 99]) {
      const { encode, calls } = fakeEncoder(2000);
      const r = await searchBestQuality(encode, 3072, { min: 1, max: 100 }, { quality: start, slope: 0.02 });
      expect(r.quality).toBeDefined();
      const q = r.quality as number;
      expect(size(2000, q)).toBeLessThanOrEqual(3072);
      expect(size(2000, q + 1)).toBeGreaterThan(3072);
      expect(calls).toContain(q + 1); // certified by an encode, not assumed
      expect(r.jpeg.length).toBe(size(2000, q));
    }
  });

  it('takes two encodes when the start is right', async () => {
    const { encode } = fakeEncoder(2000);
    // 2000 × 1.03^(q−1) ≤ 3072 ⇔ q ≤ 15.5…: the best is 15.
    const r = await searchBestQuality(encode, 3072, { min: 1, max: 100 }, { quality: 15.4, slope: 0.0296 });
    expect(r).toMatchObject({ quality: 15, encodes: 2 });
  });

  it('returns the top of the range when everything fits, and undefined when nothing does', async () => {
    const small = await searchBestQuality(
      fakeEncoder(10).encode,
      3072,
      { min: 5, max: 100 },
      { quality: 50, slope: 0.03 },
    );
    expect(small.quality).toBe(100);
    const big = await searchBestQuality(
      fakeEncoder(5000).encode,
      3072,
      { min: 5, max: 100 },
      { quality: 50, slope: 0.03 },
    );
    expect(big.quality).toBeUndefined();
    expect(big.jpeg.length).toBe(size(5000, 5)); // the lowest-quality encoding, for the error message
  });

  it('terminates with a certified answer when sizes are not monotonic', async () => {
    // Sizes jitter: 3072 fits at 17, 18 misses, 19 fits again (seen on real encodes).
    const sizes: Record<number, number> = { 15: 2900, 16: 3019, 17: 3068, 18: 3215, 19: 3060, 20: 3300 };
    const encode = async (q: number) => new Uint8Array(sizes[q] ?? (q < 15 ? 2000 : 9000));
    const r = await searchBestQuality(encode, 3072, { min: 1, max: 100 }, { quality: 14.5, slope: 0.04 });
    expect([17, 19]).toContain(r.quality);
    expect(sizes[(r.quality as number) + 1]).toBeGreaterThan(3072);
  });
});
