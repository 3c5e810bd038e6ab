/**
 * Synthetic ID-style portrait for DDF1/EF07 (spec §4.6): a plain light background and a
 * head-and-shoulders silhouette in seed-dependent colours, obviously not a person. Encoded
 * with jpeg-js at the highest quality that still fits the card's 3072-byte limit.
 */
import jpeg from 'jpeg-js';
import { createRandom, type Random } from './random.js';

export const PHOTO_WIDTH = 102;
export const PHOTO_HEIGHT = 126;
/** Largest JPEG the photo file holds (3074-byte file = 2-byte length + data). */
export const PHOTO_MAX_BYTES = 3072;

const START_QUALITY = 85;
const MIN_QUALITY = 5;
const QUALITY_STEP = 5;

export interface PhotoOptions {
  /** Longer hair for 'female'; otherwise chosen from the seed. */
  readonly sex?: 'male' | 'female';
}

type Rgb = readonly [number, number, number];

interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

interface Portrait {
  readonly background: Rgb;
  readonly skin: Rgb;
  readonly hair: Rgb;
  readonly clothing: Rgb;
  readonly head: Ellipse;
  readonly hairCap: Ellipse;
  /** Hair falling behind the neck to the shoulders, or none. */
  readonly longHair?: Ellipse;
  readonly shoulders: Ellipse;
  readonly neck: { readonly left: number; readonly right: number; readonly top: number };
}

/** A JPEG (FFD8 … FFD9) of at most 3072 bytes; the same seed always gives the same bytes. */
export function generatePhoto(seed: number | string, options: PhotoOptions = {}): Uint8Array {
  const portrait = designPortrait(createRandom(seed).fork('photo'), options);
  const rgba = render(portrait);
  for (let quality = START_QUALITY; quality >= MIN_QUALITY; quality -= QUALITY_STEP) {
    const encoded = jpeg.encode({ data: rgba, width: PHOTO_WIDTH, height: PHOTO_HEIGHT }, quality).data;
    if (encoded.length <= PHOTO_MAX_BYTES) return Uint8Array.from(encoded);
  }
  // A flat-colour drawing this small always fits; reaching here means the drawing changed.
  throw new Error(`synthetic photo does not fit ${PHOTO_MAX_BYTES} bytes even at quality ${MIN_QUALITY}`);
}

function designPortrait(random: Random, options: PhotoOptions): Portrait {
  const sex = options.sex ?? random.pick(['male', 'female'] as const);
  const background = random.pick<Rgb>([
    [250, 250, 250],
    [226, 238, 250],
    [236, 240, 244],
    [214, 232, 248],
  ]);
  const skin = random.pick<Rgb>([
    [241, 204, 170],
    [228, 186, 150],
    [214, 168, 130],
    [196, 150, 112],
  ]);
  const hair = random.pick<Rgb>([
    [28, 24, 22],
    [48, 36, 30],
    [70, 54, 42],
    [120, 118, 116],
  ]);
  const clothing: Rgb = [random.int(20, 200), random.int(20, 200), random.int(20, 200)];
  const cx = PHOTO_WIDTH / 2 + random.int(-2, 2);
  const headRx = random.int(17, 21);
  const headRy = random.int(23, 27);
  const headCy = random.int(55, 60);
  const head = { cx, cy: headCy, rx: headRx, ry: headRy };
  const hairCap = { cx, cy: headCy - random.int(6, 9), rx: headRx + 2, ry: headRy };
  const longHair = sex === 'female' ? { cx, cy: headCy + 12, rx: headRx + 5, ry: headRy + 16 } : undefined;
  const shoulders = { cx, cy: PHOTO_HEIGHT + random.int(8, 14), rx: random.int(52, 60), ry: 38 };
  const neck = { left: cx - headRx * 0.45, right: cx + headRx * 0.45, top: headCy + headRy - 6 };
  return { background, skin, hair, clothing, head, hairCap, shoulders, neck, ...(longHair && { longHair }) };
}

function inside(e: Ellipse, x: number, y: number): boolean {
  const dx = (x - e.cx) / e.rx;
  const dy = (y - e.cy) / e.ry;
  return dx * dx + dy * dy <= 1;
}

/** Colour of one point: later layers paint over earlier ones. */
function colourAt(p: Portrait, x: number, y: number): Rgb {
  if (inside(p.head, x, y)) return p.skin;
  if (inside(p.hairCap, x, y) && y < p.head.cy) return p.hair;
  if (x >= p.neck.left && x <= p.neck.right && y >= p.neck.top && !inside(p.shoulders, x, y)) {
    return shade(p.skin, 0.88);
  }
  if (inside(p.shoulders, x, y)) return p.clothing;
  if (p.longHair && inside(p.longHair, x, y)) return p.hair;
  return p.background;
}

function shade([r, g, b]: Rgb, factor: number): Rgb {
  return [Math.round(r * factor), Math.round(g * factor), Math.round(b * factor)];
}

/** RGBA pixels with 2×2 supersampling: soft edges ring less in JPEG, so they cost fewer bytes. */
function render(p: Portrait): Uint8Array {
  const rgba = new Uint8Array(PHOTO_WIDTH * PHOTO_HEIGHT * 4);
  const offsets = [0.25, 0.75];
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const oy of offsets) {
        for (const ox of offsets) {
          const [cr, cg, cb] = colourAt(p, x + ox, y + oy);
          r += cr;
          g += cg;
          b += cb;
        }
      }
      const i = (y * PHOTO_WIDTH + x) * 4;
      rgba[i] = Math.round(r / 4);
      rgba[i + 1] = Math.round(g / 4);
      rgba[i + 2] = Math.round(b / 4);
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}
