import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('lets max requests per key through in a window, says how long to wait, and starts again after it', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 10_000, () => now);
    expect([1, 2, 3].map(() => limiter.take('desk-1'))).toEqual([undefined, undefined, undefined]);
    now += 2_500;
    expect(limiter.take('desk-1')).toBe(8); // 7.5 s of the window left, rounded up
    expect(limiter.take('desk-2')).toBeUndefined(); // another client has its own window
    now += 7_499;
    expect(limiter.take('desk-1')).toBe(1);
    now += 1;
    expect(limiter.take('desk-1')).toBeUndefined();
  });
});
