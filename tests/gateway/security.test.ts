/**
 * The gateway's front door over real sockets (architecture.md §7): loopback-only listening
 * (startServer), the Host allow-list against DNS rebinding, the Origin allow-list with CORS and
 * Private/Local Network Access preflights, bearer tokens with scopes (route by route and card
 * section by card section), tokens created or revoked while the gateway runs, body and rate
 * limits, and the one error shape `{ error: { code, message, hint? } }`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHcardError } from '@hcard/card-core';
import {
  CARD_SECTIONS,
  createToken,
  type GatewayConfig,
  loadOrCreateConfig,
  revokeTokens,
  type Scope,
  startServer,
  TokenStore,
} from '@hcard/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  expectErrorResponse,
  fetchWithin,
  portOf,
  rawRequest,
  tokenEntry,
  within,
} from '../support/gateway-http.js';
import {
  type GatewayRig,
  READER_PATH,
  startGatewayRig,
  TEST_CLIENTS,
  tokenOf,
} from '../support/gateway-rig.js';

/** Clients holding exactly one scope each, besides the rig's. */
const SINGLE: Record<string, readonly Scope[]> = {
  'only-basic': ['read:basic'],
  'only-clinical': ['read:clinical'],
  'only-write': ['write:encounters'],
  'only-settle': ['settle'],
};
const ALL_CLIENTS = { ...TEST_CLIENTS, ...SINGLE };
const clientTokens = () => Object.entries(ALL_CLIENTS).map(([client, scopes]) => tokenEntry(client, scopes));

/** The issue's table: which scope each card section needs. */
const SECTION_SCOPES: Record<string, Scope> = {
  issuer: 'read:basic',
  holder: 'read:basic',
  photo: 'read:basic',
  insurance: 'read:basic',
  address: 'read:basic',
  clinical: 'read:clinical',
  allergies: 'read:clinical',
  encounters: 'read:clinical',
};

const CARD = `/v1/readers/${READER_PATH}/card`;
const ENCOUNTERS = `${CARD}/encounters`;

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Host allow-list (DNS rebinding)', () => {
  let rig: GatewayRig;
  let port: number;
  beforeAll(async () => {
    rig = await startGatewayRig({
      listen: true,
      config: { allowedHosts: ['his-gateway.internal:7443', 'Desk.Hospital.Example'] },
    });
    port = portOf(rig.url);
  });
  afterAll(() => rig.close());

  const get = (host: string, path: string, client?: string) =>
    rawRequest({
      port,
      path,
      headers: { host, ...(client ? { authorization: `Bearer ${tokenOf(client)}` } : {}) },
    });

  it('accepts 127.0.0.1:PORT, localhost:PORT and [::1]:PORT (any case) and the configured extra hosts', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `LocalHost:${port}`,
      'his-gateway.internal:7443',
      'HIS-Gateway.internal:7443',
      // Host names are case-insensitive, in the config as in the request.
      'desk.hospital.example',
      'DESK.hospital.example',
    ]) {
      const health = await get(host, '/v1/health');
      expect(health.status, host).toBe(200);
      const readers = await get(host, '/v1/readers', 'basic');
      expect(readers.status, host).toBe(200);
    }
  });

  it('refuses every other Host with 421 HCARD_E_HOST_REFUSED, on public, protected and unknown routes', async () => {
    const refused = [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1`,
      `localhost`,
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      'his-gateway.internal',
      `his-gateway.internal:${port}`,
    ];
    for (const host of refused) {
      await expectErrorResponse(await get(host, '/v1/health'), 421, 'HCARD_E_HOST_REFUSED');
      await expectErrorResponse(await get(host, '/v1/readers', 'all'), 421, 'HCARD_E_HOST_REFUSED');
      await expectErrorResponse(await get(host, '/no/such/route', 'all'), 421, 'HCARD_E_HOST_REFUSED');
    }
  });

  it('refuses before routing: no card access, no body parsing, no body limit, no preflight answer', async () => {
    const apdus = rig.card.commandCount;
    const evil = `evil.example:${port}`;
    await expectErrorResponse(
      await get(evil, `${CARD}?sections=issuer,holder,photo`, 'all'),
      421,
      'HCARD_E_HOST_REFUSED',
    );
    const post = (body: string) =>
      rawRequest({
        port,
        path: ENCOUNTERS,
        method: 'POST',
        headers: {
          host: evil,
          authorization: `Bearer ${tokenOf('all')}`,
          'content-type': 'application/json',
          'idempotency-key': 'host-check-0001',
        },
        body,
      });
    await expectErrorResponse(await post('{"kind":'), 421, 'HCARD_E_HOST_REFUSED');
    await expectErrorResponse(
      await post(`"${'x'.repeat(rig.config.bodyLimit + 10)}"`),
      421,
      'HCARD_E_HOST_REFUSED',
    );
    const preflight = await rawRequest({
      port,
      path: CARD,
      method: 'OPTIONS',
      headers: {
        host: evil,
        origin: `http://evil.example:${port}`,
        'access-control-request-method': 'GET',
        'access-control-request-private-network': 'true',
      },
    });
    await expectErrorResponse(preflight, 421, 'HCARD_E_HOST_REFUSED');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-private-network']).toBeUndefined();
    expect(rig.card.commandCount).toBe(apdus);
  });

  it('is the same through app.inject (port from the config when not listening)', async () => {
    const local = await startGatewayRig();
    try {
      const p = local.config.port;
      const ok = await local.app.inject({ url: '/v1/health', headers: { host: `localhost:${p}` } });
      expect(ok.statusCode).toBe(200);
      const bad = await local.app.inject({ url: '/v1/health', headers: { host: `evil.example:${p}` } });
      await expectErrorResponse(
        {
          status: bad.statusCode,
          headers: { ...bad.headers } as Record<string, string>,
          text: bad.body,
          json: bad.json(),
        },
        421,
        'HCARD_E_HOST_REFUSED',
      );
    } finally {
      await local.close();
    }
  });
});

