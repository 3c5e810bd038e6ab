import { describe, expect, it } from 'vitest';
import type { ReaderEvent } from './driver.js';
import { ReaderMonitor } from './monitor.js';

const atr = (n: number) => Uint8Array.of(0x3b, n);

async function take(watch: AsyncIterable<ReaderEvent>, n: number): Promise<ReaderEvent[]> {
  const out: ReaderEvent[] = [];
  for await (const e of watch) {
    out.push(e);
    if (out.length === n) break;
  }
  return out;
}

describe('ReaderMonitor', () => {
  it('turns state changes into ordered events with per-reader counters', async () => {
    const m = new ReaderMonitor('emulator');
    const watch = m.watch();
    m.update('A', { cardPresent: false });
    m.update('B', { cardPresent: true, atr: atr(1) });
    m.update('A', { cardPresent: true, atr: atr(2) });
    m.update('A', { cardPresent: true, atr: atr(2) }); // no change, no event
    m.update('A', { cardPresent: true, atr: atr(3) }); // another card: removed, then inserted
    m.remove('A');
    const events = await take(watch, 8);
    expect(events.map((e) => [e.type, e.reader, e.counter])).toEqual([
      ['reader-added', 'A', 1],
      ['reader-added', 'B', 1],
      ['card-inserted', 'B', 2],
      ['card-inserted', 'A', 2],
      ['card-removed', 'A', 3],
      ['card-inserted', 'A', 4],
      ['card-removed', 'A', 5],
      ['reader-removed', 'A', 6],
    ]);
  });

  it("takes a change in the reader's count of card events for a card out and in again, same ATR or not", async () => {
    const m = new ReaderMonitor('pcsc');
    const watch = m.watch();
    m.update('A', { cardPresent: true, atr: atr(1), cardEvents: 1 });
    m.update('A', { cardPresent: true, atr: atr(1), cardEvents: 1 }); // same card, no event
    m.update('A', { cardPresent: true, atr: atr(1), cardEvents: 3 }); // out and in between reports
    m.update('A', { cardPresent: true, atr: atr(1) }); // a driver without the count: the ATR decides
    m.remove('A');
    const events = await take(watch, 6);
    expect(events.map((e) => [e.type, e.counter])).toEqual([
      ['reader-added', 1],
      ['card-inserted', 2],
      ['card-removed', 3],
      ['card-inserted', 4],
      ['card-removed', 5],
      ['reader-removed', 6],
    ]);
  });

  it('keeps counting when a reader comes back', () => {
    const m = new ReaderMonitor('pcsc');
    m.update('A', { cardPresent: true, atr: atr(1) });
    m.retain(new Set());
    m.update('A', { cardPresent: false });
    expect(m.list()).toEqual([{ name: 'A', kind: 'pcsc', cardPresent: false, counter: 5 }]);
  });

  it('gives a new watch the current state first, at the current counters', async () => {
    const m = new ReaderMonitor('pcsc');
    m.update('A', { cardPresent: true, atr: atr(1) });
    m.update('B', { cardPresent: false });
    const events = await take(m.watch(), 3);
    expect(events).toEqual([
      { type: 'reader-added', reader: 'A', counter: 2 },
      { type: 'card-inserted', reader: 'A', counter: 2, atr: atr(1) },
      { type: 'reader-added', reader: 'B', counter: 1 },
    ]);
  });

  it('ends watches when closed, and delivers to every open watch', async () => {
    const m = new ReaderMonitor('pcsc');
    const a = m.watch();
    const b = m.watch();
    m.update('A', { cardPresent: false });
    a.close();
    const seenByA: ReaderEvent[] = [];
    for await (const e of a) seenByA.push(e);
    expect(seenByA).toEqual([{ type: 'reader-added', reader: 'A', counter: 1 }]);
    m.update('A', { cardPresent: true, atr: atr(9) });
    expect((await take(b, 2)).map((e) => e.type)).toEqual(['reader-added', 'card-inserted']);
    m.closeAll();
    const rest: ReaderEvent[] = [];
    for await (const e of b) rest.push(e);
    expect(rest).toEqual([]);
  });
});
