import { asciiBytes, fromHex, sm3, ssseCardKey, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateCard } from '../images/build-image.js';
import { TEST_KEY_SET, TEST_SSSE_KEYS } from '../keys/test-key-set.js';
import { generateResident } from '../synthetic/resident.js';
import { buildSsseImage, ssseAtr } from './build-ssse-image.js';

describe('buildSsseImage: the same resident as the health card', () => {
  const resident = generateResident(42);
  const health = generateCard(42).items;
  const { card, holder, image } = buildSsseImage(resident, { seed: 42 });

  it("holder data: ID number, name, sex (1/2), ethnicity, the ID number's region, birth date", () => {
    expect(holder).toEqual({
      socialSecurityNumber: health.idNumber,
      name: health.name,
      sex: health.sex === '01' ? '1' : '2',
      ethnicity: health.ethnicity,
      birthPlace: health.idNumber!.slice(0, 6),
      birthDate: health.birthDate,
    });
  });

  it('card data: 卡识别码 = city code ‖ D156000005 ‖ 8 bytes, dates of the health card, 卡号 a letter and 8 digits', () => {
    expect(card.cardIdCode).toMatch(new RegExp(`^${health.cityCode}D156000005[0-9A-F]{16}$`));
    expect(card.regionCode).toBe(health.cityCode);
    expect([card.issueDate, card.expiryDate]).toEqual([health.issueDate, health.expiryDate]);
    expect(card.cardNumber).toMatch(/^[A-Z]\d{8}$/);
    expect(card.specVersion).toBe('3.00');
  });

  it('is reproducible from the seed, and another seed gives another card', () => {
    expect(buildSsseImage(resident, { seed: 42 }).image).toEqual(image);
    const other = buildSsseImage(resident, { seed: 43 }).card;
    expect(other.cardIdCode).not.toBe(card.cardIdCode);
    expect(other.cardNumber).not.toBe(card.cardNumber);
  });

  it('3.0 keys: the documented test masters SM3("hcard-test-issuer/1:" ‖ id)[0..16] diversified with the 卡识别码', () => {
    const id = fromHex(card.cardIdCode);
    for (const keyId of ['RKSSSE', 'IKSSSE'] as const) {
      const master = sm3(asciiBytes(`${TEST_KEY_SET}:${keyId}`)).slice(0, 16);
      expect(image.keys?.[keyId].value).toBe(toHex(ssseCardKey(master, id)));
      expect(TEST_SSSE_KEYS.exportPsamMasters([keyId]).get(keyId)).toEqual(master);
    }
    expect(image.keys?.RKSSSE.tries).toBe(15);
    expect(image.algorithm).toBe(3);
  });

  it('ATR: 3B 6D 00 00 and 13 historical bytes 00 81 ‖ region ‖ the last 8 bytes of the 卡识别码', () => {
    expect(image.atr).toBe(toHex(ssseAtr(fromHex(card.cardIdCode))));
    expect(image.atr).toBe(`3B6D00000081${card.cardIdCode.slice(0, 6)}${card.cardIdCode.slice(16)}`);
  });
});

describe('buildSsseImage options', () => {
  const resident = generateResident(7);

  it('a card that disagrees with the health card: another name and ID number', () => {
    const { holder } = buildSsseImage(resident, { name: '李四', idNumber: '11010519491231002X' });
    expect([holder.name, holder.socialSecurityNumber]).toEqual(['李四', '11010519491231002X']);
  });

  it('expired: 10 years that ended the day before the reference date', () => {
    const { card } = buildSsseImage(resident, { expired: true, referenceDate: '20240301' });
    expect([card.issueDate, card.expiryDate]).toEqual(['20140301', '20240229']);
    const leap = buildSsseImage(resident, { expired: true, referenceDate: '20240229' }).card;
    expect([leap.issueDate, leap.expiryDate]).toEqual(['20140228', '20240228']);
  });

  it('1.00 and 2.00 cards have no keys and no algorithm; 2.00 has 姓名扩展', () => {
    for (const generation of ['1.00', '2.00'] as const) {
      const { image } = buildSsseImage(resident, { generation });
      expect([image.keys, image.algorithm]).toEqual([undefined, undefined]);
      expect(image.files.EF06.some((r) => r.startsWith('4E'))).toBe(generation === '2.00');
    }
  });

  it('a name over 30 GBK bytes: 姓名 takes 15 hanzi, 姓名扩展 the other 7; a 1.00 card cannot hold it', () => {
    const long = '欧阳诸葛司马上官端木皇甫东方慕容令狐长孙宇文';
    const { image } = buildSsseImage(resident, { generation: '2.00', name: long });
    const ext = image.files.EF06.find((r) => r.startsWith('4E'))!;
    expect(new TextDecoder('gbk').decode(fromHex(ext.slice(4)).filter((b) => b !== 0))).toBe(
      '容令狐长孙宇文',
    );
    expect(() => buildSsseImage(resident, { generation: '1.00', name: long })).toThrow(/name/);
  });
});
