import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.js';
import { expectHcardError, returnsOrThrows } from '../expect-error.test-helper.js';
import { type BerTlv, decodeBerTlv, encodeBerTlv, findBerTlv } from './ber-tlv.js';
import { decodeSimpleTlv, decodeSimpleTlvAt, encodeSimpleTlv } from './simple-tlv.js';

/** Only HCARD_E_TLV_MALFORMED may escape a decoder, whatever the input. */
const returnsOrThrowsMalformed = (f: () => unknown): boolean => returnsOrThrows(f, 'HCARD_E_TLV_MALFORMED');

const seq = (n: number, start = 0): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);

/** Bytes of a length drawn from the whole range (fast-check's default size keeps arrays short). */
const bytesUpTo = (max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

describe('SIMPLE-TLV (ISO/IEC 7816-4 §5.2.1)', () => {
  it('encodes a value shorter than 255 bytes with a 1-byte length', () => {
    expect(toHex(encodeSimpleTlv({ tag: 0x39, value: fromHex('123123') }))).toBe('3903123123');
  });

  it('encodes the health-card city-code record as the spec shows it (spec §6.1: 39 03 <city cn3>)', () => {
    // DEMO city "123123" as cn 3 (spec §4.2, EF05 record 10).
    const record = fromHex('39 03 12 31 23');
    expect(decodeSimpleTlv(record)).toEqual({ tag: 0x39, value: fromHex('123123') });
  });

  it('encodes the 30-byte name record, tag 0B, as 0B 1E ‖ value (spec §3.3, §4.2 EF06 record 1)', () => {
    // '张三' in GB 2312 is D5C5 C8FD (GB 2312-80 区位 5337, 4093), padded with 00 to 30 bytes (spec §4.1).
    const value = concatBytes(fromHex('D5C5C8FD'), new Uint8Array(26));
    const record = encodeSimpleTlv({ tag: 0x0b, value });
    expect(toHex(record)).toBe(`0B1ED5C5C8FD${'00'.repeat(26)}`);
    expect(record).toHaveLength(32);
    expect(decodeSimpleTlv(record)).toEqual({ tag: 0x0b, value });
  });

  it('keeps the 180-byte issuer certificate record, tag 05, in a 1-byte length B4 (spec §3.3: Le B6 = 2 + 180)', () => {
    const record = encodeSimpleTlv({ tag: 0x05, value: seq(180) });
    expect(toHex(record.subarray(0, 2))).toBe('05B4');
    expect(record).toHaveLength(0xb6);
  });

  it('encodes a 254-byte value with a 1-byte length FE, the largest 1-byte length', () => {
    expect(toHex(encodeSimpleTlv({ tag: 0x01, value: seq(254) }).subarray(0, 2))).toBe('01FE');
  });

  it('encodes a 255-byte value with the 3-byte length FF 00 FF', () => {
    const record = encodeSimpleTlv({ tag: 0x01, value: seq(255) });
    expect(toHex(record.subarray(0, 4))).toBe('01FF00FF');
    expect(record).toHaveLength(4 + 255);
  });

  it('encodes a 300-byte value with the 3-byte length FF 01 2C and decodes it back', () => {
    const value = seq(300, 7);
    const record = encodeSimpleTlv({ tag: 0x16, value });
    expect(toHex(record.subarray(0, 4))).toBe('16FF012C');
    expect(decodeSimpleTlv(record)).toEqual({ tag: 0x16, value });
  });

  it('decodes a 3-byte length FF 00 03 even when a 1-byte length would have done', () => {
    expect(decodeSimpleTlv(fromHex('0A FF 00 03 41 42 43'))).toEqual({ tag: 0x0a, value: fromHex('414243') });
  });

  it('decodes an empty value', () => {
    expect(decodeSimpleTlv(fromHex('2A00'))).toEqual({ tag: 0x2a, value: new Uint8Array(0) });
  });

  it.each([0x00, 0xff, 0x100, -1, 1.5])('refuses to encode tag %s', (tag) => {
    expectHcardError(() => encodeSimpleTlv({ tag, value: fromHex('01') }), 'HCARD_E_TLV_MALFORMED');
  });

  it('refuses to encode a value over 65535 bytes', () => {
    expectHcardError(
      () => encodeSimpleTlv({ tag: 0x01, value: new Uint8Array(65536) }),
      'HCARD_E_TLV_MALFORMED',
    );
  });

  it('encodes a 65535-byte value, the largest a 3-byte length holds', () => {
    expect(toHex(encodeSimpleTlv({ tag: 0x01, value: new Uint8Array(65535) }).subarray(0, 4))).toBe(
      '01FFFFFF',
    );
  });

  it.each(['00 01 41', 'FF 01 41'])('rejects tag 00 and FF when decoding (%s)', (hex) => {
    expectHcardError(() => decodeSimpleTlv(fromHex(hex)), 'HCARD_E_TLV_MALFORMED');
  });

  it.each([
    ['empty input', ''],
    ['tag without a length', '0B'],
    ['value one byte short', `0B1E${'00'.repeat(29)}`],
    ['3-byte length cut after FF', '0B FF'],
    ['3-byte length cut after FF 01', '0B FF 01'],
    ['3-byte length whose value is short', '0B FF 01 00 41'],
  ])('rejects truncated input: %s', (_what, hex) => {
    expectHcardError(() => decodeSimpleTlv(fromHex(hex)), 'HCARD_E_TLV_MALFORMED');
  });

  it('decodeSimpleTlv rejects bytes after the TLV', () => {
    const e = expectHcardError(() => decodeSimpleTlv(fromHex('01 01 31 00')), 'HCARD_E_TLV_MALFORMED');
    expect(e.message).toContain('1 bytes after the TLV');
  });

  it('decodeSimpleTlvAt reads one TLV at an offset and returns the offset after it', () => {
    const bytes = fromHex('0C 01 01 0D 01 01 99');
    expect(decodeSimpleTlvAt(bytes, 3)).toEqual({ tlv: { tag: 0x0d, value: fromHex('01') }, next: 6 });
  });

  it('decodeSimpleTlvAt walks a sequence of records', () => {
    const bytes = fromHex('0C 01 02 0E 04 19 90 01 01');
    const first = decodeSimpleTlvAt(bytes);
    const second = decodeSimpleTlvAt(bytes, first.next);
    expect(first.tlv).toEqual({ tag: 0x0c, value: fromHex('02') });
    expect(second).toEqual({ tlv: { tag: 0x0e, value: fromHex('19900101') }, next: bytes.length });
  });

  it('returns a copy of the value, not a view of the input', () => {
    const bytes = fromHex('01 02 41 42');
    const { value } = decodeSimpleTlv(bytes);
    bytes[2] = 0x00;
    expect(toHex(value)).toBe('4142');
  });

  it('round-trips every tag 01–FE and every value up to 700 bytes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x01, max: 0xfe }), bytesUpTo(700), (tag, value) => {
        const bytes = encodeSimpleTlv({ tag, value });
        expect(bytes).toHaveLength(value.length + (value.length < 255 ? 2 : 4));
        expect(decodeSimpleTlv(bytes)).toEqual({ tag, value });
      }),
      { numRuns: 300 },
    );
  });
});

