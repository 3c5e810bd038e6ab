/**
 * Benchmark (not a test) of the gateway, through the real PC/SC stack (pcscd + vpcd):
 * 1. latency: a registration read over HTTP (`GET …/card?fresh=true`, token checked) against
 *    a direct driver read of the same sections on the same card (session open + readCard),
 *    alternating, p50/p99 of each and of the difference;
 * 2. throughput: snapshot reads (`GET …/card`, served from the snapshot, auth on) against a
 *    bare Fastify route returning the same JSON, same load generator, same run;
 * 3. 50 concurrent clients on one reader after each (re)insertion: errors, and card reads per
 *    coalesced group (1 is the target).
 * Only 127.0.0.1. Starts pcscd when none runs (and stops it after). Run: pnpm bench:gateway
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { HealthCardSession, PsamClient } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_PSAM_PIN,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';
import { coreSectionsOf, parseConfig, ReaderService, startServer } from '@hcard/gateway';
import { PcscDriver } from '@hcard/reader-driver';
import Fastify from 'fastify';
import { PcscRig, READERS, waitFor } from '../support/pcsc-rig.js';

const LATENCY_ROUNDS = 100;
const LOAD_MS = 500;
const LOAD_ROUNDS = 12;
const CONCURRENCY = 16;
const GROUPS = 10;
const CLIENTS = 50;

const TOKEN = 'hcard_benchmark-token';
const SECTIONS = ['issuer', 'holder', 'insurance'] as const;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Requests per second that `CONCURRENCY` keep-alive loops get from `url` in LOAD_MS. */
async function load(url: string, headers: Record<string, string>): Promise<number> {
  let done = 0;
  let failed = 0;
  const until = performance.now() + LOAD_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await get(url, headers);
        if (r.status === 200) done++;
        else failed++;
      }
    }),
  );
  if (failed) throw new Error(`${failed} requests failed`);
  return (done / LOAD_MS) * 1000;
}

