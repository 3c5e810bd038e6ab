/**
 * What idling costs the next piece of work on this machine: the same registration read on the
 * in-process emulated card (the latency benchmark's direct read), started right after the last
 * one (a `setImmediate` apart) and after the process slept 1, 10 or 30 ms, in turn. A desk's
 * reads come seconds apart, and a gateway's process sleeps between requests, so every read it
 * serves starts from idle; each pause's p50 against the back-to-back p50 of the same run shows
 * how much slower that makes the same code. Not a test.
 *
 *   pnpm exec tsx tests/bench/idle-cost.ts [ROUNDS]
 */
import { cpus } from 'node:os';
import { buildPsamImage, EmulatedHealthCard, EmulatedPsam, generateCard } from '@hcard/emulator';
import { coreSectionsOf } from '@hcard/gateway';
import { EmulatorDriver } from '@hcard/reader-driver';
import { timedDirectRead } from './direct-read.js';
import { BENCH_CARD_SEED } from './gateway-bench-config.js';
import { percentile } from './sampling.js';

const USER = 'Virtual PCD 00 00';
const PSAM = 'Virtual PCD 00 01';
const PAUSES_MS = [0, 1, 10, 30];

const driver = new EmulatorDriver();
driver.insert(USER, new EmulatedHealthCard(generateCard(BENCH_CARD_SEED).image));
driver.insert(PSAM, new EmulatedPsam(buildPsamImage()));
const core = coreSectionsOf(['issuer', 'holder', 'insurance']);

const read = () => timedDirectRead(driver, USER, PSAM, core);

const pause = (ms: number) =>
  new Promise((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

const rounds = Number(process.argv[2] ?? 300);
const samples = new Map<number, number[]>(PAUSES_MS.map((ms) => [ms, []]));
for (let i = 0; i < 50; i++) await read();
for (let i = 0; i < rounds; i++)
  for (let k = 0; k < PAUSES_MS.length; k++) {
    // Each round starts with the next pause, so that none always follows another.
    const ms = PAUSES_MS[(i + k) % PAUSES_MS.length]!;
    await pause(ms);
    samples.get(ms)!.push(await read());
  }

const backToBack = percentile(samples.get(0)!, 50);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}\n`);
console.log(`| the read, started after …, ${rounds} each | p50 ms | p99 ms | p50 / back-to-back p50 |`);
console.log('|---|---:|---:|---:|');
for (const [ms, xs] of samples) {
  const p50 = percentile(xs, 50);
  const label = ms === 0 ? 'the last read (back to back)' : `${ms} ms asleep`;
  console.log(
    `| ${label} | ${p50.toFixed(2)} | ${percentile(xs, 99).toFixed(2)} | ${(p50 / backToBack).toFixed(2)} |`,
  );
}
