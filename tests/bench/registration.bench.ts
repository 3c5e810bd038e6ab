/**
 * Benchmark (not a test): a registration read of the three-in-one card through the real PC/SC
 * stack (the chip on vpcd → pcscd, the test PSAM in its slot), per application and all three in
 * one `readRegistration`, as card APDUs and ms; against its floor measured in the same run: the
 * same number of APDUs at the median cost of one bare READ RECORD through the same channel.
 * Starts pcscd when none runs (and stops it after). Run: pnpm bench:registration [reads]
 */
import { cpus } from 'node:os';
import {
  type CardApplication,
  encodeCommand,
  forwardChannel,
  PsamClient,
  readRecord,
  readRegistration,
  run,
  selectFile,
} from '@hcard/card-core';
import { buildPsamImage, EmulatedPsam, generateChip, loadEmulatedChip, TEST_PSAM_PIN } from '@hcard/emulator';
import { PcscDriver } from '@hcard/reader-driver';
import { PcscRig, READERS, waitFor } from '../support/pcsc-rig.js';

const READS = Number(process.argv[2] ?? 20);
const FLOOR_APDUS = 200;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

/** Median ms of one READ RECORD (5 data bytes) on the user card: the per-APDU floor. */
async function perApduFloor(driver: PcscDriver): Promise<number> {
  const channel = await driver.connect(READERS.user.name);
  try {
    await run(channel, selectFile('DDF1'));
    await run(channel, selectFile('EF05'));
    const command = encodeCommand(readRecord(0x39, 'identifier', 5).apdu);
    const times: number[] = [];
    for (let i = 0; i < FLOOR_APDUS; i++) {
      const started = performance.now();
      await channel.transmit(command);
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await channel.close();
  }
}

async function registrationReads(driver: PcscDriver, apps: readonly CardApplication[]) {
  const times: number[] = [];
  let apdus = 0;
  for (let i = 0; i < READS; i++) {
    const card = await driver.connect(READERS.user.name);
    const psam = await driver.connect(READERS.psam.name);
    let count = 0;
    const counted = forwardChannel(card, (command) => {
      count++;
      return card.transmit(command);
    });
    const started = performance.now();
    const read = await readRegistration(counted, {
      apps,
      psam: new PsamClient(psam),
      psamPin: TEST_PSAM_PIN,
    });
    times.push(performance.now() - started);
    apdus = count;
    if (apps.includes('health') && read.health?.kind !== 'read') throw new Error('health not read');
    if (apps.includes('ssse') && read.ssse?.kind !== 'read') throw new Error('ssse not read');
    if (apps.includes('bank') && read.bank?.kind !== 'bank-application') throw new Error('bank not read');
    await Promise.all([card.close(), psam.close()]);
  }
  return { apdus, median: median(times), p90: p90(times) };
}

const rig = new PcscRig();
await rig.start();
const driver = new PcscDriver();
try {
  const chip = loadEmulatedChip(JSON.parse(JSON.stringify(generateChip('benchmark').image)));
  await rig.insert(chip, READERS.user.port);
  await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
  await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length >= 2);

  // The floor before and after the reads, so drift on a shared machine shows.
  const floorBefore = await perApduFloor(driver);
  const results = [] as [string, Awaited<ReturnType<typeof registrationReads>>][];
  for (const [name, apps] of [
    ['health (issuer, holder, insurance: EF05, EF06, EF07/EF08 + external authentication)', ['health']],
    ['social security (SELECT, EF05, 3.0 internal + external authentication, EF06)', ['ssse']],
    ['bank (PSE, SELECT, GPO, READ RECORD per AFL; masked)', ['bank']],
    ['all three in one readRegistration', ['health', 'ssse', 'bank']],
  ] as const) {
    results.push([name, await registrationReads(driver, apps)]);
  }
  const floorAfter = await perApduFloor(driver);
  const floor = (floorBefore + floorAfter) / 2;

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(
    `pcscd: ${rig.ownsDaemon ? 'started by the benchmark' : 'already running'}; loopback quick-ACK: ${
      rig.quickAck.applied ? 'on' : `off (${rig.quickAck.reason})`
    }`,
  );
  console.log(
    `per-APDU floor (READ RECORD through the same channel, median of ${FLOOR_APDUS}): ${floorBefore.toFixed(2)} ms before, ${floorAfter.toFixed(2)} ms after\n`,
  );
  console.log(
    `| registration read through pcscd, ${READS} reads | card APDUs | ms p50 | ms p90 | floor (APDUs × per-APDU) | p50 / floor |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, r] of results) {
    const f = r.apdus * floor;
    console.log(
      `| ${name} | ${r.apdus} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} | ${f.toFixed(1)} | ${(r.median / f).toFixed(2)} |`,
    );
  }
} finally {
  await driver.close();
  await rig.stop();
}
