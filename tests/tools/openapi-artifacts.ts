/**
 * The gateway's OpenAPI document and the TypeScript types generated from it, as committed in
 * packages/gateway (openapi.json, src/client/schema.ts). `pnpm gen:openapi` rewrites them; a
 * test regenerates them in memory and fails when the committed ones are stale.
 */
import { buildApp, parseConfig, ReaderService } from '@hcard/gateway';
import { EmulatorDriver } from '@hcard/reader-driver';
import openapiTS, { astToString } from 'openapi-typescript';

export const OPENAPI_FILE = new URL('../../packages/gateway/openapi.json', import.meta.url);
export const SCHEMA_FILE = new URL('../../packages/gateway/src/client/schema.ts', import.meta.url);

/** The document the routes' schemas produce (no readers needed to describe them). */
export async function openapiDocument(): Promise<string> {
  const service = new ReaderService(new EmulatorDriver());
  const app = await buildApp(parseConfig({}), { service });
  await app.ready();
  const document = JSON.stringify(app.swagger(), null, 2);
  await app.close();
  return `${document}\n`;
}

export async function clientTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document));
  return `// Generated from packages/gateway/openapi.json by \`pnpm gen:openapi\`; do not edit.\n${astToString(ast)}`;
}
