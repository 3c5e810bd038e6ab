/**
 * The work behind the compat routes, one runner per kind of row in COMPAT_FUNCTIONS (a read of
 * a TLV file, of the photo, of a cyclic record, …), never per function. A runner gets the row,
 * the request's arguments and the reader's service (reads take what it keeps of the card, writes
 * open a session), and answers the interface's output fields in the interface's order.
 */
import {
  type CardResult,
  concatBytes,
  decodeAns,
  decodeCn,
  decodeRawRecord,
  decodeTlvRecord,
  encodeAns,
  encodeB,
  encodeCn,
  HEALTH_CARD_PROFILE,
  type HealthCardSession,
  hcardError,
  INDEX_FILE,
  isHcardError,
  itemDef,
  type LayoutId,
  type PsamClient,
  refusalError,
  sectionOfFile,
  toHex,
  u16be,
} from '@hcard/card-core';
import type { ReaderService } from '../readers/reader-service.js';
import { allInfoItems, type CompatFunction, type CompatKind } from './compat-table.js';

/** The DLL's nStyle codes (spec §4.1): how the bytes of a range are shown. */
export const N_STYLES = { NO_style: 0x00, AN_style: 0x01, CN_style: 0x0f, B_style: 0xff } as const;
export type NStyle = (typeof N_STYLES)[keyof typeof N_STYLES];

/** The arguments of a call: query parameters (reads) or body fields (writes). */
export interface CompatArgs {
  readonly nRecorderNo?: number;
  readonly nPos?: number;
  readonly nLen?: number;
  readonly nStyle?: NStyle;
  readonly szData?: string;
  /** Interface fields of `items`/`cyclic` writes (KYXQ, BRDH1, …). */
  readonly [field: string]: unknown;
}

/** Output fields in the interface's order; `items` adds the item keys of an _ALLInfo record. */
export interface CompatOutput {
  readonly values: readonly (readonly [name: string, value: string])[];
  readonly items?: Readonly<Record<string, string>>;
}

const NONE: CompatOutput = { values: [] };

type Runner = (
  fn: CompatFunction,
  args: CompatArgs,
  service: ReaderService,
  reader: string,
) => Promise<CompatOutput>;

/** Runs `job` with an open session on the reader's card, in the reader's queue. */
const onCard = <T>(
  service: ReaderService,
  reader: string,
  job: (session: HealthCardSession) => Promise<T>,
): Promise<T> => service.withSession(reader, job);

const ok = async <T>(result: Promise<CardResult<T>>): Promise<T> => {
  const r = await result;
  if (!r.ok) throw refusalError(r.refusal);
  return r.value;
};

/**
 * A file's records as the card holds them, read once while the card stays in the reader (a
 * write through the gateway or a removal drops them): a HIS asking for record after record,
 * as it did of the DLL, costs one read of the file.
 */
const fileRecords = (service: ReaderService, reader: string, file: string): Promise<Uint8Array[]> =>
  service.keptRead(reader, `file ${file}`, (session) => ok(session.readFile(file)));

const record = (fn: CompatFunction, args: CompatArgs): number => {
  const n = args.nRecorderNo;
  // The route schema checks this too; a row without `records` never gets here with one.
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > (fn.records ?? 0))
    throw hcardError('HCARD_E_ARG_INVALID', `nRecorderNo ${String(n)} outside 1–${fn.records ?? 0}`);
  return n;
};

const layoutOf = (fn: CompatFunction): LayoutId => fn.layout!;

/** Fields given and not empty (spec §5.2: write functions skip NULL or empty arguments). */
const givenFields = (fn: CompatFunction, args: CompatArgs): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const f of fn.fields) {
    const v = args[f.name];
    if (typeof v === 'string' && v !== '' && f.item) values[f.item] = v;
  }
  return values;
};

/** The byte range nPos…nPos+nLen, checked against `limit` (the file, or its data part for writes). */
const range = (args: CompatArgs, limit: number, what: string): { pos: number; len: number } => {
  const pos = args.nPos ?? -1;
  const len = args.nLen ?? 0;
  if (!Number.isInteger(pos) || !Number.isInteger(len) || pos < 0 || len < 1 || pos + len > limit)
    throw hcardError('HCARD_E_ARG_INVALID', `bytes ${pos}+${len} outside ${what} (0–${limit})`);
  return { pos, len };
};

