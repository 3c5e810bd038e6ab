/**
 * `GET /v1/readers`: the readers, whether a card is in, its ATR and the reader's event counter;
 * and the ID-card reader's counter where the gateway has one, so that a client without the
 * event stream (polling) sees a new ID card too, and whether that reader answers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../errors.js';
import type { IdCardService } from '../readers/idcard-service.js';
import type { ReaderService } from '../readers/reader-service.js';

const Reader = Type.Object({
  name: Type.String(),
  cardPresent: Type.Boolean(),
  atr: Type.Union([Type.String(), Type.Null()]),
  counter: Type.Integer({ description: 'events seen for this reader; the id of its latest event' }),
  psam: Type.Union([Type.String(), Type.Null()], { description: 'the paired PSAM slot' }),
});

const IdCardReader = Type.Object({
  port: Type.String({ description: "the ID-card reader's serial port" }),
  counter: Type.Integer({
    description: 'ID cards read on it since the gateway started; the id of its latest idcard-placed event',
  }),
  problem: Type.Optional(
    Type.String({
      description:
        "the catalogue code of the last poll's failure (reader silent, port gone); absent while polls succeed",
    }),
  ),
});

const idCardStatus = ({ port, counter, lastProblem }: IdCardService) => ({
  port,
  counter,
  ...(lastProblem ? { problem: lastProblem } : {}),
});

export const readerRoutes: FastifyPluginAsyncTypebox<{
  service: ReaderService;
  idCards?: IdCardService;
}> = async (app, { service, idCards }) => {
  app.get(
    '/v1/readers',
    {
      schema: {
        summary: 'Readers and their cards',
        tags: ['readers'],
        response: {
          200: Type.Object({ readers: Type.Array(Reader), idCard: Type.Optional(IdCardReader) }),
          401: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async () => ({
      readers: await service.list(),
      ...(idCards ? { idCard: idCardStatus(idCards) } : {}),
    }),
  );
};
