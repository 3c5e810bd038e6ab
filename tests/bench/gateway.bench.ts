/**
 * Benchmark (not a test) of the gateway through the real PC/SC stack (pcscd + vpcd), with the
 * processes a desk has: the card in its own process (gateway-card.ts: the emulator's vpcd bridge,
 * as `hcard emulate` serves it; a real card is outside the gateway), the gateway in this one,
 * wired as `hcard gateway` wires it (config file and TokenStore watching it, pino logger with
 * masking at the config's level, audit log), and the client (the HIS) in a forked process of its
 * own (gateway-client.ts); the load generator is `wrk` when installed (one thread), else that
 * client process.
 *
 * 1. latency: a registration read over HTTP (`GET …/card?fresh=true`, token checked) against a
 *    direct driver read of the same sections on the same card (PcscDriver + session open +
 *    readCard in the client process, as an HIS linking a driver would), a second direct read
 *    (the A/A control: what chance alone makes of a difference) and the ReaderService alone (no
 *    HTTP) in this process, in turn, 300 rounds (BENCH_ROUNDS). The overhead is each
 *    percentile of the gateway's reads minus the same percentile of the direct reads, with a
 *    bootstrap interval; also per round, paired.
 * 2. snapshot reads (`GET …/card`, served from the snapshot, auth on) against a bare Fastify
 *    route in this process returning the same JSON: one request at a time, then throughput,
 *    alternating paired rounds.
 * 3. 50 concurrent clients on one reader after each (re)insertion: errors, and card reads per
 *    coalesced group (1 is the target).
 * 4. The first request 200 ms after an insertion: read on the request (this gateway) against
 *    read ahead at the insertion (a second gateway with `readAhead`).
 * 5. The latency of (1) on the in-process emulated card (gateway-latency-inprocess.ts).
 * 6. The same with the HIS's reads in the client process, on its own copy of that card.
 * Before 5, this process spins 5 s to count the machine's own stalls (stalls.ts), printed first.
 * Only 127.0.0.1. Starts pcscd when none runs (and stops it after). Run: pnpm bench:gateway
 * (`--cpu-prof` before the script path profiles this, the gateway's, process).
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEST_PSAM_PIN } from '@hcard/emulator';
import {
  AuditLog,
  auditingHooks,
  coreSectionsOf,
  createLogger,
  LineQueue,
  loadOrCreateConfig,
  PersonalDataMasker,
  ReaderService,
  startServer,
  TokenStore,
} from '@hcard/gateway';
import { PcscDriver } from '@hcard/reader-driver';
import Fastify from 'fastify';
import { PcscRig, READERS, waitFor } from '../support/pcsc-rig.js';
import { startClient } from './client-process.js';
import { BENCH_TOKEN, configSettled, writeBenchConfig } from './gateway-bench-config.js';
import {
  answerBytes,
  IN_PROCESS_LABELS,
  measureInProcessLatency,
  startBareReadRoute,
  startHttpFloor,
  startMinimalReadRoute,
  TWO_PROCESS_LABELS,
} from './gateway-latency-inprocess.js';
import { percentile, readLatencyRows, timedInTurn } from './sampling.js';
import { measureStalls, stallsLine } from './stalls.js';
import { hasWrk, wrk } from './wrk.js';

const LATENCY_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const IN_PROCESS_ROUNDS = 5 * LATENCY_ROUNDS;
const SERIAL = 300;
const LOAD_ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 24);
const LOAD_S = 1;
const CONCURRENCY = 16;
const GROUPS = 10;
const CLIENTS = 50;
const SECTIONS = ['issuer', 'holder', 'insurance'] as const;
const FIRST_READS = 20;
const OPERATOR_MS = 200;
const STALL_S = 5;

const here = fileURLToPath(new URL('.', import.meta.url));

const TOKEN = BENCH_TOKEN;
const { dir, configFile } = writeBenchConfig('hcard-gwbench-');
const logFile = join(dir, 'gateway.log');

/** The card (gateway-card.ts) in a process of its own; `send` writes a stdin command, `next` waits for a line. */
function startEmulator() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'gateway-card.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: { prefix: string; resolve: () => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const i = waiting.findIndex((w) => line.startsWith(w.prefix));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve();
  });
  const next = (prefix: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`card process: no "${prefix}" line`)), 10_000);
      waiting.push({
        prefix,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  return { child, next, send: (command: string) => child.stdin!.write(`${command}\n`) };
}

const rig = new PcscRig();
await rig.start();
const emulator = startEmulator();
const client = startClient();
const driver = new PcscDriver();
const { config: loaded } = loadOrCreateConfig(configFile);
// Port 0: any free port (the config file itself never holds 0).
const config = { ...loaded, port: 0 };
const service = new ReaderService(driver, { psamPin: TEST_PSAM_PIN });
const logFd = openSync(logFile, 'a', 0o600);
const logLines = new LineQueue(logFd);
const masker = new PersonalDataMasker();
const audit = new AuditLog(join(dir, 'audit.jsonl'), { masker });
try {
  await emulator.next('ready:');
  await client.ready;
  await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length >= 2);
  await service.start();
  const gateway = await startServer(config, {
    service,
    tokens: new TokenStore(configFile, config.tokens),
    // As `hcard gateway` logs to stderr: a LineQueue, to a file here.
    ...(process.env.BENCH_NO_LOG
      ? {}
      : {
          loggerInstance: createLogger({
            level: config.logLevel,
            masker,
            destination: logLines,
          }),
        }),
    ...(process.env.BENCH_NO_AUDIT ? {} : { hooks: auditingHooks(audit, masker) }),
  });
  const base = gateway.urls[0]!;
  const headers = { host: new URL(base).host, authorization: `Bearer ${TOKEN}` };
  const cardUrl = `${base}/v1/readers/${encodeURIComponent(READERS.user.name)}/card`;

  // 1. Latency: eight timings per round, one at a time, in turn: direct and direct again (the A/A
  // control), the gateway, a bare Fastify route and a minimal node:http route doing the same
  // read over HTTP, and an HTTP round trip alone (the floor) through the lean client and through
  // node:http's, all from the client process, and the ReaderService alone (no HTTP) here.
  const core = coreSectionsOf([...SECTIONS]);
  const bareRead = await startBareReadRoute(service, READERS.user.name, core);
  const minimalRead = await startMinimalReadRoute(service, READERS.user.name, core);
  const latencyUrl = `${cardUrl}?sections=${SECTIONS.join(',')}&fresh=true`;
  const floor = await startHttpFloor(await answerBytes(latencyUrl, headers));
  const clientRead =
    (via: 'driver' | 'http' | 'node-http', url = '', h: Record<string, string> = {}) =>
    () =>
      client.run<number>({
        job: 'read',
        via,
        url,
        headers: h,
        user: READERS.user.name,
        psam: READERS.psam.name,
        sections: core,
      });
  await configSettled(configFile);
  const latency = await timedInTurn(LATENCY_ROUNDS, 5, {
    direct: clientRead('driver'),
    gateway: clientRead('http', latencyUrl, headers),
    again: clientRead('driver'),
    bare: clientRead('http', bareRead.url),
    minimal: clientRead('http', minimalRead.url),
    service: async () => {
      const started = performance.now();
      await service.readCard(READERS.user.name, core, { fresh: true });
      return performance.now() - started;
    },
    floor: clientRead('http', floor.url),
    nodeHttpFloor: clientRead('node-http', floor.url),
  });
  await bareRead.close();
  await minimalRead.close();
  await floor.close();

  // 2. Snapshot reads against a bare Fastify route with the same JSON.
  const sameJson = (await (await fetch(cardUrl, { headers })).json()) as object;
  const bare = Fastify();
  // The same JSON as an object, serialised per request as any route's answer is.
  bare.get('/card', async () => sameJson);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/card`;
  const one = await client.run<{ a: number[]; b: number[] }>({
    job: 'serial',
    count: SERIAL,
    a: { url: bareUrl, headers: {} },
    b: { url: cardUrl, headers },
  });
  const loadRound = (url: string, h: Record<string, string>) =>
    hasWrk
      ? wrk(url, { seconds: LOAD_S, connections: CONCURRENCY, headers: h })
      : client.run<number>({ job: 'load', ms: LOAD_S * 1000, concurrency: CONCURRENCY, url, headers: h });
  // Warm-up, then short rounds, alternating, paired: the machine's drift hits both sides alike.
  await loadRound(bareUrl, {});
  await loadRound(cardUrl, headers);
  const rpsGateway: number[] = [];
  const rpsBare: number[] = [];
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    if (round % 2 === 0) {
      rpsBare.push(await loadRound(bareUrl, {}));
      rpsGateway.push(await loadRound(cardUrl, headers));
    } else {
      rpsGateway.push(await loadRound(cardUrl, headers));
      rpsBare.push(await loadRound(bareUrl, {}));
    }
  }
  const rpsRatios = rpsGateway.map((g, i) => g / rpsBare[i]!);
  await bare.close();

  /** The card out and in again, as both services saw it. */
  const reinsert = async (services: readonly ReaderService[]) => {
    const before = services.map((s) => s.counter(READERS.user.name));
    emulator.send('remove');
    await emulator.next('removed:');
    // Out until the services saw it go (put back at once, pcscd may see no change at all).
    await waitFor(() => services.every((s, i) => s.counter(READERS.user.name) >= before[i]! + 1));
    const inserted = emulator.next('inserted:');
    emulator.send('insert');
    await inserted;
    await waitFor(() => services.every((s, i) => s.counter(READERS.user.name) >= before[i]! + 2));
  };

  // 3. Fifty clients at once after each insertion: one card read per group.
  const groups: { reads: number; errors: number }[] = [];
  for (let g = 0; g < GROUPS; g++) {
    await reinsert([service]);
    const reads = service.cardReads;
    const errors = await client.run<number>({ job: 'burst', clients: CLIENTS, url: cardUrl, headers });
    groups.push({ reads: service.cardReads - reads, errors });
  }

  // 4. The first requests after an insertion, OPERATOR_MS later (an operator's click), as the desk
  // page asks them (the card, then the identity check): this gateway reads the card on the
  // requests; a second one, wired alike, read it ahead at the insertion (sections, applications).
  // On the same driver (the two never touch the card at the same time here); closed with it.
  const aheadService = new ReaderService(driver, {
    psamPin: TEST_PSAM_PIN,
    readAhead: { sections: core, applications: true },
  });
  await aheadService.start();
  // The card is in: the read-ahead at start runs; done with it before counting reads below.
  await aheadService.readCard(READERS.user.name, core);
  await aheadService.readApplications(READERS.user.name);
  const aheadGateway = await startServer(config, {
    service: aheadService,
    tokens: new TokenStore(configFile, config.tokens),
    loggerInstance: createLogger({ level: config.logLevel, masker, destination: logLines }),
    hooks: auditingHooks(audit, masker),
  });
  const aheadBase = aheadGateway.urls[0]!;
  const readerUrl = (base: string) => `${base}/v1/readers/${encodeURIComponent(READERS.user.name)}`;
  const firstReads = async (base: string) => {
    const h = { host: new URL(base).host, authorization: `Bearer ${TOKEN}` };
    const card = await clientRead('http', `${readerUrl(base)}/card?sections=${SECTIONS.join(',')}`, h)();
    const identity = await clientRead('http', `${readerUrl(base)}/identity`, h)();
    return { card, desk: card + identity };
  };
  const first = { onRequest: [] as number[], ahead: [] as number[] };
  const desk = { onRequest: [] as number[], ahead: [] as number[] };
  for (let i = 0; i < FIRST_READS; i++) {
    const reads = aheadService.cardReads;
    await reinsert([service, aheadService]);
    await new Promise((resolve) => setTimeout(resolve, OPERATOR_MS));
    // Done reading ahead (these join the reads if they still run), so the two never share the card.
    await aheadService.readCard(READERS.user.name, core);
    await aheadService.readApplications(READERS.user.name);
    if (aheadService.cardReads !== reads + 2)
      throw new Error(`the read-ahead read the card ${aheadService.cardReads - reads} times, not twice`);
    const [a, b] = i % 2 === 0 ? [base, aheadBase] : [aheadBase, base];
    const ta = await firstReads(a);
    const tb = await firstReads(b);
    const [onRequest, ahead] = a === base ? [ta, tb] : [tb, ta];
    first.onRequest.push(onRequest.card);
    first.ahead.push(ahead.card);
    desk.onRequest.push(onRequest.desk);
    desk.ahead.push(ahead.desk);
  }
  await aheadGateway.close();
  await gateway.close();
  await audit.flush();
  await logLines.flush();
  const linesLogged = readFileSync(logFile, 'utf8').split('\n').length - 1;

  // How often the machine itself stops a running thread: what sets a p99 when nothing else does.
  const stalls = measureStalls(STALL_S);
  // 5. The gateway's own latency on the in-process emulated card, without pcscd's jitter.
  const inProcess = await measureInProcessLatency(IN_PROCESS_ROUNDS, SECTIONS);
  // 6. The same, the HIS's reads in the client process (its own emulated copy of the card).
  const twoProcesses = await measureInProcessLatency(IN_PROCESS_ROUNDS, SECTIONS, client);

  const ms = (x: number) => x.toFixed(2);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(stallsLine(stalls));
  console.log(`loopback quick-ACK: ${rig.quickAck.applied ? 'on' : `off (${rig.quickAck.reason})`}`);
  console.log(
    `processes: card (gateway-card.ts), gateway (this; log level ${config.logLevel}, ${linesLogged} log lines, audit on), client (forked); load: ${hasWrk ? 'wrk -t1' : 'the client process'}\n`,
  );
  console.log(`registration read (${SECTIONS.join(',')}) through pcscd:\n`);
  console.log(
    readLatencyRows(latency, {
      direct: 'direct (client process): PcscDriver + HealthCardSession',
      again: 'direct again (A/A control)',
      service: 'ReaderService.readCard alone (gateway process, no HTTP)',
      minimal: 'minimal: a node:http route doing that read (gateway process), over HTTP',
      bare: 'bare Fastify route doing that read (gateway process), over HTTP',
      gateway: 'gateway: GET …/card?fresh=true over HTTP (client process)',
      floor:
        'floor: an HTTP round trip alone (node:http server in the gateway process, the same answer bytes, no read)',
      nodeHttpFloor: "the floor with node:http's client instead of the lean one",
    }).join('\n'),
  );
  console.log(`\n| one request at a time, ${SERIAL} each | p50 ms | p99 ms |`);
  console.log('|---|---:|---:|');
  console.log(`| bare Fastify route | ${ms(percentile(one.a, 50))} | ${ms(percentile(one.a, 99))} |`);
  console.log(`| gateway snapshot read | ${ms(percentile(one.b, 50))} | ${ms(percentile(one.b, 99))} |`);
  console.log(
    `\n| snapshot reads, ${CONCURRENCY} keep-alive connections, ${LOAD_ROUNDS} alternating rounds of ${LOAD_S} s | req/s p50 | ratio p50 (min–max) |`,
  );
  console.log('|---|---:|---:|');
  console.log(`| bare Fastify route, same JSON | ${percentile(rpsBare, 50).toFixed(0)} | 1.00 |`);
  console.log(
    `| gateway (Host, token, scope, rate limit, audit, log, snapshot) | ${percentile(rpsGateway, 50).toFixed(0)} | ${percentile(rpsRatios, 50).toFixed(2)} (${Math.min(...rpsRatios).toFixed(2)}–${Math.max(...rpsRatios).toFixed(2)}) |`,
  );
  console.log('\nthe same read on the in-process emulated card (EmulatorDriver), no pcscd:\n');
  console.log(readLatencyRows(inProcess, IN_PROCESS_LABELS).join('\n'));
  console.log('\nthe same, the reads of the HIS in the client process, no pcscd:\n');
  console.log(readLatencyRows(twoProcesses, TWO_PROCESS_LABELS).join('\n'));
  const firstRows = (what: string, x: { onRequest: number[]; ahead: number[] }) => [
    `\n| ${what} ${OPERATOR_MS} ms after an insertion, ${FIRST_READS} each | p50 ms | p99 ms |`,
    '|---|---:|---:|',
    `| read on the requests | ${ms(percentile(x.onRequest, 50))} | ${ms(percentile(x.onRequest, 99))} |`,
    `| read ahead at the insertion (readAhead) | ${ms(percentile(x.ahead, 50))} | ${ms(percentile(x.ahead, 99))} |`,
    `| ratio, p50 (read ahead / on request) | ${(percentile(x.ahead, 50) / percentile(x.onRequest, 50)).toFixed(2)} | |`,
  ];
  console.log(firstRows('the first request (GET …/card)', first).join('\n'));
  console.log(firstRows("the desk page's two requests (…/card, then …/identity)", desk).join('\n'));
  const errors = groups.reduce((n, x) => n + x.errors, 0);
  console.log(
    `\n${CLIENTS} concurrent clients × ${GROUPS} insertions: ${errors} errors; card reads per group: ${groups.map((x) => x.reads).join(' ')}`,
  );
} finally {
  await client.stop();
  emulator.send('quit');
  await new Promise((r) => (emulator.child.exitCode === null ? emulator.child.once('exit', r) : r(0)));
  await audit.close();
  await service.close();
  await rig.stop();
  rmSync(dir, { recursive: true, force: true });
}
