import { encodeResponse } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { EmulatorDriver, type InsertableCard } from './emulator-driver.js';

/** A card that echoes the INS byte back as data. */
function echoCard(atr: Uint8Array): InsertableCard & { resets: number } {
  return {
    atr,
    protocol: 'T=1',
    resets: 0,
    reset() {
      this.resets++;
      return atr;
    },
    transmit: async (c) => encodeResponse(c.subarray(1, 2), 0x9000),
    close: async () => undefined,
  };
}

describe('EmulatorDriver', () => {
  it('lists slots, resets a card on insertion and exchanges APDUs with it', async () => {
    const d = new EmulatorDriver();
    d.addReader('Slot 00 01');
    const card = echoCard(Uint8Array.of(0x3b, 0x01));
    d.insert('Slot 00 00', card);
    expect(card.resets).toBe(1);
    expect((await d.list()).map((r) => [r.name, r.cardPresent])).toEqual([
      ['Slot 00 01', false],
      ['Slot 00 00', true],
    ]);
    const channel = await d.connect('Slot 00 00');
    expect(channel.atr).toEqual(Uint8Array.of(0x3b, 0x01));
    expect(await channel.transmit(Uint8Array.of(0, 0xb0, 0, 0))).toEqual(Uint8Array.of(0xb0, 0x90, 0x00));
  });

  it('refuses unknown readers, empty slots and a second channel with catalogue codes', async () => {
    const d = new EmulatorDriver();
    d.addReader('Empty 00 00');
    d.insert('Card 00 00', echoCard(Uint8Array.of(0x3b)));
    await expect(d.connect('Nope')).rejects.toMatchObject({ code: 'HCARD_E_READER_NOT_FOUND' });
    await expect(d.connect('Empty 00 00')).rejects.toMatchObject({ code: 'HCARD_E_NO_CARD' });
    const first = await d.connect('Card 00 00');
    await expect(d.connect('Card 00 00')).rejects.toMatchObject({ code: 'HCARD_E_READER_BUSY' });
    await first.close();
    await expect(d.connect('Card 00 00')).resolves.toBeDefined();
  });

  it('breaks an open channel when its card is removed, even if it comes back', async () => {
    const d = new EmulatorDriver();
    const card = echoCard(Uint8Array.of(0x3b));
    d.insert('R 00 00', card);
    const channel = await d.connect('R 00 00');
    d.remove('R 00 00');
    await expect(channel.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({
      code: 'HCARD_E_CARD_REMOVED',
    });
    d.insert('R 00 00', echoCard(Uint8Array.of(0x3b)));
    await expect(channel.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({
      code: 'HCARD_E_CARD_REMOVED',
    });
    await channel.close();
    await expect(channel.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({
      code: 'HCARD_E_CHANNEL_CLOSED',
    });
  });
});
