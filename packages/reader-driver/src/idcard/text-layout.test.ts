import { HcardError } from '@hcard/card-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ethnicityDisplay } from './code-tables.js';
import { hasValidCheckDigit, parseAppendedAddress, parseIdCardText } from './text-layout.js';

/** A space-padded 256-byte block with UTF-16LE `fields` at byte offsets, as spec C.6 lays them out. */
function block(fields: Record<number, string>, flag = ' '): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) out[i] = 0x20;
  for (const [offset, text] of [...Object.entries(fields), ['248', flag] as const]) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out[Number(offset) + 2 * i] = unit & 0xff;
      out[Number(offset) + 2 * i + 1] = unit >> 8;
    }
  }
  return out;
}

describe('resident ID card text (spec C.6, GA/T 490)', () => {
  // The GB 11643 sample number (spec C.10); the rest is made up.
  const resident = block({
    0: '张三',
    30: '2',
    32: '01',
    36: '19491231',
    52: '北京市朝阳区建国路88号',
    122: '11010519491231002X',
    158: '北京市公安局朝阳分局',
    188: '20150101',
    204: '长期',
  });

  it('reads every field at its offset and trims the padding', () => {
    expect(parseIdCardText(resident)).toMatchObject({
      type: 'resident',
      name: '张三',
      sex: { code: '2', text: '女' },
      ethnicity: { code: '01', text: '汉' },
      birthDate: '19491231',
      address: '北京市朝阳区建国路88号',
      idNumber: '11010519491231002X',
      issuer: '北京市公安局朝阳分局',
      validFrom: '20150101',
      validTo: '长期',
      checkDigitValid: true,
      region: { province: '北京市', county: '朝阳区' },
    });
  });

  it('flags a wrong check digit without failing the read', () => {
    const wrong = block({ 122: '110105194912310021' });
    expect(parseIdCardText(wrong)).toMatchObject({ idNumber: '110105194912310021', checkDigitValid: false });
  });

  it('trims trailing NULs as padding too', () => {
    const withNuls = block({ 0: '李四\u0000\u0000' });
    expect(parseIdCardText(withNuls)).toMatchObject({ name: '李四' });
  });

  it('keeps a code the table does not have, without text', () => {
    expect(parseIdCardText(block({ 30: '7', 32: '77' }))).toMatchObject({
      sex: { code: '7' },
      ethnicity: { code: '77' },
    });
    expect(ethnicityDisplay({ code: '01', text: '汉' })).toBe('汉族');
    expect(ethnicityDisplay({ code: '97', text: '其他' })).toBe('其他');
  });
});

