/**
 * A baseline (SOF0) JPEG encoder for the card photo's quality search, split so that a probe is
 * cheap: `prepareJpeg` does the work that does not depend on the quality once per photo (colour
 * conversion, 4:2:0 downsampling, edge padding, forward DCT: ≈ 0.2 ms at 102 × 126 on the 2-vCPU
 * benchmark machine), `encodeAt` quantises, builds the optimal Huffman tables and writes the file
 * (≈ 0.13 ms, where one sharp call costs ≈ 0.65 ms before it encodes anything).
 *
 * The output is byte for byte what sharp 0.35 writes for the same pixels with
 * `jpeg({ quality, progressive: false, chromaSubsampling: '4:2:0', optimiseCoding: true,
 * mozjpeg: false })`: libvips runs its mozjpeg in libjpeg-turbo's "fastest" profile, so every step
 * below follows the libjpeg(-turbo) source it names, integer arithmetic and rounding included.
 * Like sharp's, the file has no APP0 (JFIF) segment: SOI, DQT, SOF0, DHT, SOS, data, EOI.
 * Three channels (RGB) give the usual Y Cb Cr 4:2:0 file, one channel a one-component greyscale
 * file (sharp writes that for `toColourspace('b-w')`); two and four (alpha, CMYK) are refused:
 * flatten first.
 */
import type { RawPixels } from './jpeg-codec.js';

/** A photo made ready for `encodeAt`: everything up to and including the forward DCT. */
export interface PreparedJpeg {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3;
  /** DCT coefficients (islow scale, 8 × the orthonormal DCT), 64 a block in zigzag order, blocks in scan order. */
  readonly coefficients: Int16Array;
  /** The component (0 = Y, 1 = Cb, 2 = Cr) of each block, in scan order. */
  readonly blockComponents: Uint8Array;
  /**
   * Per block, 8 a block: the largest |coefficient| from zigzag index 8s + 1 to 63, s = 0…7. A
   * quality whose quantiser zeroes everything under it there skips that tail (it is all EOB).
   */
  readonly tailMaxima: Int16Array;
}

/** Zigzag index → natural (row-major) index: ITU-T T.81 Figure A.6 (libjpeg jutils.c jpeg_natural_order). */
// biome-ignore format: eight rows of eight
const NATURAL_ORDER = Uint8Array.of(
   0,  1,  8, 16,  9,  2,  3, 10,
  17, 24, 32, 25, 18, 11,  4,  5,
  12, 19, 26, 33, 40, 48, 41, 34,
  27, 20, 13,  6,  7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36,
  29, 22, 15, 23, 30, 37, 44, 51,
  58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
);

/** Natural index → zigzag index (the inverse of NATURAL_ORDER). */
const ZIGZAG_OF = new Uint8Array(64);
for (let k = 0; k < 64; k++) ZIGZAG_OF[NATURAL_ORDER[k]!] = k;

/** ITU-T T.81 Annex K, Table K.1: luminance quantisation table, natural order (libjpeg jcparam.c). */
// biome-ignore format: eight rows of eight
const LUMINANCE_QUANT = Uint8Array.of(
   16,  11,  10,  16,  24,  40,  51,  61,
   12,  12,  14,  19,  26,  58,  60,  55,
   14,  13,  16,  24,  40,  57,  69,  56,
   14,  17,  22,  29,  51,  87,  80,  62,
   18,  22,  37,  56,  68, 109, 103,  77,
   24,  35,  55,  64,  81, 104, 113,  92,
   49,  64,  78,  87, 103, 121, 120, 101,
   72,  92,  95,  98, 112, 100, 103,  99,
);

/** ITU-T T.81 Annex K, Table K.2: chrominance quantisation table, natural order. */
// biome-ignore format: eight rows of eight
const CHROMINANCE_QUANT = Uint8Array.of(
   17,  18,  24,  47,  99,  99,  99,  99,
   18,  21,  26,  66,  99,  99,  99,  99,
   24,  26,  56,  99,  99,  99,  99,  99,
   47,  66,  99,  99,  99,  99,  99,  99,
   99,  99,  99,  99,  99,  99,  99,  99,
   99,  99,  99,  99,  99,  99,  99,  99,
   99,  99,  99,  99,  99,  99,  99,  99,
   99,  99,  99,  99,  99,  99,  99,  99,
);

// ---------------------------------------------------------------------------------------------
// Preparation: colour conversion, downsampling, padding, forward DCT (quality-independent).

/*
 * RGB → YCbCr in 16-bit fixed point, libjpeg jccolor.c (rgb_ycc_start, rgb_ycc_convert; the
 * BT.601 weights JFIF uses). libjpeg tabulates FIX(w) × i per weight, FIX(w) = round(w × 2^16),
 * and adds three table entries; the products below are the same integers:
 *   Y  = ( FIX(0.29900) R + FIX(0.58700) G + FIX(0.11400) B + ½) >> 16
 *      = (19595 R + 38470 G + 7471 B + 32768) >> 16
 *   Cb = (−FIX(0.16874) R − FIX(0.33126) G + FIX(0.5) B + (128 << 16) + ½ − 1) >> 16
 *      = (−11059 R − 21709 G + 32768 B + 8421375) >> 16
 *   Cr = ( FIX(0.5) R − FIX(0.41869) G − FIX(0.08131) B + (128 << 16) + ½ − 1) >> 16
 *      = (32768 R − 27439 G − 5329 B + 8421375) >> 16
 * (Cb and Cr round by ½ − ε so that 255 never rounds up to 256.) They are literals in the loop:
 * a module constant there is a context load on every use, 10 % of `prepareJpeg`.
 */

