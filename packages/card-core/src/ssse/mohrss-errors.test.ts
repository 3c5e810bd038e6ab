import { describe, expect, it } from 'vitest';
import { hcardError } from '../errors.js';
import {
  MOHRSS_ERRORS,
  mohrssCodeOfSw,
  mohrssErrorText,
  SSSE_FAILURE_CODES,
  swOfMohrssCode,
  toMohrssError,
} from './mohrss-errors.js';

describe('status words as MOHRSS codes (spec A.7, verified by calculation)', () => {
  it.each([
    ['6A88', -27272],
    ['6A82', -27266],
    ['6982', -27010],
    ['63C0', -25536],
    ['9303', -37635],
    ['6700', -26368],
  ])('%s ↔ %i', (hex, code) => {
    const sw = Number.parseInt(hex, 16);
    expect(mohrssCodeOfSw(sw)).toBe(code);
    expect(swOfMohrssCode(code)).toBe(sw);
  });

  it('-26368 is 6700, not the 6C00 one table row says: map generically (A.7)', () => {
    expect(swOfMohrssCode(-26368)!.toString(16)).toBe('6700');
    expect(mohrssErrorText(-26368)).toBe('卡片返回状态字 6700（wrong length）');
  });

  it('texts: the table for table codes, status word and meaning for generic ones', () => {
    expect(mohrssErrorText(-27272)).toBe(
      '卡片返回状态字 6A88（referenced data or reference data not found）',
    );
    expect(mohrssErrorText(-2203)).toBe('PSAM卡内没有RKSSSE密钥');
    expect(mohrssErrorText(-12345)).toBe('未知错误');
    expect(swOfMohrssCode(-21)).toBeUndefined();
    expect(swOfMohrssCode(-999)).toBeUndefined();
  });

  it('the table codes do not collide with status-word codes', () => {
    for (const { code } of MOHRSS_ERRORS) expect(swOfMohrssCode(code), String(code)).toBeUndefined();
  });
});

describe('toMohrssError', () => {
  it.each(Object.entries(SSSE_FAILURE_CODES))('failure %s → %i with the table text', (kind, code) => {
    const failure = kind === 'algorithm-unsupported' ? { kind, algorithm: 1 } : { kind };
    const e = toMohrssError(failure);
    expect(e.code).toBe(code);
    expect(e.text).toBe(MOHRSS_ERRORS.find((r) => r.code === code)!.text);
  });

  it('a card refusal → the negative status word', () => {
    const refusal = { command: 'EXTERNAL AUTHENTICATE', sw: 0x63ce, meaning: 'authentication failed' };
    expect(toMohrssError({ kind: 'refused', refusal }).code).toBe(-25550);
  });

  it.each([
    ['HCARD_E_NO_CARD', -2],
    ['HCARD_E_TRANSPORT', -11],
    ['HCARD_E_PCSC_NO_SERVICE', -12],
    ['HCARD_E_SSSE_PKEY_INVALID', -23],
    ['HCARD_E_INTERNAL', -999],
  ] as const)('%s → %i', (code, mohrss) => {
    expect(toMohrssError(hcardError(code)).code).toBe(mohrss);
  });

  it('anything else thrown → -999 未知错误', () => {
    expect(toMohrssError(new TypeError('x'))).toEqual({ code: -999, text: '未知错误' });
    expect(toMohrssError({ kind: 'nonsense' })).toEqual({ code: -999, text: '未知错误' });
  });
});
