/**
 * Field checks for the JSON images (card, PSAM, chip applications): each names the field as a
 * JSON path and what it must be, never its value (it may be a PAN or a name), under the image
 * format's own catalogue code.
 */
import { type ErrorCode, fromHex, hcardError } from '@hcard/card-core';

export type JsonObject = Record<string, unknown>;

/** A key as it may appear in a message: quoted, escaped and cut short. */
const quoted = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** `keys` + `RK_DDF1` → `keys.RK_DDF1`; `files` + `DDF1/EF05` → `files["DDF1/EF05"]`; `keys` + 3 → `keys[3]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${quoted(key)}]`;
}

/** An own property (never one inherited from Object.prototype). */
export const own = (o: JsonObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

export type ByteSize = { length: number } | { min?: number; max?: number; note?: string };

/** The checks, raising `code`. */
export function jsonFields(code: ErrorCode) {
  const invalid = (field: string, detail: string) =>
    hcardError(code, field === '' ? detail : `${field} ${detail}`, { field });

  function object(value: unknown, path: string, what = 'an object'): JsonObject {
    if (value === undefined) throw invalid(path, 'is missing');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalid(path, `must be ${what}`);
    return value as JsonObject;
  }

  /** Rejects fields not in `allowed`, so that a typo does not pass silently. */
  function onlyFields(o: JsonObject, path: string, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key))
        throw invalid(at(path, key), `is not a field of ${what} (expected ${allowed.join(', ')})`);
    }
  }

  function string(value: unknown, path: string): string {
    if (value === undefined) throw invalid(path, 'is missing');
    if (typeof value !== 'string' || value === '') throw invalid(path, 'must be a non-empty string');
    return value;
  }

  function optionalString(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): void {
    if (value === undefined) return;
    if (options.nonEmpty) string(value, path);
    else if (typeof value !== 'string') throw invalid(path, 'must be a string');
  }

  function integer(value: unknown, path: string, min: number, max: number, note = ''): number {
    if (value === undefined) throw invalid(path, 'is missing');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw invalid(path, `must be an integer ${min}–${max}${note}`);
    return value;
  }

  /** Hex (as `fromHex` reads it) of `length` bytes, or of `min`–`max` bytes. */
  function hex(value: unknown, path: string, size: ByteSize = {}): Uint8Array {
    if (value === undefined) throw invalid(path, 'is missing');
    let bytes: Uint8Array | undefined;
    if (typeof value === 'string') {
      try {
        bytes = fromHex(value);
      } catch {}
    }
    if (!bytes) throw invalid(path, 'must be a hex string (pairs of 0–9/A–F digits)');
    const { min, max, note } =
      'length' in size
        ? { min: size.length, max: size.length, note: '' }
        : { min: size.min ?? 0, max: size.max ?? Number.POSITIVE_INFINITY, note: size.note ?? '' };
    if (bytes.length < min || bytes.length > max) {
      const range =
        min === max
          ? `${min}`
          : max === Number.POSITIVE_INFINITY
            ? `at least ${min}`
            : min === 0
              ? `at most ${max}`
              : `${min}–${max}`;
      throw invalid(path, `has ${bytes.length} bytes, expected ${range}${note}`);
    }
    return bytes;
  }

  return { invalid, object, onlyFields, string, optionalString, integer, hex };
}
