import { generateResident } from '@hcard/emulator';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { LineQueue } from './line-queue.js';
import {
  createLogger,
  createLoggerOptions,
  OneLineRequestLog,
  requestChildLogger,
  serializeRequest,
} from './logger.js';
import { PersonalDataMasker } from './mask.js';

// A synthetic resident (seed 7, as in the CLI tests) whose data the tests try to leak.
const { items } = generateResident(7);
const person = {
  name: items.name!,
  idNumber: items.idNumber!,
  phone: items.phone1!,
  contact: items.contact1Name!,
};
const PIN = '246810';
const TOKEN = 'hcard_c3ludGhldGljLXRva2VuLWZvci10ZXN0cy0wMTIzNDU2Nzg';
const TICKET = 'tkt-5f1e2d3c4b5a';

/** The parts of a log line the tests look at (each test checks the line it picks has them). */
interface LogLine {
  msg: string;
  holder: { name: string; idNumber: string };
  config: unknown;
  err: { stack: string; details: { pin: string } };
  req: { url: string };
  reqId: string;
  part: string;
  headers: Record<string, string>;
}

/** Lines a pino destination received, parsed; `raw` keeps the text. */
function memoryDestination() {
  const raw: string[] = [];
  return {
    raw,
    write(line: string) {
      raw.push(line);
    },
    get lines(): LogLine[] {
      return raw.map((l) => JSON.parse(l));
    },
  };
}

function rememberingMasker(): PersonalDataMasker {
  const masker = new PersonalDataMasker();
  masker.rememberAll([person.name, person.contact]);
  return masker;
}

/** Nothing of the person, the PIN or the token appears, raw or \u-escaped. */
function expectClean(text: string): void {
  const escaped = (s: string) =>
    s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const value of [...Object.values(person), PIN, TOKEN, TICKET, escaped(person.name)]) {
    expect(text).not.toContain(value);
  }
}

describe('the gateway logger', () => {
  it('masks a logged object: known fields, free text and nested secrets', () => {
    const out = memoryDestination();
    const log = createLogger({ masker: rememberingMasker(), destination: out });
    log.info(
      {
        holder: { name: person.name, idNumber: person.idNumber, phone1: person.phone },
        contacts: [{ contact1Name: person.contact }],
        config: { psamPin: PIN, nested: { HCARD_PSAM_PIN: PIN } },
      },
      `read ${person.name} ${person.idNumber} tel ${person.phone}`,
    );
    expect(out.raw).toHaveLength(1);
    expectClean(out.raw[0]!);
    const [line] = out.lines as [LogLine];
    expect(line.holder.idNumber).toBe(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);
    expect(line.holder.name).toBe(`${Array.from(person.name)[0]}*`);
    expect(line.config).toEqual({ psamPin: '[REDACTED]', nested: { HCARD_PSAM_PIN: '[REDACTED]' } });
    expect(line.msg).toContain('read ');
  });

  it('masks a logged error: message, stack, cause and extra properties', () => {
    const out = memoryDestination();
    const log = createLogger({ masker: rememberingMasker(), destination: out });
    const error = Object.assign(
      new Error(`no card for ${person.name} (${person.idNumber})`, { cause: new Error(`pin ${PIN}`) }),
      {
        details: { phone: person.phone, pin: PIN },
      },
    );
    log.error({ err: error }, 'read failed');
    log.error(error);
    expect(out.raw).toHaveLength(2);
    for (const raw of out.raw) expectClean(raw);
    const [first] = out.lines as [LogLine];
    expect(first.err.stack).toMatch(/^Error: no card for /);
    expect(first.err.details.pin).toBe('[REDACTED]');
  });

  it("masks child loggers' lines and honours the level (default info)", () => {
    const out = memoryDestination();
    const log = createLogger({ masker: rememberingMasker(), destination: out });
    expect(log.level).toBe('info');
    log.debug({ idNumber: person.idNumber }, 'not written');
    log.child({ holder: person.name }).warn(`phone ${person.phone}`);
    expect(out.raw).toHaveLength(1);
    expectClean(out.raw[0]!);
    expect(createLogger({ masker: new PersonalDataMasker(), level: 'debug', destination: out }).level).toBe(
      'debug',
    );
  });

  it('serializes a request without headers and without secret query parameters', () => {
    expect(
      serializeRequest({
        method: 'GET',
        url: `/card?ticket=${TICKET}&sections=basic`,
        ip: '127.0.0.1',
        host: '127.0.0.1:8473',
        socket: { remotePort: 50000 },
        headers: { authorization: `Bearer ${TOKEN}` },
      } as never),
    ).toEqual({
      method: 'GET',
      url: '/card?ticket=[REDACTED]&sections=basic',
      host: '127.0.0.1:8473',
      remoteAddress: '127.0.0.1',
      remotePort: 50000,
    });
  });
});

