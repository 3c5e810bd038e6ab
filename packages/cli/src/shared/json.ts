/** JSON output: byte arrays (photo, certificates, ATRs) become uppercase hex strings. */
import { toHex } from '@hcard/card-core';

export function toJson(value: unknown, pretty = true): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v),
    pretty ? 2 : 0,
  );
}

/** Milliseconds to one decimal, as the human output shows them. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;
