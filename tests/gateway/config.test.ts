/**
 * The gateway's configuration: parseConfig fills safe defaults and turns any bad config into one
 * readable HCARD_E_CONFIG_INVALID naming the field (never echoing a PSAM PIN); readConfigFile
 * and loadOrCreateConfig read the file or create it with safe defaults, owner-only (0600). Over
 * real sockets: a gateway started from a freshly created config is loopback-only and lets no
 * one in, the file's settings take effect, and no answer ever carries the PSAM PIN.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HcardError, isHcardError } from '@hcard/card-core';
import { buildPsamImage, EmulatedHealthCard, EmulatedPsam, generateCard } from '@hcard/emulator';
import {
  buildApp,
  createToken,
  DEFAULT_PORT,
  loadOrCreateConfig,
  parseConfig,
  ReaderService,
  readAheadOf,
  readConfigFile,
  startServer,
} from '@hcard/gateway';
import { EmulatorDriver } from '@hcard/reader-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse, fetchWithin, rawRequest } from '../support/gateway-http.js';
import {
  PSAM_READER,
  READER_PATH,
  startGatewayRig,
  testConfig,
  tokenOf,
  USER_READER,
} from '../support/gateway-rig.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hcard-gw-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configError(run: () => unknown): HcardError {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(isHcardError(caught, 'HCARD_E_CONFIG_INVALID'), String(caught)).toBe(true);
  return caught as HcardError;
}

const SAFE_DEFAULTS = {
  port: DEFAULT_PORT,
  listen: ['127.0.0.1', '::1'],
  logLevel: 'info',
  readers: [],
  tokens: [],
  allowedOrigins: [],
  allowedHosts: [],
  rateLimit: { max: 600, windowMs: 60_000 },
  bodyLimit: 64 * 1024,
  insurance: { mdtrtCertType: '02', psnCertType: '01', ssseMdtrtCertType: '03' },
  identity: {},
  readAhead: ['issuer', 'holder', 'insurance', 'photo', 'applications'],
};

describe('parseConfig', () => {
  it('fills safe defaults: loopback only, no tokens, no PIN', () => {
    const config = parseConfig({});
    expect(config).toEqual(SAFE_DEFAULTS);
    expect('psamPin' in config).toBe(false);
    expect(DEFAULT_PORT).toBe(7130);
  });

  const token = {
    id: 'abcdef012345',
    client: 'desk-1',
    scopes: ['read:basic'],
    sha256: 'a'.repeat(64),
    created: '2026-01-01T00:00:00.000Z',
  };

  /** [what, config, field named, words the message must have, secret it must not echo] */
  const BAD: readonly [string, unknown, string, RegExp, string?][] = [
    ['unknown field', { port: 7130, bogus: true }, 'bogus', /unknown field bogus/],
    [
      'unknown nested field',
      { rateLimit: { max: 5, burst: 10 } },
      'rateLimit.burst',
      /unknown field rateLimit\.burst/,
    ],
    [
      'unknown field holding a PIN',
      { readers: [{ reader: 'Desk 00 00', psam: 'Desk 00 01', pin: '86420864' }] },
      'readers.0.pin',
      /unknown field readers\.0\.pin/,
      '86420864',
    ],
    ['port 0', { port: 0 }, 'port', /port .*>= ?1/],
    ['port too high', { port: 65_536 }, 'port', /port/],
    ['port as text', { port: '7130' }, 'port', /port .*integer/],
    ['listen empty', { listen: [] }, 'listen', /listen .*fewer than 1/],
    ['listen with an empty address', { listen: [''] }, 'listen.0', /listen\.0/],
    [
      'a bad scope in a token',
      { tokens: [{ ...token, scopes: ['read:everything'] }] },
      'tokens.0.scopes.0',
      /tokens\.0\.scopes\.0/,
    ],
    [
      'a token without a hash',
      { tokens: [{ ...token, sha256: 'not-a-hash' }] },
      'tokens.0.sha256',
      /tokens\.0\.sha256/,
    ],
    ['psamPin of odd length', { psamPin: '13579' }, 'psamPin', /psamPin .*digits/, '13579'],
    ['psamPin with letters', { psamPin: '12ab56' }, 'psamPin', /psamPin .*digits/, '12ab56'],
    ['psamPin too long', { psamPin: '864208642086420864' }, 'psamPin', /psamPin/, '864208642086420864'],
    ['psamPin as a number', { psamPin: 97_531_246 }, 'psamPin', /psamPin/, '97531246'],
    [
      'a reader’s psamPin',
      { readers: [{ reader: 'Desk 00 00', psam: 'Desk 00 01', psamPin: '2468024' }] },
      'readers.0.psamPin',
      /readers\.0\.psamPin .*digits/,
      '2468024',
    ],
    [
      'an origin without a scheme',
      { allowedOrigins: ['his.hospital.example'] },
      'allowedOrigins.0',
      /allowedOrigins\.0/,
    ],
    ['bodyLimit too small', { bodyLimit: 10 }, 'bodyLimit', /bodyLimit/],
    ['an unknown log level', { logLevel: 'loud' }, 'logLevel', /logLevel/],
    [
      'an unknown section to read ahead',
      { readAhead: ['holder', 'fingerprints'] },
      'readAhead.1',
      /readAhead\.1/,
    ],
    ['a section to read ahead twice', { readAhead: ['photo', 'photo'] }, 'readAhead', /readAhead/],
    [
      'a bad certificate type',
      { insurance: { mdtrtCertType: '3' } },
      'insurance.mdtrtCertType',
      /insurance\.mdtrtCertType/,
    ],
    [
      'a trusted root that is not an SM2 public key',
      { identity: { trustedRoot: '04abc' } },
      'identity.trustedRoot',
      /identity\.trustedRoot/,
    ],
  ];

  it.each(BAD)(
    'refuses %s with one readable HCARD_E_CONFIG_INVALID naming the field',
    (_what, value, field, words, secret) => {
      const e = configError(() => parseConfig(value, 'gateway.json'));
      expect(e.message).not.toContain('\n');
      expect(e.message).toMatch(/^Invalid configuration: gateway\.json: /);
      expect(e.message).toContain(field);
      expect(e.message).toMatch(words);
      expect(e.message).not.toMatch(/schema is false|\[object Object\]|undefined/);
      expect(e.details.field).toBe(field);
      if (secret !== undefined) {
        expect(e.message).not.toContain(secret);
        expect(JSON.stringify(e.details)).not.toContain(secret);
      }
    },
  );

  it.each([[[]], [null], ['port=7130'], [42]])('refuses %j as not a JSON object', (value) => {
    const e = configError(() => parseConfig(value, 'gateway.json'));
    expect(e.message).toBe('Invalid configuration: gateway.json is not a JSON object');
  });

  it('turns "readAhead" into the card-core sections to read and whether to read the other applications', () => {
    expect(readAheadOf(parseConfig({}).readAhead)).toEqual({
      sections: ['basic', 'extended', 'photo'],
      applications: true,
    });
    expect(readAheadOf(['insurance'])).toEqual({ sections: ['basic', 'extended'], applications: false });
    expect(readAheadOf(['applications'])).toEqual({ sections: [], applications: true });
    expect(readAheadOf([])).toEqual({ sections: [], applications: false });
  });

  it('never echoes a PIN, also when another field is the bad one', () => {
    const e = configError(() => parseConfig({ psamPin: '86421357', port: -1 }));
    expect(e.message).toContain('port');
    expect(e.message).not.toContain('86421357');
  });
});