function showBytes(
  bytes: Uint8Array,
  style: NStyle,
  charset: HealthCardSession['settings']['charset'],
): string {
  try {
    if (style === N_STYLES.AN_style) return decodeAns(bytes, charset);
    if (style === N_STYLES.CN_style) return decodeCn(bytes);
    return toHex(bytes);
  } catch (e) {
    // The caller chose a style the bytes are not in: a bad parameter, not a bad card.
    if (isHcardError(e))
      throw hcardError('HCARD_E_ARG_INVALID', `the bytes are not nStyle ${style}: ${e.message}`);
    throw e;
  }
}

function bytesOf(
  text: string,
  len: number,
  style: NStyle,
  charset: HealthCardSession['settings']['charset'],
) {
  if (style === N_STYLES.AN_style) return encodeAns(text, len, charset);
  if (style === N_STYLES.CN_style) return encodeCn(text, len);
  return encodeB(text, len);
}

/** HCARD_E_RECORD_EMPTY (112) when the index flag of record n is not 00 (IF2012 remark, card setting). */
async function checkInUse(service: ReaderService, reader: string, kind: LayoutId, n: number): Promise<void> {
  if (!service.settings.checkIndexBeforeRead) return;
  const flags = await fileRecords(service, reader, INDEX_FILE[kind]);
  if (flags[n - 1]?.[0] !== 0x00)
    throw hcardError('HCARD_E_RECORD_EMPTY', `${kind} record ${n}`, { kind, record: n });
}

/** Writers of cyclic files by file: the session has one method per file. */
const CYCLIC_WRITERS: Record<
  string,
  (s: HealthCardSession, v: Record<string, string>) => ReturnType<HealthCardSession['addAllergy']>
> = {
  'DDF1/DF02/EF07': (s, v) =>
    s.addAllergy({ substance: v.allergySubstance ?? '', reaction: v.allergyReaction ?? '' }),
  'DDF1/DF02/EF08': (s, v) =>
    s.addImmunisation({ name: v.immunisationName ?? '', date: v.immunisationDate ?? '' }),
};

const READERS: Partial<Record<CompatKind, Runner>> = {
  items: (fn, _args, service, reader) => {
    // The card's snapshot (read since it went in, or read ahead) holds these items decoded the
    // same way (card-core's decodeTlvRecord, the same settings); writes drop what they change.
    const section = sectionOfFile(fn.file!);
    const kept = section && service.snapshot(reader, [section]);
    if (kept)
      return Promise.resolve({ values: fn.fields.map((f) => [f.name, kept.items[f.item!] ?? ''] as const) });
    return fileRecords(service, reader, fn.file!).then((records) => ({
      values: fn.fields.map((f) => {
        const item = itemDef(HEALTH_CARD_PROFILE, f.item!);
        const loc = item.location;
        const raw = loc.kind === 'tlv' ? records[loc.record - 1] : undefined;
        if (!raw) throw hcardError('HCARD_E_CARD_DATA_INVALID', `no record for item ${item.no}`);
        return [f.name, decodeTlvRecord(item, raw, service.settings)] as const;
      }),
    }));
  },

  photo: async (fn, _args, service, reader) => {
    // From the snapshot when it holds the photo (the default read-ahead takes it): no 3–4 KB again.
    const kept = service.snapshot(reader, ['photo']);
    const jpeg = kept
      ? kept.photo
      : await service.keptRead(reader, 'photo', (session) => ok(session.readPhoto()));
    // As the DLL's buffer: 2-byte big-endian length, then the JPEG; "0000" for no photo.
    const value = toHex(jpeg ? concatBytes(u16be(jpeg.length), jpeg) : u16be(0));
    return { values: [[fn.fields[0]!.name, value]] };
  },

  cyclic: async (fn, args, service, reader) => {
    const n = record(fn, args);
    const records = await fileRecords(service, reader, fn.file!);
    // An empty record (never written) gives empty fields, as the DLL's buffers would be.
    const values = decodeRawRecord(HEALTH_CARD_PROFILE, fn.file!, records[n - 1]!, service.settings) ?? {};
    return { values: fn.fields.map((f) => [f.name, values[f.item!] ?? ''] as const) };
  },

  index: async (fn, _args, service, reader) => {
    const records = await fileRecords(service, reader, fn.file!);
    return {
      values: fn.fields.map((f) => [f.name, toHex(records[f.record! - 1] ?? new Uint8Array())] as const),
    };
  },

  range: async (fn, args, service, reader) => {
    const n = record(fn, args);
    const layout = layoutOf(fn);
    const { pos, len } = range(args, HEALTH_CARD_PROFILE.layouts[layout].size, `a ${layout} record`);
    await checkInUse(service, reader, layout, n);
    const bytes = await service.keptRead(reader, `${layout} bytes ${n}`, (session) =>
      ok(session.readEncounterBytes(layout, n)),
    );
    const style = args.nStyle ?? N_STYLES.B_style;
    return {
      values: [
        [fn.fields[0]!.name, showBytes(bytes.subarray(pos, pos + len), style, service.settings.charset)],
      ],
    };
  },

  all: async (fn, args, service, reader) => {
    const n = record(fn, args);
    const layout = layoutOf(fn);
    const read = await service.keptRead(reader, `${layout} record ${n}`, (session) =>
      ok(session.readEncounter(layout, n)),
    );
    const items = Object.fromEntries(allInfoItems(layout).map((k) => [k, read.items[k] ?? '']));
    return { values: [[fn.fields[0]!.name, Object.values(items).join('|')]], items };
  },

  sam: async (fn, _args, service, reader) => {
    const file = await service.keptPsamRead(reader, `file ${fn.psamFile}`, (psam: PsamClient) =>
      psam.readFile(fn.psamFile!),
    );
    return { values: [[fn.fields[0]!.name, toHex(file)]] };
  },
};

