/** `--sections basic,photo`: names checked against the session's sections. */
import { ALL_SECTIONS, type Section } from '@hcard/card-core';
import { usageError } from '../shared/errors.js';

export function parseSections(text: string, command: string): Section[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(ALL_SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `unknown section "${unknown[0]}"` : 'no section given';
    throw usageError(`${what} in --sections (one or more of ${ALL_SECTIONS.join(', ')})`, command);
  }
  return ALL_SECTIONS.filter((s) => names.includes(s));
}
