/**
 * The embedded journal: one SQLite file (better-sqlite3), WAL with synchronous=NORMAL, prepared
 * statements, and every write one IMMEDIATE transaction, so that a kill leaves whole chunks or
 * nothing and two connections on one file (two workers, two processes) take turns instead of
 * failing with SQLITE_BUSY halfway through.
 */
import Database from 'better-sqlite3';
import { ROW_STATES, type RowState } from '../model.js';
import type {
  AuditEvent,
  BatchInfo,
  BatchSource,
  BatchStatus,
  ChipInfo,
  ChunkOutcome,
  EncodeJob,
  Journal,
  PreparedRow,
  ReportRow,
  RowsFilter,
} from './journal.js';
import {
  AUDIT_EVENT,
  acceptedToWrite,
  batchSourceMismatch,
  checkChunk,
  chipAlreadyUsed,
  DEFAULT_PAGE_SIZE,
  duplicateOf,
  isAccepted,
  notClaimedBy,
  REPORT_COLUMNS,
  type RowToWrite,
  rejectedToWrite,
  reportRowFrom,
  stateListSql,
  storeUnavailable,
  unknownBatch,
} from './journal-rules.js';
import { migrateSqlite } from './sqlite-schema.js';

export interface SqliteJournalOptions {
  /** Rows per page of `rows()`. */
  readonly pageSize?: number;
  /** How long a writer waits for another connection's transaction, in ms. */
  readonly busyTimeoutMs?: number;
}

interface BatchRecord {
  id: number;
  name: string;
  input_digest: string;
  options_digest: string;
  template: Buffer;
  created_at: string;
  prepared_through: number;
  prepare_done: number;
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const batchInfo = (r: BatchRecord): BatchInfo => ({
  name: r.name,
  inputDigest: r.input_digest,
  optionsDigest: r.options_digest,
  template: r.template,
  createdAt: r.created_at,
  preparedThrough: r.prepared_through,
  prepareDone: r.prepare_done === 1,
});

export function openSqliteJournal(path: string, options: SqliteJournalOptions = {}): SqliteJournal {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The ID-number index takes random inserts: 64 MiB of cache keeps a 1M-row batch off the disk.
    db.pragma('cache_size = -65536');
    migrateSqlite(db);
  } catch (e) {
    throw storeUnavailable(`file ${path}`, e);
  }
  return new SqliteJournal(db, options.pageSize ?? DEFAULT_PAGE_SIZE);
}

export class SqliteJournal implements Journal {
  readonly #db: Database.Database;
  readonly #pageSize: number;
  readonly #batchIds = new Map<string, number>();
  readonly #pageStatements = new Map<string, Database.Statement>();
  readonly #sql;