describe('Origin allow-list, CORS and Private/Local Network Access', () => {
  let rig: GatewayRig;
  let port: number;
  const HIS = 'https://his.hospital.example';
  beforeAll(async () => {
    rig = await startGatewayRig({ listen: true, config: { allowedOrigins: [HIS] } });
    port = portOf(rig.url);
  });
  afterAll(() => rig.close());

  const host = () => `127.0.0.1:${port}`;

  it('gives CORS headers to the gateway’s own origins and the configured ones', async () => {
    for (const origin of [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
      HIS,
    ]) {
      const res = await rawRequest({
        port,
        path: '/v1/readers',
        headers: { host: host(), origin, authorization: `Bearer ${tokenOf('basic')}` },
      });
      expect(res.status, origin).toBe(200);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(String(res.headers.vary)).toMatch(/origin/i);
      // An allowed origin can read the gateway's refusals too.
      const refused = await rawRequest({ port, path: '/v1/readers', headers: { host: host(), origin } });
      await expectErrorResponse(refused, 401, 'HCARD_E_UNAUTHENTICATED');
      expect(refused.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('sends no CORS header without an Origin', async () => {
    const res = await fetchWithin(`${rig.url}/v1/readers`, { headers: rig.headers('basic') });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses any other origin with 403 HCARD_E_ORIGIN_REFUSED, even with a good token, before the card', async () => {
    const apdus = rig.card.commandCount;
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://localhost:${port}.evil.example`,
      'http://his.hospital.example',
      `${HIS}.evil.example`,
      `${HIS}:8443`,
    ]) {
      for (const path of ['/v1/readers', `${CARD}?sections=issuer`, '/v1/health']) {
        const res = await rawRequest({
          port,
          path,
          headers: { host: host(), origin, authorization: `Bearer ${tokenOf('all')}` },
        });
        await expectErrorResponse(res, 403, 'HCARD_E_ORIGIN_REFUSED');
        expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
      }
    }
    expect(rig.card.commandCount).toBe(apdus);
  });

  const preflight = (origin: string, path: string, extra: Record<string, string> = {}) =>
    rawRequest({
      port,
      path,
      method: 'OPTIONS',
      headers: {
        host: host(),
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
        ...extra,
      },
    });

  it('answers Private Network Access preflights for allowed origins, without a token', async () => {
    for (const origin of [`http://localhost:${port}`, HIS]) {
      for (const path of ['/v1/readers', CARD, ENCOUNTERS, '/v1/health']) {
        const res = await preflight(origin, path, {
          'access-control-request-method': path === ENCOUNTERS ? 'POST' : 'GET',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
          'access-control-request-private-network': 'true',
        });
        expect(res.status, `${origin} ${path}`).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers['access-control-allow-private-network']).toBe('true');
        const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
        for (const h of ['authorization', 'content-type', 'idempotency-key']) expect(allowed).toContain(h);
        expect(String(res.headers['access-control-allow-methods'])).toContain(
          path === ENCOUNTERS ? 'POST' : 'GET',
        );
      }
    }
  });

  it('answers the Local Network Access preflight too, and says nothing about private networks when not asked', async () => {
    const lna = await preflight(HIS, CARD, { 'access-control-request-local-network': 'true' });
    expect(lna.status).toBe(204);
    expect(lna.headers['access-control-allow-local-network']).toBe('true');
    const plain = await preflight(HIS, CARD);
    expect(plain.status).toBe(204);
    expect(plain.headers['access-control-allow-private-network']).toBeUndefined();
    expect(plain.headers['access-control-allow-local-network']).toBeUndefined();
  });

  it('refuses preflights from other origins (no allow headers at all)', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const res = await preflight(origin, CARD, {
        'access-control-request-private-network': 'true',
        'access-control-request-local-network': 'true',
      });
      await expectErrorResponse(res, 403, 'HCARD_E_ORIGIN_REFUSED');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-private-network']).toBeUndefined();
      expect(res.headers['access-control-allow-local-network']).toBeUndefined();
    }
  });
});

