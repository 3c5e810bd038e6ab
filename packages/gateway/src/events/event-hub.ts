/**
 * Reader and card events for HTTP clients: every event the driver reports (and the ID-card
 * reader's `idcard-placed`), kept in a bounded
 * history in arrival order, handed to every subscriber. An event's id is its reader and that
 * reader's counter (`<reader>#<counter>`); a client that reconnects with the id of the last
 * event it saw gets everything after it. How the events reach HTTP clients (the current state
 * first, resets, keep-alives): `feed.ts` and routes/events.ts.
 */
import { toHex } from '@hcard/card-core';
import type { ReaderEvent } from '@hcard/reader-driver';

/** An ID card placed on the desk's ID-card reader (and read): `reader` is its serial port. */
export interface IdCardEvent {
  readonly type: 'idcard-placed';
  readonly reader: string;
  readonly counter: number;
}

export type HubEvent = ReaderEvent | IdCardEvent;

export interface GatewayEvent {
  readonly id: string;
  readonly type: HubEvent['type'];
  readonly reader: string;
  /** The reader's event counter: +1 per event of that reader, never going back. */
  readonly counter: number;
  readonly atr?: string;
  readonly time: string;
}

export const eventId = (reader: string, counter: number): string => `${reader}#${counter}`;

export class EventHub {
  readonly #history: GatewayEvent[] = [];
  readonly #subscribers = new Set<(event: GatewayEvent) => void>();

  /** Keep-alive period of the streams that carry these events to clients (SSE comments, WS pings). */
  keepAliveMs = 15_000;

  constructor(readonly capacity = 1000) {}

  publish(event: HubEvent, time = new Date()): GatewayEvent {
    const e: GatewayEvent = {
      id: eventId(event.reader, event.counter),
      type: event.type,
      reader: event.reader,
      counter: event.counter,
      ...(event.type === 'card-inserted' ? { atr: toHex(event.atr) } : {}),
      time: time.toISOString(),
    };
    this.#history.push(e);
    if (this.#history.length > this.capacity) this.#history.shift();
    for (const s of this.#subscribers) {
      // One failing subscriber (a client's broken socket) must not stop the others, nor the
      // reader service's loop that publishes.
      try {
        s(e);
      } catch {
        this.#subscribers.delete(s);
      }
    }
    return e;
  }

  /**
   * Events after the one with id `since` (all kept events if it is unknown or too old to be
   * kept, which the caller may tell apart with `knows`), then live ones, until unsubscribed.
   */
  subscribe(listener: (event: GatewayEvent) => void, since?: string): () => void {
    const at =
      since === undefined ? this.#history.length : this.#history.findIndex((e) => e.id === since) + 1;
    for (const e of this.#history.slice(since === undefined ? this.#history.length : at)) listener(e);
    this.#subscribers.add(listener);
    return () => this.#subscribers.delete(listener);
  }

  /** Subscriptions still open (tests check that clients that went away left none behind). */
  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  knows(id: string): boolean {
    return this.#history.some((e) => e.id === id);
  }

  get history(): readonly GatewayEvent[] {
    return this.#history;
  }
}
