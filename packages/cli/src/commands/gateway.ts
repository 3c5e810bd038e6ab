/**
 * `hcard gateway`: serves the local HTTP gateway for HIS clients and the desk page, on
 * 127.0.0.1 and ::1 port 7130 unless the config says otherwise, until Ctrl-C or SIGTERM.
 * `hcard gateway token create|list|revoke` manage its clients' bearer tokens.
 */
import { hcardError } from '@hcard/card-core';
import {
  AuditLog,
  auditingHooks,
  auditLogFile,
  configuredPsamPin,
  createLogger,
  createToken,
  defaultConfigFile,
  Hotlist,
  hotlistFile,
  IdCardService,
  LineQueue,
  listTokens,
  loadOrCreateConfig,
  PersonalDataMasker,
  ReaderService,
  readAheadOf,
  revokeTokens,
  SCOPES,
  type Scope,
  startServer,
  TokenStore,
} from '@hcard/gateway';
import { openPcscDriver } from '../card/pcsc.js';
import { defineCommand } from '../shared/command.js';
import { errorLine, usageError } from '../shared/errors.js';
import { toJson } from '../shared/json.js';
import { stopSignal } from '../shared/stop-signal.js';

const CONFIG_OPTION = {
  type: 'string',
  value: 'file',
  description: 'gateway config file',
  default: defaultConfigFile(),
} as const;

export const gatewayCommand = defineCommand({
  name: 'gateway',
  summary: 'serve the local HTTP gateway (HIS API, events, desk page)',
  description: `
Serves the hcard gateway: a versioned JSON API for HIS clients (/v1/…, described at
/openapi.json and /docs), reader and card events (/v1/events), the national interface's
functions (/v1/compat/…) and the registration desk page (/desk). It listens on 127.0.0.1 and
::1 only, port 7130, unless the config file says otherwise, and reads cards through PC/SC:
each card as it goes in ("readAhead" in the config: the desk's sections and the three-in-one
card's other applications by default; [] reads only on request), kept until it is taken out.

The config file is created on first start with safe defaults (mode 0600). Clients need a
bearer token: create one with "hcard gateway token create". The PSAM PIN comes from
HCARD_PSAM_PIN or "psamPin" in the config file; it is never printed. Stops at Ctrl-C or
SIGTERM.

Tokens: hcard gateway token create | list | revoke (see hcard gateway token --help).`,
  options: {
    port: { type: 'string', value: 'port', description: "TCP port (default: the config's, 7130)" },
    config: CONFIG_OPTION,
  },
  examples: ['hcard gateway', 'hcard gateway --port 7131 --config ./gateway.json'],
  run: async (options, io) => {
    const { config: loaded, created } = loadOrCreateConfig(options.config);
    const config = options.port === undefined ? loaded : { ...loaded, port: parsePort(options.port) };
    if (created) io.out(`created ${options.config} with safe defaults (mode 0600)`);
    const psamPin = configuredPsamPin(config);
    const driver = openPcscDriver();
    const service = new ReaderService(driver, {
      pairs: config.readers.map((r) => ({
        user: r.reader,
        psam: r.psam,
        ...(r.psamPin === undefined ? {} : { psamPin: r.psamPin }),
      })),
      ...(psamPin === undefined ? {} : { psamPin }),
      readAhead: readAheadOf(config.readAhead),
    });
    const stop = stopSignal();
    let audit: AuditLog | undefined;
    let logLines: LineQueue | undefined;
    // The desk's ID-card reader, when the config names its serial port: polled for cards.
    const idCards = config.idCardReader
      ? new IdCardService(
          {
            port: config.idCardReader.port,
            ...(config.idCardReader.baudRate ? { baudRate: config.idCardReader.baudRate } : {}),
          },
          service.events,
        )
      : undefined;
    try {
      await service.start();
      idCards?.start();
      const tokens = new TokenStore(options.config, config.tokens);
      // Log lines go to stderr as JSON (pino), ID numbers, names, phones and card numbers masked,
      // written in batches (LineQueue), never on a request's path.
      const masker = new PersonalDataMasker();
      logLines = new LineQueue(process.stderr);
      audit = new AuditLog(auditLogFile(config, options.config), { masker });
      const running = await startServer(config, {
        service,
        tokens,
        loggerInstance: createLogger({ level: config.logLevel, masker, destination: logLines }),
        hooks: auditingHooks(audit, masker),
        hotlist: new Hotlist(hotlistFile(config, options.config)),
        ...(idCards ? { idCards } : {}),
      });
      io.out(`hcard gateway listening on ${running.urls.join(' and ')} (config ${options.config})`);
      io.out(`desk page: ${running.urls[0]}/desk; API: ${running.urls[0]}/docs`);
      for (const s of running.skipped) io.err(`hcard: not listening on ${s.address} (${s.reason})`);
      if (config.tokens.length === 0)
        io.err(
          'hcard: no client tokens yet; create one with: hcard gateway token create --client NAME --scopes read:basic',
        );
      if (psamPin === undefined && !config.readers.some((r) => r.psamPin))
        io.err(
          'hcard: no PSAM PIN configured (HCARD_PSAM_PIN or "psamPin"): card reads will fail until one is set',
        );
      // The gateway follows pcscd as it starts and stops, but a desk should know why it sees no
      // reader. Not awaited: a PC/SC that does not answer must not hold up a stop.
      void driver
        .list()
        .catch((e: unknown) =>
          io.err(`${errorLine(e)} The gateway serves readers as soon as PC/SC answers.`),
        );
      const signal = await stop.stopped;
      await running.close();
      io.out(`stopped (${signal})`);
      return 0;
    } finally {
      stop.dispose();
      await idCards?.close();
      await audit?.close();
      await service.close();
      await logLines?.end();
    }
  },
});

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535)
    throw usageError(`--port must be a TCP port (1–65535), not "${text}"`, 'hcard gateway');
  return port;
}