/** The sample planes between colour conversion and DCT, reused by every `prepareJpeg` (it does not yield). */
let planeBuffer = new Uint8Array(0);
function planeScratch(size: number): Uint8Array {
  if (planeBuffer.length < size) planeBuffer = new Uint8Array(size);
  return planeBuffer;
}

/** Colour conversion, downsampling and DCT of one photo: do it once, then `encodeAt` per quality. */
export function prepareJpeg(pixels: RawPixels): PreparedJpeg {
  const { data, width, height, channels } = pixels;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`JPEG size must be whole pixels ≥ 1, got ${width} × ${height}`);
  }
  if (width > 65535 || height > 65535)
    throw new RangeError(`JPEG size is at most 65535, got ${width} × ${height}`);
  if (channels !== 1 && channels !== 3) {
    throw new RangeError(
      `the JPEG encoder takes 1 (grey) or 3 (RGB) channels, got ${channels}: flatten alpha or convert to sRGB first`,
    );
  }
  if (data.length < width * height * channels) {
    throw new RangeError(
      `${width} × ${height} × ${channels} pixels need ${width * height * channels} bytes, got ${data.length}`,
    );
  }
  return channels === 3 ? prepareColour(data, width, height) : prepareGrey(data, width, height);
}

function prepareGrey(data: Uint8Array, width: number, height: number): PreparedJpeg {
  // One component, h = v = 1: blocks cover the image in raster order, no dummy blocks. The
  // plane is padded to whole blocks by repeating the last column and row (jcsample.c
  // expand_right_edge, jcprepct.c expand_bottom_edge).
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const stride = blocksX * 8;
  const plane = new Uint8Array(stride * blocksY * 8);
  for (let y = 0; y < blocksY * 8; y++) {
    const src = Math.min(y, height - 1) * width;
    const row = y * stride;
    for (let x = 0; x < width; x++) plane[row + x] = data[src + x]!;
    plane.fill(data[src + width - 1]!, row + width, row + stride);
  }
  const blocks = blocksX * blocksY;
  const coefficients = new Int16Array(blocks * 64);
  const workspace = new Int32Array(64);
  for (let by = 0, b = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++, b++) {
      forwardDct(plane, stride, bx * 8, by * 8, workspace, coefficients, b * 64);
    }
  }
  return {
    width,
    height,
    components: 1,
    coefficients,
    blockComponents: new Uint8Array(blocks),
    tailMaxima: tailMaxima(coefficients),
  };
}

/**
 * jccolor.c rgb_ycc_convert for the pixel at `data[i]`: its Y into `luma[out]`; returns its Cb
 * and Cr as Cb << 8 | Cr (both 0–255).
 */