describe('readConfigFile and loadOrCreateConfig', () => {
  it('reads nothing from a missing file and refuses what is not JSON, naming the file, not the PIN', () => {
    expect(readConfigFile(join(dir, 'missing.json'))).toBeUndefined();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "psamPin": "86420864", ');
    const e = configError(() => readConfigFile(broken));
    expect(e.message).toContain(broken);
    expect(e.message).not.toContain('86420864');
    expect(e.message).not.toContain('\n');
  });

  it('names the file and the field of a bad config', () => {
    const file = join(dir, 'bad-port.json');
    writeFileSync(file, JSON.stringify({ port: 0, psamPin: '864213' }));
    const e = configError(() => readConfigFile(file));
    expect(e.message).toBe(`Invalid configuration: ${file}: port must be >= 1`);
  });

  it('refuses a file it cannot read', () => {
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    const e = configError(() => readConfigFile(notAFile));
    expect(e.message).toContain('EISDIR');
  });

  it('creates the file on first start with safe defaults, readable by its owner only', () => {
    const file = join(dir, 'first', 'hcard', 'gateway.json');
    const { config, created } = loadOrCreateConfig(file);
    expect(created).toBe(true);
    expect(config).toEqual(SAFE_DEFAULTS);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'first', 'hcard')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(SAFE_DEFAULTS);
    expect(readdirSync(join(dir, 'first', 'hcard'))).toEqual(['gateway.json']);

    const again = loadOrCreateConfig(file);
    expect(again).toEqual({ config, created: false });

    // Adding a token rewrites the file, still 0600, with the hash only.
    const { token } = createToken(file, 'desk-1', ['read:basic']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(token);
    expect(readdirSync(join(dir, 'first', 'hcard'))).toEqual(['gateway.json']);
  });

  it('keeps an existing file as it is, and never overwrites a bad one', () => {
    const file = join(dir, 'existing.json');
    writeFileSync(file, JSON.stringify({ port: 7444, psamPin: '864213' }), { mode: 0o600 });
    const { config, created } = loadOrCreateConfig(file);
    expect(created).toBe(false);
    expect(config.port).toBe(7444);
    expect(config.psamPin).toBe('864213');

    const bad = join(dir, 'existing-bad.json');
    const text = JSON.stringify({ port: 7444, listen: [] });
    writeFileSync(bad, text);
    configError(() => loadOrCreateConfig(bad));
    expect(readFileSync(bad, 'utf8')).toBe(text);
  });
});

