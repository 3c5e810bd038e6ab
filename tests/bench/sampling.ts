/** Percentiles for the benchmarks: nearest rank, and how far a difference of two can be trusted. */

/** The nearest-rank percentile `p` (0–100) of samples in any order. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Difference {
  /** percentile(a) − percentile(b). */
  readonly value: number;
  /** The 2.5th and 97.5th percentiles of the difference over bootstrap resamples of both. */
  readonly low: number;
  readonly high: number;
}

/**
 * percentile(a, p) − percentile(b, p), with a 95 % bootstrap interval: a p99 of a few hundred
 * samples rests on its few largest, so one run's figure says little without its spread.
 */
export function percentileDifference(
  a: readonly number[],
  b: readonly number[],
  p: number,
  resamples = 1000,
): Difference {
  // A fixed-seed generator (mulberry32): the same samples give the same interval.
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)]!);
  const diffs: number[] = [];
  for (let i = 0; i < resamples; i++) diffs.push(percentile(resample(a), p) - percentile(resample(b), p));
  return {
    value: percentile(a, p) - percentile(b, p),
    low: percentile(diffs, 2.5),
    high: percentile(diffs, 97.5),
  };
}

/**
 * Runs each timed operation `rounds` times, one at a time, in turn, each round starting with the
 * next one so that none always follows another; `warmup` rounds first, not kept.
 */
export async function timedInTurn<K extends string>(
  rounds: number,
  warmup: number,
  operations: Record<K, () => Promise<number>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(operations) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup; i++) for (const n of names) await operations[n]();
  for (let i = 0; i < rounds; i++)
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      // From an idle event loop, as a desk's reads seconds apart start: work the last operation
      // left queued (a write, a GC task V8 posts) runs here, not inside the next one's timing.
      await new Promise((r) => setImmediate(r));
      samples[name].push(await operations[name]());
    }
  return samples;
}

/** The samples of the read-latency comparison. */
export interface ReadLatency {
  /** Through the driver, as an HIS linking it would read. */
  readonly direct: number[];
  /** Another direct read in each round: how far two reads of the same kind differ by chance. */
  readonly again: number[];
  /** `ReaderService.readCard` in the gateway's process, no HTTP. */
  readonly service: number[];
  /** A bare Fastify route doing that read: what HTTP itself costs. */
  readonly bare: number[];
  /**
   * A plain `node:http` route doing that read and answering its JSON (no Fastify, no token):
   * the least any gateway that reads the card behind HTTP can add to the read.
   */
  readonly minimal: number[];
  /** The gateway's route, with everything it does. */
  readonly gateway: number[];
  /**
   * An HTTP round trip alone: a plain `node:http` server answering the gateway's answer bytes,
   * no card read, no Fastify. No gateway over HTTP can add less than this to a read.
   */
  readonly floor: number[];
  /** The floor again with `node:http`'s client instead of the lean one: the client's own cost. */
  readonly nodeHttpFloor: number[];
}

/**
 * Markdown rows: each kind's p50/p99; the gateway's overhead over the direct read, split into
 * HTTP's share (bare route) and the gateway's own; the A/A control beside them. The floor (an
 * HTTP round trip with nothing in it) is a row of its own: what any HTTP gateway adds at least.
 */
export function readLatencyRows(r: ReadLatency, labels: Record<keyof ReadLatency, string>): string[] {
  const ms = (x: number) => x.toFixed(2);
  const diff = (a: number[], b: number[], p: number) => {
    const d = percentileDifference(a, b, p);
    return `${ms(d.value)} (${ms(d.low)} to ${ms(d.high)})`;
  };
  const paired = (a: number[], b: number[], p: number) =>
    ms(
      percentile(
        a.map((x, i) => x - b[i]!),
        p,
      ),
    );
  const rows = [`| read, ${r.direct.length} of each | p50 ms | p99 ms |`, '|---|---:|---:|'];
  for (const k of [
    'direct',
    'again',
    'service',
    'minimal',
    'bare',
    'gateway',
    'floor',
    'nodeHttpFloor',
  ] as const)
    rows.push(`| ${labels[k]} | ${ms(percentile(r[k], 50))} | ${ms(percentile(r[k], 99))} |`);
  rows.push(
    `| **overhead: gateway − direct**, each percentile (95 % bootstrap interval) | **${diff(r.gateway, r.direct, 50)}** | **${diff(r.gateway, r.direct, 99)}** |`,
    `| the least any HTTP gateway adds: minimal route − direct | ${diff(r.minimal, r.direct, 50)} | ${diff(r.minimal, r.direct, 99)} |`,
    `| of which HTTP: bare route − direct | ${diff(r.bare, r.direct, 50)} | ${diff(r.bare, r.direct, 99)} |`,
    `| of which the gateway's own: gateway − bare route | ${diff(r.gateway, r.bare, 50)} | ${diff(r.gateway, r.bare, 99)} |`,
    `| A/A control: direct again − direct, each percentile | ${diff(r.again, r.direct, 50)} | ${diff(r.again, r.direct, 99)} |`,
    `| gateway − direct, paired per round | ${paired(r.gateway, r.direct, 50)} | ${paired(r.gateway, r.direct, 99)} |`,
    `| A/A control: direct again − direct, paired per round | ${paired(r.again, r.direct, 50)} | ${paired(r.again, r.direct, 99)} |`,
  );
  return rows;
}
