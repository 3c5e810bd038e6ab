/** The ingest's catalogue errors: a broken file, a header without required columns, a bad mapping. */
import { type HcardError, hcardError } from '@hcard/card-core';

/** Required columns are missing from the header. */
export function columnsMissingError(detail: string): HcardError {
  return hcardError('HCARD_E_ISSUE_INPUT_COLUMNS', detail);
}

/** The input file is broken at a place the detail names (line, row, byte). */
export function inputMalformedError(
  detail: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): HcardError {
  return hcardError('HCARD_E_ISSUE_INPUT_INVALID', detail, details, cause);
}

/** The mapping file is not `{ "columns": { "<field>": "<header>" } }` with known fields. */
export function mappingInvalidError(detail: string): HcardError {
  return hcardError('HCARD_E_ISSUE_MAPPING_INVALID', detail);
}
