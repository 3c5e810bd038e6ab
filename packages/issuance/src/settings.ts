/**
 * What an issuing office configures once for a batch: issuer identity, city, validity, the
 * batch-wide card items. Facts the spec marks med/low (card type, spec version, payment scheme)
 * are defaults here, in one place.
 */
import type { AnsCharset } from '@hcard/card-core';
import { hcardError, isCalendarDate } from '@hcard/card-core';

export interface IssuanceSettings {
  /** Item 3 发卡机构名称. */
  readonly issuerName: string;
  /** Item 4 发卡机构代码, 22 digits (WS 218). */
  readonly issuerCode: string;
  /** Item 5: the issuer certificate (the key store's, signed by the root). */
  readonly issuerCertificate: Uint8Array;
  /** Item 57 应用城市代码, 6 digits (GB/T 2260); also the CITY key factor. */
  readonly cityCode: string;
  /** Item 6, YYYYMMDD. */
  readonly issueDate: string;
  /** Item 7, YYYYMMDD. */
  readonly expiryDate: string;
  /** Item 1: '1' 普通卡 (DEMO writes "1"). [med] */
  readonly cardType: string;
  /** Item 2: "1.00". [med] */
  readonly specVersion: string;
  /** Item 37 证件类别: '01' 居民身份证. */
  readonly documentType: string;
  /** Item 18: the batch's medical payment scheme ('' = not written). [low] */
  readonly paymentScheme: string;
  readonly charset: AnsCharset;
}

/** Settings as a config file gives them (dates optional: today and +validityYears). */
export interface IssuanceConfig {
  readonly issuerName: string;
  readonly issuerCode: string;
  readonly cityCode: string;
  readonly issueDate?: string;
  readonly validityYears?: number;
  readonly cardType?: string;
  readonly specVersion?: string;
  readonly paymentScheme?: string;
}

export const DEFAULT_ISSUANCE_CONFIG = {
  validityYears: 10,
  cardType: '1',
  specVersion: '1.00',
  documentType: '01',
  paymentScheme: '',
  charset: 'gbk',
} as const;

const today = (now: Date): string =>
  `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;

const plusYears = (date: string, years: number): string => {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(4);
  // 29 February plus whole years lands on 28 February when the year has none.
  return `${y}${md === '0229' && !isCalendarDate(`${y}0229`) ? '0228' : md}`;
};

export function issuanceSettings(
  config: IssuanceConfig,
  issuerCertificate: Uint8Array,
  now: Date = new Date(),
): IssuanceSettings {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw hcardError('HCARD_E_ARG_INVALID', `issuance config: ${what}`);
  };
  check(typeof config.issuerName === 'string' && config.issuerName.length > 0, 'issuerName is required');
  check(/^\d{22}$/.test(config.issuerCode ?? ''), 'issuerCode must be 22 digits');
  check(/^\d{6}$/.test(config.cityCode ?? ''), 'cityCode must be 6 digits');
  const issueDate = config.issueDate ?? today(now);
  check(/^\d{8}$/.test(issueDate) && isCalendarDate(issueDate), 'issueDate must be a YYYYMMDD date');
  const years = config.validityYears ?? DEFAULT_ISSUANCE_CONFIG.validityYears;
  check(Number.isInteger(years) && years >= 1 && years <= 50, 'validityYears must be 1–50');
  return {
    issuerName: config.issuerName,
    issuerCode: config.issuerCode,
    issuerCertificate,
    cityCode: config.cityCode,
    issueDate,
    expiryDate: plusYears(issueDate, years),
    cardType: config.cardType ?? DEFAULT_ISSUANCE_CONFIG.cardType,
    specVersion: config.specVersion ?? DEFAULT_ISSUANCE_CONFIG.specVersion,
    documentType: DEFAULT_ISSUANCE_CONFIG.documentType,
    paymentScheme: config.paymentScheme ?? DEFAULT_ISSUANCE_CONFIG.paymentScheme,
    charset: DEFAULT_ISSUANCE_CONFIG.charset,
  };
}

/** The synthetic issuer used when no issuer file is given (test keys; never for real cards). */
export const TEST_ISSUER_CONFIG: IssuanceConfig = {
  issuerName: '示例市卫生健康委员会',
  issuerCode: '4101000000000000000001',
  cityCode: '410100',
};

const CONFIG_FIELDS = [
  'issuerName',
  'issuerCode',
  'cityCode',
  'issueDate',
  'validityYears',
  'cardType',
  'specVersion',
  'paymentScheme',
] as const;

/** An issuer file (JSON, the fields of IssuanceConfig); unknown fields are refused, not ignored. */
export function parseIssuanceConfig(text: string, source: string): IssuanceConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw hcardError('HCARD_E_ARG_INVALID', `${source} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw hcardError('HCARD_E_ARG_INVALID', `${source} must hold a JSON object`);
  const unknown = Object.keys(json).filter((k) => !(CONFIG_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw hcardError('HCARD_E_ARG_INVALID', `${source}: unknown field(s) ${unknown.join(', ')}`);
  return json as IssuanceConfig;
}
