/**
 * The 身份证号 column against GB 11643-1999, rule by rule in the order the reject reasons take
 * precedence: format → check character → region (ever in GB/T 2260) → birth date.
 * Messages carry the masked number only (card-core's maskIdNumber).
 */
import { gb11643CheckDigit, isCalendarDate, maskIdNumber } from '@hcard/card-core';
import type { RejectReason } from '../model.js';
import { fieldLabel } from './field-labels.js';
import { isKnownRegionCode } from './region-codes.js';

/** Oldest birth year accepted (as card-core's parseCitizenId): earlier is a typo, not a holder. */
export const EARLIEST_BIRTH_YEAR = 1850;

const ID_PATTERN = /^\d{17}[\dXx]$/;
const LABEL = fieldLabel('idNumber');

export interface CheckedId {
  readonly ok: true;
  /** Upper-case X. */
  readonly id: string;
  /** YYYYMMDD. */
  readonly birthDate: string;
  readonly male: boolean;
}

export interface IdProblem {
  readonly ok: false;
  readonly reason: RejectReason;
  readonly message: string;
}

/** `today` is YYYYMMDD (China time); a birth date after it is impossible. */
export function checkIdNumber(raw: string, today: string): CheckedId | IdProblem {
  if (!ID_PATTERN.test(raw)) return problem('ID_FORMAT', formatMessage(raw));
  const id = raw.charCodeAt(17) === 0x78 ? `${raw.slice(0, 17)}X` : raw;
  // Masked only when a message needs it: masking every valid number costs more than checking it.
  const label = () => `${LABEL} ${maskIdNumber(id)}`;
  const expected = gb11643CheckDigit(id.slice(0, 17));
  if (expected !== id[17]) {
    return problem(
      'ID_CHECKSUM',
      `${label()}: the check character is ${id[17]}, the first 17 digits give ${expected}`,
    );
  }
  const region = id.slice(0, 6);
  if (!isKnownRegionCode(Number(region))) {
    return problem('ID_REGION_UNKNOWN', `${label()}: region code ${region} was never a GB/T 2260 code`);
  }
  const birthDate = id.slice(6, 14);
  if (!isCalendarDate(birthDate)) {
    return problem('ID_BIRTHDATE', `${label()}: its birth date (digits 7–14) is not a real day`);
  }
  if (Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    return problem('ID_BIRTHDATE', `${label()}: its birth year is before ${EARLIEST_BIRTH_YEAR}`);
  }
  if (birthDate > today) return problem('ID_BIRTHDATE', `${label()}: its birth date is in the future`);
  return { ok: true, id, birthDate, male: (id.charCodeAt(16) & 1) === 1 };
}

function formatMessage(raw: string): string {
  const masked = maskIdNumber(raw);
  if (/^\d{15}$/.test(raw)) {
    return `${LABEL} ${masked} is a 15-digit first-generation number; the card needs the 18-character number`;
  }
  if (raw.length !== 18) {
    return `${LABEL} ${masked} has ${Array.from(raw).length} characters; expected 17 digits and a check character (0–9 or X)`;
  }
  return `${LABEL} ${masked} has a character other than digits (and a final X)`;
}

function problem(reason: RejectReason, message: string): IdProblem {
  return { ok: false, reason, message };
}
