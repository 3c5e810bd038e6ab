/**
 * `report`: what a batch produced, as files for the people who need them.
 * - summary.json: the batch and its counts (the status JSON);
 * - rejects.csv: rows refused by validation (row, reason, message, masked ID);
 * - spoiled.csv: cards spoiled at encoding (row, reason, chip serial, masked ID);
 * - issued.csv: for the card-management platform (card number, chip serial, ATR, issue date);
 * - distribution.csv and distribution.html: issued cards per township and village, for
 *   handing them out (the page prints one village per sheet, with a column to sign).
 * Rows stream from the journal in pages; nothing holds a whole batch in memory.
 */

import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hcardError, maskIdNumber } from '@hcard/card-core';
import type { Journal } from './journal/journal.js';
import { parseTemplate, payloadValues, templateValues } from './records/card-template.js';

export interface ReportFiles {
  readonly dir: string;
  readonly files: readonly string[];
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly (string | number | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

const html = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes with back-pressure, so a million rows never pile up in memory. */
class Output {
  readonly #stream: WriteStream;
  constructor(path: string, bom = false) {
    this.#stream = createWriteStream(path);
    // Excel opens a UTF-8 CSV as UTF-8 only with a BOM.
    if (bom) this.#stream.write('\ufeff');
  }
  async write(text: string): Promise<void> {
    if (!this.#stream.write(text)) await once(this.#stream, 'drain');
  }
  async close(): Promise<void> {
    this.#stream.end();
    await once(this.#stream, 'close');
  }
}

export async function writeReport(journal: Journal, batch: string, dir: string): Promise<ReportFiles> {
  const info = await journal.getBatch(batch);
  if (!info) throw hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', batch);
  mkdirSync(dir, { recursive: true });
  const template = parseTemplate(info.template);
  const batchValues = templateValues(template);
  const status = await journal.status(batch);
  const files: string[] = [];
  const open = (name: string, bom = true) => {
    files.push(name);
    return new Output(join(dir, name), bom);
  };

  writeFileSync(
    join(dir, 'summary.json'),
    `${JSON.stringify({ ...status, createdAt: info.createdAt, prepareDone: info.prepareDone, issueDate: batchValues.issueDate, expiryDate: batchValues.expiryDate }, null, 2)}\n`,
  );
  files.push('summary.json');

  const rejects = open('rejects.csv');
  await rejects.write(csvLine(['row', 'reason', 'message', 'id_number_masked']));
  for await (const row of journal.rows(batch, { states: ['rejected'] }))
    await rejects.write(
      csvLine([row.rowNumber, row.reason, row.message, row.idNumber ? maskIdNumber(row.idNumber) : '']),
    );
  await rejects.close();

  const spoiled = open('spoiled.csv');
  await spoiled.write(csvLine(['row', 'reason', 'chip_serial', 'id_number_masked']));
  for await (const row of journal.rows(batch, { states: ['spoiled'] }))
    await spoiled.write(
      csvLine([row.rowNumber, row.reason, row.chipSerial, row.idNumber ? maskIdNumber(row.idNumber) : '']),
    );
  await spoiled.close();

  const issued = open('issued.csv');
  await issued.write(csvLine(['card_number', 'chip_serial', 'atr', 'issue_date']));
  for await (const row of journal.rows(batch, { states: ['issued'] }))
    await issued.write(csvLine([row.idNumber, row.chipSerial, row.atr, batchValues.issueDate]));
  await issued.close();

  await writeDistribution(
    journal,
    batch,
    template,
    open('distribution.csv'),
    open('distribution.html', false),
  );
  return { dir, files };
}

/** Issued cards grouped by township and village (the journal streams them in that order). */
async function writeDistribution(
  journal: Journal,
  batch: string,
  template: ReturnType<typeof parseTemplate>,
  csv: Output,
  page: Output,
): Promise<void> {
  await csv.write(csvLine(['township', 'village', 'row', 'name', 'id_number_masked', 'chip_serial']));
  await page.write(
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>发卡清单 ${html(batch)}</title>\n` +
      '<style>body{font-family:"WenQuanYi Micro Hei",sans-serif}section{break-after:page}' +
      'table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:4px 6px;text-align:left}' +
      'td.sign{width:30%}</style></head><body>\n',
  );
  let place: string | undefined;
  let n = 0;
  const close = async () => {
    if (place !== undefined) await page.write('</tbody></table></section>\n');
  };
  for await (const row of journal.rows(batch, { states: ['issued'], order: 'place', withPayload: true })) {
    const key = `${row.township ?? ''}\u0000${row.village ?? ''}`;
    if (key !== place) {
      await close();
      place = key;
      n = 0;
      await page.write(
        `<section><h1>${html(row.township ?? '')} ${html(row.village ?? '')}</h1><p>批次 ${html(batch)}</p>` +
          '<table><thead><tr><th>#</th><th>姓名</th><th>身份证号</th><th>签收</th></tr></thead><tbody>\n',
      );
    }
    const name = row.payload ? (payloadValues(template, row.payload).name ?? '') : '';
    const masked = row.idNumber ? maskIdNumber(row.idNumber) : '';
    n++;
    await csv.write(csvLine([row.township, row.village, row.rowNumber, name, masked, row.chipSerial]));
    await page.write(
      `<tr><td>${n}</td><td>${html(name)}</td><td>${html(masked)}</td><td class="sign"></td></tr>\n`,
    );
  }
  await close();
  await page.write('</body></html>\n');
  await csv.close();
  await page.close();
}
