/**
 * The shared journal: PostgreSQL through `pg`, for several stations on one batch. A chunk is a
 * handful of set-based statements (arrays through `unnest`) in one transaction with its
 * watermark; jobs are claimed with `FOR UPDATE SKIP LOCKED` in one statement, so two stations
 * never get the same row and never wait for each other; the ID-number and chip tables' primary
 * keys are what make "never issued twice" hold across batches and stations.
 */
import pg from 'pg';
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
  type IdHolder,
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
import { migratePostgres } from './postgres-schema.js';

export interface PostgresJournalOptions {
  /** Rows per page of `rows()`. */
  readonly pageSize?: number;
  /** Connections in the pool (one per concurrent call). */
  readonly maxConnections?: number;
}

interface BatchRecord {
  id: number;
  name: string;
  input_digest: string;
  options_digest: string;
  template: Buffer;
  created_at: Date;
  prepared_through: number;
  prepare_done: boolean;
}

const batchInfo = (r: BatchRecord): BatchInfo => ({
  name: r.name,
  inputDigest: r.input_digest,
  optionsDigest: r.options_digest,
  template: r.template,
  createdAt: r.created_at.toISOString(),
  preparedThrough: r.prepared_through,
  prepareDone: r.prepare_done,
});

type Queryable = pg.Pool | pg.PoolClient;

/** The database a URL names, for messages: never the URL itself, which may carry a password. */
function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || '(default)';
  } catch {
    return '(unparsable URL)';
  }
}

export async function openPostgresJournal(
  url: string,
  options: PostgresJournalOptions = {},
): Promise<PostgresJournal> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection that dies (server restart) is dropped from the pool, not thrown at the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw storeUnavailable(`database ${databaseName(url)}`, e);
  }
  return new PostgresJournal(pool, options.pageSize ?? DEFAULT_PAGE_SIZE);
}

export class PostgresJournal implements Journal {
  readonly #pool: pg.Pool;
  readonly #pageSize: number;
  readonly #batchIds = new Map<string, number>();

  constructor(pool: pg.Pool, pageSize: number) {
    this.#pool = pool;
    this.#pageSize = pageSize;
  }