describe('bearer tokens and scopes', () => {
  let rig: GatewayRig;
  let port: number;
  beforeAll(async () => {
    rig = await startGatewayRig({ listen: true, config: { tokens: clientTokens() } });
    port = portOf(rig.url);
  });
  afterAll(() => rig.close());

  const call = (method: string, path: string, authorization?: string, body?: unknown) =>
    rawRequest({
      port,
      path,
      method,
      headers: {
        host: `127.0.0.1:${port}`,
        ...(authorization === undefined ? {} : { authorization }),
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'idempotency-key': 'scope-test-0001' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const bearer = (client: string) => `Bearer ${tokenOf(client)}`;
  const ENCOUNTER_BODY = { kind: 'outpatient', items: {} };

  /** Every route that needs a token, with a request that would succeed with the right one. */
  const PROTECTED: readonly [string, string, unknown?][] = [
    ['GET', '/v1/readers'],
    ['GET', CARD],
    ['GET', `${CARD}?sections=clinical`],
    ['GET', `${CARD}/insurance`],
    ['POST', ENCOUNTERS, ENCOUNTER_BODY],
  ];

  it('needs no token for GET /v1/health (and ignores a bad one there)', async () => {
    for (const auth of [undefined, 'Bearer hcard_nonsense', 'Basic Zm9vOmJhcg==']) {
      const res = await call('GET', '/v1/health', auth);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: 'ok' });
    }
  });

  it('answers 401 HCARD_E_UNAUTHENTICATED without a token, with an unknown one and with a malformed header', async () => {
    const apdus = rig.card.commandCount;
    const snapshot = JSON.stringify(rig.card.snapshot());
    const bad = [
      undefined,
      'Bearer hcard_unknown-token',
      `Bearer ${tokenOf('all')}x`,
      `Bearer ${tokenOf('all').slice(0, -1)}`,
      'Bearer',
      'Bearer ',
      tokenOf('all'),
      `Basic ${Buffer.from(`all:${tokenOf('all')}`).toString('base64')}`,
      `Token ${tokenOf('all')}`,
      `Bearer ${tokenOf('all')} ${tokenOf('all')}`,
      `Bearer ${tokenOf('all').replace('hcard_', '')}`,
      `Bearer "${tokenOf('all')}"`,
    ];
    for (const [method, path, body] of PROTECTED) {
      for (const auth of bad) {
        const res = await call(method, path, auth, body);
        await expectErrorResponse(res, 401, 'HCARD_E_UNAUTHENTICATED');
      }
    }
    expect(rig.card.commandCount).toBe(apdus);
    expect(JSON.stringify(rig.card.snapshot())).toBe(snapshot);
  });

  it('matches the section table of the issue', () => {
    expect(Object.fromEntries(Object.entries(CARD_SECTIONS).map(([s, def]) => [s, def.scope]))).toEqual(
      SECTION_SCOPES,
    );
  });

  it('answers 403 HCARD_E_FORBIDDEN for each card section without its scope, and 200 with it', async () => {
    for (const [section, scope] of Object.entries(SECTION_SCOPES)) {
      for (const [client, scopes] of Object.entries(ALL_CLIENTS)) {
        const res = await call('GET', `${CARD}?sections=${section}`, bearer(client));
        if (scopes.includes(scope)) {
          expect(res.status, `${client} ${section}`).toBe(200);
          expect(Object.keys((res.json as { card: object }).card)).toEqual([section]);
        } else {
          await expectErrorResponse(res, 403, 'HCARD_E_FORBIDDEN');
          expect(res.text).toContain(scope);
        }
      }
    }
  });

  it('refuses a mix of sections as a whole when one section lacks its scope (no partial answer, no card read)', async () => {
    const reads = rig.service.cardReads;
    const apdus = rig.card.commandCount;
    for (const sections of ['issuer,clinical', 'photo,allergies', 'holder,encounters', 'clinical,issuer']) {
      const res = await call('GET', `${CARD}?sections=${sections}&fresh=true`, bearer('basic'));
      await expectErrorResponse(res, 403, 'HCARD_E_FORBIDDEN');
      expect(res.text).not.toContain('"card"');
    }
    // The default sections (issuer, holder, insurance) need read:basic.
    for (const client of ['only-clinical', 'only-write', 'only-settle'])
      await expectErrorResponse(
        await call('GET', `${CARD}?fresh=true`, bearer(client)),
        403,
        'HCARD_E_FORBIDDEN',
      );
    expect(rig.service.cardReads).toBe(reads);
    expect(rig.card.commandCount).toBe(apdus);
  });

  it('needs settle for the insurance route and write:encounters for the encounter POST', async () => {
    const snapshot = JSON.stringify(rig.card.snapshot());
    for (const [client, scopes] of Object.entries(ALL_CLIENTS)) {
      const insurance = await call('GET', `${CARD}/insurance`, bearer(client));
      if (scopes.includes('settle')) expect(insurance.status, client).toBe(200);
      else await expectErrorResponse(insurance, 403, 'HCARD_E_FORBIDDEN');

      // Without an Idempotency-Key: past the scope check a writer gets 400, nothing is written.
      const write = await rawRequest({
        port,
        path: ENCOUNTERS,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          authorization: bearer(client),
          'content-type': 'application/json',
        },
        body: JSON.stringify(ENCOUNTER_BODY),
      });
      if (scopes.includes('write:encounters')) await expectErrorResponse(write, 400, 'HCARD_E_ARG_INVALID');
      else await expectErrorResponse(write, 403, 'HCARD_E_FORBIDDEN');
    }
    expect(JSON.stringify(rig.card.snapshot())).toBe(snapshot);
  });

  it('lets any valid token list the readers', async () => {
    for (const client of Object.keys(ALL_CLIENTS)) {
      const res = await call('GET', '/v1/readers', bearer(client));
      expect(res.status, client).toBe(200);
    }
  });
});