function toYcc(data: Uint8Array, i: number, luma: Uint8Array, out: number): number {
  const r = data[i]!;
  const g = data[i + 1]!;
  const b = data[i + 2]!;
  luma[out] = (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
  const cb = (32768 * b - 11059 * r - 21709 * g + 8421375) >> 16;
  const cr = (32768 * r - 27439 * g - 5329 * b + 8421375) >> 16;
  return (cb << 8) | cr;
}

function prepareColour(data: Uint8Array, width: number, height: number): PreparedJpeg {
  // 4:2:0: Y is h2v2, Cb and Cr h1v1; an MCU is 16 × 16 pixels: four Y blocks, one Cb, one Cr.
  const mcusX = Math.ceil(width / 16);
  const mcusY = Math.ceil(height / 16);
  const yBlocksX = Math.ceil(width / 8); // jcmaster.c: width_in_blocks
  const yBlocksY = Math.ceil(height / 8);
  // One pass over 2 × 2 pixel squares: Y, Cb and Cr of each pixel (jccolor.c rgb_ycc_convert),
  // Y kept, Cb and Cr downsampled (jcsample.c h2v2_downsample: the mean of the square, with a
  // bias alternating 1, 2, 1, 2 along the row so the rounding does not drift). Edges as libjpeg
  // pads them (jcsample.c expand_right_edge, jcprepct.c expand_bottom_edge): columns past the
  // image repeat its last pixel, out to the MCU width (so Y's padding comes out of the same pass);
  // an odd last row pairs with its own copy; rows below repeat the last Y row or chroma row.
  const stride = mcusX * 16;
  const chromaStride = mcusX * 8;
  const chromaRows = Math.ceil(height / 2);
  const lumaRows = yBlocksY * 8;
  const chromaSize = chromaStride * mcusY * 8;
  const scratch = planeScratch(stride * lumaRows + 2 * chromaSize); // every byte used is written below
  const luma = scratch.subarray(0, stride * lumaRows);
  const cb = scratch.subarray(stride * lumaRows, stride * lumaRows + chromaSize);
  const cr = scratch.subarray(stride * lumaRows + chromaSize, stride * lumaRows + 2 * chromaSize);
  const lastX = width - 1;
  for (let cy = 0; cy < chromaRows; cy++) {
    const y0 = 2 * cy;
    const y1 = Math.min(y0 + 1, height - 1);
    const in0 = y0 * width * 3;
    const in1 = y1 * width * 3;
    const out0 = y0 * stride;
    const out1 = y1 * stride;
    const chromaOut = cy * chromaStride;
    for (let cx = 0; cx < chromaStride; cx++) {
      const x0 = Math.min(2 * cx, lastX);
      const x1 = Math.min(2 * cx + 1, lastX);
      const p00 = toYcc(data, in0 + 3 * x0, luma, out0 + 2 * cx);
      const p01 = toYcc(data, in0 + 3 * x1, luma, out0 + 2 * cx + 1);
      const p10 = toYcc(data, in1 + 3 * x0, luma, out1 + 2 * cx);
      const p11 = toYcc(data, in1 + 3 * x1, luma, out1 + 2 * cx + 1);
      const bias = 1 + (cx & 1);
      cb[chromaOut + cx] = (bias + (p00 >> 8) + (p01 >> 8) + (p10 >> 8) + (p11 >> 8)) >> 2;
      cr[chromaOut + cx] = (bias + (p00 & 0xff) + (p01 & 0xff) + (p10 & 0xff) + (p11 & 0xff)) >> 2;
    }
  }
  for (let y = height; y < lumaRows; y++) luma.copyWithin(y * stride, (height - 1) * stride, height * stride);
  const lastChroma = (chromaRows - 1) * chromaStride;
  for (let cy = chromaRows; cy < mcusY * 8; cy++) {
    cb.copyWithin(cy * chromaStride, lastChroma, lastChroma + chromaStride);
    cr.copyWithin(cy * chromaStride, lastChroma, lastChroma + chromaStride);
  }

  const blocks = mcusX * mcusY * 6;
  const coefficients = new Int16Array(blocks * 64);
  const blockComponents = new Uint8Array(blocks);
  const workspace = new Int32Array(64);
  let b = 0;
  for (let my = 0; my < mcusY; my++) {
    for (let mx = 0; mx < mcusX; mx++) {
      const first = b;
      for (let k = 0; k < 4; k++, b++) {
        const bx = 2 * mx + (k & 1);
        const by = 2 * my + (k >> 1);
        if (by >= yBlocksY) {
          // A dummy block row below the image (jccoefct.c compress_first_pass): no AC, and the DC
          // of the MCU's last block in the row above. Its quantised DC is what libjpeg copies;
          // copying the unquantised one quantises to the same value.
          coefficients[b * 64] = coefficients[(first + 1) * 64]!;
        } else if (bx >= yBlocksX) {
          // A dummy block right of the image: no AC, the DC of the real block to its left.
          coefficients[b * 64] = coefficients[(b - 1) * 64]!;
        } else {
          forwardDct(luma, stride, bx * 8, by * 8, workspace, coefficients, b * 64);
        }
      }
      forwardDct(cb, chromaStride, mx * 8, my * 8, workspace, coefficients, b * 64);
      blockComponents[b++] = 1;
      forwardDct(cr, chromaStride, mx * 8, my * 8, workspace, coefficients, b * 64);
      blockComponents[b++] = 2;
    }
  }
  return {
    width,
    height,
    components: 3,
    coefficients,
    blockComponents,
    tailMaxima: tailMaxima(coefficients),
  };
}

function tailMaxima(coefficients: Int16Array): Int16Array {
  const blocks = coefficients.length >> 6;
  const maxima = new Int16Array(blocks * 8);
  for (let b = 0; b < blocks; b++) {
    let max = 0;
    let k = b * 64 + 63;
    for (let s = 7; s >= 0; s--) {
      // Down to zigzag 8s + 1, branch-free (the signs are noise: a branch on them mispredicts).
      for (const stop = b * 64 + 8 * s; k > stop; k--) {
        const v = coefficients[k]!;
        const sign = v >> 31;
        max = Math.max(max, (v ^ sign) - sign);
      }
      maxima[b * 8 + s] = max;
    }
  }
  return maxima;
}

/**
 * libjpeg's accurate integer forward DCT ("islow", jfdctint.c jpeg_fdct_islow: the Loeffler,
 * Ligtenberg and Moschytz algorithm, 13-bit constants, 2 extra bits between the passes) of the
 * 8 × 8 samples at (x0, y0), level-shifted by −128 (jcdctmgr.c convsamp). Writes the 64 outputs,
 * 8 × the orthonormal DCT, in zigzag order. Every product and sum fits 32 bits (libjpeg-turbo's
 * SIMD version computes it in 32-bit lanes, bit-exact to the C), so Math.imul (no overflow or −0
 * checks: 10 % faster here than `*`) and `>>` (libjpeg's RIGHT_SHIFT) are exact.
 */
function forwardDct(
  plane: Uint8Array,
  stride: number,
  x0: number,
  y0: number,
  ws: Int32Array,
  out: Int16Array,
  outOffset: number,
): void {
  // libjpeg's names: FIX_x = round(x × 2^13). Local, so the compiler folds them.
  const CONST_BITS = 13;
  const PASS1_BITS = 2;
  const FIX_0_298631336 = 2446;
  const FIX_0_390180644 = 3196;
  const FIX_0_541196100 = 4433;
  const FIX_0_765366865 = 6270;
  const FIX_0_899976223 = 7373;
  const FIX_1_175875602 = 9633;
  const FIX_1_501321110 = 12299;
  const FIX_1_847759065 = 15137;
  const FIX_1_961570560 = 16069;
  const FIX_2_053119869 = 16819;
  const FIX_2_562915447 = 20995;
  const FIX_3_072711026 = 25172;
  const ROUND_1 = 1 << (CONST_BITS - PASS1_BITS - 1);
  const ROUND_2 = 1 << (CONST_BITS + PASS1_BITS - 1);
  const ROUND_DC = 1 << (PASS1_BITS - 1);
  // Pass 1: rows.
  for (let row = 0; row < 8; row++) {
    const s = (y0 + row) * stride + x0;
    const d0 = plane[s]! - 128;
    const d1 = plane[s + 1]! - 128;
    const d2 = plane[s + 2]! - 128;
    const d3 = plane[s + 3]! - 128;
    const d4 = plane[s + 4]! - 128;
    const d5 = plane[s + 5]! - 128;
    const d6 = plane[s + 6]! - 128;
    const d7 = plane[s + 7]! - 128;
    const w = row * 8;
    const tmp0 = d0 + d7;
    const tmp7 = d0 - d7;
    const tmp1 = d1 + d6;
    const tmp6 = d1 - d6;
    const tmp2 = d2 + d5;
    const tmp5 = d2 - d5;
    const tmp3 = d3 + d4;
    const tmp4 = d3 - d4;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;
    ws[w] = (tmp10 + tmp11) << PASS1_BITS;
    ws[w + 4] = (tmp10 - tmp11) << PASS1_BITS;
    const z1 = Math.imul(tmp12 + tmp13, FIX_0_541196100);
    ws[w + 2] = (z1 + Math.imul(tmp13, FIX_0_765366865) + ROUND_1) >> (CONST_BITS - PASS1_BITS);
    ws[w + 6] = (z1 - Math.imul(tmp12, FIX_1_847759065) + ROUND_1) >> (CONST_BITS - PASS1_BITS);
    const o1 = Math.imul(tmp4 + tmp7, -FIX_0_899976223);
    const o2 = Math.imul(tmp5 + tmp6, -FIX_2_562915447);
    const z5 = Math.imul(tmp4 + tmp6 + tmp5 + tmp7, FIX_1_175875602);
    const o3 = Math.imul(tmp4 + tmp6, -FIX_1_961570560) + z5;
    const o4 = Math.imul(tmp5 + tmp7, -FIX_0_390180644) + z5;
    ws[w + 7] = (Math.imul(tmp4, FIX_0_298631336) + o1 + o3 + ROUND_1) >> (CONST_BITS - PASS1_BITS);
    ws[w + 5] = (Math.imul(tmp5, FIX_2_053119869) + o2 + o4 + ROUND_1) >> (CONST_BITS - PASS1_BITS);
    ws[w + 3] = (Math.imul(tmp6, FIX_3_072711026) + o2 + o3 + ROUND_1) >> (CONST_BITS - PASS1_BITS);
    ws[w + 1] = (Math.imul(tmp7, FIX_1_501321110) + o1 + o4 + ROUND_1) >> (CONST_BITS - PASS1_BITS);
  }
  // Pass 2: columns, removing the pass-1 scaling; results into zigzag positions.
  for (let col = 0; col < 8; col++) {
    const d0 = ws[col]!;
    const d1 = ws[col + 8]!;
    const d2 = ws[col + 16]!;
    const d3 = ws[col + 24]!;
    const d4 = ws[col + 32]!;
    const d5 = ws[col + 40]!;
    const d6 = ws[col + 48]!;
    const d7 = ws[col + 56]!;
    const tmp0 = d0 + d7;
    const tmp7 = d0 - d7;
    const tmp1 = d1 + d6;
    const tmp6 = d1 - d6;
    const tmp2 = d2 + d5;
    const tmp5 = d2 - d5;
    const tmp3 = d3 + d4;
    const tmp4 = d3 - d4;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;
    const o = outOffset;
    const z = ZIGZAG_OF;
    out[o + z[col]!] = (tmp10 + tmp11 + ROUND_DC) >> PASS1_BITS;
    out[o + z[col + 32]!] = (tmp10 - tmp11 + ROUND_DC) >> PASS1_BITS;
    const z1 = Math.imul(tmp12 + tmp13, FIX_0_541196100);
    out[o + z[col + 16]!] = (z1 + Math.imul(tmp13, FIX_0_765366865) + ROUND_2) >> (CONST_BITS + PASS1_BITS);
    out[o + z[col + 48]!] = (z1 - Math.imul(tmp12, FIX_1_847759065) + ROUND_2) >> (CONST_BITS + PASS1_BITS);
    const o1 = Math.imul(tmp4 + tmp7, -FIX_0_899976223);
    const o2 = Math.imul(tmp5 + tmp6, -FIX_2_562915447);
    const z5 = Math.imul(tmp4 + tmp6 + tmp5 + tmp7, FIX_1_175875602);
    const o3 = Math.imul(tmp4 + tmp6, -FIX_1_961570560) + z5;
    const o4 = Math.imul(tmp5 + tmp7, -FIX_0_390180644) + z5;
    out[o + z[col + 56]!] =
      (Math.imul(tmp4, FIX_0_298631336) + o1 + o3 + ROUND_2) >> (CONST_BITS + PASS1_BITS);
    out[o + z[col + 40]!] =
      (Math.imul(tmp5, FIX_2_053119869) + o2 + o4 + ROUND_2) >> (CONST_BITS + PASS1_BITS);
    out[o + z[col + 24]!] =
      (Math.imul(tmp6, FIX_3_072711026) + o2 + o3 + ROUND_2) >> (CONST_BITS + PASS1_BITS);
    out[o + z[col + 8]!] =
      (Math.imul(tmp7, FIX_1_501321110) + o1 + o4 + ROUND_2) >> (CONST_BITS + PASS1_BITS);
  }
}

// ---------------------------------------------------------------------------------------------
// Quantisation tables and libjpeg-turbo's reciprocal quantiser.

/** IJG's quality → table scaling percentage (libjpeg jcparam.c jpeg_quality_scaling). */
export function qualityScaling(quality: number): number {
  const q = Math.min(Math.max(quality, 1), 100);
  return q < 50 ? Math.floor(5000 / q) : 200 - q * 2;
}

/**
 * A basic table scaled to a quality, natural order: libjpeg jcparam.c jpeg_add_quant_table with
 * force_baseline (sharp's jpeg_set_quality(…, TRUE)), so every entry is 1…255.
 */
export function scaledQuantTable(basic: Uint8Array, quality: number): Uint8Array {
  const scale = qualityScaling(quality);
  const table = new Uint8Array(64);
  for (let i = 0; i < 64; i++)
    table[i] = Math.min(Math.max(Math.floor((basic[i]! * scale + 50) / 100), 1), 255);
  return table;
}

interface Quantiser {
  /** Luminance and chrominance tables, natural order, as written to DQT. */
  readonly tables: readonly [Uint8Array, Uint8Array];
  /** Per table × zigzag index: reciprocal, rounding correction and shift (jcdctmgr.c compute_reciprocal). */
  readonly recip: Int32Array;
  readonly corr: Int32Array;
  readonly shift: Int32Array;
  /** Per table × s = 0…7: the smallest |coefficient| that quantises to non-zero at zigzag 8s + 1…63. */
  readonly tailZero: Int32Array;
}

const quantisers: (Quantiser | undefined)[] = [];

function quantiserFor(quality: number): Quantiser {
  let q = quantisers[quality];
  if (q) return q;
  const tables = [
    scaledQuantTable(LUMINANCE_QUANT, quality),
    scaledQuantTable(CHROMINANCE_QUANT, quality),
  ] as const;
  const recip = new Int32Array(128);
  const corr = new Int32Array(128);
  const shift = new Int32Array(128);
  const tailZero = new Int32Array(16).fill(0x7fff);
  for (let t = 0; t < 2; t++) {
    for (let k = 0; k < 64; k++) {
      // libjpeg-turbo jcdctmgr.c compute_reciprocal with 16-bit DCTELEM (its SIMD builds, as
      // sharp's): q = ((|x| + c) × f) >> r approximates |x| / divisor rounded, divisor = 8 ×
      // the table entry (the islow DCT's scale). Not always plain rounding: copied exactly.
      const divisor = tables[t]![NATURAL_ORDER[k]!]! << 3;
      const b = 31 - Math.clz32(divisor); // flss(divisor) − 1
      let r = 16 + b;
      let fq = Math.floor(2 ** r / divisor);
      const fr = 2 ** r % divisor;
      let c = divisor >> 1;
      if (fr === 0) {
        fq >>= 1;
        r--;
      } else if (fr <= divisor >> 1) c++;
      else fq++;
      recip[t * 64 + k] = fq;
      corr[t * 64 + k] = c;
      shift[t * 64 + k] = r;
      // (a + c) × fq ≥ 2^r ⇔ a ≥ ⌈2^r / fq⌉ − c: the least magnitude that does not vanish.
      const least = Math.max(Math.ceil(2 ** r / fq) - c, 0);
      for (let s = 0; s <= (k - 1) >> 3; s++) {
        tailZero[t * 8 + s] = Math.min(tailZero[t * 8 + s]!, least);
      }
    }
  }
  q = { tables, recip, corr, shift, tailZero };
  quantisers[quality] = q;
  return q;
}

// ---------------------------------------------------------------------------------------------
// Optimal Huffman tables.

export interface HuffmanTable {
  /** bits[n] = number of codes of length n, n = 1…16 (bits[0] unused): the DHT's BITS list. */
  readonly bits: Uint8Array;
  /** Symbols in order of increasing code length: the DHT's HUFFVAL list. */
  readonly values: Uint8Array;
  /** The longest code before the 16-bit limit: over 16 when the limit folded codes back. */
  readonly longestBeforeLimit: number;
}

/** Longest code the Huffman procedure may build before the length limit (libjpeg MAX_CLEN). */
const MAX_CLEN = 32;

/** Scratch for `optimalHuffmanTable` (it runs to completion, one call at a time). */
const huffmanCodesize = new Int32Array(257);
const huffmanOthers = new Int32Array(257);
const huffmanHeap = new Float64Array(257);

/**
 * A symbol's place in the Huffman heap as one number: frequency × 512 + (511 − symbol), so the
 * smallest key is the smallest frequency and, among equal ones, the larger symbol (exact while
 * frequencies stay under 2^44).
 */
const heapKey = (frequency: number, symbol: number) => frequency * 512 + (511 - symbol);

function heapPush(heap: Float64Array, size: number, key: number): number {
  let at = size;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heap[parent]! <= key) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = key;
  return size + 1;
}

