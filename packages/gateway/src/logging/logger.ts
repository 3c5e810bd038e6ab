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
import { isoAt, isUuid } from './line-parts.js';
import { LineQueue } from './line-queue.js';
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

/**
 * The `req` serializer: Fastify requests and raw `IncomingMessage`s alike. The port comes last:
 * the part before it repeats from request to request (see `OneLineRequestLog`).
 */
export function serializeRequest(req: RequestLike): LoggedRequest {
  const logged: LoggedRequest = {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
  };
  if (req.host !== undefined) logged.host = req.host;
  logged.remoteAddress = req.ip ?? req.socket?.remoteAddress;
  logged.remotePort = req.socket?.remotePort;
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

/** What a logger made here writes to, for `OneLineRequestLog`'s own lines. */
interface LineSink {
  readonly masker: PersonalDataMasker;
  /** Writes the line `format` makes: when its batch is written, for a `LineQueue`. */
  readonly writeLater: (format: () => string) => void;
}
const sinks = new WeakMap<object, LineSink>();

/** A pino instance for `Fastify({ loggerInstance })`; its children (per-request loggers) mask too. */
export function createLogger(config: GatewayLoggerConfig): Logger {
  const { stream, ...options } = createLoggerOptions(config);
  if (!stream) return pino(options);
  const logger = pino(options, stream);
  const writeLater =
    stream instanceof LineQueue
      ? (format: () => string) => stream.writeLater(format)
      : (format: () => string) => stream.write(format());
  sinks.set(logger, { masker: config.masker, writeLater });
  return logger;
}

const { chindingsSym } = pino.symbols;

/**
 * Fastify's `childLoggerFactory`: each request's logger. Where the only binding is a UUID request
 * id (the gateway's, `requestIds`) and the route sets no log options, the child is made as pino's
 * `child` makes it, its bindings text being the parent's and `,"reqId":"<id>"`: a UUID needs no
 * escaping, and pino's general path spends about a microsecond a request on it. Anything else
 * takes pino's way.
 */
export function requestChildLogger<L extends object>(logger: L, bindings: object, options: object): L {
  const reqId = (bindings as { reqId?: unknown }).reqId;
  const parent = logger as unknown as Logger & Record<symbol, unknown>;
  const parentBindings = parent[chindingsSym];
  if (
    typeof parentBindings !== 'string' ||
    typeof reqId !== 'string' ||
    !isUuid(reqId) ||
    Object.keys(bindings).length !== 1 ||
    Object.keys(options).length !== 0
  )
    return parent.child(bindings, options) as unknown as L;
  const child = Object.create(parent) as Logger & Record<symbol, unknown>;
  child[chindingsSym] = `${parentBindings},"reqId":"${reqId}"`;
  parent.onChild(child);
  return child as unknown as L;
}

/**
 * Fastify's request log as one line per request, written when it ends (Fastify writes an
 * "incoming request" line too): request, status and time in ms to 0.01.
 *
 * It is the line every request writes, so when the logger is one of `createLogger`'s it is
 * written here, byte for byte as pino would write it, without pino's pass of the masker over
 * the whole line: the time, the UUID request id, the port, status and duration are numbers this
 * process made, and the rest (the logger's bindings and the request: method, URL, Host,
 * address) goes through the same masker, remembered while it repeats (`maskRecurring`).
 * The request keeps only those values; when the logger writes to a `LineQueue` (as the gateway's
 * does), the line is made when its batch is written (`LineQueue.writeLater`), so a name learned
 * meanwhile is masked in it too. Errors, and loggers from elsewhere, take pino's way.
 */
export class OneLineRequestLog extends LogController {
  readonly #sink: LineSink | undefined;

  /** `logger`: the app's `loggerInstance`, if any. */
  constructor(logger?: object) {
    super();
    this.#sink = logger && sinks.get(logger);
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const responseTime = Math.round(reply.elapsedTime * 100) / 100;
    if (!error && this.#sink && this.#writeLine(this.#sink, request, reply, responseTime)) return;
    const line = { req: request, res: reply, responseTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  /** Writes pino's "request completed" line; false when this request needs pino's way. */
  #writeLine(sink: LineSink, request: FastifyRequest, reply: FastifyReply, responseTime: number): boolean {
    // The sink is only known for createLogger's loggers, so reply.log is a pino child.
    const log = reply.log as unknown as Logger;
    if (!log.isLevelEnabled('info')) return true;
    const bindings = (log as unknown as Record<symbol, unknown>)[chindingsSym];
    const id = `,"reqId":"${request.id}"`;
    if (typeof bindings !== 'string' || !isUuid(request.id) || !bindings.endsWith(id)) return false;
    const line: CompletedRequest = {
      base: bindings.slice(0, -id.length),
      id,
      request: { method: request.method, url: request.url, host: request.host, ip: request.ip },
      remotePort: request.socket?.remotePort,
      statusCode: reply.statusCode,
      responseTime,
      ms: Date.now(),
    };
    // Inline, not a named const: tsx (esbuild keepNames) names each such closure, ~2 µs.
    sink.writeLater(() => completedLine(sink.masker, line));
    return true;
  }
}

/** What the "request completed" line holds, kept until its batch is written. */
interface CompletedRequest {
  /** The logger's bindings before the request id. */
  readonly base: string;
  /** `,"reqId":"<uuid>"` */
  readonly id: string;
  readonly request: { method: string; url: string; host: string; ip: string };
  readonly remotePort: number | undefined;
  readonly statusCode: number;
  readonly responseTime: number;
  /** When the request ended, ms since the epoch. */
  readonly ms: number;
}

/** pino's "request completed" line for `line`, byte for byte. */
function completedLine(masker: PersonalDataMasker, line: CompletedRequest): string {
  const { method, url, host, ip } = line.request;
  // Everything of the request but its port repeats: masked once, remembered by what it is made of.
  const req = masker.maskRecurring(`req\n${method}\n${url}\n${host}\n${ip}`, () => {
    const { remotePort: _, ...repeating } = serializeRequest(line.request);
    return JSON.stringify(repeating);
  });
  const port = line.remotePort === undefined ? '' : `,"remotePort":${line.remotePort}`;
  // Should masking ever change the object's closing brace, the request goes without its port.
  const withPort = req.endsWith('}') ? `${req.slice(0, -1)}${port}}` : req;
  return `{"level":30,"time":"${isoAt(line.ms)}"${masker.maskRecurring(line.base)}${line.id},"req":${withPort},"res":{"statusCode":${line.statusCode}},"responseTime":${line.responseTime},"msg":"request completed"}\n`;
}
