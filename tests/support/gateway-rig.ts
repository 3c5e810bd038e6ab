/**
 * Test rig for the gateway: a config with one token per scope set, the in-process emulator
 * driver holding a generated card ("Emu 00 00") and the test PSAM ("Emu 00 01"), the
 * ReaderService, and the app, optionally listening on an ephemeral port of 127.0.0.1 (real
 * sockets). Hosts and tokens for requests are ready to use.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  type BuildChipOptions,
  type BuiltCard,
  type BuiltChip,
  buildPsamImage,
  type EmulatedChip,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  generateChip,
  loadEmulatedChip,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import {
  buildApp,
  type GatewayConfig,
  type GatewayDeps,
  IdCardService,
  type IdCardServiceOptions,
  parseConfig,
  type ReadAhead,
  ReaderService,
  type Scope,
} from '@hcard/gateway';
import { EmulatorDriver, type ReaderDriver } from '@hcard/reader-driver';

export const USER_READER = 'Emu 00 00';
export const PSAM_READER = 'Emu 00 01';
export const READER_PATH = encodeURIComponent(USER_READER);

/** Clients of the rig's config: name → scopes. Each gets the token `hcard_test-<name>`. */
export const TEST_CLIENTS: Record<string, readonly Scope[]> = {
  basic: ['read:basic'],
  clinical: ['read:basic', 'read:clinical'],
  writer: ['read:basic', 'write:encounters'],
  settle: ['settle'],
  all: ['read:basic', 'read:clinical', 'write:encounters', 'settle'],
};
export const tokenOf = (client: string): string => `hcard_test-${client}`;

export function testConfig(overrides: Record<string, unknown> = {}): GatewayConfig {
  const tokens = Object.entries(TEST_CLIENTS).map(([client, scopes]) => {
    const sha256 = createHash('sha256').update(tokenOf(client)).digest('hex');
    return {
      id: sha256.slice(0, 12),
      client,
      scopes: [...scopes],
      sha256,
      created: '2026-01-01T00:00:00.000Z',
    };
  });
  return parseConfig({ tokens, ...overrides });
}

export interface GatewayRig {
  readonly app: Awaited<ReturnType<typeof buildApp>>;
  readonly service: ReaderService;
  readonly driver: EmulatorDriver;
  readonly built: BuiltCard;
  readonly card: EmulatedHealthCard;
  /** With `chip`: the three-in-one chip in the user reader (its health application is `card`). */
  readonly chip?: { readonly built: BuiltChip; readonly card: EmulatedChip };
  /** With `idCardPort`: the gateway's ID-card reader service. */
  readonly idCards?: IdCardService;
  readonly config: GatewayConfig;
  /** Base URL when listening (`http://127.0.0.1:PORT`). */
  readonly url: string;
  /** Headers with an allowed Host and the client's bearer token. */
  headers(client?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startGatewayRig(
  options: {
    seed?: number | string;
    /** How the seed's health card is built (its encounters, say). */
    card?: Parameters<typeof generateCard>[1];
    listen?: boolean;
    config?: Record<string, unknown>;
    deps?: Partial<GatewayDeps>;
    driver?: ReaderDriver;
    /** Serve the three-in-one chip of the seed (these applications) instead of a health card alone. */
    chip?: BuildChipOptions;
    /** Serve the ID-card reader on this serial port (polled every 100 ms). */
    idCardPort?: string;
    /** The ID-card reader service's other options (how long it keeps a card, say). */
    idCard?: Omit<IdCardServiceOptions, 'port'>;
    /** How the PSAM is built (without the SSSE keys, say). */
    psam?: Parameters<typeof buildPsamImage>[0];
    /** The service's read-ahead at card insertion (off by default). */
    readAhead?: ReadAhead;
  } = {},
): Promise<GatewayRig> {
  const seed = options.seed ?? 'gateway';
  const built = generateCard(seed, options.card);
  const builtChip = options.chip ? generateChip(seed, options.chip) : undefined;
  const chipCard = builtChip ? loadEmulatedChip(JSON.parse(JSON.stringify(builtChip.image))) : undefined;
  const card = chipCard?.health ?? new EmulatedHealthCard(built.image);
  const driver = new EmulatorDriver();
  driver.insert(USER_READER, chipCard ?? card);
  driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage(options.psam)));
  const service = new ReaderService(options.driver ?? driver, {
    psamPin: TEST_PSAM_PIN,
    ...(options.readAhead ? { readAhead: options.readAhead } : {}),
  });
  await service.start();
  let config = testConfig(options.config);
  const idCards = options.idCardPort
    ? new IdCardService({ port: options.idCardPort, pollMs: 100, ...options.idCard }, service.events)
    : undefined;
  idCards?.start();
  const app = await buildApp(config, { service, ...(idCards ? { idCards } : {}), ...options.deps });
  let url = '';
  if (options.listen) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    // The Host allow-list is per port: rebuild the config view for the real port.
    url = `http://127.0.0.1:${port}`;
    config = { ...config, port };
  }
  const host = new URL(url || `http://127.0.0.1:${config.port}`).host;
  return {
    app,
    service,
    driver,
    built,
    card,
    ...(builtChip && chipCard ? { chip: { built: builtChip, card: chipCard } } : {}),
    config,
    url,
    headers: (client = 'all') => ({ host, authorization: `Bearer ${tokenOf(client)}` }),
    ...(idCards ? { idCards } : {}),
    close: async () => {
      await app.close();
      await idCards?.close();
      await service.close();
    },
  };
}
