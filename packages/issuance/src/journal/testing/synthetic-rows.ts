/**
 * Synthetic journal rows for the journal tests and benchmark. ID numbers start with region 99,
 * which GB/T 2260 never assigned, so none is a real person's; payloads are ~700 bytes (the size
 * of a card's encoded records without a photo) that carry their row number, so a test can tell
 * which row's payload it got back.
 */
import type { PreparedRow } from '../journal.js';

export const PAYLOAD_BYTES = 700;

/** A synthetic 18-character ID number for key `n` (region 99: never a real one). */
export const syntheticId = (n: number): string => `99${String(n).padStart(15, '0')}X`;

export function syntheticPayload(rowNumber: number): Uint8Array {
  const payload = new Uint8Array(PAYLOAD_BYTES);
  new DataView(payload.buffer).setUint32(0, rowNumber);
  for (let i = 4; i < PAYLOAD_BYTES; i++) payload[i] = (rowNumber * 31 + i) & 0xff;
  return payload;
}

/** A prepared row; `idKey` picks the ID number (equal keys, equal ID numbers). */
export function preparedRow(rowNumber: number, idKey: number = rowNumber): PreparedRow {
  return {
    rowNumber,
    idNumber: syntheticId(idKey),
    township: `乡${rowNumber % 7}`,
    village: `村${rowNumber % 13}`,
    payload: syntheticPayload(rowNumber),
  };
}

/** Prepared rows `from`..`to` with ID keys offset by `idOffset` (distinct batches, distinct IDs). */
export function preparedRows(from: number, to: number, idOffset = 0): PreparedRow[] {
  const rows: PreparedRow[] = [];
  for (let n = from; n <= to; n++) rows.push(preparedRow(n, n + idOffset));
  return rows;
}

export const SYNTHETIC_SOURCE = {
  inputDigest: 'a'.repeat(64),
  optionsDigest: 'b'.repeat(64),
  template: new Uint8Array([0x48, 0x43, 0x41, 0x52, 0x44]),
} as const;
