/**
 * Benchmark stage (b) of `pnpm bench:issue`: photo normalisation against bare sharp on the same
 * synthetic 600×800 JPEGs. Bare sharp decodes, crops and resizes to the ID-photo size and
 * encodes once at a fixed quality (where the normaliser lands on these photos); the normaliser
 * has sharp do the same decode + resize once, then prepares the pixels for JPEG once and encodes
 * them in JS (jpeg-encoder.ts) as often as its search for the best fitting quality needs. Both
 * run with the same concurrency; rounds alternate between them so a busy machine slows both alike.
 * Run alone: tsx tests/bench/issue/photo-stage.ts [photos] [seconds] [concurrencies, e.g. 1,2,4]
 */
// The issuance package has no index yet and tests/ does not depend on it: import its sources.
import {
  DEFAULT_PHOTO_SETTINGS,
  generateEnrolmentPhoto,
  PhotoNormaliser,
  resizeAndEncodeOnce,
} from '../../../packages/issuance/src/photo/index.js';
import { Limiter } from '../../../packages/issuance/src/photo/limiter.js';

export interface PhotoStageOptions {
  readonly photos: number;
  /** Total time for the timed rounds (both sides); at least two rounds each run regardless. */
  readonly seconds?: number;
  /** Photos in flight at once, for both sides (default: the normaliser's setting). */
  readonly concurrency?: number;
}

export interface PhotoStageResult {
  readonly normalisePerSec: number;
  readonly bareSharpPerSec: number;
  /** normalisePerSec / bareSharpPerSec; the target is ≥ 0.9. */
  readonly ratio: number;
  readonly encodesPerPhoto: number;
  readonly meanQuality: number;
  /** Bare sharp's fixed quality: the normaliser's mean quality over the warm-up round. */
  readonly bareQuality: number;
  readonly concurrency: number;
  /** CPU time (all threads) per photo: steadier than wall time on a shared machine. */
  readonly cpuMsPerPhoto: { readonly normalise: number; readonly bare: number };
}

export async function benchPhotoStage(opts: PhotoStageOptions): Promise<PhotoStageResult> {
  const concurrency = opts.concurrency ?? DEFAULT_PHOTO_SETTINGS.concurrency;
  const photos = await makePhotos(opts.photos);
  const { width, height, position } = DEFAULT_PHOTO_SETTINGS;
  const normaliser = new PhotoNormaliser({ concurrency });
  let qualitySum = 0;
  const normalise = () =>
    Promise.all(
      photos.map(async (p) => {
        const { quality } = await normaliser.normalise(p);
        qualitySum += quality;
      }),
    );
  // Warm-up: sharp's first calls load libvips modules, and the normaliser's estimate settles as
  // a batch's first photos would settle it. Bare sharp then encodes at the quality the search
  // lands on (encoding cost grows with quality), so the size or the photos can change freely.
  await normalise();
  const warm = normaliser.stats;
  const bareQuality = Math.round(qualitySum / warm.photos);
  qualitySum = 0;
  const limiter = new Limiter(concurrency);
  const bare = () =>
    Promise.all(
      photos.map((p) => limiter.run(() => resizeAndEncodeOnce(p, width, height, position, bareQuality))),
    );
  await bare();

  const timed = { bare: 0, normalise: 0 };
  const cpu = { bare: 0, normalise: 0 };
  const rounds = { bare: 0, normalise: 0 };
  const deadline = performance.now() + (opts.seconds ?? 10) * 1000;
  for (let round = 0; round < 4 || performance.now() < deadline; round++) {
    // Alternate which side goes first, so neither always follows the other's garbage.
    const order = round % 2 === 0 ? (['bare', 'normalise'] as const) : (['normalise', 'bare'] as const);
    for (const side of order) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await (side === 'bare' ? bare() : normalise());
      timed[side] += performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      cpu[side] += (used.user + used.system) / 1000;
      rounds[side]++;
    }
  }
  const normalisePerSec = (rounds.normalise * photos.length) / (timed.normalise / 1000);
  const bareSharpPerSec = (rounds.bare * photos.length) / (timed.bare / 1000);
  const stats = normaliser.stats;
  const timedPhotos = stats.photos - warm.photos;
  return {
    normalisePerSec,
    bareSharpPerSec,
    ratio: normalisePerSec / bareSharpPerSec,
    encodesPerPhoto: (stats.encodes - warm.encodes) / timedPhotos,
    meanQuality: qualitySum / timedPhotos,
    bareQuality,
    concurrency,
    cpuMsPerPhoto: {
      normalise: cpu.normalise / (rounds.normalise * photos.length),
      bare: cpu.bare / (rounds.bare * photos.length),
    },
  };
}

/** Different content each: seeded drawings with noise from clean to a dim indoor camera. */
async function makePhotos(count: number): Promise<Uint8Array[]> {
  const photos: Uint8Array[] = [];
  for (let seed = 1; seed <= count; seed++) {
    photos.push(await generateEnrolmentPhoto(seed, { detail: 2 + (seed % 11) }));
  }
  return photos;
}

function print(r: PhotoStageResult): void {
  console.log(
    `photos, concurrency ${r.concurrency}: normalise ${r.normalisePerSec.toFixed(0)}/s, ` +
      `bare sharp ${r.bareSharpPerSec.toFixed(0)}/s, ratio ${r.ratio.toFixed(2)} (target ≥ 0.9), ` +
      `${r.encodesPerPhoto.toFixed(2)} encodes/photo, mean quality ${r.meanQuality.toFixed(1)} ` +
      `(bare at ${r.bareQuality}); ` +
      `CPU ms/photo ${r.cpuMsPerPhoto.normalise.toFixed(1)} vs ${r.cpuMsPerPhoto.bare.toFixed(1)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const photos = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 10);
  const concurrencies = (process.argv[4] ?? '1,2,4').split(',').map(Number);
  for (const concurrency of concurrencies) print(await benchPhotoStage({ photos, seconds, concurrency }));
}
