import { describe, expect, it } from 'vitest';
import { expectHcardError } from '../expect-error.test-helper.js';
import { SSSE_ITEMS, ssseItemsOf, ssseRecordNumber } from './ssse-items.js';

describe('SSSE_ITEMS against spec A.3 and A.4', () => {
  it('has the tags, names, files, lengths and encodings of the spec tables', () => {
    const rows = SSSE_ITEMS.map(
      (i) =>
        `${i.file} ${i.tag.toString(16).toUpperCase().padStart(2, '0')} ${i.name} ${i.length} ${i.encoding}`,
    );
    expect(rows).toEqual([
      'EF05 01 卡识别码 16 b',
      'EF05 02 卡类别 1 an',
      'EF05 03 规范版本 4 an',
      'EF05 04 初始化机构编号 12 b',
      'EF05 05 发卡日期 4 date',
      'EF05 06 卡有效期 4 date',
      'EF05 07 卡号 9 an',
      'EF06 08 社会保障号码 18 an',
      'EF06 09 姓名 30 gbk',
      'EF06 4E 姓名扩展 20 gbk',
      'EF06 0A 性别 1 an',
      'EF06 0B 民族 1 cn',
      'EF06 0C 出生地 3 cn',
      'EF06 0D 出生日期 4 date',
    ]);
  });

  it('keeps EF06 in the order of the official file-address string 3F00EF06|08|09|4E|0A|0B|0C|0D|$ (A.4)', () => {
    const tags = ssseItemsOf('EF06', 3).map((i) => i.tag.toString(16).toUpperCase().padStart(2, '0'));
    expect(`3F00EF06|${tags.join('|')}|$`).toBe('3F00EF06|08|09|4E|0A|0B|0C|0D|$');
  });

  it('leaves 姓名扩展 out on 1.0 cards only', () => {
    expect(ssseItemsOf('EF06', 1).map((i) => i.key)).not.toContain('nameExtension');
    expect(ssseItemsOf('EF06', 2).map((i) => i.key)).toContain('nameExtension');
  });
});

describe('ssseRecordNumber (spec A.5: EF06 numbers are positional)', () => {
  it('EF05 numbers equal tags on every generation (卡号 = record 7)', () => {
    for (const g of [1, 2, 3]) expect(ssseRecordNumber('cardNumber', g)).toBe(7);
  });

  it('性别 is record 3 on 1.0 cards and 4 on 2.0 cards; 社会保障号码 1 and 姓名 2 on both ([S4])', () => {
    expect([
      ssseRecordNumber('socialSecurityNumber', 1),
      ssseRecordNumber('name', 1),
      ssseRecordNumber('sex', 1),
    ]).toEqual([1, 2, 3]);
    expect([
      ssseRecordNumber('socialSecurityNumber', 2),
      ssseRecordNumber('name', 2),
      ssseRecordNumber('sex', 2),
    ]).toEqual([1, 2, 4]);
  });

  it('出生日期 is record 6 on 1.0 cards ([S11]) and 7 on 2.0 and 3.0 cards', () => {
    expect([1, 2, 3].map((g) => ssseRecordNumber('birthDate', g))).toEqual([6, 7, 7]);
  });

  it('姓名扩展 has no number on a 1.0 card', () => {
    expectHcardError(() => ssseRecordNumber('nameExtension', 1), 'HCARD_E_PROFILE_ITEM_UNKNOWN');
  });
});
