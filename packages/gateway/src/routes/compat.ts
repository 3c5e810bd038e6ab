/**
 * The national interface's functions (IF2012, spec §5) as routes, so HIS code written against the
 * DLL moves over field for field: `GET /v1/compat/{function}?reader=…` for reads and
 * `POST /v1/compat/{function}?reader=…` (JSON body) for writes. One route per row of
 * COMPAT_FUNCTIONS (compat/compat-table.ts), each with its own schema, scope and OpenAPI
 * operation (operationId = the function's name); `GET /v1/compat` lists the table.
 *
 * Decisions:
 * - Arguments keep the interface's names: `nRecorderNo` (every record number, also the `n` of
 *   iW_/iErase_DF03EF0xInfo and the _ALLInfo functions), `nPos`, `nLen`, `nStyle`, `szData`, and
 *   the field names of §5.2 (KYXQ, BRDH1, …). Reads take them as query parameters, writes as the
 *   JSON body; `reader` and `format` are query parameters of both.
 * - Values are what the interface returns (spec §5): ans as text, cn as digit strings, b as
 *   upper-case hex. RHXX is the cn digit ("1"), not the DLL's b reading "1F" (spec §9.6).
 * - The photo (ZHAOPIAN) is hex of the photo file's used part, as the DLL's buffer holds it: the
 *   2-byte big-endian length, then the JPEG ("0000" when there is no photo). Base64 of the bare
 *   JPEG is what `GET /v1/readers/{reader}/card?sections=photo` gives.
 * - Answers: JSON `{ code: 0, <fields> }`; with `format=text`, text/plain (UTF-8) of the output
 *   fields joined by `|` in the interface's order, with no leading or trailing `|` (so the
 *   _ALLInfo string is exactly szData). A write answers `{ code: 0 }`, or an empty text. Text
 *   cannot carry a value holding `|`; use JSON for free text that may.
 * - Writes skip fields absent or empty (spec §5.2: partial update); a write with no field given
 *   writes nothing and answers code 0. _ALLInfo writes are whole: szData must hold every field
 *   (empty ones are written empty); the record is signed by the PSAM and its index flag set to
 *   00, as `POST /v1/readers/{reader}/card/encounters` does (the DLL leaves both to the caller;
 *   calling iW_DF03EF0xInfo afterwards is harmless). A byte-range write (iW_DF03EEInfo) writes
 *   bytes only, before the signature (nPos+nLen ≤ 1639/3013), and leaves the signature as it was.
 * - Range reads cover the whole file (signature and certificate included); like _ALLInfo reads
 *   they answer 112 when the record's index flag is not 00. nStyle (default 0xFF, hex): 0x01
 *   AN text, 0x0F CN digits, 0xFF or 0x00 hex. Empty cyclic records read as empty fields.
 * - Reads touch the card once while it stays in (ReaderService.keptRead): a HIS asking for
 *   record after record, as it did of the DLL, costs one read of the file. A write through the
 *   gateway or a removal drops what was kept; PSAM files are kept until the PSAM leaves.
 * - Scopes (in the table): DDF1/DF01 and PSAM reads read:basic, DF02/DF03 reads read:clinical,
 *   every write write:encounters.
 * - Errors: the gateway's `{ error: { code, message, hint?, ifCode? } }` with the catalogue's HTTP
 *   status, ifCode being the interface's code (compat/compat-errors.ts); with `format=text` the
 *   same status and one text line `ERROR|<ifCode>|<catalogue code>|<message>`, ifCode empty for
 *   errors that are not the interface's (no token 401, wrong scope 403, rate limit 429).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HEALTH_CARD_PROFILE, hcardError, itemDef } from '@hcard/card-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { GatewayHooks } from '../app.js';
import { errorText, interfaceCode } from '../compat/compat-errors.js';
import { type CompatArgs, N_STYLES, runCompat } from '../compat/compat-run.js';
import {
  allInfoItems,
  COMPAT_BY_NAME,
  COMPAT_FUNCTION_NAMES,
  COMPAT_FUNCTIONS,
  type CompatFunction,
} from '../compat/compat-table.js';
import { CARD_ROUTE_ERRORS, ErrorBody, errorBody, refusalOf } from '../errors.js';
import type { ReaderService } from '../readers/reader-service.js';

export interface CompatRoutesOptions {
  readonly service: ReaderService;
  readonly hooks: GatewayHooks;
}

const PREFIX = '/v1/compat';
const TEXT = 'text/plain; charset=utf-8';
const P = HEALTH_CARD_PROFILE;

/**
 * No other properties. Fastify's Ajv would drop them silently (removeAdditional), so a misspelt
 * field would be a write that writes nothing: the preValidation hook below refuses them first.
 */
const STRICT = { additionalProperties: false };

