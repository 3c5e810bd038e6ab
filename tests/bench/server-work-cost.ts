/**
 * What a microsecond of the server's own work costs its throughput on this machine: a bare
 * Fastify route answering a 1 KB JSON object, and the same route busy for 10 and 20 µs more
 * before it answers, each loaded in turn by `wrk` (one thread, 16 connections, 1 s rounds) from
 * its own process. Where work cost only itself, each µs of it would add 1 µs to the time per
 * request; the printed "cost per µs of work" says what it adds here. It bounds what the gateway's
 * own per-request work may be for a throughput ratio against the bare route (BENCHMARKS.md).
 * Not a test.
 *
 *   pnpm exec tsx tests/bench/server-work-cost.ts [ROUNDS]
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import Fastify from 'fastify';
import { percentile } from './sampling.js';
import { wrk } from './wrk.js';

const rounds = Number(process.argv[2] ?? 12);
const WORK_US = [0, 10, 20];
const answer = { data: 'x'.repeat(1000) };

const busyFor = (us: number) => {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
};
const app = Fastify();
for (const us of WORK_US)
  app.get(`/work/${us}`, async () => {
    busyFor(us);
    return answer;
  });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/work`;

try {
  const perSecond = new Map<number, number[]>(WORK_US.map((us) => [us, []]));
  await wrk(`${base}/0`, { seconds: 1, connections: 16 });
  for (let round = 0; round < rounds; round++)
    for (const us of WORK_US)
      perSecond.get(us)!.push(await wrk(`${base}/${us}`, { seconds: 1, connections: 16 }));

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${rounds} rounds`);
  console.log(
    '\n| route busy for | req/s p50 | µs per request | cost per µs of work |\n|---|---:|---:|---:|',
  );
  const usPerRequest = (us: number) => 1e6 / percentile(perSecond.get(us)!, 50);
  for (const us of WORK_US) {
    const cost = us === 0 ? '' : ((usPerRequest(us) - usPerRequest(0)) / us).toFixed(2);
    console.log(
      `| ${us} µs | ${percentile(perSecond.get(us)!, 50).toFixed(0)} | ${usPerRequest(us).toFixed(1)} | ${cost} |`,
    );
  }
} finally {
  await app.close();
}
