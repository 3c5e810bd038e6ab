/**
 * The parts of the event streams that sockets cannot pin down: the one-time ticket store (once,
 * expiry, bounded memory), the feed where the state meets live events (an event racing the
 * reader listing is neither lost nor repeated), SSE framing, and a hub that survives a broken
 * subscriber.
 */
import type { Principal, ReaderStatus } from '@hcard/gateway';
import { EventHub } from '@hcard/gateway';
import type { ReaderEvent } from '@hcard/reader-driver';
import { describe, expect, it } from 'vitest';
import { type FeedMessage, openFeed } from '../../packages/gateway/src/events/feed.js';
import { sseFrame } from '../../packages/gateway/src/routes/events.js';
import { TicketStore } from '../../packages/gateway/src/security/tickets.js';

const alice: Principal = { client: 'alice', scopes: new Set(['read:basic']), tokenId: 'a1' };
const bob: Principal = { client: 'bob', scopes: new Set(), tokenId: 'b1' };

describe('TicketStore', () => {
  it('redeems a ticket once, for the principal it was issued to', () => {
    const store = new TicketStore();
    const a = store.issue(alice);
    const b = store.issue(bob);
    expect(a).toEqual({ ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresInMs: 30_000 });
    expect(store.redeem(b.ticket)).toBe(bob);
    expect(store.redeem(a.ticket)).toBe(alice);
    expect(store.redeem(a.ticket)).toBeUndefined();
    expect(store.redeem(b.ticket)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('refuses what it never issued', () => {
    const store = new TicketStore();
    const { ticket } = store.issue(alice);
    for (const wrong of ['', 'x', ticket.slice(1), `${ticket}x`, ticket.toUpperCase(), 'y'.repeat(10_000)])
      expect(store.redeem(wrong)).toBeUndefined();
    expect(store.redeem(ticket)).toBe(alice);
  });

  it('expires tickets after ttlMs', () => {
    let now = 1000;
    const store = new TicketStore({ ttlMs: 500, now: () => now });
    const early = store.issue(alice);
    const late = store.issue(alice);
    now += 499;
    expect(store.redeem(early.ticket)).toBe(alice);
    now += 1;
    expect(store.redeem(late.ticket)).toBeUndefined();
  });

  it('keeps at most `capacity` tickets, dropping expired ones first, then the oldest', () => {
    let now = 0;
    const store = new TicketStore({ ttlMs: 100, capacity: 3, now: () => now });
    const stale = [store.issue(alice), store.issue(alice)];
    now = 100;
    const fresh = [store.issue(bob), store.issue(bob)];
    expect(store.size).toBe(2); // the expired two are gone
    const third = store.issue(bob);
    const fourth = store.issue(alice);
    expect(store.size).toBe(3);
    expect(store.redeem(fresh[0]?.ticket ?? '')).toBeUndefined(); // the oldest, dropped
    for (const t of [fresh[1], third]) expect(store.redeem(t?.ticket ?? '')).toBe(bob);
    expect(store.redeem(fourth.ticket)).toBe(alice);
    for (const t of stale) expect(store.redeem(t?.ticket ?? '')).toBeUndefined();
    for (let i = 0; i < 10_000; i++) store.issue(alice);
    expect(store.size).toBe(3);
  });

  it('never issues the same ticket twice', () => {
    const store = new TicketStore({ capacity: 5000 });
    const tickets = new Set(Array.from({ length: 5000 }, () => store.issue(alice).ticket));
    expect(tickets.size).toBe(5000);
  });
});

const R = 'R 00 00';
const S = 'S 00 00';
const ev = (type: ReaderEvent['type'], reader: string, counter: number): ReaderEvent =>
  type === 'card-inserted'
    ? { type, reader, counter, atr: Uint8Array.of(0x3b, counter) }
    : { type, reader, counter };
const status = (name: string, counter: number, cardPresent: boolean): ReaderStatus => ({
  name,
  counter,
  cardPresent,
  atr: cardPresent ? '3B00' : null,
  psam: null,
});
const brief = (m: FeedMessage) => (m.type === 'state' || m.type === 'reset' ? m.type : `${m.type} ${m.id}`);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('openFeed', () => {
  it('meets the state without a gap or a repeat when events race the reader listing', async () => {
    const hub = new EventHub();
    hub.publish(ev('reader-added', R, 1));
    hub.publish(ev('card-inserted', R, 2));
    const listing = deferred<ReaderStatus[]>();
    const sent: FeedMessage[] = [];
    const feed = openFeed(hub, { state: () => listing.promise, send: (m) => sent.push(m) });
    // While the readers are being listed: one event the listing already shows, one it does not.
    hub.publish(ev('card-removed', R, 3));
    hub.publish(ev('reader-added', S, 1));
    hub.publish(ev('card-inserted', R, 4));
    expect(sent).toEqual([]);
    listing.resolve([status(R, 3, false)]);
    await feed.ready;
    hub.publish(ev('card-removed', R, 5));
    expect(sent.map(brief)).toEqual([
      'state',
      `reader-added ${S}#1`, // a reader the listing did not show
      `card-inserted ${R}#4`,
      `card-removed ${R}#5`,
    ]);
    expect(sent[0]).toEqual({ type: 'state', readers: [status(R, 3, false)] });
    feed.close();
    expect(hub.subscriberCount).toBe(0);
  });

  it('replays after a known id with no state; resets and sends the state for an unknown one', async () => {
    const hub = new EventHub();
    for (const [i, type] of (['reader-added', 'card-inserted', 'card-removed'] as const).entries())
      hub.publish(ev(type, R, i + 1));
    const replayed: FeedMessage[] = [];
    const resumed = openFeed(hub, { since: `${R}#1`, state: async () => [], send: (m) => replayed.push(m) });
    await resumed.ready;
    expect(replayed.map(brief)).toEqual([`card-inserted ${R}#2`, `card-removed ${R}#3`]);

    const lost: FeedMessage[] = [];
    const reset = openFeed(hub, {
      since: `${R}#9`,
      state: async () => [status(R, 3, false)],
      send: (m) => lost.push(m),
    });
    await reset.ready;
    hub.publish(ev('card-inserted', R, 4));
    expect(lost.map(brief)).toEqual(['reset', 'state', `card-inserted ${R}#4`]);
    expect(lost[0]).toEqual({ type: 'reset', since: `${R}#9` });
    resumed.close();
    reset.close();
    expect(hub.subscriberCount).toBe(0);
  });

  it('sends nothing and keeps no subscription when closed or when the state cannot be read', async () => {
    const hub = new EventHub();
    const listing = deferred<ReaderStatus[]>();
    const sent: FeedMessage[] = [];
    const closed = openFeed(hub, { state: () => listing.promise, send: (m) => sent.push(m) });
    expect(hub.subscriberCount).toBe(1);
    closed.close();
    listing.resolve([status(R, 1, false)]);
    await closed.ready;
    hub.publish(ev('reader-added', R, 1));
    expect(sent).toEqual([]);
    expect(hub.subscriberCount).toBe(0);

    const failing = openFeed(hub, {
      state: () => Promise.reject(new Error('pcscd is gone')),
      send: (m) => sent.push(m),
    });
    await expect(failing.ready).rejects.toThrow('pcscd is gone');
    expect(hub.subscriberCount).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('the event hub', () => {
  it('drops a subscriber that throws and keeps serving the others', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('broken socket');
    });
    hub.subscribe((e) => seen.push(e.id));
    expect(hub.subscriberCount).toBe(2);
    expect(() => hub.publish(ev('reader-added', R, 1))).not.toThrow();
    hub.publish(ev('card-inserted', R, 2));
    expect(seen).toEqual([`${R}#1`, `${R}#2`]);
    expect(hub.subscriberCount).toBe(1);
  });

  it('keeps the last `capacity` events: an id older than those is unknown, and gets a reset', async () => {
    const hub = new EventHub(3);
    for (let counter = 1; counter <= 5; counter++) hub.publish(ev('card-inserted', R, counter));
    expect(hub.history.map((e) => e.counter)).toEqual([3, 4, 5]);
    expect(hub.knows(`${R}#2`)).toBe(false);
    expect(hub.knows(`${R}#3`)).toBe(true);
    const sent: FeedMessage[] = [];
    const feed = openFeed(hub, {
      since: `${R}#2`,
      state: async () => [status(R, 5, true)],
      send: (m) => sent.push(m),
    });
    await feed.ready;
    expect(sent.map((m) => m.type)).toEqual(['reset', 'state']);
    feed.close();
  });
});

describe('sseFrame', () => {
  it('writes id, event and one data line; leaves out an id that would break the framing', () => {
    const hub = new EventHub();
    const inserted = hub.publish(ev('card-inserted', R, 2), new Date('2026-01-01T00:00:00Z'));
    expect(sseFrame(inserted)).toBe(
      `id: ${R}#2\nevent: card-inserted\ndata: ${JSON.stringify(inserted)}\n\n`,
    );
    expect(sseFrame({ type: 'reset', since: 'x\ny' })).toBe(
      'event: reset\ndata: {"type":"reset","since":"x\\ny"}\n\n',
    );
    const odd = hub.publish(ev('reader-added', 'Evil\nid: forged', 1));
    const frame = sseFrame(odd);
    expect(frame.startsWith('event: reader-added\ndata: ')).toBe(true);
    expect(frame.split('\n')).toHaveLength(4);
  });
});
