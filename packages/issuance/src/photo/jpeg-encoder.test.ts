import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeToPixels, encodePixels, type RawPixels } from './jpeg-codec.js';
import { encodeAt, huffmanTablesAt, optimalHuffmanTable, prepareJpeg } from './jpeg-encoder.js';
import { ID_PHOTO_SIZE } from './settings.js';
import { generateEnrolmentPhoto } from './synthetic-photo.js';

// The reference is sharp 0.35 (libvips + mozjpeg in libjpeg-turbo's "fastest" profile), an
// independent implementation: byte equality with it is the claim. Every input is a synthetic
// enrolment photo (synthetic-photo.ts).

const SHARP_JPEG = {
  progressive: false,
  chromaSubsampling: '4:2:0',
  optimiseCoding: true,
  mozjpeg: false,
} as const;

/** sharp's 1-component JPEG of grey pixels (without `b-w` sharp widens grey to sRGB). */
async function sharpGrey(pixels: RawPixels, quality: number): Promise<Buffer> {
  const { data, width, height } = pixels;
  return sharp(data, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .jpeg({ quality, ...SHARP_JPEG })
    .toBuffer();
}

/** A synthetic photo as raw pixels at any size: RGB through the normaliser's own decode, or grey. */
async function photoPixels(seed: number, width: number, height: number, grey = false): Promise<RawPixels> {
  const photo = await generateEnrolmentPhoto(seed, { detail: 2 + (seed % 11) });
  if (!grey) return decodeToPixels(photo, width, height, 'centre');
  const { data, info } = await sharp(photo)
    .resize(width, height, { fit: 'cover' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(1);
  return { data, width: info.width, height: info.height, channels: 1 };
}

/** Index of the first differing byte, or −1: a failure then says where, not just "not equal". */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** The header segments before the entropy-coded data (ITU-T T.81 B.1.1.4: marker, 2-byte length). */
function segments(jpeg: Uint8Array): { marker: number; body: Uint8Array }[] {
  expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]); // SOI
  const out: { marker: number; body: Uint8Array }[] = [];
  let i = 2;
  for (;;) {
    expect(jpeg[i]).toBe(0xff);
    const marker = jpeg[i + 1] as number;
    const length = ((jpeg[i + 2] as number) << 8) | (jpeg[i + 3] as number);
    out.push({ marker, body: jpeg.subarray(i + 4, i + 2 + length) });
    i += 2 + length;
    if (marker === 0xda) return out;
  }
}

/** The entropy-coded segment: after SOS, up to the EOI that ends the file. */
function scanData(jpeg: Uint8Array): Uint8Array {
  const sos = segments(jpeg).at(-1)!;
  const start = sos.body.byteOffset - jpeg.byteOffset + sos.body.length;
  expect([jpeg.at(-2), jpeg.at(-1)]).toEqual([0xff, 0xd9]); // EOI
  return jpeg.subarray(start, jpeg.length - 2);
}

describe('prepareJpeg + encodeAt', () => {
  it('writes what sharp writes, byte for byte, for ID-size photos at every quality 1–100', async () => {
    const { width, height } = ID_PHOTO_SIZE;
    for (let seed = 1; seed <= 12; seed++) {
      // photoPixels: detail 2 + seed % 11, so every noise level of the benchmark's set, 2…12.
      const pixels = await photoPixels(seed, width, height);
      const prepared = prepareJpeg(pixels);
      for (let quality = 1; quality <= 100; quality++) {
        const ours = encodeAt(prepared, quality);
        const theirs = await encodePixels(pixels, quality);
        expect({ seed, quality, at: firstDifference(ours, theirs) }).toEqual({ seed, quality, at: -1 });
      }
    }
  });

  it('matches sharp at odd sizes: edge padding, 4:2:0 of an odd row or column, dummy blocks', async () => {
    // 102 × 126 itself has a dummy block column (13 luma blocks across, 7 MCUs); these add odd
    // widths and heights, a single pixel, partial MCUs both ways, and a dummy block row (h 120).
    const sizes = [
      [1, 1],
      [2, 3],
      [7, 5],
      [8, 8],
      [9, 17],
      [16, 16],
      [17, 9],
      [33, 31],
      [101, 125],
      [103, 120],
      [64, 200],
    ] as const;
    for (const [i, [width, height]] of sizes.entries()) {
      const pixels = await photoPixels(10 + i, width, height);
      const prepared = prepareJpeg(pixels);
      for (const quality of [1, 23, 50, 75, 88, 91, 97, 100]) {
        const at = firstDifference(encodeAt(prepared, quality), await encodePixels(pixels, quality));
        expect({ width, height, quality, at }).toEqual({ width, height, quality, at: -1 });
      }
    }
  });

  it('matches sharp on saturated noise, where DCT coefficients reach their extremes', async () => {
    // detail 255: the noise swings every pixel to 0 or 255, so blocks come close to the DCT's
    // largest outputs (every intermediate must still fit 32 bits) and to the DC differences'
    // largest categories.
    for (const [width, height] of [
      [102, 126],
      [37, 21],
    ] as const) {
      // Made at the size it is encoded at, so no resize averages the noise away.
      const photo = await generateEnrolmentPhoto(40, { width, height, detail: 255, quality: 100 });
      const pixels = await decodeToPixels(photo, width, height, 'centre');
      const prepared = prepareJpeg(pixels);
      for (let quality = 1; quality <= 100; quality += 3) {
        const at = firstDifference(encodeAt(prepared, quality), await encodePixels(pixels, quality));
        expect({ width, quality, at }).toEqual({ width, quality, at: -1 });
      }
    }
  });

  it('writes a one-component greyscale JPEG from one channel, as sharp does for b-w', async () => {
    for (const [width, height] of [
      [102, 126],
      [17, 9],
      [1, 1],
    ] as const) {
      const pixels = await photoPixels(30 + width, width, height, true);
      const prepared = prepareJpeg(pixels);
      for (const quality of [5, 50, 90, 100]) {
        const ours = encodeAt(prepared, quality);
        expect({ width, quality, at: firstDifference(ours, await sharpGrey(pixels, quality)) }).toEqual({
          width,
          quality,
          at: -1,
        });
        const sof = segments(ours).find((s) => s.marker === 0xc0)!;
        expect(sof.body[5]).toBe(1); // Nf = 1 component
      }
    }
  });

  it('limits Huffman codes to 16 bits as libjpeg does, where the optimal code needs longer ones', async () => {
    // A detailed 600 × 800 photo straight from a quality-100 camera file: at high qualities the
    // AC tables' rarest symbols want codes of 17–21 bits, folded back by T.81 Figure K.3.
    const photo = await generateEnrolmentPhoto(7, { detail: 40, quality: 100 });
    for (const grey of [false, true]) {
      const { data, info } = await (grey ? sharp(photo).greyscale() : sharp(photo))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const pixels: RawPixels = {
        data,
        width: info.width,
        height: info.height,
        channels: info.channels as 1 | 3,
      };
      const prepared = prepareJpeg(pixels);
      for (const quality of [95, 100]) {
        const tables = huffmanTablesAt(prepared, quality);
        expect(Math.max(...tables.map((t) => t.longestBeforeLimit))).toBeGreaterThan(16);
        const ours = encodeAt(prepared, quality);
        const theirs = grey ? await sharpGrey(pixels, quality) : await encodePixels(pixels, quality);
        expect({ grey, quality, at: firstDifference(ours, theirs) }).toEqual({ grey, quality, at: -1 });
      }
    }
  });

  it('lays the file out as SOI, DQT, SOF0, DHT, SOS, data, EOI, without APP0, like sharp', async () => {
    const jpeg = encodeAt(prepareJpeg(await photoPixels(3, 102, 126)), 90);
    expect(segments(jpeg).map((s) => s.marker)).toEqual([0xdb, 0xdb, 0xc0, 0xc4, 0xc4, 0xc4, 0xc4, 0xda]);
    const sof = segments(jpeg).find((s) => s.marker === 0xc0)!;
    // P = 8, Y = 126, X = 102, Nf = 3; Y 2×2 on table 0, Cb and Cr 1×1 on table 1 (4:2:0).
    expect([...sof.body]).toEqual([8, 0, 126, 0, 102, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  });

  it('quantises with the Annex K tables scaled as IJG does (jcparam.c), written in zigzag order', async () => {
    const prepared = prepareJpeg(await photoPixels(4, 16, 16));
    // ITU-T T.81 Table K.1 (luminance) in zigzag order (T.81 Figure A.6), read off the printed table.
    const k1Zigzag = [
      16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40,
      58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103,
      104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
    ];
    const luminanceDqt = (quality: number) => [...segments(encodeAt(prepared, quality))[0]!.body.subarray(1)];
    expect(luminanceDqt(50)).toEqual(k1Zigzag); // scaling 100 %
    // jpeg_quality_scaling: q ≥ 50 → 200 − 2q %, q < 50 → 5000 / q %; entries (e × s + 50) / 100,
    // clamped to 1…255 (force_baseline).
    expect(luminanceDqt(75)).toEqual(k1Zigzag.map((e) => Math.floor((e * 50 + 50) / 100)));
    expect(luminanceDqt(90)).toEqual(k1Zigzag.map((e) => Math.max(1, Math.floor((e * 20 + 50) / 100))));
    expect(luminanceDqt(10)).toEqual(k1Zigzag.map((e) => Math.min(255, Math.floor((e * 500 + 50) / 100))));
    expect(luminanceDqt(100)).toEqual(k1Zigzag.map(() => 1));
    expect(luminanceDqt(1)).toEqual(k1Zigzag.map(() => 255));
    // Table K.2 (chrominance) at 50 %: its first row in zigzag order, then all 99.
    const chromaDqt = [...segments(encodeAt(prepared, 50))[1]!.body];
    expect(chromaDqt[0]).toBe(1); // Tq = 1
    expect(chromaDqt.slice(1, 11)).toEqual([17, 18, 18, 24, 21, 24, 47, 26, 26, 47]);
    expect(chromaDqt.slice(1).filter((e) => e === 99)).toHaveLength(64 - 13); // K.2 has 13 entries under 99
  });

  it('stuffs every 0xFF in the entropy-coded data with 0x00 (T.81 F.1.2.3)', async () => {
    let ffs = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const prepared = prepareJpeg(await photoPixels(seed, 102, 126));
      for (const quality of [60, 90, 100]) {
        const data = scanData(encodeAt(prepared, quality));
        for (let i = 0; i < data.length; i++) {
          if (data[i] !== 0xff) continue;
          ffs++;
          expect(data[i + 1]).toBe(0x00);
        }
      }
    }
    expect(ffs).toBeGreaterThan(0); // the property was exercised
  });

  it('refuses channels it cannot encode, bad sizes and qualities, with a reason', async () => {
    const data = Buffer.alloc(4 * 4 * 4);
    expect(() => prepareJpeg({ data, width: 4, height: 4, channels: 4 })).toThrow(
      /1 \(grey\) or 3 \(RGB\).*got 4/,
    );
    expect(() => prepareJpeg({ data, width: 4, height: 4, channels: 2 })).toThrow(/got 2: flatten alpha/);
    expect(() => prepareJpeg({ data, width: 0, height: 4, channels: 3 })).toThrow(RangeError);
    expect(() => prepareJpeg({ data: Buffer.alloc(10), width: 4, height: 4, channels: 3 })).toThrow(
      /need 48 bytes/,
    );
    const prepared = prepareJpeg({ data, width: 4, height: 4, channels: 3 });
    for (const quality of [0, 101, 90.5, Number.NaN]) {
      expect(() => encodeAt(prepared, quality)).toThrow(/integer 1…100/);
    }
  });
});

describe('optimalHuffmanTable (ITU-T T.81 Annex K.2 as libjpeg jchuff.c implements it)', () => {
  it('builds the optimal code, ties to the larger symbol, the all-ones code left unused', () => {
    // Hand-worked with Figure K.1 and libjpeg's pseudo-symbol 256 (frequency 1): merges
    // {256, 1} → {0, {256, 1}} → {2, …} → {3, …}; code lengths 3:1, 2:2, 0:3, 1:4, 256:4; the
    // pseudo-symbol's code is then dropped, so BITS = 1, 1, 1, 1 and HUFFVAL = 3, 2, 0, 1
    // (codes 0, 10, 110, 1110; 1111 unused).
    const frequencies = new Array(256).fill(0);
    Object.assign(frequencies, { 0: 1, 1: 1, 2: 2, 3: 4 });
    const table = optimalHuffmanTable(frequencies);
    expect([...table.bits]).toEqual([0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...table.values]).toEqual([3, 2, 0, 1]);
    expect(table.longestBeforeLimit).toBe(4);
    // A tie decides: symbols 0 and 1 both of frequency 2. First merge: the pseudo-symbol (1) with
    // the larger of the tied symbols, 1; then 0 (2) with that pair (3): 0 gets 1 bit, 1 gets 2.
    // (Ties to the smaller symbol would give 1 the short code: HUFFVAL 1, 0.)
    const tie = optimalHuffmanTable(Object.assign(new Array(256).fill(0), { 0: 2, 1: 2 }));
    expect([...tie.bits.subarray(1, 4)]).toEqual([1, 1, 0]);
    expect([...tie.values]).toEqual([0, 1]);
  });

  it('folds codes longer than 16 bits back two at a time (Figure K.3, Adjust_BITS)', () => {
    // Frequencies 2^i for symbols 0…17 (and 1 for the pseudo-symbol) make a chain: symbol 17 gets
    // 1 bit, symbol i gets 18 − i bits, symbols 0 and 256 get 18: BITS(1…17) = 1, BITS(18) = 2.
    // Adjust_BITS, by hand: i = 18 takes a prefix from length 16 → BITS(16) = 0, BITS(17) = 4;
    // i = 17 twice, from 15 then from 14 → BITS(14) = 0, BITS(15) = 2, BITS(16) = 4; then the
    // pseudo-symbol leaves length 16 → 3. 13 + 2 + 3 = 18 symbols, Kraft sum 1 − 2⁻¹⁶.
    const frequencies = Array.from({ length: 256 }, (_, i) => (i < 18 ? 2 ** i : 0));
    const table = optimalHuffmanTable(frequencies);
    expect([...table.bits]).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 3]);
    expect([...table.values]).toEqual(Array.from({ length: 18 }, (_, i) => 17 - i)); // by unlimited length
    expect(table.longestBeforeLimit).toBe(18);
  });

  it('keeps every table a valid JPEG code: at most 16 bits, all symbols, the all-ones code free', () => {
    let state = 99;
    const random = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32;
    };
    for (let trial = 0; trial < 200; trial++) {
      // Skewed counts (up to 2^24) over a random subset of symbols, as rare AC symbols are.
      const frequencies = Array.from({ length: 256 }, () =>
        random() < 0.4 ? Math.floor(2 ** (random() * 24)) : 0,
      );
      const used = frequencies.filter((f) => f > 0).length;
      const { bits, values } = optimalHuffmanTable(frequencies);
      expect(bits.reduce((a, b) => a + b, 0)).toBe(used);
      expect(new Set(values).size).toBe(used);
      const kraft = [...bits].reduce(
        (sum, count, length) => sum + (length === 0 ? 0 : count * 2 ** -length),
        0,
      );
      expect(kraft).toBeLessThan(1);
    }
  });
});