  constructor(db: Database.Database, pageSize: number) {
    this.#db = db;
    this.#pageSize = pageSize;
    const p = (sql: string) => db.prepare(sql);
    this.#sql = {
      batchByName: p('SELECT * FROM batches WHERE name = ?'),
      batchNameById: p('SELECT name FROM batches WHERE id = ?').pluck(),
      insertBatch: p(
        `INSERT INTO batches (name, input_digest, options_digest, template, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO NOTHING`,
      ),
      watermark: p('SELECT prepared_through FROM batches WHERE id = ?').pluck(),
      setWatermark: p('UPDATE batches SET prepared_through = ? WHERE id = ?'),
      setPrepareDone: p('UPDATE batches SET prepare_done = 1 WHERE id = ?'),
      takeId: p(
        'INSERT INTO id_numbers (id_number, batch_id, row_number) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      idHolder: p('SELECT batch_id, row_number FROM id_numbers WHERE id_number = ?'),
      insertRow: p(
        `INSERT INTO batch_rows (batch_id, row_number, state, id_number, township, village, payload, reason, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: p(
        'INSERT INTO audit (batch_id, row_number, at, station, event, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      claim: p(
        `UPDATE batch_rows SET state = 'encoding', station = @station
         WHERE batch_id = @batch AND row_number IN (
           SELECT row_number FROM batch_rows WHERE batch_id = @batch AND state = 'prepared'
           ORDER BY row_number LIMIT @limit)
         RETURNING row_number, id_number, payload`,
      ),
      finishEncoding: p(
        `UPDATE batch_rows SET state = @state, reason = @reason, message = @message,
           chip_serial = @chipSerial, atr = @atr, issued_at = @issuedAt
         WHERE batch_id = @batch AND row_number = @row AND state = 'encoding' AND station = @station`,
      ),
      useChip: p(
        `INSERT INTO chips (chip_serial, batch_id, row_number, atr, outcome, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      auditStale: p(
        `INSERT INTO audit (batch_id, row_number, at, station, event)
         SELECT batch_id, row_number, @at, station, '${AUDIT_EVENT.released}' FROM batch_rows
         WHERE batch_id = @batch AND state = 'encoding' AND station = @station ORDER BY row_number`,
      ),
      releaseStale: p(
        `UPDATE batch_rows SET state = 'prepared', station = NULL
         WHERE batch_id = @batch AND state = 'encoding' AND station = @station`,
      ),
      auditSpoiled: p(
        `INSERT INTO audit (batch_id, row_number, at, event)
         SELECT batch_id, row_number, @at, '${AUDIT_EVENT.retried}' FROM batch_rows
         WHERE batch_id = @batch AND state = 'spoiled' ORDER BY row_number`,
      ),
      retrySpoiled: p(
        `UPDATE batch_rows SET state = 'prepared', station = NULL, reason = NULL, message = NULL,
           chip_serial = NULL, atr = NULL
         WHERE batch_id = @batch AND state = 'spoiled'`,
      ),
      countStates: p('SELECT state, count(*) AS n FROM batch_rows WHERE batch_id = ? GROUP BY state'),
      countReasons: p(
        `SELECT reason, count(*) AS n FROM batch_rows
         WHERE batch_id = ? AND state IN ('rejected', 'spoiled') GROUP BY reason`,
      ),
      findRow: p(
        `SELECT ${REPORT_COLUMNS}, r.payload FROM id_numbers i
         JOIN batch_rows r ON r.batch_id = i.batch_id AND r.row_number = i.row_number
         WHERE i.id_number = ? AND i.batch_id = ?`,
      ),
      auditOf: p(
        'SELECT row_number, at, station, event, detail FROM audit WHERE batch_id = ? AND row_number = ? ORDER BY seq',
      ),
    };
  }

  async openBatch(name: string, source: BatchSource): Promise<BatchInfo> {
    const record = this.#db
      .transaction(() => {
        this.#sql.insertBatch.run(
          name,
          source.inputDigest,
          source.optionsDigest,
          toBuffer(source.template),
          new Date().toISOString(),
        );
        return this.#sql.batchByName.get(name) as BatchRecord;
      })
      .immediate();
    if (record.input_digest !== source.inputDigest || record.options_digest !== source.optionsDigest) {
      throw batchSourceMismatch(name);
    }
    this.#batchIds.set(name, record.id);
    return batchInfo(record);
  }

  async getBatch(name: string): Promise<BatchInfo | undefined> {
    const record = this.#sql.batchByName.get(name) as BatchRecord | undefined;
    return record && batchInfo(record);
  }

  #batchId(name: string): number {
    let id = this.#batchIds.get(name);
    if (id === undefined) {
      const record = this.#sql.batchByName.get(name) as BatchRecord | undefined;
      if (!record) throw unknownBatch(name);
      id = record.id;
      this.#batchIds.set(name, id);
    }
    return id;
  }

