/**
 * One-time tickets for clients that cannot send an Authorization header (a browser's
 * EventSource and WebSocket): POST /v1/events/ticket with a bearer token gives a short-lived
 * ticket, good for one connection. The ticket then travels in the URL (`?ticket=`), which may
 * be logged; by then it is spent, so a log line never holds a credential that still works.
 *
 * A ticket is 32 random bytes (base64url). The store keeps only its SHA-256, redeems it at most
 * once, forgets it after `ttlMs`, and holds at most `capacity` tickets (the oldest go first).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../config/tokens.js';

export interface TicketStoreOptions {
  /** How long a ticket stays redeemable; default 30 s. */
  readonly ttlMs?: number;
  /** Most tickets kept at once; issuing beyond it drops the oldest. Default 1000. */
  readonly capacity?: number;
  /** Monotonic clock in ms (tests). */
  readonly now?: () => number;
}

export interface IssuedTicket {
  readonly ticket: string;
  readonly expiresInMs: number;
}

/** Longest string `redeem` hashes (a real ticket is 43 characters). */
const MAX_TICKET_LENGTH = 128;

const digest = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

export class TicketStore {
  readonly ttlMs: number;
  readonly capacity: number;
  readonly #now: () => number;
  /** SHA-256 of the ticket → who it is for and when it expires; insertion order = expiry order. */
  readonly #tickets = new Map<string, { readonly principal: Principal; readonly expires: number }>();

  constructor(options: TicketStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.capacity = Math.max(1, options.capacity ?? 1000);
    this.#now = options.now ?? (() => performance.now());
  }

  issue(principal: Principal): IssuedTicket {
    const now = this.#now();
    this.#sweep(now);
    while (this.#tickets.size >= this.capacity) {
      const oldest = this.#tickets.keys().next().value;
      if (oldest === undefined) break;
      this.#tickets.delete(oldest);
    }
    const ticket = randomBytes(32).toString('base64url');
    this.#tickets.set(digest(ticket), { principal, expires: now + this.ttlMs });
    return { ticket, expiresInMs: this.ttlMs };
  }

  /** The ticket's principal the first time it is presented within its lifetime; else undefined. */
  redeem(ticket: string): Principal | undefined {
    if (typeof ticket !== 'string' || ticket.length === 0 || ticket.length > MAX_TICKET_LENGTH)
      return undefined;
    const key = digest(ticket);
    const entry = this.#tickets.get(key);
    if (!entry) return undefined;
    this.#tickets.delete(key);
    return entry.expires > this.#now() ? entry.principal : undefined;
  }

  /** Tickets held (expired ones included until the next issue sweeps them). */
  get size(): number {
    return this.#tickets.size;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#tickets) {
      if (entry.expires > now) break;
      this.#tickets.delete(key);
    }
  }
}
