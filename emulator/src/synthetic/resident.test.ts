import { countyCodes, lookupRegion, parseCitizenId } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from './photo.js';
import { DEFAULT_REFERENCE_DATE, generateResident, MAX_AGE, MEDICAL_FLAG_KEYS } from './resident.js';

/**
 * Strict GB2312 encoder for checks only (the real codec lives in card-core/src/codecs): every
 * 2-byte sequence with lead A1–A9 or B0–F7 and trail A1–FE, decoded as GBK, gives the map.
 */
const gb2312Bytes: ReadonlyMap<string, readonly [number, number]> = (() => {
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, readonly [number, number]>();
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    if (lead > 0xa9 && lead < 0xb0) continue;
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
})();

/** GB2312 bytes of text, or a thrown error naming the first character it cannot hold. */
function encodeGb2312(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) {
      out.push(code);
      continue;
    }
    const pair = gb2312Bytes.get(ch);
    if (!pair) throw new Error(`not GB2312: ${ch} (U+${code.toString(16)})`);
    out.push(...pair);
  }
  return Uint8Array.from(out);
}

/** ans items and their byte lengths (spec §4.2). */
const ANS_ITEMS: Record<string, number> = {
  cardType: 1,
  specVersion: 4,
  issuerName: 30,
  cardNumber: 18,
  chipSerial: 10,
  name: 30,
  idNumber: 18,
  phone1: 20,
  phone2: 20,
  address1: 100,
  address2: 100,
  contact1Name: 30,
  contact1Phone: 20,
  contact2Name: 30,
  contact2Phone: 20,
  contact3Name: 30,
  contact3Phone: 20,
  occupation: 3,
  documentNumber: 18,
  healthRecordNumber: 17,
  ruralInsuranceNumber: 18,
  otherMedicalAlert: 40,
};
/** cn items and their byte lengths: at most 2 digits per byte. */
const CN_ITEMS: Record<string, number> = {
  issuerCode: 11,
  issueDate: 4,
  expiryDate: 4,
  cityCode: 3,
  ethnicity: 1,
  birthDate: 4,
  paymentScheme1: 1,
  paymentScheme2: 1,
  paymentScheme3: 1,
  addressType1: 1,
  addressType2: 1,
  contact1Relation: 1,
  contact2Relation: 1,
  contact3Relation: 1,
  education: 1,
  maritalStatus: 1,
  documentType: 1,
  rhBloodGroup: 1,
};
/** b items, all 1 byte. */
const B_ITEMS = ['sex', 'aboBloodGroup', ...MEDICAL_FLAG_KEYS, 'psychiatricFlag'];

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-[2-8]\d{6,7}$/;

function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(4) >= from.slice(4) ? years : years - 1;
}

const residents = Array.from({ length: 200 }, (_, seed) => generateResident(seed));

