/**
 * The PostgreSQL journal's schema, as numbered migrations applied on open under an advisory lock
 * (several stations may open the database at once). A migration is never edited once released.
 */
import type { PoolClient } from 'pg';
import { schemaTooNew } from './journal-rules.js';

/** Advisory lock key for migrations: any constant unlikely to clash with other applications. */
const MIGRATION_LOCK = 0x68636172; // "hcar"

const STATES = `'pending', 'prepared', 'encoding', 'issued', 'spoiled', 'rejected'`;

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE batches (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    input_digest text NOT NULL,
    options_digest text NOT NULL,
    template bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    prepared_through integer NOT NULL DEFAULT 0,
    prepare_done boolean NOT NULL DEFAULT false
  );
  CREATE TABLE batch_rows (
    batch_id integer NOT NULL REFERENCES batches (id),
    row_number integer NOT NULL,
    state text NOT NULL CHECK (state IN (${STATES})),
    id_number text,
    township text NOT NULL DEFAULT '',
    village text NOT NULL DEFAULT '',
    payload bytea,
    reason text,
    message text,
    station text,
    chip_serial text,
    atr text,
    issued_at timestamptz,
    PRIMARY KEY (batch_id, row_number)
  );
  -- Serves claim (state = 'prepared' in row order), rows per state, and status counts without payloads.
  CREATE INDEX batch_rows_by_state ON batch_rows (batch_id, state, row_number);
  -- Distribution lists: issued rows by township and village. Partial, so prepare never pays for it.
  CREATE INDEX batch_rows_issued_by_place
    ON batch_rows (batch_id, township COLLATE "C", village COLLATE "C", row_number)
    WHERE state = 'issued';
  -- One holder per ID number across all batches: how duplicates are found and why none is issued twice.
  CREATE TABLE id_numbers (
    id_number text PRIMARY KEY,
    batch_id integer NOT NULL REFERENCES batches (id),
    row_number integer NOT NULL
  );
  -- Every chip written to, issued or spoiled: a chip serial is used once.
  CREATE TABLE chips (
    chip_serial text PRIMARY KEY,
    batch_id integer NOT NULL REFERENCES batches (id),
    row_number integer NOT NULL,
    atr text NOT NULL,
    outcome text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE audit (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id integer NOT NULL REFERENCES batches (id),
    row_number integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    station text,
    event text NOT NULL,
    detail text
  );
  CREATE INDEX audit_by_row ON audit (batch_id, row_number);
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
  CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
  `,
];

/** Brings the database's schema to the latest version in one transaction. */
export async function migratePostgres(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_MIGRATIONS.length) throw schemaTooNew(current, POSTGRES_MIGRATIONS.length);
    for (const sql of POSTGRES_MIGRATIONS.slice(current)) await client.query(sql);
    if (rows.length === 0) {
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [POSTGRES_MIGRATIONS.length]);
    } else {
      await client.query('UPDATE schema_version SET version = $1', [POSTGRES_MIGRATIONS.length]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}