describe('tokens created or revoked while the gateway runs', () => {
  let dir: string;
  let file: string;
  let rig: GatewayRig;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hcard-gw-tokens-'));
    file = join(dir, 'gateway.json');
    const { config } = loadOrCreateConfig(file);
    rig = await startGatewayRig({ listen: true, deps: { tokens: new TokenStore(file, config.tokens) } });
  });
  afterAll(async () => {
    await rig.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token: string) =>
    fetchWithin(`${rig.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('takes a new token at the next request, with exactly its scopes, and drops a revoked one at once', async () => {
    // The rig's built-in tokens are not in this file.
    await expectErrorResponse(await get('/v1/readers', tokenOf('all')), 401, 'HCARD_E_UNAUTHENTICATED');

    const first = createToken(file, 'desk-7', ['read:basic']);
    expect(first.token).toMatch(/^hcard_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8')).not.toContain(first.token);
    expect((await get('/v1/readers', first.token)).status).toBe(200);
    expect((await get(`${CARD}?sections=holder`, first.token)).status).toBe(200);
    await expectErrorResponse(await get(`${CARD}?sections=clinical`, first.token), 403, 'HCARD_E_FORBIDDEN');

    const second = createToken(file, 'desk-7', ['read:basic', 'read:clinical']);
    const other = createToken(file, 'ward-3', ['settle']);
    expect((await get(`${CARD}?sections=clinical`, second.token)).status).toBe(200);
    expect((await get(`${CARD}/insurance`, other.token)).status).toBe(200);

    // Revoked by id: that token only.
    expect(revokeTokens(file, first.entry.id).map((t) => t.id)).toEqual([first.entry.id]);
    await expectErrorResponse(await get('/v1/readers', first.token), 401, 'HCARD_E_UNAUTHENTICATED');
    expect((await get('/v1/readers', second.token)).status).toBe(200);

    // Revoked by client: all of its tokens, no other client's.
    expect(revokeTokens(file, 'desk-7').map((t) => t.id)).toEqual([second.entry.id]);
    await expectErrorResponse(await get('/v1/readers', second.token), 401, 'HCARD_E_UNAUTHENTICATED');
    expect((await get('/v1/readers', other.token)).status).toBe(200);

    // Created again right after a revoke (same size of file, maybe the same inode): seen at once.
    const again = createToken(file, 'desk-7', ['read:basic']);
    expect((await get('/v1/readers', again.token)).status).toBe(200);
    revokeTokens(file, again.entry.id);
    await expectErrorResponse(await get('/v1/readers', again.token), 401, 'HCARD_E_UNAUTHENTICATED');
  });

  it('on one keep-alive connection, judges each token it presents, and a revoke at once', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const onOneConnection = (path: string, token: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(
          `${rig.url}${path}`,
          { agent, headers: { authorization: `Bearer ${token}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      const desk = createToken(file, 'desk-8', ['read:basic']);
      const ward = createToken(file, 'ward-8', ['settle']);
      const seen: [number, boolean][] = [];
      for (const [path, token] of [
        ['/v1/readers', desk.token],
        [`${CARD}/insurance`, desk.token], // desk-8 has no settle
        [`${CARD}/insurance`, ward.token], // the next token on the connection, with settle
        ['/v1/readers', `${desk.token.slice(0, -1)}${desk.token.endsWith('A') ? 'B' : 'A'}`], // not a token
        ['/v1/readers', desk.token],
      ] as const) {
        const r = await onOneConnection(path, token);
        seen.push([r.status, r.reused]);
      }
      revokeTokens(file, desk.entry.id);
      const revoked = await onOneConnection('/v1/readers', desk.token);
      seen.push([revoked.status, revoked.reused]);
      expect(seen).toEqual([
        [200, false],
        [403, true],
        [200, true],
        [401, true],
        [200, true],
        [401, true],
      ]);
      revokeTokens(file, ward.entry.id);
    } finally {
      agent.destroy();
    }
  });

  it('keeps the tokens it had while the file is half-edited, and takes the fixed file', async () => {
    const kept = createToken(file, 'desk-9', ['read:basic']);
    expect((await get('/v1/readers', kept.token)).status).toBe(200);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.slice(0, good.length / 2));
    expect((await get('/v1/readers', kept.token)).status).toBe(200);
    writeFileSync(file, good);
    revokeTokens(file, 'desk-9');
    await expectErrorResponse(await get('/v1/readers', kept.token), 401, 'HCARD_E_UNAUTHENTICATED');
  });

  it('sees a revoke and a create in one tick of a coarse file clock (the same stat as before)', async () => {
    // On Linux before 6.13 (Debian 12), a file's times move in ticks, and a rewrite frees the
    // inode the next one may take: a revoke and a create of the same length in one tick leave
    // the stat as it was. This kernel gives fine-grained times, so the stat is held still here.
    const racy = join(dir, 'racy.json');
    const revoked = createToken(racy, 'desk-10', ['read:basic']);
    const held = { ...statSync(racy) };
    let changed = held.ctimeMs;
    const store = new TokenStore(racy, [], {
      stampOf: () => ({ ctimeMs: changed, size: held.size, ino: held.ino }),
    });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    expect(store.authenticate(revoked.token)?.client).toBe('desk-10');
    await nextTurn();
    revokeTokens(racy, revoked.entry.id);
    const created = createToken(racy, 'desk-10', ['read:basic']);
    expect(statSync(racy).size).toBe(held.size);
    expect(store.authenticate(revoked.token)).toBeUndefined();
    expect(store.authenticate(created.token)?.client).toBe('desk-10');

    // Once the file has not changed for a while, its stat is trusted and the file is not read
    // at each look: a rewrite that (impossibly, after that long) kept the stat goes unseen.
    changed = Date.now() - 10_000;
    await nextTurn();
    expect(store.authenticate(created.token)?.client).toBe('desk-10'); // read once more: now settled
    await nextTurn();
    revokeTokens(racy, created.entry.id);
    expect(store.authenticate(created.token)?.client).toBe('desk-10');
  });
});

