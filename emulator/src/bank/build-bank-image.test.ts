/** The bank image builder: synthetic PAN, the resident's identity, the options (spec B.1–B.4). */
import { isLuhnValid } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateResident } from '../synthetic/resident.js';
import { track2Of } from './bank-layout.js';
import { buildBankImage, PBOC_PDOL, SYNTHETIC_BIN, syntheticPan } from './build-bank-image.js';

const resident = generateResident(21);

describe('buildBankImage', () => {
  it('makes a 19-digit UnionPay PAN under the synthetic BIN with a valid Luhn digit', () => {
    for (const seed of [1, 2, 'x', 'bank:y']) {
      const pan = syntheticPan(seed);
      expect(pan).toMatch(/^62\d{17}$/);
      expect(pan.startsWith(SYNTHETIC_BIN)).toBe(true);
      expect(isLuhnValid(pan)).toBe(true);
    }
    expect(syntheticPan(1)).not.toBe(syntheticPan(2));
  });

  it('is the same card for the same resident (derived from the ID number) or seed', () => {
    expect(buildBankImage(resident)).toEqual(buildBankImage(resident));
    expect(buildBankImage(resident, { seed: 5 }).pan).toBe(syntheticPan(5));
    expect(buildBankImage(resident).pan).not.toBe(buildBankImage(generateResident(22)).pan);
  });

  it("carries the resident's name (GBK text), ID number and the health card's dates", () => {
    const image = buildBankImage(resident);
    expect(image).toMatchObject({
      aid: 'A000000333010101',
      label: 'PBOC DEBIT',
      holderName: resident.items.name,
      holderIdNumber: resident.items.idNumber,
      holderIdType: '00',
      effectiveDate: resident.items.issueDate!.slice(2),
      expiryDate: resident.items.expiryDate!.slice(2),
      pdol: PBOC_PDOL,
      gpoFormat: 1,
      pse: true,
    });
  });

  it('builds track 2 as PAN D YYMM service code and discretionary data (spec B.4)', () => {
    const image = buildBankImage(resident);
    expect(Buffer.from(track2Of(image)).toString('hex').toUpperCase()).toBe(
      `${image.pan}D${image.expiryDate.slice(0, 4)}${image.serviceCode}${image.track2Discretionary}`,
    );
    expect(track2Of(image).length).toBeLessThanOrEqual(19);
  });

  it('follows the options: AID, no PDOL, format 2, no PSE, other holder, no name', () => {
    const image = buildBankImage(resident, {
      aid: 'a000000333010106',
      pdol: false,
      gpoFormat: 2,
      pse: false,
      holderName: 'ZHANG/SAN',
      holderIdNumber: '11010519491231002X',
    });
    expect(image).toMatchObject({
      aid: 'A000000333010106',
      label: 'PBOC ECASH',
      gpoFormat: 2,
      pse: false,
      holderName: 'ZHANG/SAN',
      holderIdNumber: '11010519491231002X',
    });
    expect(image.pdol).toBeUndefined();
    const anonymous = buildBankImage(resident, { holderName: '', holderIdNumber: '' });
    expect([anonymous.holderName, anonymous.holderIdNumber, anonymous.holderIdType]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('makes an expired card end 1–24 months before the reference date, at a month end', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { expiryDate, effectiveDate } = buildBankImage(resident, {
        seed,
        expired: true,
        referenceDate: '20240615',
      });
      expect(expiryDate < '240601').toBe(true);
      expect(expiryDate >= '220531').toBe(true);
      expect(effectiveDate < expiryDate).toBe(true);
    }
    expect(
      buildBankImage(resident, { expired: true, referenceDate: '20240315', seed: 9 }).expiryDate,
    ).toMatch(/^(2[2-4])(0[1-9]|1[0-2])(28|29|30|31)$/);
  });

  it('refuses an AID that is not UnionPay and a bad reference date', () => {
    expect(() => buildBankImage(resident, { aid: 'A0000000031010' })).toThrow(/not a UnionPay AID/);
    expect(() => buildBankImage(resident, { referenceDate: '20241301' })).toThrow(/YYYYMMDD/);
  });
});