/** Removes the smallest key, heap[0]; returns the new size. */
function heapPop(heap: Float64Array, size: number): number {
  const last = heap[--size]!;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= last) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = last;
  return size;
}

/**
 * Optimal code lengths for 256 symbols' frequencies, limited to 16 bits: ITU-T T.81 Annex K.2
 * (Figures K.1–K.4) as libjpeg implements it (jchuff.c jpeg_gen_optimal_table): a pseudo-symbol
 * 256 of frequency 1 keeps any real symbol off the all-ones code, ties take the larger symbol,
 * and codes over 16 bits are folded back two at a time (Figure K.3, Adjust_BITS).
 */
export function optimalHuffmanTable(frequencies: ArrayLike<number>): HuffmanTable {
  const codesize = huffmanCodesize.fill(0);
  const others = huffmanOthers.fill(-1);
  // libjpeg scans all 257 symbols twice a merge for the smallest frequency (ties: the larger
  // symbol) and the next smallest; a binary heap ordered the same way (`heapKey`: a total
  // order) pops the same two. Symbol 256 is libjpeg's pseudo-symbol, frequency 1.
  const heap = huffmanHeap;
  let size = heapPush(heap, 0, heapKey(1, 256));
  for (let i = 0; i < 256; i++) {
    const frequency = frequencies[i] ?? 0;
    if (frequency > 0) size = heapPush(heap, size, heapKey(frequency, i));
  }
  while (size > 1) {
    const key1 = heap[0]!;
    size = heapPop(heap, size);
    const key2 = heap[0]!;
    size = heapPop(heap, size);
    let c1 = 511 - (key1 % 512);
    let c2 = 511 - (key2 % 512);
    // c1 keeps the merged count: (f1 + f2) × 512 + (511 − c1) = key1 + key2 − (511 − c2).
    size = heapPush(heap, size, key1 + key2 - (511 - c2));
    codesize[c1]!++;
    while (others[c1]! >= 0) {
      c1 = others[c1]!;
      codesize[c1]!++;
    }
    others[c1] = c2;
    codesize[c2]!++;
    while (others[c2]! >= 0) {
      c2 = others[c2]!;
      codesize[c2]!++;
    }
  }
  const bits = new Int32Array(MAX_CLEN + 1);
  let longestBeforeLimit = 0;
  for (let i = 0; i <= 256; i++) {
    const size = codesize[i]!;
    if (size === 0) continue;
    if (size > MAX_CLEN) throw new RangeError('Huffman code length overflow');
    bits[size]!++;
    longestBeforeLimit = Math.max(longestBeforeLimit, size);
  }
  let i = MAX_CLEN;
  for (; i > 16; i--) {
    while (bits[i]! > 0) {
      let j = i - 2;
      while (bits[j] === 0) j--;
      bits[i]! -= 2;
      bits[i - 1]!++;
      bits[j + 1]! += 2;
      bits[j]!--;
    }
  }
  while (bits[i] === 0) i--;
  bits[i]!--; // drop the pseudo-symbol from the longest length
  // The symbols by their unlimited code length, then by value (libjpeg sorts by codesize too).
  const start = new Int32Array(MAX_CLEN + 2);
  for (let s = 0; s < 256; s++) if (codesize[s]! > 0) start[codesize[s]! + 1]!++;
  for (let length = 1; length <= MAX_CLEN; length++) start[length + 1]! += start[length]!;
  const values = new Uint8Array(start[MAX_CLEN + 1]!);
  for (let s = 0; s < 256; s++) if (codesize[s]! > 0) values[start[codesize[s]!]!++] = s;
  return { bits: Uint8Array.from(bits.subarray(0, 17)), values, longestBeforeLimit };
}

