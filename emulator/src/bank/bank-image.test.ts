/** Bank image validation: every field checked, errors name the field and never its value. */
import { type ErrorCode, HcardError } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateResident } from '../synthetic/resident.js';
import { type BankImage, validateBankImage } from './bank-image.js';
import { buildBankImage } from './build-bank-image.js';

const valid: BankImage = buildBankImage(generateResident(31));

function rejection(value: unknown): HcardError {
  try {
    validateBankImage(value);
  } catch (e) {
    expect(e).toBeInstanceOf(HcardError);
    expect((e as HcardError).code).toBe('HCARD_E_BANK_IMAGE_INVALID' satisfies ErrorCode);
    return e as HcardError;
  }
  throw new Error('the image was accepted');
}

const without = (key: keyof BankImage) => {
  const { [key]: _dropped, ...rest } = valid;
  return rest;
};

describe('validateBankImage', () => {
  it('accepts what the builder makes, and a JSON round trip of it', () => {
    expect(validateBankImage(valid)).toBe(valid);
    expect(validateBankImage(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });

  it.each([
    ['format', { ...valid, format: 'hcard-card-image/1' }],
    ['aid', { ...valid, aid: 'A0000003' }],
    ['aid', { ...valid, aid: 'XYZ' }],
    ['label', { ...valid, label: '银联借记卡' }],
    ['priority', { ...valid, priority: 0 }],
    ['pse', { ...valid, pse: 'yes' }],
    ['pdol', { ...valid, pdol: '9F' }],
    ['gpoFormat', { ...valid, gpoFormat: 3 }],
    ['aip', { ...valid, aip: '7C' }],
    ['pan', { ...valid, pan: '62199901234' }],
    ['pan', { ...valid, pan: 12345678901234 }],
    ['panSequence', { ...valid, panSequence: 100 }],
    ['effectiveDate', { ...valid, effectiveDate: '240231' }],
    ['expiryDate', { ...valid, expiryDate: '2406' }],
    ['serviceCode', { ...valid, serviceCode: '22' }],
    ['track2Discretionary', { ...valid, track2Discretionary: '1234567890123' }],
    ['track2Discretionary', { ...valid, track2Discretionary: '12a' }],
    ['holderName', { ...valid, holderName: '' }],
    ['holderName', { ...valid, holderName: '司马'.repeat(7) }],
    ['holderName', { ...valid, holderName: '😀' }],
    ['holderIdNumber', { ...valid, holderIdNumber: '110105-1949' }],
    ['holderIdType', { ...valid, holderIdType: '0000' }],
    ['atc', { ...valid, atc: 65536 }],
    ['pinTriesLeft', { ...valid, pinTriesLeft: -1 }],
    ['aid', without('aid')],
    ['gpoFormat', without('gpoFormat')],
    ['"colour"', { ...valid, colour: 'gold' }],
  ])('names %s', (field, image) => {
    const e = rejection(image);
    expect(e.details).toEqual({ field });
    expect(e.message).toContain(field);
    // Messages never repeat the card's values.
    expect(e.message).not.toContain(valid.pan);
    expect(e.message).not.toContain(valid.holderName!);
  });

  it('needs an ID number for an ID type, and rejects what is not an object', () => {
    expect(rejection({ ...without('holderIdNumber') }).details).toEqual({ field: 'holderIdType' });
    expect(rejection([]).details).toEqual({ field: '' });
    expect(rejection(null).details).toEqual({ field: '' });
  });
});
