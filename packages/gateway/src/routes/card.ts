/**
 * The card in a reader: sections of it (scope per section, CARD_SECTIONS), the national
 * insurance platform's person-lookup input (1101, scope settle) and encounter records written
 * with an Idempotency-Key (scope write:encounters).
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type Section as CoreSection,
  type HealthCardData,
  hcardError,
  insuranceLookupInput1101,
  refusalError,
} from '@hcard/card-core';
import { type Static, Type } from 'typebox';
import type { GatewayHooks } from '../app.js';
import type { GatewayConfig } from '../config/config.js';
import { CARD_ROUTE_ERRORS } from '../errors.js';
import {
  CARD_SECTION_NAMES,
  CARD_SECTIONS,
  type CardSection,
  coreSectionsOf,
  DEFAULT_SECTIONS,
} from '../readers/card-sections.js';
import { IdempotencyCache } from '../readers/idempotency.js';
import type { CardReadResult, ReaderService } from '../readers/reader-service.js';
import { InsertionFields } from './card-insertion.js';

export interface CardRoutesOptions {
  readonly service: ReaderService;
  readonly config: GatewayConfig;
  readonly hooks: GatewayHooks;
}

const ReaderParam = Type.Object({ reader: Type.String({ description: 'PC/SC reader name (URL-encoded)' }) });
const Errors = CARD_ROUTE_ERRORS;
const Items = Type.Record(Type.String(), Type.String());

const CardResponse = Type.Object({
  reader: Type.String(),
  ...InsertionFields,
  card: Type.Object(
    {
      issuer: Type.Optional(Items),
      holder: Type.Optional(Items),
      photo: Type.Optional(
        Type.Union([Type.Null(), Type.Object({ mime: Type.String(), base64: Type.String() })]),
      ),
      insurance: Type.Optional(Items),
      address: Type.Optional(Items),
      clinical: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      allergies: Type.Optional(
        Type.Array(Type.Object({ substance: Type.String(), reaction: Type.String() })),
      ),
      encounters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    },
    { additionalProperties: false },
  ),
});

const InsuranceResponse = Type.Object({
  reader: Type.String(),
  ...InsertionFields,
  /** Which application the lookup is built from: the social-security one when the card has it. */
  source: Type.Union([Type.Literal('ssse'), Type.Literal('health')]),
  /** Input of the national platform's person lookup 1101 (人员信息获取), spec §A.8. */
  lookup: Type.Object({
    mdtrt_cert_type: Type.String(),
    mdtrt_cert_no: Type.String(),
    card_sn: Type.String(),
    psn_cert_type: Type.String(),
    certno: Type.String(),
    psn_name: Type.String(),
  }),
  ruralInsuranceNumber: Type.String(),
  paymentSchemes: Type.Array(Type.String()),
  region: Type.String({ description: "the card's application city code (GB/T 2260)" }),
});

const EncounterBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('outpatient'), Type.Literal('inpatient')]),
    /**
     * The reader's event counter when the caller read this card (`counter` of the card read):
     * the write is refused with HCARD_E_CARD_REMOVED if another card went in since.
     */
    counter: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Record number; default: the first empty one, else the oldest. */
    record: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    /** Item keys of the layout (card-core profile) and their values. */
    items: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: false },
);

const EncounterResponse = Type.Object({
  reader: Type.String(),
  kind: Type.String(),
  record: Type.Integer(),
  signed: Type.Boolean(),
  writtenAt: Type.String(),
});

/**
 * A card answer as UTF-8 JSON, made once per card data, reader, counter and list of sections: a
 * snapshot is the same object until the card is read again, so its answers are too. Serialising
 * the card's text on every snapshot read was the largest cost of the route; the bytes are kept
 * so that neither their length nor their encoding is worked out again per request.
 */
const answers = new WeakMap<HealthCardData, Map<string, Buffer>>();
function cardAnswer(reader: string, read: CardReadResult, sections: readonly CardSection[]): Buffer {
  let byKey = answers.get(read.data);
  if (!byKey) {
    byKey = new Map();
    answers.set(read.data, byKey);
  }
  const key = `${reader}\n${read.counter}\n${read.cached}\n${sections.join(',')}`;
  let answer = byKey.get(key);
  if (!answer) {
    const card = Object.fromEntries(sections.map((s) => [s, CARD_SECTIONS[s].take(read.data)]));
    answer = Buffer.from(JSON.stringify({ reader, counter: read.counter, cached: read.cached, card }));
    byKey.set(key, answer);
  }
  return answer;
}