/** Code and length of each symbol from BITS/HUFFVAL: ITU-T T.81 Annex C (Figures C.1–C.3). */
function deriveCodes(table: HuffmanTable, codes: Uint16Array, sizes: Uint8Array, offset: number): void {
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let n = 0; n < table.bits[length]!; n++) {
      const symbol = table.values[k++]!;
      codes[offset + symbol] = code++;
      sizes[offset + symbol] = length;
    }
    code <<= 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding at one quality.

/** Extra bits after each selector × 256 + symbol: a DC symbol is their count, an AC symbol's low nibble. */
const EXTRA_BITS = new Uint8Array(4 * 256);
for (let sel = 0; sel < 4; sel++) {
  for (let symbol = 0; symbol < 256; symbol++)
    EXTRA_BITS[sel * 256 + symbol] = sel & 1 ? symbol & 15 : symbol;
}

/** Scratch space reused by every `encodeAt` (it runs to completion without yielding). */
let symbols = new Int32Array(0);
let output = new Uint8Array(0);
const frequencies = new Int32Array(4 * 257);
const codes = new Uint16Array(4 * 256);
const sizes = new Uint8Array(4 * 256);

/**
 * The prepared photo as a complete baseline JPEG at `quality` (1…100, IJG scale): quantised with
 * the Annex K tables, entropy-coded with optimal Huffman tables.
 */
