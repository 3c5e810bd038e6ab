/**
 * Building SourceRows the same way for every format: every field present (empty when the file
 * has no such column or the cell is empty), values trimmed (String.prototype.trim removes
 * U+3000 ideographic spaces and a stray U+FEFF too), and rows whose enrolment fields are all
 * empty skipped. Row numbers count data records after the header, blank ones included, so a
 * row keeps its number in every format and matches its place in the sheet (sheet row − 1).
 */
import type { EnrolmentField, SourceRow } from '../model.js';

export type RowValues = Record<EnrolmentField, string>;

/** A fresh values object with every field, in a fixed shape (fast property access). */
export function emptyValues(): RowValues {
  return {
    name: '',
    sex: '',
    ethnicity: '',
    birthDate: '',
    idNumber: '',
    phone: '',
    address: '',
    ruralInsuranceNumber: '',
    township: '',
    village: '',
  };
}

export function isBlank(values: RowValues): boolean {
  for (const key in values) if (values[key as EnrolmentField] !== '') return false;
  return true;
}

/** Collects rows into chunks of `size`. */
export class Chunker {
  private rows: SourceRow[] = [];
  constructor(private readonly size: number) {}

  /** Adds a row; returns a full chunk when there is one. */
  push(row: SourceRow): SourceRow[] | undefined {
    this.rows.push(row);
    if (this.rows.length < this.size) return undefined;
    const full = this.rows;
    this.rows = [];
    return full;
  }

  /** What is left at the end (possibly empty). */
  rest(): SourceRow[] {
    const rest = this.rows;
    this.rows = [];
    return rest;
  }
}
