/**
 * Journal throughput: `commitChunk` of synthetic rows (~700-byte payloads, 1 in 50 rejected, 1 in
 * 100 a duplicate) into a fresh SQLite file and, when the server binaries are installed, a fresh
 * PostgreSQL cluster (fsync on, as in production). Prints rows/s per store and chunk size, next
 * to a floor measured in the same run: the same payloads and row numbers inserted into one bare
 * table (no indexes, no ID numbers, no audit) in the same chunk transactions.
 *
 *   node --import tsx packages/issuance/src/journal/testing/journal.bench.ts [ROWS]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresUnavailable, startPostgres } from '../../../../../tests/support/postgres.js';
import type { PreparedRow } from '../journal.js';
import { openJournal } from '../open-journal.js';
import { preparedRow, SYNTHETIC_SOURCE } from './synthetic-rows.js';

const ROWS = Number(process.argv[2] ?? 200_000);
const CHUNKS = [2_000, 5_000, 10_000];

function chunkOf(from: number, size: number): PreparedRow[] {
  const rows: PreparedRow[] = [];
  for (let n = from; n < from + size; n++) {
    if (n % 50 === 0) rows.push({ rowNumber: n, reason: 'FIELD_MISSING', message: 'synthetic' });
    else rows.push(preparedRow(n, n % 100 === 1 && n > 1 ? n - 1 : n));
  }
  return rows;
}

async function measure(url: string, chunk: number): Promise<number> {
  const journal = await openJournal(url);
  const batch = `bench-${chunk}`;
  await journal.openBatch(batch, SYNTHETIC_SOURCE);
  // Rows are built before the clock starts: this measures the store, not the generator.
  const chunks: PreparedRow[][] = [];
  for (let from = 1; from <= ROWS; from += chunk)
    chunks.push(chunkOf(from, Math.min(chunk, ROWS - from + 1)));
  const started = process.hrtime.bigint();
  for (const rows of chunks) await journal.commitChunk(batch, rows, rows[rows.length - 1]!.rowNumber);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const status = await journal.status(batch);
  if (status.rows !== ROWS) throw new Error(`expected ${ROWS} rows, journal has ${status.rows}`);
  await journal.close();
  return ROWS / seconds;
}

const payloadChunks = (chunk: number) => {
  const chunks: { numbers: number[]; payloads: Buffer[] }[] = [];
  for (let from = 1; from <= ROWS; from += chunk) {
    const rows = chunkOf(from, Math.min(chunk, ROWS - from + 1));
    chunks.push({
      numbers: rows.map((r) => r.rowNumber),
      payloads: rows.map((r) => Buffer.from('payload' in r ? r.payload : new Uint8Array(0))),
    });
  }
  return chunks;
};

function sqliteFloor(path: string, chunk: number): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (n INTEGER, p BLOB)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  const chunks = payloadChunks(chunk);
  const started = process.hrtime.bigint();
  for (const c of chunks) {
    db.transaction(() => {
      for (const [i, n] of c.numbers.entries()) insert.run(n, c.payloads[i]);
    })();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return ROWS / seconds;
}

async function postgresFloor(url: string, chunk: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE t (n integer, p bytea)');
  const chunks = payloadChunks(chunk);
  const started = process.hrtime.bigint();
  for (const c of chunks) {
    await client.query('INSERT INTO t SELECT * FROM unnest($1::int[], $2::bytea[])', [c.numbers, c.payloads]);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  return ROWS / seconds;
}

const rate = (n: number) => `${Math.round(n).toLocaleString('en').padStart(9)} rows/s`;
const report = (store: string, chunk: number, journal: number, floor: number) =>
  console.log(
    `${store.padEnd(10)} chunk ${String(chunk).padStart(6)}  journal ${rate(journal)}  floor ${rate(floor)}  ratio ${(journal / floor).toFixed(2)}`,
  );

console.log(`journal commitChunk, ${ROWS.toLocaleString('en')} rows per run, ~700-byte payloads`);
const dir = mkdtempSync(join(tmpdir(), 'hcard-journal-bench-'));
try {
  for (const chunk of CHUNKS) {
    const journal = await measure(`sqlite:${join(dir, `bench-${chunk}.db`)}`, chunk);
    report('sqlite', chunk, journal, sqliteFloor(join(dir, `floor-${chunk}.db`), chunk));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const unavailable = postgresUnavailable();
if (unavailable) console.log(`postgres   skipped: ${unavailable}`);
else {
  const server = await startPostgres({ fsync: true });
  try {
    for (const chunk of CHUNKS) {
      const journal = await measure(await server.createDatabase(), chunk);
      report('postgres', chunk, journal, await postgresFloor(await server.createDatabase(), chunk));
    }
  } finally {
    await server.stop();
  }
}
