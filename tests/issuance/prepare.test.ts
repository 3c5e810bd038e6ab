/**
 * `prepare` end to end on real files and real stores (SQLite, and PostgreSQL started by the
 * rig): a 10,000-row sheet with every plantable fault ends with the exact count per state and
 * reason in every input format; duplicates across batches; photos missing and corrupt; a
 * `kill -9` mid-prepare and a re-run end exact too.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTH_CARD_PROFILE } from '@hcard/card-core';
import { TEST_KEY_STORE, testCertificate } from '@hcard/emulator';
import {
  generateEnrolmentPhoto,
  issuanceSettings,
  type Journal,
  openJournal,
  photoSource,
  prepareBatch,
  preparedCard,
  REJECT_REASONS,
  TEST_ISSUER_CONFIG,
} from '@hcard/issuance';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedTestMaster } from '../../emulator/src/keys/documented-master.test-helper.js';
import { startHcard } from '../support/cli-process.js';
import { enrolmentSheet, PLANTABLE, type Sheet } from '../support/enrolment.js';
import { type SheetFormat, writeSheet } from '../support/enrolment-files.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-prepare-'));
const settings = issuanceSettings(
  { ...TEST_ISSUER_CONFIG, issueDate: '20261130' },
  testCertificate('issuer'),
);
const EVERY_FAULT = Object.fromEntries(PLANTABLE.map((r) => [r, 3]));

let pg: PostgresServer | undefined;
beforeAll(async () => {
  if (!postgresUnavailable() || process.env.CI) pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A fresh, empty journal of each kind (SQLite file; PostgreSQL database). */
const STORES = {
  sqlite: async (name: string) => `sqlite:${join(dir, `${name}.db`)}`,
  postgres: async (name: string) => {
    if (!pg) throw new Error(postgresUnavailable());
    return pg.createDatabase(name.replace(/[^a-z0-9]/g, '_'));
  },
} as const;

async function prepare(journal: Journal, input: string, batch: string, extra: { photos?: string } = {}) {
  return prepareBatch({
    input,
    batch,
    journal,
    settings,
    securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
    ...(extra.photos ? { photos: photoSource(extra.photos) } : {}),
  });
}

