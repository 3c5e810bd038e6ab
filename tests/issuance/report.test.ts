/**
 * `hcard issue status`, `report` and `face` on a prepared batch with some cards issued and
 * spoiled (marked through the journal as an encoder would): the JSON shape stations script
 * against, the lists' contents, masking, and the face at 300 dpi.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskIdNumber } from '@hcard/card-core';
import { TEST_KEY_STORE, testCertificate } from '@hcard/emulator';
import { csvCell, issuanceSettings, openJournal, prepareBatch, TEST_ISSUER_CONFIG } from '@hcard/issuance';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHcard } from '../support/cli-process.js';
import { enrolmentSheet, type Row } from '../support/enrolment.js';
import { writeSheet } from '../support/enrolment-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-report-'));
const store = `sqlite:${join(dir, 'j.db')}`;
const sheet = enrolmentSheet({ rows: 60, seed: 21, faults: { ID_CHECKSUM: 2, PHONE_INVALID: 1 } });
const rows: Row[] = [...sheet.rows()];
const cli = (args: string[]) => runHcard([...args, '--store', store], { timeoutMs: 60_000 });

beforeAll(async () => {
  const input = join(dir, 'in.csv');
  await writeSheet(sheet, input, 'csv');
  const journal = await openJournal(store);
  await prepareBatch({
    input,
    batch: 'v',
    journal,
    settings: issuanceSettings({ ...TEST_ISSUER_CONFIG, issueDate: '20261130' }, testCertificate('issuer')),
    securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
  });
  // Ten cards issued, one spoiled, as an encoding station reports them.
  const jobs = await journal.claim('v', 'st', 11);
  for (const job of jobs.slice(0, 10))
    await journal.markIssued('v', job.rowNumber, 'st', { chipSerial: `CHIP${job.rowNumber}`, atr: '3B6C' });
  await journal.markSpoiled('v', jobs[10]!.rowNumber, 'st', 'VERIFY_FAILED', {
    chipSerial: 'BAD1',
    atr: '3B6C',
  });
  await journal.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hcard issue status / report / face', () => {
  it('status --json has the documented shape and exact counts', async () => {
    const result = await cli(['issue', 'status', '--batch', 'v', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      batch: 'v',
      rows: 60,
      states: { pending: 0, prepared: 46, encoding: 0, issued: 10, spoiled: 1, rejected: 3 },
      reasons: { ID_CHECKSUM: 2, PHONE_INVALID: 1, VERIFY_FAILED: 1 },
    });
    const unknown = await cli(['issue', 'status', '--batch', 'nope']);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toMatch(/^hcard: HCARD_E_ISSUE_BATCH_UNKNOWN: /);
  });

  it('report writes the reject, spoiled, issued and distribution lists', async () => {
    const out = join(dir, 'report');
    const result = await cli(['issue', 'report', '--batch', 'v', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const lines = (name: string) =>
      readFileSync(join(out, name), 'utf8')
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');

    const rejects = lines('rejects.csv');
    expect(rejects[0]).toBe('row,reason,message,id_number_masked');
    expect(rejects.slice(1).map((l) => l.split(',')[1])).toEqual([
      'ID_CHECKSUM',
      'ID_CHECKSUM',
      'PHONE_INVALID',
    ]);
    // No full ID number anywhere in the reject list.
    const text = readFileSync(join(out, 'rejects.csv'), 'utf8');
    for (const r of rows) expect(text).not.toContain(r.idNumber);

    const issued = lines('issued.csv');
    expect(issued[0]).toBe('card_number,chip_serial,atr,issue_date');
    expect(issued).toHaveLength(11);
    const first = issued[1]!.split(',');
    expect(first[1]).toMatch(/^CHIP\d+$/);
    const row = rows[Number(first[1]!.slice(4)) - 1]!;
    expect(first).toEqual([row.idNumber, `CHIP${Number(first[1]!.slice(4))}`, '3B6C', '20261130']);

    expect(lines('spoiled.csv').slice(1)).toEqual([
      expect.stringMatching(/^\d+,VERIFY_FAILED,BAD1,\d{4}\*+/),
    ]);

    const distribution = lines('distribution.csv');
    expect(distribution[0]).toBe('township,village,row,name,id_number_masked,chip_serial');
    const entries = distribution.slice(1).map((l) => l.split(','));
    expect(entries).toHaveLength(10);
    // Sorted by township, village, row; each line is the person of that row, masked.
    const keys = entries.map((e) => `${e[0]}\u0000${e[1]}\u0000${e[2]!.padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
    for (const e of entries) {
      const person = rows[Number(e[2]) - 1]!;
      expect([e[0], e[1], e[3], e[4]]).toEqual([
        person.township,
        person.village,
        person.name,
        maskIdNumber(person.idNumber),
      ]);
    }
    const html = readFileSync(join(out, 'distribution.html'), 'utf8');
    expect(html.match(/<section>/g)?.length).toBe(new Set(entries.map((e) => `${e[0]}/${e[1]}`)).size);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({
      batch: 'v',
      rows: 60,
    });
  });

  it('face renders one person of the batch at 300 dpi', async () => {
    const file = join(dir, 'face.png');
    const id = rows[0]!.idNumber;
    const result = await cli(['issue', 'face', '--batch', 'v', '--id', id, '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height, meta.density]).toEqual([1011, 638, 300]);
    const svg = await cli(['issue', 'face', '--batch', 'v', '--id', id, '--out', join(dir, 'face.svg')]);
    expect(svg.code).toBe(0);
    expect(readFileSync(join(dir, 'face.svg'), 'utf8')).toContain(rows[0]!.name);
    const missing = await cli(['issue', 'face', '--batch', 'v', '--id', '110101194001019999', '--out', file]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).not.toContain('110101194001019999');
  });

  it('CSV cells are quoted when needed and never start a spreadsheet formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(undefined)).toBe('');
  });
});
