/**
 * The benchmarks' percentiles (tests/bench/sampling.ts): nearest rank (Hyndman & Fan 1996,
 * definition 1: the smallest value with at least p % of the samples at or below it), and the
 * bootstrap interval of a difference of percentiles.
 */
import { describe, expect, it } from 'vitest';
import { percentile, percentileDifference, timedInTurn } from './sampling.js';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('p99 of 1..100 is 99 and p50 is 50, not the maximum or an interpolation', () => {
    const xs = oneTo(100).reverse();
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
  });

  it('p99 of 300 samples is the third largest', () => {
    expect(percentile(oneTo(300), 99)).toBe(297);
  });
});

describe('percentileDifference', () => {
  it('of a sample and itself shifted by 2: 2, inside its interval', () => {
    const a = oneTo(300).map((x) => (x * 7919) % 300);
    const d = percentileDifference(
      a.map((x) => x + 2),
      a,
      50,
    );
    expect(d.value).toBe(2);
    expect(d.low).toBeLessThanOrEqual(2);
    expect(d.high).toBeGreaterThanOrEqual(2);
  });

  it('a p99 resting on a few outliers gets a wide interval; the same data without them a narrow one', () => {
    const calm = oneTo(300).map((x) => 10 + (x % 7) / 10);
    const spiky = calm.map((x, i) => (i % 100 === 0 ? x + 50 : x));
    const narrow = percentileDifference(calm, calm, 99);
    const wide = percentileDifference(spiky, calm, 99);
    expect(narrow.high - narrow.low).toBeLessThan(1);
    expect(wide.high - wide.low).toBeGreaterThan(10);
  });

  it('gives the same interval for the same samples (fixed seed)', () => {
    const a = oneTo(200).map((x) => (x * 31) % 97);
    const b = oneTo(200).map((x) => (x * 17) % 89);
    expect(percentileDifference(a, b, 99)).toEqual(percentileDifference(a, b, 99));
  });
});

describe('timedInTurn', () => {
  it('runs each operation rounds times after the warm-up, each round starting with the next', async () => {
    const order: string[] = [];
    const op = (name: string) => async () => {
      order.push(name);
      return order.length;
    };
    const samples = await timedInTurn(3, 1, { a: op('a'), b: op('b'), c: op('c') });
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(samples).toEqual({ a: [4, 9, 11], b: [5, 7, 12], c: [6, 8, 10] });
  });
});
