/** Test helpers for catalogue errors (imported by test files only). */
import { expect } from 'vitest';
import { type ErrorCode, HcardError } from './errors.js';

/** What `f` throws; fails the test when it returns. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception, but the call returned');
}

/** Asserts that `f` throws an HcardError with `code`, and returns it. */
export function expectHcardError(f: () => unknown, code: ErrorCode): HcardError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(HcardError);
  expect((e as HcardError).code).toBe(code);
  return e as HcardError;
}

/** True when `f` returns or throws an HcardError with `code`; false for anything else thrown. */
export function returnsOrThrows(f: () => unknown, code: ErrorCode): boolean {
  try {
    f();
    return true;
  } catch (e) {
    return e instanceof HcardError && e.code === code;
  }
}
