import { describe, expect, it } from 'vitest';
import { progress } from './progress.js';

/** A stream that records what is written; `isTTY` as a terminal or a pipe would have it. */
function stream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream,
  };
}

describe('progress (shared/progress.ts)', () => {
  it('on a terminal: a bar redrawn in place with rate and ETA, cleared before the final line', () => {
    let now = 0;
    const out = stream(true);
    const bar = progress({ label: 'prepare b', unit: 'rows', stream: out.stream, now: () => now });
    now = 2000;
    bar.update({ done: 500, total: 1000, note: '3 rejected' });
    expect(out.writes[0]).toBe(
      '\r\x1b[2Kprepare b [############------------] 500/1,000 rows · 250 rows/s · ETA 0m02s · 3 rejected',
    );
    bar.finish('done');
    expect(out.writes.slice(1)).toEqual(['\r\x1b[2K', 'done\n']);
  });

  it('in a pipe: plain lines, at most one per interval, and no control characters', () => {
    let now = 0;
    const out = stream(false);
    const bar = progress({
      label: 'encode',
      unit: 'cards',
      stream: out.stream,
      now: () => now,
      lineInterval: 5,
    });
    for (const [t, done] of [
      [1000, 1],
      [4000, 2],
      [6000, 3],
      [7000, 4],
      [12_000, 5],
    ] as const) {
      now = t;
      bar.update({ done, fraction: done / 10 });
    }
    bar.finish('encoded');
    expect(out.writes).toEqual([
      'encode: 3 cards · 1 cards/s · ETA 0m14s\n',
      'encode: 5 cards · 0 cards/s · ETA 0m12s\n',
      'encoded\n',
    ]);
    expect(out.writes.join('')).not.toMatch(/\x1b|\r/);
  });
});
