/**
 * A typed client for the gateway, generated from its OpenAPI document (schema.ts, kept in step
 * by a test): `createGatewayClient({ baseUrl, token })` gives `GET`/`POST` with the paths,
 * parameters and bodies of the routes checked by the compiler.
 *
 *   const client = createGatewayClient({ baseUrl: 'http://127.0.0.1:7130', token });
 *   const { data, error } = await client.GET('/v1/readers/{reader}/card', {
 *     params: { path: { reader: 'Virtual PCD 00 00' }, query: { sections: 'holder,insurance' } },
 *   });
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export type GatewayPaths = paths;

export function createGatewayClient(options: { baseUrl: string; token?: string; fetch?: typeof fetch }) {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
}
