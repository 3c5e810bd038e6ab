/**
 * Decoders of the bank application's data elements (spec B.4) and the PAN masker (spec B.7).
 * PANs are synthetic (BIN 621999, Luhn computed); 79927398713 is the usual published Luhn example.
 */
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { encodeAnsText } from '../codecs/ans.js';
import { HcardError } from '../errors.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { maskBankCardNumber } from '../privacy/mask.js';
import {
  decodeCardText,
  decodeExpiryMonth,
  decodeHolderName,
  decodeIdNumber,
  decodePan,
  decodeTrack2,
  isLuhnValid,
  luhnCheckDigit,
} from './card-data.js';

const PAN_19 = '6219990123456789017';
const PAN_16 = '6219990123456788';

describe('PAN (5A)', () => {
  it('reads BCD digits and cuts the F padding of an odd length (spec B.4)', () => {
    expect(decodePan(fromHex(`${PAN_19}F`))).toBe(PAN_19);
    expect(decodePan(fromHex(PAN_16))).toBe(PAN_16);
  });

  it.each([
    ['a non-decimal nibble', '62199901234A6789017F'],
    ['a digit after the padding', '6219990123456789F1'],
    ['too few digits', '62199901234F'],
    ['too many digits', '62199901234567890123'],
  ])('rejects %s without repeating the digits', (_what, hex) => {
    const e = expectHcardError(() => decodePan(fromHex(hex)), 'HCARD_E_BANK_DATA_INVALID');
    expect(e.message).not.toMatch(/\d{6}/);
    expect(e.cause).toBeUndefined();
  });
});

describe('track 2 equivalent (57)', () => {
  it('splits PAN, D, YYMM, service code and discretionary data (spec B.4)', () => {
    expect(decodeTrack2(fromHex(`${PAN_19}D3011220123456789`))).toEqual({ pan: PAN_19, expiry: '3011' });
    expect(decodeTrack2(fromHex(`${PAN_16}D3011220012F`))).toEqual({ pan: PAN_16, expiry: '3011' });
  });

  it('rejects data without a separator, naming the element only', () => {
    const e = expectHcardError(() => decodeTrack2(fromHex(`${PAN_19}F`)), 'HCARD_E_BANK_DATA_INVALID');
    expect(e.message).not.toContain('621999');
  });
});

describe('expiry (5F24)', () => {
  it('keeps the month only: YYMMDD → YYYY-MM (spec B.7)', () => {
    expect(decodeExpiryMonth(fromHex('301130'))).toBe('2030-11');
  });

  it.each(['301330', '3011', 'AB1130'])('rejects %s', (hex) => {
    expectHcardError(() => decodeExpiryMonth(fromHex(hex)), 'HCARD_E_BANK_DATA_INVALID');
  });
});

describe('cardholder name and other ans text', () => {
  it('reads GBK names as Chinese cards write them, and "SURNAME/GIVEN" in ASCII', () => {
    expect(decodeHolderName(encodeAnsText('欧阳娜娜'))).toBe('欧阳娜娜');
    expect(decodeHolderName(Uint8Array.from(Buffer.from('ZHANG/SAN   ')))).toBe('ZHANG/SAN');
  });

  it('treats "/", padding and undecodable bytes as no name rather than failing the read', () => {
    expect(decodeHolderName(Uint8Array.from(Buffer.from(' /  ')))).toBeUndefined();
    expect(decodeHolderName(fromHex('000000'))).toBeUndefined();
    expect(decodeCardText(fromHex('81'))).toBeUndefined();
    expect(decodeCardText(fromHex('50424F43204445424954FFFF'))).toBe('PBOC DEBIT');
  });

  it('reads a holder ID number (9F61) in uppercase', () => {
    expect(decodeIdNumber(Uint8Array.from(Buffer.from('11010519491231002x')))).toBe('11010519491231002X');
  });
});

describe('Luhn and PAN masking', () => {
  it('computes and checks the Luhn digit (ISO/IEC 7812-1 annex B)', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect([PAN_19, PAN_16].every(isLuhnValid)).toBe(true);
    expect(() => luhnCheckDigit('12a')).toThrow(HcardError);
  });

  it('masks a PAN to first 6 / last 4 (PCI DSS, spec B.7)', () => {
    expect(maskBankCardNumber(PAN_19)).toBe('621999*********9017');
    expect(maskBankCardNumber(PAN_16)).toBe('621999******6788');
    expect(maskBankCardNumber('123456789')).toBe('*********');
  });
});
