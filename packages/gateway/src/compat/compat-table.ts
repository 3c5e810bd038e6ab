/**
 * The national interface (IF2012, spec §5) as one table (architecture.md §11): each function's
 * name → what it does (kind) → the card-core file, layout or PSAM file → the interface's field
 * names in the interface's order with the profile item each one is → the scope it needs → the
 * interface error code for a failure of its own operation. routes/compat.ts makes one route per
 * row and compat-run.ts does the work per kind; no function has code of its own.
 *
 * Decisions (documented in routes/compat.ts as well):
 * - Scopes: DDF1 and DF01 reads and the PSAM reads need read:basic; DF02 and DF03 reads need
 *   read:clinical; every write (also iW_DDF1EF08Info and the DF01 writers) needs write:encounters.
 * - Values are strings as the interface has them (spec §5): ans as text, cn as digits, b as
 *   upper-case hex; the photo as hex of the photo file's used part (2-byte length ‖ JPEG).
 */
import {
  fileDef,
  filesOfLayout,
  HEALTH_CARD_PROFILE,
  type ItemLocation,
  itemDef,
  itemsOfLayout,
  type LayoutId,
  type PsamFile,
  type Section,
  sectionOfFile,
} from '@hcard/card-core';
import type { Scope } from '../config/config.js';

/** Interface error codes (spec §5.3); 0 is success. */
export const IF_CODES = {
  OK: 0,
  BAD_PARAMETER: 101,
  FILE_NOT_FOUND: 102,
  READ_RECORD_FAILED: 103,
  CARD_RESPONSE_ERROR: 104,
  PSAM_ERROR: 105,
  AUTHENTICATION_FAILED: 106,
  READ_BINARY_FAILED: 107,
  WRITE_RECORD_FAILED: 108,
  WRITE_BINARY_FAILED: 109,
  WRITE_INDEX_FAILED: 110,
  ERASE_INDEX_FAILED: 111,
  RECORD_INVALID: 112,
  PHOTO_DATA_ERROR: 113,
} as const;
export type IfCode = (typeof IF_CODES)[keyof typeof IF_CODES];

/**
 * - `items`: a TLV record file, one interface field per item (read: every record; write: the
 *   fields given and not empty, spec §5.2 "partial update").
 * - `photo`: DDF1/EF07, one field, hex.
 * - `cyclic`: DF02/EF07 or EF08; read record `nRecorderNo`; write adds a new record 1.
 * - `index`: DF03/EF05 or EF06, one field per record: "00" in use, "FF" empty.
 * - `flag`: sets (00) or erases (FF) index flag `nRecorderNo`.
 * - `range`: bytes `nPos`…`nPos+nLen` of EE0n/ED0n (`nStyle` decides text, digits or hex).
 * - `all`: every data field of EE0n/ED0n (offsets 0 to the signature) `|`-joined in offset order.
 * - `sam`: a PSAM data file, hex.
 */
export type CompatKind = 'items' | 'photo' | 'cyclic' | 'index' | 'flag' | 'range' | 'all' | 'sam';

export interface CompatField {
  /** The interface's name (spec §5.2): KLB, GFBB, …; `szData`, `info` for one-string outputs. */
  readonly name: string;
  /** The card-core item key the field is, when it is one item. */
  readonly item?: string;
  /** For `index`: the record the field is the flag of. */
  readonly record?: number;
}

export interface CompatFunction {
  readonly name: string;
  readonly op: 'read' | 'write';
  readonly kind: CompatKind;
  readonly scope: Scope;
  /** Card-core file path (items, photo, cyclic, index). */
  readonly file?: string;
  /** Encounter layout (range, all, flag). */
  readonly layout?: LayoutId;
  readonly psamFile?: PsamFile;
  /** For `flag`: 'set' writes 00 (record in use), 'erase' writes FF. */
  readonly flag?: 'set' | 'erase';
  /** Output fields (reads) or input fields (writes of `items`/`cyclic`), in the interface's order. */
  readonly fields: readonly CompatField[];
  /** Highest `nRecorderNo` (cyclic, range, all, flag); absent when the function takes none. */
  readonly records?: number;
  /** Interface code for a failure of this function's own card operation (spec §5.3). */
  readonly failure: IfCode;
  /** Sections of the reader's snapshot a write changes (ReaderService.forget). */
  readonly sections: readonly Section[];
  readonly summary: string;
}

