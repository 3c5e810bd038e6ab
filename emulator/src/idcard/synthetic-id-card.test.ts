import { gb11643CheckDigit } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateResident } from '../synthetic/resident.js';
import { generateIdCard } from './synthetic-id-card.js';
import { encodeTextBlock, ID_CARD_KINDS } from './text-block.js';

const utf16At = (block: Uint8Array, offset: number, bytes: number) =>
  new TextDecoder('utf-16le').decode(block.subarray(offset, offset + bytes)).trimEnd();

const checkDigitOk = (id: string) => gb11643CheckDigit(id.slice(0, 17)) === id[17];

describe('generateIdCard', () => {
  it('makes the resident ID card of a seed the same person as its health card', () => {
    for (const seed of [1, 7, 'desk']) {
      const person = generateResident(seed).items;
      const card = generateIdCard(seed);
      expect(card.fields).toMatchObject({
        name: person.name,
        sex: String(Number(person.sex)),
        ethnicity: person.ethnicity,
        birthDate: person.birthDate,
        idNumber: person.idNumber,
        address: person.address1!.slice(0, 35),
      });
    }
  });

  it('lays the resident fields out at the offsets of spec C.6 (ID number at 122, flag space at 248)', () => {
    const card = generateIdCard(7);
    expect(utf16At(card.text, 0, 30)).toBe(card.fields.name);
    expect(utf16At(card.text, 122, 36)).toBe(card.fields.idNumber);
    expect(utf16At(card.text, 204, 16)).toBe(card.fields.validTo);
    expect([card.text[248], card.text[249]]).toEqual([0x20, 0x00]);
    expect(card.text.length).toBe(256);
    expect(card.photo.length).toBe(1024);
  });

  it('truncates an address longer than 35 characters and says so', () => {
    const long = Array.from({ length: 300 }, (_, s) => s).find(
      (s) => generateResident(s).items.address1!.length > 35,
    );
    const card = generateIdCard(long!);
    expect(card.addressTruncated).toBe(true);
    expect(card.fields.address).toHaveLength(35);
    expect(generateIdCard(7).addressTruncated).toBe(generateResident(7).items.address1!.length > 35);
  });

  it('makes J, I and Y cards with their flags and well-formed numbers', () => {
    const j = generateIdCard(3, { kind: 'J' });
    expect(j.fields.idNumber).toMatch(/^8[123]0000\d{11}[\dX]$/);
    expect(checkDigitOk(j.fields.idNumber!)).toBe(true);
    expect(String.fromCharCode(j.text[248]!)).toBe('J');

    const i = generateIdCard(3, { kind: 'I' });
    expect(i.fields.permitNumber).toMatch(/^[A-Z]{3}\d{12}$/);
    expect(i.fields.nationality).toBe(i.fields.permitNumber!.slice(0, 3));
    expect(String.fromCharCode(i.text[248]!)).toBe('I');

    const y = generateIdCard(3, { kind: 'Y' });
    expect(y.fields.idNumber).toMatch(/^9\d{16}[\dX]$/);
    expect(checkDigitOk(y.fields.idNumber!)).toBe(true);
    expect(String.fromCharCode(y.text[248]!)).toBe('Y');
  });

  it('is deterministic per seed and kind', () => {
    for (const kind of ID_CARD_KINDS)
      expect(generateIdCard(11, { kind })).toEqual(generateIdCard(11, { kind }));
  });

  it('refuses a value longer than its field', () => {
    expect(() => encodeTextBlock('resident', { sex: '12' })).toThrowError(
      expect.objectContaining({ code: 'HCARD_E_ARG_INVALID' }),
    );
  });
});
