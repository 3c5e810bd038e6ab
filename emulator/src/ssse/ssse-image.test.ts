import { encodeSsseRecord, ssseItem, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateResident } from '../synthetic/resident.js';
import { buildSsseImage } from './build-ssse-image.js';
import { type SsseImage, validateSsseImage } from './ssse-image.js';

const image = (generation: '1.00' | '2.00' | '3.00' = '3.00') =>
  buildSsseImage(generateResident(3), { generation }).image as unknown as Record<string, unknown>;

function fails(value: unknown): string {
  try {
    validateSsseImage(value);
  } catch (e) {
    expect((e as { code: string }).code).toBe('HCARD_E_IMAGE_INVALID');
    return (e as Error).message;
  }
  throw new Error('expected HCARD_E_IMAGE_INVALID');
}

const withFiles = (base: Record<string, unknown>, file: 'EF05' | 'EF06', records: string[]) => ({
  ...base,
  files: { ...(base.files as object), [file]: records },
});

describe('validateSsseImage', () => {
  it.each(['1.00', '2.00', '3.00'] as const)(
    'accepts a built %s image and returns its records',
    (generation) => {
      const { records } = validateSsseImage(image(generation));
      expect(records.get('EF05')).toHaveLength(7);
      expect(records.get('EF06')).toHaveLength(generation === '1.00' ? 6 : 7);
    },
  );

  it.each([
    ['not an object', 'x', 'must be an SSSE image'],
    ['another format', { ...image(), format: 'hcard-card-image/1' }, 'format must be hcard-ssse-image/1'],
    ['an unknown field', { ...image(), colour: 'blue' }, 'colour is not a field'],
    [
      'an unknown generation',
      { ...image(), generation: '4.00' },
      'generation must be one of 1.00, 2.00, 3.00',
    ],
    ['a bad ATR', { ...image(), atr: '3B' }, 'atr has 1 bytes, expected 2–33'],
    ['an algorithm on a 2.00 card', { ...image('2.00'), algorithm: 3 }, 'algorithm is only for 3.00 cards'],
    ['keys on a 1.00 card', { ...image('1.00'), keys: image().keys }, 'keys are only for 3.00 cards'],
    ['no keys on a 3.00 card', { ...image(), keys: undefined }, 'keys is missing'],
    [
      'a short key',
      { ...image(), keys: { ...(image().keys as object), IKSSSE: { value: '00' } } },
      'keys.IKSSSE.value has 1 bytes',
    ],
  ])('rejects %s, naming the field', (_what, value, message) => {
    expect(fails(value)).toContain(message);
  });

  it('rejects remaining above tries', () => {
    const img = image();
    const keys = img.keys as SsseImage['keys'] & object;
    expect(fails({ ...img, keys: { ...keys, RKSSSE: { ...keys.RKSSSE, remaining: 16 } } })).toContain(
      'keys.RKSSSE.remaining must be an integer 0–15',
    );
  });

  it('rejects 姓名扩展 on a 1.00 card, naming the record', () => {
    const img = image('1.00');
    const ef06 = [...((img.files as Record<string, string[]>).EF06 ?? [])];
    ef06.splice(2, 0, toHex(encodeSsseRecord(ssseItem('nameExtension'), '')));
    expect(fails(withFiles(img, 'EF06', ef06))).toContain(
      'files.EF06[2] has tag 4E, not a record of EF06 on 1.00 cards',
    );
  });

  it('rejects a repeated tag, a missing record, a wrong length, bad hex and a mismatching 规范版本', () => {
    const img = image('2.00');
    const ef05 = (img.files as Record<string, string[]>).EF05!;
    expect(fails(withFiles(img, 'EF05', [...ef05, ef05[0]!]))).toContain('files.EF05[7] repeats tag 01');
    expect(fails(withFiles(img, 'EF05', ef05.slice(1)))).toContain(
      'files.EF05 lacks the cardIdCode record (tag 01)',
    );
    expect(fails(withFiles(img, 'EF05', ['02023131', ...ef05.slice(0, 1), ...ef05.slice(2)]))).toContain(
      'files.EF05[0] (cardType) has 2 bytes, expected 1',
    );
    expect(fails(withFiles(img, 'EF05', ['ZZ', ...ef05.slice(1)]))).toContain(
      'files.EF05[0] must be a hex string',
    );
    const v3 = toHex(encodeSsseRecord(ssseItem('specVersion'), '3.00'));
    expect(
      fails(
        withFiles(
          img,
          'EF05',
          ef05.map((r) => (r.startsWith('03') ? v3 : r)),
        ),
      ),
    ).toContain('规范版本 record other than generation 2.00');
  });

  it('never repeats record contents or key material in messages', () => {
    const img = image();
    const keys = img.keys as SsseImage['keys'] & object;
    const message = fails({
      ...img,
      keys: { ...keys, RKSSSE: { ...keys.RKSSSE, value: `${keys.RKSSSE.value}00` } },
    });
    expect(message).not.toContain(keys.RKSSSE.value);
  });
});
