/**
 * `hcard demo`: the main job. Generates a synthetic resident's card and reads it with the real
 * session code: through pcscd when it runs with free vpcd readers (the card and the test PSAM
 * served on vpcd by this process), otherwise through the in-process emulator. Says which path
 * it took and why; always removes the vpcd cards and closes the driver.
 *
 * On the pcscd path it first turns on loopback quick-ACK when it may (root or CAP_NET_ADMIN),
 * as the test rig does: without it vpcd costs ~40 ms per APDU (about 10 s for a full read). It
 * says what it did, or what to run when it could not, and sets the routes back after the read.
 */
import { ALL_SECTIONS } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  enableLoopbackQuickAck,
  generateCard,
  type LoopbackQuickAck,
  TEST_PSAM_PIN,
  type VpcdCard,
} from '@hcard/emulator';
import { EmulatorDriver, type PcscDriver, type SlotPair } from '@hcard/reader-driver';
import { formatCardView } from '../card/card-view.js';
import { openPcscDriver } from '../card/pcsc.js';
import { type CardRead, readThroughDriver } from '../card/read-card.js';
import {
  insertOnVpcd,
  pcscUnusable,
  quickAckLine,
  VPCD_READERS,
  vpcdUnusable,
  waitForCards,
} from '../card/vpcd.js';
import { defineCommand } from '../shared/command.js';
import { roundMs, toJson } from '../shared/json.js';
import { parseSeed } from '../shared/seed.js';

interface DemoRead extends CardRead {
  readonly path: 'pcscd' | 'in-process';
  readonly reason: string;
  readonly slots: SlotPair;
  /** On the pcscd path: loopback quick-ACK, and the line that says what happened to it. */
  readonly quickAck?: { readonly result: LoopbackQuickAck; readonly restoring: string };
}

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'read a synthetic card, through pcscd if it runs, else in-process',
  description: `
Generates a synthetic resident health card and reads it with the real session code (PSAM
authentication, every file). If pcscd runs with free vpcd readers ("Virtual PCD 00 00" and
"… 00 01"), the card and the test PSAM are served on vpcd and read through PC/SC; otherwise
they are read through the in-process emulator. The output says which path was taken and
why. The test PSAM's PIN is configured by the demo itself. All data is generated; no real
person is involved.

Through pcscd the demo turns on loopback quick-ACK for the read when it may (root or
CAP_NET_ADMIN: "ip route change … quickack 1" on the loopback routes), and turns it off again
afterwards if it was off; without it vpcd costs ~40 ms per APDU. The output says which, and
what to run when it could not.`,
  options: {
    seed: { type: 'string', value: 'seed', description: 'which synthetic resident', default: '1' },
    'in-process': { type: 'boolean', description: 'use the in-process emulator even if pcscd runs' },
    all: { type: 'boolean', description: 'print every item, not only the registration items' },
    json: { type: 'boolean', description: 'print the path taken and everything read as JSON' },
  },
  examples: ['hcard demo', 'hcard demo --seed 42 --all', 'hcard demo --in-process --json'],
  run: async (options, io) => {
    const seed = parseSeed(options.seed);
    const built = generateCard(seed);
    const card = new EmulatedHealthCard(built.image);
    const psam = new EmulatedPsam(buildPsamImage());
    const result = options['in-process']
      ? await readInProcess(card, psam, '--in-process was given')
      : await readPreferringPcscd(card, psam);
    const { path, reason, slots, apdus, ms, data, quickAck } = result;
    if (options.json) {
      const read = {
        path,
        reason,
        reader: slots.user,
        psamReader: slots.psam,
        apdus,
        ms: roundMs(ms),
        ...(quickAck && quickAckJson(quickAck.result)),
      };
      io.out(toJson({ seed, read, ...data }));
      return 0;
    }
    const where = path === 'pcscd' ? `read through pcscd (${slots.user})` : 'read in-process';
    io.out(`${where}: ${reason}`);
    io.out(`${apdus} APDUs in ${ms.toFixed(1)} ms; synthetic resident from seed ${JSON.stringify(seed)}`);
    if (quickAck) io.out(quickAckLine(quickAck.result, quickAck.restoring));
    io.out('');
    io.out(formatCardView(data, { all: options.all }));
    return 0;
  },
});

async function readPreferringPcscd(card: EmulatedHealthCard, psam: EmulatedPsam): Promise<DemoRead> {
  const probe = await probePcscd();
  return 'driver' in probe
    ? readThroughPcscd(probe.driver, card, psam)
    : readInProcess(card, psam, probe.reason);
}

/** A driver when pcscd runs with free vpcd readers, else the reason it cannot be used. */
async function probePcscd(): Promise<{ driver: PcscDriver } | { reason: string }> {
  let driver: PcscDriver;
  try {
    driver = openPcscDriver();
  } catch (e) {
    return { reason: pcscUnusable(e) };
  }
  try {
    const reason = vpcdUnusable(await driver.list());
    if (reason === undefined) return { driver };
    await driver.close();
    return { reason };
  } catch (e) {
    await driver.close();
    return { reason: pcscUnusable(e) };
  }
}

/** `read.quickAck` of --json: `already-on`, `turned-on` or `unavailable` (with why and the fix). */
function quickAckJson(quickAck: LoopbackQuickAck) {
  return quickAck.state === 'unavailable'
    ? { quickAck: quickAck.state, quickAckReason: quickAck.reason, quickAckCommands: quickAck.commands }
    : { quickAck: quickAck.state };
}

async function readThroughPcscd(
  driver: PcscDriver,
  card: EmulatedHealthCard,
  psam: EmulatedPsam,
): Promise<DemoRead> {
  // Before the cards connect to vpcd (a connection takes the route's setting when it opens).
  const quickAck = enableLoopbackQuickAck();
  const read = await readOnVpcd(driver, card, psam).finally(() => quickAck.restore());
  const { error } = quickAck.restore(); // the result of the call above
  const restoring =
    error === undefined ? 'turned off again after the read' : `could not turn it off again: ${error}`;
  return { ...read, quickAck: { result: quickAck, restoring } };
}

async function readOnVpcd(
  driver: PcscDriver,
  card: EmulatedHealthCard,
  psam: EmulatedPsam,
): Promise<DemoRead> {
  const inserted: VpcdCard[] = [];
  try {
    inserted.push(await insertOnVpcd(card, VPCD_READERS.user.port));
    inserted.push(await insertOnVpcd(psam, VPCD_READERS.psam.port));
    const slots = { user: VPCD_READERS.user.name, psam: VPCD_READERS.psam.name };
    await waitForCards(() => driver.list(), [slots.user, slots.psam]);
    const read = await readThroughDriver(driver, slots, ALL_SECTIONS, TEST_PSAM_PIN);
    return { ...read, path: 'pcscd', reason: 'pcscd is running and its vpcd readers are free', slots };
  } finally {
    for (const vpcd of inserted) vpcd.remove();
    await driver.close();
  }
}

async function readInProcess(
  card: EmulatedHealthCard,
  psam: EmulatedPsam,
  reason: string,
): Promise<DemoRead> {
  const driver = new EmulatorDriver();
  const slots = { user: 'hcard emulator 00 00', psam: 'hcard emulator 00 01' };
  driver.insert(slots.user, card);
  driver.insert(slots.psam, psam);
  try {
    const read = await readThroughDriver(driver, slots, ALL_SECTIONS, TEST_PSAM_PIN);
    return { ...read, path: 'in-process', reason, slots };
  } finally {
    await driver.close();
  }
}
