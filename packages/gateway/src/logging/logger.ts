/**
 * The gateway's pino logger: every line passes through the `PersonalDataMasker` as it is written
 * (`hooks.streamWrite`), after serialization, so the masking covers every field, message, error
 * stack and child-logger binding, whatever the caller logged. Request logs carry no headers at
 * all (so never an Authorization or Cookie) and URLs with secret query parameters redacted.
 *
 *   Fastify({ loggerInstance: createLogger({ level, masker }) })   // what buildApp takes
 *   Fastify({ logger: createLoggerOptions({ level, masker }) })    // or let Fastify build it
 */
import { type FastifyLoggerOptions, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type LevelWithSilent, type Logger, type LoggerOptions, pino } from 'pino';
import { type PersonalDataMasker, redactUrl } from './mask.js';

export interface GatewayLoggerConfig {
  /** Default 'info'. */
  readonly level?: LevelWithSilent;
  /** Where lines go; default standard output. */
  readonly destination?: DestinationStream;
  readonly masker: PersonalDataMasker;
}

/** What the `req` serializer keeps of a request: no headers, no body, the URL's secrets redacted. */
export interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  remoteAddress?: string;
  remotePort?: number;
  [key: string]: unknown;
}

interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly ip?: string;
  readonly socket?: { readonly remoteAddress?: string; readonly remotePort?: number } | null;
}

/** The `req` serializer: Fastify requests and raw `IncomingMessage`s alike. */
export function serializeRequest(req: RequestLike): LoggedRequest {
  const logged: LoggedRequest = {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
  if (req.host !== undefined) logged.host = req.host;
  return logged;
}

/** The `res` serializer: the status code only. */
export function serializeReply(reply: { readonly statusCode?: number }): { statusCode?: number } {
  return { statusCode: reply.statusCode };
}

export type GatewayLoggerOptions = LoggerOptions & FastifyLoggerOptions & { stream?: DestinationStream };

/**
 * pino options for `Fastify({ logger })` (and for `pino()` itself): level, request/reply/error
 * serializers and the masking hook; `stream` is the destination when one is given.
 */
export function createLoggerOptions(config: GatewayLoggerConfig): GatewayLoggerOptions {
  const { masker } = config;
  return {
    level: config.level ?? 'info',
    // ISO time: readable on a desk, and not a 13-digit number the masker must exempt on every line.
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { req: serializeRequest, res: serializeReply, err: pino.stdSerializers.err },
    hooks: { streamWrite: (line: string) => masker.mask(line) },
    ...(config.destination ? { stream: config.destination } : {}),
  };
}

/** A pino instance for `Fastify({ loggerInstance })`; its children (per-request loggers) mask too. */
export function createLogger(config: GatewayLoggerConfig): Logger {
  const { stream, ...options } = createLoggerOptions(config);
  return stream ? pino(options, stream) : pino(options);
}

/**
 * Fastify's request log as one line per request, written when it ends (Fastify writes an
 * "incoming request" line too): request, status and time in ms to 0.01. Each line costs a pino
 * write and a pass of the masker, so the busiest path writes one.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
