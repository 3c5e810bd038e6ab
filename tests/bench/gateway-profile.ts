/**
 * The gateway's own cost under snapshot load, without pcscd: the gateway wired as
 * `hcard gateway` wires it (config file and TokenStore, masked pino log to a file, audit log)
 * around the in-process emulator driver, and a bare Fastify route returning the same JSON, both
 * in this process, loaded in turn by `wrk` (one thread, 16 connections) from its own process.
 * For profiling and quick iterations; BENCHMARKS.md's figures come from gateway.bench.ts.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/gateway-profile.ts [seconds] [gateway-only|bare-only]
 *   pnpm exec tsx tests/bench/gateway-profile.ts [rounds] parts
 *
 * `parts` also serves the same gateway without its request log, without its audit log, and
 * without both, and prints for each (and the bare route) the p50 of requests per second over
 * 1 s rounds in alternating order, its ratio to the bare route, and the process's CPU time per
 * request (`process.cpuUsage`, all threads): what the log and the audit cost in place.
 */
import { openSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import {
  AuditLog,
  auditingHooks,
  createLogger,
  LineQueue,
  loadOrCreateConfig,
  PersonalDataMasker,
  ReaderService,
  startServer,
  TokenStore,
} from '@hcard/gateway';
import { EmulatorDriver } from '@hcard/reader-driver';
import Fastify from 'fastify';
import { BENCH_TOKEN, configSettled, writeBenchConfig } from './gateway-bench-config.js';
import { percentile } from './sampling.js';
import { wrk } from './wrk.js';

const seconds = Number(process.argv[2] ?? 5);
const mode = process.argv[3];
const TOKEN = BENCH_TOKEN;
const READER = 'Virtual PCD 00 00';
const { dir, configFile } = writeBenchConfig('hcard-gwprof-');

const load = (url: string, headers: Record<string, string>, s: number) =>
  wrk(url, { seconds: s, connections: 16, headers });

const driver = new EmulatorDriver();
driver.insert(READER, new EmulatedHealthCard(generateCard('benchmark').image));
driver.insert('Virtual PCD 00 01', new EmulatedPsam(buildPsamImage()));
const service = new ReaderService(driver, { psamPin: TEST_PSAM_PIN });
await service.start();
const { config: loaded } = loadOrCreateConfig(configFile);
const masker = new PersonalDataMasker();
const audits: AuditLog[] = [];
let gateways = 0;

/** A gateway on an ephemeral port, with or without the log and audit `hcard gateway` gives it. */
async function startGateway(parts: { log: boolean; audit: boolean }) {
  const n = gateways++;
  const logger = parts.log
    ? createLogger({
        level: loaded.logLevel,
        masker,
        destination: new LineQueue(openSync(join(dir, `gateway-${n}.log`), 'a', 0o600)),
      })
    : undefined;
  const audit = parts.audit ? new AuditLog(join(dir, `audit-${n}.jsonl`), { masker }) : undefined;
  if (audit) audits.push(audit);
  const server = await startServer(
    { ...loaded, port: 0 },
    {
      service,
      tokens: new TokenStore(configFile, loaded.tokens),
      ...(logger ? { loggerInstance: logger } : {}),
      ...(audit ? { hooks: auditingHooks(audit, masker) } : {}),
    },
  );
  const base = server.urls[0]!;
  return {
    server,
    url: `${base}/v1/readers/${encodeURIComponent(READER)}/card`,
    headers: { host: new URL(base).host, authorization: `Bearer ${TOKEN}` },
  };
}

const gateway = await startGateway({ log: true, audit: true });
const { url: cardUrl, headers } = gateway;
const sameJson = (await (await fetch(cardUrl, { headers })).json()) as object;
const bare = Fastify();
bare.get('/card', async () => sameJson);
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/card`;
const others: { server: { close(): Promise<void> } }[] = [];
await configSettled(configFile);
try {
  if (mode === 'gateway-only')
    console.log(`gateway ${(await load(cardUrl, headers, seconds)).toFixed(0)} req/s`);
  else if (mode === 'bare-only') console.log(`bare ${(await load(bareUrl, {}, seconds)).toFixed(0)} req/s`);
  else if (mode === 'parts') {
    const variants = [
      { name: 'bare Fastify route, same JSON', url: bareUrl, headers: {} },
      { name: 'gateway as hcard gateway runs it', ...gateway },
    ];
    for (const [name, parts] of [
      ['gateway without its request log', { log: false, audit: true }],
      ['gateway without its audit log', { log: true, audit: false }],
      ['gateway without both', { log: false, audit: false }],
    ] as const) {
      const started = await startGateway(parts);
      others.push(started);
      variants.push({ name, ...started });
    }
    const perSecond = variants.map(() => [] as number[]);
    const cpuPerRequest = variants.map(() => [] as number[]);
    for (const v of variants) await load(v.url, v.headers, 1);
    for (let round = 0; round < seconds; round++) {
      const order = variants.map((_, i) => i);
      for (const i of round % 2 ? order.reverse() : order) {
        const before = process.cpuUsage();
        const rate = await load(variants[i]!.url, variants[i]!.headers, 1);
        const used = process.cpuUsage(before);
        perSecond[i]!.push(rate);
        cpuPerRequest[i]!.push((used.user + used.system) / rate);
      }
    }
    const bareRate = percentile(perSecond[0]!, 50);
    console.log(`${seconds} rounds of 1 s each, alternating\n`);
    console.log('| server | req/s p50 | ratio to bare | CPU µs per request, p50 |\n|---|---:|---:|---:|');
    for (const [i, v] of variants.entries())
      console.log(
        `| ${v.name} | ${percentile(perSecond[i]!, 50).toFixed(0)} | ${(percentile(perSecond[i]!, 50) / bareRate).toFixed(2)} | ${percentile(cpuPerRequest[i]!, 50).toFixed(1)} |`,
      );
  } else {
    await load(bareUrl, {}, 1);
    await load(cardUrl, headers, 1);
    const ratios: number[] = [];
    for (let i = 0; i < seconds; i++) {
      const b = await load(bareUrl, {}, 1);
      const g = await load(cardUrl, headers, 1);
      ratios.push(g / b);
      console.log(`bare ${b.toFixed(0)}  gateway ${g.toFixed(0)}  ratio ${(g / b).toFixed(2)}`);
    }
    console.log(`ratio p50 ${ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!.toFixed(2)}`);
  }
} finally {
  await bare.close();
  await gateway.server.close();
  for (const o of others) await o.server.close();
  for (const a of audits) await a.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
}