describe('generateResident', () => {
  it('is deterministic for a seed', () => {
    expect(generateResident('synthetic-42')).toEqual(generateResident('synthetic-42'));
    expect(generateResident(7)).toEqual(residents[7]);
  });

  it('differs between seeds', () => {
    const ids = new Set(residents.map((r) => r.items['idNumber']));
    expect(ids.size).toBe(residents.length);
    const [a, b] = [generateResident('a'), generateResident('b')];
    expect(a.items['idNumber']).not.toBe(b.items['idNumber']);
    expect(a.photo).not.toEqual(b.photo);
  });

  it('fills exactly the expected items and leaves the certificate and security code to the image builder', () => {
    const expected = [...Object.keys(ANS_ITEMS), ...Object.keys(CN_ITEMS), ...B_ITEMS].sort();
    for (const r of residents) expect(Object.keys(r.items).sort()).toEqual(expected);
    expect(residents[0]!.items).not.toHaveProperty('issuerCertificate');
    expect(residents[0]!.items).not.toHaveProperty('securityCode');
  });

  it('issues valid ID numbers with a real county and consistent sex and birth date', () => {
    const counties = new Set(countyCodes());
    for (const { items } of residents) {
      const id = parseCitizenId(items['idNumber']!, { today: DEFAULT_REFERENCE_DATE });
      expect(counties.has(id.regionCode)).toBe(true);
      expect(items['birthDate']).toBe(id.birthDate);
      expect(items['sex']).toBe(id.sex === 'male' ? '01' : '02');
      const age = yearsBetween(id.birthDate, DEFAULT_REFERENCE_DATE);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(MAX_AGE);
      expect(items['cardNumber']).toBe(items['idNumber']);
      expect(items['documentNumber']).toBe(items['idNumber']);
      expect(items['ruralInsuranceNumber']).toBe(items['idNumber']);
      expect(items['cityCode']).toBe(`${id.regionCode.slice(0, 4)}00`);
      expect(lookupRegion(items['cityCode']!)?.known).toBe(true);
      expect(items['healthRecordNumber']!.slice(0, 6)).toBe(id.regionCode);
    }
  });

  it('writes every ans item as GB2312 within its byte length', () => {
    for (const r of residents) {
      for (const [key, length] of Object.entries(ANS_ITEMS)) {
        const bytes = encodeGb2312(r.items[key]!);
        expect(bytes.length, `${key} = ${r.items[key]}`).toBeLessThanOrEqual(length);
      }
      for (const { substance, reaction } of r.allergies) {
        expect(encodeGb2312(substance).length).toBeLessThanOrEqual(20);
        expect(encodeGb2312(reaction).length).toBeLessThanOrEqual(100);
      }
      for (const { name } of r.immunisations) expect(encodeGb2312(name).length).toBeLessThanOrEqual(20);
    }
  });

  it('writes cn items as digit strings and b items as one uppercase hex byte', () => {
    for (const { items } of residents) {
      for (const [key, length] of Object.entries(CN_ITEMS)) {
        expect(items[key], key).toMatch(/^\d+$/);
        expect(items[key]!.length, key).toBeLessThanOrEqual(2 * length);
      }
      for (const key of B_ITEMS) expect(items[key], key).toMatch(/^[0-9A-F]{2}$/);
    }
  });

  it('uses the fixed-format items the spec and code tables allow', () => {
    for (const { items } of residents) {
      expect(items['cardType']).toBe('1');
      expect(items['specVersion']).toBe('1.00');
      expect(items['issuerName']).toMatch(/(卫生健康委员会|卫健委)$/);
      expect(items['issuerCode']).toMatch(/^\d{22}$/);
      expect(items['chipSerial']).toMatch(/^[0-9A-Z]{10}$/);
      expect(items['ethnicity']).toMatch(/^(0[1-9]|[1-4]\d|5[0-6])$/);
      expect(items['documentType']).toBe('01');
      expect(items['healthRecordNumber']).toMatch(/^\d{17}$/);
      expect(items['addressType1']).toBe('1');
      expect(items['addressType2']).toBe('2');
      expect(['01', '02', '03', '04', '05']).toContain(items['aboBloodGroup']);
      expect(['1', '2', '3']).toContain(items['rhBloodGroup']);
      expect(['1', '2', '3', '4', '5', '6', '7', '8', '9']).toContain(items['education']);
      expect(['0', '1', '3', '4', '5', '6', 'X', 'Y']).toContain(items['occupation']);
      for (const key of [...MEDICAL_FLAG_KEYS, 'psychiatricFlag']) expect(['00', '01']).toContain(items[key]);
      const schemes = [items['paymentScheme1'], items['paymentScheme2'], items['paymentScheme3']];
      for (const s of schemes) expect(['1', '2', '3', '4', '5', '6', '7', '8']).toContain(s);
      expect(new Set(schemes).size).toBe(3);
      for (const n of [1, 2, 3]) {
        expect(['1', '2', '3', '5', '7', '8']).toContain(items[`contact${n}Relation`]);
        expect(items[`contact${n}Name`]).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      }
    }
  });

  it('keeps marital status consistent with age', () => {
    for (const { items } of residents) {
      expect(['10', '20', '30', '40', '90']).toContain(items['maritalStatus']);
      const age = yearsBetween(items['birthDate']!, DEFAULT_REFERENCE_DATE);
      if (age < 20) expect(items['maritalStatus']).toBe('10');
    }
  });

  it('writes phone numbers as mobiles or landlines', () => {
    let landlines = 0;
    for (const { items } of residents) {
      expect(items['phone1']).toMatch(MOBILE);
      if (items['phone2'] !== '')
        expect(items['phone2']).toMatch(new RegExp(`${MOBILE.source}|${LANDLINE.source}`));
      if (LANDLINE.test(items['phone2']!)) landlines++;
      for (const n of [1, 2, 3]) expect(items[`contact${n}Phone`]).toMatch(MOBILE);
    }
    expect(landlines).toBeGreaterThan(10);
  });

  it('keeps card dates in order: birth ≤ issue ≤ reference date < expiry', () => {
    for (const { items } of residents) {
      expect(items['issueDate']! >= items['birthDate']!).toBe(true);
      expect(items['issueDate']! <= DEFAULT_REFERENCE_DATE).toBe(true);
      expect(items['expiryDate']! > DEFAULT_REFERENCE_DATE).toBe(true);
      expect(Number(items['expiryDate']!.slice(0, 4)) - Number(items['issueDate']!.slice(0, 4))).toBe(10);
    }
  });

  it('starts the address with the province, city and county of the ID region', () => {
    for (const { items } of residents) {
      const region = lookupRegion(items['idNumber']!.slice(0, 6))!;
      const prefix = region.province + (region.city ?? '') + region.county;
      expect(items['address1']!.startsWith(prefix)).toBe(true);
      expect(items['address2']!.startsWith(prefix)).toBe(true);
    }
  });

  it('lists 0–3 allergies and 0–10 immunisations dated between birth and the reference date', () => {
    for (const r of residents) {
      expect(r.allergies.length).toBeLessThanOrEqual(3);
      expect(r.immunisations.length).toBeLessThanOrEqual(10);
      const dates = r.immunisations.map((i) => i.date);
      expect([...dates].sort()).toEqual(dates);
      for (const date of dates) {
        expect(date >= r.items['birthDate']!).toBe(true);
        expect(date <= DEFAULT_REFERENCE_DATE).toBe(true);
      }
    }
    expect(residents.some((r) => r.allergies.length > 0)).toBe(true);
    expect(residents.some((r) => r.immunisations.length > 0)).toBe(true);
  });

  it('attaches a JPEG photo that fits the card', () => {
    for (const { photo } of residents) {
      expect(photo.length).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
      expect([photo[0], photo[1]]).toEqual([0xff, 0xd8]);
    }
  });

  it('honours the reference date and region prefix options', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { items } = generateResident(seed, { referenceDate: '20150301', regionPrefix: '4101' });
      expect(items['idNumber']!.startsWith('4101')).toBe(true);
      expect(items['cityCode']).toBe('410100');
      expect(items['issuerName']).toBe('郑州市卫生健康委员会');
      expect(items['birthDate']! <= '20150301').toBe(true);
      expect(items['issueDate']! <= '20150301').toBe(true);
    }
    expect(() => generateResident(1, { regionPrefix: '99' })).toThrow(/regionPrefix/);
    expect(() => generateResident(1, { referenceDate: '20230229' })).toThrow(/referenceDate/);
  });
});