interface SectionRequest {
  readonly sections: readonly CardSection[];
  /** The card-core sections they are read from. */
  readonly core: readonly CoreSection[];
}

function parseSections(text: string | undefined): SectionRequest {
  if (text === undefined || text.trim() === '') return withCore([...DEFAULT_SECTIONS]);
  const names = text.split(',').map((s) => s.trim());
  for (const n of names)
    if (!(CARD_SECTION_NAMES as string[]).includes(n))
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `unknown section "${n}"; sections: ${CARD_SECTION_NAMES.join(',')}`,
      );
  return withCore([...new Set(names)] as CardSection[]);
}

const withCore = (sections: CardSection[]): SectionRequest => ({ sections, core: coreSectionsOf(sections) });

/** `sections=` values seen, parsed: a desk asks the same few again and again (bounded). */
const parsed = new Map<string | undefined, SectionRequest>();
function sectionsOf(text: string | undefined): SectionRequest {
  let request = parsed.get(text);
  if (!request) {
    request = parseSections(text);
    if (parsed.size >= 256) parsed.clear();
    parsed.set(text, request);
  }
  return request;
}

export const cardRoutes: FastifyPluginAsyncTypebox<CardRoutesOptions> = async (
  app,
  { service, config, hooks },
) => {
  app.get(
    '/v1/readers/:reader/card',
    {
      schema: {
        summary: 'Read the card in a reader, by sections',
        description: `Sections (comma-separated): ${CARD_SECTION_NAMES.map((s) => `${s} (${CARD_SECTIONS[s].scope})`).join(', ')}. Default ${DEFAULT_SECTIONS.join(',')}. A card read once is served from a snapshot until it is removed; fresh=true reads it again.`,
        tags: ['card'],
        params: ReaderParam,
        querystring: Type.Object({
          sections: Type.Optional(Type.String()),
          fresh: Type.Optional(Type.Boolean()),
        }),
        response: { 200: CardResponse, ...Errors },
      },
    },
    async (request, reply) => {
      const { reader } = request.params;
      const { sections, core } = sectionsOf(request.query.sections);
      const missing = sections.filter((s) => !request.principal!.scopes.has(CARD_SECTIONS[s].scope));
      if (missing.length > 0)
        throw hcardError(
          'HCARD_E_FORBIDDEN',
          missing.map((s) => `section ${s} needs the scope ${CARD_SECTIONS[s].scope}`).join('; '),
        );
      const read = await hooks.audited(request, { action: 'read', reader, sections }, () =>
        service.readCard(reader, core, { fresh: request.query.fresh === true }),
      );
      // Also for a snapshot: the read-ahead at insertion read it without a request.
      hooks.sawCard(read.data);
      // JSON made once per snapshot, reader and list of sections; Fastify sends bytes as they are.
      return reply
        .type('application/json; charset=utf-8')
        .send(cardAnswer(reader, read, sections) as unknown as Static<typeof CardResponse>);
    },
  );

  app.get(
    '/v1/readers/:reader/card/insurance',
    {
      config: { scope: 'settle' },
      schema: {
        summary: 'Input of the national insurance person lookup (1101), built from the card',
        tags: ['card', 'settlement'],
        params: ReaderParam,
        response: { 200: InsuranceResponse, ...Errors },
      },
    },
    async (request) => {
      const { reader } = request.params;
      const { read, counter, cached } = await hooks.audited(
        request,
        { action: 'settle', reader, sections: ['insurance'] },
        () => service.readApplications(reader),
      );
      const health = read.health?.kind === 'read' ? read.health.data : undefined;
      if (health) hooks.sawCard(health);
      // A card with the social-security application is identified by it (spec A.8): 03, 卡号, 卡识别码.
      if (read.ssse?.kind === 'read') {
        const lookup = insuranceLookupInput1101(read.ssse.reading, {
          mdtrtCertType: config.insurance.ssseMdtrtCertType,
          psnCertType: config.insurance.psnCertType,
        });
        hooks.sawNames([lookup.psn_name]);
        const fromHealth = health ? insuranceLookup(health, config.insurance) : undefined;
        return {
          reader,
          counter,
          cached,
          source: 'ssse' as const,
          lookup,
          ruralInsuranceNumber: fromHealth?.ruralInsuranceNumber ?? '',
          paymentSchemes: fromHealth?.paymentSchemes ?? [],
          region: fromHealth?.region || read.ssse.reading.card.regionCode,
        };
      }
      if (health)
        return {
          reader,
          counter,
          cached,
          source: 'health' as const,
          ...insuranceLookup(health, config.insurance),
        };
      if (read.health?.kind === 'refused') throw refusalError(read.health.refusal);
      throw hcardError('HCARD_E_APPLICATION_ABSENT', 'neither a health nor a social-security application', {
        application: 'health',
      });
    },
  );

  const idempotency = new IdempotencyCache();
  app.post(
    '/v1/readers/:reader/card/encounters',
    {
      config: { scope: 'write:encounters' },
      schema: {
        summary: 'Write an encounter record, signed by the PSAM',
        description:
          'The Idempotency-Key header is required: a request repeated with the same key gets the first answer and writes nothing.',
        tags: ['card'],
        params: ReaderParam,
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 128 }) }),
        body: EncounterBody,
        response: { 200: EncounterResponse, ...Errors },
      },
    },
    async (request, reply) => {
      const { reader } = request.params;
      const key = `${request.principal!.client}\n${request.headers['idempotency-key']}`;
      const fingerprint = canonicalJson([reader, request.body]);
      const { result, replayed } = idempotency.run(key, fingerprint, () =>
        hooks.audited(request, { action: 'write', reader, sections: ['encounters'] }, () =>
          writeEncounter(service, reader, request.body),
        ),
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return result;
    },
  );
};

