/**
 * The ID-card reader end to end over a real pseudo-terminal pair: the driver (serialport) on
 * one end, the emulated reader on the other. Test vectors: spec C (frames C.2, statuses C.4,
 * layouts C.6), the people from the synthetic generator.
 */
import { EmulatedIdCardReader, generateIdCard, generateResident, type IdCardKind } from '@hcard/emulator';
import { readIdCard } from '@hcard/reader-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PtyRig, startPtyRig } from './pty-rig.js';

let rig: PtyRig;
beforeAll(async () => {
  rig = await startPtyRig();
});
afterAll(() => rig?.stop());
beforeEach(() => {
  rig.device.clearFaults();
  rig.device.remove();
});

const TYPES: readonly [IdCardKind, string][] = [
  ['resident', 'resident'],
  ['J', 'hmt-residence-permit'],
  ['I', 'foreign-permanent-2017'],
  ['Y', 'foreign-permanent-2023'],
];

describe('reading each card type through the pty', () => {
  it.each(TYPES)('reads a %s card: text by its layout, the WLT photo as opaque bytes', async (kind, type) => {
    const card = generateIdCard(21, { kind });
    rig.device.insert(card);
    const read = await readIdCard(rig.reader);
    if (!read.ok) throw new Error(`refused: ${read.refusal.meaning}`);
    expect(read.value.text.type).toBe(type);
    for (const [field, value] of Object.entries(card.fields)) {
      if (field === 'sex' || field === 'ethnicity')
        expect(read.value.text).toHaveProperty([field, 'code'], value);
      else expect(read.value.text).toHaveProperty(field, value);
    }
    expect(read.value.photo).toEqual({
      format: 'wlt',
      bytes: card.photo,
      decoded: false,
      note: expect.stringContaining('no licensed WLT decoder'),
    });
  });

  it('reads the resident card of a seed as the same person as the health card of that seed', async () => {
    const person = generateResident(5).items;
    rig.device.insert(generateIdCard(5));
    const read = await readIdCard(rig.reader);
    expect(read.ok && read.value.text).toMatchObject({
      type: 'resident',
      name: person.name,
      idNumber: person.idNumber,
      birthDate: person.birthDate,
      ethnicity: { code: person.ethnicity },
      sex: { code: String(Number(person.sex)) },
      checkDigitValid: true,
    });
  });

  it('reads with fingerprint and the appended address', async () => {
    const card = generateIdCard(8, { appendedAddress: '北京市海淀区中关村大街27号' });
    rig.device.insert(card);
    const read = await readIdCard(rig.reader, { fingerprint: true, appendedAddress: true });
    expect(read.ok && read.value.appendedAddress).toBe('北京市海淀区中关村大街27号');
    expect(read.ok && read.value.fingerprint?.bytes).toEqual(card.fingerprint);
  });

  it('does not read the same card again until it has left the field (spec C.3)', async () => {
    const card = generateIdCard(9);
    rig.device.insert(card);
    expect((await readIdCard(rig.reader)).ok).toBe(true);
    expect(await readIdCard(rig.reader, { findIntervalMs: 5 })).toMatchObject({
      ok: false,
      refusal: { kind: 'no-card' },
    });
    rig.device.remove();
    rig.device.insert(card);
    expect((await readIdCard(rig.reader)).ok).toBe(true);
  });

  it('reads the SAM ID, status and reset', async () => {
    expect(await rig.reader.readSamId()).toMatchObject({
      ok: true,
      value: { display: '05.01-20240601-0000001234-0000005678' },
    });
    expect(await rig.reader.samStatus()).toMatchObject({ ok: true, sw3: 0x90 });
    expect(await rig.reader.resetSam()).toMatchObject({ ok: true, sw3: 0x90 });
  });
});

describe('failures reaching the caller', () => {
  it('answers no-card when the field is empty', async () => {
    expect(await readIdCard(rig.reader, { findIntervalMs: 5 })).toMatchObject({
      ok: false,
      refusal: { kind: 'no-card', sw3: 0x80, command: 'find card' },
    });
  });

  it('reports a response with a wrong checksum as HCARD_E_IDCARD_FRAME_CHECKSUM', async () => {
    rig.device.insert(generateIdCard(10));
    rig.device.injectFault({ kind: 'bad-checksum' });
    await expect(readIdCard(rig.reader)).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_FRAME_CHECKSUM' });
    // The next command is answered normally.
    expect(await rig.reader.samStatus()).toMatchObject({ ok: true });
  });

  it('reports a card removed mid-read that answers 41 as the read-failed refusal', async () => {
    rig.device.insert(generateIdCard(11));
    rig.device.injectFault({ kind: 'remove-during-read', answer: 'status' });
    expect(await readIdCard(rig.reader)).toMatchObject({
      ok: false,
      refusal: { kind: 'read-failed', sw3: 0x41 },
    });
  });

  it('reports a card removed mid-read that stops answering as HCARD_E_IDCARD_TIMEOUT, and recovers', async () => {
    const rigShort = await startPtyRig(new EmulatedIdCardReader({ card: generateIdCard(12) }), {
      find: 1000,
      select: 1000,
      read: 300,
    });
    try {
      rigShort.device.injectFault({ kind: 'remove-during-read', answer: 'stop' });
      await expect(readIdCard(rigShort.reader)).rejects.toMatchObject({
        code: 'HCARD_E_IDCARD_TIMEOUT',
        details: { timeoutMs: 300 },
      });
      // The half frame left behind does not spoil the next command.
      expect(await rigShort.reader.samStatus()).toMatchObject({ ok: true });
    } finally {
      await rigShort.stop();
    }
  });
});

/** Spec C.4: every SW3, as the SAM's answer to a status check, and what the caller gets. */
const SPEC_C4: readonly [number, string][] = [
  [0x91, 'no-content'],
  [0x10, 'HCARD_E_IDCARD_HOST_FRAME_REJECTED'],
  [0x11, 'HCARD_E_IDCARD_HOST_FRAME_REJECTED'],
  [0x21, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x23, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x24, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x31, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x32, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x33, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x34, 'no-card'],
  [0x40, 'HCARD_E_IDCARD_CARD_UNRECOGNISED'],
  [0x41, 'read-failed'],
  [0x47, 'HCARD_E_IDCARD_CARD_FAILED'],
  [0x50, 'HCARD_E_IDCARD_CARD_FAILED'],
  [0x60, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x61, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x66, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x80, 'no-card'],
  [0x81, 'select-failed'],
  [0x90, 'ok'],
  [0x9f, 'ok'],
  [0x55, 'HCARD_E_IDCARD_STATUS_UNKNOWN'],
];

describe('every SW3 of spec C.4 reaches the caller', () => {
  it.each(SPEC_C4)('SW3 %i', async (sw3, expected) => {
    // Twice: the driver sends a command again once after 10/11, so the second answer counts.
    rig.device.injectFault({ kind: 'status', sw3, times: 2 });
    const outcome = await rig.reader.samStatus().then(
      (r) => (r.ok ? 'ok' : r.refusal.kind),
      (e: { code: string }) => e.code,
    );
    expect(outcome).toBe(expected);
  });

  it('hides a single 10 (damaged command) behind one resend', async () => {
    rig.device.injectFault({ kind: 'status', sw3: 0x10 });
    expect(await rig.reader.samStatus()).toMatchObject({ ok: true });
  });
});
