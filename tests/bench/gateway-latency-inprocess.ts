/**
 * The gateway's own read latency, without pcscd's and vpcd's jitter: the same registration read
 * on the emulated card behind the in-process driver (`EmulatorDriver`, the `ReaderDriver` the
 * tests use), once directly (connect card and PSAM, `HealthCardSession.open`, `readCard`, as an
 * HIS linking the driver would) and once through the gateway (`GET …/card?fresh=true` over a
 * keep-alive loopback connection, the gateway wired as `hcard gateway` wires it: token file, log
 * and audit), alternating, paired per round. Client and gateway share this process, so the
 * HTTP client's work counts against the gateway. gateway.bench.ts runs it after its pcscd part.
 */
import { openSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { HealthCardSession, PsamClient, type Section } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_PSAM_PIN,
  TEST_SESSION_OPTIONS,
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
import { BENCH_TOKEN, writeBenchConfig } from './gateway-bench-config.js';

const USER = 'Virtual PCD 00 00';
const PSAM = 'Virtual PCD 00 01';

export interface InProcessLatency {
  readonly direct: number[];
  readonly gateway: number[];
  /** gateway − direct, per round. */
  readonly diffs: number[];
  /** `ReaderService.readCard` in this process, no HTTP (in turn with the other two). */
  readonly service: number[];
}

export async function measureInProcessLatency(
  rounds: number,
  sections: readonly ('issuer' | 'holder' | 'insurance')[],
): Promise<InProcessLatency> {
  const { dir, configFile } = writeBenchConfig('hcard-gwlat-');
  const driver = new EmulatorDriver();
  driver.insert(USER, new EmulatedHealthCard(generateCard('benchmark').image));
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

  const directRead = async () => {
    const started = performance.now();
    const user = await driver.connect(USER);
    const psam = await driver.connect(PSAM);
    const opened = await HealthCardSession.open(user, new PsamClient(psam), TEST_SESSION_OPTIONS);
    if (!opened.ok) throw new Error(opened.refusal.meaning);
    const read = await opened.value.readCard(core);
    if (!read.ok) throw new Error(read.refusal.meaning);
    await Promise.all([user.close(), psam.close()]);
    return performance.now() - started;
  };
  const gatewayRead = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`gateway answered ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });

  try {
    for (let i = 0; i < 20; i++) {
      await directRead();
      await gatewayRead();
      await service.readCard(USER, core, { fresh: true });
    }
    const direct: number[] = [];
    const viaGateway: number[] = [];
    const viaService: number[] = [];
    const serviceRead = async () => {
      const started = performance.now();
      await service.readCard(USER, core, { fresh: true });
      return performance.now() - started;
    };
    // The three in turn, each round starting with the next one, so none always follows another.
    const reads = [
      () => directRead().then((ms) => direct.push(ms)),
      () => serviceRead().then((ms) => viaService.push(ms)),
      () => gatewayRead().then((ms) => viaGateway.push(ms)),
    ];
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < reads.length; k++) await reads[(i + k) % reads.length]!();
    }
    return {
      direct,
      gateway: viaGateway,
      diffs: viaGateway.map((g, i) => g - direct[i]!),
      service: viaService,
    };
  } finally {
    agent.destroy();
    await gateway.close();
    await logLines.end();
    await audit.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 1000);
  const r = await measureInProcessLatency(rounds, ['issuer', 'holder', 'insurance']);
  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(3);
  for (const [name, xs] of Object.entries(r))
    console.log(`${name}: p50 ${q(xs, 0.5)} ms, p99 ${q(xs, 0.99)} ms`);
}
