/**
 * The gateway's configuration file (`$XDG_CONFIG_HOME/hcard/gateway.json`): where it listens,
 * which readers and PSAM slots it serves, its clients' tokens (hashes only) and scopes, the
 * browser origins and Host names it accepts. One schema validates it at start; a bad file is
 * one line with HCARD_E_CONFIG_INVALID naming the field, never a stack.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { hcardError } from '@hcard/card-core';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { READ_AHEAD_NAMES } from '../readers/card-sections.js';

export const DEFAULT_PORT = 7130;
/** What a registration desk shows and checks, and an HIS asks first. */
const READ_AHEAD_DEFAULT = ['issuer', 'holder', 'insurance', 'photo', 'applications'] as const;
export const LOOPBACK = ['127.0.0.1', '::1'] as const;

/** What a client may do; which route needs which is declared on the route. */
export const SCOPES = ['read:basic', 'read:clinical', 'write:encounters', 'settle'] as const;
export type Scope = (typeof SCOPES)[number];

const Pin = Type.String({ pattern: '^([0-9]{2}){2,8}$', description: 'an even number (4–16) of digits' });

const TokenEntry = Type.Object(
  {
    /** Short public id (the first hex digits of the hash), for `token list` and `token revoke`. */
    id: Type.String({ pattern: '^[0-9a-f]{8,64}$' }),
    client: Type.String({ minLength: 1, maxLength: 64 }),
    scopes: Type.Array(
      Type.Union([
        Type.Literal('read:basic'),
        Type.Literal('read:clinical'),
        Type.Literal('write:encounters'),
        Type.Literal('settle'),
      ]),
      { minItems: 1, uniqueItems: true },
    ),
    /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    created: Type.String(),
  },
  { additionalProperties: false },
);

const ReaderEntry = Type.Object(
  {
    /** PC/SC name of the reader slot holding the user card. */
    reader: Type.String({ minLength: 1 }),
    /** PC/SC name of the slot holding this desk's PSAM. */
    psam: Type.String({ minLength: 1 }),
    /** This PSAM's PIN, when it differs from the top-level `psamPin`. */
    psamPin: Type.Optional(Pin),
  },
  { additionalProperties: false },
);

