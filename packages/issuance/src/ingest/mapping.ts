/**
 * Mapping files rename the sheet's columns: `{ "columns": { "<field>": "<header in the file>" } }`
 * with fields from ENROLMENT_FIELDS; fields it leaves out keep their default Chinese header.
 */
import { readFile } from 'node:fs/promises';
import { ENROLMENT_FIELDS, type EnrolmentField } from '../model.js';
import { mappingInvalidError } from './errors.js';

export interface MappingFile {
  readonly columns: Readonly<Partial<Record<EnrolmentField, string>>>;
}

const FIELD_SET: ReadonlySet<string> = new Set(ENROLMENT_FIELDS);

/** Checks a parsed mapping file; throws a catalogue error naming what is wrong. */
export function parseMapping(json: unknown): MappingFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw mappingInvalidError('the mapping file must be a JSON object with "columns"');
  }
  const columns = (json as { columns?: unknown }).columns;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    throw mappingInvalidError('"columns" must be an object of field → header');
  }
  const unknown = Object.keys(json).filter((k) => k !== 'columns');
  if (unknown.length > 0)
    throw mappingInvalidError(`unknown keys ${unknown.join(', ')}; only "columns" is read`);
  const seen = new Map<string, string>();
  for (const [field, header] of Object.entries(columns)) {
    if (!FIELD_SET.has(field)) {
      throw mappingInvalidError(`unknown field "${field}"; the fields are ${ENROLMENT_FIELDS.join(', ')}`);
    }
    if (typeof header !== 'string' || header.trim() === '') {
      throw mappingInvalidError(`the header for "${field}" must be a non-empty string`);
    }
    const other = seen.get(header.trim());
    if (other !== undefined)
      throw mappingInvalidError(`"${field}" and "${other}" both map to the header "${header}"`);
    seen.set(header.trim(), field);
  }
  return { columns: columns as MappingFile['columns'] };
}

export async function loadMappingFile(path: string): Promise<MappingFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw mappingInvalidError(`cannot read ${path} as JSON: ${(e as Error).message}`);
  }
  return parseMapping(json);
}
