/**
 * BER-TLV tags of the bank application (spec B.2–B.4) and what the reader does with each data
 * element. JR/T 0171-2020 counts track-2 data and card expiry as 鉴别信息 (authentication
 * information) and the account number as 账户信息 (spec B.7); PCI DSS allows first 6 / last 4 of
 * a PAN on display. Nothing the reader reads leaves it in another form than this table says.
 */

/** Templates and structural tags the reader walks through. */
export const EMV_TAG = {
  FCI: 0x6f,
  DF_NAME: 0x84,
  FCI_PROPRIETARY: 0xa5,
  FCI_ISSUER_DISCRETIONARY: 0xbf0c,
  SFI_OF_DIRECTORY: 0x88,
  APPLICATION_TEMPLATE: 0x61,
  AID: 0x4f,
  LABEL: 0x50,
  PRIORITY: 0x87,
  PREFERRED_NAME: 0x9f12,
  PDOL: 0x9f38,
  LANGUAGE: 0x5f2d,
  CODE_TABLE: 0x9f11,
  RECORD_TEMPLATE: 0x70,
  GPO_FORMAT_1: 0x80,
  GPO_FORMAT_2: 0x77,
  AIP: 0x82,
  AFL: 0x94,
  COMMAND_TEMPLATE: 0x83,
} as const;

/** Data elements of interest (spec B.4). */
export const BANK_DATA_TAG = {
  PAN: 0x5a,
  TRACK_2: 0x57,
  EXPIRY: 0x5f24,
  EFFECTIVE: 0x5f25,
  HOLDER_NAME: 0x5f20,
  HOLDER_NAME_EXTENDED: 0x9f0b,
  HOLDER_ID_NUMBER: 0x9f61,
  HOLDER_ID_TYPE: 0x9f62,
  PAN_SEQUENCE: 0x5f34,
  ISSUER_COUNTRY: 0x5f28,
  ATC: 0x9f36,
  PIN_TRY_COUNTER: 0x9f17,
  LOG_ENTRY: 0x9f4d,
  LOG_FORMAT: 0x9f4f,
  LOAD_LOG_ENTRY: 0xdf4d,
  LOAD_LOG_FORMAT: 0xdf4f,
  ECASH_BALANCE: 0x9f79,
  ECASH_LIMIT: 0x9f77,
  ECASH_SINGLE_LIMIT: 0x9f78,
  ECASH_RESET_THRESHOLD: 0x9f6d,
  SM2_SUPPORT: 0xdf69,
} as const;

/**
 * - `kept`: in the result as read (after decoding).
 * - `masked`: only a masked or reduced form reaches the result.
 * - `never-kept`: not in the result; at most compared or used inside the read, then dropped.
 */
export type TagHandling = 'kept' | 'masked' | 'never-kept';

export interface BankTagDef {
  readonly tag: number;
  readonly name: string;
  readonly zh: string;
  readonly handling: TagHandling;
  readonly why: string;
}

