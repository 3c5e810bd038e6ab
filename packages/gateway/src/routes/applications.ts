/**
 * The other applications of the three-in-one card, the desk's ID-card reader and the identity
 * check, with the gateway's security rules (issue 9):
 *
 * - GET /v1/readers/{reader}/card/ssse (read:basic): the social-security application, and with
 *   `format=text` the national `iReadCardBas` string;
 * - GET /v1/readers/{reader}/card/bank (read:basic): the bank application, masked;
 * - GET /v1/idcard (read:basic): the ID card on the configured serial reader;
 * - GET /v1/readers/{reader}/identity (read:basic): one verdict per check, with reasons.
 *
 * Card reads go through ReaderService.readApplications (one registration read per card, kept
 * until it is removed); the 1101 input built from the SSSE data is in routes/card.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  beijingDate,
  CARD_NOT_READ_ERRORS,
  checkIdentity,
  fromHex,
  hcardError,
  IDENTITY_CHECKS,
  IDENTITY_REASONS,
  type IdentityCheckName,
  type IdentityReason,
  identityEvidence,
  type RegistrationRead,
  toHcardError,
  toMohrssError,
  VERDICTS,
  type Verdict,
} from '@hcard/card-core';
import { idCardIdentity } from '@hcard/reader-driver';
import { Type } from 'typebox';
import type { GatewayHooks } from '../app.js';
import type { GatewayConfig } from '../config/config.js';
import type { Hotlist } from '../config/hotlist.js';
import { CARD_ROUTE_ERRORS } from '../errors.js';
import type { IdCardService } from '../readers/idcard-service.js';
import type { ReaderService } from '../readers/reader-service.js';
import { InsertionFields } from './card-insertion.js';

export interface ApplicationRoutesOptions {
  readonly service: ReaderService;
  readonly config: GatewayConfig;
  readonly hooks: GatewayHooks;
  readonly idCards?: IdCardService;
  readonly hotlist?: Hotlist;
}

const ReaderParam = Type.Object({ reader: Type.String({ description: 'PC/SC reader name (URL-encoded)' }) });
const Fresh = Type.Optional(Type.Boolean({ description: 'read the card again instead of its snapshot' }));
const Errors = CARD_ROUTE_ERRORS;
const Strings = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));
const Mohrss = Type.Object({ code: Type.Integer(), text: Type.String() });

const SsseResponse = Type.Object({
  reader: Type.String(),
  ...InsertionFields,
  card: Strings,
  holder: Type.Union([
    Type.Object({ readable: Type.Literal(true), value: Strings }),
    Type.Object({ readable: Type.Literal(false), reason: Type.String(), mohrss: Mohrss }),
  ]),
  /** The 9F0C algorithm id of 3.0 cards. */
  algorithm: Type.Integer(),
  iReadCardBas: Type.Optional(
    Type.String({
      description: 'the national iReadCardBas 11-field string (spec A.7), when the holder data was read',
    }),
  ),
});

const BankResponse = Type.Object({
  reader: Type.String(),
  ...InsertionFields,
  bank: Type.Object({
    aid: Type.String(),
    label: Type.String(),
    maskedPan: Type.String({
      description: 'first 6 and last 4 digits; the full number never leaves the reader',
    }),
    holderName: Type.Optional(Type.String()),
    expiryMonth: Type.Optional(Type.String({ description: 'YYYY-MM' })),
    scheme: Type.String(),
    product: Type.Optional(Type.String()),
    holderIdMatches: Type.Optional(Type.Boolean()),
  }),
});

const IdCardResponse = Type.Object({
  port: Type.String(),
  counter: Type.Integer({ description: 'placements read on this port since the gateway started' }),
  cached: Type.Boolean(),
  readAt: Type.String(),
  card: Type.Record(Type.String(), Type.Unknown(), { description: 'the text block, by field (spec C.6)' }),
  appendedAddress: Type.Optional(Type.String()),
  photo: Type.Object({
    format: Type.Literal('wlt'),
    base64: Type.String(),
    decoded: Type.Literal(false),
    note: Type.String(),
  }),
});

/** A string out of a table (checks, verdicts, reasons), typed as the table's keys. */
const OneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const VerdictSchema = OneOf<Verdict>(VERDICTS);

