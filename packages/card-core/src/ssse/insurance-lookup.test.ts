import { describe, expect, it } from 'vitest';
import { expectHcardError } from '../expect-error.test-helper.js';
import { insuranceLookupInput1101 } from './insurance-lookup.js';

const card = {
  cardIdCode: '639900D15600000500BF7C7A48FB4966',
  regionCode: '639900',
  cardType: '1',
  specVersion: '3.00',
  generation: 3,
  initOrgNumber: '00'.repeat(12),
  issueDate: '20101001',
  expiryDate: '20201001',
  cardNumber: 'X00000019',
};
const holder = {
  socialSecurityNumber: '111111198101011110',
  name: '张三',
  sex: '1',
  ethnicity: '01',
  birthPlace: '111111',
  birthDate: '19810101',
};
const readable = { card, holder: { readable: true as const, value: holder } };

describe('insuranceLookupInput1101 (spec A.8)', () => {
  it('type 03: 卡号 as mdtrt_cert_no and the 卡识别码 as card_sn', () => {
    expect(insuranceLookupInput1101(readable)).toEqual({
      mdtrt_cert_type: '03',
      mdtrt_cert_no: 'X00000019',
      card_sn: '639900D15600000500BF7C7A48FB4966',
      psn_cert_type: '01',
      certno: '111111198101011110',
      psn_name: '张三',
    });
  });

  it('the Jiangsu rule: 卡号|业务卡串 ([S18])', () => {
    const input = insuranceLookupInput1101(
      readable,
      { mdtrtCertNo: 'cardNumberAndBusiCardInfo' },
      { busiCardInfo: 'QUJD' },
    );
    expect(input.mdtrt_cert_no).toBe('X00000019|QUJD');
  });

  it('the Jiangsu rule without the 业务卡串 is an error', () => {
    expectHcardError(
      () => insuranceLookupInput1101(readable, { mdtrtCertNo: 'cardNumberAndBusiCardInfo' }),
      'HCARD_E_SSSE_BUSI_CARD_MISSING',
    );
  });

  it('type 02 as in the gateway config: the ID number, no card_sn', () => {
    const input = insuranceLookupInput1101(readable, { mdtrtCertType: '02' });
    expect([input.mdtrt_cert_type, input.mdtrt_cert_no, input.card_sn]).toEqual([
      '02',
      '111111198101011110',
      '',
    ]);
  });

  it('holder data not readable (3.0 card, no PSAM): the card identifies the person, certno and psn_name empty', () => {
    const input = insuranceLookupInput1101({
      card,
      holder: { readable: false, reason: { kind: 'psam-missing' } },
    });
    expect([input.mdtrt_cert_no, input.card_sn, input.certno, input.psn_name]).toEqual([
      'X00000019',
      '639900D15600000500BF7C7A48FB4966',
      '',
      '',
    ]);
  });

  it('rules that are not two-digit codes are a configuration error', () => {
    expectHcardError(
      () => insuranceLookupInput1101(readable, { psnCertType: '1' }),
      'HCARD_E_CONFIG_INVALID',
    );
  });
});
