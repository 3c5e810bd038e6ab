import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { atrHistoricalBytes } from './atr-historical-bytes.js';

describe('atrHistoricalBytes (ISO/IEC 7816-3 §8.2)', () => {
  it('T0 = 6C: TB1 and TC1, then 12 historical bytes (the emulated health card)', () => {
    expect(toHex(atrHistoricalBytes(fromHex('3B6C000000 0102030405060708 079000')))).toBe(
      '000102030405060708079000',
    );
  });

  it('TD1 and TD2 chain the interface bytes; the check byte TCK is not historical', () => {
    // PC/SC contactless ATR: T0=8F, TD1=80, TD2=01, 15 historical bytes, TCK 6A.
    const atr = fromHex('3B8F8001804F0CA000000306030001000000006A');
    expect(toHex(atrHistoricalBytes(atr))).toBe('804F0CA00000030603000100000000');
  });

  it('TA1 and TD1 with T=1 (a common contact ATR)', () => {
    expect(toHex(atrHistoricalBytes(fromHex('3BF81300008131FE454A434F5076323431B7')))).toBe(
      '4A434F5076323431',
    );
  });

  it('a truncated ATR gives what it has', () => {
    expect(toHex(atrHistoricalBytes(fromHex('3B6C0000')))).toBe('');
    expect(toHex(atrHistoricalBytes(fromHex('3B')))).toBe('');
  });
});