const WRITERS: Partial<Record<CompatKind, Runner>> = {
  items: async (fn, args, service, reader) => {
    const values = givenFields(fn, args);
    if (Object.keys(values).length === 0) return NONE;
    await onCard(service, reader, (session) => ok(session.writeItems(values)));
    return NONE;
  },

  cyclic: async (fn, args, service, reader) => {
    const values = givenFields(fn, args);
    if (Object.keys(values).length === 0) return NONE;
    const write = CYCLIC_WRITERS[fn.file!];
    if (!write) throw hcardError('HCARD_E_INTERNAL', `no cyclic writer for ${fn.file}`);
    await onCard(service, reader, (session) => ok(write(session, values)));
    return NONE;
  },

  flag: async (fn, args, service, reader) => {
    const n = record(fn, args);
    await onCard(service, reader, (session) =>
      ok(session.setEncounterFlag(layoutOf(fn), n, fn.flag === 'set')),
    );
    return NONE;
  },

  range: async (fn, args, service, reader) => {
    const n = record(fn, args);
    const layout = layoutOf(fn);
    // Writes stop where the signature starts, as the DLL's check does (spec §3.1).
    const { pos, len } = range(
      args,
      HEALTH_CARD_PROFILE.layouts[layout].dataLength,
      `the data of a ${layout} record`,
    );
    const szData = typeof args.szData === 'string' ? args.szData : '';
    await onCard(service, reader, async (session) => {
      const bytes = bytesOf(szData, len, args.nStyle ?? N_STYLES.B_style, session.settings.charset);
      await ok(session.writeEncounterBytes(layout, n, pos, bytes));
    });
    return NONE;
  },

  all: async (fn, args, service, reader) => {
    const n = record(fn, args);
    const layout = layoutOf(fn);
    const keys = allInfoItems(layout);
    const parts = typeof args.szData === 'string' ? args.szData.split('|') : [];
    if (parts.length !== keys.length)
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `szData has ${parts.length} fields, a ${layout} record ${keys.length}`,
      );
    // An empty field is written empty (ans and cn blank, b zero bytes): the record is written whole.
    const values = Object.fromEntries(keys.flatMap((k, i) => (parts[i] ? [[k, parts[i]]] : [])));
    await onCard(service, reader, (session) => ok(session.writeEncounter(layout, n, values, { sign: true })));
    return NONE;
  },
};

/** Runs one call of `fn`. Writes drop the sections they touch from the reader's snapshot, even when they fail. */
export async function runCompat(
  fn: CompatFunction,
  args: CompatArgs,
  service: ReaderService,
  reader: string,
): Promise<CompatOutput> {
  const runner = (fn.op === 'read' ? READERS : WRITERS)[fn.kind];
  if (!runner) throw hcardError('HCARD_E_INTERNAL', `no ${fn.op} runner for kind ${fn.kind}`);
  if (fn.op === 'read') return runner(fn, args, service, reader);
  try {
    return await runner(fn, args, service, reader);
  } finally {
    service.forget(reader, fn.sections);
  }
}