  async commitChunk(batch: string, rows: readonly PreparedRow[], throughRow: number): Promise<ChunkOutcome> {
    const batchId = this.#batchId(batch);
    const at = new Date().toISOString();
    const sql = this.#sql;
    return this.#db
      .transaction(() => {
        checkChunk(batch, rows, throughRow, sql.watermark.get(batchId) as number);
        const duplicates: ChunkOutcome['duplicates'][number][] = [];
        for (const row of rows) {
          let write: RowToWrite;
          if (!isAccepted(row)) write = rejectedToWrite(row, row);
          else if (sql.takeId.run(row.idNumber, batchId, row.rowNumber).changes === 1)
            write = acceptedToWrite(row);
          else {
            const held = sql.idHolder.get(row.idNumber) as { batch_id: number; row_number: number };
            const holder = {
              batchId: held.batch_id,
              rowNumber: held.row_number,
              batchName: sql.batchNameById.get(held.batch_id) as string,
            };
            const duplicate = duplicateOf(batchId, holder);
            duplicates.push({ rowNumber: row.rowNumber, reason: duplicate.reason });
            write = rejectedToWrite(row, duplicate);
          }
          sql.insertRow.run(
            batchId,
            write.rowNumber,
            write.state,
            write.idNumber,
            write.township,
            write.village,
            write.payload && toBuffer(write.payload),
            write.reason,
            write.message,
          );
          sql.audit.run(batchId, write.rowNumber, at, null, write.state, write.reason);
        }
        sql.setWatermark.run(throughRow, batchId);
        return { duplicates };
      })
      .immediate();
  }

  async markPrepareDone(batch: string): Promise<void> {
    this.#sql.setPrepareDone.run(this.#batchId(batch));
  }

