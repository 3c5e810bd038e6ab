/**
 * The journal's behaviour, one suite for every store (sqlite-journal.test.ts,
 * postgres-journal.test.ts). Each test gets a fresh, empty store by URL, so that child processes
 * (other stations, a prepare that is killed) can open the same store the way `hcard issue` does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isHcardError } from '@hcard/card-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Journal, PreparedRow, ReportRow } from './journal.js';
import { openJournal } from './open-journal.js';
import {
  preparedRow,
  preparedRows,
  SYNTHETIC_SOURCE,
  syntheticId,
  syntheticPayload,
} from './testing/synthetic-rows.js';

export interface StoreFixture {
  /** URL of a new, empty store. */
  freshUrl(): Promise<string>;
  /** Runs one SQL statement on the store directly, past the journal; returns its rows. */
  sql(url: string, statement: string): Promise<Record<string, unknown>[]>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/journal-child.ts', import.meta.url));
const CHILD_TIMEOUT_MS = 60_000;

/** Small pages, so that every test with more than a few rows crosses page boundaries. */
const PAGE_SIZE = 7;
const CHIP = (serial: string) => ({ chipSerial: serial, atr: '3B6D000080318065B0831148C883009000' });

const rejected = (
  rowNumber: number,
  reason: 'FIELD_MISSING' | 'PHONE_INVALID',
  idKey?: number,
): PreparedRow => ({
  rowNumber,
  ...(idKey === undefined ? {} : { idNumber: syntheticId(idKey) }),
  reason,
  message: `synthetic ${reason}`,
});

async function collect(iterable: AsyncIterable<ReportRow>): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of iterable) rows.push(row);
  return rows;
}

