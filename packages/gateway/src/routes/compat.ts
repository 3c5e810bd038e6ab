/** The national interface's functions (IF2012) as routes. (Stub: filled in by the compat work.) */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { GatewayHooks } from '../app.js';
import type { ReaderService } from '../readers/reader-service.js';

export interface CompatRoutesOptions {
  readonly service: ReaderService;
  readonly hooks: GatewayHooks;
}

export const compatRoutes: FastifyPluginAsyncTypebox<CompatRoutesOptions> = async () => {};
