/** GET PROCESSING OPTIONS responses and AFL entries (spec B.3). */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { parseAfl, parseProcessingOptions } from './gpo.js';

describe('GPO response', () => {
  it('reads format 1: 80 AIP(2) AFL(4n)', () => {
    const po = parseProcessingOptions(fromHex('800A7C00080101001001020 1'.replaceAll(' ', '')));
    expect(po.format).toBe(1);
    expect(toHex(po.aip)).toBe('7C00');
    expect(po.afl).toEqual([
      { sfi: 1, first: 1, last: 1, offlineAuthRecords: 0 },
      { sfi: 2, first: 1, last: 2, offlineAuthRecords: 1 },
    ]);
    expect(po.objects).toEqual([]);
  });

  it('reads format 2: 77 with 82 and 94, keeping the other objects (track 2, ATC)', () => {
    const po = parseProcessingOptions(
      fromHex('77138202 7C00 9404 18010300 5702 1234 9F3602 0005'.replaceAll(' ', '')),
    );
    expect(po.format).toBe(2);
    expect(po.afl).toEqual([{ sfi: 3, first: 1, last: 3, offlineAuthRecords: 0 }]);
    expect(po.objects.map((o) => o.tag)).toEqual([0x82, 0x94, 0x57, 0x9f36]);
  });

  it.each([
    ['not TLV', '80'],
    ['two templates', '80027C00 80027C00'],
    ['format 1 without AIP', '8001 7C'],
    ['format 2 without AIP', '7704 9404 08010100'],
    ['another template', '6F027C00'],
  ])('rejects %s', (_what, hex) => {
    expectHcardError(
      () => parseProcessingOptions(fromHex(hex.replaceAll(' ', ''))),
      'HCARD_E_BANK_DATA_INVALID',
    );
  });
});

describe('AFL', () => {
  it('takes the SFI from the top 5 bits of byte 1 (b1 >> 3)', () => {
    expect(parseAfl(fromHex('F0010500'))).toEqual([{ sfi: 30, first: 1, last: 5, offlineAuthRecords: 0 }]);
  });

  it.each([
    ['a length not 4n', '080101'],
    ['SFI 0', '00010100'],
    ['SFI 31', 'F8010100'],
    ['low bits of byte 1 set', '09010100'],
    ['first record 0', '08000100'],
    ['last before first', '08020100'],
    ['more ODA records than records', '08010203'],
  ])('rejects %s', (_what, hex) => {
    expectHcardError(() => parseAfl(fromHex(hex)), 'HCARD_E_BANK_DATA_INVALID');
  });
});
