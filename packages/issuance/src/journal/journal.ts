/**
 * The issuance journal: where every input row of a batch lives, in exactly one state, with an
 * append-only audit trail per row. Two stores implement it (SQLite embedded, PostgreSQL shared by
 * several stations) and pass one test suite. Writes come in chunks, one transaction each, so a
 * kill at any moment leaves whole chunks or nothing.
 */
import type { RejectReason, RowState } from '../model.js';

/** What `prepare` was started with; a re-run must match it to resume. */
export interface BatchSource {
  /** SHA-256 (hex) of the input file. */
  readonly inputDigest: string;
  /** Options that change the output (format, encoding, mapping digest, photo folder, settings). */
  readonly optionsDigest: string;
  /** The batch's card template (records/card-template.ts), stored once, used by every encode. */
  readonly template: Uint8Array;
}

export interface BatchInfo extends BatchSource {
  readonly name: string;
  readonly createdAt: string;
  /** Highest input row number whose chunk is committed (0 before the first chunk). */
  readonly preparedThrough: number;
  /** Set once the whole input is prepared. */
  readonly prepareDone: boolean;
}

/** One row of a prepare chunk, after validation and encoding. */
export type PreparedRow =
  | {
      readonly rowNumber: number;
      readonly idNumber: string;
      readonly township: string;
      readonly village: string;
      /** The card's encoded contents (payload.ts), written at encode time. */
      readonly payload: Uint8Array;
    }
  | {
      readonly rowNumber: number;
      /** Absent when the row had none, or not a readable one. */
      readonly idNumber?: string;
      readonly reason: RejectReason;
      readonly message: string;
    };

/** What the store decided for a chunk: rows it turned into duplicates (others kept as given). */
export interface ChunkOutcome {
  readonly duplicates: readonly { rowNumber: number; reason: 'DUPLICATE_IN_BATCH' | 'DUPLICATE_ISSUED' }[];
}

/** A prepared row claimed by an encoding station. */
export interface EncodeJob {
  readonly batch: string;
  readonly rowNumber: number;
  readonly idNumber: string;
  readonly payload: Uint8Array;
}

/** The chip a job was written to. */
export interface ChipInfo {
  /** Chip serial (item 10) as written. */
  readonly chipSerial: string;
  /** ATR (hex) of the blank card. */
  readonly atr: string;
}

export interface BatchStatus {
  readonly batch: string;
  readonly rows: number;
  readonly states: Readonly<Record<RowState, number>>;
  readonly reasons: Readonly<Partial<Record<string, number>>>;
}

export interface AuditEvent {
  readonly rowNumber: number;
  readonly at: string;
  readonly station?: string;
  /** 'prepared', 'rejected', 'claimed', 'issued', 'spoiled', 'released', … */
  readonly event: string;
  /** Short, never personal data or key material (chip serial, reason code). */
  readonly detail?: string;
}

export interface ReportRow {
  readonly rowNumber: number;
  readonly state: RowState;
  readonly idNumber?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly township?: string;
  readonly village?: string;
  readonly chipSerial?: string;
  readonly atr?: string;
  readonly issuedAt?: string;
  /** The card's payload, when asked for (`withPayload`). */
  readonly payload?: Uint8Array;
}

export interface RowsFilter {
  readonly states?: readonly RowState[];
  /** 'row' (default): by row number; 'place': by township, village, then row number. */
  readonly order?: 'row' | 'place';
  readonly withPayload?: boolean;
}

export interface Journal {
  /** Creates the batch, or returns it when it exists with the same source (resume). */
  openBatch(name: string, source: BatchSource): Promise<BatchInfo>;
  getBatch(name: string): Promise<BatchInfo | undefined>;

  /**
   * Commits one chunk of prepared and rejected rows and advances `preparedThrough` to
   * `throughRow`, in one transaction. Rows whose ID number is already held (by this batch or
   * another) become rejected duplicates: the first row with an ID number keeps it.
   */
  commitChunk(batch: string, rows: readonly PreparedRow[], throughRow: number): Promise<ChunkOutcome>;
  markPrepareDone(batch: string): Promise<void>;

  /** Moves up to `limit` prepared rows to `encoding` for this station; concurrent stations never get the same row. */
  claim(batch: string, station: string, limit: number): Promise<EncodeJob[]>;
  /** Jobs this station left in `encoding` (killed mid-card) go back to `prepared`, audited. */
  releaseStale(batch: string, station: string): Promise<number>;
  /** A chip is used once: a second job for the same chip serial is refused (throws). */
  markIssued(batch: string, rowNumber: number, station: string, chip: ChipInfo): Promise<void>;
  markSpoiled(
    batch: string,
    rowNumber: number,
    station: string,
    reason: string,
    chip?: ChipInfo,
  ): Promise<void>;
  /** Spoiled rows back to `prepared` (an explicit retry). Returns how many. */
  retrySpoiled(batch: string): Promise<number>;

  status(batch: string): Promise<BatchStatus>;
  /** Rows in row-number order, streamed in pages (reports never load a whole batch). */
  rows(batch: string, filter?: RowsFilter): AsyncIterable<ReportRow>;
  audit(batch: string, rowNumber: number): Promise<AuditEvent[]>;
  /** The batch's row holding this ID number (not a rejected one), with its payload. */
  findRow(batch: string, idNumber: string): Promise<ReportRow | undefined>;

  close(): Promise<void>;
}
