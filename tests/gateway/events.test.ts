/**
 * Reader and card events over real sockets: GET /v1/events (Server-Sent Events, read with
 * Node's fetch and parsed here) and GET /v1/events/ws (the `ws` client). The current state
 * first, events in order with counters +1, resuming with Last-Event-ID / ?since=, the reset
 * signal for an unknown id, keep-alives, one-time tickets, tokens and the Origin allow-list
 * (the WebSocket upgrade included), and no subscription left behind by a client that went away.
 * Every wait is bounded.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type GatewayRig, startGatewayRig, tokenOf, USER_READER } from '../support/gateway-rig.js';

const STEP_MS = 3000;

interface Frame {
  readonly comment?: string;
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
}

interface Message {
  readonly type: string;
  readonly id?: string;
  readonly reader?: string;
  readonly counter?: number;
  readonly atr?: string;
  readonly since?: string;
  readonly readers?: readonly { name: string; cardPresent: boolean; atr: string | null; counter: number }[];
}

/** Items pushed by a producer, taken one at a time with a deadline. */
class Inbox<T> {
  readonly #items: T[] = [];
  readonly #waiters: ((item: T | Error) => void)[] = [];
  #ended: Error | undefined;

  push(item: T): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(item);
    else this.#items.push(item);
  }

  end(reason: Error): void {
    this.#ended ??= reason;
    for (const w of this.#waiters.splice(0)) w(reason);
  }

  get ended(): boolean {
    return this.#ended !== undefined;
  }

  take(timeoutMs = STEP_MS): Promise<T> {
    const ready = this.#items.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(settle), 1);
        reject(new Error(`nothing arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = (item: T | Error) => {
        clearTimeout(timer);
        if (item instanceof Error) reject(item);
        else resolve(item);
      };
      this.#waiters.push(settle);
    });
  }

  /** Nothing arrives within `ms`. */
  async quiet(ms: number): Promise<void> {
    const item = await this.take(ms).catch(() => undefined);
    expect(item).toBeUndefined();
  }
}

/** One SSE connection through Node's fetch; frames parsed as they arrive. */
class SseClient {
  readonly frames = new Inbox<Frame>();
  readonly #abort: AbortController;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;

  private constructor(response: Response, abort: AbortController, body: string) {
    this.status = response.status;
    this.headers = response.headers;
    this.#abort = abort;
    this.body = body;
    if (response.ok && response.body) void this.#pump(response.body);
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('no response headers in time')), STEP_MS);
    try {
      const response = await fetch(url, { headers, signal: abort.signal });
      const body = response.ok ? '' : await response.text();
      return new SseClient(response, abort, body);
    } finally {
      clearTimeout(timer);
    }
  }

  async #pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let at = buffer.search(/\r?\n\r?\n/); at >= 0; at = buffer.search(/\r?\n\r?\n/)) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at).replace(/^\r?\n\r?\n/, '');
          this.frames.push(parseBlock(block));
        }
      }
      this.frames.end(new Error('the stream ended'));
    } catch (error) {
      this.frames.end(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The next frame that is not a comment. */
  async next(timeoutMs = STEP_MS): Promise<Frame & { message: Message }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await this.frames.take(Math.max(1, deadline - Date.now()));
      if (frame.comment !== undefined) continue;
      return { ...frame, message: JSON.parse(frame.data ?? 'null') as Message };
    }
  }

  close(): void {
    this.#abort.abort();
  }
}

function parseBlock(block: string): Frame {
  const frame: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) {
      frame.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    frame[field] = field === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
  }
  return frame;
}

/** One WebSocket client; messages collected from the start. */
interface WsClient {
  readonly ws: WebSocket;
  readonly messages: Inbox<Message>;
  readonly closed: Promise<{ code: number; reason: string }>;
}

function openWs(
  url: string,
  options: { headers?: Record<string, string>; origin?: string; autoPong?: boolean } = {},
): Promise<WsClient | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), {
      headers: options.headers ?? {},
      handshakeTimeout: STEP_MS,
      autoPong: options.autoPong ?? true,
      ...(options.origin ? { origin: options.origin } : {}),
    });
    const messages = new Inbox<Message>();
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => {
        messages.end(new Error(`socket closed (${code})`));
        done({ code, reason: reason.toString() });
      }),
    );
    ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('unexpected-response', (_request, response) => {
      // A refused upgrade: the answer, then the server must close the socket (else it stays
      // half-open on the server, and the gateway cannot close).
      let body = '';
      const socket = response.socket;
      const timer = setTimeout(() => {
        reject(new Error(`the server left a refused upgrade's socket open (${response.statusCode})`));
        ws.terminate();
      }, STEP_MS);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body });
      });
      response.on('data', (c: Buffer) => (body += c.toString()));
    });
    ws.on('error', (error) => reject(error));
  });
}

