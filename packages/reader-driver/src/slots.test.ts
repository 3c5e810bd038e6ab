import { encodeResponse } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { EmulatorDriver, type InsertableCard } from './emulator/emulator-driver.js';
import { connectPsam, pairSlots, withPair } from './slots.js';

/** A card answering 9000 to everything. */
const anyCard = (): InsertableCard => ({
  atr: Uint8Array.of(0x3b),
  protocol: 'T=1',
  reset: () => Uint8Array.of(0x3b),
  transmit: async () => encodeResponse(new Uint8Array(), 0x9000),
  close: async () => undefined,
});

describe('pairSlots', () => {
  const desk = ['ACS ACR39U 00 00', 'ACS ACR39U 00 01', 'Virtual PCD 00 00', 'Virtual PCD 00 01'];

  it('pairs the first user slot (00) with the SAM slot (01) of the same reader', () => {
    expect(pairSlots(desk)).toEqual({ user: 'ACS ACR39U 00 00', psam: 'ACS ACR39U 00 01' });
  });

  it('takes explicit names, and derives the PSAM slot from an explicit user slot', () => {
    expect(pairSlots(desk, { user: 'Virtual PCD 00 00' })).toEqual({
      user: 'Virtual PCD 00 00',
      psam: 'Virtual PCD 00 01',
    });
    expect(pairSlots(desk, { user: 'ACS ACR39U 00 00', psam: 'Virtual PCD 00 01' })).toEqual({
      user: 'ACS ACR39U 00 00',
      psam: 'Virtual PCD 00 01',
    });
  });

  it('finds no pair when the PSAM slot or the user slot is missing', () => {
    expect(pairSlots(['Reader 00 00'])).toBeUndefined();
    expect(pairSlots(['Reader 00 01'])).toBeUndefined();
    expect(pairSlots(desk, { user: 'Missing 00 00' })).toBeUndefined();
  });
});

describe('connecting a pair', () => {
  const pair = { user: 'Desk 00 00', psam: 'Desk 00 01' };

  it('calls an empty PSAM slot a terminal without its PSAM, not a card to put in', async () => {
    const d = new EmulatorDriver();
    d.insert(pair.user, anyCard());
    d.addReader(pair.psam);
    await expect(connectPsam(d, pair.psam)).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_ABSENT',
      details: { reader: pair.psam },
    });
    await expect(withPair(d, pair, async () => 'read')).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_ABSENT',
    });
    // Other failures keep their code: no reader at all, or no card in the user slot.
    await expect(connectPsam(d, 'Gone 00 01')).rejects.toMatchObject({ code: 'HCARD_E_READER_NOT_FOUND' });
    d.insert(pair.psam, anyCard());
    d.remove(pair.user);
    await expect(withPair(d, pair, async () => 'read')).rejects.toMatchObject({ code: 'HCARD_E_NO_CARD' });
  });

  it('runs the job on both channels and closes both, whatever the job or the PSAM slot does', async () => {
    const d = new EmulatorDriver();
    d.insert(pair.user, anyCard());
    d.addReader(pair.psam);
    await expect(withPair(d, pair, async () => 'read')).rejects.toThrow();
    d.insert(pair.psam, anyCard());
    await expect(
      withPair(d, pair, async () => {
        throw new Error('job failed');
      }),
    ).rejects.toThrow('job failed');
    // A channel left open would make the driver refuse a second one (HCARD_E_READER_BUSY).
    const atrs = await withPair(d, pair, async (card, psam) => [card.atr, psam.atr]);
    expect(atrs).toEqual([Uint8Array.of(0x3b), Uint8Array.of(0x3b)]);
    await expect(withPair(d, pair, async () => 'again')).resolves.toBe('again');
  });
});