async function writeEncounter(service: ReaderService, reader: string, body: Static<typeof EncounterBody>) {
  // What was kept of the card is dropped even when the write fails: it may have written part.
  const written = await service
    .withSession(reader, async (session) => {
      if (body.counter !== undefined && service.counter(reader) !== body.counter)
        throw hcardError(
          'HCARD_E_CARD_REMOVED',
          `another card is in "${reader}" since counter ${body.counter}`,
          {
            reader,
          },
        );
      const n = body.record ?? (await chooseRecord(session, body.kind));
      const result = await session.writeEncounter(body.kind, n, body.items, { sign: true });
      if (!result.ok) throw refusalError(result.refusal);
      return n;
    })
    .finally(() => service.forget(reader, ['encounters']));
  return { reader, kind: body.kind, record: written, signed: true, writtenAt: new Date().toISOString() };
}

/** The first empty record (index flag FF), else the one with the oldest date. */
async function chooseRecord(
  session: Parameters<Parameters<ReaderService['withSession']>[1]>[0],
  kind: 'outpatient' | 'inpatient',
): Promise<number> {
  const read = await session.readCard(['encounters']);
  if (!read.ok) throw refusalError(read.refusal);
  const flags = (kind === 'outpatient' ? read.value.outpatientFlags : read.value.inpatientFlags) ?? [];
  const free = flags.findIndex((inUse) => !inUse);
  if (free >= 0) return free + 1;
  const records = (kind === 'outpatient' ? read.value.outpatient : read.value.inpatient) ?? [];
  const dateKey = kind === 'outpatient' ? 'visitDateTime' : 'admissionDate';
  const oldest = [...records].sort((a, b) =>
    (a.items[dateKey] ?? '').localeCompare(b.items[dateKey] ?? ''),
  )[0];
  return oldest?.number ?? 1;
}

/** Spec §A.8; which certificate type and number go in is province configuration. */
export function insuranceLookup(data: HealthCardData, rules: GatewayConfig['insurance']) {
  const items = data.items;
  const id = items.idNumber ?? '';
  return {
    lookup: {
      mdtrt_cert_type: rules.mdtrtCertType,
      mdtrt_cert_no: rules.mdtrtCertType === '02' ? id : (items.cardNumber ?? id),
      card_sn: rules.mdtrtCertType === '03' ? (items.chipSerial ?? '') : '',
      psn_cert_type: rules.psnCertType,
      certno: id,
      psn_name: items.name ?? '',
    },
    ruralInsuranceNumber: items.ruralInsuranceNumber ?? '',
    paymentSchemes: ['paymentScheme1', 'paymentScheme2', 'paymentScheme3']
      .map((k) => items[k] ?? '')
      .filter((v) => v !== ''),
    region: items.cityCode ?? '',
  };
}

/** JSON with object keys sorted, so the same request in another key order has the same fingerprint. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