const rig = new PcscRig();
await rig.start();
const driver = new PcscDriver();
const built = generateCard('benchmark');
const parsed = parseConfig({
  listen: ['127.0.0.1'],
  rateLimit: { max: 10_000_000 },
  tokens: [
    {
      id: 'bbbb00000000',
      client: 'bench',
      scopes: ['read:basic'],
      sha256: createHash('sha256').update(TOKEN).digest('hex'),
      created: new Date().toISOString(),
    },
  ],
});
// Port 0: any free port (the config file itself never holds 0).
const config = { ...parsed, port: 0 };
const service = new ReaderService(driver, { psamPin: TEST_PSAM_PIN });
try {
  const card = await rig.insert(new EmulatedHealthCard(built.image), READERS.user.port);
  await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
  await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length >= 2);
  await service.start();
  const gateway = await startServer(config, { service });
  const base = gateway.urls[0]!;
  const headers = { host: new URL(base).host, authorization: `Bearer ${TOKEN}` };
  const cardUrl = `${base}/v1/readers/${encodeURIComponent(READERS.user.name)}/card`;

  // 1. Latency, alternating direct and gateway reads.
  const direct: number[] = [];
  const viaGateway: number[] = [];
  const directRead = async () => {
    const started = performance.now();
    const user = await driver.connect(READERS.user.name);
    const psam = await driver.connect(READERS.psam.name);
    const opened = await HealthCardSession.open(user, new PsamClient(psam), TEST_SESSION_OPTIONS);
    if (!opened.ok) throw new Error(opened.refusal.meaning);
    const read = await opened.value.readCard(coreSectionsOf([...SECTIONS]));
    if (!read.ok) throw new Error(read.refusal.meaning);
    await Promise.all([user.close(), psam.close()]);
    return performance.now() - started;
  };
  const gatewayRead = async () => {
    const started = performance.now();
    const r = await get(`${cardUrl}?sections=${SECTIONS.join(',')}&fresh=true`, headers);
    if (r.status !== 200) throw new Error(r.body);
    return performance.now() - started;
  };
  // Warm-up: JIT, pcscd's caches.
  for (let i = 0; i < 5; i++) {
    await directRead();
    await gatewayRead();
  }
  // Where the difference lies: the ReaderService alone (no HTTP), same reads.
  const viaService: number[] = [];
  const serviceRead = async () => {
    const started = performance.now();
    await service.readCard(READERS.user.name, coreSectionsOf([...SECTIONS]), { fresh: true });
    return performance.now() - started;
  };
  for (let i = 0; i < LATENCY_ROUNDS; i++) {
    viaService.push(await serviceRead());
    if (i % 2 === 0) {
      direct.push(await directRead());
      viaGateway.push(await gatewayRead());
    } else {
      viaGateway.push(await gatewayRead());
      direct.push(await directRead());
    }
  }
  const diffs = direct.map((d, i) => viaGateway[i]! - d);

  // 2. Throughput of snapshot reads against a bare Fastify route with the same JSON.
  const snapshot = await get(cardUrl, headers);
  const bare = Fastify();
  // The same JSON as an object, serialised per request as any route's answer is.
  const sameJson = JSON.parse(snapshot.body) as object;
  bare.get('/card', async () => sameJson);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/card`;
  // One request at a time: the HTTP path's own latency, gateway snapshot read against bare.
  const timed = async (url: string, h: Record<string, string>) => {
    const started = performance.now();
    await get(url, h);
    return performance.now() - started;
  };
  const oneGateway: number[] = [];
  const oneBare: number[] = [];
  for (let i = 0; i < 300; i++) {
    oneGateway.push(await timed(cardUrl, headers));
    oneBare.push(await timed(bareUrl, {}));
  }
  // Short rounds, alternating, paired: the shared machine's drift hits both sides alike.
  const rpsGateway: number[] = [];
  const rpsBare: number[] = [];
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    rpsBare.push(await load(bareUrl, {}));
    rpsGateway.push(await load(cardUrl, headers));
  }
  const rpsRatios = rpsGateway.map((g, i) => g / rpsBare[i]!);
  await bare.close();

  // 3. Fifty clients at once after each insertion: one card read per group.
  const groups: { reads: number; errors: number }[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const before = service.counter(READERS.user.name);
    card.remove();
    await card.insert();
    await waitFor(() => service.counter(READERS.user.name) >= before + 2);
    const reads = service.cardReads;
    const results = await Promise.allSettled(Array.from({ length: CLIENTS }, () => get(cardUrl, headers)));
    const errors = results.filter((r) => r.status === 'rejected' || r.value.status !== 200).length;
    groups.push({ reads: service.cardReads - reads, errors });
  }
  await gateway.close();

  const ms = (x: number) => x.toFixed(2);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`loopback quick-ACK: ${rig.quickAck.applied ? 'on' : `off (${rig.quickAck.reason})`}\n`);
  console.log(`| registration read (${SECTIONS.join(',')}), ${LATENCY_ROUNDS} each | p50 ms | p99 ms |`);
  console.log('|---|---:|---:|');
  console.log(
    `| direct: PcscDriver + HealthCardSession | ${ms(quantile(direct, 0.5))} | ${ms(quantile(direct, 0.99))} |`,
  );
  console.log(
    `| gateway: GET …/card?fresh=true over HTTP | ${ms(quantile(viaGateway, 0.5))} | ${ms(quantile(viaGateway, 0.99))} |`,
  );
  console.log(`| gateway − direct, paired | ${ms(quantile(diffs, 0.5))} | ${ms(quantile(diffs, 0.99))} |`);
  console.log(
    `| ReaderService.readCard alone (no HTTP) | ${ms(quantile(viaService, 0.5))} | ${ms(quantile(viaService, 0.99))} |`,
  );
  console.log(
    `| p99(gateway) − p99(direct) | | ${ms(quantile(viaGateway, 0.99) - quantile(direct, 0.99))} |`,
  );
  console.log(`\n| one request at a time, 300 each | p50 ms | p99 ms |`);
  console.log('|---|---:|---:|');
  console.log(`| bare Fastify route | ${ms(quantile(oneBare, 0.5))} | ${ms(quantile(oneBare, 0.99))} |`);
  console.log(
    `| gateway snapshot read | ${ms(quantile(oneGateway, 0.5))} | ${ms(quantile(oneGateway, 0.99))} |`,
  );
  console.log(
    `\n| snapshot reads, ${CONCURRENCY} keep-alive clients, ${LOAD_ROUNDS} alternating rounds of ${LOAD_MS} ms | req/s p50 | ratio p50 (min–max) |`,
  );
  console.log('|---|---:|---:|');
  console.log(`| bare Fastify route, same JSON | ${quantile(rpsBare, 0.5).toFixed(0)} | 1.00 |`);
  console.log(
    `| gateway (Host, token, scope, rate limit, snapshot) | ${quantile(rpsGateway, 0.5).toFixed(0)} | ${quantile(rpsRatios, 0.5).toFixed(2)} (${Math.min(...rpsRatios).toFixed(2)}–${Math.max(...rpsRatios).toFixed(2)}) |`,
  );
  const errors = groups.reduce((n, x) => n + x.errors, 0);
  console.log(
    `\n${CLIENTS} concurrent clients × ${GROUPS} insertions: ${errors} errors; card reads per group: ${groups.map((x) => x.reads).join(' ')}`,
  );
} finally {
  agent.destroy();
  await service.close();
  await rig.stop();
}
