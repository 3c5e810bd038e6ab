/**
 * The gateway's own read latency, without pcscd's and vpcd's jitter: the same registration read
 * on the emulated card behind the in-process driver (`EmulatorDriver`, the `ReaderDriver` the
 * tests use), once directly (connect card and PSAM, `HealthCardSession.open`, `readCard`, as an
 * HIS linking the driver would), once through the gateway (`GET …/card?fresh=true` over a
 * keep-alive loopback connection, the gateway wired as `hcard gateway` wires it: token file, log
 * and audit), once through `ReaderService.readCard` without HTTP, once through a bare Fastify
 * route doing that read (HTTP's own share), once through a plain `node:http` route doing it
 * (the least any gateway that reads the card behind HTTP adds), directly again (the A/A
 * control), and an HTTP round trip alone (the floor: a plain `node:http` server answering the
 * gateway's answer bytes), in turn. The HTTP requests go through `LeanHttpClient`
 * (lean-http.ts); the floor is timed once more through `node:http`'s client, to show that
 * client's own cost. Client and gateway share this process, so the client's work counts against
 * the gateway. gateway.bench.ts runs it
 * after its pcscd part, once so and once with the HIS's reads in a process of their own; alone:
 * `pnpm exec tsx tests/bench/gateway-latency-inprocess.ts [ROUNDS] [--two-processes]`.
 */
import { openSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Section } from '@hcard/card-core';
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
  coreSectionsOf,
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
import { type ClientProcess, startClient } from './client-process.js';
import { timedDirectRead } from './direct-read.js';
import { BENCH_CARD_SEED, BENCH_TOKEN, configSettled, writeBenchConfig } from './gateway-bench-config.js';
import { LeanHttpClient } from './lean-http.js';
import { type ReadLatency, readLatencyRows, timedInTurn } from './sampling.js';
import { measureStalls, stallsLine } from './stalls.js';

const USER = 'Virtual PCD 00 00';
const PSAM = 'Virtual PCD 00 01';

/**
 * With `client`, the reads of the HIS (direct, over HTTP) run in that process instead, on its
 * own emulated copy of the card (gateway-client.ts): the HIS apart from the gateway, as on a
 * desk, without pcscd. The ReaderService read stays in this process.
 */
export async function measureInProcessLatency(
  rounds: number,
  sections: readonly ('issuer' | 'holder' | 'insurance')[],
  client?: ClientProcess,
): Promise<ReadLatency> {
  const { dir, configFile } = writeBenchConfig('hcard-gwlat-');
  const driver = new EmulatorDriver();
  driver.insert(USER, new EmulatedHealthCard(generateCard(BENCH_CARD_SEED).image));
  driver.insert(PSAM, new EmulatedPsam(buildPsamImage()));
  const service = new ReaderService(driver, { psamPin: TEST_PSAM_PIN });
  await service.start();
  const { config } = loadOrCreateConfig(configFile);
  const masker = new PersonalDataMasker();
  const logLines = new LineQueue(openSync(join(dir, 'gateway.log'), 'a', 0o600));
  const audit = new AuditLog(join(dir, 'audit.jsonl'), { masker });
  const gateway = await startServer(
    { ...config, port: 0 },
    {
      service,
      tokens: new TokenStore(configFile, config.tokens),
      loggerInstance: createLogger({ level: config.logLevel, masker, destination: logLines }),
      hooks: auditingHooks(audit, masker),
    },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${gateway.urls[0]}/v1/readers/${encodeURIComponent(USER)}/card?sections=${sections.join(',')}&fresh=true`;
  const headers = { host: new URL(url).host, authorization: `Bearer ${BENCH_TOKEN}` };
  const core: readonly Section[] = coreSectionsOf([...sections]);

  const directRead = () => timedDirectRead(driver, USER, PSAM, core);
  const timedGet = (target: string, h: Record<string, string>) => () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(target, { agent, headers: h }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${target} answered ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });
  const bare = await startBareReadRoute(service, USER, core);
  const minimal = await startMinimalReadRoute(service, USER, core);
  const floor = await startHttpFloor(await answerBytes(url, headers));

  const leanGateway = await LeanHttpClient.connect(url, headers);
  const leanBare = await LeanHttpClient.connect(bare.url);
  const leanMinimal = await LeanHttpClient.connect(minimal.url);
  const leanFloor = await LeanHttpClient.connect(floor.url);
  const local = {
    direct: directRead,
    gateway: () => leanGateway.timedGet(),
    bare: () => leanBare.timedGet(),
    minimal: () => leanMinimal.timedGet(),
    floor: () => leanFloor.timedGet(),
    nodeHttpFloor: timedGet(floor.url, {}),
  };
  const remote =
    client &&
    ((via: 'emulator' | 'http' | 'node-http', target = '', h: Record<string, string> = {}) =>
      () =>
        client.run<number>({
          job: 'read',
          via,
          url: target,
          headers: h,
          user: USER,
          psam: PSAM,
          sections: core,
        }));
  const his = remote
    ? {
        direct: remote('emulator'),
        gateway: remote('http', url, headers),
        bare: remote('http', bare.url),
        minimal: remote('http', minimal.url),
        floor: remote('http', floor.url),
        nodeHttpFloor: remote('node-http', floor.url),
      }
    : local;

  const serviceRead = async () => {
    const started = performance.now();
    await service.readCard(USER, core, { fresh: true });
    return performance.now() - started;
  };
  try {
    await configSettled(configFile);
    return await timedInTurn(rounds, 20, { ...his, again: his.direct, service: serviceRead });
  } finally {
    for (const c of [leanGateway, leanBare, leanMinimal, leanFloor]) c.close();
    agent.destroy();
    await bare.close();
    await minimal.close();
    await floor.close();
    await gateway.close();
    await logLines.end();
    await audit.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A bare Fastify route in this process doing the same fresh read through the service and
 * answering the card data as JSON: the HTTP floor any gateway pays, without token, log or audit.
 */
export async function startBareReadRoute(
  service: ReaderService,
  reader: string,
  sections: readonly Section[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify();
  bare.get('/card', async () => (await service.readCard(reader, sections, { fresh: true })).data);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/card`,
    close: () => bare.close(),
  };
}