function parseScopes(text: string | undefined): Scope[] {
  if (text === undefined) throw usageError('--scopes is required', 'hcard gateway token create');
  const scopes = text.split(',').map((s) => s.trim());
  for (const s of scopes)
    if (!(SCOPES as readonly string[]).includes(s))
      throw usageError(`unknown scope "${s}"; scopes: ${SCOPES.join(', ')}`, 'hcard gateway token create');
  return [...new Set(scopes)] as Scope[];
}

export const tokenCreateCommand = defineCommand({
  name: 'gateway token create',
  summary: 'create a bearer token for a gateway client (shown once)',
  description: `
Creates a bearer token for a client of the gateway and prints it once: only its SHA-256 is
stored in the config file (which is created if it does not exist yet). A running gateway
accepts it at once. Scopes, comma-separated: ${SCOPES.join(', ')}.`,
  options: {
    client: { type: 'string', value: 'name', description: 'client name (e.g. his, desk)' },
    scopes: { type: 'string', value: 'list', description: 'comma-separated scopes' },
    config: CONFIG_OPTION,
    json: { type: 'boolean', description: 'print { token, id, client, scopes } as JSON' },
  },
  examples: [
    'hcard gateway token create --client desk --scopes read:basic,write:encounters',
    'hcard gateway token create --client his --scopes read:basic,read:clinical,settle',
  ],
  run: async (options, io) => {
    const client = options.client?.trim();
    if (!client) throw usageError('--client is required', 'hcard gateway token create');
    if (!/^[\w.@-]{1,64}$/.test(client))
      throw usageError(
        '--client may hold letters, digits and . _ @ - (at most 64)',
        'hcard gateway token create',
      );
    const scopes = parseScopes(options.scopes);
    const { token, entry } = createToken(options.config, client, scopes);
    if (options.json) io.out(toJson({ token, id: entry.id, client, scopes }, false));
    else {
      io.out(token);
      io.err(
        `token ${entry.id} for client "${client}" (${scopes.join(', ')}) stored as a hash in ${options.config}; it is not shown again`,
      );
    }
    return 0;
  },
});

export const tokenListCommand = defineCommand({
  name: 'gateway token list',
  summary: "list the gateway's client tokens (ids, never the tokens)",
  description: `
Lists the tokens in the config file: id, client, scopes and creation time. The tokens
themselves are not stored and cannot be shown.`,
  options: { config: CONFIG_OPTION, json: { type: 'boolean', description: 'print JSON' } },
  run: async (options, io) => {
    const tokens = listTokens(options.config).map(({ id, client, scopes, created }) => ({
      id,
      client,
      scopes,
      created,
    }));
    if (options.json) io.out(toJson(tokens, false));
    else if (tokens.length === 0) io.out(`no tokens in ${options.config}`);
    else
      for (const t of tokens)
        io.out(`${t.id}  ${t.client.padEnd(16)}  ${t.scopes.join(',').padEnd(40)}  ${t.created}`);
    return 0;
  },
});

export const tokenRevokeCommand = defineCommand({
  name: 'gateway token revoke',
  summary: 'revoke a gateway token by id, or every token of a client',
  description: `
Removes the token with this id (see "token list"), or every token of this client, from the
config file. A running gateway refuses them at once.`,
  options: {
    id: { type: 'string', value: 'id', description: "the token's id" },
    client: { type: 'string', value: 'name', description: 'revoke every token of this client' },
    config: CONFIG_OPTION,
  },
  examples: ['hcard gateway token revoke --client desk', 'hcard gateway token revoke --id 3f2a9c01b7e4'],
  run: async (options, io) => {
    const which = options.id ?? options.client;
    if (which === undefined || (options.id !== undefined && options.client !== undefined))
      throw usageError('give --id <id> or --client <name>', 'hcard gateway token revoke');
    const removed = revokeTokens(options.config, which, options.id === undefined ? 'client' : 'id');
    if (removed.length === 0)
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `no token with ${options.id === undefined ? 'client' : 'id'} "${which}" in ${options.config}`,
      );
    for (const t of removed) io.out(`revoked ${t.id} (${t.client})`);
    return 0;
  },
});
