/**
 * Benchmark (not a test) through the real PC/SC stack: our emulated card on vpcd → pcscd.
 * - per APDU: the toolkit (PcscDriver channel + command descriptor + T=0 decorator) against a
 *   bare `pcsclite` transmit loop on the same reader, same command, same run;
 * - a registration read (EF05+EF06+EF08) and a full read with the session.
 * Starts pcscd when none runs (and stops it after). Run: pnpm bench:pcsc
 */
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  HealthCardSession,
  PsamClient,
  readRecord,
  run,
  type Section,
  selectFile,
  withT0,
} from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';
import { loadPcsclite, PcscDriver, type PcscReader } from '@hcard/reader-driver';
import { PcscRig, READERS, waitFor } from '../support/pcsc-rig.js';

const APDUS = 400;
const READS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The bare binding, as an application without hcard would use it. */
async function bareLoop(): Promise<number> {
  const pcsc = loadPcsclite()();
  pcsc.on('error', () => undefined); // closing the context cancels its status wait
  const reader = await new Promise<PcscReader>((resolve) =>
    pcsc.on('reader', (r: PcscReader) => {
      r.on('error', () => undefined); // status waits end with an error when we close
      if (r.name === READERS.user.name) resolve(r);
    }),
  );
  await sleep(200);
  const protocol = await new Promise<number>((resolve, reject) =>
    reader.connect({ share_mode: reader.SCARD_SHARE_SHARED, protocol: 3 }, (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  const tx = (hex: string) =>
    new Promise<Buffer>((resolve, reject) =>
      reader.transmit(Buffer.from(hex, 'hex'), 258, protocol, (e, d) => (e ? reject(e) : resolve(d))),
    );
  await tx('00A4000002DDF1');
  await tx('00A4000002EF05');
  const started = performance.now();
  for (let i = 0; i < APDUS; i++) await tx('00B2390005');
  const perApdu = (performance.now() - started) / APDUS;
  await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve()));
  pcsc.close();
  return perApdu;
}

async function toolkitLoop(driver: PcscDriver): Promise<number> {
  const channel = withT0(await driver.connect(READERS.user.name));
  await run(channel, selectFile('DDF1'));
  await run(channel, selectFile('EF05'));
  const command = readRecord(0x39, 'identifier', 5);
  const started = performance.now();
  for (let i = 0; i < APDUS; i++) {
    const r = await run(channel, command);
    if (!r.ok) throw new Error(r.refusal.meaning);
  }
  const perApdu = (performance.now() - started) / APDUS;
  await channel.close();
  return perApdu;
}

async function sessionRead(driver: PcscDriver, sections: readonly Section[]) {
  const times: number[] = [];
  let apdus = 0;
  for (let i = 0; i < READS; i++) {
    const card = await driver.connect(READERS.user.name);
    const psam = await driver.connect(READERS.psam.name);
    const started = performance.now();
    const opened = await HealthCardSession.open(card, new PsamClient(psam), TEST_SESSION_OPTIONS);
    if (!opened.ok) throw new Error(opened.refusal.meaning);
    const read = await opened.value.readCard(sections);
    if (!read.ok) throw new Error(read.refusal.meaning);
    times.push(performance.now() - started);
    apdus = opened.value.apduCount;
    await Promise.all([card.close(), psam.close()]);
  }
  return { ms: median(times), apdus };
}

const rig = new PcscRig();
await rig.start();
const driver = new PcscDriver();
try {
  await rig.insert(
    new EmulatedHealthCard(generateCard('benchmark', { encounters: { inpatient: 3, outpatient: 5 } }).image),
    READERS.user.port,
  );
  await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
  await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length >= 2);

  // Alternate so drift on the shared machine hits both sides alike.
  const bare: number[] = [];
  const toolkit: number[] = [];
  for (let round = 0; round < 3; round++) {
    bare.push(await bareLoop());
    toolkit.push(await toolkitLoop(driver));
  }
  const registration = await sessionRead(driver, ['basic']);
  const full = await sessionRead(driver, ['basic', 'photo', 'extended', 'clinical', 'encounters']);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(
    `pcscd: ${rig.ownsDaemon ? 'started by the benchmark' : 'already running'}; loopback quick-ACK: ${
      rig.quickAck.applied ? 'on' : `off (${rig.quickAck.reason})`
    }\n`,
  );
  console.log('| per APDU (READ RECORD, 5 data bytes) | µs, median of 3 × 400 | ratio to bare |');
  console.log('|---|---:|---:|');
  const b = median(bare) * 1000;
  const t = median(toolkit) * 1000;
  console.log(`| bare pcsclite transmit | ${b.toFixed(0)} | 1.00 |`);
  console.log(`| hcard PcscDriver channel + run() + T=0 | ${t.toFixed(0)} | ${(t / b).toFixed(2)} |`);
  console.log('\n| session read through pcscd | card APDUs | ms, median of 20 | ms per card APDU |');
  console.log('|---|---:|---:|---:|');
  for (const [name, r] of [
    ['registration (EF05+EF06+EF08)', registration],
    ['full (all sections, 3 EE + 5 ED)', full],
  ] as const) {
    console.log(`| ${name} | ${r.apdus} | ${r.ms.toFixed(1)} | ${(r.ms / r.apdus).toFixed(2)} |`);
  }
} finally {
  await driver.close();
  await rig.stop();
}