export const GatewayConfigSchema = Type.Object(
  {
    port: Type.Integer({ minimum: 1, maximum: 65535, default: DEFAULT_PORT }),
    /** Addresses to listen on; anything but loopback must be asked for here. */
    listen: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, default: [...LOOPBACK] }),
    logLevel: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
    /** PIN of the desk's PSAM (HCARD_PSAM_PIN overrides it). No default: a wrong PIN burns a try. */
    psamPin: Type.Optional(Pin),
    /** User-card readers and their PSAM slots; empty: every "… 00 00" reader with its "… 00 01". */
    readers: Type.Array(ReaderEntry, { default: [] }),
    tokens: Type.Array(TokenEntry, { default: [] }),
    /** Browser origins allowed to call (CORS); the gateway's own origins always are. */
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/]+$' }), { default: [] }),
    /** Host header values accepted besides 127.0.0.1:PORT, localhost:PORT and [::1]:PORT. */
    allowedHosts: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
    rateLimit: Type.Object(
      {
        /** Requests per client and window. */
        max: Type.Integer({ minimum: 1, default: 600 }),
        windowMs: Type.Integer({ minimum: 100, default: 60_000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    /** Largest request body in bytes. */
    bodyLimit: Type.Integer({ minimum: 1024, maximum: 16 * 1024 * 1024, default: 64 * 1024 }),
    /** Append-only audit log (JSON lines); default: audit.jsonl beside the config file. */
    auditLog: Type.Optional(Type.String({ minLength: 1 })),
    /** Identity checks (`hcard check`, `GET /v1/readers/{reader}/identity`). */
    identity: Type.Object(
      {
        /**
         * The root public key issuer certificates must chain to: uncompressed SM2, 65 bytes in
         * hex. Absent: the issuer-certificate check says not_possible.
         */
        trustedRoot: Type.Optional(Type.String({ pattern: '^04[0-9A-Fa-f]{128}$' })),
        /** The hotlist file; default hotlist.json beside the config file. */
        hotlist: Type.Optional(Type.String({ minLength: 1 })),
      },
      { additionalProperties: false, default: {} },
    ),
    /** The desk's resident ID-card reader (GA 467, serial): its device path. */
    idCardReader: Type.Optional(
      Type.Object(
        {
          port: Type.String({ minLength: 1 }),
          baudRate: Type.Optional(Type.Integer({ minimum: 1200, maximum: 921_600 })),
        },
        { additionalProperties: false },
      ),
    ),
    /**
     * Card sections read as soon as a card goes in, before anyone asks, so that the first request
     * is answered from the snapshot; "applications" then reads the three-in-one card's social
     * security and bank applications (the identity check, …/card/insurance, /ssse, /bank);
     * [] turns it off (e.g. while another program uses the reader).
     */
    readAhead: Type.Array(Type.Union(READ_AHEAD_NAMES.map((s) => Type.Literal(s))), {
      uniqueItems: true,
      default: [...READ_AHEAD_DEFAULT],
    }),
    /** How the national insurance person lookup (1101) input is composed; province-specific. */
    insurance: Type.Object(
      {
        /** 就诊凭证类型 for a health card without an insurance application: 02 = ID number. */
        mdtrtCertType: Type.String({ pattern: '^[0-9]{2}$', default: '02' }),
        /** 人员证件类型: 01 = 居民身份证. */
        psnCertType: Type.String({ pattern: '^[0-9]{2}$', default: '01' }),
        /** 就诊凭证类型 for a card with the social-security application: 03 = 社会保障卡. */
        ssseMdtrtCertType: Type.String({ pattern: '^[0-9]{2}$', default: '03' }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export type GatewayConfig = Static<typeof GatewayConfigSchema>;
export type TokenEntry = Static<typeof TokenEntry>;
export type ReaderEntry = Static<typeof ReaderEntry>;

/** `$XDG_CONFIG_HOME/hcard/gateway.json` (XDG's default: `~/.config`). */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'hcard', 'gateway.json');
}

export const PSAM_PIN_ENV = 'HCARD_PSAM_PIN';

/**
 * The PSAM PIN to use: HCARD_PSAM_PIN, else the config's `psamPin`, else none (never a
 * default: a wrong PIN burns one of the PSAM's few tries). Never from argv, never echoed.
 */
export function configuredPsamPin(
  config: Pick<GatewayConfig, 'psamPin'> | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const fromEnv = env[PSAM_PIN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^([0-9]{2}){2,8}$/.test(fromEnv))
      throw hcardError('HCARD_E_ARG_INVALID', `${PSAM_PIN_ENV} must be an even number (4–16) of digits`);
    return fromEnv;
  }
  return config?.psamPin;
}

/** Fills defaults and checks every field; throws HCARD_E_CONFIG_INVALID naming the first bad one. */
export function parseConfig(value: unknown, source = 'config'): GatewayConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw hcardError('HCARD_E_CONFIG_INVALID', `${source} is not a JSON object`);
  const withDefaults = Value.Default(GatewayConfigSchema, structuredClone(value));
  const error = [...Value.Errors(GatewayConfigSchema, withDefaults)].sort(
    (a, b) => b.instancePath.length - a.instancePath.length,
  )[0];
  if (error) {
    const field = error.instancePath === '' ? '' : error.instancePath.slice(1).replaceAll('/', '.');
    const unknown = (error.params as { additionalProperties?: string[] }).additionalProperties;
    // A PIN's value is never echoed; other values are not personal.
    const what =
      error.keyword === 'additionalProperties' && unknown
        ? `unknown field ${[field, unknown[0]].filter(Boolean).join('.')}`
        : // TypeBox reports an unknown field first as `/field` failing the `false` schema.
          error.schemaPath.endsWith('/additionalProperties')
          ? `unknown field ${field}`
          : `${field || 'the file'} ${error.message}${field.endsWith('psamPin') ? ' (an even number, 4–16, of digits)' : ''}`;
    throw hcardError('HCARD_E_CONFIG_INVALID', `${source}: ${what}`, { field });
  }
  return withDefaults as GatewayConfig;
}

/** Reads and validates the file; undefined when it does not exist. */
export function readConfigFile(file: string): GatewayConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw hcardError('HCARD_E_CONFIG_INVALID', `cannot read ${file} (${code ?? 'read failed'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw hcardError('HCARD_E_CONFIG_INVALID', `${file} is not JSON`);
  }
  return parseConfig(json, file);
}

/** The file's config, or a new one with safe defaults written to it (mode 0600). */
export function loadOrCreateConfig(file: string): { config: GatewayConfig; created: boolean } {
  const existing = readConfigFile(file);
  if (existing) return { config: existing, created: false };
  const config = parseConfig({}, file);
  writeConfigFile(file, config);
  return { config, created: true };
}

/** Writes atomically (temp file + rename), readable by its owner only: it holds PINs and token hashes. */
export function writeConfigFile(file: string, config: GatewayConfig): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** The hotlist's path: configured, else beside the config file. */
export const hotlistFile = (config: GatewayConfig, configFile: string): string =>
  config.identity.hotlist ?? join(dirname(configFile), 'hotlist.json');

/** The audit log's path: configured, else beside the config file. */
export const auditLogFile = (config: GatewayConfig, configFile: string): string =>
  config.auditLog ?? join(dirname(configFile), 'audit.jsonl');
