/**
 * What one client of GET /v1/events (SSE) or /v1/events/ws (WebSocket) receives, in order,
 * whatever carries it:
 *
 * - with a known `since` (the id of the last event it saw): every event after that one, then
 *   live events; nothing else;
 * - without `since`: one `state` message (the readers as GET /v1/readers lists them), then
 *   live events;
 * - with a `since` the gateway does not know (too old for the kept history, or from before a
 *   restart): a `reset` message, then `state` as for a new client. The client drops what it
 *   knew and takes the state.
 *
 * The state and the live events meet without a gap or a duplicate: the subscription starts
 * before the readers are listed, and an event that arrives meanwhile is passed on only if its
 * counter is above the one the state shows for its reader (counters never go back).
 */
import type { ReaderStatus } from '../readers/reader-service.js';
import type { EventHub, GatewayEvent } from './event-hub.js';

export interface StateMessage {
  readonly type: 'state';
  readonly readers: readonly ReaderStatus[];
}

export interface ResetMessage {
  readonly type: 'reset';
  /** The id the client asked to resume after. */
  readonly since: string;
}

export type FeedMessage = GatewayEvent | StateMessage | ResetMessage;

export interface FeedOptions {
  /** Id of the last event the client saw (SSE Last-Event-ID, `?since=`). */
  readonly since?: string | undefined;
  /** The readers now (ReaderService.list). */
  readonly state: () => Promise<readonly ReaderStatus[]>;
  /** Hands one message to the client; must not throw. */
  readonly send: (message: FeedMessage) => void;
}

export interface Feed {
  /** Settles once the replay or the state has been sent; rejects if the state cannot be read. */
  readonly ready: Promise<void>;
  /** Ends the subscription (idempotent). */
  close(): void;
}

export function openFeed(hub: EventHub, options: FeedOptions): Feed {
  const { since, send } = options;
  if (since !== undefined && hub.knows(since)) {
    const unsubscribe = hub.subscribe(send, since);
    return { ready: Promise.resolve(), close: () => void unsubscribe() };
  }

  // New client, or one whose position is unknown: state first, with live events held back.
  let pending: GatewayEvent[] | undefined = [];
  let closed = false;
  const shown = new Map<string, number>();
  const forward = (event: GatewayEvent) => {
    if (event.counter > (shown.get(event.reader) ?? 0)) send(event);
  };
  const unsubscribe = hub.subscribe((event) => (pending ? pending.push(event) : forward(event)));
  const close = () => {
    closed = true;
    pending = undefined;
    unsubscribe();
  };
  const ready = (async () => {
    let readers: readonly ReaderStatus[];
    try {
      readers = await options.state();
    } catch (error) {
      close();
      throw error;
    }
    if (closed) return;
    for (const r of readers) shown.set(r.name, r.counter);
    if (since !== undefined) send({ type: 'reset', since });
    send({ type: 'state', readers });
    const held = pending ?? [];
    pending = undefined;
    for (const event of held) if (!closed) forward(event);
  })();
  return { ready, close };
}
