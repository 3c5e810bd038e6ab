import { gb11643CheckDigit, lookupRegion } from '@hcard/card-core';
import { generateResident } from '@hcard/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnrolledPerson, EnrolmentField, Rejection, RejectReason, SourceRow } from '../model.js';
import { bundledRevisions, isKnownRegionCode } from './region-codes.js';
import { createValidator, isRejection, type ValidateOptions } from './validate-person.js';

// Synthetic people only. 11010519491231002X is GB 11643-1999's own example number (a woman born
// 1949-12-31 in 北京市朝阳区); other numbers get their check character from gb11643CheckDigit.
const EXAMPLE_ID = '11010519491231002X';
const TODAY = '20240601';
const validate = createValidator({ today: TODAY });

/** An ID number with a correct check character. */
function idWith(first17: string): string {
  return first17 + gb11643CheckDigit(first17);
}

function row(values: Partial<Record<EnrolmentField, string>>, rowNumber = 1): SourceRow {
  return {
    rowNumber,
    values: {
      name: '张三',
      sex: '女',
      ethnicity: '汉族',
      birthDate: '19491231',
      idNumber: EXAMPLE_ID,
      phone: '13812345678',
      address: '北京市朝阳区花园路1号',
      ruralInsuranceNumber: '',
      township: '城关镇',
      village: '东村',
      ...values,
    },
  };
}

function rejected(values: Partial<Record<EnrolmentField, string>>, options?: ValidateOptions): Rejection {
  const r = row(values);
  const result = (options ? createValidator({ today: TODAY, ...options }) : validate)(r);
  expect(isRejection(result), `expected a rejection, got ${JSON.stringify(result)}`).toBe(true);
  const rejection = result as Rejection;
  // Never the full ID number in a message (either case of the check character).
  const id = r.values.idNumber ?? '';
  if (id.length >= 10) {
    expect(rejection.message).not.toContain(id);
    expect(rejection.message).not.toContain(id.toUpperCase());
  }
  return rejection;
}

function accepted(values: Partial<Record<EnrolmentField, string>>): EnrolledPerson {
  const result = validate(row(values));
  expect(isRejection(result), `expected a person, got ${JSON.stringify(result)}`).toBe(false);
  return result as EnrolledPerson;
}

describe('validatePerson: a valid row', () => {
  it('normalises codes, dates and the ID number', () => {
    expect(
      accepted({ idNumber: '11010519491231002x', sex: '女性', ethnicity: '汉', birthDate: '1949年12月31日' }),
    ).toEqual({
      rowNumber: 1,
      name: '张三',
      sex: '02',
      ethnicity: '01',
      birthDate: '19491231',
      idNumber: EXAMPLE_ID,
      phone: '13812345678',
      address: '北京市朝阳区花园路1号',
      ruralInsuranceNumber: '',
      township: '城关镇',
      village: '东村',
    });
  });

  it('gives men 01 from the odd 17th digit', () => {
    const id = idWith('11010519900307123'); // sequence 123: odd, male
    expect(accepted({ idNumber: id, sex: '男', birthDate: '19900307' }).sex).toBe('01');
    expect(accepted({ idNumber: id, sex: '1', birthDate: '19900307' }).sex).toBe('01');
  });
});