const Check = Type.Object({
  check: OneOf<IdentityCheckName>(IDENTITY_CHECKS),
  verdict: VerdictSchema,
  reason: OneOf(Object.keys(IDENTITY_REASONS) as IdentityReason[]),
  words: Type.String(),
  detail: Type.Optional(Type.String()),
});

const IdentityResponse = Type.Object({
  reader: Type.String(),
  verdict: VerdictSchema,
  checks: Type.Array(Check),
  // When the card was read: the insertion the verdict belongs to.
  counter: Type.Optional(InsertionFields.counter),
  cached: Type.Optional(InsertionFields.cached),
  idCard: Type.Optional(Type.Object({ port: Type.String(), counter: Type.Integer() })),
});

function ssseOf(read: RegistrationRead) {
  const ssse = read.ssse;
  if (!ssse || ssse.kind === 'absent')
    throw hcardError('HCARD_E_APPLICATION_ABSENT', 'no social-security (SSSE) application', {
      application: 'ssse',
    });
  if (ssse.kind === 'failed')
    throw hcardError('HCARD_E_SSSE_READ_FAILED', ssse.failure.kind, {
      failure: ssse.failure.kind,
      mohrss: toMohrssError(ssse.failure),
    });
  return ssse;
}

export const applicationRoutes: FastifyPluginAsyncTypebox<ApplicationRoutesOptions> = async (
  app,
  { service, config, hooks, idCards, hotlist },
) => {
  const readApplications = (
    request: Parameters<GatewayHooks['audited']>[0],
    reader: string,
    section: string,
    fresh?: boolean,
  ) =>
    hooks.audited(request, { action: 'read', reader, sections: [section] }, async () => {
      const result = await service.readApplications(reader, { fresh: fresh === true });
      const r = result.read;
      hooks.sawNames([
        r.health?.kind === 'read' ? r.health.data.items.name : undefined,
        r.ssse?.kind === 'read' && r.ssse.reading.holder.readable
          ? r.ssse.reading.holder.value.name
          : undefined,
        r.bank?.kind === 'bank-application' ? r.bank.holderName : undefined,
      ]);
      return result;
    });

  app.get(
    '/v1/readers/:reader/card/ssse',
    {
      config: { scope: 'read:basic' },
      schema: {
        summary: 'Read the social-security (SSSE) application of the card',
        description:
          'Card data (卡识别码, 规范版本, dates, 卡号) and holder data (read through the PSAM on 3.0 cards). format=text answers the national iReadCardBas string as text/plain.',
        tags: ['card', 'settlement'],
        params: ReaderParam,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('text')])),
          fresh: Fresh,
        }),
        response: {
          200: {
            description: 'the application as JSON, or with format=text the iReadCardBas string',
            content: {
              'application/json': { schema: SsseResponse },
              'text/plain': { schema: Type.String({ description: '11 fields, each ending with |' }) },
            },
          },
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { reader } = request.params;
      const { read, counter, cached } = await readApplications(request, reader, 'ssse', request.query.fresh);
      const ssse = ssseOf(read);
      const { card, holder, algorithm } = ssse.reading;
      if (request.query.format === 'text') {
        if (!ssse.cardBas) {
          const failure = holder.readable ? ({ kind: 'psam-missing' } as const) : holder.reason;
          throw hcardError('HCARD_E_SSSE_READ_FAILED', `the holder data was not readable (${failure.kind})`, {
            failure: failure.kind,
            mohrss: toMohrssError(failure),
          });
        }
        return reply.type('text/plain; charset=utf-8').send(ssse.cardBas);
      }
      return {
        reader,
        counter,
        cached,
        card: { ...card },
        holder: holder.readable
          ? { readable: true as const, value: { ...holder.value } }
          : { readable: false as const, reason: holder.reason.kind, mohrss: toMohrssError(holder.reason) },
        algorithm,
        ...(ssse.cardBas ? { iReadCardBas: ssse.cardBas } : {}),
      };
    },
  );

  app.get(
    '/v1/readers/:reader/card/bank',
    {
      config: { scope: 'read:basic' },
      schema: {
        summary: 'Read the bank application of the card, masked',
        description:
          'The card number masked to its first 6 and last 4 digits, the holder name and the expiry month. The full number and track-2 data never leave the reader.',
        tags: ['card'],
        params: ReaderParam,
        querystring: Type.Object({ fresh: Fresh }),
        response: { 200: BankResponse, ...Errors },
      },
    },
    async (request) => {
      const { reader } = request.params;
      const { read, counter, cached } = await readApplications(request, reader, 'bank', request.query.fresh);
      const bank = read.bank;
      if (bank?.kind !== 'bank-application')
        throw hcardError('HCARD_E_APPLICATION_ABSENT', 'no bank application', { application: 'bank' });
      const { aid, label, maskedPan, holderName, expiryMonth, scheme, product, holderIdMatches } = bank;
      return {
        reader,
        counter,
        cached,
        bank: {
          aid,
          label,
          maskedPan,
          scheme,
          ...(holderName ? { holderName } : {}),
          ...(expiryMonth ? { expiryMonth } : {}),
          ...(product ? { product } : {}),
          ...(holderIdMatches === undefined ? {} : { holderIdMatches }),
        },
      };
    },
  );

  app.get(
    '/v1/idcard',
    {
      config: { scope: 'read:basic' },
      schema: {
        summary: "Read the resident ID card on the desk's ID-card reader",
        description:
          'The card read since it was placed (the reader lets a card be read once per placement), else a read now. The WLT photo is given as read: no licensed decoder is available.',
        tags: ['idcard'],
        querystring: Type.Object({ fresh: Fresh }),
        response: { 200: IdCardResponse, ...Errors },
      },
    },
    async (request) => {
      if (!idCards) throw hcardError('HCARD_E_IDCARD_NOT_CONFIGURED');
      const read = await hooks.audited(
        request,
        { action: 'read', reader: idCards.port, sections: ['idcard'] },
        () => idCards.read({ fresh: request.query.fresh === true }),
      );
      const { text, photo, appendedAddress } = read.data;
      hooks.sawNames([idCardIdentity(text).name]);
      return {
        port: idCards.port,
        counter: read.counter,
        cached: read.cached,
        readAt: read.readAt.toISOString(),
        card: { ...text },
        ...(appendedAddress ? { appendedAddress } : {}),
        photo: {
          format: 'wlt' as const,
          base64: Buffer.from(photo.bytes).toString('base64'),
          decoded: false as const,
          note: photo.note,
        },
      };
    },
  );

  app.get(
    '/v1/readers/:reader/identity',
    {
      config: { scope: 'read:basic' },
      schema: {
        summary: 'Check the identity of the card holder: one verdict per check, with reasons',
        description: `Checks: ${IDENTITY_CHECKS.join(', ')}. The ID card on the desk's ID-card reader is compared when one is configured and idcard is not false. Overall: fail when any check fails, pass when the card authenticated through the PSAM and nothing failed, else not_possible.`,
        tags: ['card', 'identity'],
        params: ReaderParam,
        querystring: Type.Object({ idcard: Type.Optional(Type.Boolean()), fresh: Fresh }),
        response: { 200: IdentityResponse, ...Errors },
      },
    },
    async (request) => {
      const { reader } = request.params;
      let cardError: string | undefined;
      const card = await readApplications(request, reader, 'identity', request.query.fresh).catch(
        (e: unknown) => {
          const err = toHcardError(e);
          if (!CARD_NOT_READ_ERRORS.has(err.code)) throw err;
          cardError = err.code;
          return undefined;
        },
      );
      let idCard: Awaited<ReturnType<IdCardService['read']>> | undefined;
      let idCardError: string | undefined;
      if (idCards && request.query.idcard !== false) {
        idCard = await idCards.read().catch((e: unknown) => {
          idCardError = toHcardError(e).code;
          return undefined;
        });
      }
      const root = config.identity.trustedRoot;
      const verdict = checkIdentity(
        identityEvidence(card?.read, idCard ? idCardIdentity(idCard.data.text) : undefined, {
          ...(cardError ? { cardError } : {}),
          ...(idCardError ? { idCardError } : {}),
        }),
        {
          today: beijingDate(),
          ...(root ? { trustedRoot: fromHex(root) } : {}),
          ...(hotlist ? { hotlist: (n: string) => hotlist.lookup(n) } : {}),
        },
      );
      return {
        reader,
        verdict: verdict.verdict,
        checks: verdict.checks.map((c) => ({ ...c })),
        ...(card ? { counter: card.counter, cached: card.cached } : {}),
        ...(idCard && idCards ? { idCard: { port: idCards.port, counter: idCard.counter } } : {}),
      };
    },
  );
};
