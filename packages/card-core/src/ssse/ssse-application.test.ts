import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import {
  algorithmFromFci,
  generationOf,
  hasNameExtension,
  holderDataProtected,
  SSSE_AID,
} from './ssse-application.js';

describe('SSSE_AID (spec A.1)', () => {
  it('is the 15 bytes every code source uses: 7378312E73682E C9E7BBE1B1A3D5CF', () => {
    expect(toHex(SSSE_AID)).toBe('7378312E73682EC9E7BBE1B1A3D5CF');
  });

  it('reads as ASCII "sx1.sh." and GBK "社会保障" (not the article typo 7378312e74252e…)', () => {
    expect(new TextDecoder('gbk').decode(SSSE_AID)).toBe('sx1.sh.社会保障');
  });
});

describe('generationOf (spec A.3: the first character of 规范版本)', () => {
  it.each([
    ['1.00', 1],
    ['2.00', 2],
    ['3.00', 3],
    ['', undefined],
    ['V3.0', undefined],
    ['0.99', undefined],
  ])('%j → %s', (version, generation) => {
    expect(generationOf(version)).toBe(generation);
  });

  it('3.0 protects EF06, 2.0 adds 姓名扩展 (A.4, A.6)', () => {
    expect([1, 2, 3].map(holderDataProtected)).toEqual([false, false, true]);
    expect([1, 2, 3].map(hasNameExtension)).toEqual([false, true, true]);
  });
});

describe('algorithmFromFci (spec A.1: scan for 9F 0C 03 86 01 xx)', () => {
  it('finds xx inside an FCI', () => {
    expect(algorithmFromFci(fromHex('6F19840F7378312E73682EC9E7BBE1B1A3D5CFA5069F0C03860103'))).toBe(0x03);
  });

  it('finds it anywhere in the bytes, as the public code scans', () => {
    expect(algorithmFromFci(fromHex('00119F0C03860101FF'))).toBe(0x01);
  });

  it('is undefined without the mark, or when the answer ends before xx', () => {
    expect(algorithmFromFci(fromHex('6F11840F7378312E73682EC9E7BBE1B1A3D5CF'))).toBeUndefined();
    expect(algorithmFromFci(fromHex('9F0C038601'))).toBeUndefined();
    expect(algorithmFromFci(new Uint8Array())).toBeUndefined();
  });
});
