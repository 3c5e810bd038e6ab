import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { HcardError } from '../errors.js';
import { expectHcardError, returnsOrThrows } from '../expect-error.test-helper.js';
import type { DataItem } from '../profiles/types.js';
import { type AnsCharset, decodeAns, encodeAns, encodeAnsText } from './ans.js';
import { decodeB, encodeB } from './b.js';
import { decodeCn, encodeCn } from './cn.js';
import { decodeItemValue, encodeItemValue } from './item-codec.js';

const CHARSETS: readonly AnsCharset[] = ['gbk', 'gb2312'];

// GB 2312 hanzi, built here from Node's decoder rather than from the code under test: rows
// 16–87 (lead bytes B0–F7) × cells 1–94 (trail bytes A1–FE) of GB 2312-80 in EUC-CN form.
// D7FA–D7FE are unassigned in GB 2312 (row 55 ends at cell 89); code page 936 maps them to the
// Private Use Area, so they are left out.
const GB2312_HANZI: readonly string[] = (() => {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const s = decoder.decode(Uint8Array.of(lead, trail));
      const cp = s.codePointAt(0)!;
      if (s.length === 1 && cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)) out.push(s);
    }
  }
  return out;
})();

// Every two-byte code page 936 sequence Node decodes to a character (lead 81–FE, trail 40–FE
// without 7F), as [bytes, character]; again built by the test, from the platform decoder.
const GBK_PAIRS: readonly (readonly [number, number])[] = (() => {
  const decoder = new TextDecoder('gbk');
  const out: [number, number][] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const s = decoder.decode(Uint8Array.of(lead, trail));
      if (s.length === 1 && s !== '\ufffd') out.push([lead, trail]);
    }
  }
  return out;
})();

