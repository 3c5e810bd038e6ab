/**
 * Reader and card events over Server-Sent Events (`GET /v1/events`) and WebSocket
 * (`GET /v1/events/ws`), and the one-time tickets browsers use for them
 * (`POST /v1/events/ticket`). Both streams carry the same messages (events/feed.ts):
 *
 * - a reader or card event (`reader-added`, `reader-removed`, `card-inserted`, `card-removed`,
 *   and `idcard-placed` when an ID card was read on the desk's ID-card reader)
 *   with its id `<reader>#<counter>`; the counter goes up by one per event of that reader;
 * - `state`: the readers as GET /v1/readers lists them; first on a connection without an id;
 * - `reset`: the id the client resumed from is unknown (too old or from before a restart); a
 *   `state` follows at once, which replaces whatever the client knew.
 *
 * SSE frame: `id: <id>` (events only), `event: <type>`, `data: <the message as JSON>`; a
 * keep-alive comment every `EventHub.keepAliveMs` (15 s). WebSocket: one JSON text message
 * each; a ping every `keepAliveMs`, and a client that missed the previous pong is dropped.
 *
 * Access: any valid token (events carry reader names, counters, ATRs and times, no personal
 * data), as `Authorization: Bearer` or as a `?ticket=` from POST /v1/events/ticket. The Host
 * and Origin allow-lists apply as everywhere, the WebSocket upgrade included.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import { hcardError } from '@hcard/card-core';
import { Type } from 'typebox';
import { ErrorBody, toCatalogueError } from '../errors.js';
import { type Feed, type FeedMessage, openFeed } from '../events/feed.js';
import type { ReaderService } from '../readers/reader-service.js';
import type { TicketStore } from '../security/tickets.js';

export interface EventRoutesOptions {
  readonly service: ReaderService;
  readonly tickets: TicketStore;
}

/** A client that lets this much pile up unread is dropped; it resumes with its last id. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Longest id accepted (a PC/SC reader name is at most a few hundred bytes). */
const MAX_ID_LENGTH = 512;

const EventType = Type.Union([
  Type.Literal('reader-added'),
  Type.Literal('reader-removed'),
  Type.Literal('card-inserted'),
  Type.Literal('card-removed'),
  Type.Literal('idcard-placed'),
]);

export const GatewayEventSchema = Type.Object(
  {
    id: Type.String({ description: '`<reader>#<counter>`: the SSE id, and what `since` takes' }),
    type: EventType,
    reader: Type.String(),
    counter: Type.Integer({ description: '+1 per event of this reader; never goes back' }),
    atr: Type.Optional(Type.String({ description: 'hex, on card-inserted' })),
    time: Type.String({ format: 'date-time' }),
  },
  { $id: 'GatewayEvent' },
);

const ReaderState = Type.Object({
  name: Type.String(),
  cardPresent: Type.Boolean(),
  atr: Type.Union([Type.String(), Type.Null()]),
  counter: Type.Integer({ description: 'the counter of the reader’s latest event' }),
  psam: Type.Union([Type.String(), Type.Null()], { description: 'the paired PSAM slot' }),
});

export const StateMessageSchema = Type.Object({
  type: Type.Literal('state'),
  readers: Type.Array(ReaderState),
});

export const ResetMessageSchema = Type.Object({
  type: Type.Literal('reset'),
  since: Type.String({ description: 'the id the client asked to resume after' }),
});

const Since = Type.String({
  maxLength: MAX_ID_LENGTH,
  description: 'id of the last event seen: what was missed since then comes first',
});
const Ticket = Type.String({
  minLength: 1,
  maxLength: 128,
  description: 'one-time ticket from POST /v1/events/ticket, for clients that cannot send headers',
});
const StreamQuery = Type.Object({ since: Type.Optional(Since), ticket: Type.Optional(Ticket) });

const PROTOCOL = `Messages: a reader or card event (\`reader-added\`, \`reader-removed\`, \`card-inserted\` with the
ATR, \`card-removed\`, \`idcard-placed\` with the ID-card reader's port as the reader; id
\`<reader>#<counter>\`, the counter +1 per event of that reader); \`state\`
(\`{ type, readers }\`, the readers as GET /v1/readers lists them); \`reset\` (\`{ type, since }\`).

- Without an id: \`state\` first, then live events. Nothing is missed or repeated between them.
- With the id of the last event seen: every event after it, then live ones (no \`state\`).
- With an id the gateway no longer knows (too old, or from before a restart): \`reset\`, then
  \`state\`; drop what you knew and take the state.

Any valid token may listen (no scope: events carry reader names, counters and ATRs only). Browsers,
which cannot send a header here, get a one-time \`ticket\` from POST /v1/events/ticket; a ticket
opens one connection, so reconnect with a new ticket and \`since\`.`;

