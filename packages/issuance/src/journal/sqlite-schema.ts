/**
 * The SQLite journal's schema, as numbered migrations applied on open (the version is in
 * `schema_version`). A migration is never edited once released: add the next one.
 */
import type Database from 'better-sqlite3';
import { schemaTooNew } from './journal-rules.js';

const STATES = `'pending', 'prepared', 'encoding', 'issued', 'spoiled', 'rejected'`;

export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    input_digest TEXT NOT NULL,
    options_digest TEXT NOT NULL,
    template BLOB NOT NULL,
    created_at TEXT NOT NULL,
    prepared_through INTEGER NOT NULL DEFAULT 0,
    prepare_done INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE batch_rows (
    batch_id INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN (${STATES})),
    id_number TEXT,
    township TEXT NOT NULL DEFAULT '',
    village TEXT NOT NULL DEFAULT '',
    payload BLOB,
    reason TEXT,
    message TEXT,
    station TEXT,
    chip_serial TEXT,
    atr TEXT,
    issued_at TEXT,
    PRIMARY KEY (batch_id, row_number)
  );
  -- Serves claim (state = 'prepared' in row order) and status (a covering count per state).
  CREATE INDEX batch_rows_by_state ON batch_rows (batch_id, state, row_number);
  -- Distribution lists: issued rows by township and village. Partial, so prepare never pays for it.
  CREATE INDEX batch_rows_issued_by_place ON batch_rows (batch_id, township, village, row_number)
    WHERE state = 'issued';
  -- One holder per ID number across all batches: how duplicates are found and why none is issued twice.
  CREATE TABLE id_numbers (
    id_number TEXT PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    row_number INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Every chip written to, issued or spoiled: a chip serial is used once.
  CREATE TABLE chips (
    chip_serial TEXT PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    atr TEXT NOT NULL,
    outcome TEXT NOT NULL,
    at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    at TEXT NOT NULL,
    station TEXT,
    event TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX audit_by_row ON audit (batch_id, row_number);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `,
];

/** Brings the file's schema to the latest version, in one write transaction (two openers wait their turn). */
export function migrateSqlite(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SQLITE_MIGRATIONS.length) throw schemaTooNew(current, SQLITE_MIGRATIONS.length);
    for (const sql of SQLITE_MIGRATIONS.slice(current)) db.exec(sql);
    if (row === undefined)
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SQLITE_MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(SQLITE_MIGRATIONS.length);
  }).immediate();
}