const ASCII_PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('ans: GBK / GB 2312 text (spec §4.1, architecture.md §10)', () => {
  it('the test-built GB 2312 hanzi list has the 6763 hanzi of GB 2312-80', () => {
    expect(GB2312_HANZI).toHaveLength(6763);
  });

  it.each([
    ['中', 'D6D0', 'GB 2312-80 区位 5448'],
    ['国', 'B9FA', 'GB 2312-80 区位 2590'],
    ['张', 'D5C5', 'GB 2312-80 区位 5337'],
    ['A', '41', 'ASCII, code page 936 single byte'],
    ['·', 'A1A4', 'GB 2312-80 区位 0104 (middle dot, used in minority names)'],
  ])('encodes %s as %s in both modes (%s)', (ch, bytes) => {
    for (const cs of CHARSETS) expect(toHex(encodeAnsText(ch, cs))).toBe(bytes);
  });

  // Microsoft code page 936 (and the WHATWG "gbk" encoder) map U+20AC to the single byte 80.
  it("encodes '€' as the single code page 936 byte 80", () => {
    expect(toHex(encodeAnsText('€'))).toBe('80');
  });

  it("decodes the single code page 936 byte 80 as '€'", () => {
    expect(decodeAns(fromHex('80'))).toBe('€');
    // 80 is a single byte: the next byte starts a new character.
    expect(decodeAns(fromHex('80 D6D0'))).toBe('€中');
  });

  it("encodes the GBK-only '喆' as 86 B4 in GBK mode (architecture.md §10)", () => {
    expect(toHex(encodeAnsText('喆'))).toBe('86B4');
    expect(toHex(encodeAnsText('喆', 'gbk'))).toBe('86B4');
  });

  it("rejects '喆' in strict GB 2312 mode with HCARD_E_ANS_UNMAPPABLE naming the character and U+5586", () => {
    const e = expectHcardError(() => encodeAnsText('张喆', 'gb2312'), 'HCARD_E_ANS_UNMAPPABLE');
    expect(e.message).toContain("'喆'");
    expect(e.message).toContain('U+5586');
    expect(e.details).toMatchObject({ codePoint: 0x5586, charset: 'gb2312' });
  });

  it.each(CHARSETS)(
    "rejects '𠮷' (U+20BB7, no code page 936 code) in %s mode instead of writing 3F",
    (cs) => {
      const e = expectHcardError(() => encodeAns('吉𠮷', 30, cs), 'HCARD_E_ANS_UNMAPPABLE');
      expect(e.message).toContain("'𠮷'");
      expect(e.message).toContain('U+20BB7');
      expect(e.details).toMatchObject({ codePoint: 0x20bb7 });
    },
  );

  it('names the first unmappable character, not a later one', () => {
    const e = expectHcardError(() => encodeAnsText('中𠮷😀'), 'HCARD_E_ANS_UNMAPPABLE');
    expect(e.message).toContain('U+20BB7');
    expect(e.message).not.toContain('U+1F600');
  });

  it.each([
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['line feed', '\n'],
    ['DEL', '\u007f'],
    ['C1 control U+0085', '\u0085'],
  ])('rejects the control character %s with HCARD_E_ANS_UNMAPPABLE', (_name, ch) => {
    for (const cs of CHARSETS) expectHcardError(() => encodeAnsText(`A${ch}B`, cs), 'HCARD_E_ANS_UNMAPPABLE');
  });

  it('pads with 00 to the field length (spec §4.1)', () => {
    expect(toHex(encodeAns('中A', 6))).toBe('D6D041000000');
  });

  it('encodes the empty string as a field of 00', () => {
    expect(toHex(encodeAns('', 4))).toBe('00000000');
  });

  it('a 15-hanzi name fills the 30-byte name field exactly (spec §4.1: a hanzi takes 2 bytes)', () => {
    const name = GB2312_HANZI.slice(0, 15).join('');
    const bytes = encodeAns(name, 30);
    expect(bytes).toHaveLength(30);
    expect(bytes).not.toContain(0x00);
    expect(decodeAns(bytes)).toBe(name);
  });

  it('a 16-hanzi name is HCARD_E_ANS_TOO_LONG with details {bytes: 32, limit: 30}', () => {
    const e = expectHcardError(
      () => encodeAns(GB2312_HANZI.slice(0, 16).join(''), 30),
      'HCARD_E_ANS_TOO_LONG',
    );
    expect(e.details).toEqual({ bytes: 32, limit: 30 });
  });

  it('counts bytes, not characters: 14 hanzi and 2 ASCII letters fit 30 bytes, 14 hanzi and 3 do not', () => {
    const hanzi = GB2312_HANZI.slice(0, 14).join('');
    expect(encodeAns(`${hanzi}AB`, 30)).toHaveLength(30);
    expectHcardError(() => encodeAns(`${hanzi}ABC`, 30), 'HCARD_E_ANS_TOO_LONG');
  });

  it('decode cuts at the first 00 (the padding)', () => {
    expect(decodeAns(fromHex('D6D0B9FA 00 41 42 00'))).toBe('中国');
  });

  it('decode cuts at FF (erased EEPROM)', () => {
    expect(decodeAns(fromHex('D6D0 FF 41'))).toBe('中');
    expect(decodeAns(fromHex('FFFFFFFF'))).toBe('');
  });

  it('decodes an all-00 field as the empty string', () => {
    expect(decodeAns(new Uint8Array(30))).toBe('');
  });

  it('decode in GBK mode reads the GBK-only 86 B4 as 喆', () => {
    expect(decodeAns(fromHex('D5C5 86B4'), 'gbk')).toBe('张喆');
  });

  it('decode in strict GB 2312 mode rejects the GBK-only 86 B4 with HCARD_E_ANS_BYTES_INVALID', () => {
    const e = expectHcardError(() => decodeAns(fromHex('D5C5 86B4'), 'gb2312'), 'HCARD_E_ANS_BYTES_INVALID');
    expect(e.details).toEqual({ offset: 2 });
  });

  it.each([
    ['a lead byte at the end', 'D6D0 D6'],
    ['a lead byte just before the 00 padding', 'D6 00 00'],
    ['a lead byte just before FF', '41 D6 FF'],
  ])('decode rejects a truncated character (%s) with HCARD_E_ANS_BYTES_INVALID', (_what, hex) => {
    for (const cs of CHARSETS)
      expectHcardError(() => decodeAns(fromHex(hex), cs), 'HCARD_E_ANS_BYTES_INVALID');
  });

  it('decode rejects a control byte before the padding with its offset', () => {
    const e = expectHcardError(() => decodeAns(fromHex('41 0A 42 00')), 'HCARD_E_ANS_BYTES_INVALID');
    expect(e.details).toEqual({ offset: 1 });
  });

  it('decode rejects a lead byte followed by a byte that is not a GBK trail byte', () => {
    expectHcardError(() => decodeAns(fromHex('D6 30')), 'HCARD_E_ANS_BYTES_INVALID');
  });

  it('decode rejects GB 18030 four-byte sequences, which code page 936 does not have', () => {
    // 95 32 82 36 is '𠮷' in GB 18030; accepting it would let decode return text encode refuses.
    expectHcardError(() => decodeAns(fromHex('95328236')), 'HCARD_E_ANS_BYTES_INVALID');
  });

  it('round-trips GB 2312 hanzi and printable ASCII through encodeAns/decodeAns in both modes (property)', () => {
    const ch = fc.oneof(fc.constantFrom(...GB2312_HANZI), fc.constantFrom(...ASCII_PRINTABLE));
    fc.assert(
      fc.property(
        fc.array(ch, { maxLength: 40 }).map((a) => a.join('')),
        fc.nat({ max: 8 }),
        fc.constantFrom(...CHARSETS),
        (text, slack, cs) => {
          const size = encodeAnsText(text, cs).length;
          const bytes = encodeAns(text, size + slack, cs);
          expect(bytes).toHaveLength(size + slack);
          expect(decodeAns(bytes, cs)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decode then encode gives back the same bytes for any mix of ASCII and two-byte GBK codes (property)', () => {
    const token = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((b) => [b]),
      fc.constantFrom(...GBK_PAIRS).map(([lead, trail]) => [lead, trail]),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const bytes = Uint8Array.from(tokens.flat());
        expect(toHex(encodeAnsText(decodeAns(bytes)))).toBe(toHex(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('decodeAns on any bytes returns a string or throws HCARD_E_ANS_BYTES_INVALID only (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        for (const cs of CHARSETS) {
          expect(returnsOrThrows(() => decodeAns(bytes, cs), 'HCARD_E_ANS_BYTES_INVALID')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeAns on bytes drawn from the high half returns or throws HCARD_E_ANS_BYTES_INVALID only (property)', () => {
    // Uniform bytes are mostly ASCII; this draws lead/trail-range bytes to reach the GBK checks.
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }).map((a) => a.map((b) => b | 0x80)),
        (bytes) => {
          for (const cs of CHARSETS) {
            expect(returnsOrThrows(() => decodeAns(bytes, cs), 'HCARD_E_ANS_BYTES_INVALID')).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('cn: packed BCD, F-padded (spec §4.1)', () => {
  it.each([
    ['1', 1, '1F', 'spec §4.1: RH "1" is stored as 1F'],
    ['01', 1, '01', 'spec §4.1: "01" is stored as 01'],
    ['20240601', 4, '20240601', 'spec §4.1: dates YYYYMMDD in 4 bytes'],
    ['123123', 3, '123123', 'spec §4.2: DEMO city code, EF05 tag 39'],
    ['', 2, 'FFFF', 'spec §4.1: empty value is all F padding'],
    ['123', 3, '123FFF', 'spec §4.1: left-aligned, right-padded with nibble F'],
  ])('encodes %j in %i bytes as %s (%s)', (digits, length, hex) => {
    expect(toHex(encodeCn(digits, length))).toBe(hex);
  });

  it.each([
    ['1F', '1'],
    ['01', '01'],
    ['20240601', '20240601'],
    ['FFFF', ''],
    ['123FFF', '123'],
    ['', ''],
  ])('decodes %s as %j', (hex, digits) => {
    expect(decodeCn(fromHex(hex))).toBe(digits);
  });

  it('too many digits for the field is HCARD_E_CN_INVALID with the counts', () => {
    const e = expectHcardError(() => encodeCn('123', 1), 'HCARD_E_CN_INVALID');
    expect(e.details).toEqual({ digits: 3, limit: 2 });
  });

  it.each(['1a', '-1', '2024-06-01', ' 1', '１', '٣'])(
    'the non-digit value %j is HCARD_E_CN_INVALID',
    (value) => {
      expectHcardError(() => encodeCn(value, 4), 'HCARD_E_CN_INVALID');
    },
  );

  it.each(['A0', '1B', '0C', 'D1', '12E4'])(
    'decode of the non-digit nibble in %s is HCARD_E_CN_INVALID',
    (hex) => {
      expectHcardError(() => decodeCn(fromHex(hex)), 'HCARD_E_CN_INVALID');
    },
  );

  it.each(['F1', '1F2F', '12F3', '1FFF0F'])(
    'decode of a digit after the F padding in %s is HCARD_E_CN_INVALID',
    (hex) => {
      expectHcardError(() => decodeCn(fromHex(hex)), 'HCARD_E_CN_INVALID');
    },
  );

  it('round-trips any digit string that fits the field (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((length) =>
            fc.tuple(fc.constant(length), fc.stringMatching(new RegExp(`^[0-9]{0,${length * 2}}$`))),
          ),
        ([length, digits]) => {
          const bytes = encodeCn(digits, length);
          expect(bytes).toHaveLength(length);
          expect(decodeCn(bytes)).toBe(digits);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decodeCn on any bytes returns only digits, at most two per byte, or throws HCARD_E_CN_INVALID (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (bytes) => {
        try {
          const digits = decodeCn(bytes);
          expect(digits).toMatch(/^[0-9]*$/);
          expect(digits.length).toBeLessThanOrEqual(bytes.length * 2);
          // And what decodes re-encodes to the same bytes: there is one encoding per value.
          expect(toHex(encodeCn(digits, bytes.length))).toBe(toHex(bytes));
        } catch (e) {
          expect(e).toBeInstanceOf(HcardError);
          expect((e as HcardError).code).toBe('HCARD_E_CN_INVALID');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('b: binary as hex (spec §4.1)', () => {
  it('encodes the sex code "01" as the byte 01 (spec §4.1)', () => {
    expect(encodeB('01', 1)).toEqual(Uint8Array.of(0x01));
  });

  it('accepts lower-case hex and decodes as upper case', () => {
    expect(decodeB(encodeB('0a0b', 2))).toBe('0A0B');
  });

  it('round-trips any bytes through decodeB/encodeB (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeB(decodeB(bytes), bytes.length)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('a value of the wrong length is HCARD_E_B_INVALID with the lengths', () => {
    const e = expectHcardError(() => encodeB('0102', 1), 'HCARD_E_B_INVALID');
    expect(e.details).toEqual({ bytes: 2, length: 1 });
    expectHcardError(() => encodeB('', 1), 'HCARD_E_B_INVALID');
  });

  it.each(['zz', '012', '0x01', 'T'])(
    'the non-hex value %j is HCARD_E_B_INVALID, not HCARD_E_HEX_INVALID',
    (value) => {
      expectHcardError(() => encodeB(value, 1), 'HCARD_E_B_INVALID');
    },
  );
});

describe('item codec', () => {
  // Hand-made items shaped like spec §4.2 EF06: 0B 姓名 ans 30, 0E 出生日期 cn 4, 0C 性别 b 1.
  const item = (no: number, key: string, type: DataItem['type'], length: number): DataItem => ({
    no,
    key,
    name: key,
    gloss: key,
    type,
    length,
    location: { kind: 'tlv', file: 'DDF1/EF06', record: 1, tag: no },
    confidence: 'high',
  });
  const NAME = item(11, 'name', 'ans', 30);
  const BIRTH = item(14, 'birthDate', 'cn', 4);
  const SEX = item(12, 'sex', 'b', 1);

  it('encodes each type with its codec', () => {
    expect(toHex(encodeItemValue(NAME, '张三'))).toBe(`D5C5C8FD${'00'.repeat(26)}`);
    expect(toHex(encodeItemValue(BIRTH, '19900101'))).toBe('19900101');
    expect(toHex(encodeItemValue(SEX, '01'))).toBe('01');
  });

  it('decodes each type with its codec', () => {
    expect(decodeItemValue(NAME, fromHex(`D5C5C8FD${'00'.repeat(26)}`))).toBe('张三');
    expect(decodeItemValue(BIRTH, fromHex('19900101'))).toBe('19900101');
    expect(decodeItemValue(SEX, fromHex('02'))).toBe('02');
  });

  it('passes the charset option to the ans codec', () => {
    expect(toHex(encodeItemValue(NAME, '张喆')).slice(0, 8)).toBe('D5C586B4');
    expectHcardError(() => encodeItemValue(NAME, '张喆', { charset: 'gb2312' }), 'HCARD_E_ANS_UNMAPPABLE');
  });

  it('an encode error names the item number and key in its message and details, and keeps its code', () => {
    const name = GB2312_HANZI.slice(0, 16).join('');
    const e = expectHcardError(() => encodeItemValue(NAME, name), 'HCARD_E_ANS_TOO_LONG');
    expect(e.message).toContain('item 11 name');
    expect(e.details).toEqual({ bytes: 32, limit: 30, item: 11, key: 'name' });
  });

  it('an encode error does not carry the value', () => {
    const e = expectHcardError(() => encodeItemValue(BIRTH, '1990-01-01'), 'HCARD_E_CN_INVALID');
    expect(e.message).toContain('item 14 birthDate');
    expect(e.message).not.toContain('1990');
    expect(JSON.stringify(e.details)).not.toContain('1990');
  });

  it('a decode error names the item number and key in its message and details', () => {
    const e = expectHcardError(() => decodeItemValue(BIRTH, fromHex('1990A101')), 'HCARD_E_CN_INVALID');
    expect(e.message).toContain('item 14 birthDate');
    expect(e.details).toMatchObject({ item: 14, key: 'birthDate' });
  });

  it('a b-item length error names the item', () => {
    const e = expectHcardError(() => encodeItemValue(SEX, '0102'), 'HCARD_E_B_INVALID');
    expect(e.details).toMatchObject({ item: 12, key: 'sex', bytes: 2, length: 1 });
  });
});

describe('ans: strict GB 2312 mode takes only GB 2312-80 characters (architecture.md §10)', () => {
  // Each pair is a character in code page 936 but not in GB 2312: AA A1 is in row 10, which GB
  // 2312 leaves empty (user-defined in GBK); F8 A1 is in the user-defined rows F8–FE; B0 40 has
  // a GBK trail byte under A1.
  const NOT_GB2312 = [
    { hex: 'AAA1', cp: 0xe000, why: 'row AA is empty in GB 2312' },
    { hex: 'F8A1', cp: 0xe234, why: 'rows F8–FE are the user-defined area' },
    { hex: 'B040', cp: 0x7645, why: '40 is not a GB 2312 trail byte' },
  ] as const;

  it.each(NOT_GB2312)(
    'decoding $hex in strict mode is HCARD_E_ANS_BYTES_INVALID naming bytes and character ($why)',
    ({ hex, cp }) => {
      const e = expectHcardError(
        () => decodeAns(fromHex(`D6D0 ${hex}`), 'gb2312'),
        'HCARD_E_ANS_BYTES_INVALID',
      );
      expect(e.details).toEqual({ offset: 2 });
      expect(e.message).toContain(hex);
      expect(e.message).toContain(`U+${cp.toString(16).toUpperCase()}`);
      // GBK mode reads them: these are real code page 936 characters.
      expect(decodeAns(fromHex(hex), 'gbk').codePointAt(0)).toBe(cp);
    },
  );

  it.each(NOT_GB2312)(
    'encoding the GBK character of $hex in strict mode is HCARD_E_ANS_UNMAPPABLE naming it ($why)',
    ({ hex, cp }) => {
      const ch = String.fromCodePoint(cp);
      expect(toHex(encodeAnsText(ch, 'gbk'))).toBe(hex);
      const e = expectHcardError(() => encodeAnsText(`中${ch}`, 'gb2312'), 'HCARD_E_ANS_UNMAPPABLE');
      expect(e.message).toContain(`'${ch}'`);
      expect(e.message).toContain(`U+${cp.toString(16).toUpperCase()}`);
      expect(e.message).toContain('GB 2312');
      expect(e.details).toEqual({ codePoint: cp, charset: 'gb2312' });
    },
  );

  it.each([
    ['FEFE', 'the last user-defined cell'],
    ['D7FA', 'an empty cell at the end of hanzi row 55 (user-defined in GBK)'],
    ['A2A1', "'ⅰ', a GBK addition in symbol row 2"],
    ['A6E0', "'︵', a GBK vertical form in symbol row 6"],
    ['A8BB', "'ɑ', a GBK pinyin letter in symbol row 8"],
  ])('rejects %s in strict mode both ways (%s)', (hex) => {
    expectHcardError(() => decodeAns(fromHex(hex), 'gb2312'), 'HCARD_E_ANS_BYTES_INVALID');
    const ch = decodeAns(fromHex(hex), 'gbk');
    expectHcardError(() => encodeAnsText(ch, 'gb2312'), 'HCARD_E_ANS_UNMAPPABLE');
  });

  it('accepts exactly the 7445 characters of GB 2312-80 (682 symbols and 6763 hanzi)', () => {
    let symbols = 0;
    let hanzi = 0;
    for (const [lead, trail] of GBK_PAIRS) {
      const bytes = Uint8Array.of(lead, trail);
      let text: string;
      try {
        text = decodeAns(bytes, 'gb2312');
      } catch {
        continue;
      }
      // Both directions agree: what strict decode accepts, strict encode gives back.
      expect(toHex(encodeAnsText(text, 'gb2312'))).toBe(toHex(bytes));
      if (lead >= 0xb0) hanzi++;
      else symbols++;
    }
    expect({ symbols, hanzi }).toEqual({ symbols: 682, hanzi: 6763 });
  });

  it('keeps the GB 2312 boundaries: A1A1, A9EF, B0A1 and F7FE are accepted', () => {
    for (const hex of ['A1A1', 'A9EF', 'B0A1', 'F7FE']) {
      const text = decodeAns(fromHex(hex), 'gb2312');
      expect(toHex(encodeAnsText(text, 'gb2312'))).toBe(hex);
    }
  });
});
