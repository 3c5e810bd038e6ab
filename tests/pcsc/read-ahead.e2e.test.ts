/**
 * The gateway's read-ahead at card insertion through the real PC/SC stack (pcscd + vpcd): the
 * card is read as it goes in (its sections, then the registration read of its applications),
 * with no request, and its removal is still seen at once afterwards, for a health card already
 * in when the service starts and for a three-in-one chip put in later.
 */
import type { Section } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  generateChip,
  loadEmulatedChip,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import { ReaderService } from '@hcard/gateway';
import { PcscDriver } from '@hcard/reader-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

const AHEAD: Section[] = ['basic', 'extended', 'photo'];
const READER = READERS.user.name;

describe.skipIf(pcscUnavailable()).sequential('read-ahead through pcscd and vpcd', () => {
  const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
  let service: ReaderService | undefined;
  const present = async () => (await service!.list()).find((r) => r.name === READER)?.cardPresent === true;

  beforeAll(async () => {
    await rig.start();
    await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
  }, 30_000);
  afterAll(async () => {
    await service?.close();
    await rig.stop();
  }, 30_000);

  it('reads a card that is in when the service starts, then sees it go and the next one come', async () => {
    const built = generateCard('read-ahead-e2e');
    const card = await rig.insert(new EmulatedHealthCard(built.image), READERS.user.port);
    service = new ReaderService(new PcscDriver({ restartDelayMs: 200 }), {
      psamPin: TEST_PSAM_PIN,
      readAhead: { sections: AHEAD, applications: true },
    });
    await service.start();
    await waitFor(() => service!.cardReads === 2, 10_000);
    const kept = await service.readCard(READER, ['basic']);
    expect(kept.cached).toBe(true);
    expect(kept.data.items.idNumber).toBe(built.items.idNumber);
    // A health card alone: the registration read ahead (joined, or kept) found no other application.
    const apps = await service.readApplications(READER);
    expect([apps.read.ssse?.kind, apps.read.bank?.kind]).toEqual(['absent', 'no-bank-application']);
    expect(service.cardReads).toBe(2);

    card.remove();
    await waitFor(async () => !(await present()), 5000);

    const next = generateChip('read-ahead-e2e-next');
    await rig.insert(loadEmulatedChip(JSON.parse(JSON.stringify(next.image))), READERS.user.port);
    await waitFor(() => service!.cardReads === 4, 10_000);
    // Joins the read-ahead under way, or finds its snapshot: no read of its own.
    const read = await service.readCard(READER, AHEAD);
    expect(read.data.items.idNumber).toBe(next.health!.items.idNumber);
    const nextApps = await service.readApplications(READER);
    expect(nextApps.read.ssse?.kind === 'read' && nextApps.read.ssse.reading.card).toEqual(next.ssse!.card);
    expect(nextApps.read.bank?.kind).toBe('bank-application');
    expect(service.cardReads).toBe(4);
    for (const c of rig.cards.splice(1)) c.remove();
    await waitFor(async () => !(await present()), 5000);
  }, 60_000);
});
