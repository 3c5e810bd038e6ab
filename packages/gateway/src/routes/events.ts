/** Reader and card events over SSE and WebSocket. (Stub: filled in by the events work.) */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReaderService } from '../readers/reader-service.js';
import type { TicketStore } from '../security/tickets.js';

export interface EventRoutesOptions {
  readonly service: ReaderService;
  readonly tickets: TicketStore;
}

export const eventRoutes: FastifyPluginAsyncTypebox<EventRoutesOptions> = async () => {};
