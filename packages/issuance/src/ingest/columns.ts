/**
 * Which column (CSV/XLSX) or key (JSONL) holds which field: the mapping file's header, else the
 * default Chinese header (DEFAULT_COLUMNS), and the English field name too. Extra columns are
 * ignored; a header without a required field is a catalogue error naming the missing headers.
 */
import { DEFAULT_COLUMNS, ENROLMENT_FIELDS, type EnrolmentField, REQUIRED_FIELDS } from '../model.js';
import { columnsMissingError, inputMalformedError } from './errors.js';
import type { MappingFile } from './mapping.js';

/** header text → field, for every spelling a field's column may have. */
export function headerLookup(mapping: MappingFile | undefined): ReadonlyMap<string, EnrolmentField> {
  const map = new Map<string, EnrolmentField>();
  const mapped = mapping?.columns ?? {};
  // A mapped field answers to its mapped header only; the others to the default and English names.
  for (const field of ENROLMENT_FIELDS) {
    if (mapped[field] !== undefined) continue;
    map.set(field, field);
    map.set(DEFAULT_COLUMNS[field], field);
  }
  // The mapping wins over a default header of another field with the same text.
  for (const [field, header] of Object.entries(mapped)) map.set(header.trim(), field as EnrolmentField);
  return map;
}

/** The header every message names for a field: the mapped one, else the default. */
export function expectedHeader(field: EnrolmentField, mapping: MappingFile | undefined): string {
  return mapping?.columns[field]?.trim() || DEFAULT_COLUMNS[field];
}

/** A field per column index (`undefined` for ignored columns); throws when required ones lack a column. */
export function resolveColumns(
  header: readonly string[],
  mapping: MappingFile | undefined,
): (EnrolmentField | undefined)[] {
  const lookup = headerLookup(mapping);
  const seen = new Set<EnrolmentField>();
  const fields = header.map((cell) => {
    const field = lookup.get(cell.trim());
    if (field === undefined) return undefined;
    if (seen.has(field)) {
      throw inputMalformedError(`two columns hold ${expectedHeader(field, mapping)} (${field})`, { field });
    }
    seen.add(field);
    return field;
  });
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => expectedHeader(f, mapping)).join(', ');
    throw columnsMissingError(`the header has no column ${names}`);
  }
  return fields;
}