describe('validatePerson: one reason per row', () => {
  const male1990 = idWith('11010519900307123');
  const cases: readonly [
    string,
    Partial<Record<EnrolmentField, string>>,
    RejectReason,
    EnrolmentField,
    RegExp,
  ][] = [
    ['empty name', { name: '' }, 'FIELD_MISSING', 'name', /姓名 \(name\) is empty/],
    ['empty sex', { sex: '' }, 'FIELD_MISSING', 'sex', /性别 \(sex\)/],
    [
      'two empty fields',
      { ethnicity: '', idNumber: '' },
      'FIELD_MISSING',
      'ethnicity',
      /民族 \(ethnicity\), 身份证号 \(idNumber\) are empty/,
    ],
    [
      '15-digit old number',
      { idNumber: '110105491231002' },
      'ID_FORMAT',
      'idNumber',
      /身份证号 \(idNumber\).*15-digit/,
    ],
    ['17 digits', { idNumber: '11010519491231002' }, 'ID_FORMAT', 'idNumber', /17 characters/],
    ['letter inside', { idNumber: '1101051949123A002X' }, 'ID_FORMAT', 'idNumber', /other than digits/],
    [
      'wrong check character',
      { idNumber: '110105194912310021' },
      'ID_CHECKSUM',
      'idNumber',
      /check character is 1, .* give X/,
    ],
    [
      'made-up region 119999',
      { idNumber: idWith('11999919491231002') },
      'ID_REGION_UNKNOWN',
      'idNumber',
      /119999 was never/,
    ],
    ['province 99', { idNumber: idWith('99010519491231002') }, 'ID_REGION_UNKNOWN', 'idNumber', /990105/],
    [
      '19990230 in the ID',
      { idNumber: idWith('11010519990230124'), birthDate: '19990230' },
      'ID_BIRTHDATE',
      'idNumber',
      /not a real day/,
    ],
    [
      'born before 1850',
      { idNumber: idWith('11010518400101124'), birthDate: '18400101' },
      'ID_BIRTHDATE',
      'idNumber',
      /before 1850/,
    ],
    [
      'born after today',
      { idNumber: idWith('11010520990101124'), birthDate: '20990101' },
      'ID_BIRTHDATE',
      'idNumber',
      /future/,
    ],
    [
      '出生日期 differs',
      { birthDate: '19491230' },
      'ID_BIRTHDATE',
      'birthDate',
      /出生日期 \(birthDate\) differs/,
    ],
    [
      '出生日期 not a date',
      { birthDate: '49/12/31' },
      'ID_BIRTHDATE',
      'birthDate',
      /出生日期 \(birthDate\) is not a date/,
    ],
    ['出生日期 not a day', { birthDate: '1949-02-30' }, 'ID_BIRTHDATE', 'birthDate', /not a real day/],
    ['男 for an even digit', { sex: '男' }, 'ID_SEX_MISMATCH', 'sex', /性别 \(sex\) says male.*female/],
    [
      '女 for an odd digit',
      { idNumber: male1990, birthDate: '19900307', sex: '女' },
      'ID_SEX_MISMATCH',
      'sex',
      /says female/,
    ],
    ['unknown sex spelling', { sex: '未知' }, 'ID_SEX_MISMATCH', 'sex', /'未知' is not one of 男, 女/],
    [
      'unknown ethnicity',
      { ethnicity: '火星族' },
      'ETHNICITY_UNKNOWN',
      'ethnicity',
      /民族 \(ethnicity\) '火星族'/,
    ],
    ['ethnicity code 57', { ethnicity: '57' }, 'ETHNICITY_UNKNOWN', 'ethnicity', /民族/],
    ['phone too short', { phone: '1381234567' }, 'PHONE_INVALID', 'phone', /联系电话 \(phone\)/],
    ['phone 12 prefix', { phone: '12812345678' }, 'PHONE_INVALID', 'phone', /联系电话/],
    [
      'name outside GBK',
      { name: '张𠮷' },
      'CHAR_NOT_ENCODABLE',
      'name',
      /姓名 \(name\) has '𠮷' \(U\+20BB7\) at character 2/,
    ],
    [
      'address control char',
      { address: '花园路\t1号' },
      'CHAR_NOT_ENCODABLE',
      'address',
      /住址 \(address\) has .*U\+0009.* at character 4/,
    ],
    [
      'name of 16 hanzi',
      { name: '张'.repeat(16) },
      'FIELD_TOO_LONG',
      'name',
      /姓名 \(name\) takes 32 bytes .*stores 30/,
    ],
    [
      'address of 51 hanzi',
      { address: '路'.repeat(51) },
      'FIELD_TOO_LONG',
      'address',
      /住址 \(address\) takes 102 bytes/,
    ],
    [
      'rural number of 19',
      { ruralInsuranceNumber: '1'.repeat(19) },
      'FIELD_TOO_LONG',
      'ruralInsuranceNumber',
      /新农合号/,
    ],
    [
      'village of 101 characters',
      { village: '村'.repeat(101) },
      'FIELD_TOO_LONG',
      'village',
      /村 \(village\) has 101 characters/,
    ],
  ];

  it.each(cases)('%s → %s', (_what, values, reason, field, message) => {
    const r = rejected(values);
    expect(r.reason).toBe(reason);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('masks the ID number in messages with card-core’s mask', () => {
    expect(rejected({ idNumber: '110105194912310021' }).message).toContain('1101**********0021');
  });

  it('tells GBK-only characters apart from GB 2312 by the charset option', () => {
    expect(accepted({ name: '王喆' }).name).toBe('王喆');
    expect(accepted({ name: '朱镕' }).name).toBe('朱镕');
    const strict = rejected({ name: '王喆' }, { charset: 'gb2312' });
    expect(strict.reason).toBe('CHAR_NOT_ENCODABLE');
    expect(strict.message).toMatch(/'喆' \(U\+5586\) at character 2, which GB 2312/);
  });
});

describe('precedence', () => {
  // Each row breaks the named rule and every later one; the earliest must win.
  const badId = '110105194912310021';
  it.each([
    ['FIELD_MISSING', { name: '', idNumber: '123' }],
    ['ID_FORMAT', { idNumber: '123', sex: '未知' }],
    ['ID_CHECKSUM', { idNumber: badId, sex: '男', birthDate: 'x' }],
    ['ID_REGION_UNKNOWN', { idNumber: idWith('11999919990230123') }],
    ['ID_BIRTHDATE', { birthDate: '19491230', sex: '男', ethnicity: '?' }],
    ['ID_SEX_MISMATCH', { sex: '男', ethnicity: '?', phone: '1' }],
    ['ETHNICITY_UNKNOWN', { ethnicity: '?', phone: '1', name: '𠮷' }],
    ['PHONE_INVALID', { phone: '1', name: '𠮷' }],
    ['CHAR_NOT_ENCODABLE', { name: '张'.repeat(16), address: '𠮷' }],
    ['FIELD_TOO_LONG', { name: '张'.repeat(16) }],
  ] as const)('%s first', (reason, values) => {
    expect(rejected(values).reason).toBe(reason);
  });
});

describe('region codes ever listed in GB/T 2260', () => {
  it('accepts 110103 崇文区, retired in 2010, from revision 200212', () => {
    expect(lookupRegion('110103')?.known).toBe(false); // not in today's list
    expect(isKnownRegionCode(110103)).toBe(true);
    const id = idWith('11010319491231002');
    expect(accepted({ idNumber: id }).idNumber).toBe(id);
  });

  it('accepts today’s codes and rejects made-up ones', () => {
    expect(isKnownRegionCode(110105)).toBe(true);
    expect(isKnownRegionCode(119999)).toBe(false);
    expect(isKnownRegionCode(990105)).toBe(false);
    expect(isKnownRegionCode(0)).toBe(false);
    expect(rejected({ idNumber: idWith('99010519491231002') }).reason).toBe('ID_REGION_UNKNOWN');
    expect(rejected({ idNumber: idWith('11999919491231002') }).reason).toBe('ID_REGION_UNKNOWN');
  });

  // Both codes are in neither the gb2260 package (200212 on) nor today's list; only the committed
  // MCA 1980–2001 file knows them.
  it('accepts 132701 秦皇岛市 under 唐山地区, listed only in revision 198012', () => {
    expect(lookupRegion('132701')?.known).toBe(false);
    expect(isKnownRegionCode(132701)).toBe(true);
    const id = idWith('13270119491231002');
    expect(accepted({ idNumber: id }).idNumber).toBe(id);
  });

  it('accepts 452223 鹿寨县 of 柳州地区 (198012 … 199212 here; today 450223)', () => {
    expect(lookupRegion('452223')?.known).toBe(false);
    expect(isKnownRegionCode(452223)).toBe(true);
    const id = idWith('45222319491231002');
    expect(accepted({ idNumber: id }).idNumber).toBe(id);
  });

  it('names the MCA revisions among the bundled ones, newest first', () => {
    const revisions = bundledRevisions();
    expect(revisions).toContain('200212');
    expect(revisions).toContain('198012');
    expect(revisions).toEqual([...revisions].sort().reverse());
  });
});

describe('column spellings', () => {
  it.each(['19491231', '1949-12-31', '1949/12/31', '1949.12.31', '1949年12月31日'])(
    '出生日期 %s',
    (birthDate) => {
      expect(accepted({ birthDate }).birthDate).toBe('19491231');
    },
  );

  it.each([['1990-3-7'], ['1990/3/7'], ['1990.3.7'], ['1990年3月7日']])(
    '出生日期 %s without leading zeros',
    (birthDate) => {
      expect(accepted({ birthDate, idNumber: idWith('11010519900307123'), sex: '男' }).birthDate).toBe(
        '19900307',
      );
    },
  );

  it.each([
    ['汉', '01'],
    ['汉族', '01'],
    ['蒙古族', '02'],
    ['蒙古', '02'],
    ['1', '01'],
    ['01', '01'],
    ['56', '56'],
    ['基诺族', '56'],
  ])('民族 %s → %s', (ethnicity, code) => {
    expect(accepted({ ethnicity }).ethnicity).toBe(code);
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['010-12345678', '010-12345678'],
    ['0371-1234567', '0371-1234567'],
    ['0371 12345678', '037112345678'],
    ['010-12345678-123', '010-12345678-123'],
    ['', ''],
  ])('联系电话 %j → %j', (phone, normalised) => {
    expect(accepted({ phone }).phone).toBe(normalised);
  });
});

describe('property: synthetic residents pass', () => {
  const SEX_NAMES: Record<string, string> = { '01': '男', '02': '女' };
  it('every resident of the emulator’s generator is accepted unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const items = generateResident(seed).items;
        const person = validate(
          row({
            name: items.name!,
            sex: SEX_NAMES[items.sex!]!,
            ethnicity: items.ethnicity!,
            birthDate: items.birthDate!,
            idNumber: items.idNumber!,
            phone: items.phone1!,
            address: items.address1!,
            ruralInsuranceNumber: items.ruralInsuranceNumber!,
          }),
        );
        expect(isRejection(person) ? person.message : '').toBe('');
        const p = person as EnrolledPerson;
        expect([p.idNumber, p.sex, p.ethnicity, p.birthDate, p.name]).toEqual([
          items.idNumber,
          items.sex,
          items.ethnicity,
          items.birthDate,
          items.name,
        ]);
      }),
      { numRuns: 25 }, // each resident draws a photo too: ~0.1 s each,
    );
  });
});
