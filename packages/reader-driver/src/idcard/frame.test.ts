import { fromHex, HcardError, toHex } from '@hcard/card-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DecodedItem,
  encodeCommandFrame,
  encodeFrame,
  FrameDecoder,
  parseResponseBody,
} from './frame.js';

/** Spec C.2 "Worked examples": command frames. */
const COMMAND_EXAMPLES: readonly [string, number, number, string][] = [
  ['find card', 0x20, 0x01, 'AA AA AA 96 69 00 03 20 01 22'],
  ['select card', 0x20, 0x02, 'AA AA AA 96 69 00 03 20 02 21'],
  ['read text + photo', 0x30, 0x01, 'AA AA AA 96 69 00 03 30 01 32'],
  ['read new address', 0x30, 0x03, 'AA AA AA 96 69 00 03 30 03 30'],
  ['read with fingerprint', 0x30, 0x10, 'AA AA AA 96 69 00 03 30 10 23'],
  ['read SAM ID', 0x12, 0xff, 'AA AA AA 96 69 00 03 12 FF EE'],
  ['SAM status', 0x11, 0xff, 'AA AA AA 96 69 00 03 11 FF ED'],
  ['SAM reset', 0x10, 0xff, 'AA AA AA 96 69 00 03 10 FF EC'],
];

/** Spec C.2 "Worked examples": response frames, with their SW3 and data length. */
const RESPONSE_EXAMPLES: readonly [string, string, number, number][] = [
  ['find success', 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97', 0x9f, 4],
  ['find fail', 'AA AA AA 96 69 00 04 00 00 80 84', 0x80, 0],
  ['select success', `AA AA AA 96 69 00 0C 00 00 90 ${'00 '.repeat(8)}9C`, 0x90, 8],
  ['select fail', 'AA AA AA 96 69 00 04 00 00 81 85', 0x81, 0],
  ['read fail', 'AA AA AA 96 69 00 04 00 00 41 45', 0x41, 0],
  ['status OK', 'AA AA AA 96 69 00 04 00 00 90 94', 0x90, 0],
];

const frames = (items: DecodedItem[]) =>
  items.map((i) => (i.kind === 'frame' ? parseResponseBody(i.body) : i.error.code));

describe('command frames (spec C.2 worked examples)', () => {
  it.each(COMMAND_EXAMPLES)('encodes %s', (_name, cmd, para, hex) => {
    expect(toHex(encodeCommandFrame(cmd, para))).toBe(hex.replaceAll(' ', ''));
  });

  it('gives the text+photo response LEN 05 08 and 1295 bytes (spec C.5)', () => {
    const frame = encodeFrame(new Uint8Array(3 + 4 + 256 + 1024));
    expect(frame.length).toBe(1295);
    expect(toHex(frame.subarray(0, 7))).toBe('AAAAAA96690508');
  });
});

describe('FrameDecoder', () => {
  it.each(RESPONSE_EXAMPLES)('decodes %s', (_name, hex, sw3, dataLength) => {
    const [item] = new FrameDecoder().push(fromHex(hex));
    const response = parseResponseBody((item as { body: Uint8Array }).body);
    expect([response.sw1, response.sw2, response.sw3, response.data.length]).toEqual([0, 0, sw3, dataLength]);
  });

  it('reassembles frames that arrive one byte at a time', () => {
    const decoder = new FrameDecoder();
    const out: DecodedItem[] = [];
    const stream = fromHex(RESPONSE_EXAMPLES.map(([, hex]) => hex).join(' '));
    for (const b of stream) out.push(...decoder.push(Uint8Array.of(b)));
    expect(frames(out).map((f) => (typeof f === 'string' ? f : f.sw3))).toEqual(
      RESPONSE_EXAMPLES.map(([, , sw3]) => sw3),
    );
    expect(decoder.pending).toBe(0);
  });

  it('skips garbage before the preamble, including a partial preamble', () => {
    const out = new FrameDecoder().push(fromHex(`01 02 AA AA 96 AA AA AA AA 96 69 00 04 00 00 80 84`));
    expect(frames(out)).toEqual([{ sw1: 0, sw2: 0, sw3: 0x80, data: new Uint8Array(0) }]);
  });

  it('reports a wrong checksum as HCARD_E_IDCARD_FRAME_CHECKSUM and goes on with the next frame', () => {
    const bad = 'AA AA AA 96 69 00 04 00 00 80 85';
    const good = 'AA AA AA 96 69 00 04 00 00 90 94';
    const out = new FrameDecoder().push(fromHex(`${bad} ${good}`));
    expect(out[0]).toMatchObject({ kind: 'error', error: { code: 'HCARD_E_IDCARD_FRAME_CHECKSUM' } });
    expect(frames(out.slice(1))).toEqual([{ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(0) }]);
  });

  it('reports an impossible LEN and resynchronises on the next preamble', () => {
    const out = new FrameDecoder().push(fromHex('AA AA AA 96 69 00 02 AA AA AA 96 69 00 04 00 00 90 94'));
    expect(out[0]).toMatchObject({ kind: 'error', error: { code: 'HCARD_E_IDCARD_FRAME_MALFORMED' } });
    expect(frames(out.slice(1))).toEqual([{ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(0) }]);
  });

  it('rejects a LEN larger than any known frame instead of waiting for it', () => {
    const out = new FrameDecoder().push(fromHex('AA AA AA 96 69 F0 00 00 00'));
    expect(out).toMatchObject([{ kind: 'error', error: { code: 'HCARD_E_IDCARD_FRAME_MALFORMED' } }]);
  });

  it('forgets buffered bytes on reset', () => {
    const decoder = new FrameDecoder();
    decoder.push(fromHex('AA AA AA 96 69 00 04 00'));
    decoder.reset();
    expect(decoder.push(fromHex('00 80 84'))).toEqual([]);
  });

  it('never throws on random bytes in random chunks: only frames or catalogue errors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 40 }),
        fc.boolean(),
        (chunks, seeded) => {
          const decoder = new FrameDecoder();
          // Half the runs get preambles sprinkled in, so headers, lengths and checksums are exercised.
          const preamble = fromHex('AA AA AA 96 69');
          for (const chunk of chunks) {
            const input = seeded && chunk.length % 3 === 0 ? Uint8Array.from([...preamble, ...chunk]) : chunk;
            for (const item of decoder.push(input)) {
              if (item.kind === 'error') expect(item.error).toBeInstanceOf(HcardError);
              else expect(item.body.length).toBeGreaterThanOrEqual(3);
            }
          }
        },
      ),
      { seed: 467, numRuns: 500 },
    );
  });

  it('decodes any valid frames after garbage, however the stream is chunked', () => {
    const body = fc.uint8Array({ minLength: 3, maxLength: 300 });
    // Garbage without 0x69 cannot contain a preamble.
    const garbage = fc.uint8Array({ maxLength: 20 }).map((g) => g.map((b) => (b === 0x69 ? 0 : b)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, body), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 97 }),
        (parts, step) => {
          const stream = Uint8Array.from(parts.flatMap(([g, b]) => [...g, ...encodeFrame(b)]));
          const decoder = new FrameDecoder();
          const out: DecodedItem[] = [];
          for (let i = 0; i < stream.length; i += step)
            out.push(...decoder.push(stream.subarray(i, i + step)));
          expect(out.map((o) => (o.kind === 'frame' ? toHex(o.body) : o.error.code))).toEqual(
            parts.map(([, b]) => toHex(b)),
          );
        },
      ),
      { seed: 9669, numRuns: 300 },
    );
  });
});
