/**
 * validatePerson: one enrolment row → a normalised person for the card, or one rejection.
 * Pure and allocation-light: it runs once per row of a million-row batch.
 *
 * Precedence (the first rule a row breaks is its one reason):
 *   FIELD_MISSING → ID_FORMAT → ID_CHECKSUM → ID_REGION_UNKNOWN → ID_BIRTHDATE → ID_SEX_MISMATCH
 *   → ETHNICITY_UNKNOWN → PHONE_INVALID → CHAR_NOT_ENCODABLE → FIELD_TOO_LONG
 * Within a rule, fields are checked in the sheet's column order.
 */
import { type AnsCharset, HEALTH_CARD_PROFILE, itemDef, maskIdNumber } from '@hcard/card-core';
import {
  type EnrolledPerson,
  type EnrolmentField,
  REQUIRED_FIELDS,
  type Rejection,
  type RejectReason,
  type SourceRow,
} from '../model.js';
import { DATE_FORMAT_NAMES, parseBirthDateColumn } from './birth-date.js';
import { countChars, describeChar, measureCardText } from './card-text.js';
import { ethnicityCode } from './ethnicity.js';
import { fieldLabel } from './field-labels.js';
import { checkIdNumber } from './id-number.js';
import { normalisePhone } from './phone.js';
import { parseSex, SEX_CODES, SEX_SPELLING_LIST } from './sex.js';

export interface ValidateOptions {
  /** YYYYMMDD that birth dates may not exceed; defaults to today in China (UTC+8). */
  readonly today?: string;
  /** The card's code page for text items: GBK (default) or strict GB 2312. */
  readonly charset?: AnsCharset;
}

/** Enrolment fields stored in ans items of the card, with the item that holds each. */
const CARD_TEXT_ITEMS: readonly (readonly [EnrolmentField, string])[] = [
  ['name', 'name'],
  ['phone', 'phone1'],
  ['address', 'address1'],
  ['ruralInsuranceNumber', 'ruralInsuranceNumber'],
];

/** Fields kept for the distribution lists only (not on the card): a limit in characters. */
const OFF_CARD_TEXT_LIMITS: readonly (readonly [EnrolmentField, number])[] = [
  ['township', 100],
  ['village', 100],
];

export type Validator = (row: SourceRow) => EnrolledPerson | Rejection;

export function isRejection(result: EnrolledPerson | Rejection): result is Rejection {
  return 'reason' in result;
}

