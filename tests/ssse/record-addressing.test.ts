/**
 * READ RECORD addressing on the emulated SSSE application, APDU by APDU (spec A.5): by record
 * identifier (tag, P2=00), by positional number (P2=04) and by number with an SFI
 * (P2=(SFI<<3)|4: EF05 → 2C, EF06 → 34). EF05 numbers equal tags on every card; EF06 numbers
 * shift on 2.0 cards, which insert 姓名扩展 (4E) as record 3.
 */
import { fromHex, ssseRecordNumber, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { ssseRig } from './ssse-rig.js';

const SELECT_SSSE = '00A404000F7378312E73682EC9E7BBE1B1A3D5CF';

function selected(generation: '1.00' | '2.00' | '3.00') {
  const rig = ssseRig(80, { generation });
  const send = (apdu: string) => toHex(rig.app.process(fromHex(apdu)));
  expect(send(SELECT_SSSE).endsWith('9000')).toBe(true);
  return { rig, send };
}

/** Tag, length and status word of an answer: `0A01 9000`. */
const tagOf = (answer: string) => `${answer.slice(0, 4)} ${answer.slice(-4)}`;

describe('EF05: numbers equal tags on 1.0 and 2.0 cards', () => {
  it.each(['1.00', '2.00'] as const)(
    '%s: 卡号 by tag, by number and by SFI is the same record',
    (generation) => {
      const { rig, send } = selected(generation);
      const viaSfi = send('00B2072C0B'); // A.5's example, no SELECT needed
      expect(viaSfi.slice(0, 22)).toBe(`0709${toHex(new TextEncoder().encode(rig.built.card.cardNumber))}`);
      expect(send('00A4020002EF05')).toBe('9000');
      expect(send('00B207040B')).toBe(viaSfi);
      expect(send('00B207000B')).toBe(viaSfi);
    },
  );
});

describe('EF06: positional numbers shift from 2.0 on (the A.5 trap)', () => {
  const sexTag = '0A01';

  it('1.0: 性别 is record 3; record 3 by SFI 34 too; 4E does not exist (6A83)', () => {
    const { send } = selected('1.00');
    expect(tagOf(send('00B2033403'))).toBe(`${sexTag} 9000`);
    expect(send('00A4020002EF06')).toBe('9000');
    expect(tagOf(send('00B2030403'))).toBe(`${sexTag} 9000`);
    expect(tagOf(send('00B2040403'))).toBe('0B01 9000'); // 民族
    expect(send('00B24E0016')).toBe('6A83');
    expect(ssseRecordNumber('sex', 1)).toBe(3);
  });

  it('2.0: record 3 is 姓名扩展 (4E), 性别 moved to record 4; by tag nothing moved', () => {
    const { send } = selected('2.00');
    expect(send('00A4000002EF06')).toBe('9000'); // the other SELECT EF form of A.5
    expect(tagOf(send('00B2030416'))).toBe('4E14 9000');
    expect(tagOf(send('00B2040403'))).toBe(`${sexTag} 9000`);
    expect(tagOf(send('00B2043403'))).toBe(`${sexTag} 9000`);
    expect(tagOf(send('00B20A0003'))).toBe(`${sexTag} 9000`);
    expect(tagOf(send('00B24E0016'))).toBe('4E14 9000'); // A.5's example
    expect(ssseRecordNumber('sex', 2)).toBe(4);
  });

  it('a reader that reads 性别 as "record 3" gets 姓名扩展 on a 2.0 card: Le 03 is answered 6C16', () => {
    const { send } = selected('2.00');
    expect(send('00B2033403')).toBe('6C16');
  });
});

describe('EF06 on 3.0 cards is closed until EXTERNAL AUTHENTICATE', () => {
  it.each([
    ['by tag', ['00A4020002EF06', '00B2080014']],
    ['by number', ['00A4020002EF06', '00B2010414']],
    ['by SFI', ['00B2013414']],
  ])('%s: 6982, while EF05 reads freely', (_how, apdus) => {
    const { send } = selected('3.00');
    expect(apdus.map(send).at(-1)).toBe('6982');
    expect(send('00B2012C12').endsWith('9000')).toBe(true);
  });
});