/** Every data element of spec B.4 (and the label), with its handling. */
export const BANK_TAGS: readonly BankTagDef[] = [
  {
    tag: 0x50,
    name: 'Application label',
    zh: '应用标签',
    handling: 'kept',
    why: 'names the application',
  },
  {
    tag: 0x9f12,
    name: 'Application preferred name',
    zh: '应用首选名称',
    handling: 'kept',
    why: 'the label when 50 is absent',
  },
  {
    tag: BANK_DATA_TAG.PAN,
    name: 'Application PAN',
    zh: '应用主账号',
    handling: 'masked',
    why: 'first 6 / last 4 (PCI DSS); the full number never leaves the read',
  },
  {
    tag: BANK_DATA_TAG.TRACK_2,
    name: 'Track 2 equivalent data',
    zh: '磁条2等效数据',
    handling: 'never-kept',
    why: '鉴别信息 (JR/T 0171); only a masked PAN and the expiry month are taken from it when 5A / 5F24 are absent',
  },
  {
    tag: BANK_DATA_TAG.EXPIRY,
    name: 'Application expiration date',
    zh: '应用失效日期',
    handling: 'masked',
    why: 'reduced to YYYY-MM: whether the card is still valid, not the full date',
  },
  {
    tag: BANK_DATA_TAG.EFFECTIVE,
    name: 'Application effective date',
    zh: '应用生效日期',
    handling: 'never-kept',
    why: 'not needed at a desk',
  },
  {
    tag: BANK_DATA_TAG.HOLDER_NAME,
    name: 'Cardholder name',
    zh: '持卡人姓名',
    handling: 'kept',
    why: 'shown to the desk to match the patient (GBK or "SURNAME/GIVEN")',
  },
  {
    tag: BANK_DATA_TAG.HOLDER_NAME_EXTENDED,
    name: 'Cardholder name extended',
    zh: '持卡人姓名扩展',
    handling: 'kept',
    why: 'the name when longer than 5F20 allows',
  },
  {
    tag: BANK_DATA_TAG.HOLDER_ID_NUMBER,
    name: 'Cardholder ID number',
    zh: '持卡人证件号',
    handling: 'never-kept',
    why: 'only compared with an ID number the caller already has (holderIdMatches)',
  },
  {
    tag: BANK_DATA_TAG.HOLDER_ID_TYPE,
    name: 'Cardholder ID type',
    zh: '持卡人证件类型',
    handling: 'never-kept',
    why: 'personal data not needed at a desk',
  },
  {
    tag: BANK_DATA_TAG.PAN_SEQUENCE,
    name: 'PAN sequence number',
    zh: '应用主账号序列号',
    handling: 'never-kept',
    why: 'not needed at a desk',
  },
  {
    tag: BANK_DATA_TAG.ISSUER_COUNTRY,
    name: 'Issuer country code',
    zh: '发卡行国家代码',
    handling: 'never-kept',
    why: 'not needed at a desk',
  },
  {
    tag: BANK_DATA_TAG.ATC,
    name: 'Application transaction counter',
    zh: '应用交易计数器',
    handling: 'never-kept',
    why: 'not read (GET DATA); GPO increments it on real cards',
  },
  {
    tag: BANK_DATA_TAG.PIN_TRY_COUNTER,
    name: 'PIN try counter',
    zh: 'PIN 尝试计数器',
    handling: 'never-kept',
    why: 'not read (GET DATA)',
  },
  {
    tag: BANK_DATA_TAG.LOG_ENTRY,
    name: 'Log entry',
    zh: '交易日志入口',
    handling: 'never-kept',
    why: 'transaction logs are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.LOG_FORMAT,
    name: 'Log format',
    zh: '交易日志格式',
    handling: 'never-kept',
    why: 'transaction logs are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.LOAD_LOG_ENTRY,
    name: 'Load log entry',
    zh: '圈存日志入口',
    handling: 'never-kept',
    why: 'logs are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.LOAD_LOG_FORMAT,
    name: 'Load log format',
    zh: '圈存日志格式',
    handling: 'never-kept',
    why: 'logs are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.ECASH_BALANCE,
    name: 'E-cash balance',
    zh: '电子现金余额',
    handling: 'never-kept',
    why: 'balances are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.ECASH_LIMIT,
    name: 'E-cash balance limit',
    zh: '电子现金余额上限',
    handling: 'never-kept',
    why: 'balances are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.ECASH_SINGLE_LIMIT,
    name: 'E-cash single transaction limit',
    zh: '电子现金单笔交易限额',
    handling: 'never-kept',
    why: 'balances are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.ECASH_RESET_THRESHOLD,
    name: 'E-cash reset threshold',
    zh: '电子现金重置阈值',
    handling: 'never-kept',
    why: 'balances are not read (spec B.7)',
  },
  {
    tag: BANK_DATA_TAG.SM2_SUPPORT,
    name: 'SM2 algorithm support indicator',
    zh: 'SM2 算法支持指示器',
    handling: 'never-kept',
    why: 'not needed at a desk',
  },
];

/** The table's row for a tag, if any. */
export function bankTag(tag: number): BankTagDef | undefined {
  return BANK_TAGS.find((t) => t.tag === tag);
}
