import { describe, expect, it } from 'vitest';
import { countyCodes, dialingCode, lookupRegion, provinceName } from './gb2260.js';

describe('lookupRegion', () => {
  it('finds a municipal district: 110101 北京市 东城区', () => {
    expect(lookupRegion('110101')).toEqual({
      code: '110101',
      province: '北京市',
      county: '东城区',
      known: true,
    });
  });

  it('finds a prefecture-level city: 410100 河南省 郑州市', () => {
    expect(lookupRegion('410100')).toEqual({
      code: '410100',
      province: '河南省',
      city: '郑州市',
      known: true,
    });
  });

  it('finds a county with its city: 410105 河南省 郑州市 金水区', () => {
    expect(lookupRegion('410105')).toEqual({
      code: '410105',
      province: '河南省',
      city: '郑州市',
      county: '金水区',
      known: true,
    });
  });

  it('finds a province by its xx0000 code', () => {
    expect(lookupRegion('410000')).toEqual({ code: '410000', province: '河南省', known: true });
  });

  it('knows the city level of a municipality although the data has no row for it', () => {
    expect(lookupRegion('110100')).toEqual({ code: '110100', province: '北京市', known: true });
  });

  it('leaves out placeholder city names of 省直辖 counties', () => {
    expect(lookupRegion('419001')).toEqual({
      code: '419001',
      province: '河南省',
      county: '济源市',
      known: true,
    });
  });

  it('reports an unknown code of a known province as known: false', () => {
    expect(lookupRegion('410199')).toEqual({
      code: '410199',
      province: '河南省',
      city: '郑州市',
      known: false,
    });
    expect(lookupRegion('419900')).toEqual({ code: '419900', province: '河南省', known: false });
  });

  it('returns undefined for an unknown province or a malformed code', () => {
    expect(lookupRegion('990101')).toBeUndefined();
    expect(lookupRegion('41010')).toBeUndefined();
    expect(lookupRegion('4101051')).toBeUndefined();
    expect(lookupRegion('41010X')).toBeUndefined();
  });
});

describe('provinceName', () => {
  it('names provinces by their 2-digit code', () => {
    expect(provinceName('11')).toBe('北京市');
    expect(provinceName('41')).toBe('河南省');
    expect(provinceName('65')).toBe('新疆维吾尔自治区');
    expect(provinceName('99')).toBeUndefined();
  });
});

describe('countyCodes', () => {
  const codes = countyCodes();

  it('lists county-level codes only, sorted and unique', () => {
    expect(codes.length).toBeGreaterThan(2500);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) {
      expect(code).toMatch(/^\d{4}(?!00)\d{2}$/);
      expect(lookupRegion(code)?.known).toBe(true);
      expect(lookupRegion(code)?.county).toBeDefined();
    }
  });

  it('excludes 市辖区 placeholders and statistical development zones', () => {
    expect(codes).toContain('110101');
    expect(codes).toContain('410105');
    expect(codes).not.toContain('410101'); // 郑州市 市辖区
    expect(codes).not.toContain('410171'); // 郑州经济技术开发区, an NBS statistical code
  });

  it('is built once and frozen', () => {
    expect(countyCodes()).toBe(codes);
    expect(Object.isFrozen(codes)).toBe(true);
  });
});

describe('dialingCode', () => {
  it('finds the long-distance code of the city or municipality', () => {
    expect(dialingCode('410105')).toBe('0371');
    expect(dialingCode('110101')).toBe('010');
    expect(dialingCode('990101')).toBeUndefined();
  });
});