/**
 * The least a gateway can be: a plain `node:http` server in this process doing the same fresh
 * read through the service and answering the card data as JSON, with no Fastify, no routing,
 * no token, log or audit. What it adds to the direct read is what reading the card in another
 * process behind HTTP costs on this machine, before any gateway feature.
 */
export async function startMinimalReadRoute(
  service: ReaderService,
  reader: string,
  sections: readonly Section[],
): Promise<{ url: string; close: () => Promise<void> }> {
  return startHttpServer(async () =>
    Buffer.from(JSON.stringify((await service.readCard(reader, sections, { fresh: true })).data)),
  );
}

/** The body of one answer from `url` (the gateway's), for the floor to answer the same bytes. */
export async function answerBytes(url: string, headers: Record<string, string>): Promise<Buffer> {
  const answer = await fetch(url, { headers });
  if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
  return Buffer.from(await answer.arrayBuffer());
}

/**
 * The floor of any HTTP gateway on this machine: a plain `node:http` server in this process
 * answering fixed bytes (the gateway's answer), with no card read, no routing and no hooks.
 */
export function startHttpFloor(body: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  return startHttpServer(() => body);
}

/** A `node:http` server on 127.0.0.1 answering every request 200 with the bytes `answer` gives. */
async function startHttpServer(
  answer: () => Buffer | Promise<Buffer>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    const send = (body: Buffer) => {
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      });
      response.end(body);
    };
    // The floor answers in the same turn, without a promise.
    const body = answer();
    if (Buffer.isBuffer(body)) send(body);
    else body.then(send, () => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const IN_PROCESS_LABELS: Record<keyof ReadLatency, string> = {
  direct: 'direct: EmulatorDriver + HealthCardSession',
  again: 'direct again (A/A control)',
  service: 'ReaderService.readCard, no HTTP',
  minimal: 'minimal: a node:http route doing that read (no Fastify, no token), over HTTP',
  bare: 'bare Fastify route doing that read, over HTTP',
  gateway: 'gateway: GET …/card?fresh=true over HTTP (client in the same process)',
  floor: 'floor: an HTTP round trip alone (node:http server, the same answer bytes, no read)',
  nodeHttpFloor: "the floor with node:http's client instead of the lean one",
};

export const TWO_PROCESS_LABELS: Record<keyof ReadLatency, string> = {
  ...IN_PROCESS_LABELS,
  direct: 'direct (client process): EmulatorDriver + HealthCardSession on its copy of the card',
  service: 'ReaderService.readCard alone (gateway process, no HTTP)',
  minimal: 'minimal: a node:http route doing that read (gateway process), over HTTP',
  bare: 'bare Fastify route doing that read (gateway process), over HTTP',
  gateway: 'gateway: GET …/card?fresh=true over HTTP (client process)',
  floor: 'floor: an HTTP round trip alone (node:http server in the gateway process, no read)',
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 1000);
  const twoProcesses = process.argv.includes('--two-processes');
  const client = twoProcesses ? startClient() : undefined;
  try {
    await client?.ready;
    console.log(stallsLine(measureStalls(5)));
    const r = await measureInProcessLatency(rounds, ['issuer', 'holder', 'insurance'], client);
    console.log(readLatencyRows(r, twoProcesses ? TWO_PROCESS_LABELS : IN_PROCESS_LABELS).join('\n'));
  } finally {
    await client?.stop();
  }
}