  /** Runs `work` in one transaction on one connection; any throw rolls it back. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async openBatch(name: string, source: BatchSource): Promise<BatchInfo> {
    await this.#pool.query(
      `INSERT INTO batches (name, input_digest, options_digest, template) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING`,
      [name, source.inputDigest, source.optionsDigest, source.template],
    );
    const record = await this.#batchRecord(this.#pool, name);
    if (!record) throw unknownBatch(name);
    if (record.input_digest !== source.inputDigest || record.options_digest !== source.optionsDigest) {
      throw batchSourceMismatch(name);
    }
    this.#batchIds.set(name, record.id);
    return batchInfo(record);
  }

  async #batchRecord(db: Queryable, name: string): Promise<BatchRecord | undefined> {
    const { rows } = await db.query<BatchRecord>('SELECT * FROM batches WHERE name = $1', [name]);
    return rows[0];
  }

  async getBatch(name: string): Promise<BatchInfo | undefined> {
    const record = await this.#batchRecord(this.#pool, name);
    return record && batchInfo(record);
  }

  async #batchId(name: string): Promise<number> {
    let id = this.#batchIds.get(name);
    if (id === undefined) {
      const record = await this.#batchRecord(this.#pool, name);
      if (!record) throw unknownBatch(name);
      id = record.id;
      this.#batchIds.set(name, id);
    }
    return id;
  }

  async commitChunk(batch: string, rows: readonly PreparedRow[], throughRow: number): Promise<ChunkOutcome> {
    const batchId = await this.#batchId(batch);
    return this.#transaction(async (client) => {
      // Moving the watermark first locks the batch row: two prepares of one batch take turns.
      const { rows: marks } = await client.query<{ old: number }>(
        `UPDATE batches b SET prepared_through = $2
         FROM (SELECT prepared_through AS old FROM batches WHERE id = $1 FOR UPDATE) o
         WHERE b.id = $1 RETURNING o.old`,
        [batchId, throughRow],
      );
      checkChunk(batch, rows, throughRow, marks[0]!.old);

      // The first row of the chunk with an ID number tries to take it; later ones are duplicates.
      const firstWithId = new Map<string, number>();
      for (const row of rows) {
        if (isAccepted(row) && !firstWithId.has(row.idNumber)) firstWithId.set(row.idNumber, row.rowNumber);
      }
      const taken = await this.#takeIdNumbers(client, batchId, firstWithId);
      const holders = await this.#holders(
        client,
        [...firstWithId.keys()].filter((id) => !taken.has(id)),
      );

      const duplicates: ChunkOutcome['duplicates'][number][] = [];
      const writes: RowToWrite[] = rows.map((row) => {
        if (!isAccepted(row)) return rejectedToWrite(row, row);
        if (taken.get(row.idNumber) === row.rowNumber) return acceptedToWrite(row);
        const holder = holders.get(row.idNumber) ?? {
          batchId,
          batchName: batch,
          rowNumber: firstWithId.get(row.idNumber)!,
        };
        const duplicate = duplicateOf(batchId, holder);
        duplicates.push({ rowNumber: row.rowNumber, reason: duplicate.reason });
        return rejectedToWrite(row, duplicate);
      });
      await this.#insertRows(client, batchId, writes);
      return { duplicates };
    });
  }

  /** Inserts ID numbers not held yet; returns those this chunk now holds, with their row. */
  async #takeIdNumbers(
    client: pg.PoolClient,
    batchId: number,
    wanted: ReadonlyMap<string, number>,
  ): Promise<Map<string, number>> {
    if (wanted.size === 0) return new Map();
    const { rows } = await client.query<{ id_number: string; row_number: number }>(
      `INSERT INTO id_numbers (id_number, batch_id, row_number)
       SELECT id, $1, rn FROM unnest($2::text[], $3::int[]) AS u (id, rn)
       ON CONFLICT (id_number) DO NOTHING
       RETURNING id_number, row_number`,
      [batchId, [...wanted.keys()], [...wanted.values()]],
    );
    return new Map(rows.map((r) => [r.id_number, r.row_number]));
  }

  async #holders(client: pg.PoolClient, idNumbers: readonly string[]): Promise<Map<string, IdHolder>> {
    if (idNumbers.length === 0) return new Map();
    const { rows } = await client.query<{
      id_number: string;
      batch_id: number;
      name: string;
      row_number: number;
    }>(
      `SELECT i.id_number, i.batch_id, b.name, i.row_number
       FROM id_numbers i JOIN batches b ON b.id = i.batch_id WHERE i.id_number = ANY ($1::text[])`,
      [idNumbers],
    );
    return new Map(
      rows.map((r) => [r.id_number, { batchId: r.batch_id, batchName: r.name, rowNumber: r.row_number }]),
    );
  }

  async #insertRows(client: pg.PoolClient, batchId: number, writes: readonly RowToWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const column = <K extends keyof RowToWrite>(key: K) => writes.map((w) => w[key]);
    // Payloads travel as one binary parameter cut apart by offsets: a bytea[] parameter would go
    // as hex text that the server parses, three times slower for 700-byte payloads.
    const payloads = Buffer.concat(writes.flatMap((w) => (w.payload ? [w.payload] : [])));
    const offsets: (number | null)[] = [];
    let offset = 1;
    for (const w of writes) {
      offsets.push(w.payload ? offset : null);
      offset += w.payload?.byteLength ?? 0;
    }
    await client.query(
      `WITH written AS (
         INSERT INTO batch_rows (batch_id, row_number, state, id_number, township, village, payload, reason, message)
         SELECT $1, rn, st, id, tw, vi, CASE WHEN off IS NOT NULL THEN substring($7::bytea FROM off FOR len) END, re, me
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $8::int[], $9::int[],
                     $10::text[], $11::text[]) AS u (rn, st, id, tw, vi, off, len, re, me)
         RETURNING row_number, state, reason)
       INSERT INTO audit (batch_id, row_number, event, detail)
       SELECT $1, row_number, state, reason FROM written ORDER BY row_number`,
      [
        batchId,
        column('rowNumber'),
        column('state'),
        column('idNumber'),
        column('township'),
        column('village'),
        payloads,
        offsets,
        writes.map((w) => w.payload?.byteLength ?? null),
        column('reason'),
        column('message'),
      ],
    );
  }

  async markPrepareDone(batch: string): Promise<void> {
    await this.#pool.query('UPDATE batches SET prepare_done = true WHERE id = $1', [
      await this.#batchId(batch),
    ]);
  }

  async claim(batch: string, station: string, limit: number): Promise<EncodeJob[]> {
    const batchId = await this.#batchId(batch);
    const { rows } = await this.#pool.query<{ row_number: number; id_number: string; payload: Buffer }>(
      `WITH picked AS (
         SELECT row_number FROM batch_rows WHERE batch_id = $1 AND state = 'prepared'
         ORDER BY row_number LIMIT $3 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE batch_rows r SET state = 'encoding', station = $2 FROM picked
         WHERE r.batch_id = $1 AND r.row_number = picked.row_number
         RETURNING r.row_number, r.id_number, r.payload),
       logged AS (
         INSERT INTO audit (batch_id, row_number, station, event)
         SELECT $1, row_number, $2, '${AUDIT_EVENT.claimed}' FROM claimed)
       SELECT * FROM claimed ORDER BY row_number`,
      [batchId, station, limit],
    );
    return rows.map((r) => ({ batch, rowNumber: r.row_number, idNumber: r.id_number, payload: r.payload }));
  }

  async releaseStale(batch: string, station: string): Promise<number> {
    const batchId = await this.#batchId(batch);
    const { rowCount } = await this.#pool.query(
      `WITH released AS (
         UPDATE batch_rows SET state = 'prepared', station = NULL
         WHERE batch_id = $1 AND state = 'encoding' AND station = $2 RETURNING row_number)
       INSERT INTO audit (batch_id, row_number, station, event)
       SELECT $1, row_number, $2, '${AUDIT_EVENT.released}' FROM released ORDER BY row_number`,
      [batchId, station],
    );
    return rowCount ?? 0;
  }

  /** Moves a row this station is encoding to `issued` or `spoiled`; throws when it is not. */
  async #finishEncoding(
    client: pg.PoolClient,
    batch: string,
    batchId: number,
    rowNumber: number,
    station: string,
    change: { state: 'issued' | 'spoiled'; reason: string | null; chip: ChipInfo | undefined },
  ): Promise<void> {
    const { rowCount } = await client.query(
      `UPDATE batch_rows SET state = $4, reason = $5, chip_serial = $6, atr = $7,
         issued_at = CASE WHEN $4 = 'issued' THEN now() END
       WHERE batch_id = $1 AND row_number = $2 AND state = 'encoding' AND station = $3`,
      [batchId, rowNumber, station, change.state, change.reason, change.chip?.chipSerial, change.chip?.atr],
    );
    if (rowCount !== 1) throw notClaimedBy(batch, rowNumber, station);
  }

  async #useChip(
    client: pg.PoolClient,
    batchId: number,
    rowNumber: number,
    chip: ChipInfo,
    outcome: 'issued' | 'spoiled',
  ): Promise<boolean> {
    const { rowCount } = await client.query(
      `INSERT INTO chips (chip_serial, batch_id, row_number, atr, outcome) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [chip.chipSerial, batchId, rowNumber, chip.atr, outcome],
    );
    return rowCount === 1;
  }

  async #audit(
    client: pg.PoolClient,
    batchId: number,
    rowNumber: number,
    station: string,
    event: string,
    detail: string,
  ): Promise<void> {
    await client.query(
      'INSERT INTO audit (batch_id, row_number, station, event, detail) VALUES ($1, $2, $3, $4, $5)',
      [batchId, rowNumber, station, event, detail],
    );
  }

  async markIssued(batch: string, rowNumber: number, station: string, chip: ChipInfo): Promise<void> {
    const batchId = await this.#batchId(batch);
    await this.#transaction(async (client) => {
      await this.#finishEncoding(client, batch, batchId, rowNumber, station, {
        state: 'issued',
        reason: null,
        chip,
      });
      if (!(await this.#useChip(client, batchId, rowNumber, chip, 'issued')))
        throw chipAlreadyUsed(chip.chipSerial);
      await this.#audit(client, batchId, rowNumber, station, AUDIT_EVENT.issued, chip.chipSerial);
    });
  }

  async markSpoiled(
    batch: string,
    rowNumber: number,
    station: string,
    reason: string,
    chip?: ChipInfo,
  ): Promise<void> {
    const batchId = await this.#batchId(batch);
    await this.#transaction(async (client) => {
      await this.#finishEncoding(client, batch, batchId, rowNumber, station, {
        state: 'spoiled',
        reason,
        chip,
      });
      // A spoiled chip is recorded so that it is never issued later; spoiling one twice is harmless.
      if (chip) await this.#useChip(client, batchId, rowNumber, chip, 'spoiled');
      const detail = chip ? `${reason} ${chip.chipSerial}` : reason;
      await this.#audit(client, batchId, rowNumber, station, AUDIT_EVENT.spoiled, detail);
    });
  }

  async retrySpoiled(batch: string): Promise<number> {
    const batchId = await this.#batchId(batch);
    const { rowCount } = await this.#pool.query(
      `WITH retried AS (
         UPDATE batch_rows SET state = 'prepared', station = NULL, reason = NULL, message = NULL,
           chip_serial = NULL, atr = NULL
         WHERE batch_id = $1 AND state = 'spoiled' RETURNING row_number)
       INSERT INTO audit (batch_id, row_number, event)
       SELECT $1, row_number, '${AUDIT_EVENT.retried}' FROM retried ORDER BY row_number`,
      [batchId],
    );
    return rowCount ?? 0;
  }

  async status(batch: string): Promise<BatchStatus> {
    const batchId = await this.#batchId(batch);
    // One statement: both counts see the same snapshot while stations keep writing.
    const { rows } = await this.#pool.query<{ kind: 'state' | 'reason'; key: string | null; n: number }>(
      `SELECT 'state' AS kind, state AS key, count(*)::int AS n FROM batch_rows WHERE batch_id = $1 GROUP BY state
       UNION ALL
       SELECT 'reason', reason, count(*)::int FROM batch_rows
       WHERE batch_id = $1 AND state IN ('rejected', 'spoiled') GROUP BY reason`,
      [batchId],
    );
    const states = Object.fromEntries(ROW_STATES.map((s) => [s, 0])) as Record<RowState, number>;
    const reasons: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      if (r.kind === 'state') {
        states[r.key as RowState] = r.n;
        total += r.n;
      } else if (r.key !== null) reasons[r.key] = r.n;
    }
    return { batch, rows: total, states, reasons };
  }

  async *rows(batch: string, filter: RowsFilter = {}): AsyncIterable<ReportRow> {
    const batchId = await this.#batchId(batch);
    const byPlace = filter.order === 'place';
    const states = filter.states && stateListSql(filter.states);
    // COLLATE "C": the same order as SQLite's, and the one the place index is built with.
    const sql = `SELECT ${REPORT_COLUMNS}${filter.withPayload ? ', r.payload' : ''} FROM batch_rows r
      WHERE r.batch_id = $1 ${states ? `AND r.state IN (${states})` : ''}
        AND ${byPlace ? '(r.township COLLATE "C", r.village COLLATE "C", r.row_number) > ($3, $4, $2)' : 'r.row_number > $2'}
      ORDER BY ${byPlace ? 'r.township COLLATE "C", r.village COLLATE "C", r.row_number' : 'r.row_number'}
      LIMIT ${this.#pageSize}`;
    let after = { township: '', village: '', rowNumber: 0 };
    for (;;) {
      const params = byPlace
        ? [batchId, after.rowNumber, after.township, after.village]
        : [batchId, after.rowNumber];
      const { rows: records } = await this.#pool.query<Record<string, unknown>>(sql, params);
      for (const record of records) yield reportRowFrom(record);
      if (records.length < this.#pageSize) return;
      const last = records[records.length - 1]!;
      after = {
        township: last.township as string,
        village: last.village as string,
        rowNumber: last.rowNumber as number,
      };
    }
  }

  async findRow(batch: string, idNumber: string): Promise<ReportRow | undefined> {
    const batchId = await this.#batchId(batch);
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${REPORT_COLUMNS}, r.payload FROM id_numbers i
       JOIN batch_rows r ON r.batch_id = i.batch_id AND r.row_number = i.row_number
       WHERE i.id_number = $1 AND i.batch_id = $2`,
      [idNumber, batchId],
    );
    return rows[0] && reportRowFrom(rows[0]);
  }

  async audit(batch: string, rowNumber: number): Promise<AuditEvent[]> {
    const batchId = await this.#batchId(batch);
    const { rows } = await this.#pool.query<{
      row_number: number;
      at: Date;
      station: string | null;
      event: string;
      detail: string | null;
    }>(
      `SELECT row_number, at, station, event, detail FROM audit
       WHERE batch_id = $1 AND row_number = $2 ORDER BY seq`,
      [batchId, rowNumber],
    );
    return rows.map((r) => {
      const event: { -readonly [K in keyof AuditEvent]: AuditEvent[K] } = {
        rowNumber: r.row_number,
        at: r.at.toISOString(),
        event: r.event,
      };
      if (r.station !== null) event.station = r.station;
      if (r.detail !== null) event.detail = r.detail;
      return event;
    });
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
