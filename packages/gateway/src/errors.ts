/**
 * Every failure leaves the gateway as `{ error: { code, message, hint?, mohrss? } }` with the catalogue's
 * HTTP status: catalogue errors as they are, Fastify's own (bad JSON, schema validation, body
 * too large, unknown route, rate limit) mapped to catalogue codes. No stack ever reaches a client.
 */
import {
  ERROR_CATALOGUE,
  type ErrorCode,
  type HcardError,
  hcardError,
  isHcardError,
  type MohrssError,
} from '@hcard/card-core';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'catalogue code (docs/errors.md)' }),
      message: Type.String(),
      hint: Type.Optional(Type.String()),
      /** Interface error code (101–113) on the compat routes. */
      ifCode: Type.Optional(Type.Integer()),
      mohrss: Type.Optional(
        Type.Object(
          { code: Type.Integer(), text: Type.String() },
          {
            description:
              'the MOHRSS error code and text a social-security failure has in the national interface (iReadCardBas), e.g. -2203 when the PSAM lacks the SSSE key',
          },
        ),
      ),
    }),
  },
  { $id: 'Error' },
);

/** The error answers a card route can give, for its response schema (OpenAPI). */
export const CARD_ROUTE_ERRORS = Object.fromEntries(
  [400, 401, 403, 404, 409, 422, 429, 502, 503].map((status) => [status, ErrorBody]),
) as Record<400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503, typeof ErrorBody>;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'HCARD_E_BODY_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'HCARD_E_BODY_INVALID',
  FST_ERR_CTP_BODY_TOO_LARGE: 'HCARD_E_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HCARD_E_BODY_INVALID',
  FST_ERR_VALIDATION: 'HCARD_E_ARG_INVALID',
};

export function toCatalogueError(error: unknown): HcardError {
  if (isHcardError(error)) return error;
  const e = error as FastifyError;
  if (e.code === 'FST_ERR_VALIDATION') return hcardError('HCARD_E_ARG_INVALID', e.message);
  const code = FASTIFY_CODES[e.code ?? ''];
  if (code) return hcardError(code);
  if (e instanceof SyntaxError) return hcardError('HCARD_E_BODY_INVALID');
  return hcardError('HCARD_E_INTERNAL');
}

export function errorBody(err: HcardError) {
  const hint = err.hint;
  const mohrss = err.details.mohrss as MohrssError | undefined;
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(hint ? { hint } : {}),
      ...(mohrss ? { mohrss: { code: mohrss.code, text: mohrss.text } } : {}),
    },
  };
}

/**
 * A failed request's catalogue error and HTTP status, logged: internal errors with their cause
 * (the client only sees the catalogue text), refusals by their code.
 */
export function refusalOf(error: unknown, request: FastifyRequest): { err: HcardError; status: number } {
  const err = toCatalogueError(error);
  if (err.code === 'HCARD_E_INTERNAL') request.log.error({ err: error }, 'internal error');
  else request.log.info({ code: err.code }, 'request refused');
  return { err, status: ERROR_CATALOGUE[err.code].http };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { err, status } = refusalOf(error, request);
    return reply.code(status).send(errorBody(err));
  });
  app.setNotFoundHandler((request, reply) => {
    const err = hcardError('HCARD_E_NOT_FOUND', `${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).send(errorBody(err));
  });
}
