import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, fromHex, toHex } from '../bytes.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { decodeSsseRecord, decodeSsseValue, encodeSsseRecord, encodeSsseValue } from './ssse-codec.js';
import { ssseItem } from './ssse-items.js';

/** 张三 in GBK (code page 936), independent of the encoder under test. */
const ZHANG_SAN = fromHex('D5C5C8FD');

describe('SSSE value encodings and padding (spec A.3, A.4)', () => {
  it('an: ASCII right-padded with 00 (卡号 "X00000019" fills its 9 bytes)', () => {
    expect(toHex(encodeSsseValue(ssseItem('cardNumber'), 'X00000019'))).toBe('583030303030303139');
    expect(toHex(encodeSsseValue(ssseItem('specVersion'), '3.00'))).toBe('332E3030');
    expect(toHex(encodeSsseValue(ssseItem('sex'), '2'))).toBe('32');
  });

  it('gbk: 姓名 right-padded with 00 to 30 bytes', () => {
    expect(toHex(encodeSsseValue(ssseItem('name'), '张三'))).toBe(`D5C5C8FD${'00'.repeat(26)}`);
  });

  it('gbk: a 姓名 padded with spaces (some cards) or with 00 reads the same, trimmed', () => {
    expect(new TextDecoder('gbk').decode(ZHANG_SAN)).toBe('张三');
    const body = ZHANG_SAN;
    const spaces = concatBytes(body, new Uint8Array(26).fill(0x20));
    const zeros = concatBytes(body, new Uint8Array(26));
    expect(decodeSsseValue(ssseItem('name'), spaces)).toBe('张三');
    expect(decodeSsseValue(ssseItem('name'), zeros)).toBe('张三');
  });

  it('cn: 出生地 right-padded with F; 民族 one BCD byte (01 汉)', () => {
    expect(toHex(encodeSsseValue(ssseItem('birthPlace'), '4101'))).toBe('4101FF');
    expect(decodeSsseValue(ssseItem('birthPlace'), fromHex('4101FF'))).toBe('4101');
    expect(toHex(encodeSsseValue(ssseItem('ethnicity'), '01'))).toBe('01');
  });

  it('date: BCD YYYYMMDD; an impossible date does not encode', () => {
    expect(toHex(encodeSsseValue(ssseItem('issueDate'), '20101001'))).toBe('20101001');
    expectHcardError(() => encodeSsseValue(ssseItem('issueDate'), '20100231'), 'HCARD_E_CN_INVALID');
  });

  it('b: 卡识别码 as 32 hex digits (A.3 example)', () => {
    const id = '639900D15600000500BF7C7A48FB4966';
    expect(decodeSsseValue(ssseItem('cardIdCode'), fromHex(id))).toBe(id);
    expectHcardError(() => encodeSsseValue(ssseItem('cardIdCode'), id.slice(2)), 'HCARD_E_B_INVALID');
  });

  it('encoding errors name the item, never the value', () => {
    const e = expectHcardError(
      () => encodeSsseValue(ssseItem('cardNumber'), '卡号12345'),
      'HCARD_E_ANS_UNMAPPABLE',
    );
    expect(e.message).toContain('cardNumber');
    expect(e.message).not.toContain('12345');
  });
});

describe('SSSE records: tag ‖ length ‖ value (spec A.3)', () => {
  it('encodes and decodes a record', () => {
    const record = encodeSsseRecord(ssseItem('specVersion'), '3.00');
    expect(toHex(record)).toBe('0304332E3030');
    expect(decodeSsseRecord(ssseItem('specVersion'), record)).toBe('3.00');
  });

  it('keeps the first 9 characters of a longer 卡号 (the official driver rule, A.6)', () => {
    const record = concatBytes(Uint8Array.of(0x07, 11), asciiBytes('X0000001912'));
    expect(decodeSsseRecord(ssseItem('cardNumber'), record)).toBe('X00000019');
  });

  it.each([
    ['another tag', '0A0131'],
    ['another length', '0303332E30'],
    ['not SIMPLE-TLV', '0304332E'],
  ])('a record with %s is the card data invalid', (_what, hex) => {
    const e = expectHcardError(
      () => decodeSsseRecord(ssseItem('specVersion'), fromHex(hex)),
      'HCARD_E_CARD_DATA_INVALID',
    );
    expect(e.message).toContain('specVersion');
  });

  it('bytes that do not decode are the card data invalid (a non-digit in a BCD date)', () => {
    expectHcardError(
      () => decodeSsseRecord(ssseItem('birthDate'), fromHex('0D041990A101')),
      'HCARD_E_CARD_DATA_INVALID',
    );
  });
});
