import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, HcardError } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

/** The doc's table rows as trimmed cells, keyed by code (the formatter may pad the table). */
const rows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| `HCARD_E_'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map((cells) => [cells[0]!.replaceAll('`', ''), cells] as const),
);

describe('the error catalogue', () => {
  it.each(Object.entries(ERROR_CATALOGUE))(
    'documents %s with its message, HTTP status, exit code and hint',
    (code, e) => {
      expect(rows.get(code), `docs/errors.md has no row for ${code}`).toEqual([
        `\`${code}\``,
        e.message,
        String(e.http),
        String(e.exit),
        'hint' in e ? e.hint : '',
      ]);
    },
  );

  it('lists no code that the catalogue does not have', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort());
  });

  it('builds errors whose code, message and details match the catalogue', () => {
    const e = new HcardError('HCARD_E_ANS_TOO_LONG', '32 bytes for a 30-byte field', {
      bytes: 32,
      limit: 30,
    });
    expect(e.code).toBe('HCARD_E_ANS_TOO_LONG');
    expect(e.message).toBe('Text is longer than the field: 32 bytes for a 30-byte field');
    expect(e.details).toEqual({ bytes: 32, limit: 30 });
    expect(e.hint).toBe(ERROR_CATALOGUE.HCARD_E_ANS_TOO_LONG.hint);
    expect(e).toBeInstanceOf(Error);
  });
});
