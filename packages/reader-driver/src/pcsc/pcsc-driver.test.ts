/**
 * The PC/SC driver's own logic (readiness, events, recovery, error mapping) against a fake of
 * the `pcsclite` binding that behaves like the real module. The real stack is covered by
 * tests/pcsc/pcsc.e2e.test.ts.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ReaderEvent } from '../driver.js';
import { PcscDriver } from './pcsc-driver.js';
import type { PcscContext, PcscReader } from './pcsclite-binding.js';

const NO_SERVICE = 'SCardEstablishContext error: Service not available.(0x8010001d)';

/** A fake pcscd: readers with cards, and a switch for the service itself. */
class FakeService {
  up = false;
  /** Transmit "succeeds" with no bytes (what vpcd does when its card disconnects mid-command). */
  silent = false;
  readers = new Map<string, { atr?: Buffer }>();
  contexts: FakeContext[] = [];
  factory = (): PcscContext => {
    if (!this.up) throw new Error(NO_SERVICE);
    const ctx = new FakeContext(this);
    this.contexts.push(ctx);
    // Like the real module: scan on the next tick and announce new readers.
    process.nextTick(() => ctx.start(() => undefined));
    return ctx;
  };
  /** The daemon stops: every context gets an error. */
  stop(): void {
    this.up = false;
    for (const c of this.contexts.splice(0))
      c.emit('error', new Error('SCardGetStatusChange error: Service not available.(0x8010001d)'));
  }
}

class FakeContext extends EventEmitter {
  readonly #readers = new Map<string, PcscReader>();
  constructor(private readonly service: FakeService) {
    super();
  }
  /** The reader object this context announced, to send it statuses as pcsc-lite would. */
  reader(name: string): PcscReader & EventEmitter {
    return this.#readers.get(name) as PcscReader & EventEmitter;
  }
  start(cb: (err: Error | null, names: Buffer) => void): void {
    const names = [...this.service.readers.keys()];
    cb(null, Buffer.from(`${names.join('\0')}\0\0`));
    for (const name of names) {
      const reader = fakeReader(name, this.service);
      this.#readers.set(name, reader);
      this.emit('reader', reader);
      const atr = this.service.readers.get(name)?.atr;
      setImmediate(() => reader.emit('status', atr ? { state: 0x22, atr } : { state: 0x12 }));
    }
  }
  close(): void {}
}

function fakeReader(name: string, service: FakeService): PcscReader {
  const r = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.assign(r, {
    name,
    connected: false,
    SCARD_SHARE_SHARED: 2,
    SCARD_SHARE_EXCLUSIVE: 1,
    SCARD_PROTOCOL_T0: 1,
    SCARD_PROTOCOL_T1: 2,
    SCARD_LEAVE_CARD: 0,
    SCARD_RESET_CARD: 1,
    SCARD_UNPOWER_CARD: 2,
    SCARD_EJECT_CARD: 3,
    SCARD_STATE_PRESENT: 0x20,
    connect: (_o: unknown, cb: (e: Error | null, p: number) => void) => cb(null, 2),
    transmit: (data: Buffer, _len: number, _p: number, cb: (e: Error | null, d: Buffer) => void) =>
      service.silent
        ? cb(null, Buffer.alloc(0))
        : service.up
          ? cb(null, Buffer.concat([data.subarray(1, 2), Buffer.from([0x90, 0x00])]))
          : cb(new Error('SCardTransmit error: Card was removed.(0x80100069)'), Buffer.alloc(0)),
    disconnect: (_d: number, cb: (e: Error | null) => void) => cb(null),
    close: () => undefined,
  });
  return r as unknown as PcscReader;
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await condition()).toBe(true);
}

/** A running fake service with a card in 'Fake 00 00', and a driver watched from its start. */
async function watchedCardReader() {
  const service = new FakeService();
  service.up = true;
  const atr = Buffer.from([0x3b, 0x02]);
  service.readers.set('Fake 00 00', { atr });
  const driver = new PcscDriver({ factory: service.factory, restartDelayMs: 20 });
  const seen: ReaderEvent[] = [];
  const watch = driver.watch();
  const pump = (async () => {
    for await (const e of watch) seen.push(e);
  })();
  await until(() => seen.length === 2);
  const stopWatching = async () => {
    watch.close();
    await pump;
  };
  return { service, driver, seen, stopWatching, atr };
}

