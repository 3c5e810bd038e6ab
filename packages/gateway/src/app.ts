/**
 * `buildApp(config, deps)`: the gateway as a Fastify app that never listens (server.ts does).
 * One plugin per concern, registered once: errors, security, OpenAPI, then the routes by
 * resource. Everything a route needs from outside (readers, tokens, log, audit) comes in
 * `deps`, so tests build the app around an in-process driver or the real pcscd alike.
 */

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { HealthCardData } from '@hcard/card-core';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GatewayConfig } from './config/config.js';
import type { Hotlist } from './config/hotlist.js';
import { TokenStore } from './config/tokens.js';
import { registerErrorHandling } from './errors.js';
import { requestIds } from './logging/line-parts.js';
import { OneLineRequestLog, requestChildLogger } from './logging/logger.js';
import type { IdCardService } from './readers/idcard-service.js';
import type { ReaderService } from './readers/reader-service.js';
import { applicationRoutes } from './routes/applications.js';
import { cardRoutes } from './routes/card.js';
import { compatRoutes } from './routes/compat.js';
import { deskRoutes } from './routes/desk.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { readerRoutes } from './routes/readers.js';
import { RateLimiter } from './security/rate-limit.js';
import { registerSecurity } from './security/security.js';
import { TicketStore } from './security/tickets.js';
import { VERSION } from './version.js';

export interface AuditEntry {
  readonly action: 'read' | 'write' | 'settle' | 'compat';
  readonly reader: string;
  readonly sections?: readonly string[];
  readonly function?: string;
}

/** What routes report to the cross-cutting parts (audit log, log masking). */
export interface GatewayHooks {
  /** Runs `job` and records who did what to which card, and how it ended. */
  audited<T>(request: FastifyRequest, entry: AuditEntry, job: () => Promise<T>): Promise<T>;
  /** Tells the log masker the names on a card read (once per card data object). */
  sawCard(data: HealthCardData): void;
  /** The same for names read elsewhere (SSSE, bank, ID card). */
  sawNames(names: readonly (string | undefined)[]): void;
}

export interface GatewayDeps {
  readonly service: ReaderService;
  /** Token lookup; default: the config's tokens, fixed. */
  readonly tokens?: TokenStore;
  /** Fastify logger option (a pino instance through `loggerInstance`, or `false`). */
  readonly loggerInstance?: FastifyInstance['log'];
  readonly hooks?: Partial<GatewayHooks>;
  /** The desk's ID-card reader, when the config names one. */
  readonly idCards?: IdCardService;
  /** The station's hotlist, for the identity check. */
  readonly hotlist?: Hotlist;
}

export async function buildApp(config: GatewayConfig, deps: GatewayDeps) {
  const app = Fastify({
    ...(deps.loggerInstance
      ? { loggerInstance: deps.loggerInstance, childLoggerFactory: requestChildLogger }
      : { logger: false }),
    logController: new OneLineRequestLog(deps.loggerInstance),
    bodyLimit: config.bodyLimit,
    // Closing the gateway ends idle keep-alive connections instead of waiting for them.
    forceCloseConnections: true,
    // Unknown fields are refused (400), not dropped: a misspelt field must not pass silently.
    ajv: { customOptions: { removeAdditional: false } },
    // Request ids for log lines and the audit trail.
    genReqId: requestIds(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const hooks: GatewayHooks = {
    audited: deps.hooks?.audited ?? ((_request, _entry, job) => job()),
    sawCard: deps.hooks?.sawCard ?? (() => undefined),
    sawNames: deps.hooks?.sawNames ?? (() => undefined),
  };

  const tickets = new TicketStore();
  registerErrorHandling(app);
  registerSecurity(app, {
    port: config.port,
    allowedHosts: config.allowedHosts,
    allowedOrigins: config.allowedOrigins,
    tokens: deps.tokens ?? new TokenStore(undefined, config.tokens),
    redeemTicket: (ticket) => tickets.redeem(ticket),
    rateLimiter: new RateLimiter(config.rateLimit.max, config.rateLimit.windowMs),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hcard gateway',
        version: VERSION,
        description: 'The resident health card over local HTTP.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  // The API's description and its page are public, like /openapi.json.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, scope: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/openapi.json', { config: { scope: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes);
  await app.register(readerRoutes, {
    service: deps.service,
    ...(deps.idCards ? { idCards: deps.idCards } : {}),
  });
  await app.register(cardRoutes, { service: deps.service, config, hooks });
  await app.register(applicationRoutes, {
    service: deps.service,
    config,
    hooks,
    ...(deps.idCards ? { idCards: deps.idCards } : {}),
    ...(deps.hotlist ? { hotlist: deps.hotlist } : {}),
  });
  await app.register(compatRoutes, { service: deps.service, hooks });
  await app.register(eventRoutes, { service: deps.service, tickets });
  await app.register(deskRoutes);
  return app;
}