export function encodeAt(prepared: PreparedJpeg, quality: number): Uint8Array {
  const quantiser = quantiserFor(checkQuality(quality));
  const n = gatherSymbols(prepared, quantiser);
  const huffman = buildHuffmanTables(prepared.components);
  let dataBits = 0;
  for (let sel = 0; sel < huffman.length; sel++) {
    for (let s = 0; s < 256; s++) {
      const count = frequencies[sel * 257 + s]!;
      if (count > 0) dataBits += count * (sizes[sel * 256 + s]! + (sel & 1 ? s & 15 : s));
    }
  }
  // The file: at most every data byte stuffed, plus the headers.
  const headerBound = 2 + 2 * 69 + 19 + 4 * (5 + 16 + 256) + 14 + 2;
  const bound = headerBound + 2 * Math.ceil(dataBits / 8) + 2;
  if (output.length < bound) output = new Uint8Array(Math.max(bound, output.length * 2));
  const out = output;
  let p = writeHeaders(out, prepared, quantiser, huffman);

  // Pass 2: the entropy-coded segment (jchuff.c encode_one_block), 0xFF bytes stuffed with 0x00
  // (T.81 F.1.2.3), the last byte padded with 1 bits (jchuff.c flush_bits). The byte writes are
  // spelt out: a shared helper for them cost 5 % of the photo benchmark (0.93× against 0.99×).
  const stream = symbols;
  const codeOf = codes;
  const sizeOf = sizes;
  const extraOf = EXTRA_BITS;
  let acc = 0; // the bits not yet written: fewer than 16 between symbols
  let bitCount = 0;
  for (let i = 0; i < n; i++) {
    const word = stream[i]!;
    const at = word >>> 16; // selector × 256 + symbol
    const size = sizeOf[at]!;
    const extra = extraOf[at]!;
    if (size + extra <= 15) {
      acc = (acc << (size + extra)) | (codeOf[at]! << extra) | (word & 0xffff);
      bitCount += size + extra;
    } else {
      // Rare (a long code with many extra bits): the code, two bytes out, then the extra bits.
      acc = (acc << size) | codeOf[at]!;
      bitCount += size;
      if (bitCount >= 16) {
        bitCount -= 8;
        let byte = (acc >>> bitCount) & 0xff;
        out[p++] = byte;
        if (byte === 0xff) out[p++] = 0;
        bitCount -= 8;
        byte = (acc >>> bitCount) & 0xff;
        out[p++] = byte;
        if (byte === 0xff) out[p++] = 0;
        acc &= (1 << bitCount) - 1;
      }
      acc = (acc << extra) | (word & 0xffff);
      bitCount += extra;
    }
    if (bitCount >= 16) {
      bitCount -= 8;
      let byte = (acc >>> bitCount) & 0xff;
      out[p++] = byte;
      if (byte === 0xff) out[p++] = 0;
      bitCount -= 8;
      byte = (acc >>> bitCount) & 0xff;
      out[p++] = byte;
      if (byte === 0xff) out[p++] = 0;
      acc &= (1 << bitCount) - 1;
    }
  }
  if (bitCount >= 8) {
    bitCount -= 8;
    const byte = (acc >>> bitCount) & 0xff;
    out[p++] = byte;
    if (byte === 0xff) out[p++] = 0;
  }
  if (bitCount > 0) {
    const byte = ((acc << (8 - bitCount)) | (0xff >> bitCount)) & 0xff;
    out[p++] = byte;
    if (byte === 0xff) out[p++] = 0;
  }
  out[p++] = 0xff;
  out[p++] = 0xd9; // EOI
  return out.slice(0, p);
}