// --- BER-TLV -------------------------------------------------------------------------------

/** The decoded tree without the raw `value` of constructed objects, for comparison. */
type Tree = { tag: number; value: string } | { tag: number; children: Tree[] };

function shape(objects: readonly BerTlv[]): Tree[] {
  return objects.map((o) =>
    o.children ? { tag: o.tag, children: shape(o.children) } : { tag: o.tag, value: toHex(o.value) },
  );
}

function toBer(t: Tree): BerTlv {
  return 'children' in t
    ? { tag: t.tag, constructed: true, value: new Uint8Array(0), children: t.children.map(toBer) }
    : { tag: t.tag, constructed: false, value: fromHex(t.value) };
}

describe('BER-TLV (ISO/IEC 7816-4 §5.2.2, ISO/IEC 8825-1)', () => {
  it('decodes the 2-byte tag 9F38 (EMV PDOL) as one primitive object', () => {
    expect(decodeBerTlv(fromHex('9F38 03 9F 66 04'))).toEqual([
      { tag: 0x9f38, constructed: false, value: fromHex('9F6604') },
    ]);
  });

  it('encodes the 2-byte tag 9F38 as its two bytes', () => {
    expect(toHex(encodeBerTlv({ tag: 0x9f38, value: fromHex('9F6604') }))).toBe('9F38039F6604');
  });

  it('decodes a 3-byte tag (5F first byte, a continuation byte with bit 8 set, then a last byte)', () => {
    expect(decodeBerTlv(fromHex('5F 81 01 01 AA'))).toEqual([
      { tag: 0x5f8101, constructed: false, value: fromHex('AA') },
    ]);
  });

  it('rejects a tag longer than 3 bytes', () => {
    expectHcardError(() => decodeBerTlv(fromHex('5F 81 81 01 01 AA')), 'HCARD_E_TLV_MALFORMED');
  });

  it('decodes the long-form length 81 80 (128 bytes)', () => {
    const [o] = decodeBerTlv(concatBytes(fromHex('04 81 80'), seq(128)));
    expect(o?.value).toEqual(seq(128));
  });

  it('decodes the long-form length 82 01 2C (300 bytes)', () => {
    const [o] = decodeBerTlv(concatBytes(fromHex('04 82 01 2C'), seq(300)));
    expect(o?.value).toEqual(seq(300));
  });

  it('encodes lengths in the shortest form: 7F, 81 80, 81 FF, 82 01 00', () => {
    const head = (n: number, k: number) =>
      toHex(encodeBerTlv({ tag: 0x04, value: new Uint8Array(n) }).subarray(0, k));
    expect(head(0x7f, 2)).toBe('047F');
    expect(head(0x80, 3)).toBe('048180');
    expect(head(0xff, 3)).toBe('0481FF');
    expect(head(0x100, 4)).toBe('04820100');
    expect(encodeBerTlv({ tag: 0x04, value: new Uint8Array(0x100) })).toHaveLength(4 + 0x100);
  });

  it('decodes a constructed FCI template into nested children (ISO/IEC 7816-4 FCI: 6F ⊃ 84, A5 ⊃ 88)', () => {
    const bytes = fromHex('6F 0A 84 02 DD F1 A5 04 88 02 01 02');
    const [fci] = decodeBerTlv(bytes);
    expect(fci?.constructed).toBe(true);
    expect(fci?.value).toEqual(bytes.subarray(2));
    expect(shape(decodeBerTlv(bytes))).toEqual([
      {
        tag: 0x6f,
        children: [
          { tag: 0x84, value: 'DDF1' },
          { tag: 0xa5, children: [{ tag: 0x88, value: '0102' }] },
        ],
      },
    ]);
  });

  it('encodes a constructed object from its children', () => {
    const bytes = encodeBerTlv({
      tag: 0x6f,
      children: [
        { tag: 0x84, constructed: false, value: fromHex('DDF1') },
        {
          tag: 0xa5,
          constructed: true,
          value: new Uint8Array(0),
          children: [{ tag: 0x88, constructed: false, value: fromHex('0102') }],
        },
      ],
    });
    expect(toHex(bytes)).toBe('6F0A8402DDF1A50488020102');
  });

  it('findBerTlv finds an object nested two levels deep', () => {
    const objects = decodeBerTlv(fromHex('6F 0A 84 02 DD F1 A5 04 88 02 01 02'));
    expect(findBerTlv(objects, 0x88)?.value).toEqual(fromHex('0102'));
  });

  it('findBerTlv returns the first match in depth-first order', () => {
    // The 88 inside A5 comes before the top-level 88 that follows the template.
    const objects = decodeBerTlv(fromHex('A5 03 88 01 01 88 01 02'));
    expect(findBerTlv(objects, 0x88)?.value).toEqual(fromHex('01'));
  });

  it('findBerTlv finds a constructed object and returns it with its children', () => {
    const found = findBerTlv(decodeBerTlv(fromHex('6F 0A 84 02 DD F1 A5 04 88 02 01 02')), 0xa5);
    expect(found?.constructed).toBe(true);
    expect(shape(found ? [found] : [])).toEqual([{ tag: 0xa5, children: [{ tag: 0x88, value: '0102' }] }]);
  });

  it('findBerTlv returns undefined when no object has the tag', () => {
    expect(findBerTlv(decodeBerTlv(fromHex('6F 04 84 02 DD F1')), 0x9f38)).toBeUndefined();
  });

  it('skips 00 and FF padding between objects (ISO/IEC 7816-4 §5.2.2)', () => {
    expect(shape(decodeBerTlv(fromHex('00 84 01 AA FF FF 88 01 02 00')))).toEqual([
      { tag: 0x84, value: 'AA' },
      { tag: 0x88, value: '02' },
    ]);
  });

  it('rejects the indefinite length 80', () => {
    const e = expectHcardError(() => decodeBerTlv(fromHex('30 80 04 01 AA 00 00')), 'HCARD_E_TLV_MALFORMED');
    expect(e.message).toContain('indefinite');
  });

  it('rejects a length field of more than 4 bytes', () => {
    expectHcardError(() => decodeBerTlv(fromHex('04 85 00 00 00 00 01 AA')), 'HCARD_E_TLV_MALFORMED');
  });

  it.each([
    ['multi-byte tag cut', '9F'],
    ['length missing', '9F38'],
    ['long-form length cut', '04 82 01'],
    ['value short', '04 03 AA BB'],
    ['child value short inside a complete parent', '6F 03 84 05 AA'],
  ])('rejects truncated input: %s', (_what, hex) => {
    expectHcardError(() => decodeBerTlv(fromHex(hex)), 'HCARD_E_TLV_MALFORMED');
  });

  it('accepts nesting 16 constructed levels deep and rejects 17', () => {
    const nest = (levels: number): Uint8Array => {
      let bytes = encodeBerTlv({ tag: 0x80, value: fromHex('01') });
      for (let i = 0; i < levels; i++) bytes = encodeBerTlv({ tag: 0xa0, value: bytes });
      return bytes;
    };
    expect(() => decodeBerTlv(nest(16))).not.toThrow();
    expectHcardError(() => decodeBerTlv(nest(17)), 'HCARD_E_TLV_MALFORMED');
  });

  it('rejects 1000 levels of nesting with HCARD_E_TLV_MALFORMED, not a stack overflow', () => {
    // A0 82 xx xx … : every level uses a 4-byte header so the lengths stay consistent.
    let bytes: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 1000; i++)
      bytes = concatBytes(Uint8Array.of(0xa0, 0x82, bytes.length >> 8, bytes.length & 0xff), bytes);
    expect(bytes).toHaveLength(4000);
    expectHcardError(() => decodeBerTlv(bytes), 'HCARD_E_TLV_MALFORMED');
  });

  it.each([0, -1, 0x1000000, 1.5])('refuses to encode tag number %s', (tag) => {
    expectHcardError(() => encodeBerTlv({ tag, value: fromHex('01') }), 'HCARD_E_TLV_MALFORMED');
  });

  // ISO/IEC 7816-4:2020 §5.2.2.1: 'FF' is not a valid first tag byte (it is padding), a first
  // byte with bits 5–1 = 11111 announces further tag bytes, and the last tag byte has bit 8 = 0.
  // A tag number that breaks these rules cannot be decoded back, so the encoder must refuse it.
  it.each([
    ['FF20: first byte FF reads back as padding', 0xff20],
    ['9F: a lone first byte that announces a second byte', 0x9f],
    ['9F81: the last tag byte has bit 8 set', 0x9f81],
  ])('refuses to encode a tag number that is not a valid BER tag (%s)', (_why, tag) => {
    expectHcardError(() => encodeBerTlv({ tag, value: fromHex('01') }), 'HCARD_E_TLV_MALFORMED');
  });

  it('round-trips generated trees of bounded depth: decode(encode(t)) = t and encode(decode(b)) = b (property)', () => {
    const classes = [0x00, 0x40, 0x80, 0xc0];
    // First tag bytes: single-byte tags avoid bits 5–1 = 11111 and the padding values 00/FF.
    const singleByte = (constructed: boolean) =>
      fc
        .integer({ min: 0x01, max: 0xfe })
        .filter((b) => (b & 0x1f) !== 0x1f && ((b & 0x20) !== 0) === constructed);
    const multiByte = (constructed: boolean) =>
      fc
        .tuple(
          fc.constantFrom(
            ...classes.map((c) => c | (constructed ? 0x20 : 0) | 0x1f).filter((b) => b !== 0xff),
          ),
          fc.option(fc.integer({ min: 0x81, max: 0xff }), { nil: undefined }),
          fc.integer({ min: 0x1f, max: 0x7f }),
        )
        .map(([first, middle, last]) =>
          middle === undefined ? first * 0x100 + last : (first * 0x100 + middle) * 0x100 + last,
        );
    const tag = (constructed: boolean) => fc.oneof(singleByte(constructed), multiByte(constructed));

    const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; node: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
      leaf: fc
        .record({ tag: tag(false), value: fc.oneof(fc.uint8Array({ maxLength: 8 }), bytesUpTo(300)) })
        .map(({ tag, value }) => ({ tag, value: toHex(value) })),
      node: fc.record({ tag: tag(true), children: fc.array(tie('tree'), { maxLength: 4 }) }),
    }));

    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (trees) => {
        const bytes = concatBytes(...trees.map((t) => encodeBerTlv(toBer(t))));
        const decoded = decodeBerTlv(bytes);
        expect(shape(decoded)).toEqual(trees);
        expect(concatBytes(...decoded.map(encodeBerTlv))).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('TLV decoders on arbitrary bytes', () => {
  it('decodeSimpleTlv, decodeSimpleTlvAt and decodeBerTlv return or throw HCARD_E_TLV_MALFORMED, nothing else (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 310 }), (bytes, offset) => {
        expect(returnsOrThrowsMalformed(() => decodeSimpleTlv(bytes))).toBe(true);
        expect(returnsOrThrowsMalformed(() => decodeSimpleTlvAt(bytes))).toBe(true);
        expect(returnsOrThrowsMalformed(() => decodeSimpleTlvAt(bytes, offset))).toBe(true);
        expect(returnsOrThrowsMalformed(() => decodeBerTlv(bytes))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('decodeBerTlv on mutated valid encodings returns or throws HCARD_E_TLV_MALFORMED only (property)', () => {
    // Random bytes rarely get past the first object; flipping bytes of a valid FCI reaches deeper paths.
    const fci = fromHex('6F 18 84 02 DD F1 A5 12 88 02 01 02 9F 38 03 9F 66 04 BF 0C 05 5F 81 01 01 AA');
    expect(findBerTlv(decodeBerTlv(fci), 0x5f8101)?.value).toEqual(fromHex('AA'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: fci.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat({ max: fci.length }),
        (edits, cut) => {
          const bytes = Uint8Array.from(fci);
          for (const [i, b] of edits) bytes[i] = b;
          expect(returnsOrThrowsMalformed(() => decodeBerTlv(bytes))).toBe(true);
          expect(returnsOrThrowsMalformed(() => decodeBerTlv(bytes.subarray(0, cut)))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