function expectStatus(status: Awaited<ReturnType<Journal['status']>>, sheet: Sheet, rows: number) {
  const rejected = Object.values(sheet.expected.reasons).reduce((a, b) => a + (b ?? 0), 0);
  expect(status.rows).toBe(rows);
  expect(status.states).toEqual({
    pending: 0,
    prepared: sheet.expected.prepared,
    encoding: 0,
    issued: 0,
    spoiled: 0,
    rejected,
  });
  expect(status.reasons).toEqual(sheet.expected.reasons);
}

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('prepare into %s', (store) => {
  const FORMATS: [SheetFormat, string][] = [
    ['csv', 'csv'],
    ['csv-gb18030', 'csv'],
    ['xlsx', 'xlsx'],
    ['jsonl', 'jsonl'],
  ];

  it.each(FORMATS)(
    '10,000 rows as %s: exact counts per state and per reason',
    async (format, ext) => {
      const sheet = enrolmentSheet({ rows: 10_000, faults: EVERY_FAULT, seed: 7 });
      const input = join(dir, `${store}-${format}.${ext}`);
      await writeSheet(sheet, input, format);
      const journal = await openJournal(await STORES[store](`${store}_${format}`));
      try {
        const result = await prepare(journal, input, 'village-a');
        if (format === 'csv-gb18030') expect(result.encoding).toMatch(/^gb/);
        expectStatus(await journal.status('village-a'), sheet, 10_000);
        // Every reason code the sheet can plant shows up (the test would be weaker if one were lost).
        expect(Object.keys(sheet.expected.reasons).sort()).toEqual([...PLANTABLE].sort());
      } finally {
        await journal.close();
      }
    },
    120_000,
  );

  it('an ID number in an earlier batch is DUPLICATE_ISSUED; a re-run changes nothing', async () => {
    const url = await STORES[store](`${store}_across`);
    const first = enrolmentSheet({ rows: 2_000, seed: 1 });
    const issued = [0, 10, 500, 1999].map((n) => [...first.rows()][n]!.idNumber);
    const second = enrolmentSheet({ rows: 2_000, seed: 2, offset: 2_000, issuedIds: issued });
    await writeSheet(first, join(dir, `${store}-first.csv`), 'csv');
    await writeSheet(second, join(dir, `${store}-second.csv`), 'csv');
    const journal = await openJournal(url);
    try {
      await prepare(journal, join(dir, `${store}-first.csv`), 'first');
      await prepare(journal, join(dir, `${store}-second.csv`), 'second');
      expectStatus(await journal.status('second'), second, 2_000);
      expect((await journal.status('second')).reasons).toEqual({ DUPLICATE_ISSUED: 4 });
      // The earlier batch keeps its rows.
      expect((await journal.status('first')).states.prepared).toBe(2_000);
      const again = await prepare(journal, join(dir, `${store}-second.csv`), 'second');
      expect(again).toMatchObject({ resumedAfter: 2_000, prepared: 0, rejected: 0 });
      expectStatus(await journal.status('second'), second, 2_000);
    } finally {
      await journal.close();
    }
  }, 60_000);

  it('the same command on another day resumes the batch with its first issue date', async () => {
    const journal = await openJournal(await STORES[store](`${store}_nextday`));
    try {
      const sheet = enrolmentSheet({ rows: 30, seed: 8 });
      const input = join(dir, `${store}-nextday.csv`);
      await writeSheet(sheet, input, 'csv');
      await prepare(journal, input, 'd');
      const tomorrow = issuanceSettings(
        { ...TEST_ISSUER_CONFIG, issueDate: '20261201' },
        testCertificate('issuer'),
      );
      const again = await prepareBatch({
        input,
        batch: 'd',
        journal,
        settings: tomorrow,
        securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
      });
      expect(again).toMatchObject({ resumedAfter: 30, prepared: 0 });
      const card = await preparedCard(journal, 'd', [...sheet.rows()][0]!.idNumber);
      expect(card.values.issueDate).toBe('20261130');
    } finally {
      await journal.close();
    }
  }, 30_000);

  it('a batch name reused with another file is refused, not mixed', async () => {
    const journal = await openJournal(await STORES[store](`${store}_mismatch`));
    try {
      const a = enrolmentSheet({ rows: 50, seed: 3 });
      const b = enrolmentSheet({ rows: 50, seed: 4, offset: 50 });
      await writeSheet(a, join(dir, `${store}-m1.csv`), 'csv');
      await writeSheet(b, join(dir, `${store}-m2.csv`), 'csv');
      await prepare(journal, join(dir, `${store}-m1.csv`), 'm');
      await expect(prepare(journal, join(dir, `${store}-m2.csv`), 'm')).rejects.toMatchObject({
        code: 'HCARD_E_ISSUE_BATCH_MISMATCH',
      });
      expect((await journal.status('m')).rows).toBe(50);
    } finally {
      await journal.close();
    }
  }, 30_000);
});

describe('one batch with every reason code (SQLite)', () => {
  it.each([
    ['csv-gb18030', 'csv'],
    ['xlsx', 'xlsx'],
    ['jsonl', 'jsonl'],
  ] as const)(
    '10,000 rows as %s, photos missing and corrupt, duplicates in and across batches: exact counts',
    async (format, ext) => {
      const earlier = enrolmentSheet({ rows: 60, seed: 30, offset: 900_000 });
      const issuedIds = [...earlier.rows()].slice(0, 3).map((r) => r.idNumber);
      const sheet = enrolmentSheet({ rows: 10_000, faults: EVERY_FAULT, seed: 31, issuedIds });
      const input = join(dir, `every-${format}.${ext}`);
      await writeSheet(sheet, input, format);
      const photos = join(dir, `every-photos-${format}`);
      mkdirSync(photos);
      // Rows 3–8 (valid ones: planted faults sit far apart) get no photo or a corrupt one.
      const rows = [...sheet.rows()];
      const missing = new Set([2, 3, 4].map((i) => rows[i]!.idNumber));
      const corrupt = new Set([5, 6, 7].map((i) => rows[i]!.idNumber));
      // Already the card's photo size: the test is about counts, not about resizing.
      const jpeg = await generateEnrolmentPhoto(1, { width: 102, height: 126 });
      for (const id of new Set(rows.map((r) => r.idNumber))) {
        if (missing.has(id)) continue;
        writeFileSync(join(photos, `${id}.jpg`), corrupt.has(id) ? Buffer.from('JFIF? no') : jpeg);
      }
      const earlierInput = join(dir, `earlier-${format}.csv`);
      await writeSheet(earlier, earlierInput, 'csv');
      const journal = await openJournal(`sqlite:${join(dir, `every-${format}.db`)}`);
      try {
        await prepare(journal, earlierInput, 'earlier');
        const result = await prepare(journal, input, 'every', { photos });
        if (format === 'csv-gb18030') expect(result.encoding).toMatch(/^gb/);
        const status = await journal.status('every');
        const reasons = { ...sheet.expected.reasons, PHOTO_MISSING: 3, PHOTO_UNDECODABLE: 3 };
        expect(Object.keys(reasons).sort()).toEqual(Object.keys(REJECT_REASONS).sort());
        expect(status.reasons).toEqual(reasons);
        expect(status.states).toEqual({
          pending: 0,
          prepared: sheet.expected.prepared - 6,
          encoding: 0,
          issued: 0,
          spoiled: 0,
          rejected: 10_000 - (sheet.expected.prepared - 6),
        });
      } finally {
        await journal.close();
      }
    },
    240_000,
  );
});

