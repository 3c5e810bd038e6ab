import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.js';
import {
  getChallenge,
  readBinary,
  readRecord,
  selectFile,
  updateBinary,
  verifyPin,
} from '../commands/iso7816.js';
import { HcardError } from '../errors.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { type CommandApdu, decodeCommand, describeHeader, encodeCommand } from './command-apdu.js';
import { encodeResponse, parseResponse, swHex } from './response-apdu.js';
import { lookupStatusWord, retriesLeft, STATUS_WORDS, type SwTable } from './status-words.js';

const hex = (cmd: CommandApdu, form?: 'auto' | 'short' | 'extended') => toHex(encodeCommand(cmd, form));
const bytesOf = (n: number, start = 0): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);

describe('encodeCommand: the seven cases (ISO/IEC 7816-3:2006 §12.1.3, ISO/IEC 7816-4:2020 §5.1)', () => {
  it('case 1: header only, no Lc and no Le', () => {
    expect(hex({ cla: 0x00, ins: 0x70, p1: 0x00, p2: 0x00 })).toBe('00700000');
  });

  it('case 2S: header ‖ Le (1 byte)', () => {
    expect(hex({ cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, ne: 8 })).toBe('0084000008');
  });

  it('case 3S: header ‖ Lc (1 byte) ‖ data', () => {
    expect(hex({ cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1') })).toBe('00A4000002DDF1');
  });

  it('case 4S: header ‖ Lc ‖ data ‖ Le (1 byte)', () => {
    expect(hex({ cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1'), ne: 0x20 })).toBe(
      '00A4000002DDF120',
    );
  });

  it('case 2E: header ‖ 00 ‖ Le (2 bytes) when Ne > 256', () => {
    expect(hex({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, ne: 1000 })).toBe('00B000000003E8');
  });

  it('case 3E: header ‖ 00 ‖ Lc (2 bytes) ‖ data when Nc > 255', () => {
    const data = bytesOf(256);
    expect(hex({ cla: 0x00, ins: 0xd6, p1: 0x00, p2: 0x00, data })).toBe(`00D60000000100${toHex(data)}`);
  });

  it('case 4E: header ‖ 00 ‖ Lc (2 bytes) ‖ data ‖ Le (2 bytes, no second 00)', () => {
    const data = bytesOf(300);
    expect(hex({ cla: 0x80, ins: 0xfa, p1: 0x00, p2: 0x00, data, ne: 0x0400 })).toBe(
      `80FA000000012C${toHex(data)}0400`,
    );
  });

  it('case 4E is chosen when only Ne needs it (Nc small, Ne > 256)', () => {
    expect(hex({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x00, data: fromHex('DDF1'), ne: 257 })).toBe(
      '00A40400000002DDF10101',
    );
  });

  it('Ne = 256 is the short Le 00', () => {
    expect(hex({ cla: 0x00, ins: 0xb2, p1: 0x05, p2: 0x04, ne: 256 })).toBe('00B2050400');
  });

  it('Ne = 65536 is the extended Le 00 00 (case 2E: 00 00 00)', () => {
    expect(hex({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, ne: 65536 })).toBe('00B00000000000');
  });

  it('Ne = 65536 with data is Le 00 00 after the data (case 4E)', () => {
    expect(hex({ cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1'), ne: 65536 })).toBe(
      '00A40000000002DDF10000',
    );
  });

  it("'extended' forces the extended form even for short lengths (case 2E Le 00 01 00 for Ne 256)", () => {
    expect(hex({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, ne: 256 }, 'extended')).toBe('00B00000000100');
  });

  it("'extended' forces case 3E for a 2-byte data field", () => {
    expect(hex({ cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1') }, 'extended')).toBe(
      '00A40000000002DDF1',
    );
  });

  it("'extended' leaves a case-1 command as its header", () => {
    expect(hex({ cla: 0x00, ins: 0x70, p1: 0x00, p2: 0x00 }, 'extended')).toBe('00700000');
  });

  it('an empty data field is no data field (no Lc 00)', () => {
    expect(hex({ cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, data: new Uint8Array(0), ne: 8 })).toBe(
      '0084000008',
    );
  });

  it("'short' with Nc > 255 throws HCARD_E_APDU_INVALID", () => {
    expectHcardError(
      () => encodeCommand({ cla: 0x00, ins: 0xd6, p1: 0x00, p2: 0x00, data: bytesOf(256) }, 'short'),
      'HCARD_E_APDU_INVALID',
    );
  });

  it("'short' with Ne > 256 throws HCARD_E_APDU_INVALID", () => {
    expectHcardError(
      () => encodeCommand({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, ne: 257 }, 'short'),
      'HCARD_E_APDU_INVALID',
    );
  });

  it("'short' accepts the largest short lengths: Nc 255 and Ne 256", () => {
    const data = bytesOf(255);
    expect(hex({ cla: 0x00, ins: 0xd6, p1: 0x00, p2: 0x00, data, ne: 256 }, 'short')).toBe(
      `00D60000FF${toHex(data)}00`,
    );
  });

  it.each([
    ['CLA', { cla: 0x100, ins: 0xa4, p1: 0, p2: 0 }],
    ['CLA', { cla: -1, ins: 0xa4, p1: 0, p2: 0 }],
    ['CLA', { cla: 1.5, ins: 0xa4, p1: 0, p2: 0 }],
    ['CLA', { cla: Number.NaN, ins: 0xa4, p1: 0, p2: 0 }],
    ['INS', { cla: 0, ins: 0x1a4, p1: 0, p2: 0 }],
    ['P1', { cla: 0, ins: 0xa4, p1: 256, p2: 0 }],
    ['P2', { cla: 0, ins: 0xa4, p1: 0, p2: -1 }],
  ])('a non-byte %s throws HCARD_E_APDU_INVALID naming the field', (field, cmd) => {
    const e = expectHcardError(() => encodeCommand(cmd), 'HCARD_E_APDU_INVALID');
    expect(e.message).toContain(`${field} is not a byte`);
  });

  it.each([0, 65537, 1.5, -1])('Ne %s throws HCARD_E_APDU_INVALID', (ne) => {
    expectHcardError(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne }), 'HCARD_E_APDU_INVALID');
  });

  it('Nc over 65535 throws HCARD_E_APDU_INVALID', () => {
    expectHcardError(
      () => encodeCommand({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(65536) }),
      'HCARD_E_APDU_INVALID',
    );
  });

  it('Nc 65535 is encoded as extended Lc FF FF', () => {
    const bytes = encodeCommand({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(65535) });
    expect(toHex(bytes.subarray(0, 7))).toBe('00D6000000FFFF');
    expect(bytes).toHaveLength(7 + 65535);
  });

  it('describeHeader renders CLA INS P1 P2 as hex without the data', () => {
    expect(describeHeader({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x00, data: fromHex('123456') })).toBe(
      '00200000',
    );
  });
});

describe('health-card APDUs encode exactly as the spec writes them', () => {
  it("selectFile('DDF1') → 00 A4 00 00 02 DD F1 (spec §3.2, §6.1)", () => {
    expect(hex(selectFile('DDF1').apdu)).toBe('00A4000002DDF1');
  });

  it("selectFile('ef05') → 00 A4 00 00 02 EF 05 (spec §6.1)", () => {
    expect(hex(selectFile('ef05').apdu)).toBe('00A4000002EF05');
  });

  it("readRecord(0x39, 'identifier', 5) → 00 B2 39 00 05 (spec §6.1)", () => {
    expect(hex(readRecord(0x39, 'identifier', 5).apdu)).toBe('00B2390005');
  });

  it("readRecord(5, 'identifier', 0xB6) → 00 B2 05 00 B6 (spec §3.3: 182 = 2 + 180)", () => {
    expect(hex(readRecord(5, 'identifier', 0xb6).apdu)).toBe('00B20500B6');
  });

  it("readRecord(5, 'number') → 00 B2 05 04 00 (spec §3.3, §6.6: Le 00)", () => {
    expect(hex(readRecord(5, 'number').apdu)).toBe('00B2050400');
  });

  it('getChallenge() → 00 84 00 00 08 (spec §6.2)', () => {
    expect(hex(getChallenge().apdu)).toBe('0084000008');
  });

  it('readBinary(0, 2) → 00 B0 00 00 02 (spec §6.6, photo length)', () => {
    expect(hex(readBinary(0, 2).apdu)).toBe('00B0000002');
  });

  it('readBinary(0x0182, 0x80) puts the 15-bit offset in P1 P2 → 00 B0 01 82 80 (spec §6.6)', () => {
    expect(hex(readBinary(0x0182, 0x80).apdu)).toBe('00B0018280');
  });

  it("verifyPin('123456') → 00 20 00 00 03 12 34 56 (spec §6.1, PSAM test PIN)", () => {
    expect(hex(verifyPin('123456').apdu)).toBe('0020000003123456');
  });

  it('updateBinary(0x0100, 2 bytes) → 00 D6 01 00 02 … (spec §6.5)', () => {
    expect(hex(updateBinary(0x0100, fromHex('0102')).apdu)).toBe('00D60100020102');
  });
});

// --- decodeCommand ---------------------------------------------------------------------------

describe('decodeCommand', () => {
  it.each([
    ['case 1', '00700000', { cla: 0x00, ins: 0x70, p1: 0x00, p2: 0x00 }],
    ['case 2S, Le 00 = 256', '00B2050400', { cla: 0x00, ins: 0xb2, p1: 0x05, p2: 0x04, ne: 256 }],
    ['case 3S', '00A4000002DDF1', { cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1') }],
    [
      'case 4S, Le 00 = 256',
      '00A4000002DDF100',
      { cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1'), ne: 256 },
    ],
    ['case 2E, Le 0000 = 65536', '00B00000000000', { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, ne: 65536 }],
    ['case 3E', '00A40000000002DDF1', { cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1') }],
    [
      'case 4E',
      '00A40000000002DDF10101',
      { cla: 0x00, ins: 0xa4, p1: 0x00, p2: 0x00, data: fromHex('DDF1'), ne: 257 },
    ],
  ])('decodes %s', (_case, bytes, expected) => {
    expect(decodeCommand(fromHex(bytes))).toEqual(expected);
  });

  it.each([
    ['shorter than a header', '00A400'],
    ['short Lc larger than the body', '00A4000003DDF1'],
    ['short Lc smaller than the body by two', '00A4000001DDF10000'],
    ['extended Lc 0000', '00D60000000000AA'],
    ['extended Lc larger than the body', '00D60000000005AABB'],
    ['extended marker with a single length byte', '00D600000001'],
  ])('rejects a command that is %s with HCARD_E_APDU_INVALID', (_what, bytes) => {
    expectHcardError(() => decodeCommand(fromHex(bytes)), 'HCARD_E_APDU_INVALID');
  });

  it('returns data that is a copy, not a view of the input', () => {
    const bytes = fromHex('00A4000002DDF1');
    const cmd = decodeCommand(bytes);
    bytes[5] = 0;
    expect(cmd.data).toEqual(fromHex('DDF1'));
  });

  const byte = fc.integer({ min: 0, max: 255 });
  const command = (maxNc: number, maxNe: number) =>
    fc.record(
      {
        cla: byte,
        ins: byte,
        p1: byte,
        p2: byte,
        // Explicit lengths: fast-check's default size would keep arrays far below 256 bytes.
        data: fc.integer({ min: 1, max: maxNc }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        ne: fc.integer({ min: 1, max: maxNe }),
      },
      { requiredKeys: ['cla', 'ins', 'p1', 'p2'] },
    );
  const fields = (c: CommandApdu) => ({
    cla: c.cla,
    ins: c.ins,
    p1: c.p1,
    p2: c.p2,
    data: c.data === undefined ? undefined : toHex(c.data),
    ne: c.ne,
  });

  it('round-trips encodeCommand → decodeCommand in the short form (property)', () => {
    fc.assert(
      fc.property(command(255, 256), (cmd) => {
        expect(fields(decodeCommand(encodeCommand(cmd, 'short')))).toEqual(fields(cmd));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips encodeCommand → decodeCommand in the extended form (property)', () => {
    fc.assert(
      fc.property(command(1000, 65536), (cmd) => {
        expect(fields(decodeCommand(encodeCommand(cmd, 'extended')))).toEqual(fields(cmd));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips encodeCommand → decodeCommand in the 'auto' form across the short/extended boundary (property)", () => {
    fc.assert(
      fc.property(command(300, 65536), (cmd) => {
        const bytes = encodeCommand(cmd);
        const nc = cmd.data?.length ?? 0;
        const extended = nc > 255 || (cmd.ne ?? 0) > 256;
        const lengthBytes =
          (nc > 0 ? (extended ? 3 : 1) : 0) + (cmd.ne === undefined ? 0 : extended ? (nc > 0 ? 2 : 3) : 1);
        expect(bytes).toHaveLength(4 + nc + lengthBytes);
        expect(fields(decodeCommand(bytes))).toEqual(fields(cmd));
      }),
      { numRuns: 500 },
    );
  });

  it('on any bytes either returns or throws HCARD_E_APDU_INVALID, nothing else (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const cmd = decodeCommand(bytes);
          // What it returns must encode back to a command with the same header.
          expect(toHex(encodeCommand(cmd).subarray(0, 4))).toBe(toHex(bytes.subarray(0, 4)));
        } catch (e) {
          expect(e).toBeInstanceOf(HcardError);
          expect((e as HcardError).code).toBe('HCARD_E_APDU_INVALID');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('on well-framed extended bodies either returns or throws HCARD_E_APDU_INVALID (property)', () => {
    // Random bytes rarely start the body with 00; build 00 Lc1 Lc2 ‖ random tail to reach the extended paths.
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.uint8Array({ maxLength: 40 }),
        (header, lc, tail) => {
          const bytes = concatBytes(header, Uint8Array.of(0, lc >> 8, lc & 0xff), tail);
          try {
            decodeCommand(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(HcardError);
            expect((e as HcardError).code).toBe('HCARD_E_APDU_INVALID');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// --- Responses ----------------------------------------------------------------------------------

describe('parseResponse (ISO/IEC 7816-4:2020 §5.1: data ‖ SW1 SW2)', () => {
  it('splits the data from the status word', () => {
    expect(parseResponse(fromHex('39 03 12 31 23 90 00'))).toEqual({
      data: fromHex('3903123123'),
      sw: 0x9000,
    });
  });

  it('returns empty data for a bare status word', () => {
    expect(parseResponse(fromHex('6A82'))).toEqual({ data: new Uint8Array(0), sw: 0x6a82 });
  });

  it.each(['', '90'])('rejects %j (fewer than 2 bytes) with HCARD_E_APDU_RESPONSE_MALFORMED', (bytes) => {
    expectHcardError(() => parseResponse(fromHex(bytes)), 'HCARD_E_APDU_RESPONSE_MALFORMED');
  });

  it('returns data that is a copy, not a view of the input', () => {
    const bytes = fromHex('AABB9000');
    const { data } = parseResponse(bytes);
    bytes[0] = 0;
    expect(toHex(data)).toBe('AABB');
  });

  it('encodeResponse is the inverse of parseResponse (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        const bytes = encodeResponse(data, sw);
        expect(bytes).toHaveLength(data.length + 2);
        expect(parseResponse(bytes)).toEqual({ data, sw });
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [0x9000, '9000'],
    [0x6a82, '6A82'],
    [0x63c2, '63C2'],
    [0x0061, '0061'],
  ])('swHex(%i) is %s: 4 uppercase digits', (sw, expected) => {
    expect(swHex(sw)).toBe(expected);
  });
});

describe('status words (ISO/IEC 7816-4:2020 §5.6, spec §6.10)', () => {
  it('9000 is ok: normal processing', () => {
    expect(lookupStatusWord(0x9000)).toMatchObject({ outcome: 'ok', meaning: 'normal processing' });
  });

  it('6982 is refused: security status not satisfied', () => {
    expect(lookupStatusWord(0x6982)).toMatchObject({
      outcome: 'refused',
      meaning: 'security status not satisfied',
      pattern: '6982',
    });
  });

  it('63C2 is a warning with 2 retries left', () => {
    expect(lookupStatusWord(0x63c2)).toMatchObject({ outcome: 'warning', pattern: '63Cx' });
    expect(retriesLeft(0x63c2)).toBe(2);
  });

  it('retriesLeft reads 0–15 from 63C0–63CF and nothing from other words', () => {
    expect(retriesLeft(0x63c0)).toBe(0);
    expect(retriesLeft(0x63cf)).toBe(15);
    expect(retriesLeft(0x6300)).toBeUndefined();
    expect(retriesLeft(0x9000)).toBeUndefined();
    expect(retriesLeft(0x62c2)).toBeUndefined();
  });

  it('6300 is its own row, not 63Cx', () => {
    expect(lookupStatusWord(0x6300)).toMatchObject({ pattern: '6300', meaning: 'verification failed' });
  });

  it('6110 is ok (61xx: response bytes still available; spec §6.10 expects 6110 from the PSAM)', () => {
    expect(lookupStatusWord(0x6110)).toMatchObject({ outcome: 'ok', pattern: '61xx' });
  });

  it('6C05 matches 6Cxx (wrong Le) and is refused', () => {
    expect(lookupStatusWord(0x6c05)).toMatchObject({ outcome: 'refused', pattern: '6Cxx' });
  });

  it('6A82 is refused: file or application not found (spec §6.10)', () => {
    expect(lookupStatusWord(0x6a82)).toMatchObject({
      outcome: 'refused',
      meaning: 'file or application not found',
    });
  });

  it('6282 is a warning: end of file reached before Ne bytes', () => {
    expect(lookupStatusWord(0x6282).outcome).toBe('warning');
  });

  it('9303 is refused with a PBOC 3.0 source', () => {
    expect(lookupStatusWord(0x9303)).toMatchObject({ outcome: 'refused', source: 'PBOC 3.0' });
  });

  it('an unknown 6F12 is refused as "unknown status word" with its own hex as pattern', () => {
    expect(lookupStatusWord(0x6f12)).toEqual({
      pattern: '6F12',
      outcome: 'refused',
      meaning: 'unknown status word',
      source: 'ISO 7816-4',
    });
  });

  it('an unknown 62xx or 63xx is a warning (ISO/IEC 7816-4 SW1 62/63 are warnings)', () => {
    expect(lookupStatusWord(0x6299)).toMatchObject({ outcome: 'warning', meaning: 'unknown status word' });
    expect(lookupStatusWord(0x6312)).toMatchObject({ outcome: 'warning', meaning: 'unknown status word' });
  });

  it('a command table entry overrides the global one', () => {
    const table: SwTable = [
      { pattern: '6A82', outcome: 'ok', meaning: 'no such record yet', source: 'health card' },
    ];
    expect(lookupStatusWord(0x6a82, table)).toEqual(table[0]);
  });

  it('a command table that does not match falls through to the global one', () => {
    const table: SwTable = [
      { pattern: '6A82', outcome: 'ok', meaning: 'no such record yet', source: 'health card' },
    ];
    expect(lookupStatusWord(0x6982, table).meaning).toBe('security status not satisfied');
  });

  it('earlier command tables win over later ones', () => {
    const first: SwTable = [
      { pattern: '6985', outcome: 'warning', meaning: 'first', source: 'reference COS' },
    ];
    const second: SwTable = [{ pattern: '69xx', outcome: 'ok', meaning: 'second', source: 'reference COS' }];
    expect(lookupStatusWord(0x6985, first, second).meaning).toBe('first');
    expect(lookupStatusWord(0x6986, first, second).meaning).toBe('second');
  });

  it('matches lower-case hex letters in a pattern', () => {
    const table: SwTable = [{ pattern: '6a8x', outcome: 'ok', meaning: 'lower', source: 'reference COS' }];
    expect(lookupStatusWord(0x6a83, table).meaning).toBe('lower');
  });

  it('every global row has a 4-character pattern of hex digits and x, and no exact row is shadowed', () => {
    for (const e of STATUS_WORDS) expect(e.pattern).toMatch(/^[0-9A-F]{2}([0-9A-F]{2}|xx|Cx)$/);
    // An exact pattern must find its own row: an earlier wildcard row must not swallow it.
    for (const e of STATUS_WORDS.filter((r) => !r.pattern.includes('x'))) {
      expect(lookupStatusWord(Number.parseInt(e.pattern, 16))).toBe(e);
    }
  });
});