async function expectCode(promise: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isHcardError(error), `expected an HcardError, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  expect((error as Error).message).toMatch(text);
}

/** A journal client in a child process (testing/journal-child.ts). */
function child(args: readonly string[]): {
  process: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
} {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  proc.stdout!.setEncoding('utf8').on('data', (data: string) => {
    const parts = (partial + data).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.setEncoding('utf8').on('data', (data: string) => {
    stderr += data;
  });
  proc.stdin!.on('error', () => undefined);
  const timer = setTimeout(() => proc.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  const exited = new Promise<number | null>((resolve) =>
    proc.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== null) process.stderr.write(`journal-child ${args[0]} failed:\n${stderr}\n`);
      resolve(code);
    }),
  );
  return { process: proc, lines, exited };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function journalSuite(fixture: StoreFixture): void {
  const opened: Journal[] = [];
  const open = async (url: string): Promise<Journal> => {
    const journal = await openJournal(url, { pageSize: PAGE_SIZE });
    opened.push(journal);
    return journal;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((j) => j.close()));
  });

  describe('prepare: chunks and the watermark', () => {
    it('commits a chunk with its rows, their audit and the watermark', async () => {
      const journal = await open(await fixture.freshUrl());
      const batch = await journal.openBatch('b1', SYNTHETIC_SOURCE);
      expect(batch).toMatchObject({ name: 'b1', preparedThrough: 0, prepareDone: false });
      expect(Buffer.from(batch.template)).toEqual(Buffer.from(SYNTHETIC_SOURCE.template));

      // Row 4 was blank in the input: the watermark passes it without a row.
      const chunk = [preparedRow(1), preparedRow(2), rejected(3, 'FIELD_MISSING'), preparedRow(5)];
      expect(await journal.commitChunk('b1', chunk, 6)).toEqual({ duplicates: [] });
      expect((await journal.getBatch('b1'))?.preparedThrough).toBe(6);

      const rows = await collect(journal.rows('b1'));
      expect(rows.map((r) => [r.rowNumber, r.state, r.reason])).toEqual([
        [1, 'prepared', undefined],
        [2, 'prepared', undefined],
        [3, 'rejected', 'FIELD_MISSING'],
        [5, 'prepared', undefined],
      ]);
      expect(rows[0]).toMatchObject({ idNumber: syntheticId(1), township: '乡1', village: '村1' });
      expect(rows[2]?.message).toBe('synthetic FIELD_MISSING');
      expect((await journal.audit('b1', 1)).map((e) => e.event)).toEqual(['prepared']);
      expect(await journal.audit('b1', 3)).toEqual([
        { rowNumber: 3, at: expect.any(String), event: 'rejected', detail: 'FIELD_MISSING' },
      ]);
    });

    it('refuses a chunk that overlaps committed rows and changes nothing', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 5), 5);
      await expectCode(
        journal.commitChunk('b1', preparedRows(5, 8), 8),
        'HCARD_E_INTERNAL',
        /row 5 after row 5/,
      );
      await expectCode(
        journal.commitChunk('b1', [preparedRow(7), preparedRow(6)], 7),
        'HCARD_E_INTERNAL',
        /row 6 after row 7/,
      );
      expect((await journal.getBatch('b1'))?.preparedThrough).toBe(5);
      expect((await journal.status('b1')).rows).toBe(5);
      // The refused chunks held no ID numbers: the same rows commit cleanly afterwards.
      expect(await journal.commitChunk('b1', preparedRows(6, 8), 8)).toEqual({ duplicates: [] });
    });

    it('resumes: a re-opened store returns the batch with its watermark; another source is refused', async () => {
      const url = await fixture.freshUrl();
      const first = await open(url);
      await first.openBatch('b1', SYNTHETIC_SOURCE);
      await first.commitChunk('b1', preparedRows(1, 10), 10);
      await first.commitChunk('b1', preparedRows(11, 20), 21);
      await first.close();

      const again = await open(url);
      expect(await again.getBatch('b1')).toMatchObject({ preparedThrough: 21, prepareDone: false });
      expect(await again.getBatch('nope')).toBeUndefined();
      expect((await again.openBatch('b1', SYNTHETIC_SOURCE)).preparedThrough).toBe(21);
      await expectCode(
        again.openBatch('b1', { ...SYNTHETIC_SOURCE, inputDigest: 'c'.repeat(64) }),
        'HCARD_E_ISSUE_BATCH_MISMATCH',
        /different input file/,
      );
      await again.commitChunk('b1', preparedRows(22, 25), 25);
      await again.markPrepareDone('b1');
      await again.close();

      const third = await open(url);
      expect(await third.getBatch('b1')).toMatchObject({ preparedThrough: 25, prepareDone: true });
      expect((await third.status('b1')).states.prepared).toBe(24);
    });

    it('refuses work on a batch it does not know', async () => {
      const journal = await open(await fixture.freshUrl());
      await expectCode(journal.status('ghost'), 'HCARD_E_ISSUE_BATCH_UNKNOWN', /no batch named 'ghost'/);
      await expectCode(journal.commitChunk('ghost', [], 1), 'HCARD_E_ISSUE_BATCH_UNKNOWN', /no batch named/);
    });
  });

  describe('duplicates: one holder per ID number across all batches', () => {
    it('keeps the first row with an ID number and rejects later ones, in and across chunks', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      const first = await journal.commitChunk(
        'b1',
        [preparedRow(1, 100), preparedRow(2, 200), preparedRow(3, 100), preparedRow(4, 100)],
        4,
      );
      expect(first.duplicates).toEqual([
        { rowNumber: 3, reason: 'DUPLICATE_IN_BATCH' },
        { rowNumber: 4, reason: 'DUPLICATE_IN_BATCH' },
      ]);
      const second = await journal.commitChunk('b1', [preparedRow(5, 200), preparedRow(6, 300)], 6);
      expect(second.duplicates).toEqual([{ rowNumber: 5, reason: 'DUPLICATE_IN_BATCH' }]);

      const rows = await collect(journal.rows('b1'));
      expect(rows.map((r) => [r.rowNumber, r.state, r.reason])).toEqual([
        [1, 'prepared', undefined],
        [2, 'prepared', undefined],
        [3, 'rejected', 'DUPLICATE_IN_BATCH'],
        [4, 'rejected', 'DUPLICATE_IN_BATCH'],
        [5, 'rejected', 'DUPLICATE_IN_BATCH'],
        [6, 'prepared', undefined],
      ]);
      // The message names the row that holds the number, never the number itself.
      expect(rows[2]?.message).toMatch(/\(row 1\)$/);
      expect(rows[4]?.message).toMatch(/\(row 2\)$/);
      expect(rows[2]?.message).not.toContain(syntheticId(100));
      // The rejected duplicate keeps its ID number for the reject list, and has no payload to claim.
      expect(rows[2]?.idNumber).toBe(syntheticId(100));
    });

    it('rejects an ID number held by another batch as DUPLICATE_ISSUED', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', [preparedRow(1, 100), preparedRow(2, 200)], 2);
      await journal.openBatch('b2', SYNTHETIC_SOURCE);
      const outcome = await journal.commitChunk(
        'b2',
        [preparedRow(1, 200), preparedRow(2, 300), preparedRow(3, 300)],
        3,
      );
      expect(outcome.duplicates).toEqual([
        { rowNumber: 1, reason: 'DUPLICATE_ISSUED' },
        { rowNumber: 3, reason: 'DUPLICATE_IN_BATCH' },
      ]);
      const [row1] = await collect(journal.rows('b2'));
      expect(row1?.message).toMatch(/\(batch 'b1', row 2\)$/);
      expect((await journal.status('b1')).states.prepared).toBe(2);
    });

    it('a row rejected by validation does not hold its ID number', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      const outcome = await journal.commitChunk(
        'b1',
        [rejected(1, 'PHONE_INVALID', 100), preparedRow(2, 100)],
        2,
      );
      expect(outcome.duplicates).toEqual([]);
      await journal.commitChunk('b1', [rejected(3, 'PHONE_INVALID', 200)], 3);
      await journal.openBatch('b2', SYNTHETIC_SOURCE);
      expect((await journal.commitChunk('b2', [preparedRow(1, 200)], 1)).duplicates).toEqual([]);
      // And a duplicate that was rejected does not hold it either: the holder stays row 2.
      await journal.commitChunk('b1', [preparedRow(4, 100)], 4);
      const rows = await collect(journal.rows('b1', { states: ['rejected'] }));
      expect(rows.map((r) => [r.rowNumber, r.reason, r.message?.match(/row \d+/)?.[0]])).toEqual([
        [1, 'PHONE_INVALID', undefined],
        [3, 'PHONE_INVALID', undefined],
        [4, 'DUPLICATE_IN_BATCH', 'row 2'],
      ]);
    });
  });

  describe('encode: claim, issue, spoil, retry, release', () => {
    it('claims prepared rows in order with their payloads, then issues and spoils them with an audit trail', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk(
        'b1',
        [...preparedRows(1, 3), rejected(4, 'FIELD_MISSING'), ...preparedRows(5, 6)],
        6,
      );

      const jobs = await journal.claim('b1', 'station-a', 3);
      expect(jobs.map((j) => [j.batch, j.rowNumber, j.idNumber])).toEqual([
        ['b1', 1, syntheticId(1)],
        ['b1', 2, syntheticId(2)],
        ['b1', 3, syntheticId(3)],
      ]);
      for (const job of jobs)
        expect(Buffer.from(job.payload)).toEqual(Buffer.from(syntheticPayload(job.rowNumber)));

      await journal.markIssued('b1', 1, 'station-a', CHIP('C0001'));
      await journal.markSpoiled('b1', 2, 'station-a', 'VERIFY_MISMATCH', CHIP('C0002'));
      await journal.markSpoiled('b1', 3, 'station-a', 'CARD_REMOVED');

      // Rejected row 4 is never claimed.
      expect((await journal.claim('b1', 'station-a', 10)).map((j) => j.rowNumber)).toEqual([5, 6]);
      expect(await journal.claim('b1', 'station-a', 10)).toEqual([]);

      const rows = await collect(journal.rows('b1', { states: ['issued', 'spoiled'] }));
      expect(rows).toEqual([
        expect.objectContaining({
          rowNumber: 1,
          state: 'issued',
          chipSerial: 'C0001',
          issuedAt: expect.any(String),
        }),
        expect.objectContaining({
          rowNumber: 2,
          state: 'spoiled',
          reason: 'VERIFY_MISMATCH',
          chipSerial: 'C0002',
        }),
        expect.objectContaining({ rowNumber: 3, state: 'spoiled', reason: 'CARD_REMOVED' }),
      ]);
      expect(rows[2]?.chipSerial).toBeUndefined();
      expect((await journal.audit('b1', 1)).map((e) => [e.event, e.station, e.detail])).toEqual([
        ['prepared', undefined, undefined],
        ['claimed', 'station-a', undefined],
        ['issued', 'station-a', 'C0001'],
      ]);

      expect(await journal.retrySpoiled('b1')).toBe(2);
      expect(await journal.retrySpoiled('b1')).toBe(0);
      const retried = await journal.claim('b1', 'station-b', 5);
      expect(retried.map((j) => j.rowNumber)).toEqual([2, 3]);
      await journal.markIssued('b1', 2, 'station-b', CHIP('C0003'));
      expect((await journal.audit('b1', 2)).map((e) => [e.event, e.station, e.detail])).toEqual([
        ['prepared', undefined, undefined],
        ['claimed', 'station-a', undefined],
        ['spoiled', 'station-a', 'VERIFY_MISMATCH C0002'],
        ['retried', undefined, undefined],
        ['claimed', 'station-b', undefined],
        ['issued', 'station-b', 'C0003'],
      ]);
      const [row2] = await collect(journal.rows('b1', { states: ['issued'] })).then((r) =>
        r.filter((x) => x.rowNumber === 2),
      );
      expect(row2).toMatchObject({ state: 'issued', chipSerial: 'C0003' });
      expect(row2?.reason).toBeUndefined();
    });

    it('refuses to finish a job that this station is not encoding', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 3), 3);
      await journal.claim('b1', 'station-a', 1);
      await expectCode(
        journal.markIssued('b1', 1, 'station-b', CHIP('X1')),
        'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
        /station 'station-b'/,
      );
      await expectCode(
        journal.markIssued('b1', 2, 'station-a', CHIP('X2')),
        'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
        /row 2 /,
      );
      await journal.markIssued('b1', 1, 'station-a', CHIP('X3'));
      // Issued once; a second report for the same job is refused and changes nothing.
      await expectCode(
        journal.markIssued('b1', 1, 'station-a', CHIP('X4')),
        'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
        /row 1 /,
      );
      await expectCode(
        journal.markSpoiled('b1', 1, 'station-a', 'LATE'),
        'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
        /row 1 /,
      );
      expect(await collect(journal.rows('b1', { states: ['issued'] }))).toEqual([
        expect.objectContaining({ rowNumber: 1, chipSerial: 'X3' }),
      ]);
      // The refused chips were not recorded as used.
      await journal.claim('b1', 'station-a', 1);
      await journal.markIssued('b1', 2, 'station-a', CHIP('X1'));
    });

    it('uses a chip once: a second job on an issued or spoiled chip is refused and the job stays encoding', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 4), 4);
      await journal.claim('b1', 'station-a', 4);
      await journal.markIssued('b1', 1, 'station-a', CHIP('CHIP-1'));
      await expectCode(
        journal.markIssued('b1', 2, 'station-a', CHIP('CHIP-1')),
        'HCARD_E_ISSUE_CHIP_REUSED',
        /CHIP-1 was already used/,
      );
      await journal.markSpoiled('b1', 3, 'station-a', 'WRITE_FAILED', CHIP('CHIP-3'));
      await expectCode(
        journal.markIssued('b1', 4, 'station-a', CHIP('CHIP-3')),
        'HCARD_E_ISSUE_CHIP_REUSED',
        /CHIP-3 was already used/,
      );

      // The refused calls rolled back whole: rows 2 and 4 still encoding, no 'issued' in their audit.
      const status = await journal.status('b1');
      expect(status.states).toMatchObject({ issued: 1, spoiled: 1, encoding: 2 });
      expect((await journal.audit('b1', 2)).map((e) => e.event)).toEqual(['prepared', 'claimed']);
      // Across batches too.
      await journal.openBatch('b2', SYNTHETIC_SOURCE);
      await journal.commitChunk('b2', [preparedRow(1, 1001)], 1);
      await journal.claim('b2', 'station-a', 1);
      await expectCode(
        journal.markIssued('b2', 1, 'station-a', CHIP('CHIP-1')),
        'HCARD_E_ISSUE_CHIP_REUSED',
        /already used/,
      );
      await journal.markIssued('b1', 2, 'station-a', CHIP('CHIP-2'));
    });

    it("releaseStale returns only this station's encoding rows to prepared, audited", async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 8), 8);
      await journal.claim('b1', 'station-a', 3);
      await journal.claim('b1', 'station-b', 2);
      await journal.markIssued('b1', 1, 'station-a', CHIP('R1'));

      expect(await journal.releaseStale('b1', 'station-a')).toBe(2);
      expect(await journal.releaseStale('b1', 'station-a')).toBe(0);
      const rows = await collect(journal.rows('b1'));
      expect(rows.map((r) => r.state)).toEqual([
        'issued',
        'prepared',
        'prepared',
        'encoding',
        'encoding',
        'prepared',
        'prepared',
        'prepared',
      ]);
      expect((await journal.audit('b1', 2)).map((e) => [e.event, e.station])).toEqual([
        ['prepared', undefined],
        ['claimed', 'station-a'],
        ['released', 'station-a'],
      ]);
      await expectCode(
        journal.markIssued('b1', 2, 'station-a', CHIP('R2')),
        'HCARD_E_ISSUE_JOB_NOT_CLAIMED',
        /not being encoded/,
      );
      expect((await journal.claim('b1', 'station-c', 2)).map((j) => j.rowNumber)).toEqual([2, 3]);
    });
  });

  describe('status and reports', () => {
    it('counts every state and every reject and spoil reason exactly', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.openBatch('other', SYNTHETIC_SOURCE);
      await journal.commitChunk('other', [preparedRow(1, 500)], 1);
      await journal.commitChunk(
        'b1',
        [
          ...preparedRows(1, 10),
          rejected(11, 'FIELD_MISSING'),
          rejected(12, 'FIELD_MISSING'),
          rejected(13, 'PHONE_INVALID', 900),
          preparedRow(14, 3),
          preparedRow(15, 500),
        ],
        15,
      );
      await journal.claim('b1', 'station-a', 5);
      await journal.markIssued('b1', 1, 'station-a', CHIP('S1'));
      await journal.markIssued('b1', 2, 'station-a', CHIP('S2'));
      await journal.markSpoiled('b1', 3, 'station-a', 'CARD_REMOVED');
      await journal.markSpoiled('b1', 4, 'station-a', 'CARD_REMOVED', CHIP('S4'));

      expect(await journal.status('b1')).toEqual({
        batch: 'b1',
        rows: 15,
        states: { pending: 0, prepared: 5, encoding: 1, issued: 2, spoiled: 2, rejected: 5 },
        reasons: {
          FIELD_MISSING: 2,
          PHONE_INVALID: 1,
          DUPLICATE_IN_BATCH: 1,
          DUPLICATE_ISSUED: 1,
          CARD_REMOVED: 2,
        },
      });
      expect(await journal.status('other')).toEqual({
        batch: 'other',
        rows: 1,
        states: { pending: 0, prepared: 1, encoding: 0, issued: 0, spoiled: 0, rejected: 0 },
        reasons: {},
      });
    });

    it('streams rows in row order across page boundaries, filtered, in pages that see later commits', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      // 40 rows with gaps (every 5th input row blank) and every 3rd rejected: pages of 7 split them unevenly.
      const rows: PreparedRow[] = [];
      for (let n = 1; n <= 50; n++) {
        if (n % 5 === 0) continue;
        rows.push(n % 3 === 0 ? rejected(n, 'FIELD_MISSING') : preparedRow(n));
      }
      await journal.commitChunk('b1', rows.slice(0, 20), 25);
      await journal.commitChunk('b1', rows.slice(20), 50);

      expect((await collect(journal.rows('b1'))).map((r) => r.rowNumber)).toEqual(
        rows.map((r) => r.rowNumber),
      );
      const rejectedRows = await collect(journal.rows('b1', { states: ['rejected'] }));
      expect(rejectedRows.map((r) => r.rowNumber)).toEqual(
        rows.filter((r) => 'reason' in r).map((r) => r.rowNumber),
      );
      expect(await collect(journal.rows('b1', { states: ['issued'] }))).toEqual([]);

      // Rows committed while a reader is on its first page show up in its later pages: it reads
      // page by page, not the whole batch at once.
      const seen: number[] = [];
      for await (const row of journal.rows('b1')) {
        if (seen.length === 0) await journal.commitChunk('b1', preparedRows(51, 60), 60);
        seen.push(row.rowNumber);
      }
      expect(seen.slice(-10)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
      expect(seen).toHaveLength(50);
    });

    it('lists issued rows by township, village and row across pages, with payloads when asked', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      // preparedRow puts row n in 乡(n % 7), 村(n % 13): 30 rows spread over many places.
      await journal.commitChunk('b1', preparedRows(1, 30), 30);
      const jobs = await journal.claim('b1', 'station-a', 30);
      for (const job of jobs.filter((j) => j.rowNumber !== 5)) {
        await journal.markIssued('b1', job.rowNumber, 'station-a', CHIP(`P${job.rowNumber}`));
      }
      const listed = await collect(
        journal.rows('b1', { states: ['issued'], order: 'place', withPayload: true }),
      );
      const expected = jobs
        .map((j) => j.rowNumber)
        .filter((n) => n !== 5)
        .map((n) => ({ n, township: `乡${n % 7}`, village: `村${n % 13}` }))
        // Code-point order of the UTF-8 text, the same in both stores.
        .sort((a, b) =>
          a.township !== b.township
            ? Buffer.compare(Buffer.from(a.township), Buffer.from(b.township))
            : a.village !== b.village
              ? Buffer.compare(Buffer.from(a.village), Buffer.from(b.village))
              : a.n - b.n,
        );
      expect(listed.map((r) => [r.township, r.village, r.rowNumber])).toEqual(
        expected.map((e) => [e.township, e.village, e.n]),
      );
      for (const row of listed)
        expect(Buffer.from(row.payload!)).toEqual(Buffer.from(syntheticPayload(row.rowNumber)));
      const withoutPayload = await collect(journal.rows('b1', { states: ['issued'] }));
      expect(withoutPayload).toHaveLength(29);
      expect(withoutPayload.every((r) => r.payload === undefined)).toBe(true);
    });

    it('finds the row holding an ID number in a batch, with its payload, and not a rejected duplicate', async () => {
      const journal = await open(await fixture.freshUrl());
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.openBatch('b2', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', [preparedRow(1, 100), preparedRow(2, 200), preparedRow(3, 100)], 3);
      await journal.commitChunk('b2', [preparedRow(1, 300), preparedRow(2, 200)], 2);
      const found = await journal.findRow('b1', syntheticId(100));
      expect(found).toMatchObject({ rowNumber: 1, state: 'prepared', idNumber: syntheticId(100) });
      expect(Buffer.from(found!.payload!)).toEqual(Buffer.from(syntheticPayload(1)));
      // Held by b1, so b2's row 2 (a DUPLICATE_ISSUED) is not found in b2, nor b2's ID in b1.
      expect(await journal.findRow('b2', syntheticId(200))).toBeUndefined();
      expect(await journal.findRow('b1', syntheticId(300))).toBeUndefined();
      expect((await journal.findRow('b2', syntheticId(300)))?.rowNumber).toBe(1);
    });

    it('keeps the audit trail append-only: UPDATE and DELETE on it fail', async () => {
      const url = await fixture.freshUrl();
      const journal = await open(url);
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      await journal.commitChunk('b1', preparedRows(1, 3), 3);
      const before = await journal.audit('b1', 1);
      await expect(fixture.sql(url, `UPDATE audit SET event = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(fixture.sql(url, 'DELETE FROM audit WHERE row_number = 1')).rejects.toThrow(/append-only/);
      expect(await journal.audit('b1', 1)).toEqual(before);
      expect(before).toHaveLength(1);
    });
  });

  describe('stations and crashes (child processes)', () => {
    it('three stations claiming one batch at once get every row exactly once', {
      timeout: 120_000,
    }, async () => {
      const url = await fixture.freshUrl();
      const journal = await open(url);
      await journal.openBatch('b1', SYNTHETIC_SOURCE);
      const total = 300;
      await journal.commitChunk(
        'b1',
        [...preparedRows(1, total), rejected(total + 1, 'FIELD_MISSING')],
        total + 1,
      );

      const stations = ['s1', 's2', 's3'].map((name) => ({ name, child: child(['claim', url, 'b1', name]) }));
      await waitFor(() => stations.every((s) => s.child.lines.includes('ready')), 'stations to start');
      for (const s of stations) s.child.process.stdin!.write('go\n');
      const codes = await Promise.all(stations.map((s) => s.child.exited));
      expect(codes).toEqual([0, 0, 0]);

      const claimedBy = stations.map((s) => JSON.parse(s.child.lines.at(-1)!) as number[]);
      const all = claimedBy.flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      // Every station did part of the work (else the test proved nothing about concurrency).
      for (const rows of claimedBy) expect(rows.length).toBeGreaterThan(0);

      expect((await journal.status('b1')).states).toMatchObject({ issued: total, prepared: 0, encoding: 0 });
      const claimedEvents = await fixture.sql(url, `SELECT count(*) AS n FROM audit WHERE event = 'claimed'`);
      expect(Number(claimedEvents[0]?.n)).toBe(total);
      for (const [i, s] of stations.entries()) {
        const issued = await collect(journal.rows('b1', { states: ['issued'] }));
        const mine = issued.filter((r) => r.chipSerial?.startsWith(`${s.name}-`)).map((r) => r.rowNumber);
        expect(mine.sort((a, b) => a - b)).toEqual([...claimedBy[i]!].sort((a, b) => a - b));
      }
    });

    it('a prepare killed with SIGKILL during a commit leaves whole chunks and the watermark on the last one', {
      timeout: 120_000,
    }, async () => {
      const url = await fixture.freshUrl();
      const chunk = 5000;
      let before = 0;
      let killedMidCommit = 0;
      // Three kills at different moments after the fourth commit started, each checked and resumed.
      for (const delayMs of [1, 3, 6]) {
        const prepare = child(['prepare', url, 'b1', String(chunk)]);
        const started = () => prepare.lines.filter((l) => l.startsWith('committing')).length;
        await waitFor(() => started() >= 4, 'the prepare to start its fourth commit');
        await new Promise((r) => setTimeout(r, delayMs));
        prepare.process.kill('SIGKILL');
        await prepare.exited;
        if (prepare.lines.at(-1)?.startsWith('committing')) killedMidCommit++;

        const journal = await open(url);
        const through = (await journal.getBatch('b1'))!.preparedThrough;
        expect(through % chunk).toBe(0);
        expect(through).toBeGreaterThanOrEqual(before + 3 * chunk);
        const [counts] = await fixture.sql(
          url,
          `SELECT (SELECT count(*) FROM batch_rows) AS row_count, (SELECT max(row_number) FROM batch_rows) AS last_row,
                  (SELECT count(*) FROM id_numbers) AS id_count, (SELECT count(*) FROM audit) AS audit_count`,
        );
        expect(Object.values(counts!).map(Number)).toEqual([through, through, through, through]);
        // The chunk after the watermark commits with no duplicates: no ID number of a half chunk survived.
        const resumed = await journal.commitChunk(
          'b1',
          preparedRows(through + 1, through + chunk),
          through + chunk,
        );
        expect(resumed).toEqual({ duplicates: [] });
        before = through + chunk;
      }
      // At least one kill hit a commit in flight (else this test would prove nothing about one).
      expect(killedMidCommit).toBeGreaterThan(0);
    });
  });
}