describe('body limit, rate limit, bad JSON, unknown routes and the error shape', () => {
  let rig: GatewayRig;
  let port: number;
  beforeAll(async () => {
    rig = await startGatewayRig({
      listen: true,
      config: { bodyLimit: 2048, rateLimit: { max: 5, windowMs: 60_000 }, tokens: clientTokens() },
    });
    port = portOf(rig.url);
  });
  afterAll(() => rig.close());

  const post = (client: string, body: string, extra: Record<string, string> = {}) =>
    rawRequest({
      port,
      path: ENCOUNTERS,
      method: 'POST',
      headers: {
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${tokenOf(client)}`,
        'content-type': 'application/json',
        'idempotency-key': `limits-${client}-0001`,
        ...extra,
      },
      body,
    });

  it('refuses a body over bodyLimit with 413 HCARD_E_BODY_TOO_LARGE (declared or chunked) and writes nothing', async () => {
    const snapshot = JSON.stringify(rig.card.snapshot());
    const big = JSON.stringify({ kind: 'outpatient', items: { hospitalName: 'x'.repeat(2100) } });
    expect(big.length).toBeGreaterThan(2048);
    await expectErrorResponse(await post('writer', big), 413, 'HCARD_E_BODY_TOO_LARGE');
    await expectErrorResponse(
      await post('only-write', big, { 'transfer-encoding': 'chunked' }),
      413,
      'HCARD_E_BODY_TOO_LARGE',
    );
    // Just under the limit is read (and then refused by the schema, not by the limit).
    const under = JSON.stringify({ kind: 'dental', items: { x: 'y'.repeat(1800) } });
    expect(under.length).toBeGreaterThan(1024);
    expect(under.length).toBeLessThan(2048);
    await expectErrorResponse(await post('all', under), 400, 'HCARD_E_ARG_INVALID');
    expect(JSON.stringify(rig.card.snapshot())).toBe(snapshot);
  });

  it('answers malformed JSON with 400 HCARD_E_BODY_INVALID', async () => {
    for (const body of ['{"kind":', '{kind: outpatient}', 'null,', '\u0000', '{"kind":"outpatient",}']) {
      await expectErrorResponse(await post('writer', body), 400, 'HCARD_E_BODY_INVALID');
    }
    await expectErrorResponse(await post('writer', ''), 400, 'HCARD_E_BODY_INVALID');
  });

  it('answers an unknown route or method with 404 HCARD_E_NOT_FOUND', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['GET', '/v2/readers'],
      ['DELETE', '/v1/readers'],
      ['PUT', CARD],
      ['GET', `${CARD}/nothing`],
    ] as const) {
      const res = await rawRequest({
        port,
        path,
        method,
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${tokenOf('clinical')}` },
      });
      await expectErrorResponse(res, 404, 'HCARD_E_NOT_FOUND');
    }
  });

  it('rate-limits per client: 429 HCARD_E_RATE_LIMITED after rateLimit.max in the window; others go on', async () => {
    const get = (client: string) =>
      rawRequest({
        port,
        path: '/v1/readers',
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${tokenOf(client)}` },
      });
    // Five at once, then the sixth: the limit counts concurrent requests too.
    const first = await Promise.all(Array.from({ length: 5 }, () => get('only-basic')));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await get('only-basic');
    await expectErrorResponse(sixth, 429, 'HCARD_E_RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    // Another client, and the same machine without a token, are not affected.
    for (let i = 0; i < 5; i++) expect((await get('only-clinical')).status).toBe(200);
    const health = await rawRequest({ port, path: '/v1/health', headers: { host: `127.0.0.1:${port}` } });
    expect(health.status).toBe(200);
    // A burst of ten from a fresh client: exactly five get through.
    const burst = await Promise.all(Array.from({ length: 10 }, () => get('only-settle')));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    for (const r of burst.filter((r) => r.status !== 200))
      await expectErrorResponse(r, 429, 'HCARD_E_RATE_LIMITED');
  });

  it('answers an unexpected failure with 500 HCARD_E_INTERNAL and the catalogue text only', async () => {
    const local = await startGatewayRig({ listen: true });
    try {
      local.driver.list = async () => {
        throw new TypeError('boom in /srv/secret/driver.ts:12 for 11010519491231002X');
      };
      const res = await fetchWithin(`${local.url}/v1/readers`, { headers: local.headers('basic') });
      const text = await res.clone().text();
      await expectErrorResponse(res, 500, 'HCARD_E_INTERNAL');
      expect(text).not.toContain('boom');
      expect(text).not.toContain('11010519491231002X');
      expect(text).not.toContain('TypeError');
    } finally {
      await local.close();
    }
  });
});

/**
 * startServer (packages/gateway/src/server.ts): listens on every address of `config.listen`,
 * 127.0.0.1 and ::1 by default, and nothing else.
 */
describe('startServer: loopback only unless the config says otherwise', () => {
  let rig: GatewayRig;
  beforeAll(async () => {
    rig = await startGatewayRig();
  });
  afterAll(() => rig.close());

  const withServer = async (
    config: GatewayConfig,
    body: (port: number, urls: readonly string[]) => Promise<void>,
  ) => {
    const running = await startServer(config, { service: rig.service });
    try {
      await body(running.port, running.urls);
    } finally {
      await within(running.close(), 5000, 'server close');
    }
  };

  /** Local addresses of listening TCP sockets on `port`, from /proc/net/tcp{,6} (Linux). */
  const listeningOn = (port: number): string[] | undefined => {
    const out: string[] = [];
    for (const [name, v6] of [
      ['/proc/net/tcp', false],
      ['/proc/net/tcp6', true],
    ] as const) {
      let text: string;
      try {
        text = readFileSync(name, 'utf8');
      } catch {
        return undefined;
      }
      for (const line of text.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 4 || cols[3] !== '0A') continue;
        const [hexAddr, hexPort] = cols[1]!.split(':');
        if (Number.parseInt(hexPort!, 16) !== port) continue;
        out.push(
          v6
            ? hexAddr!
            : hexAddr!
                .match(/../g)!
                .reverse()
                .map((b) => Number.parseInt(b, 16))
                .join('.'),
        );
      }
    }
    return out;
  };
  const V6_LOOPBACK = '00000000000000000000000001000000';

  const health = (address: '127.0.0.1' | '::1', port: number, host: string) =>
    rawRequest({ address, port, path: '/v1/health', headers: { host }, timeoutMs: 5000 });

  it('listens on 127.0.0.1 and ::1 by default, on one port, and on nothing else', async () => {
    expect(rig.config.listen).toEqual(['127.0.0.1', '::1']);
    await withServer({ ...rig.config, port: 0 }, async (port, urls) => {
      expect(urls).toEqual([`http://127.0.0.1:${port}`, `http://[::1]:${port}`]);
      expect((await health('127.0.0.1', port, `127.0.0.1:${port}`)).status).toBe(200);
      expect((await health('::1', port, `[::1]:${port}`)).status).toBe(200);
      const sockets = listeningOn(port);
      if (sockets) expect(sockets.sort()).toEqual([V6_LOOPBACK, '127.0.0.1'].sort());
    });
  });

  it('applies the Host allow-list and tokens on the ::1 socket as well', async () => {
    await withServer({ ...rig.config, port: 0 }, async (port) => {
      await expectErrorResponse(
        await health('::1', port, `evil.example:${port}`),
        421,
        'HCARD_E_HOST_REFUSED',
      );
      const readers = await rawRequest({
        address: '::1',
        port,
        path: '/v1/readers',
        headers: { host: `localhost:${port}` },
      });
      await expectErrorResponse(readers, 401, 'HCARD_E_UNAUTHENTICATED');
      const ok = await rawRequest({
        address: '::1',
        port,
        path: `${CARD}?sections=holder`,
        headers: { host: `[::1]:${port}`, authorization: `Bearer ${tokenOf('basic')}` },
      });
      expect(ok.status).toBe(200);
    });
  });

  it('listens only where `listen` says', async () => {
    await withServer({ ...rig.config, port: 0, listen: ['127.0.0.1'] }, async (port, urls) => {
      expect(urls).toEqual([`http://127.0.0.1:${port}`]);
      expect((await health('127.0.0.1', port, `127.0.0.1:${port}`)).status).toBe(200);
      await expect(health('::1', port, `[::1]:${port}`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      const sockets = listeningOn(port);
      if (sockets) expect(sockets).toEqual(['127.0.0.1']);
    });
    await withServer({ ...rig.config, port: 0, listen: ['::1'] }, async (port) => {
      expect((await health('::1', port, `[::1]:${port}`)).status).toBe(200);
      await expect(health('127.0.0.1', port, `127.0.0.1:${port}`)).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      const sockets = listeningOn(port);
      if (sockets) expect(sockets).toEqual([V6_LOOPBACK]);
    });
  });

  it('serves the WebSocket on the ::1 socket too, and closes with its clients still connected', async () => {
    const running = await startServer({ ...rig.config, port: 0 }, { service: rig.service });
    let closing: Promise<void> | undefined;
    try {
      const ws = new WebSocket(`ws://[::1]:${running.port}/v1/events/ws`, {
        headers: { host: `[::1]:${running.port}`, authorization: `Bearer ${tokenOf('basic')}` },
        handshakeTimeout: 5000,
      });
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      const first = await within(
        new Promise<{ type: string }>((resolve, reject) => {
          ws.once('message', (data) => resolve(JSON.parse(String(data)) as { type: string }));
          ws.once('error', reject);
        }),
        5000,
        'the first message on ::1',
      );
      expect(first.type).toBe('state');
      // A keep-alive HTTP client on ::1 as well: close must not wait for either to leave.
      const socket = connect({ host: '::1', port: running.port });
      const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(
        `GET /v1/health HTTP/1.1\r\nHost: [::1]:${running.port}\r\nConnection: keep-alive\r\n\r\n`,
      );
      const answer = await within(
        new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString()))),
        5000,
        'the keep-alive answer',
      );
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      closing = running.close();
      await within(closing, 5000, 'close with clients connected');
      expect(await within(closed, 5000, 'the WebSocket closed by the server')).toBe(1001);
      await within(socketClosed, 5000, 'the keep-alive socket closed by the server');
    } finally {
      if (!closing) await running.close();
    }
  });

  it('skips an address the machine does not have, and serves the others', async () => {
    // 192.0.2.1 (TEST-NET-1) is on no interface here: binding it fails, nothing is sent.
    await withServer({ ...rig.config, port: 0, listen: ['127.0.0.1', '192.0.2.1'] }, async (port, urls) => {
      expect(urls).toEqual([`http://127.0.0.1:${port}`]);
      expect((await health('127.0.0.1', port, `127.0.0.1:${port}`)).status).toBe(200);
    });
    const running = await startServer(
      { ...rig.config, port: 0, listen: ['127.0.0.1', '192.0.2.1'] },
      {
        service: rig.service,
      },
    );
    expect(running.skipped).toEqual([{ address: '192.0.2.1', reason: 'EADDRNOTAVAIL' }]);
    await running.close();
  });

  it('fails to start with HCARD_E_LISTEN_FAILED when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '::1', resolve));
    try {
      const started = startServer({ ...rig.config, port }, { service: rig.service });
      const error = await within(
        started.then(
          async (running) => {
            await running.close();
            return undefined;
          },
          (e: unknown) => e,
        ),
        5000,
        'startServer on a taken port',
      );
      expect(isHcardError(error, 'HCARD_E_LISTEN_FAILED')).toBe(true);
      // Nothing is left listening on 127.0.0.1 after the failed start.
      await expect(health('127.0.0.1', port, `127.0.0.1:${port}`)).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