/** Builds a validator with its options resolved once (tables, today, byte limits). */
export function createValidator(options: ValidateOptions = {}): Validator {
  const today = options.today ?? chinaToday();
  const charset = options.charset ?? 'gbk';
  const codePage = charset === 'gbk' ? 'GBK (code page 936)' : 'GB 2312';
  const cardItems = CARD_TEXT_ITEMS.map(([field, key]) => ({
    field,
    limit: itemDef(HEALTH_CARD_PROFILE, key).length,
  }));

  return (row) => {
    const v = row.values;
    if (!hasRequired(v)) {
      const missing = REQUIRED_FIELDS.filter((f) => !v[f]);
      const names = missing.map(fieldLabel).join(', ');
      return reject('FIELD_MISSING', `${names} ${missing.length === 1 ? 'is' : 'are'} empty`, missing[0]!);
    }
    const id = checkIdNumber(v.idNumber!, today);
    if (!id.ok) return reject(id.reason, id.message, 'idNumber');

    const column = v.birthDate!;
    if (column !== id.birthDate) {
      const parsed = parseBirthDateColumn(column);
      if ('problem' in parsed) {
        const why =
          parsed.problem === 'format'
            ? `is not a date (accepted: ${DATE_FORMAT_NAMES})`
            : 'is not a real day';
        return reject('ID_BIRTHDATE', `${fieldLabel('birthDate')} ${why}`, 'birthDate');
      }
      if (parsed.date !== id.birthDate) {
        return reject(
          'ID_BIRTHDATE',
          `${fieldLabel('birthDate')} differs from the birth date in ${fieldLabel('idNumber')} ${maskIdNumber(id.id)}`,
          'birthDate',
        );
      }
    }

    const sex = parseSex(v.sex!);
    if (sex === undefined) {
      return reject(
        'ID_SEX_MISMATCH',
        `${fieldLabel('sex')} '${short(v.sex!)}' is not one of ${SEX_SPELLING_LIST}`,
        'sex',
      );
    }
    if ((sex === 'male') !== id.male) {
      const idSex = id.male ? 'male (odd 17th digit)' : 'female (even 17th digit)';
      return reject(
        'ID_SEX_MISMATCH',
        `${fieldLabel('sex')} says ${sex}, ${fieldLabel('idNumber')} ${maskIdNumber(id.id)} says ${idSex}`,
        'sex',
      );
    }

    const ethnicity = ethnicityCode(v.ethnicity!);
    if (ethnicity === undefined) {
      return reject(
        'ETHNICITY_UNKNOWN',
        `${fieldLabel('ethnicity')} '${short(v.ethnicity!)}' is not a GB/T 3304 name (汉族 or 汉 …) or code 01–56`,
        'ethnicity',
      );
    }

    let phone = '';
    if (v.phone) {
      const normalised = normalisePhone(v.phone);
      if (normalised === undefined) {
        return reject(
          'PHONE_INVALID',
          `${fieldLabel('phone')} is neither a mainland mobile (1[3-9] + 9 digits) nor a landline (0 + area code, 7–8 digits)`,
          'phone',
        );
      }
      phone = normalised;
    }

    const person: EnrolledPerson = {
      rowNumber: row.rowNumber,
      name: v.name!,
      sex: SEX_CODES[sex],
      ethnicity,
      birthDate: id.birthDate,
      idNumber: id.id,
      phone,
      address: v.address ?? '',
      ruralInsuranceNumber: v.ruralInsuranceNumber ?? '',
      township: v.township ?? '',
      village: v.village ?? '',
    };

    // Every character first (CHAR_NOT_ENCODABLE outranks FIELD_TOO_LONG in any field).
    let tooLong: Rejection | undefined;
    for (const { field, limit } of cardItems) {
      const text = person[field as keyof EnrolledPerson] as string;
      if (text === '') continue;
      const check = measureCardText(text, charset);
      if (!check.ok) {
        return reject(
          'CHAR_NOT_ENCODABLE',
          `${fieldLabel(field)} has ${describeChar(check.char)} at character ${check.position}, which ${codePage} cannot store`,
          field,
        );
      }
      if (check.bytes > limit && tooLong === undefined) {
        tooLong = reject(
          'FIELD_TOO_LONG',
          `${fieldLabel(field)} takes ${check.bytes} bytes in ${codePage}; the card stores ${limit}`,
          field,
        );
      }
    }
    if (tooLong !== undefined) return tooLong;
    for (const [field, limit] of OFF_CARD_TEXT_LIMITS) {
      const chars = countChars(person[field as keyof EnrolledPerson] as string);
      if (chars > limit) {
        return reject(
          'FIELD_TOO_LONG',
          `${fieldLabel(field)} has ${chars} characters; at most ${limit}`,
          field,
        );
      }
    }
    return person;
  };
}

let defaultValidator: Validator | undefined;

/** Validates one row; with options, builds a validator first (prefer createValidator in loops). */
export function validatePerson(row: SourceRow, options?: ValidateOptions): EnrolledPerson | Rejection {
  if (options !== undefined) return createValidator(options)(row);
  defaultValidator ??= createValidator();
  return defaultValidator(row);
}

/** A loop, not filter(): no array per row on the happy path. */
function hasRequired(values: SourceRow['values']): boolean {
  for (let i = 0; i < REQUIRED_FIELDS.length; i++) if (!values[REQUIRED_FIELDS[i]!]) return false;
  return true;
}

function reject(reason: RejectReason, message: string, field: EnrolmentField): Rejection {
  return { reason, message, field };
}

/** Echoes short code-like values (性别, 民族) in messages; long ones are cut. */
function short(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 8 ? text : `${chars.slice(0, 8).join('')}…`;
}

/** Today's date in China (UTC+8, no DST), as YYYYMMDD. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
