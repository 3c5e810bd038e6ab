/**
 * The vocabulary of batch issuance, shared by every stage: the enrolment fields, the reasons a
 * row is rejected, the states a row moves through. Tables, not code.
 */

/** The enrolment sheet's fields, in the sheet's column order. */
export const ENROLMENT_FIELDS = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'phone',
  'address',
  'ruralInsuranceNumber',
  'township',
  'village',
] as const;
export type EnrolmentField = (typeof ENROLMENT_FIELDS)[number];

/** Default column headers: the enrolment sheet's Chinese headers. A mapping file renames them. */
export const DEFAULT_COLUMNS: Readonly<Record<EnrolmentField, string>> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '联系电话',
  address: '住址',
  ruralInsuranceNumber: '新农合号',
  township: '乡镇',
  village: '村',
};

/** Fields a row must have; the others may be empty. */
export const REQUIRED_FIELDS: readonly EnrolmentField[] = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
];

/** One input row as read: trimmed text per field, before validation. */
export interface SourceRow {
  /** 1-based number of the data row in the input (the header is not counted). */
  readonly rowNumber: number;
  readonly values: Readonly<Partial<Record<EnrolmentField, string>>>;
}

/** Why a row is rejected: one code per rejected row (README lists them). */
export const REJECT_REASONS = {
  ID_FORMAT: 'The ID number is not 17 digits and a check character',
  ID_CHECKSUM: 'The ID number’s check character is wrong',
  ID_BIRTHDATE: 'The birth date is impossible, or differs from the ID number’s',
  ID_SEX_MISMATCH: 'The sex differs from the ID number’s',
  ID_REGION_UNKNOWN: 'The ID number’s region code was never a GB/T 2260 code',
  FIELD_MISSING: 'A required field is empty',
  FIELD_TOO_LONG: 'A field is longer than the card stores',
  CHAR_NOT_ENCODABLE: 'A character cannot be stored on the card',
  PHONE_INVALID: 'The phone number is not a mainland mobile or landline number',
  ETHNICITY_UNKNOWN: 'The ethnicity is not one of GB/T 3304’s',
  PHOTO_MISSING: 'No photo for this ID number in the photo folder',
  PHOTO_UNDECODABLE: 'The photo cannot be decoded',
  DUPLICATE_IN_BATCH: 'An earlier row of this batch has the same ID number',
  DUPLICATE_ISSUED: 'The ID number is already in an earlier batch',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export interface Rejection {
  readonly reason: RejectReason;
  /** Readable, names the field (and the character, for characters). Never the full ID number. */
  readonly message: string;
  readonly field?: EnrolmentField;
}

/** States of an input row. Every row is in exactly one. */
export const ROW_STATES = ['pending', 'prepared', 'encoding', 'issued', 'spoiled', 'rejected'] as const;
export type RowState = (typeof ROW_STATES)[number];

/** A row that passed validation, normalised for the card (codes, dates as YYYYMMDD). */
export interface EnrolledPerson {
  readonly rowNumber: number;
  readonly name: string;
  /** Item 12's code (GB/T 2261.1 as a byte in hex): '01' male, '02' female. */
  readonly sex: string;
  /** GB/T 3304 two-digit code ('01' 汉族 …). */
  readonly ethnicity: string;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly ruralInsuranceNumber: string;
  readonly township: string;
  readonly village: string;
}
