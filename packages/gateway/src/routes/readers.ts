/** `GET /v1/readers`: the readers, whether a card is in, its ATR and the reader's event counter. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../errors.js';
import type { ReaderService } from '../readers/reader-service.js';

const Reader = Type.Object({
  name: Type.String(),
  cardPresent: Type.Boolean(),
  atr: Type.Union([Type.String(), Type.Null()]),
  counter: Type.Integer({ description: 'events seen for this reader; the id of its latest event' }),
  psam: Type.Union([Type.String(), Type.Null()], { description: 'the paired PSAM slot' }),
});

export const readerRoutes: FastifyPluginAsyncTypebox<{ service: ReaderService }> = async (
  app,
  { service },
) => {
  app.get(
    '/v1/readers',
    {
      schema: {
        summary: 'Readers and their cards',
        tags: ['readers'],
        response: { 200: Type.Object({ readers: Type.Array(Reader) }), 401: ErrorBody, 503: ErrorBody },
      },
    },
    async () => ({ readers: await service.list() }),
  );
};
