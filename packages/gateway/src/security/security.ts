/**
 * The gateway's front door, in the order a request meets it (architecture.md §7):
 * Host allow-list (DNS rebinding), Origin allow-list with CORS and Private/Local Network Access
 * preflights, then bearer tokens with scopes, then the rate limit per client. Each route
 * declares what it needs in its `config.scope`; a route that declares nothing needs a valid
 * token (default deny).
 */
import { hcardError } from '@hcard/card-core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Scope } from '../config/config.js';
import type { Principal, TokenStore } from '../config/tokens.js';
import type { RateLimiter } from './rate-limit.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': no token; a scope: a token with it; absent: any valid token. */
    scope?: Scope | 'public';
    /** The route also accepts a one-time `ticket` query parameter (EventSource, WebSocket). */
    ticket?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export interface SecurityOptions {
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly tokens: TokenStore;
  /** Redeems a one-time ticket (see routes that set `config.ticket`). */
  readonly redeemTicket?: (ticket: string) => Principal | undefined;
  /** Requests per client (or address, without a token) and window. */
  readonly rateLimiter?: RateLimiter;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, last-event-id';

export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  // The port is the one listened on (an ephemeral port in tests), else the configured one;
  // worked out once per listen, not per request.
  let allowed: { hosts: Set<string>; origins: Set<string> } | undefined;
  const current = () => {
    if (allowed) return allowed;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const computed = {
      hosts: new Set([
        ...LOOPBACK_NAMES.map((h) => `${h}:${port}`),
        ...options.allowedHosts.map((h) => h.toLowerCase()),
      ]),
      // The gateway's own pages (the desk) call it from these origins.
      origins: new Set([
        ...LOOPBACK_NAMES.map((h) => `http://${h}:${port}`),
        ...options.allowedOrigins.map((o) => o.toLowerCase()),
      ]),
    };
    if (app.server.listening) allowed = computed;
    return computed;
  };

  // Callback style, not async: the checks are synchronous, so no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    const { hosts, origins } = current();
    const host = request.headers.host;
    if (host === undefined || !hosts.has(host.toLowerCase()))
      return done(hcardError('HCARD_E_HOST_REFUSED', `"${host ?? ''}"`));

    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!origins.has(origin)) return done(hcardError('HCARD_E_ORIGIN_REFUSED', `"${origin}"`));
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      // Answered here: the hook chain stops without `done`.
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'])
        return void preflight(request, reply);
    }

    const scope = request.routeOptions.config?.scope;
    if (scope === 'public') return done();
    const principal = authenticate(request, options);
    if (!principal) return done(hcardError('HCARD_E_UNAUTHENTICATED'));
    if (scope !== undefined && !principal.scopes.has(scope))
      return done(hcardError('HCARD_E_FORBIDDEN', `this needs the scope ${scope}`, { scope }));
    request.principal = principal;
    done();
  });

  // Counted once a request is well-formed (after its body is parsed), like any other client error.
  const limiter = options.rateLimiter;
  if (limiter)
    app.addHook('preHandler', (request, reply, done) => {
      const wait = limiter.take(request.principal?.client ?? request.ip);
      if (wait === undefined) return done();
      reply.header('retry-after', String(wait));
      done(hcardError('HCARD_E_RATE_LIMITED'));
    });
}

function preflight(request: FastifyRequest, reply: FastifyReply) {
  reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  reply.header('access-control-allow-headers', ALLOWED_HEADERS);
  reply.header('access-control-max-age', '600');
  // Chrome's Private Network Access (and its Local Network Access successor) asks first.
  if (request.headers['access-control-request-private-network'] === 'true')
    reply.header('access-control-allow-private-network', 'true');
  if (request.headers['access-control-request-local-network'] === 'true')
    reply.header('access-control-allow-local-network', 'true');
  return reply.code(204).send();
}

function authenticate(request: FastifyRequest, options: SecurityOptions): Principal | undefined {
  const header = request.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return options.tokens.authenticateOn(request.raw.socket, bearer);
  if (request.routeOptions.config?.ticket && options.redeemTicket) {
    const ticket = (request.query as { ticket?: unknown } | undefined)?.ticket;
    if (typeof ticket === 'string') return options.redeemTicket(ticket);
  }
  return undefined;
}
