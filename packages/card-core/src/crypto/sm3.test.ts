import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import { SM3_DIGEST_LENGTH, sm3 } from './sm3.js';

describe('sm3', () => {
  it('matches GB/T 32905-2016 Appendix A example 1: SM3("abc")', () => {
    expect(toHex(sm3(asciiBytes('abc')))).toBe(
      '66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0',
    );
  });

  it('matches GB/T 32905-2016 Appendix A example 2: SM3("abcd" × 16), a full 512-bit block', () => {
    expect(toHex(sm3(asciiBytes('abcd'.repeat(16))))).toBe(
      'DEBE9FF92275B8A138604889C18E5A4D6FDB70E5387E5765293DCBA39C0C5732',
    );
  });

  it('hashes several parts as their concatenation', () => {
    const whole = sm3(fromHex('0102030405'));
    expect(sm3(fromHex('01'), fromHex('0203'), new Uint8Array(0), fromHex('0405'))).toEqual(whole);
    expect(sm3()).toEqual(sm3(new Uint8Array(0)));
  });

  it('returns a plain 32-byte Uint8Array, not a Buffer', () => {
    const digest = sm3(asciiBytes('abc'));
    expect(digest).toHaveLength(SM3_DIGEST_LENGTH);
    expect(Object.getPrototypeOf(digest)).toBe(Uint8Array.prototype);
  });
});