  async claim(batch: string, station: string, limit: number): Promise<EncodeJob[]> {
    const batchId = this.#batchId(batch);
    const at = new Date().toISOString();
    const claimed = this.#db
      .transaction(() => {
        const rows = this.#sql.claim.all({ batch: batchId, station, limit }) as {
          row_number: number;
          id_number: string;
          payload: Buffer;
        }[];
        rows.sort((a, b) => a.row_number - b.row_number);
        for (const r of rows)
          this.#sql.audit.run(batchId, r.row_number, at, station, AUDIT_EVENT.claimed, null);
        return rows;
      })
      .immediate();
    return claimed.map((r) => ({
      batch,
      rowNumber: r.row_number,
      idNumber: r.id_number,
      payload: r.payload,
    }));
  }

  async releaseStale(batch: string, station: string): Promise<number> {
    const params = { batch: this.#batchId(batch), station, at: new Date().toISOString() };
    return this.#db
      .transaction(() => {
        this.#sql.auditStale.run(params);
        return this.#sql.releaseStale.run(params).changes;
      })
      .immediate();
  }

  async markIssued(batch: string, rowNumber: number, station: string, chip: ChipInfo): Promise<void> {
    const batchId = this.#batchId(batch);
    const at = new Date().toISOString();
    this.#db
      .transaction(() => {
        const changed = this.#sql.finishEncoding.run({
          batch: batchId,
          row: rowNumber,
          station,
          state: 'issued',
          reason: null,
          message: null,
          chipSerial: chip.chipSerial,
          atr: chip.atr,
          issuedAt: at,
        }).changes;
        if (changed !== 1) throw notClaimedBy(batch, rowNumber, station);
        const fresh = this.#sql.useChip.run(
          chip.chipSerial,
          batchId,
          rowNumber,
          chip.atr,
          'issued',
          at,
        ).changes;
        if (fresh !== 1) throw chipAlreadyUsed(chip.chipSerial);
        this.#sql.audit.run(batchId, rowNumber, at, station, AUDIT_EVENT.issued, chip.chipSerial);
      })
      .immediate();
  }

  async markSpoiled(
    batch: string,
    rowNumber: number,
    station: string,
    reason: string,
    chip?: ChipInfo,
  ): Promise<void> {
    const batchId = this.#batchId(batch);
    const at = new Date().toISOString();
    this.#db
      .transaction(() => {
        const changed = this.#sql.finishEncoding.run({
          batch: batchId,
          row: rowNumber,
          station,
          state: 'spoiled',
          reason,
          message: null,
          chipSerial: chip?.chipSerial ?? null,
          atr: chip?.atr ?? null,
          issuedAt: null,
        }).changes;
        if (changed !== 1) throw notClaimedBy(batch, rowNumber, station);
        // A spoiled chip is recorded so that it is never issued later; spoiling one twice is harmless.
        if (chip) this.#sql.useChip.run(chip.chipSerial, batchId, rowNumber, chip.atr, 'spoiled', at);
        const detail = chip ? `${reason} ${chip.chipSerial}` : reason;
        this.#sql.audit.run(batchId, rowNumber, at, station, AUDIT_EVENT.spoiled, detail);
      })
      .immediate();
  }

  async retrySpoiled(batch: string): Promise<number> {
    const params = { batch: this.#batchId(batch), at: new Date().toISOString() };
    return this.#db
      .transaction(() => {
        this.#sql.auditSpoiled.run(params);
        return this.#sql.retrySpoiled.run(params).changes;
      })
      .immediate();
  }

  async status(batch: string): Promise<BatchStatus> {
    const batchId = this.#batchId(batch);
    // One read transaction: both counts see the same snapshot while stations keep writing.
    return this.#db.transaction(() => {
      const states = Object.fromEntries(ROW_STATES.map((s) => [s, 0])) as Record<RowState, number>;
      let rows = 0;
      for (const r of this.#sql.countStates.all(batchId) as { state: RowState; n: number }[]) {
        states[r.state] = r.n;
        rows += r.n;
      }
      const reasons: Record<string, number> = {};
      for (const r of this.#sql.countReasons.all(batchId) as { reason: string | null; n: number }[]) {
        if (r.reason !== null) reasons[r.reason] = r.n;
      }
      return { batch, rows, states, reasons };
    })();
  }

  async *rows(batch: string, filter: RowsFilter = {}): AsyncIterable<ReportRow> {
    const batchId = this.#batchId(batch);
    const byPlace = filter.order === 'place';
    const page = this.#pageStatement(filter);
    let after = { township: '', village: '', rowNumber: 0 };
    for (;;) {
      const records = page.all({ batch: batchId, ...after, limit: this.#pageSize }) as Record<
        string,
        unknown
      >[];
      for (const record of records) yield reportRowFrom(record);
      if (records.length < this.#pageSize) return;
      const last = records[records.length - 1]!;
      after = {
        township: last.township as string,
        village: last.village as string,
        rowNumber: last.rowNumber as number,
      };
      if (!byPlace) after.township = after.village = '';
    }
  }

  /** One page of `rows()`: keyset pagination on the order's columns, compiled once per filter. */
  #pageStatement(filter: RowsFilter): Database.Statement {
    const states = filter.states && stateListSql(filter.states);
    const key = `${filter.order ?? 'row'}|${states ?? '*'}|${filter.withPayload === true}`;
    let statement = this.#pageStatements.get(key);
    if (!statement) {
      const byPlace = filter.order === 'place';
      statement = this.#db.prepare(
        `SELECT ${REPORT_COLUMNS}${filter.withPayload ? ', payload' : ''} FROM batch_rows r
         WHERE batch_id = @batch ${states ? `AND state IN (${states})` : ''}
           AND ${byPlace ? '(township, village, row_number) > (@township, @village, @rowNumber)' : 'row_number > @rowNumber'}
         ORDER BY ${byPlace ? 'township, village, row_number' : 'row_number'} LIMIT @limit`,
      );
      this.#pageStatements.set(key, statement);
    }
    return statement;
  }

  async findRow(batch: string, idNumber: string): Promise<ReportRow | undefined> {
    const record = this.#sql.findRow.get(idNumber, this.#batchId(batch)) as
      | Record<string, unknown>
      | undefined;
    return record && reportRowFrom(record);
  }

  async audit(batch: string, rowNumber: number): Promise<AuditEvent[]> {
    const records = this.#sql.auditOf.all(this.#batchId(batch), rowNumber) as {
      row_number: number;
      at: string;
      station: string | null;
      event: string;
      detail: string | null;
    }[];
    return records.map((r) => {
      const event: { -readonly [K in keyof AuditEvent]: AuditEvent[K] } = {
        rowNumber: r.row_number,
        at: r.at,
        event: r.event,
      };
      if (r.station !== null) event.station = r.station;
      if (r.detail !== null) event.detail = r.detail;
      return event;
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