describe('key material (SQLite)', () => {
  it('no master key (card keys, transport, security code) is in the journal, in any form', async () => {
    const sheet = enrolmentSheet({ rows: 300, seed: 13 });
    const input = join(dir, 'keys.csv');
    await writeSheet(sheet, input, 'csv');
    const path = join(dir, 'keys.db');
    const journal = await openJournal(`sqlite:${path}`);
    await prepare(journal, input, 'k');
    await journal.close();
    const file = readFileSync(path);
    const ids = [...HEALTH_CARD_PROFILE.keys.map((k) => k.id), 'TRANSPORT', 'CVN'];
    for (const id of ids) {
      const master = documentedTestMaster(id);
      expect(file.includes(Buffer.from(master)), id).toBe(false);
      expect(file.includes(Buffer.from(Buffer.from(master).toString('hex'))), id).toBe(false);
      expect(file.includes(Buffer.from(Buffer.from(master).toString('hex').toUpperCase())), id).toBe(false);
    }
    // The check can fail: the file does hold what prepare wrote (an ID number of the sheet).
    expect(file.includes(Buffer.from([...sheet.rows()][0]!.idNumber))).toBe(true);
  }, 60_000);
});

describe('prepare with photos (SQLite)', () => {
  it('missing and corrupt photos are rejected with their reason; the others fit the card', async () => {
    const sheet = enrolmentSheet({ rows: 120, seed: 11 });
    const input = join(dir, 'photos.csv');
    await writeSheet(sheet, input, 'csv');
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    const ids = [...sheet.rows()].map((r) => r.idNumber);
    const missing = new Set([ids[5], ids[60]]);
    const corrupt = new Set([ids[7], ids[90], ids[119]]);
    for (const [i, id] of ids.entries()) {
      if (missing.has(id)) continue;
      const jpeg = corrupt.has(id)
        ? Buffer.from('not a jpeg at all')
        : await generateEnrolmentPhoto(i, { width: 600, height: 800 });
      writeFileSync(join(photos, `${id}.jpg`), jpeg);
    }
    const journal = await openJournal(`sqlite:${join(dir, 'photos.db')}`);
    try {
      await prepare(journal, input, 'p', { photos });
      const status = await journal.status('p');
      expect(status.states).toMatchObject({ prepared: 115, rejected: 5 });
      expect(status.reasons).toEqual({ PHOTO_MISSING: 2, PHOTO_UNDECODABLE: 3 });
      const photo = (await preparedCard(journal, 'p', ids[0]!)).photo!;
      expect(photo.length).toBeLessThanOrEqual(3072);
      const meta = await sharp(photo).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 102, 126]);
    } finally {
      await journal.close();
    }
  }, 120_000);
});

describe('kill -9 during prepare, then the same command again', () => {
  it.each(Object.keys(STORES) as (keyof typeof STORES)[])(
    '%s: nothing lost, nothing twice',
    async (store) => {
      const rows = 60_000;
      const sheet = enrolmentSheet({ rows, faults: EVERY_FAULT, seed: 5 });
      const input = join(dir, `kill-${store}.csv`);
      await writeSheet(sheet, input, 'csv');
      const url = await STORES[store](`${store}_kill`);
      const args = ['issue', 'prepare', '--input', input, '--batch', 'k', '--store', url];
      const journal = await openJournal(url);
      try {
        const child = startHcard(args, { timeoutMs: 120_000 });
        // Kill once some chunks, but not all, are committed.
        let through = 0;
        for (let i = 0; i < 1200 && child.running; i++) {
          through = (await journal.getBatch('k'))?.preparedThrough ?? 0;
          if (through > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        child.child.kill('SIGKILL');
        await child.exited;
        const killedAt = (await journal.getBatch('k'))!.preparedThrough;
        expect(killedAt).toBeGreaterThan(0);
        expect(killedAt).toBeLessThan(rows);
        const rerun = startHcard(args, { timeoutMs: 120_000 });
        const result = await rerun.exited;
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/resumed after row \d+/);
        expectStatus(await journal.status('k'), sheet, rows);
      } finally {
        await journal.close();
      }
    },
    240_000,
  );
});
