/**
 * Finds the highest JPEG quality whose encoding fits a byte limit, with as few encodes as the
 * size model allows. Pure: it only calls `encode`, so it is tested without images.
 *
 * "Best" is certified, not guessed: the answer q fits and q + 1 was encoded and does not (or q is
 * the top of the range). JPEG size grows with quality about exponentially over the range used
 * here (ID photos at 102 × 126 near quality 90: ≈ 3–11 % per step, mean 6 %), so the search
 * steps on ln(size): from a measured (quality, size) and a slope it predicts the quality at the
 * limit, probes the first quality predicted to miss after a fit (or the last predicted to fit
 * after a miss), and keeps the bracket [largest fit, smallest miss] shrinking. With a good start
 * that is two encodes.
 */

export interface QualityRange {
  readonly min: number;
  readonly max: number;
}

/** Where a search starts: the predicted quality at the limit (real) and d ln(bytes) / d quality. */
export interface SearchStart {
  readonly quality: number;
  readonly slope: number;
}

export interface SearchResult {
  /** The best quality, or undefined when even `range.min` does not fit. */
  readonly quality: number | undefined;
  /** The encoding at `quality` (when found); else the encoding at `range.min`. */
  readonly jpeg: Uint8Array;
  readonly encodes: number;
  /** The slope last measured between two encodes (or the start's): feeds the next search. */
  readonly slope: number;
}

/**
 * After this many encodes the model is not helping (sizes jitter 2–10 % a step, and are not
 * always monotonic): bisect the bracket instead, once both of its ends are measured.
 */
const MODEL_ENCODES = 3;

export async function searchBestQuality(
  encode: (quality: number) => Promise<Uint8Array>,
  maxBytes: number,
  range: QualityRange,
  start: SearchStart,
): Promise<SearchResult> {
  let best: { quality: number; jpeg: Uint8Array } | undefined;
  let smallestMiss = range.max + 1; // a virtual miss above the range closes the bracket at the top
  let lowestEncoding: Uint8Array | undefined;
  let slope = start.slope;
  let previous: { quality: number; size: number } | undefined;
  // floor: the largest quality predicted to fit, so a right prediction is certified by one more.
  let guess = clamp(Math.floor(start.quality), range.min, range.max);
  let encodes = 0;
  for (;;) {
    const jpeg = await encode(guess);
    encodes++;
    const size = jpeg.length;
    if (guess === range.min) lowestEncoding = jpeg;
    if (previous && previous.quality !== guess) {
      const measured = (Math.log(size) - Math.log(previous.size)) / (guess - previous.quality);
      if (Number.isFinite(measured) && measured > 0) slope = measured;
    }
    previous = { quality: guess, size };
    const fits = size <= maxBytes;
    if (fits && (!best || guess > best.quality)) best = { quality: guess, jpeg };
    if (!fits && guess < smallestMiss) smallestMiss = guess;

    const largestFit = best?.quality ?? range.min - 1;
    if (largestFit + 1 >= smallestMiss) break;

    const boundary = guess + Math.log(maxBytes / size) / slope;
    let next = fits ? Math.floor(boundary) + 1 : Math.floor(boundary);
    const bracketMeasured = best !== undefined && smallestMiss <= range.max;
    if (encodes >= MODEL_ENCODES && bracketMeasured) next = Math.floor((largestFit + smallestMiss) / 2);
    guess = clamp(next, largestFit + 1, smallestMiss - 1);
  }
  if (best) return { quality: best.quality, jpeg: best.jpeg, encodes, slope };
  return { quality: undefined, jpeg: lowestEncoding ?? new Uint8Array(), encodes, slope };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
