/** Chip images: built from one resident, loaded back as a chip (JSON round trip), and refused when wrong. */
import { describe, expect, it } from 'vitest';
import { generateCard } from '../images/build-image.js';
import { generateResident } from '../synthetic/resident.js';
import {
  BANK_ONLY_ATR,
  buildChipImage,
  chipApplications,
  generateChip,
  loadEmulatedChip,
} from './chip-image.js';

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('chip images', () => {
  it('builds the three applications from one resident; the health part is generateCard’s', () => {
    const built = generateChip(11);
    expect(chipApplications(built.image)).toEqual(['health', 'ssse', 'bank']);
    expect(built.image.health).toEqual(generateCard(11).image);
    expect(built.ssse!.holder).toMatchObject({
      name: built.resident.items.name,
      socialSecurityNumber: built.resident.items.idNumber,
    });
    const chip = loadEmulatedChip(roundTrip(built.image));
    expect(chip.applicationNames).toEqual(['health', 'ssse', 'bank']);
    expect(hex(chip.atr)).toBe(built.image.health!.atr.toUpperCase());
  });

  it('builds and loads single-application chips, and a plain health-card image is a health-only chip', () => {
    const resident = generateResident(12);
    const bankOnly = buildChipImage(resident, { apps: ['bank'] });
    expect(bankOnly.image.atr).toBe(BANK_ONLY_ATR);
    expect(loadEmulatedChip(roundTrip(bankOnly.image)).applicationNames).toEqual(['bank']);
    const ssseOnly = buildChipImage(resident, { apps: ['ssse'] });
    const ssseChip = loadEmulatedChip(roundTrip(ssseOnly.image));
    expect(ssseChip.applicationNames).toEqual(['ssse']);
    expect(hex(ssseChip.atr)).toBe(ssseOnly.image.ssse!.atr.toUpperCase());
    const plain = loadEmulatedChip(roundTrip(generateCard(12).image));
    expect(plain.applicationNames).toEqual(['health']);
    expect(chipApplications(generateCard(12).image)).toEqual(['health']);
  });

  it('refuses an unknown format, unknown field, an empty chip and a bad section, naming what is wrong', () => {
    const good = roundTrip(generateChip(13).image) as Record<string, unknown>;
    expect(() => loadEmulatedChip({ ...good, format: 'x' })).toThrow(/format must be hcard-chip-image\/1/);
    expect(() => loadEmulatedChip({ ...good, sse: {} })).toThrow(/unknown field sse/);
    expect(() => loadEmulatedChip({ format: 'hcard-chip-image/1' })).toThrow(/at least one application/);
    expect(() => loadEmulatedChip({ ...good, bank: { ...(good.bank as object), pan: 'nope' } })).toThrow(
      expect.objectContaining({ code: 'HCARD_E_BANK_IMAGE_INVALID' }),
    );
    expect(() => buildChipImage(generateResident(1), { apps: [] })).toThrow(/at least one application/);
    expect(() => buildChipImage(generateResident(1), { apps: ['pension' as 'bank'] })).toThrow(
      /unknown application pension/,
    );
  });
});
