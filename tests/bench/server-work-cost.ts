/**
 * What a microsecond of the server's own work costs its throughput on this machine, and what an
 * `onRequest` hook costs by its style: a bare Fastify route answering a 1 KB JSON object; the
 * same route busy for 10 and 20 µs more before it answers; and the same route behind an
 * `onRequest` hook that does nothing, written `async` and written with a callback. Each is
 * loaded in turn by `wrk` (one thread, 16 connections, 1 s rounds) from its own process. Where
 * work cost only itself, each µs of it would add 1 µs to the time per request; the printed
 * "cost per µs of work" says what it adds here. It bounds what the gateway's own per-request
 * work may be for a throughput ratio against the bare route (BENCHMARKS.md). Not a test.
 *
 *   pnpm exec tsx tests/bench/server-work-cost.ts [ROUNDS]
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { percentile } from './sampling.js';
import { wrk } from './wrk.js';

const rounds = Number(process.argv[2] ?? 12);
const WORK_US = [0, 10, 20];
const HOOKS = ['async', 'callback'] as const;
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
// Each hook in a plugin of its own, so it runs for that plugin's route only.
const withHook = (style: (typeof HOOKS)[number]) => async (scope: FastifyInstance) => {
  if (style === 'async') scope.addHook('onRequest', async () => undefined);
  else scope.addHook('onRequest', (_request, _reply, done) => done());
  scope.get(`/hook/${style}`, async () => answer);
};
for (const style of HOOKS) await app.register(withHook(style));
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const paths = [...WORK_US.map((us) => `/work/${us}`), ...HOOKS.map((style) => `/hook/${style}`)];
try {
  const perSecond = new Map<string, number[]>(paths.map((p) => [p, []]));
  await wrk(`${base}/work/0`, { seconds: 1, connections: 16 });
  for (let round = 0; round < rounds; round++)
    // Every other round in reverse, so no route always follows the same one.
    for (const path of round % 2 ? [...paths].reverse() : paths)
      perSecond.get(path)!.push(await wrk(`${base}${path}`, { seconds: 1, connections: 16 }));

  const usPerRequest = (path: string) => 1e6 / percentile(perSecond.get(path)!, 50);
  const bare = usPerRequest('/work/0');
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${rounds} rounds`);
  console.log(
    '\n| route | req/s p50 | µs per request | µs more than bare | cost per µs of work |\n|---|---:|---:|---:|---:|',
  );
  for (const path of paths) {
    const us = path.startsWith('/work/') ? Number(path.slice('/work/'.length)) : 0;
    const more = usPerRequest(path) - bare;
    const label = path.startsWith('/work/')
      ? us === 0
        ? 'bare'
        : `busy ${us} µs more`
      : `an onRequest hook doing nothing, ${path.slice('/hook/'.length)}`;
    console.log(
      `| ${label} | ${percentile(perSecond.get(path)!, 50).toFixed(0)} | ${usPerRequest(path).toFixed(1)} | ${path === '/work/0' ? '' : more.toFixed(1)} | ${us ? (more / us).toFixed(2) : ''} |`,
    );
  }
} finally {
  await app.close();
}