/** Names of the properties an object schema allows. */
const allowedKeys = (schema: unknown): readonly string[] =>
  Object.keys((schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});

function refuseUnknownKeys(request: FastifyRequest): void {
  const schema = request.routeOptions.schema;
  for (const [where, value, of] of [
    ['query parameter', request.query, schema?.querystring],
    ['body field', request.body, schema?.body],
  ] as const) {
    if (!of || typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const allowed = allowedKeys(of);
    const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
    if (unknown.length > 0)
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `unknown ${where} ${unknown.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ')}`,
      );
  }
}

const Errors = CARD_ROUTE_ERRORS;

const Common = {
  reader: Type.String({ minLength: 1, description: 'PC/SC name of the user-card reader' }),
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('text')], {
      description: 'json (default) or text: the output fields |-joined, text/plain',
    }),
  ),
};

const nRecorderNo = (fn: CompatFunction) =>
  Type.Integer({ minimum: 1, maximum: fn.records ?? 1, description: `record number 1–${fn.records}` });
const nStyle = Type.Optional(
  Type.Integer({
    enum: Object.values(N_STYLES),
    description: 'DLL style: 1 AN (text), 15 CN (digits), 255 B (hex, default), 0 NO (hex)',
  }),
);
const rangeArgs = (size: number) => ({
  nPos: Type.Integer({ minimum: 0, maximum: size - 1, description: 'byte offset in the record file' }),
  nLen: Type.Integer({ minimum: 1, maximum: size, description: 'number of bytes' }),
  nStyle,
});

/** An interface field as an optional string input, sized by its item (ans ≤ bytes, cn/b ≤ 2 per byte). */
const fieldInput = (name: string, item: string | undefined) => {
  const def = item ? itemDef(P, item) : undefined;
  const max = def ? (def.type === 'ans' ? def.length : def.length * 2) : undefined;
  return Type.Optional(
    Type.String({
      ...(max === undefined ? {} : { maxLength: max }),
      description: def ? `${def.name} (${def.type} ${def.length}; ${def.key})` : name,
    }),
  );
};

const fieldOutput = (fn: CompatFunction) =>
  Object.fromEntries(
    fn.fields.map((f) => {
      const def = f.item ? itemDef(P, f.item) : undefined;
      return [f.name, Type.String({ description: def ? `${def.name} (${def.type} ${def.length})` : f.name })];
    }),
  );

function querystring(fn: CompatFunction): TSchema {
  if (fn.op === 'write') return Type.Object(Common, STRICT);
  switch (fn.kind) {
    case 'cyclic':
    case 'all':
      return Type.Object({ ...Common, nRecorderNo: nRecorderNo(fn) }, STRICT);
    case 'range':
      return Type.Object(
        { ...Common, nRecorderNo: nRecorderNo(fn), ...rangeArgs(P.layouts[fn.layout!].size) },
        STRICT,
      );
    default:
      return Type.Object(Common, STRICT);
  }
}

function body(fn: CompatFunction): TSchema | undefined {
  if (fn.op === 'read') return undefined;
  switch (fn.kind) {
    case 'flag':
      return Type.Object({ nRecorderNo: nRecorderNo(fn) }, STRICT);
    case 'range':
      return Type.Object(
        {
          nRecorderNo: nRecorderNo(fn),
          szData: Type.String({ maxLength: 2 * P.layouts[fn.layout!].dataLength }),
          ...rangeArgs(P.layouts[fn.layout!].dataLength),
        },
        STRICT,
      );
    case 'all':
      return Type.Object(
        {
          nRecorderNo: nRecorderNo(fn),
          szData: Type.String({
            maxLength: 4 * P.layouts[fn.layout!].dataLength,
            description: `${allInfoItems(fn.layout!).length} fields |-separated in offset order`,
          }),
        },
        STRICT,
      );
    default:
      return Type.Object(
        Object.fromEntries(fn.fields.map((f) => [f.name, fieldInput(f.name, f.item)])),
        STRICT,
      );
  }
}

function okResponse(fn: CompatFunction): TSchema {
  const json = Type.Object({
    code: Type.Literal(0),
    ...(fn.op === 'read' ? fieldOutput(fn) : {}),
    ...(fn.kind === 'all' && fn.op === 'read'
      ? { items: Type.Record(Type.String(), Type.String(), { description: 'the same fields by item key' }) }
      : {}),
  });
  return {
    description: fn.op === 'read' ? 'the output fields' : 'written',
    content: {
      'application/json': { schema: json },
      'text/plain': {
        schema: Type.String({
          description: fn.op === 'read' ? `${fn.fields.map((f) => f.name).join('|')}` : 'empty',
        }),
      },
    },
  } as unknown as TSchema;
}

