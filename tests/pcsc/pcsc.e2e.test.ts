/**
 * End to end through the real PC/SC stack: our emulated card on vpcd → pcscd → the `pcsclite`
 * binding → PcscDriver → HealthCardSession. One pcscd per machine, so this file runs serially.
 */
import { execFile } from 'node:child_process';
import {
  type CardChannel,
  encodeEncounter,
  forwardChannel,
  HEALTH_CARD_PROFILE,
  HealthCardSession,
  PsamClient,
  toHex,
} from '@hcard/card-core';
import {
  buildPsamImage,
  createRandom,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  generateEncounter,
  generatePhoto,
  generateResident,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';
import { PcscDriver, pairSlots, type ReaderEvent } from '@hcard/reader-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/emulated-rig.js';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

const unavailable = pcscUnavailable();

describe.skipIf(unavailable).sequential('through pcscd and vpcd', () => {
  // Under CI the rig replaces a pcscd it did not start with its own (and restores it after), so
  // that the restart test below runs there instead of skipping.
  const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
  let driver: PcscDriver;

  beforeAll(async () => {
    await rig.start();
    driver = new PcscDriver({ restartDelayMs: 200 });
  }, 20_000);

  afterAll(async () => {
    await driver?.close();
    await rig.stop();
  });

  /** Channels opened by a test; closed after it, so a failing test cannot block the next. */
  const channels: CardChannel[] = [];
  afterEach(async () => {
    await Promise.all(channels.splice(0).map((c) => c.close()));
    await ejectAll();
  });

  /** Puts a generated card in the user slot and the test PSAM in the PSAM slot. */
  async function insertCardAndPsam(seed: number | string, options: Parameters<typeof generateCard>[1] = {}) {
    const built = generateCard(seed, options);
    const card = new EmulatedHealthCard(built.image);
    const vCard = await rig.insert(card, READERS.user.port);
    const vPsam = await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
    await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length >= 2);
    return { built, card, vCard, vPsam };
  }

  async function openSession(wrapCard: (c: CardChannel) => CardChannel = (c) => c) {
    const pair = pairSlots((await driver.list()).map((r) => r.name))!;
    // Each channel is registered as soon as it opens, so a failed second connect cannot leak the first.
    const card = await driver.connect(pair.user);
    channels.push(card);
    const psam = await driver.connect(pair.psam);
    channels.push(psam);
    const session = ok(
      await HealthCardSession.open(wrapCard(card), new PsamClient(psam), TEST_SESSION_OPTIONS),
    );
    return { session, close: async () => Promise.all([card.close(), psam.close()]) };
  }

  async function ejectAll() {
    for (const c of rig.cards.splice(0)) c.remove();
    await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent));
  }

  it('lists the vpcd readers and pairs the user slot with the PSAM slot', async () => {
    const names = (await driver.list()).map((r) => r.name);
    expect(names).toContain(READERS.user.name);
    expect(names).toContain(READERS.psam.name);
    expect(pairSlots(names)).toEqual({ user: READERS.user.name, psam: READERS.psam.name });
  });

  it('reads every item of an emulated card and matches the image', async () => {
    const { built } = await insertCardAndPsam('pcsc-read', { encounters: { inpatient: 2, outpatient: 3 } });
    const { session, close } = await openSession();
    const data = ok(await session.readCard());
    await close();
    expect(data.items).toEqual(built.items);
    expect(data.allergies).toEqual(built.resident.allergies);
    expect(data.immunisations).toEqual(built.resident.immunisations);
    expect(toHex(data.photo!)).toBe(toHex(built.resident.photo));
    for (const kind of ['inpatient', 'outpatient'] as const) {
      expect(data[kind]).toHaveLength(built.encounters[kind].length);
      for (const [i, record] of data[kind]!.entries()) {
        for (const [key, value] of Object.entries(built.encounters[kind][i]!))
          expect(record.items[key], key).toBe(value);
      }
    }
  });

  it('writes every writable file and reads it back', async () => {
    const { card } = await insertCardAndPsam('pcsc-write', { encounters: { inpatient: 0, outpatient: 0 } });
    const other = generateResident('pcsc other').items;
    const writable = HEALTH_CARD_PROFILE.items.filter(
      (i) =>
        i.location.kind === 'tlv' &&
        HEALTH_CARD_PROFILE.files.find((f) => i.location.kind === 'tlv' && f.path === i.location.file)?.write
          .kind === 'key',
    );
    const values = Object.fromEntries(writable.map((i) => [i.key, other[i.key]!]));
    const random = createRandom('pcsc encounters');
    const inpatient = generateEncounter('inpatient', random.fork('in'));
    const outpatient = generateEncounter('outpatient', random.fork('out'));
    const photo = generatePhoto('pcsc photo');

    const writer = await openSession();
    ok(await writer.session.writeItems(values));
    ok(await writer.session.addAllergy({ substance: '青霉素', reaction: '皮疹' }));
    ok(await writer.session.addImmunisation({ name: '流感疫苗', date: '20241001' }));
    ok(await writer.session.writeEncounter('inpatient', 3, inpatient, { sign: true }));
    ok(await writer.session.writeEncounter('outpatient', 5, outpatient));
    ok(await writer.session.writePhoto(photo));
    ok(await writer.session.setEncounterFlag('outpatient', 5, false));
    await writer.close();

    const reader = await openSession();
    const data = ok(await reader.session.readCard());
    await reader.close();
    for (const [key, value] of Object.entries(values)) expect(data.items[key], key).toBe(value);
    expect(data.allergies![0]).toEqual({ substance: '青霉素', reaction: '皮疹' });
    expect(data.immunisations![0]).toEqual({ name: '流感疫苗', date: '20241001' });
    expect(data.inpatient!.map((r) => r.number)).toEqual([3]);
    for (const [key, value] of Object.entries(inpatient))
      expect(data.inpatient![0]!.items[key], key).toBe(value);
    // The outpatient record was written, then its index flag erased: it is not presented.
    expect(data.outpatientFlags).toEqual([false, false, false, false, false]);
    // …but its bytes are on the card.
    const ed05 = (card.snapshot().files['DDF1/DF03/ED05'] as { data: string }).data;
    expect(ed05.startsWith(toHex(encodeEncounter(HEALTH_CARD_PROFILE, 'outpatient', outpatient)))).toBe(true);
    expect(toHex(data.photo!)).toBe(toHex(photo));
  }, 30_000);

  it('reports insertions and removals in order, with increasing per-reader counters', async () => {
    const watch = driver.watch();
    const seen: ReaderEvent[] = [];
    const pump = (async () => {
      for await (const e of watch) seen.push(e);
    })();
    // A new watch first gets the current state: both readers, no card.
    await waitFor(() => seen.filter((e) => e.type === 'reader-added').length >= 2);
    const card = new EmulatedHealthCard(generateCard('events').image);
    for (let round = 0; round < 3; round++) {
      const v = await rig.insert(card, READERS.user.port);
      await waitFor(
        () => seen.filter((e) => e.reader === READERS.user.name && e.type === 'card-inserted').length > round,
      );
      v.remove();
      rig.cards.splice(rig.cards.indexOf(v), 1);
      await waitFor(
        () => seen.filter((e) => e.reader === READERS.user.name && e.type === 'card-removed').length > round,
      );
    }
    watch.close();
    await pump;
    const user = seen.filter((e) => e.reader === READERS.user.name);
    expect(user.map((e) => e.type)).toEqual([
      'reader-added',
      'card-inserted',
      'card-removed',
      'card-inserted',
      'card-removed',
      'card-inserted',
      'card-removed',
    ]);
    const counters = user.map((e) => e.counter);
    for (let i = 1; i < counters.length; i++) expect(counters[i]).toBe(counters[i - 1]! + 1);
    const inserted = user.find((e) => e.type === 'card-inserted');
    expect(inserted && 'atr' in inserted ? toHex(inserted.atr) : '').toBe(toHex(card.atr));
  }, 30_000);

  it('keeps watching across a pcscd restart, counters still increasing', async (ctx) => {
    if (!rig.ownsDaemon) {
      const foreign = rig.foreignDaemon;
      const reason =
        `pcscd was already running (pid ${foreign?.pid}: ${foreign?.command.join(' ')}) and the test rig ` +
        'may only restart a daemon it started; stop that pcscd, or run with CI=true to let the rig ' +
        'replace it for the run';
      // Under CI the rig replaces the running daemon, so this cannot happen; if it does, fail.
      if (process.env.CI) throw new Error(`the pcscd restart test must run under CI: ${reason}`);
      console.warn(`\nWARNING: SKIPPED "keeps watching across a pcscd restart": ${reason}\n`);
      ctx.skip(reason);
    }
    await insertCardAndPsam('restart');
    const watch = driver.watch();
    const seen: ReaderEvent[] = [];
    const pump = (async () => {
      for await (const e of watch) seen.push(e);
    })();
    await waitFor(() => seen.some((e) => e.reader === READERS.user.name && e.type === 'card-inserted'));
    const before = seen.length;
    await rig.restartDaemon();
    // The readers go away with the daemon and come back, with the cards still in (vpcd
    // reconnects); the session below needs both, and the PSAM's may come back second.
    await waitFor(
      () =>
        [READERS.user.name, READERS.psam.name].every((reader) =>
          seen.slice(before).some((e) => e.reader === reader && e.type === 'card-inserted'),
        ),
      15_000,
    );
    watch.close();
    await pump;
    const user = seen.filter((e) => e.reader === READERS.user.name);
    const after = user.slice(user.findIndex((e) => e.type === 'reader-removed'));
    expect(after.map((e) => e.type)).toEqual(['reader-removed', 'reader-added', 'card-inserted']);
    // The watch opened on the current state (reader-added and card-inserted at the current
    // counter); every later event has a counter one higher than the one before.
    const counters = user.slice(1).map((e) => e.counter);
    expect(user[0]!.counter).toBe(user[1]!.counter);
    for (let i = 1; i < counters.length; i++) expect(counters[i]).toBe(counters[i - 1]! + 1);
    // And the driver works again: a session reads the card.
    const { session, close } = await openSession();
    expect(ok(await session.readCard(['basic'])).items.name).toBe(generateCard('restart').items.name);
    await close();
  }, 40_000);

  it('lets a third-party PC/SC client (scriptor) read EF05 from our card', async () => {
    const { built } = await insertCardAndPsam('scriptor');
    // Asynchronously: the emulated card answers from this very process.
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile('scriptor', ['-r', READERS.user.name], { timeout: 10_000 }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      );
      child.stdin?.end('00A4000002DDF1\n00A4000002EF05\n00B2390005\n00B2090005\n');
    });
    const responses = [...out.matchAll(/^< ([0-9A-F ]+?) ?:/gm)].map((m) => m[1]!.replaceAll(' ', ''));
    const ef05 = (built.image.files['DDF1/EF05'] as { records: string[] }).records;
    // Record 10 holds tag 39 (city code), record 8 tag 09 (security code): spec §4.2.
    expect(responses).toEqual(['9000', '9000', `${ef05[9]}9000`, `${ef05[7]}9000`]);
  });

  it('fails clearly, with no partial result, when the card is removed during a read', async () => {
    const { vCard } = await insertCardAndPsam('removal', { encounters: { inpatient: 3, outpatient: 5 } });
    let sent = 0;
    const { session, close } = await openSession((inner) =>
      forwardChannel(inner, async (command) => {
        if (++sent === 60) {
          vCard.remove();
          await waitFor(
            async () => !(await driver.list()).find((r) => r.name === READERS.user.name)?.cardPresent,
          );
        }
        return inner.transmit(command);
      }),
    );
    const attempt = session.readCard();
    await expect(attempt).rejects.toMatchObject({
      code: expect.stringMatching(/HCARD_E_(CARD_REMOVED|TRANSPORT)/),
    });
    await expect(attempt).rejects.toThrow(/transmit on "Virtual PCD 00 00": SCARD_/);
    await close();
  });

  it('names the reader in clear errors for an unknown reader or an empty slot', async () => {
    await expect(driver.connect('No Such Reader 00 00')).rejects.toMatchObject({
      code: 'HCARD_E_READER_NOT_FOUND',
    });
    await expect(driver.connect(READERS.user.name)).rejects.toMatchObject({ code: 'HCARD_E_NO_CARD' });
  });
});
