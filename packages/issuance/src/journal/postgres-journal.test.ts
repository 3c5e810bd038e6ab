/**
 * The shared journal suite on the PostgreSQL store, against a real server: a private throwaway
 * cluster for this file (tests/support/postgres.ts), a fresh database per test.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PostgresServer,
  postgresUnavailable,
  startPostgres,
} from '../../../../tests/support/postgres.js';
import { journalSuite } from './journal.suite.js';
import { openJournal } from './open-journal.js';
import { preparedRows, SYNTHETIC_SOURCE } from './testing/synthetic-rows.js';

// Under CI the setup installs PostgreSQL, so a missing server fails the run instead of skipping it.
const unavailable = process.env.CI ? undefined : postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL journal tests skipped: ${unavailable}`);

describe.skipIf(unavailable)('PostgreSQL journal', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  journalSuite({
    freshUrl: () => server.createDatabase(),
    async sql(url, statement) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(statement)).rows;
      } finally {
        await client.end();
      }
    },
  });

  it('claim skips rows another transaction has locked instead of waiting for it', async () => {
    const url = await server.createDatabase();
    const journal = await openJournal(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 4), 4);
      // Another station in the middle of its claim: rows 1 and 2 locked, not committed yet.
      await holder.query('BEGIN');
      await holder.query('SELECT row_number FROM batch_rows WHERE row_number <= 2 FOR UPDATE');
      const claimed = await Promise.race([
        journal.claim('b1', 'station-b', 2),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000)),
      ]);
      expect(claimed === 'waited' ? claimed : claimed.map((j) => j.rowNumber)).toEqual([3, 4]);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
      await journal.close();
    }
  });

  it('refuses TRUNCATE on the audit trail too', async () => {
    const url = await server.createDatabase();
    await (await openJournal(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query('TRUNCATE audit')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('two stations opening a new database at once migrate it once', async () => {
    const url = await server.createDatabase();
    const journals = await Promise.all([openJournal(url), openJournal(url), openJournal(url)]);
    await Promise.all(journals.map((j) => j.close()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT version FROM schema_version')).rows).toEqual([{ version: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('names the database, not the password, when it cannot connect', async () => {
    const url = server.adminUrl.replace(/:[^:@/]+@/, ':wrong-password@').replace(/\/postgres$/, '/journal');
    const error = await openJournal(url).then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('HCARD_E_ISSUE_STORE_FAILED');
    expect(error?.message).toMatch(/database journal: .*password authentication failed/);
    expect(error?.message).not.toContain('wrong-password');
  });
});
