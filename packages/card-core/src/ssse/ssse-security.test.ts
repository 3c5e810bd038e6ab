/**
 * The reference SSSE cryptograms (ssse-security.ts), checked against a second computation
 * written out here with node:crypto's SM4 directly, so the shared functions cannot agree with
 * themselves by accident.
 */
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import {
  SSSE_SECURITY,
  ssseCardKey,
  ssseCheckExternalCryptogram,
  ssseExternalCryptogram,
  ssseInternalAuthResult,
} from './ssse-security.js';

const sm4 = (key: Uint8Array, data: Uint8Array) => {
  const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
};
/** child = SM4_parent(f ‖ ~f) (key-derivation.ts convention). */
const child = (parent: Uint8Array, f: Uint8Array) =>
  sm4(parent, Uint8Array.from([...f, ...f.map((b) => b ^ 0xff)]));

const MASTER = fromHex('00112233445566778899AABBCCDDEEFF');
const CARD_ID = fromHex('639900D15600000500BF7C7A48FB4966'); // spec A.3 example
const F = fromHex('0102030405060708');
const D = fromHex('1112131415161718');
const R = fromHex('A1A2A3A4A5A6A7A8');

describe('SSSE key diversification', () => {
  it('card key = child(child(master, 卡识别码[8..16]), 卡识别码[0..8]): the PSAM order, lowest level first', () => {
    const expected = child(child(MASTER, CARD_ID.subarray(8)), CARD_ID.subarray(0, 8));
    expect(toHex(ssseCardKey(MASTER, CARD_ID))).toBe(toHex(expected));
  });

  it('needs a 16-byte 卡识别码', () => {
    expectHcardError(() => ssseCardKey(MASTER, CARD_ID.subarray(0, 15)), 'HCARD_E_ARG_INVALID');
  });

  it('the reference slots: RKSSSE at 60, IKSSSE at 61, two levels (usage 47), for algorithm 03 only', () => {
    expect(SSSE_SECURITY.psamKeys).toEqual({
      3: { RKSSSE: { psamIndex: 0x60, psamUsage: 0x47 }, IKSSSE: { psamIndex: 0x61, psamUsage: 0x47 } },
    });
    expect([SSSE_SECURITY.externalKeyRef, SSSE_SECURITY.internalKeyRef]).toEqual([0x0a, 0x0b]);
  });
});

describe('SSSE authentication cryptograms', () => {
  const cardKey = ssseCardKey(MASTER, CARD_ID);

  it('internal: fold(SM4_SK(D ‖ 00×8)), SK = child(card key, F)', () => {
    const e = sm4(child(cardKey, F), Uint8Array.from([...D, ...new Uint8Array(8)]));
    const folded = e.subarray(0, 8).map((b, i) => b ^ e[8 + i]!);
    expect(toHex(ssseInternalAuthResult(cardKey, F, D))).toBe(toHex(folded));
  });

  it('external: SM4_SK(D ‖ R), SK = child(card key, R); the card accepts it and nothing else', () => {
    const c = ssseExternalCryptogram(cardKey, R, D);
    expect(toHex(c)).toBe(toHex(sm4(child(cardKey, R), Uint8Array.from([...D, ...R]))));
    expect(ssseCheckExternalCryptogram(cardKey, R, c)).toBe(true);
    const flipped = Uint8Array.from(c);
    flipped[15]! ^= 0x01;
    expect(ssseCheckExternalCryptogram(cardKey, R, flipped)).toBe(false);
    expect(ssseCheckExternalCryptogram(cardKey, fromHex('A1A2A3A4A5A6A7A9'), c)).toBe(false);
    expect(
      ssseCheckExternalCryptogram(ssseCardKey(MASTER, fromHex('639900D15600000500BF7C7A48FB4967')), R, c),
    ).toBe(false);
    expect(ssseCheckExternalCryptogram(cardKey, R, c.subarray(0, 8))).toBe(false);
  });
});
