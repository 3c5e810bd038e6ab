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

/**
 * A card with state a reset loses: SELECT (A4) remembers its data, READ BINARY (B0) answers it,
 * or 6986 when nothing is selected.
 */
function statefulCard(): InsertableCard & { resets: number } {
  let selected: Uint8Array | undefined;
  return {
    atr: Uint8Array.of(0x3b, 0x02),
    protocol: 'T=1',
    resets: 0,
    reset() {
      this.resets++;
      selected = undefined;
      return this.atr;
    },
    transmit: async (c) => {
      if (c[1] === 0xa4) selected = c.slice(5);
      return c[1] === 0xb0 && !selected
        ? encodeResponse(new Uint8Array(), 0x6986)
        : encodeResponse(selected!, 0x9000);
    },
    close: async () => undefined,
  };
}

const SELECT = Uint8Array.of(0x00, 0xa4, 0x00, 0x00, 0x02, 0xdd, 0xf1);
const READ = Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x00);
const sw = (response: Uint8Array) => ((response.at(-2)! << 8) | response.at(-1)!).toString(16);

describe('EmulatorDriver connect options', () => {
  function slot() {
    const driver = new EmulatorDriver();
    const card = statefulCard();
    driver.insert('R 00 00', card);
    card.resets = 0;
    return { driver, card };
  }

  /** Selects in one connection closed with `disposition`; what the next connection reads. */
  async function afterClose(disposition?: 'leave' | 'reset' | 'unpower' | 'eject') {
    const { driver, card } = slot();
    const first = await driver.connect('R 00 00', disposition ? { disposition } : {});
    await first.transmit(SELECT);
    await first.close();
    const next = await driver.connect('R 00 00');
    return { resets: card.resets, read: sw(await next.transmit(READ)) };
  }

  it('applies the disposition on close as pcscd does: reset and unpower reset the card, leave and eject do not', async () => {
    expect(await afterClose('reset')).toEqual({ resets: 1, read: '6986' });
    expect(await afterClose('unpower')).toEqual({ resets: 1, read: '6986' });
    expect(await afterClose('leave')).toEqual({ resets: 0, read: '9000' });
    expect(await afterClose()).toEqual({ resets: 0, read: '9000' });
    // pcscd cannot eject from vpcd or an ordinary contact reader: it logs and leaves the card.
    expect(await afterClose('eject')).toEqual({ resets: 0, read: '9000' });
    // A card taken out before the channel closed is not touched.
    const { driver, card } = slot();
    const channel = await driver.connect('R 00 00', { disposition: 'reset' });
    driver.remove('R 00 00');
    await channel.close();
    expect(card.resets).toBe(0);
  });

  it('breaks the other open connections when one resets the card, until they are closed', async () => {
    const { driver } = slot();
    const other = driver.peer();
    const resetting = await driver.connect('R 00 00', { disposition: 'reset' });
    const kept = await other.connect('R 00 00');
    await kept.transmit(SELECT);
    await resetting.close();
    for (let i = 0; i < 2; i++)
      await expect(kept.transmit(READ)).rejects.toMatchObject({ code: 'HCARD_E_CARD_REMOVED' });
    // A new connection works, on the reset card.
    const fresh = await driver.connect('R 00 00');
    expect(sw(await fresh.transmit(READ))).toBe('6986');
    await kept.close();
    await fresh.close();
    // A leave or eject close breaks nobody.
    const b = await other.connect('R 00 00');
    for (const disposition of ['leave', 'eject'] as const) {
      const a = await driver.connect('R 00 00', { disposition });
      await a.close();
    }
    expect(sw(await b.transmit(READ))).toBe('6986');
  });

  it('lets shared connections of two applications coexist, on the same card state', async () => {
    const { driver } = slot();
    const other = driver.peer();
    const a = await driver.connect('R 00 00', { shareMode: 'shared' });
    const b = await other.connect('R 00 00');
    await a.transmit(SELECT);
    expect(sw(await b.transmit(READ))).toBe('9000');
  });

  it('refuses any other connection while an exclusive one is open, and exclusive while any is open, across peers', async () => {
    const { driver } = slot();
    const other = driver.peer();
    const exclusive = await driver.connect('R 00 00', { shareMode: 'exclusive' });
    for (const shareMode of ['shared', 'exclusive'] as const) {
      await expect(other.connect('R 00 00', { shareMode })).rejects.toMatchObject({
        code: 'HCARD_E_READER_BUSY',
      });
    }
    await exclusive.close();
    const shared = await other.connect('R 00 00');
    await expect(driver.connect('R 00 00', { shareMode: 'exclusive' })).rejects.toMatchObject({
      code: 'HCARD_E_READER_BUSY',
    });
    await shared.close();
    const exclusiveAgain = await driver.connect('R 00 00', { shareMode: 'exclusive' });
    // Like a PcscDriver, one driver holds one channel per reader, whatever the share mode.
    await exclusiveAgain.close();
    await driver.connect('R 00 00', { shareMode: 'shared' });
    await expect(driver.connect('R 00 00', { shareMode: 'shared' })).rejects.toMatchObject({
      code: 'HCARD_E_READER_BUSY',
    });
  });

  it('shows peers the same readers and events; closing one ends only its own watches', async () => {
    const { driver } = slot();
    const other = driver.peer();
    const mine = driver.watch();
    const theirs = other.watch();
    other.remove('R 00 00');
    expect((await driver.list()).map((r) => [r.name, r.cardPresent])).toEqual([['R 00 00', false]]);
    await other.close();
    const seen = [];
    for await (const e of theirs) seen.push(e.type);
    expect(seen).toEqual(['reader-added', 'card-inserted', 'card-removed']);
    const it = mine[Symbol.asyncIterator]();
    for (const type of ['reader-added', 'card-inserted', 'card-removed'])
      expect((await it.next()).value).toMatchObject({ type });
    driver.insert('R 00 00', statefulCard());
    expect((await it.next()).value).toMatchObject({ type: 'card-inserted' });
    await driver.close();
    expect((await it.next()).done).toBe(true);
  });
});
