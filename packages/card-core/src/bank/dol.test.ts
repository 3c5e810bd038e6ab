/** PDOL parsing and filling (EMV Book 3 §5.4) against the PDOL of spec B.2. */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { dolDataLength, fillDol, fitDolValue, parseDol, TERMINAL_DATA } from './dol.js';

/** Spec B.2: 9F66(4) 9F02(6) 9F03(6) 9F1A(2) 95(5) 5F2A(2) 9A(3) 9C(1) 9F37(4) DF60(1). */
const B2_PDOL = '9F66049F02069F03069F1A0295055F2A029A039C019F3704DF6001';

describe('data object lists', () => {
  it('parses the PDOL of spec B.2: ten entries, 34 bytes when filled', () => {
    const dol = parseDol(fromHex(B2_PDOL));
    expect(dol.map((e) => [e.tag.toString(16).toUpperCase(), e.length])).toEqual([
      ['9F66', 4],
      ['9F02', 6],
      ['9F03', 6],
      ['9F1A', 2],
      ['95', 5],
      ['5F2A', 2],
      ['9A', 3],
      ['9C', 1],
      ['9F37', 4],
      ['DF60', 1],
    ]);
    expect(dolDataLength(dol)).toBe(34);
  });

  it('fills it with neutral values: no amount, China, today, an inquiry (31)', () => {
    const data = fillDol(parseDol(fromHex(B2_PDOL)), new Date(2025, 0, 31));
    expect(toHex(data)).toBe(
      [
        '00000000',
        '000000000000',
        '000000000000',
        '0156',
        '0000000000',
        '0156',
        '250131',
        '31',
        '00000000',
        '00',
      ].join(''),
    );
  });

  it('gives zeros for tags it has no value for, and fits values to the length asked (EMV Book 3 §5.4)', () => {
    expect(toHex(fillDol(parseDol(fromHex('9F3501DF7F02'))))).toBe('000000');
    // n: keep the rightmost bytes, pad on the left; b: keep the leftmost, pad on the right; cn: pad FF.
    expect(toHex(fitDolValue(fromHex('000000000123'), 2, 'n'))).toBe('0123');
    expect(toHex(fitDolValue(fromHex('0156'), 3, 'n'))).toBe('000156');
    expect(toHex(fitDolValue(fromHex('11223344'), 2, 'b'))).toBe('1122');
    expect(toHex(fitDolValue(fromHex('1122'), 3, 'b'))).toBe('112200');
    expect(toHex(fitDolValue(fromHex('1234'), 3, 'cn'))).toBe('1234FF');
    // A card asking for a shorter country code still gets China's.
    expect(toHex(fillDol(parseDol(fromHex('9F1A01'))))).toBe('56');
  });

  it('has one value per tag in its table', () => {
    const tags = TERMINAL_DATA.map((d) => d.tag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it.each(['9F', '9F66', '9FFFFF6604'])('rejects the truncated or over-long DOL %s', (hex) => {
    expectHcardError(() => parseDol(fromHex(hex)), 'HCARD_E_BANK_DATA_INVALID');
  });
});
