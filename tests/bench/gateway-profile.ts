/**
 * The gateway's own cost under snapshot load, without pcscd: the gateway wired as
 * `hcard gateway` wires it (config file and TokenStore, masked pino log to a file, audit log)
 * around the in-process emulator driver, and a bare Fastify route returning the same JSON, both
 * in this process, loaded in turn by `wrk` (one thread, 16 connections) from its own process.
 * For profiling and quick iterations; BENCHMARKS.md's figures come from gateway.bench.ts.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/gateway-profile.ts [seconds] [gateway-only|bare-only]
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
import { BENCH_TOKEN, writeBenchConfig } from './gateway-bench-config.js';
import { wrk } from './wrk.js';

const seconds = Number(process.argv[2] ?? 5);
const gatewayOnly = process.argv[3] === 'gateway-only';
const bareOnly = process.argv[3] === 'bare-only';
const TOKEN = BENCH_TOKEN;
const { dir, configFile } = writeBenchConfig('hcard-gwprof-');

const load = (url: string, headers: Record<string, string>, s: number) =>
  wrk(url, { seconds: s, connections: 16, headers });

const driver = new EmulatorDriver();
driver.insert('Virtual PCD 00 00', new EmulatedHealthCard(generateCard('benchmark').image));
driver.insert('Virtual PCD 00 01', new EmulatedPsam(buildPsamImage()));
const service = new ReaderService(driver, { psamPin: TEST_PSAM_PIN });
await service.start();
const { config: loaded } = loadOrCreateConfig(configFile);
const logFd = openSync(join(dir, 'gateway.log'), 'a', 0o600);
const logLines = new LineQueue(logFd);
const masker = new PersonalDataMasker();
const audit = new AuditLog(join(dir, 'audit.jsonl'), { masker });
const gateway = await startServer(
  { ...loaded, port: 0 },
  {
    service,
    tokens: new TokenStore(configFile, loaded.tokens),
    loggerInstance: createLogger({
      level: loaded.logLevel,
      masker,
      destination: logLines,
    }),
    hooks: auditingHooks(audit, masker),
  },
);
const base = gateway.urls[0]!;
const headers = { host: new URL(base).host, authorization: `Bearer ${TOKEN}` };
const cardUrl = `${base}/v1/readers/${encodeURIComponent('Virtual PCD 00 00')}/card`;
const sameJson = (await (await fetch(cardUrl, { headers })).json()) as object;
const bare = Fastify();
bare.get('/card', async () => sameJson);
await bare.listen({ host: '127.0.0.1', port: 0 });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/card`;
try {
  if (gatewayOnly) console.log(`gateway ${(await load(cardUrl, headers, seconds)).toFixed(0)} req/s`);
  else if (bareOnly) console.log(`bare ${(await load(bareUrl, {}, seconds)).toFixed(0)} req/s`);
  else {
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
  await gateway.close();
  await audit.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
}
