/**
 * What a loopback round trip costs on this machine before any gateway work, layer by layer, in
 * one process, one at a time, in turn (tests/bench/sampling.ts `timedInTurn`):
 * - the machine's own stalls, before and after (stalls.ts);
 * - a TCP round trip: a `node:net` server answering fixed bytes to a `LeanHttpClient`;
 * - a `node:http` server answering the same bytes, to the lean client and to `node:http`'s own;
 * - a Fastify route answering them, to the lean client.
 * `pnpm exec tsx tests/bench/http-floor.ts [ROUNDS]` (default 3000).
 */
import { Agent, createServer, request } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server } from 'node:net';
import Fastify from 'fastify';
import { LeanHttpClient } from './lean-http.js';
import { percentile, timedInTurn } from './sampling.js';
import { measureStalls, stallsLine } from './stalls.js';

const rounds = Number(process.argv[2] ?? 3000);
/** About the size of a registration read's answer. */
const body = Buffer.from(JSON.stringify({ card: { text: 'x'.repeat(560) } }));
const answer = Buffer.concat([
  Buffer.from(
    `HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${body.length}\r\n\r\n`,
  ),
  body,
]);

const listening = async (server: Server | ReturnType<typeof createServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
};

const before = measureStalls(3);
const tcp = createTcpServer((socket) => {
  socket.setNoDelay(true);
  socket.on('data', () => socket.write(answer));
});
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
const fastify = Fastify();
fastify.get('/', (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
await fastify.listen({ host: '127.0.0.1', port: 0 });

const tcpClient = await LeanHttpClient.connect(await listening(tcp));
const httpUrl = await listening(http);
const httpClient = await LeanHttpClient.connect(httpUrl);
const fastifyClient = await LeanHttpClient.connect(
  `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}/`,
);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const nodeHttpGet = () =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    request(httpUrl, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    })
      .on('error', reject)
      .end();
  });

const samples = await timedInTurn(rounds, 200, {
  tcp: () => tcpClient.timedGet(),
  nodeHttp: () => httpClient.timedGet(),
  nodeHttpBothSides: nodeHttpGet,
  fastify: () => fastifyClient.timedGet(),
});
const after = measureStalls(3);
for (const c of [tcpClient, httpClient, fastifyClient]) c.close();
agent.destroy();
tcp.close();
http.close();
await fastify.close();

const ms = (x: number) => x.toFixed(3);
const labels: Record<keyof typeof samples, string> = {
  tcp: 'TCP round trip: node:net server, lean client',
  nodeHttp: 'node:http server, lean client',
  nodeHttpBothSides: "node:http server, node:http's client",
  fastify: 'Fastify route, lean client',
};
console.log(`| ${rounds} round trips each, in turn | p50 ms | p99 ms | max ms |`);
console.log('|---|---:|---:|---:|');
for (const [k, label] of Object.entries(labels) as [keyof typeof samples, string][]) {
  const xs = samples[k];
  console.log(
    `| ${label} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 99))} | ${ms(Math.max(...xs))} |`,
  );
}
console.log(`\nbefore: ${stallsLine(before)}\nafter: ${stallsLine(after)}`);
