/**
 * One-time tickets for clients that cannot send an Authorization header (a browser's
 * EventSource and WebSocket): POST /v1/events/ticket with a bearer token gives a short-lived
 * ticket, good for one connection. (Stub: filled in by the events work.)
 */
import type { Principal } from '../config/tokens.js';

export class TicketStore {
  issue(_principal: Principal): { ticket: string; expiresInMs: number } {
    throw new Error('not implemented');
  }

  redeem(_ticket: string): Principal | undefined {
    return undefined;
  }
}