export const eventRoutes: FastifyPluginAsyncTypebox<EventRoutesOptions> = async (
  app,
  { service, tickets },
) => {
  const hub = service.events;
  /** Ends every open stream (the gateway is closing: open streams would keep it waiting). */
  const open = new Set<() => void>();
  // Before the WebSocket plugin's own preClose, so sockets get our close code (1001).
  app.addHook('preClose', (done) => {
    for (const end of [...open]) end();
    done();
  });
  // One registration per app: app.ts may register it for everyone.
  if (!app.hasDecorator('websocketServer')) await app.register(websocket, { options: { maxPayload: 4096 } });

  app.post(
    '/v1/events/ticket',
    {
      schema: {
        summary: 'A one-time ticket for the event streams',
        description:
          'For clients that cannot send an Authorization header (EventSource, a browser WebSocket): ' +
          'pass the ticket as `?ticket=` to GET /v1/events or /v1/events/ws within `expiresInMs`. ' +
          'It opens one connection; the next one needs a new ticket. Needs a bearer token, any scope.',
        tags: ['events'],
        response: {
          200: Type.Object({
            ticket: Type.String(),
            expiresInMs: Type.Integer({ description: 'the ticket is refused after this' }),
          }),
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      if (!request.principal) throw hcardError('HCARD_E_UNAUTHENTICATED');
      reply.header('cache-control', 'no-store');
      return tickets.issue(request.principal);
    },
  );

  app.get(
    '/v1/events',
    {
      config: { ticket: true },
      exposeHeadRoute: false,
      schema: {
        summary: 'Reader and card events (Server-Sent Events)',
        description: `A \`text/event-stream\`. Each frame: \`id: <reader>#<counter>\` (events only), \`event: <type>\`,
\`data: <the message as JSON>\`. A comment line every 15 s keeps it open. Resume with the
\`Last-Event-ID\` header (EventSource sends it when it reconnects) or \`?since=\`; the header wins.

${PROTOCOL}`,
        tags: ['events'],
        querystring: StreamQuery,
        headers: Type.Object({ 'last-event-id': Type.Optional(Since) }),
        response: {
          200: {
            description: 'the event stream',
            // A string in the document; a stream in the handler (never serialised).
            content: { 'text/event-stream': { schema: Type.Unsafe<Readable>({ type: 'string' }) } },
          },
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      // An empty id is no id.
      const since = request.headers['last-event-id'] || request.query.since || undefined;
      const stream = new PassThrough();
      let ended = false;
      let feed: Feed | undefined;
      let keepAlive: NodeJS.Timeout | undefined;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(keepAlive);
        feed?.close();
        open.delete(end);
        stream.end();
      };
      const write = (chunk: string) => {
        if (ended) return;
        stream.write(chunk);
        if (stream.writableLength > MAX_BUFFERED_BYTES) end();
      };
      // Sends the headers at once, before the first event.
      write(': hcard events\n\n');
      feed = openFeed(hub, { since, state: () => service.list(), send: (m) => write(sseFrame(m)) });
      // A replay that overflowed the buffer has ended the stream already.
      if (ended) feed.close();
      else open.add(end);
      stream.on('close', end);
      try {
        await feed.ready;
      } catch (error) {
        end();
        throw error;
      }
      keepAlive = setInterval(() => write(': keep-alive\n\n'), hub.keepAliveMs);
      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          // The connection ends with the stream: nothing idles on after it (a closing gateway
          // would wait for it).
          .header('connection', 'close')
          .send(stream)
      );
    },
  );

  app.route({
    method: 'GET',
    url: '/v1/events/ws',
    config: { ticket: true },
    exposeHeadRoute: false,
    schema: {
      summary: 'Reader and card events (WebSocket)',
      description: `Upgrade to WebSocket; a plain GET is refused (400). One JSON text message per event, \`state\` or
\`reset\`; the client sends nothing. Resume with \`?since=<id of the last event seen>\`. The server pings
every 15 s and drops a client that did not answer the previous ping. If the readers cannot be
listed the socket closes with code 1011 and the error code as the reason.

${PROTOCOL}`,
      tags: ['events'],
      querystring: StreamQuery,
      response: {
        101: { description: 'Switching Protocols: the WebSocket' },
        400: ErrorBody,
        401: ErrorBody,
        403: ErrorBody,
        429: ErrorBody,
      },
    },
    handler: async () => {
      throw hcardError('HCARD_E_ARG_INVALID', 'GET /v1/events/ws needs a WebSocket upgrade');
    },
    // An upgrade refused before the WebSocket plugin saw it (Host, Origin, token: the security
    // hook runs first) is answered over the raw socket, which nothing closes afterwards: a
    // half-open socket that would also keep the gateway from closing. (Hijacked, accepted
    // upgrades never get here.)
    onResponse: async (request) => {
      if (request.headers.upgrade !== undefined) request.raw.socket?.destroy();
    },
    wsHandler: (socket, request) => {
      let ended = false;
      let answered = true;
      let feed: Feed | undefined;
      let keepAlive: NodeJS.Timeout | undefined;
      /** Ends the subscription; closes the socket with `code`, or drops it without one. */
      const end = (code?: number, reason?: string) => {
        if (ended) return;
        ended = true;
        clearInterval(keepAlive);
        feed?.close();
        open.delete(closeForShutdown);
        if (socket.readyState === socket.CLOSED) return;
        if (code !== undefined) socket.close(code, reason);
        else socket.terminate();
      };
      const closeForShutdown = () => end(1001, 'gateway closing');
      const send = (message: FeedMessage) => {
        if (ended || socket.readyState !== socket.OPEN) return;
        socket.send(JSON.stringify(message));
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) end();
      };
      feed = openFeed(hub, { since: request.query.since || undefined, state: () => service.list(), send });
      if (ended) feed.close();
      else open.add(closeForShutdown);
      socket.on('close', () => end());
      socket.on('pong', () => {
        answered = true;
      });
      keepAlive = setInterval(() => {
        if (!answered) return end();
        answered = false;
        socket.ping();
      }, hub.keepAliveMs);
      feed.ready.catch((error: unknown) => end(1011, toCatalogueError(error).code));
    },
  });
};

/** An SSE frame; the id line is left out when it could break the framing. */
export function sseFrame(message: FeedMessage): string {
  const id = message.type === 'state' || message.type === 'reset' ? undefined : message.id;
  const idLine = id !== undefined && !/[\r\n\0]/.test(id) ? `id: ${id}\n` : '';
  return `${idLine}event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`;
}
