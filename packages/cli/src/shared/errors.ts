/**
 * How failures reach the user: one line with the catalogue code, the message and the
 * catalogue's hint, and the catalogue's exit code. Never a stack trace.
 */
import { ERROR_CATALOGUE, type HcardError, hcardError, toHcardError } from '@hcard/card-core';

/** A command-line mistake (unknown command or option, bad value): HCARD_E_ARG_INVALID, exit 2. */
export function usageError(detail: string, helpFor = 'hcard'): HcardError {
  return hcardError('HCARD_E_ARG_INVALID', `${detail} (see ${helpFor} --help)`);
}

/** The single line printed for any failure. */
export function errorLine(error: unknown): string {
  const err = toHcardError(error);
  // Messages of foreign errors may span lines; the user gets one.
  const message = err.message.replace(/\s*\n\s*/g, ' ').trim();
  return `hcard: ${err.code}: ${message}${err.hint ? ` — ${err.hint}` : ''}`;
}

export function exitCodeOf(error: unknown): number {
  return ERROR_CATALOGUE[toHcardError(error).code].exit;
}
