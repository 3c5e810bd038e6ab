/**
 * What both journal stores decide the same way, in plain code: the audit vocabulary, the checks a
 * chunk must pass, which rows of a chunk keep their ID number, and the errors callers see. The
 * stores only differ in how they talk to their database.
 */
import { hcardError } from '@hcard/card-core';
import { REJECT_REASONS, type RejectReason, ROW_STATES, type RowState } from '../model.js';
import type { PreparedRow, ReportRow } from './journal.js';

/** Audit events, one per state change. */
export const AUDIT_EVENT = {
  prepared: 'prepared',
  rejected: 'rejected',
  claimed: 'claimed',
  issued: 'issued',
  spoiled: 'spoiled',
  released: 'released',
  retried: 'retried',
} as const;

/** Rows per page of `rows()`: small enough for flat memory, large enough to amortise a query. */
export const DEFAULT_PAGE_SIZE = 1000;

export type AcceptedRow = Extract<PreparedRow, { payload: Uint8Array }>;
export type RejectedRow = Extract<PreparedRow, { reason: RejectReason }>;

export const isAccepted = (row: PreparedRow): row is AcceptedRow => 'payload' in row;

/** A row as the store writes it, duplicates already turned into rejections. */
export interface RowToWrite {
  readonly rowNumber: number;
  readonly state: Extract<RowState, 'prepared' | 'rejected'>;
  readonly idNumber: string | null;
  /** '' when the row has none (rejected rows): the place order's keyset needs no NULLs. */
  readonly township: string;
  readonly village: string;
  readonly payload: Uint8Array | null;
  readonly reason: RejectReason | null;
  readonly message: string | null;
}

/**
 * A chunk continues the batch where it stopped: row numbers ascending, all after the watermark
 * and not after `throughRow`. Anything else is a bug in the caller (a resume that re-reads rows
 * already committed would otherwise reject every one of them as its own duplicate).
 */
export function checkChunk(
  batch: string,
  rows: readonly PreparedRow[],
  throughRow: number,
  preparedThrough: number,
): void {
  let previous = preparedThrough;
  for (const row of rows) {
    if (!Number.isInteger(row.rowNumber) || row.rowNumber <= previous) {
      throw hcardError(
        'HCARD_E_INTERNAL',
        `chunk for batch '${batch}' has row ${row.rowNumber} after row ${previous} (prepared through ${preparedThrough})`,
      );
    }
    previous = row.rowNumber;
  }
  if (!Number.isInteger(throughRow) || throughRow < previous) {
    throw hcardError(
      'HCARD_E_INTERNAL',
      `chunk for batch '${batch}' ends at row ${previous} but claims to prepare through ${throughRow}`,
    );
  }
}

/** Who already holds an ID number. */
export interface IdHolder {
  readonly batchId: number;
  readonly batchName: string;
  readonly rowNumber: number;
}

/** The rejection for a row whose ID number is held: same batch or an earlier one. */
export function duplicateOf(
  batchId: number,
  holder: IdHolder,
): { reason: 'DUPLICATE_IN_BATCH' | 'DUPLICATE_ISSUED'; message: string } {
  if (holder.batchId === batchId) {
    return {
      reason: 'DUPLICATE_IN_BATCH',
      message: `${REJECT_REASONS.DUPLICATE_IN_BATCH} (row ${holder.rowNumber})`,
    };
  }
  return {
    reason: 'DUPLICATE_ISSUED',
    message: `${REJECT_REASONS.DUPLICATE_ISSUED} (batch '${holder.batchName}', row ${holder.rowNumber})`,
  };
}

export function acceptedToWrite(row: AcceptedRow): RowToWrite {
  return {
    rowNumber: row.rowNumber,
    state: 'prepared',
    idNumber: row.idNumber,
    township: row.township,
    village: row.village,
    payload: row.payload,
    reason: null,
    message: null,
  };
}

export function rejectedToWrite(
  row: PreparedRow,
  rejection: { reason: RejectReason; message: string },
): RowToWrite {
  return {
    rowNumber: row.rowNumber,
    state: 'rejected',
    idNumber: row.idNumber ?? null,
    township: isAccepted(row) ? row.township : '',
    village: isAccepted(row) ? row.village : '',
    payload: null,
    reason: rejection.reason,
    message: rejection.message,
  };
}

/**
 * The state filter as SQL literals: the planner can then use the partial index on issued rows
 * (it cannot prove a bound parameter equal to 'issued'). Only names from ROW_STATES get here.
 */
export function stateListSql(states: readonly RowState[]): string {
  for (const state of states) {
    if (!ROW_STATES.includes(state))
      throw hcardError('HCARD_E_ARG_INVALID', `unknown row state '${String(state)}'`);
  }
  return states.length === 0 ? 'NULL' : states.map((s) => `'${s}'`).join(', ');
}

/** The columns of a ReportRow, named as its fields (table alias r), for both stores. */
export const REPORT_COLUMNS = `r.row_number AS "rowNumber", r.state, r.id_number AS "idNumber", r.reason, r.message,
  r.township, r.village, r.chip_serial AS "chipSerial", r.atr, r.issued_at AS "issuedAt"`;

/** A ReportRow from a record with REPORT_COLUMNS; empty and NULL columns stay absent. */
export function reportRowFrom(record: Readonly<Record<string, unknown>>): ReportRow {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === '') continue;
    row[key] = value instanceof Date ? value.toISOString() : value;
  }
  return row as unknown as ReportRow;
}

// Errors.

export function unknownBatch(batch: string): Error {
  return hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', `no batch named '${batch}' in the journal`, { batch });
}

export function batchSourceMismatch(batch: string): Error {
  return hcardError(
    'HCARD_E_ISSUE_BATCH_MISMATCH',
    `batch '${batch}' has a different input file or options`,
    {
      batch,
    },
  );
}

export function notClaimedBy(batch: string, rowNumber: number, station: string): Error {
  return hcardError(
    'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
    `row ${rowNumber} of batch '${batch}' is not being encoded by station '${station}'`,
  );
}

export function chipAlreadyUsed(chipSerial: string): Error {
  return hcardError('HCARD_E_ISSUE_CHIP_REUSED', `chip ${chipSerial} was already used for a card`, {
    chipSerial,
  });
}

export function storeUnavailable(what: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return hcardError('HCARD_E_ISSUE_STORE_FAILED', `cannot open the journal ${what}: ${reason}`, {}, cause);
}

export function schemaTooNew(found: number, known: number): Error {
  return hcardError(
    'HCARD_E_ISSUE_STORE_FAILED',
    `the journal has schema version ${found}; this hcard knows up to ${known}: upgrade hcard`,
  );
}
