import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHcardError } from '../errors.js';
import { countyCodes } from './gb2260.js';
import { gb11643CheckDigit, isCalendarDate, isValidCitizenId, parseCitizenId } from './gb11643.js';

/** GB 11643-1999 annex: the standard's own worked example. */
const STANDARD_EXAMPLE = '11010519491231002X';
const TODAY = '20240601';

/** An ID with a correct check digit, so only the rule under test can fail. */
function withCheckDigit(first17: string): string {
  return first17 + gb11643CheckDigit(first17);
}

function ruleOf(id: string, today = TODAY): unknown {
  try {
    parseCitizenId(id, { today });
  } catch (e) {
    expect(isHcardError(e, 'HCARD_E_ID_INVALID')).toBe(true);
    return isHcardError(e) ? e.details['rule'] : undefined;
  }
  return 'valid';
}

describe('gb11643CheckDigit', () => {
  it('computes X for the GB 11643-1999 annex example', () => {
    expect(gb11643CheckDigit(STANDARD_EXAMPLE.slice(0, 17))).toBe('X');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => gb11643CheckDigit('1101051949123100')).toThrow(/17 digits/);
    expect(() => gb11643CheckDigit('1101051949123100A')).toThrow(/17 digits/);
  });
});

describe('parseCitizenId', () => {
  it('parses the GB 11643-1999 annex example', () => {
    expect(parseCitizenId(STANDARD_EXAMPLE, { today: TODAY })).toEqual({
      id: STANDARD_EXAMPLE,
      regionCode: '110105',
      regionKnown: true,
      birthDate: '19491231',
      sex: 'female',
      sequence: '002',
      checkDigit: 'X',
    });
  });

  it('accepts a lowercase x and normalises it', () => {
    const parsed = parseCitizenId(STANDARD_EXAMPLE.toLowerCase(), { today: TODAY });
    expect(parsed.id).toBe(STANDARD_EXAMPLE);
    expect(parsed.checkDigit).toBe('X');
  });

  it('reads sex from the parity of the 17th digit', () => {
    expect(parseCitizenId(withCheckDigit('11010519491231001')).sex).toBe('male');
    expect(parseCitizenId(withCheckDigit('11010519491231008')).sex).toBe('female');
  });

  it('rejects every single-character change of the annex example', () => {
    const alphabet = '0123456789X';
    let changes = 0;
    for (let i = 0; i < STANDARD_EXAMPLE.length; i++) {
      for (const c of alphabet) {
        if (c === STANDARD_EXAMPLE[i]) continue;
        const changed = STANDARD_EXAMPLE.slice(0, i) + c + STANDARD_EXAMPLE.slice(i + 1);
        expect(isValidCitizenId(changed, { today: TODAY }), changed).toBe(false);
        changes++;
      }
    }
    expect(changes).toBe(18 * 10);
  });

  it('rejects wrong lengths and characters', () => {
    for (const id of [
      '',
      STANDARD_EXAMPLE.slice(0, 17),
      `${STANDARD_EXAMPLE}0`,
      '11010519491231002Y',
      '1101051949123100X2',
    ]) {
      expect(ruleOf(id)).toBe('format');
    }
  });

  it('rejects 29 February outside leap years and accepts it in them', () => {
    expect(ruleOf(withCheckDigit('11010519490229002'))).toBe('birthDate');
    expect(ruleOf(withCheckDigit('11010519000229002'))).toBe('birthDate');
    expect(ruleOf(withCheckDigit('11010520000229002'))).toBe('valid');
    expect(ruleOf(withCheckDigit('11010519880229002'))).toBe('valid');
  });

  it('rejects impossible dates', () => {
    for (const date of ['19491331', '19490001', '19490100', '19490431', '18000101']) {
      expect(ruleOf(withCheckDigit(`110105${date}002`)), date).toBe('birthDate');
    }
  });

  it('rejects a birth date after today and accepts today', () => {
    expect(ruleOf(withCheckDigit('11010520240602002'))).toBe('birthDate');
    expect(ruleOf(withCheckDigit('11010520240601002'))).toBe('valid');
    expect(ruleOf(withCheckDigit('11010520990101002'), undefined)).toBe('birthDate');
  });

  it('rejects an unknown province', () => {
    expect(ruleOf(withCheckDigit('99010519491231002'))).toBe('province');
    expect(ruleOf(withCheckDigit('00010519491231002'))).toBe('province');
  });

  it('accepts an unknown county of a known province, flagging it', () => {
    const parsed = parseCitizenId(withCheckDigit('41019919491231002'), { today: TODAY });
    expect(parsed.regionKnown).toBe(false);
    expect(parsed.regionCode).toBe('410199');
  });

  it('names the failed rule without echoing the number', () => {
    const wrongCheck = `${STANDARD_EXAMPLE.slice(0, 17)}1`;
    try {
      parseCitizenId(wrongCheck, { today: TODAY });
      expect.unreachable();
    } catch (e) {
      expect(isHcardError(e, 'HCARD_E_ID_INVALID')).toBe(true);
      const err = e as Error & { details: Record<string, unknown> };
      expect(err.details['rule']).toBe('checkDigit');
      expect(err.message).toMatch(/check character/);
      expect(err.message).not.toContain(wrongCheck.slice(6, 14));
      expect(JSON.stringify(err.details)).not.toContain(wrongCheck.slice(6, 14));
    }
  });

  it('round-trips ids built from real county codes, valid dates and a computed check digit', () => {
    const startDay = Date.UTC(1900, 0, 1) / 86_400_000;
    const endDay = Date.UTC(2024, 5, 1) / 86_400_000;
    const counties = countyCodes();
    fc.assert(
      fc.property(
        fc.constantFrom(...counties),
        fc.integer({ min: startDay, max: endDay }),
        fc.integer({ min: 0, max: 999 }),
        (region, day, seq) => {
          const birthDate = new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
          const sequence = String(seq).padStart(3, '0');
          const id = withCheckDigit(region + birthDate + sequence);
          expect(parseCitizenId(id, { today: TODAY })).toEqual({
            id,
            regionCode: region,
            regionKnown: true,
            birthDate,
            sex: seq % 2 === 1 ? 'male' : 'female',
            sequence,
            checkDigit: id[17],
          });
        },
      ),
    );
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths and the Gregorian leap rule', () => {
    expect(isCalendarDate('20240229')).toBe(true);
    expect(isCalendarDate('20230229')).toBe(false);
    expect(isCalendarDate('21000229')).toBe(false);
    expect(isCalendarDate('20240931')).toBe(false);
    expect(isCalendarDate('20241231')).toBe(true);
    expect(isCalendarDate('2024121')).toBe(false);
  });
});