function describe(fn: CompatFunction): string {
  const args =
    fn.kind === 'all'
      ? `szData: ${allInfoItems(fn.layout!).length} fields |-separated in offset order (item keys: ${allInfoItems(fn.layout!).join(', ')})`
      : fn.fields.map((f) => (f.item ? `${f.name} = ${f.item}` : f.name)).join(', ');
  return [
    `${fn.op === 'read' ? 'Outputs' : 'Inputs'}: ${args || (fn.kind === 'flag' ? 'nRecorderNo' : 'nRecorderNo, szData, nPos, nLen, nStyle')}.`,
    `Scope ${fn.scope}. Interface code of a failure of its own operation: ${fn.failure}.`,
  ].join(' ');
}

const COMPAT_INDEX = Type.Object({
  functions: Type.Array(
    Type.Object({
      name: Type.String({ enum: [...COMPAT_FUNCTION_NAMES] }),
      method: Type.Union([Type.Literal('GET'), Type.Literal('POST')]),
      kind: Type.String(),
      scope: Type.String(),
      fields: Type.Array(Type.String()),
      records: Type.Optional(Type.Integer()),
      failure: Type.Integer(),
    }),
  ),
});

const wantsText = (request: FastifyRequest) =>
  (request.query as { format?: unknown } | undefined)?.format === 'text';

export const compatRoutes: FastifyPluginAsyncTypebox<CompatRoutesOptions> = async (
  app,
  { service, hooks },
) => {
  const byUrl = new Map(COMPAT_FUNCTIONS.map((fn) => [`${PREFIX}/${fn.name}`, fn]));

  // Errors of these routes (also a missing token or scope, refused before the handler) carry
  // the interface's code, and are text with format=text.
  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const { err, status } = refusalOf(error, request);
    const ifCode = interfaceCode(err, byUrl.get(request.routeOptions.url ?? ''));
    if (wantsText(request)) return reply.code(status).type(TEXT).send(errorText(ifCode, err));
    const body = errorBody(err);
    return reply.code(status).send(ifCode === undefined ? body : { error: { ...body.error, ifCode } });
  });

  app.addHook('preValidation', async (request) => {
    if (byUrl.has(request.routeOptions.url ?? '')) refuseUnknownKeys(request);
  });

  app.get(
    PREFIX,
    {
      schema: {
        summary: 'The national interface functions this gateway serves',
        tags: ['compat'],
        response: { 200: COMPAT_INDEX, 401: ErrorBody },
      },
    },
    async () => ({
      functions: COMPAT_FUNCTIONS.map((fn) => ({
        name: fn.name,
        method: fn.op === 'read' ? ('GET' as const) : ('POST' as const),
        kind: fn.kind,
        scope: fn.scope,
        fields: fn.kind === 'all' ? [...allInfoItems(fn.layout!)] : fn.fields.map((f) => f.name),
        ...(fn.records === undefined ? {} : { records: fn.records }),
        failure: fn.failure,
      })),
    }),
  );

  for (const fn of COMPAT_FUNCTIONS) {
    const bodySchema = body(fn);
    app.route({
      method: fn.op === 'read' ? 'GET' : 'POST',
      url: `${PREFIX}/${fn.name}`,
      config: { scope: fn.scope },
      schema: {
        operationId: fn.name,
        summary: `${fn.name}: ${fn.summary}`,
        description: describe(fn),
        tags: ['compat'],
        querystring: querystring(fn),
        ...(bodySchema ? { body: bodySchema } : {}),
        response: { 200: okResponse(fn), ...Errors },
      },
      handler: async (request, reply) => {
        const query = request.query as { reader: string; format?: 'json' | 'text' } & CompatArgs;
        const args: CompatArgs = fn.op === 'read' ? query : (request.body as CompatArgs);
        const out = await hooks.audited(
          request,
          { action: 'compat', reader: query.reader, function: fn.name },
          () => runCompat(fn, args, service, query.reader),
        );
        if (query.format === 'text') return reply.type(TEXT).send(out.values.map(([, v]) => v).join('|'));
        return { code: 0, ...Object.fromEntries(out.values), ...(out.items ? { items: out.items } : {}) };
      },
    });
  }

  // Any other name under /v1/compat: an unknown function, or a known one with the wrong method.
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: `${PREFIX}/:function`,
      schema: { hide: true },
      handler: async (request) => {
        const name = (request.params as { function: string }).function;
        const fn = COMPAT_BY_NAME.get(name);
        throw hcardError(
          'HCARD_E_NOT_FOUND',
          fn
            ? `${name} is a ${fn.op}: ${fn.op === 'read' ? 'GET' : 'POST'} it`
            : `no interface function "${name}"; GET ${PREFIX} lists them`,
        );
      },
    });
  }
};