/** The Huffman tables `encodeAt` builds for this photo and quality: DC-Y, AC-Y[, DC-C, AC-C]. */
export function huffmanTablesAt(prepared: PreparedJpeg, quality: number): HuffmanTable[] {
  gatherSymbols(prepared, quantiserFor(checkQuality(quality)));
  return buildHuffmanTables(prepared.components);
}

function checkQuality(quality: number): number {
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new RangeError(`JPEG quality must be an integer 1…100, got ${quality}`);
  }
  return quality;
}

/** Optimal tables for the four (greyscale: two) tables in use (jchuff.c finish_pass_gather), with their codes. */
function buildHuffmanTables(components: 1 | 3): HuffmanTable[] {
  const huffman: HuffmanTable[] = [];
  for (let sel = 0; sel < (components === 3 ? 4 : 2); sel++) {
    const table = optimalHuffmanTable(frequencies.subarray(sel * 257, sel * 257 + 256));
    huffman.push(table);
    sizes.fill(0, sel * 256, sel * 256 + 256);
    deriveCodes(table, codes, sizes, sel * 256);
  }
  return huffman;
}

/**
 * One block's quantised AC coefficients, reused: the magnitude, or for a negative coefficient its
 * ones' complement, which is what T.81 F.1.2.1 sends as the extra bits (and is negative).
 */
const acValues = new Int32Array(64);

