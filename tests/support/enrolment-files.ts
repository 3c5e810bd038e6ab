/** Writes synthetic enrolment sheets as the files a station gets: CSV (UTF-8 or GB18030), XLSX, JSONL. */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { DEFAULT_COLUMNS, ENROLMENT_FIELDS } from '@hcard/issuance';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvLines, jsonlLines, type Sheet } from './enrolment.js';

export type SheetFormat = 'csv' | 'csv-gb18030' | 'xlsx' | 'jsonl';

async function writeLines(
  path: string,
  lines: Iterable<string>,
  encode: (s: string) => Uint8Array = (s) => Buffer.from(s),
) {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(encode(buffer))) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(encode(buffer));
  await once(out, 'close');
}

export async function writeSheet(sheet: Sheet, path: string, format: SheetFormat): Promise<void> {
  switch (format) {
    case 'csv':
      return writeLines(path, csvLines(sheet));
    case 'csv-gb18030':
      // GB18030 is GBK's superset: characters outside GBK survive in the file (and are rejected by the card codec).
      return writeLines(path, csvLines(sheet), (s) => iconv.encode(s, 'gb18030'));
    case 'jsonl':
      return writeLines(path, jsonlLines(sheet));
    case 'xlsx': {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
      const worksheet = workbook.addWorksheet('enrolment');
      worksheet.addRow(ENROLMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f])).commit();
      for (const row of sheet.rows()) worksheet.addRow(ENROLMENT_FIELDS.map((f) => row[f])).commit();
      worksheet.commit();
      await workbook.commit();
    }
  }
}
