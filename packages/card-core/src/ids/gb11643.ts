/**
 * GB 11643-1999 citizen ID numbers (公民身份号码): 6-digit region (GB/T 2260) + 8-digit birth
 * date + 3-digit sequence (odd for men, even for women) + ISO 7064 MOD 11-2 check character.
 *
 * Errors say which rule failed and never echo the number (architecture §7: no personal data).
 */
import { hcardError } from '../errors.js';
import { lookupRegion, provinceName } from './gb2260.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** Oldest birth year accepted; anything earlier is a typo, not a living card holder. */
const EARLIEST_BIRTH_YEAR = 1850;

export type CitizenIdRule = 'format' | 'province' | 'birthDate' | 'checkDigit';

export interface CitizenId {
  /** The number with a lowercase 'x' normalised to 'X'. */
  readonly id: string;
  readonly regionCode: string;
  /** Whether the full region code is in the GB/T 2260 data (retired codes occur on real cards). */
  readonly regionKnown: boolean;
  /** YYYYMMDD. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  /** The 3-digit sequence (order code), digits 15–17. */
  readonly sequence: string;
  readonly checkDigit: string;
}

export interface CitizenIdOptions {
  /** YYYYMMDD that birth dates may not exceed; defaults to today in China (UTC+8). */
  readonly today?: string;
}

/** The check character ('0'–'9' or 'X') for the first 17 digits. */
export function gb11643CheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw hcardError('HCARD_E_ID_INVALID', 'the check digit needs exactly 17 digits', { rule: 'format' });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Parses and validates an 18-character citizen ID; throws HCARD_E_ID_INVALID naming the rule. */
export function parseCitizenId(id: string, options: CitizenIdOptions = {}): CitizenId {
  if (!/^\d{17}[\dXx]$/.test(id)) {
    fail('format', 'expected 17 digits followed by a digit or X', { length: id.length });
  }
  const normalised = id.toUpperCase();
  const regionCode = normalised.slice(0, 6);
  if (provinceName(regionCode.slice(0, 2)) === undefined) {
    fail('province', 'the first two digits are not a GB/T 2260 province');
  }
  const birthDate = normalised.slice(6, 14);
  if (!isCalendarDate(birthDate)) fail('birthDate', 'the birth date does not exist');
  if (Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    fail('birthDate', `the birth year is before ${EARLIEST_BIRTH_YEAR}`);
  }
  if (birthDate > (options.today ?? chinaToday())) fail('birthDate', 'the birth date is in the future');
  const checkDigit = normalised[17]!;
  if (gb11643CheckDigit(normalised.slice(0, 17)) !== checkDigit) {
    fail('checkDigit', 'the check character does not match');
  }
  const sequence = normalised.slice(14, 17);
  return {
    id: normalised,
    regionCode,
    regionKnown: lookupRegion(regionCode)?.known ?? false,
    birthDate,
    sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
    sequence,
    checkDigit,
  };
}

export function isValidCitizenId(id: string, options: CitizenIdOptions = {}): boolean {
  try {
    parseCitizenId(id, options);
    return true;
  } catch {
    return false;
  }
}

function fail(rule: CitizenIdRule, detail: string, extra: Record<string, unknown> = {}): never {
  throw hcardError('HCARD_E_ID_INVALID', detail, { rule, ...extra });
}

/** YYYYMMDD naming a real Gregorian day. */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Today's date in China (UTC+8, no DST), as YYYYMMDD, so a newborn is never "in the future". */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
