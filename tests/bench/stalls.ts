/**
 * How often this machine stops a running thread, and for how long: a thread spins on the clock
 * and counts the gaps in it (the time it was not running: host steal, interrupts, other work
 * scheduled on its vCPU). A read's p99 is the slowest 1 %: once stalls of a millisecond or more
 * hit one request in a hundred, they set it, whatever the code does. The gateway benchmark prints
 * this beside its latency figures, http-floor.ts before and after its round trips. Alone:
 * `pnpm exec tsx tests/bench/stalls.ts [SECONDS]`.
 */

export interface Stalls {
  readonly seconds: number;
  /** Gaps of more than 0.2 ms, 1 ms and 3 ms, per second of spinning. */
  readonly over200usPerS: number;
  readonly over1msPerS: number;
  readonly over3msPerS: number;
  /** The longest gap, ms. */
  readonly maxMs: number;
  /** The share of the time lost in gaps over 0.2 ms. */
  readonly lostShare: number;
}

/** Spins for `seconds` (bounded) on this thread; nothing else in this process runs meanwhile. */
export function measureStalls(seconds: number): Stalls {
  const gaps: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  let last = started;
  for (;;) {
    const now = performance.now();
    if (now - last > 0.2) gaps.push(now - last);
    last = now;
    if (now >= end) break;
  }
  const perS = (ms: number) => gaps.filter((g) => g > ms).length / seconds;
  return {
    seconds,
    over200usPerS: perS(0.2),
    over1msPerS: perS(1),
    over3msPerS: perS(3),
    maxMs: Math.max(0, ...gaps),
    lostShare: gaps.reduce((a, b) => a + b, 0) / (seconds * 1000),
  };
}

/** One line for a benchmark's output. */
export function stallsLine(s: Stalls): string {
  return `machine stalls (a thread spinning ${s.seconds} s): gaps over 0.2 ms ${s.over200usPerS.toFixed(1)}/s, over 1 ms ${s.over1msPerS.toFixed(1)}/s, over 3 ms ${s.over3msPerS.toFixed(1)}/s; longest ${s.maxMs.toFixed(2)} ms; ${(s.lostShare * 100).toFixed(2)} % of the time lost`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(stallsLine(measureStalls(Number(process.argv[2] ?? 5))));
}