describe('PcscDriver (fake binding)', () => {
  it('says the service is not running, then finds readers once it starts, by itself', async () => {
    const service = new FakeService();
    service.readers.set('Fake 00 00', { atr: Buffer.from([0x3b, 0x02]) });
    const driver = new PcscDriver({ factory: service.factory, restartDelayMs: 20 });
    await expect(driver.list()).rejects.toMatchObject({
      code: 'HCARD_E_PCSC_NO_SERVICE',
      details: { pcsc: 'SCARD_E_NO_SERVICE' },
    });
    await expect(driver.connect('Fake 00 00')).rejects.toMatchObject({ code: 'HCARD_E_PCSC_NO_SERVICE' });
    service.up = true;
    await until(async () => (await driver.list().catch(() => [])).length === 1);
    expect(await driver.list()).toEqual([
      { name: 'Fake 00 00', kind: 'pcsc', cardPresent: true, atr: Uint8Array.of(0x3b, 0x02), counter: 2 },
    ]);
    await driver.close();
  });

  it('an empty answer to a command (vpcd, card gone mid-command) is a removal, not a malformed APDU', async () => {
    const service = new FakeService();
    service.up = true;
    service.readers.set('Fake 00 00', { atr: Buffer.from([0x3b, 0x02]) });
    const driver = new PcscDriver({ factory: service.factory, restartDelayMs: 20 });
    await until(async () => (await driver.list().catch(() => [])).length === 1);
    const channel = await driver.connect('Fake 00 00');
    service.silent = true;
    await expect(channel.transmit(Uint8Array.of(0, 0xca, 0, 0))).rejects.toMatchObject({
      code: 'HCARD_E_CARD_REMOVED',
    });
    await channel.close();
    await driver.close();
  });

  it('reports a service restart as removal and return, with counters that keep increasing', async () => {
    const { service, driver, seen, stopWatching } = await watchedCardReader();
    const channel = await driver.connect('Fake 00 00');
    expect(await channel.transmit(Uint8Array.of(0, 0xca, 0, 0))).toEqual(Uint8Array.of(0xca, 0x90, 0x00));

    service.stop();
    await expect(channel.transmit(Uint8Array.of(0, 0xca, 0, 0))).rejects.toMatchObject({
      code: 'HCARD_E_CARD_REMOVED',
    });
    await expect(driver.list()).rejects.toMatchObject({ code: 'HCARD_E_PCSC_NO_SERVICE' });
    service.up = true;
    await until(() => seen.length === 6);
    await stopWatching();
    expect(seen.map((e) => [e.type, e.counter])).toEqual([
      ['reader-added', 1],
      ['card-inserted', 2],
      ['card-removed', 3],
      ['reader-removed', 4],
      ['reader-added', 5],
      ['card-inserted', 6],
    ]);
    // After the restart the reader can be connected again (the old channel was dropped).
    await expect(driver.connect('Fake 00 00')).resolves.toBeDefined();
    await driver.close();
  });

  it("sees a card taken out and put back between two status reports by pcsc-lite's event count", async () => {
    const { service, driver, seen, stopWatching, atr: card } = await watchedCardReader();
    const reader = service.contexts[0]!.reader('Fake 00 00');
    // pcsc-lite: state flags in the low word (0x20 present, 0x100 in use), card events in the high.
    reader.emit('status', { state: 0x0122, atr: card }); // in use now: the same card
    reader.emit('status', { state: 0x20022, atr: card }); // out and in again: two card events
    await until(() => seen.length >= 4);
    await new Promise((r) => setTimeout(r, 50)); // nothing more comes
    await stopWatching();
    expect(seen.map((e) => [e.type, e.counter])).toEqual([
      ['reader-added', 1],
      ['card-inserted', 2],
      ['card-removed', 3],
      ['card-inserted', 4],
    ]);
    await driver.close();
  });
});
