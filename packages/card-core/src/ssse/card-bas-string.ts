/**
 * The MOHRSS interface's `|`-terminated strings (spec A.7): the 11 fields of `iReadCardBas` (and
 * of `ReadCardBas` pCardInfo under the NHSA DLL, A.8) and the 9 fields of
 * `iReadCardBas_HSM_Step1`. Every field ends with `|`, so the string ends with one; empty fields
 * are kept (a blank card leaves 社会保障号码, 卡号 and 姓名 empty).
 */
import { hcardError } from '../errors.js';
import type { SsseCardData, SsseHolderData } from './ssse-session.js';

interface FieldDef<K extends string> {
  readonly key: K;
  readonly name: string;
}

/** iReadCardBas output, in order (A.7 [H]). */
export const CARD_BAS_FIELDS = [
  { key: 'regionCode', name: '发卡地区行政区划代码' },
  { key: 'socialSecurityNumber', name: '社会保障号码' },
  { key: 'cardNumber', name: '卡号' },
  { key: 'cardIdCode', name: '卡识别码' },
  { key: 'name', name: '姓名' },
  { key: 'atrHistoricalBytes', name: '卡复位信息' },
  { key: 'specVersion', name: '规范版本' },
  { key: 'issueDate', name: '发卡日期' },
  { key: 'expiryDate', name: '卡有效期' },
  { key: 'terminalNumber', name: '终端机编号' },
  { key: 'readerSerial', name: '终端设备号' },
] as const satisfies readonly FieldDef<string>[];

/** iReadCardBas_HSM_Step1 output, in order (A.7 [M]). The random values are 16 hex digits each. */
export const HSM_STEP1_FIELDS = [
  { key: 'regionCode', name: '发卡地区行政区划代码' },
  { key: 'atrHistoricalBytes', name: '卡复位信息' },
  { key: 'algorithm', name: '算法标识' },
  { key: 'cardIdCode', name: '卡识别码' },
  { key: 'internalFactor', name: '内部认证过程因子' },
  { key: 'internalData', name: '内部认证原始数据' },
  { key: 'externalFactor', name: '外部认证过程因子' },
  { key: 'externalData', name: '外部认证原始数据' },
  { key: 'readerSerial', name: '终端设备号' },
] as const satisfies readonly FieldDef<string>[];

export type CardBasFields = Record<(typeof CARD_BAS_FIELDS)[number]['key'], string>;
export type HsmStep1Fields = Record<(typeof HSM_STEP1_FIELDS)[number]['key'], string>;

const SEPARATOR = '|';

function encodeFields<K extends string>(defs: readonly FieldDef<K>[], values: Record<K, string>): string {
  let out = '';
  for (const { key, name } of defs) {
    const value = values[key];
    if (value.includes(SEPARATOR))
      throw hcardError('HCARD_E_SSSE_STRING_INVALID', `field ${name} (${key}) contains "|"`, { field: key });
    out += value + SEPARATOR;
  }
  return out;
}

function decodeFields<K extends string>(defs: readonly FieldDef<K>[], text: string): Record<K, string> {
  if (!text.endsWith(SEPARATOR))
    throw hcardError('HCARD_E_SSSE_STRING_INVALID', 'the last field is not terminated by "|"');
  // Split keeping empty fields; the terminator of the last field leaves one empty tail.
  const parts = text.split(SEPARATOR).slice(0, -1);
  if (parts.length !== defs.length)
    throw hcardError('HCARD_E_SSSE_STRING_INVALID', `${parts.length} fields, expected ${defs.length}`, {
      fields: parts.length,
      expected: defs.length,
    });
  return Object.fromEntries(defs.map(({ key }, i) => [key, parts[i]!])) as Record<K, string>;
}

export const buildCardBasString = (fields: CardBasFields): string => encodeFields(CARD_BAS_FIELDS, fields);
export const parseCardBasString = (text: string): CardBasFields => decodeFields(CARD_BAS_FIELDS, text);
export const buildHsmStep1String = (fields: HsmStep1Fields): string => encodeFields(HSM_STEP1_FIELDS, fields);
export const parseHsmStep1String = (text: string): HsmStep1Fields => decodeFields(HSM_STEP1_FIELDS, text);

/** What the terminal adds to the card's data: PSAM file 0016 as 12 hex digits, the reader's serial. */
export interface TerminalIds {
  readonly terminalNumber?: string;
  readonly readerSerial?: string;
}

/** The 11 fields from a reading; without holder data 社会保障号码 and 姓名 are empty. */
export function cardBasFieldsOf(
  card: SsseCardData,
  holder: SsseHolderData | undefined,
  atrHistoricalBytes: string,
  terminal: TerminalIds = {},
): CardBasFields {
  return {
    regionCode: card.regionCode,
    socialSecurityNumber: holder?.socialSecurityNumber ?? '',
    cardNumber: card.cardNumber,
    cardIdCode: card.cardIdCode,
    name: holder?.name ?? '',
    atrHistoricalBytes,
    specVersion: card.specVersion,
    issueDate: card.issueDate,
    expiryDate: card.expiryDate,
    terminalNumber: terminal.terminalNumber ?? '',
    readerSerial: terminal.readerSerial ?? '',
  };
}