function connected(client: WsClient | { status: number; body: string }): WsClient {
  if (!('ws' in client)) throw new Error(`WebSocket refused: ${client.status} ${client.body}`);
  return client;
}

async function eventually(check: () => boolean, what: string, timeoutMs = STEP_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let rig: GatewayRig;
const auth = (client = 'all') => ({ authorization: `Bearer ${tokenOf(client)}` });
const subscribers = () => rig.service.events.subscriberCount;

beforeEach(async () => {
  rig = await startGatewayRig({ listen: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  const closing = rig.close();
  // After an aborted request Node's fetch opens a spare connection that never sends a request;
  // the server's close() would wait for it until fetch drops it (4 s). Tests of closing itself
  // do not rely on this.
  rig.app.server.closeAllConnections();
  await closing;
});

async function readersNow() {
  const response = await fetch(`${rig.url}/v1/readers`, {
    headers: auth(),
    signal: AbortSignal.timeout(STEP_MS),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { readers: Message['readers'] }).readers ?? [];
}

/** Takes the card out and puts it back `times` times. */
function cycleCard(times: number): void {
  for (let i = 0; i < times; i++) {
    rig.driver.remove(USER_READER);
    rig.driver.insert(USER_READER, rig.card);
  }
}

describe('GET /v1/events (SSE)', () => {
  it('sends the current state first, then events in order with the counter +1 each as the id', async () => {
    const readers = await readersNow();
    const user = readers.find((r) => r.name === USER_READER);
    expect(user).toMatchObject({ cardPresent: true });
    const sse = await SseClient.open(`${rig.url}/v1/events`, auth());
    try {
      expect(sse.status).toBe(200);
      expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const state = await sse.next();
      expect(state.event).toBe('state');
      expect(state.id).toBeUndefined();
      expect(state.message).toEqual({ type: 'state', readers });

      const start = user?.counter ?? 0;
      cycleCard(2);
      const types = ['card-removed', 'card-inserted', 'card-removed', 'card-inserted'];
      for (const [i, type] of types.entries()) {
        const frame = await sse.next();
        const counter = start + i + 1;
        expect(frame.event).toBe(type);
        expect(frame.id).toBe(`${USER_READER}#${counter}`);
        expect(frame.message).toMatchObject({ type, reader: USER_READER, counter, id: frame.id });
        if (type === 'card-inserted') expect(frame.message.atr).toBe(user?.atr);
        else expect(frame.message.atr).toBeUndefined();
      }
      // The state and the stream agree: the readers now show the last counter.
      expect((await readersNow()).find((r) => r.name === USER_READER)?.counter).toBe(start + 4);
    } finally {
      sse.close();
    }
  });

  it('gives a client that comes back with Last-Event-ID exactly what it missed', async () => {
    const first = await SseClient.open(`${rig.url}/v1/events`, auth());
    await first.next(); // state
    cycleCard(1);
    const seen = await first.next();
    expect(seen.event).toBe('card-removed');
    first.close();
    await eventually(() => subscribers() === 0, 'the first connection unsubscribed');

    const counter = seen.message.counter ?? 0;
    cycleCard(1); // missed: the insertion after `seen`, then this removal and insertion
    const missed = ['card-inserted', 'card-removed', 'card-inserted'];
    const back = await SseClient.open(`${rig.url}/v1/events`, { ...auth(), 'last-event-id': seen.id ?? '' });
    try {
      expect(back.status).toBe(200);
      for (const [i, type] of missed.entries()) {
        const frame = await back.next();
        expect([frame.event, frame.message.counter]).toEqual([type, counter + i + 1]);
      }
      // Nothing repeated or left over: the next thing is the next live event.
      await back.frames.quiet(100);
      rig.driver.remove(USER_READER);
      const live = await back.next();
      expect([live.event, live.message.counter]).toEqual(['card-removed', counter + missed.length + 1]);
    } finally {
      back.close();
    }
  });

  it('takes ?since= too (for a new EventSource), and Last-Event-ID over it', async () => {
    const first = await SseClient.open(`${rig.url}/v1/events`, auth());
    await first.next();
    cycleCard(2);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await first.next()).id ?? '');
    first.close();

    const bySince = await SseClient.open(
      `${rig.url}/v1/events?since=${encodeURIComponent(ids[1] ?? '')}`,
      auth(),
    );
    try {
      expect([(await bySince.next()).id, (await bySince.next()).id]).toEqual([ids[2], ids[3]]);
      await bySince.frames.quiet(50);
    } finally {
      bySince.close();
    }
    const both = await SseClient.open(`${rig.url}/v1/events?since=${encodeURIComponent(ids[0] ?? '')}`, {
      ...auth(),
      'last-event-id': ids[2] ?? '',
    });
    try {
      expect((await both.next()).id).toBe(ids[3]);
      await both.frames.quiet(50);
    } finally {
      both.close();
    }
  });

  it('takes an empty Last-Event-ID or ?since= for none: the state comes first', async () => {
    const sse = await SseClient.open(`${rig.url}/v1/events?since=`, { ...auth(), 'last-event-id': '' });
    try {
      expect(sse.status).toBe(200);
      expect((await sse.next()).event).toBe('state');
    } finally {
      sse.close();
    }
  });

  it('tells a client whose id is unknown to reset, then sends the state', async () => {
    for (const unknown of [`${USER_READER}#999`, 'Nope 00 00#1']) {
      const sse = await SseClient.open(`${rig.url}/v1/events`, { ...auth(), 'last-event-id': unknown });
      try {
        const reset = await sse.next();
        expect(reset.event).toBe('reset');
        expect(reset.id).toBeUndefined();
        expect(reset.message).toEqual({ type: 'reset', since: unknown });
        const state = await sse.next();
        expect(state.message).toEqual({ type: 'state', readers: await readersNow() });
        const counter = state.message.readers?.find((r) => r.name === USER_READER)?.counter ?? 0;
        rig.driver.remove(USER_READER);
        expect((await sse.next()).message).toMatchObject({ type: 'card-removed', counter: counter + 1 });
      } finally {
        sse.close();
        rig.driver.insert(USER_READER, rig.card);
      }
    }
  });

  it('sends a keep-alive comment every keepAliveMs', async () => {
    rig.service.events.keepAliveMs = 60;
    const sse = await SseClient.open(`${rig.url}/v1/events`, auth());
    try {
      await sse.next(); // state
      const comments: string[] = [];
      const started = Date.now();
      while (comments.length < 3) {
        const frame = await sse.frames.take(1000);
        expect(frame.comment).toBeDefined();
        comments.push(frame.comment ?? '');
      }
      expect(comments).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
      // Paced, not a burst: three comments span at least two periods.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 60 - 10);
    } finally {
      sse.close();
    }
  });

  it('leaves no subscription behind when clients go away', async () => {
    expect(subscribers()).toBe(0);
    const clients = await Promise.all([1, 2, 3].map(() => SseClient.open(`${rig.url}/v1/events`, auth())));
    for (const c of clients) await c.next();
    expect(subscribers()).toBe(3);
    clients[0]?.close();
    clients[1]?.close();
    await eventually(() => subscribers() === 1, 'two subscriptions ended');
    // The one left still gets events.
    rig.driver.remove(USER_READER);
    expect((await clients[2]?.next())?.event).toBe('card-removed');
    clients[2]?.close();
    await eventually(() => subscribers() === 0, 'the last subscription ended');
  });

  it('ends open streams when the gateway closes, so closing does not hang', async () => {
    const sse = await SseClient.open(`${rig.url}/v1/events`, auth());
    await sse.next();
    expect(subscribers()).toBe(1);
    const closing = rig.close();
    await expect(sse.frames.take()).rejects.toThrow(/the stream ended/);
    await Promise.race([
      closing,
      new Promise((_, reject) => setTimeout(() => reject(new Error('close hung')), STEP_MS)),
    ]);
    expect(subscribers()).toBe(0);
    rig = await startGatewayRig({ listen: true }); // for afterEach
  });

  it('needs a token (any scope) or a ticket, and an allowed Origin', async () => {
    const none = await SseClient.open(`${rig.url}/v1/events`);
    expect([none.status, JSON.parse(none.body).error.code]).toEqual([401, 'HCARD_E_UNAUTHENTICATED']);
    const wrong = await SseClient.open(`${rig.url}/v1/events`, { authorization: 'Bearer hcard_nope' });
    expect(wrong.status).toBe(401);
    const evil = await SseClient.open(`${rig.url}/v1/events`, { ...auth(), origin: 'http://evil.example' });
    expect([evil.status, JSON.parse(evil.body).error.code]).toEqual([403, 'HCARD_E_ORIGIN_REFUSED']);
    expect(subscribers()).toBe(0);

    // A token with no read scope at all may listen; a page of the gateway's own origin too.
    const settle = await SseClient.open(`${rig.url}/v1/events`, { ...auth('settle'), origin: rig.url });
    try {
      expect(settle.status).toBe(200);
      expect(settle.headers.get('access-control-allow-origin')).toBe(rig.url);
      expect((await settle.next()).event).toBe('state');
    } finally {
      settle.close();
    }
  });
});

describe('GET /v1/events/ws (WebSocket)', () => {
  it('sends the state first, then events in order; resumes with ?since=; resets on an unknown id', async () => {
    const readers = await readersNow();
    const start = readers.find((r) => r.name === USER_READER)?.counter ?? 0;
    const first = connected(await openWs(`${rig.url}/v1/events/ws`, { headers: auth() }));
    expect(await first.messages.take()).toEqual({ type: 'state', readers });
    cycleCard(1);
    const removed = await first.messages.take();
    const inserted = await first.messages.take();
    expect(removed).toMatchObject({
      type: 'card-removed',
      counter: start + 1,
      id: `${USER_READER}#${start + 1}`,
    });
    expect(inserted).toMatchObject({
      type: 'card-inserted',
      counter: start + 2,
      id: `${USER_READER}#${start + 2}`,
    });
    first.ws.close();
    await first.closed;

    cycleCard(1); // missed: start+3, start+4
    const back = connected(
      await openWs(`${rig.url}/v1/events/ws?since=${encodeURIComponent(removed.id ?? '')}`, {
        headers: auth(),
      }),
    );
    try {
      const replayed = [await back.messages.take(), await back.messages.take(), await back.messages.take()];
      expect(replayed.map((m) => [m.type, m.counter])).toEqual([
        ['card-inserted', start + 2],
        ['card-removed', start + 3],
        ['card-inserted', start + 4],
      ]);
      await back.messages.quiet(100);
    } finally {
      back.ws.close();
    }

    const lost = connected(
      await openWs(`${rig.url}/v1/events/ws?since=Emu%2000%2000%23999`, { headers: auth() }),
    );
    try {
      expect(await lost.messages.take()).toEqual({ type: 'reset', since: 'Emu 00 00#999' });
      expect(await lost.messages.take()).toMatchObject({ type: 'state', readers: await readersNow() });
      rig.driver.remove(USER_READER);
      expect(await lost.messages.take()).toMatchObject({ type: 'card-removed', counter: start + 5 });
    } finally {
      lost.ws.close();
    }
  });

  it('needs a token or a ticket; the Origin allow-list applies to the upgrade', async () => {
    const url = `${rig.url}/v1/events/ws`;
    const none = await openWs(url);
    expect(none).toMatchObject({ status: 401 });
    expect(JSON.parse((none as { body: string }).body).error.code).toBe('HCARD_E_UNAUTHENTICATED');
    expect(await openWs(url, { headers: { authorization: 'Bearer hcard_nope' } })).toMatchObject({
      status: 401,
    });
    const evil = await openWs(url, { headers: auth(), origin: 'http://evil.example' });
    expect(evil).toMatchObject({ status: 403 });
    expect(JSON.parse((evil as { body: string }).body).error.code).toBe('HCARD_E_ORIGIN_REFUSED');
    expect(subscribers()).toBe(0);

    const own = connected(await openWs(url, { headers: auth('settle'), origin: rig.url }));
    try {
      expect((await own.messages.take()).type).toBe('state');
    } finally {
      own.ws.close();
    }
    // A plain GET is no WebSocket.
    const plain = await fetch(url, { headers: auth(), signal: AbortSignal.timeout(STEP_MS) });
    expect(plain.status).toBe(400);
  });

  it('pings every keepAliveMs and drops a client that stops answering', async () => {
    rig.service.events.keepAliveMs = 50;
    const polite = connected(await openWs(`${rig.url}/v1/events/ws`, { headers: auth() }));
    const silent = connected(await openWs(`${rig.url}/v1/events/ws`, { headers: auth(), autoPong: false }));
    try {
      let pings = 0;
      polite.ws.on('ping', () => pings++);
      await eventually(() => subscribers() === 2, 'both subscribed');
      const { code } = await Promise.race([
        silent.closed,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not dropped')), STEP_MS)),
      ]);
      expect(code).toBe(1006); // terminated, no close frame
      await eventually(() => pings >= 3, 'three pings to the polite client');
      expect(polite.ws.readyState).toBe(WebSocket.OPEN);
      expect(subscribers()).toBe(1);
    } finally {
      polite.ws.close();
      silent.ws.terminate();
    }
    await eventually(() => subscribers() === 0, 'the polite client unsubscribed');
  });

  it('leaves no subscription behind when clients close or vanish, and closes them when the gateway stops', async () => {
    const url = `${rig.url}/v1/events/ws`;
    const a = connected(await openWs(url, { headers: auth() }));
    const b = connected(await openWs(url, { headers: auth() }));
    const c = connected(await openWs(url, { headers: auth() }));
    for (const client of [a, b, c]) await client.messages.take();
    expect(subscribers()).toBe(3);
    a.ws.close();
    b.ws.terminate(); // no close handshake
    await eventually(() => subscribers() === 1, 'two subscriptions ended');
    const closing = rig.close();
    expect((await c.closed).code).toBe(1001);
    await Promise.race([
      closing,
      new Promise((_, reject) => setTimeout(() => reject(new Error('close hung')), STEP_MS)),
    ]);
    expect(subscribers()).toBe(0);
    rig = await startGatewayRig({ listen: true }); // for afterEach
  });
});

describe('POST /v1/events/ticket', () => {
  async function ticket(headers: Record<string, string> = auth()) {
    const response = await fetch(`${rig.url}/v1/events/ticket`, {
      method: 'POST',
      headers,
      signal: AbortSignal.timeout(STEP_MS),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { ticket: string; expiresInMs: number },
    };
  }

  it('needs a bearer token (any scope) and gives a ticket for 30 s', async () => {
    expect((await ticket({})).status).toBe(401);
    const issued = await ticket(auth('settle'));
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toEqual({
      ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresInMs: 30_000,
    });
    // A ticket does not buy another ticket, nor anything but the event streams.
    const t = issued.body.ticket;
    const minted = await fetch(`${rig.url}/v1/events/ticket?ticket=${t}`, {
      method: 'POST',
      signal: AbortSignal.timeout(STEP_MS),
    });
    expect(minted.status).toBe(401);
    const readers = await fetch(`${rig.url}/v1/readers?ticket=${t}`, {
      signal: AbortSignal.timeout(STEP_MS),
    });
    expect(readers.status).toBe(401);
    // …and those refusals did not spend it.
    const sse = await SseClient.open(`${rig.url}/v1/events?ticket=${t}`);
    try {
      expect(sse.status).toBe(200);
    } finally {
      sse.close();
    }
  });

  it('opens one SSE connection, once', async () => {
    const { ticket: t } = (await ticket()).body;
    const sse = await SseClient.open(`${rig.url}/v1/events?ticket=${t}`);
    try {
      expect(sse.status).toBe(200);
      expect((await sse.next()).event).toBe('state');
    } finally {
      sse.close();
    }
    const again = await SseClient.open(`${rig.url}/v1/events?ticket=${t}`);
    expect([again.status, JSON.parse(again.body).error.code]).toEqual([401, 'HCARD_E_UNAUTHENTICATED']);
    const forged = await SseClient.open(`${rig.url}/v1/events?ticket=${t.slice(0, -2)}AA`);
    expect(forged.status).toBe(401);
  });

  it('opens one WebSocket, once, and not for a page of a foreign origin', async () => {
    const { ticket: t } = (await ticket()).body;
    const evil = await openWs(`${rig.url}/v1/events/ws?ticket=${t}`, { origin: 'http://evil.example' });
    expect(evil).toMatchObject({ status: 403 });
    const ws = connected(await openWs(`${rig.url}/v1/events/ws?ticket=${t}`, { origin: rig.url }));
    try {
      expect((await ws.messages.take()).type).toBe('state');
    } finally {
      ws.ws.close();
    }
    expect(await openWs(`${rig.url}/v1/events/ws?ticket=${t}`)).toMatchObject({ status: 401 });
  });

  it('expires', async () => {
    const { ticket: t, expiresInMs } = (await ticket()).body;
    const now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => now + expiresInMs + 1);
    const late = await SseClient.open(`${rig.url}/v1/events?ticket=${t}`);
    vi.restoreAllMocks();
    expect(late.status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the streams and the ticket', async () => {
    const response = await fetch(`${rig.url}/openapi.json`, { signal: AbortSignal.timeout(STEP_MS) });
    const doc = (await response.json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const sse = doc.paths['/v1/events']?.get;
    expect(sse?.description).toMatch(/Last-Event-ID/);
    expect(sse?.responses).toMatchObject({ 200: { content: { 'text/event-stream': {} } }, 401: {} });
    expect(doc.paths['/v1/events/ws']?.get?.description).toMatch(/since=/);
    expect(doc.paths['/v1/events/ticket']?.post?.responses).toMatchObject({ 200: {}, 401: {} });
  });
});
