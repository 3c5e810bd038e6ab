/**
 * The client side of the gateway benchmark (gateway.bench.ts forks it): a process of its own,
 * as an HIS is, that either reads the card itself (PcscDriver + HealthCardSession, the "direct"
 * read an HIS linking a driver would do) or asks the gateway over a keep-alive HTTP connection
 * (`LeanHttpClient` for the timed reads, `node:http` for the rest).
 * It takes one job at a time over IPC and answers with its measurements.
 */
import { Agent, request } from 'node:http';
import type { Section } from '@hcard/card-core';
import { buildPsamImage, EmulatedHealthCard, EmulatedPsam, generateCard } from '@hcard/emulator';
import { EmulatorDriver, PcscDriver } from '@hcard/reader-driver';
import { timedDirectRead } from './direct-read.js';
import { BENCH_CARD_SEED } from './gateway-bench-config.js';
import { LeanHttpClient } from './lean-http.js';

export type ClientJob =
  | {
      /**
       * One timed registration read, directly or over HTTP (the gateway or the bare route):
       * `driver` through pcscd, `emulator` on this process's own emulated copy of the card the
       * gateway reads without pcscd; `http` through a `LeanHttpClient` kept per URL, `node-http`
       * through `node:http`.
       */
      readonly job: 'read';
      readonly via: 'driver' | 'emulator' | 'http' | 'node-http';
      readonly url: string;
      readonly headers: Record<string, string>;
      readonly user: string;
      readonly psam: string;
      readonly sections: readonly Section[];
    }
  | {
      readonly job: 'serial';
      readonly count: number;
      readonly a: { url: string; headers: Record<string, string> };
      readonly b: { url: string; headers: Record<string, string> };
    }
  | {
      readonly job: 'load';
      readonly ms: number;
      readonly concurrency: number;
      readonly url: string;
      readonly headers: Record<string, string>;
    }
  | {
      readonly job: 'burst';
      readonly clients: number;
      readonly url: string;
      readonly headers: Record<string, string>;
    }
  | { readonly job: 'quit' };

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

const driver = new PcscDriver();
let emulator: EmulatorDriver | undefined;
/** The emulated card and PSAM of the in-process latency part, in the slots `job` names. */
function emulatorFor(job: { user: string; psam: string }): EmulatorDriver {
  if (!emulator) {
    emulator = new EmulatorDriver();
    emulator.insert(job.user, new EmulatedHealthCard(generateCard(BENCH_CARD_SEED).image));
    emulator.insert(job.psam, new EmulatedPsam(buildPsamImage()));
  }
  return emulator;
}
const leanClients = new Map<string, Promise<LeanHttpClient>>();
function leanClient(url: string, headers: Record<string, string>): Promise<LeanHttpClient> {
  const known = leanClients.get(url);
  if (known) return known;
  const client = LeanHttpClient.connect(url, headers);
  leanClients.set(url, client);
  return client;
}

/** Milliseconds one read takes; the benchmark's process puts the reads in order, one at a time. */
async function read(job: Extract<ClientJob, { job: 'read' }>): Promise<number> {
  if (job.via === 'http') return (await leanClient(job.url, job.headers)).timedGet();
  if (job.via === 'node-http') {
    const started = performance.now();
    const r = await get(job.url, job.headers);
    if (r.status !== 200) throw new Error(r.body);
    return performance.now() - started;
  }
  return timedDirectRead(
    job.via === 'emulator' ? emulatorFor(job) : driver,
    job.user,
    job.psam,
    job.sections,
  );
}

async function serial(job: Extract<ClientJob, { job: 'serial' }>) {
  const timed = async (t: { url: string; headers: Record<string, string> }) => {
    const started = performance.now();
    const r = await get(t.url, t.headers);
    if (r.status !== 200) throw new Error(r.body);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await Promise.all([timed(job.a), timed(job.b)]);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < job.count; i++) {
    a.push(await timed(job.a));
    b.push(await timed(job.b));
  }
  return { a, b };
}

/** Requests per second that `concurrency` keep-alive loops get from `url` in `ms`. */
async function load(job: Extract<ClientJob, { job: 'load' }>) {
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + job.ms;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < until) {
        const r = await get(job.url, job.headers);
        if (r.status === 200) done++;
        else failed++;
      }
    }),
  );
  if (failed) throw new Error(`${failed} requests failed`);
  return (done / (performance.now() - started)) * 1000;
}

async function burst(job: Extract<ClientJob, { job: 'burst' }>) {
  const results = await Promise.allSettled(
    Array.from({ length: job.clients }, () => get(job.url, job.headers)),
  );
  return results.filter((r) => r.status === 'rejected' || r.value.status !== 200).length;
}

process.on('message', async (job: ClientJob) => {
  try {
    switch (job.job) {
      case 'read':
        return process.send!({ ok: true, value: await read(job) });
      case 'serial':
        return process.send!({ ok: true, value: await serial(job) });
      case 'load':
        return process.send!({ ok: true, value: await load(job) });
      case 'burst':
        return process.send!({ ok: true, value: await burst(job) });
      case 'quit':
        for (const c of leanClients.values()) (await c).close();
        agent.destroy();
        await Promise.all([driver.close(), emulator?.close()]);
        process.disconnect();
        return;
    }
  } catch (e) {
    process.send!({ ok: false, error: (e as Error).stack ?? String(e) });
  }
});
process.send!({ ok: true, value: 'ready' });