describe('residence permit and foreigner cards (spec C.6)', () => {
  it('reads a J card: pass number at 220, issue count at 238, no ethnicity', () => {
    const j = block(
      {
        0: '陈小明',
        30: '1',
        36: '19900101',
        52: '广东省深圳市福田区深南大道1号',
        122: '810000199001010019',
        158: '深圳市公安局福田分局',
        188: '20200101',
        204: '20250101',
        220: 'H12345678',
        238: '01',
      },
      'J',
    );
    const text = parseIdCardText(j);
    expect(text).toMatchObject({
      type: 'hmt-residence-permit',
      name: '陈小明',
      passNumber: 'H12345678',
      issueCount: '01',
      idNumber: '810000199001010019',
    });
    expect(text).not.toHaveProperty('ethnicity');
    // Check character 9: Σ digit × weight = 146, 146 mod 11 = 3 → '9' (spec C.10, by hand).
    expect(text).toMatchObject({ checkDigitValid: true });
    expect(hasValidCheckDigit('810000199001010018')).toBe(false);
  });

  it('reads an I card (2017 foreigner layout)', () => {
    const i = block(
      {
        0: 'SMITH JOHN',
        120: '1',
        122: 'USA110085010101',
        152: 'USA',
        158: '',
        188: '20200601',
        204: '20300601',
        220: '19850101',
        236: '01',
        240: '1100',
      },
      'I',
    );
    expect(parseIdCardText(i)).toEqual({
      type: 'foreign-permanent-2017',
      englishName: 'SMITH JOHN',
      sex: { code: '1', text: '男' },
      permitNumber: 'USA110085010101',
      nationality: 'USA',
      chineseName: '',
      validFrom: '20200601',
      validTo: '20300601',
      birthDate: '19850101',
      cardVersion: '01',
      issuerCode: '1100',
    });
  });

  it('reads a Y card (2023 layout) and checks the official sample number (spec C.6)', () => {
    const y = block(
      {
        0: '史密斯',
        30: '1',
        36: '19850101',
        52: 'SMITH JOHN',
        122: '932682198501010017',
        158: '国家移民管理局',
        188: '20230601',
        204: '20330601',
        238: '01',
        242: 'SAU',
      },
      'Y',
    );
    expect(parseIdCardText(y)).toEqual({
      type: 'foreign-permanent-2023',
      chineseName: '史密斯',
      sex: { code: '1', text: '男' },
      birthDate: '19850101',
      foreignName: 'SMITH JOHN',
      idNumber: '932682198501010017',
      issuer: '国家移民管理局',
      validFrom: '20230601',
      validTo: '20330601',
      previousNumber: '',
      issueCount: '01',
      nationality: 'SAU',
      checkDigitValid: true,
    });
    expect(hasValidCheckDigit('911124198108030024')).toBe(true);
  });
});

describe('malformed text blocks', () => {
  it('rejects a block that is not 256 bytes', () => {
    expect(() => parseIdCardText(new Uint8Array(255))).toThrowError(
      expect.objectContaining({ code: 'HCARD_E_IDCARD_DATA_INVALID' }),
    );
  });

  it('rejects an unknown type flag', () => {
    expect(() => parseIdCardText(block({}, 'Z'))).toThrowError(
      expect.objectContaining({ code: 'HCARD_E_IDCARD_DATA_INVALID', details: { typeFlag: 0x5a } }),
    );
  });

  it('rejects a lone surrogate in a field', () => {
    const broken = block({ 0: '王' });
    broken[0] = 0x00;
    broken[1] = 0xd8; // U+D800, an unpaired high surrogate
    expect(() => parseIdCardText(broken)).toThrowError(
      expect.objectContaining({ code: 'HCARD_E_IDCARD_DATA_INVALID', details: { field: 'name' } }),
    );
  });

  it('never throws anything but a catalogue error on random bytes', () => {
    const flags = fc.constantFrom(' ', 'J', 'I', 'Y', 'Z', '\u0000');
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        flags,
        fc.boolean(),
        (bytes, flag, sized) => {
          const input = sized ? Uint8Array.from({ length: 256 }, (_, i) => bytes[i] ?? 0x20) : bytes;
          if (sized) {
            input[248] = flag.charCodeAt(0);
            input[249] = 0;
          }
          try {
            const text = parseIdCardText(input);
            expect(typeof text.type).toBe('string');
          } catch (e) {
            expect(e).toBeInstanceOf(HcardError);
            expect((e as HcardError).code).toBe('HCARD_E_IDCARD_DATA_INVALID');
          }
        },
      ),
      { seed: 248, numRuns: 1000 },
    );
  });
});

describe('appended address (30 03, spec C.5)', () => {
  it('reads 70 bytes of UTF-16LE and trims the padding', () => {
    const data = block({ 0: '北京市海淀区中关村大街1号' }).slice(0, 70);
    expect(parseAppendedAddress(data)).toBe('北京市海淀区中关村大街1号');
  });

  it('rejects an odd length or more than 70 bytes', () => {
    for (const n of [69, 72]) {
      expect(() => parseAppendedAddress(new Uint8Array(n))).toThrowError(
        expect.objectContaining({ code: 'HCARD_E_IDCARD_DATA_INVALID' }),
      );
    }
  });
});
