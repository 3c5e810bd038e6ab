/**
 * A small seeded PRNG (mulberry32) for synthetic data: the same seed always gives the same
 * residents, photos and card images. Not for anything secret.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['a', 9], ['b', 1]])` gives 'a' 90 % of the time. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** true with probability p. */
  chance(p: number): boolean;
  /** A string of n random decimal digits (leading zeros allowed). */
  digits(n: number): string;
  /** A new generator whose stream depends on this one's seed and `label`, not on call order. */
  fork(label: string): Random;
}

/** Seeds from a number (its 32-bit integer part) or any string (hashed). */
export function createRandom(seed: number | string): Random {
  return fromState(seedToState(seed), String(seed));
}

function fromState(initial: number, seedLabel: string): Random {
  let state = initial >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };
  return {
    next,
    int,
    pick,
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      if (!(total > 0)) throw new RangeError('weighted needs a positive total weight');
      let r = next() * total;
      for (const [value, weight] of choices) {
        r -= weight;
        if (r < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      if (count > items.length) throw new RangeError(`sample of ${count} from ${items.length} items`);
      const pool = [...items];
      // Partial Fisher–Yates: the first `count` slots end up a uniform random sample.
      for (let i = 0; i < count; i++) {
        const j = int(i, pool.length - 1);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, count);
    },
    chance: (p) => next() < p,
    digits(n: number): string {
      let s = '';
      for (let i = 0; i < n; i++) s += String(int(0, 9));
      return s;
    },
    fork: (label) => fromState(seedToState(`${seedLabel}/${label}`), `${seedLabel}/${label}`),
  };
}

function seedToState(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.trunc(seed) >>> 0;
  // FNV-1a over UTF-16 code units, then a murmur3 finaliser so similar strings diverge.
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