describe('the config over real sockets', () => {
  it('a gateway started from a freshly created config listens on loopback only and lets no one in', async () => {
    const { config } = loadOrCreateConfig(join(dir, 'fresh-start', 'gateway.json'));
    const rig = await startGatewayRig();
    const running = await startServer({ ...config, port: 0 }, { service: rig.service });
    try {
      const port = running.port;
      expect(running.urls).toEqual([`http://127.0.0.1:${port}`, `http://[::1]:${port}`]);
      for (const address of ['127.0.0.1', '::1'] as const) {
        const host = address === '::1' ? `[::1]:${port}` : `${address}:${port}`;
        expect((await rawRequest({ address, port, path: '/v1/health', headers: { host } })).status).toBe(200);
        for (const path of [
          '/v1/readers',
          `/v1/readers/${READER_PATH}/card`,
          `/v1/readers/${READER_PATH}/card/insurance`,
        ]) {
          // No tokens in a new config: even the rig's test tokens are unknown here.
          const res = await rawRequest({
            address,
            port,
            path,
            headers: { host, authorization: `Bearer ${tokenOf('all')}` },
          });
          await expectErrorResponse(res, 401, 'HCARD_E_UNAUTHENTICATED');
        }
        const evil = await rawRequest({
          address,
          port,
          path: '/v1/health',
          headers: { host: `evil.example:${port}` },
        });
        await expectErrorResponse(evil, 421, 'HCARD_E_HOST_REFUSED');
      }
    } finally {
      await running.close();
      await rig.close();
    }
  });

  it('applies the file’s allowedHosts and bodyLimit', async () => {
    const file = join(dir, 'limits.json');
    writeFileSync(file, JSON.stringify({ allowedHosts: ['desk.hospital.example'], bodyLimit: 1024 }));
    const fromFile = readConfigFile(file)!;
    const rig = await startGatewayRig({
      listen: true,
      config: { allowedHosts: fromFile.allowedHosts, bodyLimit: fromFile.bodyLimit },
    });
    try {
      const port = Number(new URL(rig.url).port);
      const ok = await rawRequest({ port, path: '/v1/health', headers: { host: 'desk.hospital.example' } });
      expect(ok.status).toBe(200);
      const big = await rawRequest({
        port,
        path: `/v1/readers/${READER_PATH}/card/encounters`,
        method: 'POST',
        headers: {
          host: 'desk.hospital.example',
          authorization: `Bearer ${tokenOf('writer')}`,
          'content-type': 'application/json',
          'idempotency-key': 'config-limit-0001',
        },
        body: JSON.stringify({ kind: 'outpatient', items: { hospitalName: 'x'.repeat(1100) } }),
      });
      await expectErrorResponse(big, 413, 'HCARD_E_BODY_TOO_LARGE');
    } finally {
      await rig.close();
    }
  });

  it('never puts the PSAM PIN in an answer, also when the PSAM refuses it', async () => {
    const PIN = '97531246';
    const WRONG = '86421357';
    const driver = new EmulatorDriver();
    driver.insert(USER_READER, new EmulatedHealthCard(generateCard('gateway-pin').image));
    driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
    // The config's PIN is PIN; the service presents WRONG, which the test PSAM refuses.
    const service = new ReaderService(driver, { psamPin: WRONG });
    await service.start();
    const app = await buildApp(testConfig({ psamPin: PIN }), { service });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const answers: string[] = [];
      const call = async (path: string, client?: string) => {
        const res = await fetchWithin(`${url}${path}`, {
          headers: client ? { authorization: `Bearer ${tokenOf(client)}` } : {},
        });
        answers.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
        return res.status;
      };
      expect(await call('/v1/health')).toBe(200);
      expect(await call('/openapi.json')).toBe(200);
      expect(await call('/v1/readers', 'all')).toBe(200);
      await call('/v1/readers');
      await call('/no/such/route', 'all');
      for (const sections of ['issuer', 'holder,photo', 'clinical', 'encounters'])
        expect(await call(`/v1/readers/${READER_PATH}/card?sections=${sections}`, 'all')).toBe(502);
      expect(await call(`/v1/readers/${READER_PATH}/card/insurance`, 'all')).toBe(502);
      expect(answers.join('\n')).toMatch(/HCARD_E_PSAM_PIN_WRONG/);
      for (const answer of answers) {
        expect(answer).not.toContain(PIN);
        expect(answer).not.toContain(WRONG);
      }
    } finally {
      await app.close();
      await service.close();
    }
  });
});