const P = HEALTH_CARD_PROFILE;
const recordsOf = (path: string) => fileDef(P, path).records!;
const filesOf = (layout: LayoutId) => filesOfLayout(P, layout).length;

/** `[interface name, item key]` pairs → fields. */
const fields = (...pairs: readonly (readonly [string, string])[]): CompatField[] =>
  pairs.map(([name, item]) => ({ name, item }));
/** One flag field per record of an index file: ZYJLBS1 … ZYJLBSn. */
const indexFields = (prefix: string, item: string, count: number): CompatField[] =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i + 1}`, item, record: i + 1 }));

// ---- the files' fields, in the order of spec §5.2 -------------------------------------------

const DDF1_EF05 = fields(
  ['KLB', 'cardType'],
  ['GFBB', 'specVersion'],
  ['FKJGMC', 'issuerName'],
  ['FKJGDM', 'issuerCode'],
  ['FKJGZS', 'issuerCertificate'],
  ['FKSJ', 'issueDate'],
  ['KH', 'cardNumber'],
  ['AQM', 'securityCode'],
  ['XPXLH', 'chipSerial'],
  ['YYCSDM', 'cityCode'],
);
const DDF1_EF06 = fields(
  ['XM', 'name'],
  ['XB', 'sex'],
  ['MZ', 'ethnicity'],
  ['CSRQ', 'birthDate'],
  ['SFZH', 'idNumber'],
);
const DDF1_EF07 = fields(['ZHAOPIAN', 'photo']);
const DDF1_EF08 = fields(
  ['KYXQ', 'expiryDate'],
  ['BRDH1', 'phone1'],
  ['BRDH2', 'phone2'],
  ['YLFYZFFS1', 'paymentScheme1'],
  ['YLFYZFFS2', 'paymentScheme2'],
  ['YLFYZFFS3', 'paymentScheme3'],
);
const DF01_EF05 = fields(
  ['DZLB1', 'addressType1'],
  ['DZ1', 'address1'],
  ['DZLB2', 'addressType2'],
  ['DZ2', 'address2'],
);
const DF01_EF06 = fields(
  ['LXRXM1', 'contact1Name'],
  ['LXRGX1', 'contact1Relation'],
  ['LXRDH1', 'contact1Phone'],
  ['LXRXM2', 'contact2Name'],
  ['LXRGX2', 'contact2Relation'],
  ['LXRDH2', 'contact2Phone'],
  ['LXRXM3', 'contact3Name'],
  ['LXRGX3', 'contact3Relation'],
  ['LXRDH3', 'contact3Phone'],
);
const DF01_EF07 = fields(['WHCD', 'education'], ['HYZK', 'maritalStatus'], ['ZY', 'occupation']);
const DF01_EF08 = fields(
  ['ZJLB', 'documentType'],
  ['ZJHM', 'documentNumber'],
  ['JKDAH', 'healthRecordNumber'],
  ['XNHZH', 'ruralInsuranceNumber'],
);
const DF02_EF05 = fields(
  ['ABOXX', 'aboBloodGroup'],
  ['RHXX', 'rhBloodGroup'],
  ['XCBZ', 'asthma'],
  ['XZBBZ', 'heartDisease'],
  ['XNXGBBZ', 'cardioCerebrovascular'],
  ['DXBBZ', 'epilepsy'],
  ['NXWLBZ', 'coagulationDisorder'],
  ['TNBBZ', 'diabetes'],
  ['QGYBZ', 'glaucoma'],
  ['TXBZ', 'dialysis'],
  ['QGYZBZ', 'organTransplant'],
  ['QGQSBZ', 'organLoss'],
  ['KZXYZBZ', 'removableProsthesis'],
  ['XZQBQBZ', 'pacemaker'],
  ['QTYXJSMC', 'otherMedicalAlert'],
);
const DF02_EF06 = fields(['JSBBZ', 'psychiatricFlag']);
const DF02_EF07 = fields(['GMWZMC', 'allergySubstance'], ['GMWZFY', 'allergyReaction']);
const DF02_EF08 = fields(['MYJZMC', 'immunisationName'], ['MYJZSJ', 'immunisationDate']);
const SZDATA: CompatField[] = [{ name: 'szData' }];
const INFO: CompatField[] = [{ name: 'info' }];

/** The data items a whole-record (_ALLInfo) string holds: offset 0 up to the signature, in offset order. */
export function allInfoItems(layout: LayoutId): readonly string[] {
  const end = P.layouts[layout].dataLength;
  const offset = (l: ItemLocation) => (l.kind === 'binary' ? l.offset : -1);
  return itemsOfLayout(P, layout)
    .filter((i) => offset(i.location) >= 0 && offset(i.location) + i.length <= end)
    .sort((a, b) => offset(a.location) - offset(b.location))
    .map((i) => i.key);
}

// ---- the table -------------------------------------------------------------------------------

type Row = Omit<CompatFunction, 'sections'> & { readonly sections?: readonly Section[] };
const row = (r: Row): CompatFunction => ({ sections: [], ...r });

const EE = { layout: 'inpatient', records: filesOf('inpatient') } as const;
const ED = { layout: 'outpatient', records: filesOf('outpatient') } as const;
const RANGE_READ = {
  op: 'read',
  kind: 'range',
  scope: 'read:clinical',
  fields: SZDATA,
  failure: 107,
} as const;
const ALL_READ = { op: 'read', kind: 'all', scope: 'read:clinical', fields: SZDATA, failure: 107 } as const;
const RANGE_WRITE = {
  op: 'write',
  kind: 'range',
  scope: 'write:encounters',
  fields: [],
  failure: 109,
  sections: ['encounters'],
} as const;
const ALL_WRITE = {
  op: 'write',
  kind: 'all',
  scope: 'write:encounters',
  fields: [],
  failure: 109,
  sections: ['encounters'],
} as const;
const SAM = { op: 'read', kind: 'sam', scope: 'read:basic', fields: INFO, failure: 105 } as const;

/** Reads of TLV files: one row per file. */
const itemsRead = (
  name: string,
  file: string,
  f: CompatField[],
  scope: Scope,
  summary: string,
): CompatFunction => row({ name, op: 'read', kind: 'items', scope, file, fields: f, failure: 103, summary });
/** Writes of TLV files (partial: fields absent or empty are left as they are). */
const itemsWrite = (name: string, file: string, f: CompatField[], summary: string) =>
  row({
    name,
    op: 'write',
    kind: 'items',
    scope: 'write:encounters',
    file,
    fields: f,
    failure: 108,
    // The snapshot section that holds the file, dropped after the write (compat reads use it).
    sections: [sectionOfFile(file)!],
    summary,
  });

export const COMPAT_FUNCTIONS: readonly CompatFunction[] = [
  // ---- reads: DDF1 and DF01 (read:basic) ----
  itemsRead('iR_DDF1EF05Info', 'DDF1/EF05', DDF1_EF05, 'read:basic', '发卡机构基本数据 (issuer data)'),
  itemsRead('iR_DDF1EF06Info', 'DDF1/EF06', DDF1_EF06, 'read:basic', '持卡人基本信息 (holder identity)'),
  row({
    name: 'iR_DDF1EF07Info',
    op: 'read',
    kind: 'photo',
    scope: 'read:basic',
    file: 'DDF1/EF07',
    fields: DDF1_EF07,
    failure: 113,
    summary: '照片 (photo): hex of the 2-byte big-endian length and the JPEG',
  }),
  itemsRead(
    'iR_DDF1EF08Info',
    'DDF1/EF08',
    DDF1_EF08,
    'read:basic',
    '卡有效期/电话/支付方式 (expiry, phones, payment)',
  ),
  itemsRead('iR_DF01EF05Info', 'DDF1/DF01/EF05', DF01_EF05, 'read:basic', '地址信息 (addresses)'),
  itemsRead('iR_DF01EF06Info', 'DDF1/DF01/EF06', DF01_EF06, 'read:basic', '联系人信息 (contacts)'),
  itemsRead(
    'iR_DF01EF07Info',
    'DDF1/DF01/EF07',
    DF01_EF07,
    'read:basic',
    '职业婚姻信息 (education, marital, occupation)',
  ),
  itemsRead('iR_DF01EF08Info', 'DDF1/DF01/EF08', DF01_EF08, 'read:basic', '证件记录信息 (documents)'),

  // ---- reads: DF02 and DF03 (read:clinical) ----
  itemsRead(
    'iR_DF02EF05Info',
    'DDF1/DF02/EF05',
    DF02_EF05,
    'read:clinical',
    '临床基本数据 (blood groups, alerts)',
  ),
  itemsRead('iR_DF02EF06Info', 'DDF1/DF02/EF06', DF02_EF06, 'read:clinical', '特殊信息 (psychiatric flag)'),
  row({
    name: 'iR_DF02EF07Info',
    op: 'read',
    kind: 'cyclic',
    scope: 'read:clinical',
    file: 'DDF1/DF02/EF07',
    fields: DF02_EF07,
    records: recordsOf('DDF1/DF02/EF07'),
    failure: 103,
    summary: '过敏基本数据 (allergy record nRecorderNo; 1 is the newest)',
  }),
  row({
    name: 'iR_DF02EF08Info',
    op: 'read',
    kind: 'cyclic',
    scope: 'read:clinical',
    file: 'DDF1/DF02/EF08',
    fields: DF02_EF08,
    records: recordsOf('DDF1/DF02/EF08'),
    failure: 103,
    summary: '免疫基本数据 (immunisation record nRecorderNo; 1 is the newest)',
  }),
  row({
    name: 'iR_DF03EF05Info',
    op: 'read',
    kind: 'index',
    scope: 'read:clinical',
    file: 'DDF1/DF03/EF05',
    fields: indexFields('ZYJLBS', 'inpatientRecordFlag', recordsOf('DDF1/DF03/EF05')),
    failure: 103,
    summary: '住院记录有效标志 (inpatient index: 00 in use, FF empty)',
  }),
  row({
    name: 'iR_DF03EF06Info',
    op: 'read',
    kind: 'index',
    scope: 'read:clinical',
    file: 'DDF1/DF03/EF06',
    fields: indexFields('MZJLBS', 'outpatientRecordFlag', recordsOf('DDF1/DF03/EF06')),
    failure: 103,
    summary: '门诊记录有效标志 (outpatient index: 00 in use, FF empty)',
  }),
  row({ name: 'iR_DF03EEInfo', ...RANGE_READ, ...EE, summary: '住院信息 EE0n, bytes nPos…nPos+nLen' }),
  row({ name: 'iR_DF03EDInfo', ...RANGE_READ, ...ED, summary: '门诊信息 ED0n, bytes nPos…nPos+nLen' }),
  row({ name: 'iR_DF03EE_ALLInfo', ...ALL_READ, ...EE, summary: '住院信息 EE0n, all fields |-separated' }),
  row({ name: 'iR_DF03ED_ALLInfo', ...ALL_READ, ...ED, summary: '门诊信息 ED0n, all fields |-separated' }),

  // ---- PSAM reads (read:basic: terminal data, no personal data) ----
  row({
    name: 'iReader_SAM_Public',
    ...SAM,
    psamFile: 'publicInfo',
    summary: 'PSAM 0015 公共信息 (14 bytes)',
  }),
  row({
    name: 'iReader_SAM_Terminal',
    ...SAM,
    psamFile: 'terminalInfo',
    summary: 'PSAM 0016 终端信息 (6 bytes)',
  }),
  row({
    name: 'iReader_SAM_PublicApp',
    ...SAM,
    psamFile: 'applicationInfo',
    summary: 'PSAM DF01/001A 应用公共信息 (25 bytes)',
  }),
  row({
    name: 'iReader_SAM_OrgCertificate',
    ...SAM,
    psamFile: 'issuerCertificate',
    summary: 'PSAM DF01/001B 发卡机构证书 (180 bytes)',
  }),
  row({
    name: 'iReader_SAM_Certificate',
    ...SAM,
    psamFile: 'samCertificate',
    summary: 'PSAM DF01/001C SAM卡证书 (190 bytes)',
  }),

  // ---- writes a terminal may do (IF2012), write:encounters ----
  itemsWrite('iW_DDF1EF08Info', 'DDF1/EF08', DDF1_EF08, '卡有效期/电话/支付方式 (partial update)'),
  itemsWrite('iW_DF01EF05Info', 'DDF1/DF01/EF05', DF01_EF05, '地址信息 (partial update)'),
  itemsWrite('iW_DF01EF06Info', 'DDF1/DF01/EF06', DF01_EF06, '联系人信息 (partial update)'),
  itemsWrite('iW_DF01EF07Info', 'DDF1/DF01/EF07', DF01_EF07, '职业婚姻信息 (partial update)'),
  itemsWrite('iW_DF01EF08Info', 'DDF1/DF01/EF08', DF01_EF08, '证件记录信息 (partial update)'),
  itemsWrite('iW_DF02EF05Info', 'DDF1/DF02/EF05', DF02_EF05, '临床基本数据 (partial update)'),
  itemsWrite('iW_DF02EF06Info', 'DDF1/DF02/EF06', DF02_EF06, '特殊信息 (partial update)'),
  row({
    name: 'iW_DF02EF07Info',
    op: 'write',
    kind: 'cyclic',
    scope: 'write:encounters',
    file: 'DDF1/DF02/EF07',
    fields: DF02_EF07,
    failure: 108,
    sections: ['clinical'],
    summary: '过敏基本数据: adds a new record 1 (the oldest is dropped)',
  }),
  row({
    name: 'iW_DF02EF08Info',
    op: 'write',
    kind: 'cyclic',
    scope: 'write:encounters',
    file: 'DDF1/DF02/EF08',
    fields: DF02_EF08,
    failure: 108,
    sections: ['clinical'],
    summary: '免疫基本数据: adds a new record 1 (the oldest is dropped)',
  }),
  row({
    name: 'iW_DF03EEInfo',
    ...RANGE_WRITE,
    ...EE,
    summary: '住院信息 EE0n: writes szData at nPos (nLen bytes)',
  }),
  row({
    name: 'iW_DF03EDInfo',
    ...RANGE_WRITE,
    ...ED,
    summary: '门诊信息 ED0n: writes szData at nPos (nLen bytes)',
  }),
  row({
    name: 'iW_DF03EE_ALLInfo',
    ...ALL_WRITE,
    ...EE,
    summary: '住院信息 EE0n: every field from szData, signed by the PSAM, index set to 00',
  }),
  row({
    name: 'iW_DF03ED_ALLInfo',
    ...ALL_WRITE,
    ...ED,
    summary: '门诊信息 ED0n: every field from szData, signed by the PSAM, index set to 00',
  }),
  ...(['EF05', 'EF06'] as const).flatMap((ef) => {
    const x = ef === 'EF05' ? EE : ED;
    const what = ef === 'EF05' ? '住院' : '门诊';
    return [
      row({
        name: `iW_DF03${ef}Info`,
        op: 'write',
        kind: 'flag',
        scope: 'write:encounters',
        flag: 'set',
        fields: [],
        failure: 110,
        sections: ['encounters'],
        ...x,
        summary: `${what}信息索引: record nRecorderNo in use (00)`,
      }),
      row({
        name: `iErase_DF03${ef}Info`,
        op: 'write',
        kind: 'flag',
        scope: 'write:encounters',
        flag: 'erase',
        fields: [],
        failure: 111,
        sections: ['encounters'],
        ...x,
        summary: `${what}信息索引: record nRecorderNo empty (FF)`,
      }),
    ];
  }),
];

export const COMPAT_BY_NAME: ReadonlyMap<string, CompatFunction> = new Map(
  COMPAT_FUNCTIONS.map((f) => [f.name, f]),
);
export const COMPAT_FUNCTION_NAMES: readonly string[] = COMPAT_FUNCTIONS.map((f) => f.name);

/**
 * Interface codes of catalogue errors that say the same whatever the function. Card refusals
 * (HCARD_E_SW_REFUSED) go by command in REFUSAL_IF_CODES; everything else from the card that
 * fits nothing here is the function's own `failure`.
 */
export const CATALOGUE_IF_CODES: Readonly<Record<string, IfCode>> = {
  // Arguments (and the request's shape): 101.
  HCARD_E_ARG_INVALID: 101,
  HCARD_E_HEX_INVALID: 101,
  HCARD_E_BODY_INVALID: 101,
  HCARD_E_BODY_TOO_LARGE: 101,
  HCARD_E_ANS_UNMAPPABLE: 101,
  HCARD_E_ANS_TOO_LONG: 101,
  HCARD_E_CN_INVALID: 101,
  HCARD_E_B_INVALID: 101,
  HCARD_E_CODE_UNKNOWN: 101,
  HCARD_E_PROFILE_ITEM_UNKNOWN: 101,
  HCARD_E_PROFILE_FILE_UNKNOWN: 102,
  HCARD_E_RECORD_EMPTY: 112,
  HCARD_E_PHOTO_INVALID: 113,
  // The PSAM (missing, its PIN, its refusals): 105.
  HCARD_E_PSAM_ABSENT: 105,
  HCARD_E_PSAM_REFUSED: 105,
  HCARD_E_PSAM_PIN_MISSING: 105,
  HCARD_E_PSAM_PIN_WRONG: 105,
  HCARD_E_PSAM_BLOCKED: 105,
  // The reader or card did not answer as it should: 104.
  HCARD_E_READER_NOT_FOUND: 104,
  HCARD_E_NO_CARD: 104,
  HCARD_E_CARD_REMOVED: 104,
  HCARD_E_READER_BUSY: 104,
  HCARD_E_TRANSPORT: 104,
  HCARD_E_PCSC_NO_SERVICE: 104,
  HCARD_E_CHANNEL_CLOSED: 104,
  HCARD_E_T0_LOOP: 104,
  HCARD_E_APDU_RESPONSE_MALFORMED: 104,
};

/**
 * Card refusals by the command refused (first match wins). `sw` narrows a row to one status
 * word. Commands not listed (GET CHALLENGE, a SELECT refused otherwise) get the function's
 * own `failure` code.
 */
export const REFUSAL_IF_CODES: readonly {
  readonly command: string;
  readonly sw?: number;
  readonly code: IfCode;
}[] = [
  { command: 'EXTERNAL AUTHENTICATE', code: 106 },
  { command: 'SELECT', sw: 0x6a82, code: 102 },
  { command: 'READ RECORD', code: 103 },
  { command: 'READ BINARY', code: 107 },
  { command: 'UPDATE RECORD', code: 108 },
  { command: 'UPDATE BINARY', code: 109 },
  { command: 'WRITE RECORD', code: 110 },
  { command: 'ERASE RECORD', code: 111 },
];

/** Checks the table against the profile once, at load: a wrong item key fails the gateway's start. */
for (const f of COMPAT_FUNCTIONS) for (const field of f.fields) if (field.item) itemDef(P, field.item);