describe('Fastify request logs', () => {
  const apps: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  function buildApp(as: 'loggerInstance' | 'logger') {
    const out = memoryDestination();
    const config = { masker: rememberingMasker(), destination: out };
    // As buildApp takes it: a pino instance typed as Fastify's base logger.
    const logger: FastifyBaseLogger = createLogger(config);
    const app =
      as === 'loggerInstance'
        ? Fastify({ loggerInstance: logger })
        : Fastify({ logger: createLoggerOptions(config) });
    apps.push(app);
    app.get('/card/:id', async (request) => {
      request.log.info({ headers: request.headers, params: request.params }, `lookup for ${person.name}`);
      return { ok: true };
    });
    app.post('/fail', async () => {
      throw new Error(`card of ${person.name} ${person.idNumber} refused PIN ${PIN}`);
    });
    return { app, out };
  }

  it.each(['loggerInstance', 'logger'] as const)(
    'never shows a token, ticket, ID number or name (Fastify({ %s }))',
    async (as) => {
      const { app, out } = buildApp(as);
      const ok = await app.inject({
        method: 'GET',
        url: `/card/${person.idNumber}?ticket=${TICKET}&xm=${encodeURIComponent(person.name)}`,
        headers: { authorization: `Bearer ${TOKEN}`, cookie: `sid=${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      const failed = await app.inject({
        method: 'POST',
        url: '/fail',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(failed.statusCode).toBe(500);
      const missing = await app.inject({
        method: 'GET',
        url: `/nowhere?token=${TOKEN}&phone=${person.phone}`,
      });
      expect(missing.statusCode).toBe(404);

      const text = out.raw.join('');
      expectClean(text);
      const lines = out.lines;
      const incoming = lines.find((l) => l.msg === 'incoming request')!;
      expect(incoming.req.url).toBe(
        `/card/${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}?ticket=[REDACTED]&xm=${encodeURIComponent(Array.from(person.name)[0]!)}*`,
      );
      expect(Object.keys(incoming.req).sort()).toEqual(['host', 'method', 'remoteAddress', 'url']);
      const lookup = lines.find((l) => String(l.msg).startsWith('lookup for'))!;
      expect(lookup.headers.authorization).toBe('[REDACTED]');
      expect(lookup.headers.cookie).toBe('[REDACTED]');
      const errored = lines.find((l) => l.err)!;
      expect(errored.err.stack).toContain('Error: card of');
      expect(lines.some((l) => String(l.msg).includes('/nowhere?token=[REDACTED]'))).toBe(true);
    },
  );
});

describe('OneLineRequestLog', () => {
  /**
   * The same app twice: request lines written by OneLineRequestLog itself, and by pino, each
   * through a LineQueue as the gateway's are (OneLineRequestLog makes its lines when written).
   */
  function apps(masker: PersonalDataMasker) {
    return (['own', 'pino'] as const).map((way) => {
      const out = memoryDestination();
      const lines = new LineQueue({
        write: (text: string) => {
          for (const line of text.split(/(?<=\n)/)) out.write(line);
        },
      });
      const logger = createLogger({ masker, destination: lines });
      const app = Fastify({
        loggerInstance: logger,
        logController: new OneLineRequestLog(way === 'own' ? logger : undefined),
        genReqId: () => crypto.randomUUID(),
      });
      app.get('/card/*', async () => ({ ok: true }));
      return { app, out, lines };
    });
  }

  /** A line with what differs between two requests (time, id, port, duration) set aside. */
  const comparable = (line: string) =>
    line
      .replace(/"time":"[^"]+"/, '"time":"T"')
      .replace(/"reqId":"[^"]+"/, '"reqId":"R"')
      .replace(/"remotePort":\d+/, '"remotePort":0')
      .replace(/"responseTime":[\d.]+/, '"responseTime":0');

  it('writes what pino writes, masked the same, and masks a name remembered since', async () => {
    const masker = new PersonalDataMasker();
    const [own, viaPino] = apps(masker);
    const urls = [
      `/card/${person.idNumber}?ticket=${TICKET}&xm=${encodeURIComponent(person.name)}`,
      `/card/x?phone=${person.phone}&token=${TOKEN}`,
      `/card/${encodeURIComponent(person.contact)}`,
    ];
    const headers = { host: `desk-${person.phone}` };
    for (const url of [...urls, ...urls]) {
      for (const { app } of [own!, viaPino!]) {
        const reply = await app.inject({ url, headers });
        expect(reply.statusCode).toBe(200);
      }
    }
    // The contact's name is in no name field: only a remembered name is masked there.
    await Promise.all([own!.lines.flush(), viaPino!.lines.flush()]);
    expect(own!.out.raw[2]).toContain(encodeURIComponent(person.contact));
    masker.remember(person.contact);
    await own!.app.inject({ url: urls[2]!, headers });
    await viaPino!.app.inject({ url: urls[2]!, headers });
    await Promise.all([own!.lines.end(), viaPino!.lines.end()]);

    expect(own!.out.raw).toHaveLength(7);
    expect(own!.out.raw.map(comparable)).toEqual(viaPino!.out.raw.map(comparable));
    expect(own!.out.raw[6]).not.toContain(encodeURIComponent(person.contact));
    expectClean(own!.out.raw.slice(0, 2).join('') + own!.out.raw.slice(3).join(''));
    for (const line of own!.out.lines) expect(line.msg).toBe('request completed');
    await Promise.all([own!.app.close(), viaPino!.app.close()]);
  });

  it('honours the level: at warn, only the failed request is logged (by Fastify, through pino)', async () => {
    const masker = new PersonalDataMasker();
    const out = memoryDestination();
    const logger = createLogger({ masker, destination: out, level: 'warn' });
    const app = Fastify({ loggerInstance: logger, logController: new OneLineRequestLog(logger) });
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fail', async () => {
      throw new Error(`refused ${person.idNumber}`);
    });
    await app.inject({ url: '/ok' });
    await app.inject({ url: '/fail' });
    expect(out.lines.map((l) => [(l as unknown as { level: number }).level, l.msg])).toEqual([
      [50, `refused ${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`],
    ]);
    expectClean(out.raw.join(''));
    await app.close();
  });
});

describe('requestChildLogger', () => {
  /** Two apps alike but for the child logger factory; each request's id is `id`. */
  function apps(id: string) {
    return (['own', 'pino'] as const).map((way) => {
      const out = memoryDestination();
      const app = Fastify({
        loggerInstance: createLogger({ masker: new PersonalDataMasker(), destination: out }),
        ...(way === 'own' ? { childLoggerFactory: requestChildLogger } : {}),
        genReqId: () => id,
      });
      app.get('/card', async (request) => {
        request.log.warn({ step: 'lookup' }, 'looked up');
        request.log.child({ part: 'psam' }).info('signed');
        return { ok: true };
      });
      return { app, out };
    });
  }
  const untimed = (line: string) =>
    line.replace(/"time":"[^"]+"/, '"time":"T"').replace(/"responseTime":[\d.]+/, '"responseTime":0');

  it.each([
    ['a UUID request id (made here)', '0b5bd6f4-6d5e-4c0a-9d5e-00000000002a'],
    ['any other request id (made by pino)', 'desk "7"'],
  ])('writes what pino child loggers write: %s', async (_, id) => {
    const [own, viaPino] = apps(id);
    for (const { app } of [own!, viaPino!]) expect((await app.inject({ url: '/card' })).statusCode).toBe(200);
    expect(own!.out.raw.map(untimed)).toEqual(viaPino!.out.raw.map(untimed));
    const looked = own!.out.lines.find((l) => l.msg === 'looked up');
    const signed = own!.out.lines.find((l) => l.msg === 'signed');
    expect([looked?.reqId, signed?.reqId, signed?.part]).toEqual([id, id, 'psam']);
    await Promise.all([own!.app.close(), viaPino!.app.close()]);
  });
});
