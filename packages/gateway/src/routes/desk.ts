/** The desk page at /desk (static files from ../desk). (Stub: filled in by the desk work.) */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const deskRoutes: FastifyPluginAsyncTypebox = async () => {};