/** Quantises every block into `symbols` and counts them into `frequencies`; returns the symbol count. */
function gatherSymbols(prepared: PreparedJpeg, quantiser: Quantiser): number {
  const { coefficients, blockComponents, tailMaxima } = prepared;
  const { recip, corr, shift, tailZero } = quantiser;
  const blocks = blockComponents.length;
  // Pass 1: quantise (jcdctmgr.c quantize: the magnitude times the reciprocal, the sign put back),
  // and turn each block into its Huffman symbols (T.81 F.1.2) while counting them (jchuff.c
  // htest_one_block). A symbol word: table selector (0 DC-Y, 1 AC-Y, 2 DC-C, 3 AC-C) << 24 |
  // symbol << 16 | its extra bits. At most 64 symbols + 3 ZRL a block.
  if (symbols.length < blocks * 68) symbols = new Int32Array(blocks * 68);
  const stream = symbols;
  const values = acValues;
  const counts = frequencies.fill(0); // locals: a module binding is a context load on every use

  let n = 0;
  const lastDc = [0, 0, 0];
  for (let b = 0; b < blocks; b++) {
    const component = blockComponents[b]!;
    const table = component === 0 ? 0 : 64;
    const dcSel = component === 0 ? 0 : 2;
    const acSel = dcSel + 1;
    const base = b * 64;
    const dc = coefficients[base]!;
    const dcSign = dc >> 31;
    const dcMagnitude = Math.imul((dc ^ dcSign) - dcSign + corr[table]!, recip[table]!) >> shift[table]!;
    const q = (dcMagnitude ^ dcSign) - dcSign;
    const diff = q - lastDc[component]!;
    lastDc[component] = q;
    const diffSign = diff >> 31;
    let nbits = 32 - Math.clz32((diff ^ diffSign) - diffSign);
    counts[dcSel * 257 + nbits]!++;
    stream[n++] = (dcSel << 24) | (nbits << 16) | ((diff + diffSign) & ((1 << nbits) - 1));
    // Quantise the 63 AC coefficients without branching, and note which are not zero: bit 32 − k
    // of `low` for k = 1…32, bit 64 − k of `high` for k = 33…63, so Math.clz32 finds them in
    // zigzag order. Integer arithmetic only: (|x| + corr) × recip < 2^31, so Math.imul is exact,
    // and no value is ever −0 (which would push V8 to doubles).
    // Where the rest of the block is sure to quantise to zero, stop: zigzag 1…end − 1 only.
    let end = 64;
    for (let s = 7; s >= 0 && tailMaxima[b * 8 + s]! < tailZero[(table >> 3) + s]!; s--) end = 8 * s + 1;
    let low = 0;
    let high = 0;
    const lowEnd = Math.min(end, 33);
    for (let k = 1; k < lowEnd; k++) {
      const v = coefficients[base + k]!;
      const sign = v >> 31;
      const magnitude =
        Math.imul((v ^ sign) - sign + corr[table + k]!, recip[table + k]!) >> shift[table + k]!;
      values[k] = magnitude ^ sign;
      low |= ((0 - magnitude) >>> 31) << (32 - k);
    }
    for (let k = 33; k < end; k++) {
      const v = coefficients[base + k]!;
      const sign = v >> 31;
      const magnitude =
        Math.imul((v ^ sign) - sign + corr[table + k]!, recip[table + k]!) >> shift[table + k]!;
      values[k] = magnitude ^ sign;
      high |= ((0 - magnitude) >>> 31) << (64 - k);
    }
    let last = 0;
    for (let word = 0; word < 2; word++) {
      let bits = word === 0 ? low : high;
      while (bits !== 0) {
        const z = Math.clz32(bits);
        bits ^= 1 << (31 - z);
        const k = z + 1 + 32 * word;
        let run = k - last - 1;
        last = k;
        while (run > 15) {
          counts[acSel * 257 + 0xf0]!++;
          stream[n++] = (acSel << 24) | (0xf0 << 16);
          run -= 16;
        }
        const value = values[k]!;
        nbits = 32 - Math.clz32(value ^ (value >> 31)); // of the magnitude
        const symbol = (run << 4) | nbits;
        counts[acSel * 257 + symbol]!++;
        stream[n++] = (acSel << 24) | (symbol << 16) | (value & ((1 << nbits) - 1));
      }
    }
    if (last !== 63) {
      counts[acSel * 257]!++; // EOB
      stream[n++] = acSel << 24;
    }
  }
  return n;
}

/** SOI, DQT, SOF0, DHT and SOS in libjpeg's order (jcmarker.c); returns the end offset. */
function writeHeaders(
  out: Uint8Array,
  prepared: PreparedJpeg,
  quantiser: Quantiser,
  huffman: HuffmanTable[],
): number {
  const colour = prepared.components === 3;
  let p = 0;
  const byte = (v: number) => {
    out[p++] = v;
  };
  const word = (v: number) => {
    out[p++] = v >> 8;
    out[p++] = v & 0xff;
  };
  word(0xffd8); // SOI
  // DQT, one segment a table, 8-bit entries in zigzag order (write_frame_header → emit_dqt).
  for (let t = 0; t < (colour ? 2 : 1); t++) {
    word(0xffdb);
    word(67);
    byte(t);
    const table = quantiser.tables[t]!;
    for (let k = 0; k < 64; k++) byte(table[NATURAL_ORDER[k]!]!);
  }
  // SOF0: 8-bit precision, size, components with sampling factors and table numbers (ids 1, 2, 3).
  const n = colour ? 3 : 1;
  word(0xffc0);
  word(8 + 3 * n);
  byte(8);
  word(prepared.height);
  word(prepared.width);
  byte(n);
  for (let c = 0; c < n; c++) {
    byte(c + 1);
    byte(colour && c === 0 ? 0x22 : 0x11);
    byte(c === 0 ? 0 : 1);
  }
  // DHT, one segment a table, in the order the scan's components first use them: DC0, AC0, DC1, AC1.
  for (let sel = 0; sel < huffman.length; sel++) {
    const table = huffman[sel]!;
    word(0xffc4);
    word(2 + 1 + 16 + table.values.length);
    byte(((sel & 1) << 4) | (sel >> 1));
    for (let length = 1; length <= 16; length++) byte(table.bits[length]!);
    for (const value of table.values) byte(value);
  }
  // SOS: every component in one interleaved scan, spectral selection 0…63, no approximation.
  word(0xffda);
  word(6 + 2 * n);
  byte(n);
  for (let c = 0; c < n; c++) {
    byte(c + 1);
    byte(c === 0 ? 0x00 : 0x11);
  }
  byte(0);
  byte(63);
  byte(0);
  return p;
}
