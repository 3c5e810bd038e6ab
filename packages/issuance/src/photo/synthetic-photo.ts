/**
 * Synthetic enrolment photos for tests and the benchmark: what a desk camera hands over (600 ×
 * 800 JPEG by default), obviously not a person. A lit background gradient, a shaded head with
 * hair, eyes and mouth, plain or striped clothing, and sensor-like noise whose strength is `detail`:
 * low detail compresses well, high detail needs a lower quality to fit the card.
 */
import { createRandom } from '@hcard/emulator';
import sharp from 'sharp';

export interface EnrolmentPhotoOptions {
  readonly width?: number;
  readonly height?: number;
  /** Noise amplitude in grey levels (0 = clean drawing; 8 ≈ a phone camera indoors). */
  readonly detail?: number;
  /** JPEG quality of the camera file. */
  readonly quality?: number;
}

type Rgb = readonly [number, number, number];

export async function generateEnrolmentPhoto(
  seed: number,
  options: EnrolmentPhotoOptions = {},
): Promise<Uint8Array> {
  const { width = 600, height = 800, detail = 6, quality = 90 } = options;
  const rng = createRandom(seed);
  const random = () => rng.next();
  const pixels = paint(width, height, detail, random);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

function paint(width: number, height: number, detail: number, random: () => number): Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const top: Rgb = pick([
    [236, 242, 250],
    [214, 230, 248],
    [245, 245, 245],
  ]);
  const skin: Rgb = pick([
    [236, 200, 168],
    [222, 182, 148],
    [200, 156, 118],
  ]);
  const hair: Rgb = pick([
    [30, 26, 24],
    [60, 46, 36],
    [110, 104, 100],
  ]);
  const cloth: Rgb = [40 + random() * 150, 40 + random() * 150, 40 + random() * 150];
  const s = Math.min(width / 600, height / 800);
  const cx = width / 2 + (random() - 0.5) * 40 * s;
  const cy = height * 0.42 + (random() - 0.5) * 40 * s;
  const rx = (120 + random() * 30) * s;
  const ry = (160 + random() * 30) * s;
  const stripe = 6 + random() * 10;
  const stripeContrast = random() * 0.15; // plain to striped clothing
  const out = Buffer.alloc(width * height * 3);
  const colour = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      const r2 = dx * dx + dy * dy;
      if (isFeature(dx, dy)) paintInto(colour, FEATURE, 1);
      else if (r2 <= 1) paintInto(colour, skin, 1.05 - 0.25 * r2 - 0.08 * dx);
      else if (r2 <= 1.3 && dy < -0.1) paintInto(colour, hair, 1);
      else if (y > cy + ry * 0.95 && Math.abs(x - cx) < rx * (1.2 + (y - cy - ry) / (ry * 0.6))) {
        paintInto(colour, cloth, 0.85 + stripeContrast * Math.sin((x + y) / stripe));
      } else paintInto(colour, top, 1 - (0.2 * y) / height);
      const noise = (random() + random() - 1) * detail;
      const i = (y * width + x) * 3;
      out[i] = clampByte(colour[0]! + noise);
      out[i + 1] = clampByte(colour[1]! + noise);
      out[i + 2] = clampByte(colour[2]! + noise);
    }
  }
  return out;
}

const FEATURE: Rgb = [70, 50, 45];

/** Eyes and mouth, in head-ellipse coordinates. */
function isFeature(dx: number, dy: number): boolean {
  const ey = (dy + 0.15) / 0.06;
  const left = (dx + 0.35) / 0.14;
  const right = (dx - 0.35) / 0.14;
  const mx = dx / 0.3;
  const my = (dy - 0.45) / 0.05;
  return left * left + ey * ey <= 1 || right * right + ey * ey <= 1 || mx * mx + my * my <= 1;
}

/** Writes a shaded colour into `into` (no allocation: this runs for every pixel). */
function paintInto(into: number[], [r, g, b]: Rgb, factor: number): void {
  into[0] = r * factor;
  into[1] = g * factor;
  into[2] = b * factor;
}

function clampByte(value: number): number {
  return Math.max(0, Math.min(value, 255));
}
