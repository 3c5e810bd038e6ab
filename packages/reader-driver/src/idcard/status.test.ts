import { ERROR_CATALOGUE } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { IDCARD_STATUSES, lookupIdCardStatus } from './status.js';

/** Spec C.4, every row: SW3 → the outcome hcard gives it. */
const SPEC_C4: readonly [number, string][] = [
  [0x90, 'success'],
  [0x9f, 'success'],
  [0x91, 'no-content'],
  [0x10, 'HCARD_E_IDCARD_HOST_FRAME_REJECTED'],
  [0x11, 'HCARD_E_IDCARD_HOST_FRAME_REJECTED'],
  [0x21, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x23, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x24, 'HCARD_E_IDCARD_COMMAND_REFUSED'],
  [0x31, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x32, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x33, 'HCARD_E_IDCARD_AUTH_FAILED'],
  [0x34, 'no-card'],
  [0x40, 'HCARD_E_IDCARD_CARD_UNRECOGNISED'],
  [0x41, 'read-failed'],
  [0x47, 'HCARD_E_IDCARD_CARD_FAILED'],
  [0x50, 'HCARD_E_IDCARD_CARD_FAILED'],
  [0x60, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x61, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x66, 'HCARD_E_IDCARD_SAM_UNAVAILABLE'],
  [0x80, 'no-card'],
  [0x81, 'select-failed'],
];

const outcomeOf = (sw3: number): string => {
  const s = lookupIdCardStatus(sw3);
  return s.outcome === 'success' ? 'success' : s.outcome === 'refusal' ? s.kind : s.code;
};

describe('the SW3 table (spec C.4)', () => {
  it.each(SPEC_C4)('classifies %i', (sw3, expected) => {
    expect(outcomeOf(sw3)).toBe(expected);
    expect(lookupIdCardStatus(sw3).meaning).not.toMatch(/not in the table/);
  });

  it('has exactly the rows of spec C.4', () => {
    expect(IDCARD_STATUSES.map((s) => s.sw3).sort((a, b) => a - b)).toEqual(
      SPEC_C4.map(([sw3]) => sw3).sort((a, b) => a - b),
    );
  });

  it('uses only catalogue codes', () => {
    for (const s of IDCARD_STATUSES)
      if (s.outcome === 'error') expect(ERROR_CATALOGUE).toHaveProperty(s.code);
  });

  it('gives a status outside the table HCARD_E_IDCARD_STATUS_UNKNOWN', () => {
    expect(lookupIdCardStatus(0x77)).toMatchObject({
      outcome: 'error',
      code: 'HCARD_E_IDCARD_STATUS_UNKNOWN',
      sw3: 0x77,
    });
  });
});
