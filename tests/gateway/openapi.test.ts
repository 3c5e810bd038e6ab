/**
 * The OpenAPI document is generated from the route schemas, and the typed client from the
 * document: the committed copies must be what the code generates now (`pnpm gen:openapi`), the
 * document must describe every route the issue names, and the client must work against a
 * gateway on a real socket.
 */
import { readFileSync } from 'node:fs';
import { createGatewayClient } from '@hcard/gateway/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayRig, startGatewayRig, tokenOf, USER_READER } from '../support/gateway-rig.js';
import { clientTypes, OPENAPI_FILE, openapiDocument, SCHEMA_FILE } from '../tools/openapi-artifacts.js';

describe('the OpenAPI document and the typed client', () => {
  let document: string;
  beforeAll(async () => {
    document = await openapiDocument();
  });

  it('are committed as the routes generate them (run pnpm gen:openapi after changing a route)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(document);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await clientTypes(document));
  });

  it('describes every route with its parameters and responses', () => {
    const paths = JSON.parse(document).paths as Record<string, Record<string, { responses?: object }>>;
    for (const route of [
      ['get', '/v1/health'],
      ['get', '/v1/readers'],
      ['get', '/v1/readers/{reader}/card'],
      ['get', '/v1/readers/{reader}/card/insurance'],
      ['post', '/v1/readers/{reader}/card/encounters'],
      ['get', '/v1/compat/iR_DDF1EF05Info'],
      ['post', '/v1/compat/iW_DDF1EF08Info'],
      ['get', '/v1/events'],
    ] as const) {
      const operation = paths[route[1]]?.[route[0]];
      expect(operation, route.join(' ')).toBeDefined();
      expect(Object.keys(operation!.responses ?? {}), route.join(' ')).toContain('200');
    }
  });

  it('served at /openapi.json and /docs', async () => {
    const rig = await startGatewayRig();
    try {
      const host = { host: '127.0.0.1:7130' };
      const served = await rig.app.inject({ url: '/openapi.json', headers: host });
      expect(served.statusCode).toBe(200);
      expect(`${JSON.stringify(served.json(), null, 2)}\n`).toBe(document);
      const page = await rig.app.inject({ url: '/docs/', headers: host });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/swagger/i);
    } finally {
      await rig.close();
    }
  });

  describe('the client against a gateway on a real socket', () => {
    let rig: GatewayRig;
    beforeAll(async () => {
      rig = await startGatewayRig({ listen: true, seed: 'typed-client' });
    });
    afterAll(() => rig.close());
    const client = () => createGatewayClient({ baseUrl: rig.url, token: tokenOf('all') });
    const reader = { reader: USER_READER };

    it('reads health, readers and the card', async () => {
      expect((await client().GET('/v1/health')).data).toEqual({ status: 'ok', version: expect.any(String) });
      const readers = await client().GET('/v1/readers');
      expect(readers.data?.readers.map((r) => r.name)).toContain(USER_READER);
      expect(readers.data).not.toHaveProperty('idCard'); // no ID-card reader configured
      const card = await client().GET('/v1/readers/{reader}/card', {
        params: { path: reader, query: { sections: 'holder,insurance' } },
      });
      expect(card.data?.card.holder).toMatchObject({
        name: rig.built.items.name,
        idNumber: rig.built.items.idNumber,
      });
      const insurance = await client().GET('/v1/readers/{reader}/card/insurance', {
        params: { path: reader },
      });
      expect(insurance.data?.lookup.certno).toBe(rig.built.items.idNumber);
    });

    it('writes an encounter once per Idempotency-Key', async () => {
      const post = () =>
        client().POST('/v1/readers/{reader}/card/encounters', {
          params: { path: reader, header: { 'idempotency-key': 'typed-client-0001' } },
          body: { kind: 'outpatient', items: { visitHospitalName: '示例市人民医院' } },
        });
      const first = await post();
      const again = await post();
      expect(first.data?.record).toBeGreaterThan(0);
      expect(again.data).toEqual(first.data);
      expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    });

    it('gets the catalogue error body on a refusal', async () => {
      const unauthorised = createGatewayClient({ baseUrl: rig.url });
      const result = await unauthorised.GET('/v1/readers');
      expect(result.response.status).toBe(401);
      expect(result.error).toMatchObject({ error: { code: 'HCARD_E_UNAUTHENTICATED' } });
    });
  });
});
