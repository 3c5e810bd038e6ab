/**
 * The national insurance person lookup 1101 (人员信息获取) from a social-security card (spec
 * A.8): 就诊凭证类型 03 = 社会保障卡, mdtrt_cert_no = 卡号, card_sn = 卡识别码. How
 * mdtrt_cert_no is composed differs by province (a Jiangsu front end sends 卡号|业务卡串), so it
 * is a rule, as are the certificate types; the rules have the shape of the gateway's
 * `insurance` configuration plus the composition.
 */
import { hcardError } from '../errors.js';
import type { SsseReading } from './ssse-reader.js';

/** How mdtrt_cert_no is made for type 03: the 卡号, or 卡号 ‖ "|" ‖ 业务卡串 (pBusiCardInfo). */
export type MdtrtCertNoRule = 'cardNumber' | 'cardNumberAndBusiCardInfo';

export interface InsuranceLookupRules {
  /** 就诊凭证类型: 03 社会保障卡 (this card); 02 sends the ID number instead. */
  readonly mdtrtCertType: string;
  /** 人员证件类型: 01 居民身份证. */
  readonly psnCertType: string;
  readonly mdtrtCertNo: MdtrtCertNoRule;
}

export const DEFAULT_SSSE_LOOKUP_RULES: InsuranceLookupRules = {
  mdtrtCertType: '03',
  psnCertType: '01',
  mdtrtCertNo: 'cardNumber',
};

export interface InsuranceLookupInput1101 {
  readonly mdtrt_cert_type: string;
  readonly mdtrt_cert_no: string;
  readonly card_sn: string;
  readonly psn_cert_type: string;
  readonly certno: string;
  readonly psn_name: string;
}

/**
 * 1101 input from an SSSE reading. Holder fields are empty when the holder data was not
 * readable (a 3.0 card without a PSAM): type 03 identifies the person by 卡号 and 卡识别码.
 */
export function insuranceLookupInput1101(
  ssse: Pick<SsseReading, 'card' | 'holder'>,
  provinceRules: Partial<InsuranceLookupRules> = {},
  extras: { readonly busiCardInfo?: string } = {},
): InsuranceLookupInput1101 {
  const rules = { ...DEFAULT_SSSE_LOOKUP_RULES, ...provinceRules };
  for (const key of ['mdtrtCertType', 'psnCertType'] as const) {
    if (!/^[0-9]{2}$/.test(rules[key]))
      throw hcardError('HCARD_E_CONFIG_INVALID', `insurance ${key} must be two digits`);
  }
  const holder = ssse.holder.readable ? ssse.holder.value : undefined;
  const certno = holder?.socialSecurityNumber ?? '';
  const bySocialCard = rules.mdtrtCertType === '03';
  return {
    mdtrt_cert_type: rules.mdtrtCertType,
    mdtrt_cert_no: bySocialCard
      ? mdtrtCertNo(rules.mdtrtCertNo, ssse.card.cardNumber, extras.busiCardInfo)
      : certno,
    card_sn: bySocialCard ? ssse.card.cardIdCode : '',
    psn_cert_type: rules.psnCertType,
    certno,
    psn_name: holder?.name ?? '',
  };
}

function mdtrtCertNo(rule: MdtrtCertNoRule, cardNumber: string, busiCardInfo: string | undefined): string {
  if (rule === 'cardNumber') return cardNumber;
  if (!busiCardInfo) throw hcardError('HCARD_E_SSSE_BUSI_CARD_MISSING');
  return `${cardNumber}|${busiCardInfo}`;
}
