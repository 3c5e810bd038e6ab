/** `GET /v1/health`: no token; says the gateway is up and which version it is. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VERSION } from '../version.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/health',
    {
      config: { scope: 'public' },
      schema: {
        summary: 'Status and version (no token needed)',
        tags: ['gateway'],
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: VERSION }),
  );
};
